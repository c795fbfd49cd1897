import type { Mention } from './types';

/**
 * Agreements and events named by a description: a small grammar per entity of head nouns
 * ("statement", "заявление", "meeting") and anchors (a date, a place, "tripartite"). A
 * description is a run of the entity's heads and anchors, joined by spaces or, after a head,
 * by connectives ("of", "in", "от", "в", "du"); it names the entity only when it holds at least
 * one head and one anchor, so "the agreement" or "the meeting" alone names nothing.
 */

/** Connectives that may stand between a head and the anchors that follow it, in the five press languages. */
const CONNECTIVES = new Set(
  ('of on in at from the and du de des le la à en et dans ' + 'в во от на и года г. ' + 've ile də da ilə və ' + "d' l'").split(' '),
);

/** A date right after a description that is none of its own anchors: another event of the same kind ("the trilateral statement of 11 January 2021"). */
const ANOTHER_DATE = /^[\s,]*(?:of|on|from|dated|от|du|de|le)\s+(?:[^\s.;:!?\u2029]+\s+){0,3}?(?:1[89]|20)\d\d(?!\d)/iu;

/** One head or anchor found in the text, for the entity `entity`. */
export interface DescriptionToken extends Mention {
  role: 'head' | 'anchor';
}

/** Text between two tokens that keeps them in one description: nothing but spaces, or (after a head) connectives. */
function joins(text: string, connectivesToo: boolean): boolean {
  // Far apart is never joined: without this, each token would run the regular expressions below over all the text
  // between it and every earlier token, quadratic in a long page (1 s on 0.7 MB). The gap may hold at most 24
  // characters once a suffix after an apostrophe and quotation marks are taken off; no suffix or run of marks is 72 long.
  if (text.length > 96) return false;
  // A Turkish suffix after an apostrophe stays with the word before it ("19 Eylül'deki harekat").
  // So does a quotation mark around a token ('the "3+3" format', 'формате «3+3»').
  const gap = text.replace(/^['’]\p{L}+/u, '').replace(/^["»”]+|["«“„]+$/g, '');
  if (gap.length > 24 || /[.;:!?()"«»\u2029]/.test(gap.replace(/г\./g, ''))) return false;
  const words = gap
    .trim()
    .split(/[\s,]+|(?<=')/)
    .filter(Boolean);
  if (words.length === 0) return !/,/.test(gap) || connectivesToo;
  return connectivesToo && words.every((w) => CONNECTIVES.has(w.toLowerCase()));
}

/**
 * The descriptions among `tokens` (each a head or anchor of one entity, found with word boundaries):
 * one mention per run, spanning its heads and anchors, with the pattern of its first head.
 */
export function describe(text: string, tokens: DescriptionToken[]): Mention[] {
  const sorted = [...tokens].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Mention[] = [];
  const seen = new Set<string>();
  for (const head of sorted) {
    if (head.role !== 'head') continue;
    const own = (t: DescriptionToken) => t.entity === head.entity;
    const index = sorted.indexOf(head);
    // Leftwards: the entity's anchors and heads directly before the head ("9 November 2020 tripartite statement").
    let start = head.start;
    let anchors = 0;
    let dated = false;
    for (let edge = head.start; ;) {
      // The longest of the entity's tokens that ends right before the edge.
      let best: DescriptionToken | null = null;
      for (let i = index - 1; i >= 0; i--) {
        const t = sorted[i]!;
        if (own(t) && t.end <= edge && (!best || t.start < best.start) && joins(text.slice(t.end, edge), false)) best = t;
      }
      if (!best) break;
      if (best.role === 'anchor') anchors++;
      if (best.role === 'anchor' && /\d/.test(text.slice(best.start, best.end))) dated = true;
      start = edge = best.start;
    }
    // Rightwards: connectives and anchors ("statement of 10 November 2020", "встреча 6 октября в Праге"),
    // passing over another entity's anchors in a coordination ("in Prague and on 31 October in Sochi").
    let end = head.end;
    let skipped = false;
    let ownStartAfterSkip = -1;
    for (let i = index + 1, edge = head.end; i < sorted.length; i++) {
      const t = sorted[i]!;
      if (t.start < edge) continue;
      if (!joins(text.slice(edge, t.start), true)) break;
      edge = t.end;
      if (!own(t)) {
        if (t.role !== 'anchor') break;
        skipped = true;
        continue;
      }
      if (t.role === 'anchor') anchors++;
      if (t.role === 'anchor' && /\d/.test(text.slice(t.start, t.end))) dated = true;
      if (skipped && ownStartAfterSkip < 0) ownStartAfterSkip = t.start;
      end = t.end;
    }
    if (anchors === 0 || (!dated && ANOTHER_DATE.test(text.slice(end, end + 48)))) continue;
    if (ownStartAfterSkip >= 0) start = ownStartAfterSkip;
    const key = `${head.entity} ${start} ${end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ entity: head.entity, start, end, pattern: head.pattern });
  }
  return out;
}

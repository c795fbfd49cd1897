import type { Provenance } from '../corpus/types';
import type { KnowledgeBase } from '../kb/types-kb';
import { foldPattern } from '../match/fold';
import type { Speaker } from '../statements/types';

/** The four answers a quote check can give. */
export type Verdict = 'exact' | 'close' | 'partial' | 'none';

/** Human wording of each verdict. */
export const VERDICT_LABEL: Record<Verdict, string> = {
  exact: 'Exact: this wording is in the corpus',
  close: 'Close — wording differs',
  partial: 'Only part of it matches',
  none: 'Not in the corpus',
};

/** One step of a word-level diff between the checked text and the source wording. */
export type DiffOp =
  | { op: 'equal'; text: string }
  | { op: 'replace'; checked: string; source: string }
  | { op: 'missing'; source: string }
  | { op: 'extra'; checked: string };

/** Where (part of) the checked text was found: a statement (with its speaker) or a passage. */
export interface QuoteMatch {
  kind: 'statement' | 'passage';
  id: string;
  passage: string;
  speaker?: Speaker;
  date: string;
  source: Pick<Provenance, 'publisher' | 'title' | 'url' | 'date'>;
  /** The source's wording for the aligned span. */
  sourceText: string;
  /** Which words of the checked text this match covers, [start, end) in word positions. */
  covers: [number, number];
  matchedWords: number;
  diff: DiffOp[];
}

/** The result of a quote check. */
export interface QuoteCheckResult {
  verdict: Verdict;
  query: string;
  words: number;
  matches: QuoteMatch[];
  /** True when the text is too short to check (fewer than MIN_WORDS words). */
  tooShort?: boolean;
}

/** Fewer words than this say nothing about a quote: every short phrase is somewhere. */
export const MIN_WORDS = 3;

interface Tokens {
  /** Folded words, for comparing. */
  norm: string[];
  /** The words as written, for showing. */
  shown: string[];
}

/** Splits text into words, folding case, diacritics and apostrophes; punctuation and quote marks are dropped. */
export function tokenize(text: string): Tokens {
  const shown = (text.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’‑-]*/gu) ?? []).map((w) => w.replace(/['’‑-]+$/, ''));
  return { shown, norm: shown.map((w) => foldPattern(w).replace(/[’]/g, "'").replace(/'s$/, '')) };
}

interface Candidate {
  kind: 'statement' | 'passage';
  id: string;
  passage: string;
  speaker?: Speaker;
  date: string;
  source: QuoteMatch['source'];
  tokens: Tokens;
}

/** Everything a quote can be checked against: statement texts first (they carry a speaker), then every passage. */
export function quoteCandidates(kb: KnowledgeBase): Candidate[] {
  const source = new Map(kb.docs.map((d) => [d.id, d.provenance]));
  const out: Candidate[] = [];
  for (const s of kb.statements) {
    const p = source.get(s.doc)!;
    out.push({
      kind: 'statement',
      id: s.id,
      passage: s.passage,
      speaker: s.speaker,
      date: s.statedOn ?? s.docDate,
      source: p,
      tokens: tokenize(s.text.replace(/ … /g, ' ')),
    });
  }
  for (const d of kb.docs) {
    for (const p of d.passages) {
      if (p.kind === 'note') continue;
      out.push({ kind: 'passage', id: p.id, passage: p.id, date: d.provenance.date, source: d.provenance, tokens: tokenize(p.text) });
    }
  }
  return out;
}

interface Alignment {
  score: number;
  qStart: number;
  qEnd: number;
  cStart: number;
  cEnd: number;
  matched: number;
  diff: DiffOp[];
}

const MATCH = 2;
const MISMATCH = -1;
const GAP = -1;

/** Best local word alignment of the query against one candidate (Smith–Waterman), with its diff. */
function align(q: Tokens, c: Tokens, qFrom = 0, qTo = q.norm.length): Alignment | null {
  const n = qTo - qFrom;
  const m = c.norm.length;
  if (n === 0 || m === 0) return null;
  const H = new Int32Array((n + 1) * (m + 1));
  let best = 0;
  let bi = 0;
  let bj = 0;
  for (let i = 1; i <= n; i++) {
    const qi = q.norm[qFrom + i - 1];
    for (let j = 1; j <= m; j++) {
      const diag = H[(i - 1) * (m + 1) + j - 1]! + (qi === c.norm[j - 1] ? MATCH : MISMATCH);
      const up = H[(i - 1) * (m + 1) + j]! + GAP;
      const left = H[i * (m + 1) + j - 1]! + GAP;
      const v = Math.max(0, diag, up, left);
      H[i * (m + 1) + j] = v;
      if (v > best) {
        best = v;
        bi = i;
        bj = j;
      }
    }
  }
  if (best === 0) return null;
  // Trace back to build the diff.
  const ops: DiffOp[] = [];
  let i = bi;
  let j = bj;
  let matched = 0;
  while (i > 0 && j > 0 && H[i * (m + 1) + j]! > 0) {
    const v = H[i * (m + 1) + j]!;
    const qi = q.norm[qFrom + i - 1];
    const cj = c.norm[j - 1];
    if (v === H[(i - 1) * (m + 1) + j - 1]! + (qi === cj ? MATCH : MISMATCH)) {
      if (qi === cj) {
        ops.push({ op: 'equal', text: c.shown[j - 1]! });
        matched++;
      } else ops.push({ op: 'replace', checked: q.shown[qFrom + i - 1]!, source: c.shown[j - 1]! });
      i--;
      j--;
    } else if (v === H[(i - 1) * (m + 1) + j]! + GAP) {
      ops.push({ op: 'extra', checked: q.shown[qFrom + i - 1]! });
      i--;
    } else {
      ops.push({ op: 'missing', source: c.shown[j - 1]! });
      j--;
    }
  }
  ops.reverse();
  // Trim unmatched edges so the span starts and ends on agreeing words.
  while (ops.length && ops[0]!.op !== 'equal') {
    const op = ops.shift()!;
    if (op.op === 'replace' || op.op === 'extra') i++;
    if (op.op === 'replace' || op.op === 'missing') j++;
  }
  while (ops.length && ops[ops.length - 1]!.op !== 'equal') {
    const op = ops.pop()!;
    if (op.op === 'replace' || op.op === 'extra') bi--;
    if (op.op === 'replace' || op.op === 'missing') bj--;
  }
  return { score: best, qStart: qFrom + i, qEnd: qFrom + bi, cStart: j, cEnd: bj, matched, diff: mergeDiff(ops) };
}

/** Joins runs of the same operation so the diff reads as phrases. */
function mergeDiff(ops: DiffOp[]): DiffOp[] {
  const out: DiffOp[] = [];
  for (const op of ops) {
    const last = out[out.length - 1];
    if (last && last.op === op.op) {
      if (op.op === 'equal') (last as { text: string }).text += ` ${op.text}`;
      if (op.op === 'replace') {
        (last as { checked: string }).checked += ` ${op.checked}`;
        (last as { source: string }).source += ` ${op.source}`;
      }
      if (op.op === 'missing') (last as { source: string }).source += ` ${op.source}`;
      if (op.op === 'extra') (last as { checked: string }).checked += ` ${op.checked}`;
    } else out.push({ ...op });
  }
  return out;
}

function bestFor(q: Tokens, candidates: Candidate[], from: number, to: number): { cand: Candidate; al: Alignment } | null {
  let best: { cand: Candidate; al: Alignment } | null = null;
  for (const cand of candidates) {
    const al = align(q, cand.tokens, from, to);
    if (!al) continue;
    // Prefer more matched words, then a statement over a bare passage (it names the speaker), then fewer edits.
    const better =
      !best ||
      al.matched > best.al.matched ||
      (al.matched === best.al.matched && cand.kind === 'statement' && best.cand.kind === 'passage') ||
      (al.matched === best.al.matched && cand.kind === best.cand.kind && al.diff.length < best.al.diff.length);
    if (better) best = { cand, al };
  }
  return best;
}

function toMatch(cand: Candidate, al: Alignment): QuoteMatch {
  return {
    kind: cand.kind,
    id: cand.id,
    passage: cand.passage,
    ...(cand.speaker ? { speaker: cand.speaker } : {}),
    date: cand.date,
    source: { publisher: cand.source.publisher, title: cand.source.title, url: cand.source.url, date: cand.source.date },
    sourceText: cand.tokens.shown.slice(al.cStart, al.cEnd).join(' '),
    covers: [al.qStart, al.qEnd],
    matchedWords: al.matched,
    diff: al.diff,
  };
}

/**
 * Local alignment stops at the last agreeing word, so a changed first or last
 * word would vanish from the diff. Pair the checked text's leftover edge words
 * with the source's neighbouring words (a replacement), or mark them extra.
 */
function extendToQuery(q: Tokens, c: Tokens, al: Alignment): Alignment {
  const diff = [...al.diff];
  let { qStart, qEnd, cStart, cEnd } = al;
  const lead: DiffOp[] = [];
  while (qStart > 0) {
    qStart--;
    if (cStart > 0) {
      cStart--;
      lead.unshift({ op: 'replace', checked: q.shown[qStart]!, source: c.shown[cStart]! });
    } else lead.unshift({ op: 'extra', checked: q.shown[qStart]! });
  }
  const tail: DiffOp[] = [];
  while (qEnd < q.norm.length) {
    if (cEnd < c.norm.length) {
      tail.push({ op: 'replace', checked: q.shown[qEnd]!, source: c.shown[cEnd]! });
      cEnd++;
    } else tail.push({ op: 'extra', checked: q.shown[qEnd]! });
    qEnd++;
  }
  return { ...al, qStart, qEnd, cStart, cEnd, diff: mergeDiff([...lead, ...diff, ...tail]) };
}

/** A run of at least this many words in a row must agree before any match is claimed. */
const MIN_RUN = 4;

function longestEqualRun(diff: DiffOp[]): number {
  return Math.max(0, ...diff.filter((d) => d.op === 'equal').map((d) => (d as { text: string }).text.split(' ').length));
}

/**
 * Checks whether a quote is in the corpus and with which wording. It never
 * claims a match it does not have: a verdict needs agreeing words in a row.
 */
export function checkQuote(kb: KnowledgeBase, query: string, candidates = quoteCandidates(kb)): QuoteCheckResult {
  const q = tokenize(query);
  const words = q.norm.length;
  const result = (verdict: Verdict, matches: QuoteMatch[]): QuoteCheckResult => ({ verdict, query, words, matches });
  if (words < MIN_WORDS) return { ...result('none', []), tooShort: true };
  const first = bestFor(q, candidates, 0, words);
  if (!first || longestEqualRun(first.al.diff) < Math.min(MIN_RUN, words)) return result('none', []);
  const { al } = first;
  const edits = al.diff.filter((d) => d.op !== 'equal').length;
  const covered = al.qEnd - al.qStart;
  if (al.matched === words && edits === 0) return result('exact', [toMatch(first.cand, al)]);
  if (covered >= words * 0.9 && al.matched >= words * 0.7)
    return result('close', [toMatch(first.cand, extendToQuery(q, first.cand.tokens, al))]);
  // Part of it matches: look for other sources of the words left over (a quote that mixes two speakers).
  const matches = [toMatch(first.cand, al)];
  for (const [from, to] of [
    [0, al.qStart],
    [al.qEnd, words],
  ] as const) {
    if (to - from < MIN_RUN) continue;
    const other = bestFor(q, candidates, from, to);
    if (other && longestEqualRun(other.al.diff) >= MIN_RUN) matches.push(toMatch(other.cand, other.al));
  }
  matches.sort((a, b) => a.covers[0] - b.covers[0]);
  return result(al.matched >= MIN_RUN ? 'partial' : 'none', al.matched >= MIN_RUN ? matches : []);
}

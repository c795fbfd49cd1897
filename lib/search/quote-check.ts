import type { Provenance } from '../corpus/types';
import type { KnowledgeBase } from '../kb/types-kb';
import { foldPattern } from '../match/fold';
import type { Speaker, Statement } from '../statements/types';
import { guessLanguage, isNegation, isStopWord, type PressLanguage } from './language';
import { EN, type MessageKey, type Translator } from '../i18n';

/** The answers a quote check can give. "reported" is an exact match of reported speech: the reporter's words, not the speaker's. */
export type Verdict = 'exact' | 'reported' | 'close' | 'partial' | 'none';

/** Human wording of each verdict. */
const VERDICT_KEY = {
  exact: 'verdictExact',
  reported: 'verdictReported',
  close: 'verdictClose',
  partial: 'verdictPartial',
  none: 'verdictNone',
} as const satisfies Record<Verdict, MessageKey>;

/** Human wording of each verdict, in English (exports and the command line). */
export const VERDICT_LABEL: Record<Verdict, string> = {
  exact: EN.t('verdictExact'),
  reported: EN.t('verdictReported'),
  close: EN.t('verdictClose'),
  partial: EN.t('verdictPartial'),
  none: EN.t('verdictNone'),
};

/** The verdict in words, naming the speaker where the verdict is about a report of what someone said. */
export function verdictLabel(result: Pick<QuoteCheckResult, 'verdict' | 'matches'>, { t }: Translator = EN): string {
  const first = result.matches[0];
  if (result.verdict === 'reported' && first?.speaker) return t('verdictReportedBy', { name: first.speaker.name });
  if (result.verdict === 'exact' && first?.kind === 'passage') return t('verdictExactNarration');
  return t(VERDICT_KEY[result.verdict]);
}

/** How a match's words came to the source: a direct quote, reported speech, or the author's narration. */
export function matchKindLabel(m: Pick<QuoteMatch, 'kind' | 'statementKind'>, { t }: Translator = EN): string {
  if (m.kind === 'passage') return t('matchNarration');
  return m.statementKind === 'reported' ? t('matchReported') : t('kindDirect');
}

/**
 * One step of a word-level diff between the checked text ("checked", your
 * words) and the source ("source", the source's exact characters).
 * `negation` marks a step where a negation is on one side only;
 * `outside` marks source words between two quoted fragments (the reporter's, not the speaker's).
 */
export type DiffOp =
  | { op: 'equal'; text: string }
  | { op: 'replace'; checked: string; source: string; negation?: true }
  | { op: 'missing'; source: string; negation?: true; outside?: true }
  | { op: 'extra'; checked: string; negation?: true };

/** The source a match comes from, with full provenance. */
export type QuoteSource = Pick<Provenance, 'publisher' | 'title' | 'url' | 'date' | 'author'>;

/** Where (part of) the checked text was found: a statement (with its speaker) or a passage. */
export interface QuoteMatch {
  kind: 'statement' | 'passage';
  /** For statements: a direct quote or reported speech. */
  statementKind?: 'direct' | 'reported';
  id: string;
  passage: string;
  speaker?: Speaker;
  date: string;
  source: QuoteSource;
  /** The source's exact characters for the aligned span, punctuation included. */
  sourceText: string;
  /** Which words of the checked text this match covers, [start, end) in word positions. */
  covers: [number, number];
  matchedWords: number;
  diff: DiffOp[];
  /** True when a negation is on one side only: the meaning may be reversed. */
  negation?: true;
  /** The narration around a statement, when the narration holds the same words. */
  context?: { passage: string; text: string };
}

/** The result of a quote check. */
export interface QuoteCheckResult {
  verdict: Verdict;
  query: string;
  words: number;
  matches: QuoteMatch[];
  /** Phrases of the checked text that no match covers. */
  unmatched: string[];
  /** Set when the checked text is not English: the corpus holds English sources, and the check compares wording, not meaning. */
  language?: PressLanguage;
  /** True when the text is too short to check (fewer than MIN_WORDS words). */
  tooShort?: boolean;
}

/** What to tell a reader whose text is not in English. */
export const NOT_ENGLISH_NOTE = EN.t('checkNotEnglish');

/** Fewer words than this say nothing about a quote: every short phrase is somewhere. */
export const MIN_WORDS = 3;

/** A run of at least this many words in a row must agree before any match is claimed. */
const MIN_RUN = 4;

/**
 * A claimed run must also be distinctive. Its core (the run without function
 * words at its edges) counts for nothing when it is a short phrase found in
 * more than one passage ("territorial claims against Azerbaijan", "Zangezur
 * corridor", "peace in the region"); otherwise the sum of the core's inverse
 * document frequencies (ln of passages / passages with the word) must reach
 * this: "Azerbaijan and Armenia, as well" (≈6) does not; "the most serious
 * obstacle to" (≈12) does.
 */
const MIN_DISTINCTIVE = 6.5;

interface Token {
  norm: string;
  start: number;
  end: number;
  /** For statements: inside the speaker's words (false between two quoted fragments). */
  own: boolean;
}

// Every dash separates words, as folding makes them spaces: "Armenia–Azerbaijan" (en dash), "Armenia-Azerbaijan"
// and "Armenia Azerbaijan" are the same words, whichever one the quote or the source uses.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’]*/gu;

const normWord = (w: string) => foldPattern(w).replace(/[’]/g, "'").replace(/'s$/, '');

function tokens(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  for (const m of text.slice(from, to).matchAll(WORD)) {
    const shown = m[0].replace(/['’]+$/, '');
    const start = from + m.index;
    out.push({ norm: normWord(shown), start, end: start + shown.length, own: true });
  }
  return out;
}

/** Splits text into words, folding case, diacritics and apostrophes; punctuation and quote marks are dropped. */
export function tokenize(text: string): { norm: string[]; shown: string[] } {
  const t = tokens(text);
  return { norm: t.map((x) => x.norm), shown: t.map((x) => text.slice(x.start, x.end)) };
}

interface Candidate {
  kind: 'statement' | 'passage';
  statementKind?: 'direct' | 'reported';
  id: string;
  passage: string;
  speaker?: Speaker;
  date: string;
  source: QuoteSource;
  /** The passage's text; token offsets point into it. */
  text: string;
  toks: Token[];
  norm: string[];
}

/** Everything a quote is checked against, with the corpus's word statistics. */
export interface QuoteIndex {
  candidates: Candidate[];
  /** For each folded word, the candidates (indexes into `candidates`, ascending) that hold it. */
  postings: Map<string, number[]>;
  /** Inverse document frequency of each folded word over the passages. */
  idf: Map<string, number>;
  maxIdf: number;
  /** In how many passages a phrase (folded words) occurs. */
  phraseCount: (words: string[]) => number;
}

/** Marks which tokens of a statement's span are the speaker's words: a split quote's fragments, not the narration between them. */
function markOwn(s: Statement, text: string, toks: Token[]) {
  const fragments = s.text.split(' … ');
  if (fragments.length < 2) return;
  const ranges: Array<[number, number]> = [];
  let pos = s.start;
  for (const f of fragments) {
    const core = f.replace(/^[\s"“”‘’']+|[\s"“”‘’'.,;:!?]+$/g, '');
    const at = text.indexOf(core, pos);
    if (at < 0) return;
    ranges.push([at, at + core.length]);
    pos = at + core.length;
  }
  for (const t of toks) t.own = ranges.some(([a, b]) => t.start >= a && t.end <= b);
}

/** Builds the statements and passages a quote can be checked against, and the corpus's word weights. */
export function quoteCandidates(kb: KnowledgeBase): QuoteIndex {
  const docs = new Map(kb.docs.map((d) => [d.id, d]));
  const passages = new Map(kb.docs.flatMap((d) => d.passages.map((p) => [p.id, p] as const)));
  const sourceOf = (p: Provenance): QuoteSource => ({
    publisher: p.publisher,
    title: p.title,
    url: p.url,
    date: p.date,
    author: p.author,
  });
  const candidates: Candidate[] = [];
  const make = (c: Omit<Candidate, 'norm'>): Candidate => ({ ...c, norm: c.toks.map((t) => t.norm) });
  for (const s of kb.statements) {
    const p = passages.get(s.passage);
    const doc = docs.get(s.doc);
    if (!p || !doc) continue;
    const toks = tokens(p.text, s.start, s.end);
    if (s.kind === 'direct') markOwn(s, p.text, toks);
    candidates.push(
      make({
        kind: 'statement',
        statementKind: s.kind,
        id: s.id,
        passage: s.passage,
        speaker: s.speaker,
        date: s.statedOn ?? s.docDate,
        source: sourceOf(doc.provenance),
        text: p.text,
        toks,
      }),
    );
  }
  const df = new Map<string, number>();
  let n = 0;
  for (const d of kb.docs) {
    for (const p of d.passages) {
      if (p.kind === 'note') continue;
      const c = make({
        kind: 'passage',
        id: p.id,
        passage: p.id,
        date: d.provenance.date,
        source: sourceOf(d.provenance),
        text: p.text,
        toks: tokens(p.text),
      });
      candidates.push(c);
      n++;
      for (const w of new Set(c.norm)) df.set(w, (df.get(w) ?? 0) + 1);
    }
  }
  const idf = new Map([...df].map(([w, k]) => [w, Math.log(n / k)]));
  // Word → candidates, so a check looks only at candidates that share its words (the library can hold thousands).
  const postings = new Map<string, number[]>();
  candidates.forEach((c, i) => {
    for (const w of new Set(c.norm)) {
      const list = postings.get(w);
      if (list) list.push(i);
      else postings.set(w, [i]);
    }
  });
  const counted = new Map<string, number>();
  const phraseCount = (words: string[]) => {
    if (words.length === 0) return Infinity;
    const key = words.join(' ');
    let count = counted.get(key);
    if (count === undefined) {
      // Only passages holding the phrase's rarest word can hold the phrase.
      const rarest = words.reduce((a, b) => ((postings.get(b)?.length ?? 0) < (postings.get(a)?.length ?? 0) ? b : a));
      count = (postings.get(rarest) ?? []).filter((i) => {
        const c = candidates[i]!;
        return c.kind === 'passage' && c.norm.some((w, k) => w === words[0] && words.every((x, j) => c.norm[k + j] === x));
      }).length;
      if (counted.size > 10_000) counted.clear();
      counted.set(key, count);
    }
    return count;
  };
  return { candidates, postings, idf, maxIdf: Math.log(Math.max(n, 2)), phraseCount };
}

type RawOp = { op: 'equal' | 'replace'; qi: number; cj: number } | { op: 'missing'; cj: number } | { op: 'extra'; qi: number };

interface Alignment {
  qStart: number;
  qEnd: number;
  cStart: number;
  cEnd: number;
  ops: RawOp[];
  matched: number;
  /** Sum of the matched words' weights. */
  weight: number;
  /** Length, weight and query words [start, end) of the most distinctive run of agreeing words. */
  run: number;
  runWeight: number;
  runAt: [number, number];
}

interface Query {
  text: string;
  toks: Token[];
  norm: string[];
}

const MATCH = 2;
const MISMATCH = -1;
const GAP = -1;

/** Best local word alignment (Smith–Waterman) of query words [qFrom, qTo) against candidate words [cFrom, cTo). */
function align(ix: QuoteIndex, q: Query, c: Candidate, qFrom: number, qTo: number, cFrom = 0, cTo = c.norm.length): Alignment | null {
  const n = qTo - qFrom;
  const m = cTo - cFrom;
  if (n <= 0 || m <= 0) return null;
  const w = m + 1;
  const H = new Int32Array((n + 1) * w);
  let best = 0;
  let bi = 0;
  let bj = 0;
  for (let i = 1; i <= n; i++) {
    const qi = q.norm[qFrom + i - 1];
    const row = i * w;
    const prev = (i - 1) * w;
    for (let j = 1; j <= m; j++) {
      const diag = H[prev + j - 1]! + (qi === c.norm[cFrom + j - 1] ? MATCH : MISMATCH);
      const v = Math.max(0, diag, H[prev + j]! + GAP, H[row + j - 1]! + GAP);
      H[row + j] = v;
      if (v > best) [best, bi, bj] = [v, i, j];
    }
  }
  if (best === 0) return null;
  const ops: RawOp[] = [];
  let i = bi;
  let j = bj;
  while (i > 0 && j > 0 && H[i * w + j]! > 0) {
    const v = H[i * w + j]!;
    const same = q.norm[qFrom + i - 1] === c.norm[cFrom + j - 1];
    if (v === H[(i - 1) * w + j - 1]! + (same ? MATCH : MISMATCH)) {
      ops.push({ op: same ? 'equal' : 'replace', qi: qFrom + i - 1, cj: cFrom + j - 1 });
      i--;
      j--;
    } else if (v === H[(i - 1) * w + j]! + GAP) {
      ops.push({ op: 'extra', qi: qFrom + i - 1 });
      i--;
    } else {
      ops.push({ op: 'missing', cj: cFrom + j - 1 });
      j--;
    }
  }
  ops.reverse();
  return summarize(ix, q, c, trimEdges(ops));
}

/** Drops unmatched steps at both ends, so a span starts and ends on agreeing words. */
function trimEdges(ops: RawOp[]): RawOp[] {
  let a = 0;
  let b = ops.length;
  while (a < b && ops[a]!.op !== 'equal') a++;
  while (b > a && ops[b - 1]!.op !== 'equal') b--;
  return ops.slice(a, b);
}

function summarize(ix: QuoteIndex, q: Query, c: Candidate, ops: RawOp[]): Alignment | null {
  const equal = ops.filter((o): o is { op: 'equal'; qi: number; cj: number } => o.op === 'equal');
  if (equal.length === 0) return null;
  const qs = ops.filter((o) => 'qi' in o).map((o) => (o as { qi: number }).qi);
  const cs = ops.filter((o) => 'cj' in o).map((o) => (o as { cj: number }).cj);
  const weightOf = (k: number) => ix.idf.get(q.norm[k]!) ?? ix.maxIdf;
  let run = 0;
  let runWeight = -1;
  let runAt: [number, number] = [0, 0];
  let cur: number[] = [];
  for (const o of [...ops, null]) {
    if (o?.op === 'equal') {
      cur.push(o.qi);
      continue;
    }
    if (cur.length) {
      // The run's core: without function words at its edges ("the Zangezur corridor will" → "Zangezur corridor").
      let a = 0;
      let b = cur.length;
      while (a < b && isStopWord(q.norm[cur[a]!]!)) a++;
      while (b > a && isStopWord(q.norm[cur[b - 1]!]!)) b--;
      const core = cur.slice(a, b);
      const stock = core.length <= 5 && ix.phraseCount(core.map((k) => q.norm[k]!)) > 1;
      const weight = stock ? 0 : core.reduce((s, k) => s + weightOf(k), 0);
      if (weight > runWeight || (weight === runWeight && cur.length > run)) {
        [run, runWeight, runAt] = [cur.length, weight, [cur[0]!, cur[cur.length - 1]! + 1]];
      }
    }
    cur = [];
  }
  return {
    qStart: Math.min(...qs),
    qEnd: Math.max(...qs) + 1,
    cStart: Math.min(...cs),
    cEnd: Math.max(...cs) + 1,
    ops,
    matched: equal.length,
    weight: equal.reduce((s, o) => s + weightOf(o.qi), 0),
    run,
    runWeight,
    runAt,
  };
}

/** Whether an alignment says enough to name a source: enough agreeing words in a row, and distinctive ones. */
function claims(al: Alignment, words: number): boolean {
  return al.run >= Math.min(MIN_RUN, words) && al.runWeight >= Math.min(MIN_DISTINCTIVE, MIN_DISTINCTIVE * (words / MIN_RUN));
}

interface Found {
  cand: Candidate;
  al: Alignment;
}

/**
 * The candidate whose alignment carries the most distinctive agreeing words; a statement wins a tie, then fewer
 * edits, then the earlier candidate. Candidates are tried by an upper bound of their weight (the weights of the
 * query words they hold), so the search stops as soon as no candidate left can reach the best one.
 */
function bestFor(ix: QuoteIndex, q: Query, from: number, to: number, only?: (c: Candidate) => boolean): Found | null {
  const weights = new Map<string, number>();
  for (let k = from; k < to; k++) weights.set(q.norm[k]!, (weights.get(q.norm[k]!) ?? 0) + (ix.idf.get(q.norm[k]!) ?? ix.maxIdf));
  const shared = new Map<number, { words: number; bound: number }>();
  for (const [word, weight] of weights) {
    for (const i of ix.postings.get(word) ?? []) {
      const s = shared.get(i);
      if (s) {
        s.words++;
        s.bound += weight;
      } else shared.set(i, { words: 1, bound: weight });
    }
  }
  const need = Math.min(MIN_RUN, to - from);
  const order = [...shared]
    .filter(([i, s]) => s.words >= need && (!only || only(ix.candidates[i]!)))
    .sort((a, b) => b[1].bound - a[1].bound || a[0] - b[0]);
  let best: (Found & { at: number }) | null = null;
  const edits = (a: Alignment) => a.ops.length - a.matched;
  for (const [at, { bound }] of order) {
    if (best && bound < best.al.weight - 1e-9) break;
    const cand = ix.candidates[at]!;
    const al = align(ix, q, cand, from, to);
    if (!al) continue;
    const tie = !!best && Math.abs(al.weight - best.al.weight) <= 1e-9;
    const better =
      !best ||
      al.weight > best.al.weight + 1e-9 ||
      (tie &&
        ((cand.kind === 'statement' && best.cand.kind === 'passage') ||
          (cand.kind === best.cand.kind && (edits(al) < edits(best.al) || (edits(al) === edits(best.al) && at < best.at)))));
    if (better) best = { cand, al, at };
  }
  return best && { cand: best.cand, al: best.al };
}

/**
 * A statement beats the narration that quotes it: when the best match is a
 * passage and a statement of that passage covers some of the same words,
 * the statement is the match and the passage its context.
 */
function preferStatement(ix: QuoteIndex, q: Query, found: Found, from: number, to: number): Found & { context?: Found } {
  if (found.cand.kind !== 'passage') return found;
  const inPassage = bestFor(ix, q, from, to, (c) => c.kind === 'statement' && c.passage === found.cand.passage);
  if (!inPassage) return found;
  const overlap = Math.min(inPassage.al.qEnd, found.al.qEnd) - Math.max(inPassage.al.qStart, found.al.qStart);
  if (overlap < Math.min(MIN_RUN, to - from) || !claims(inPassage.al, to - from)) return found;
  return { ...inPassage, context: found };
}

/** Joins a later (or earlier) aligned block of the same candidate, so words cut from the middle show as one cut, not two matches. */
function joinCuts(ix: QuoteIndex, q: Query, f: Found, from = 0, to = q.norm.length): Found {
  let al = f.al;
  for (;;) {
    const right = al.qEnd < to ? align(ix, q, f.cand, al.qEnd, to, al.cEnd) : null;
    if (right && right.run >= 3 && right.qStart - al.qEnd <= 3) {
      al = join(ix, q, f.cand, al, right);
      continue;
    }
    const left = al.qStart > from ? align(ix, q, f.cand, from, al.qStart, 0, al.cStart) : null;
    if (left && left.run >= 3 && al.qStart - left.qEnd <= 3) {
      al = join(ix, q, f.cand, left, al);
      continue;
    }
    return { ...f, al };
  }
}

function join(ix: QuoteIndex, q: Query, c: Candidate, a: Alignment, b: Alignment): Alignment {
  const between: RawOp[] = [];
  for (let k = a.qEnd; k < b.qStart; k++) between.push({ op: 'extra', qi: k });
  for (let k = a.cEnd; k < b.cStart; k++) between.push({ op: 'missing', cj: k });
  return summarize(ix, q, c, [...a.ops, ...between, ...b.ops])!;
}

/**
 * Aligns query words `qs` with source words `cs`, both listed outward from an
 * aligned span: every query word is placed, and the source may stop anywhere.
 */
function anchored(q: Query, c: Candidate, qs: number[], cs: number[]): RawOp[] {
  const n = qs.length;
  const m = cs.length;
  const w = m + 1;
  const H = new Int32Array((n + 1) * w);
  for (let i = 1; i <= n; i++) H[i * w] = -i;
  for (let j = 1; j <= m; j++) H[j] = -j;
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++) {
      const same = q.norm[qs[i - 1]!] === c.norm[cs[j - 1]!];
      H[i * w + j] = Math.max(H[(i - 1) * w + j - 1]! + (same ? MATCH : MISMATCH), H[(i - 1) * w + j]! + GAP, H[i * w + j - 1]! + GAP);
    }
  let j = 0;
  // On a tie, pair a changed edge word with the source's word rather than calling it extra.
  for (let k = 1; k <= m; k++) if (H[n * w + k]! >= H[n * w + j]!) j = k;
  const ops: RawOp[] = [];
  let i = n;
  while (i > 0) {
    const v = H[i * w + j]!;
    if (j > 0 && v === H[(i - 1) * w + j - 1]! + (q.norm[qs[i - 1]!] === c.norm[cs[j - 1]!] ? MATCH : MISMATCH)) {
      ops.push({ op: q.norm[qs[i - 1]!] === c.norm[cs[j - 1]!] ? 'equal' : 'replace', qi: qs[i - 1]!, cj: cs[j - 1]! });
      i--;
      j--;
    } else if (j > 0 && v === H[i * w + j - 1]! + GAP) {
      ops.push({ op: 'missing', cj: cs[j - 1]! });
      j--;
    } else {
      ops.push({ op: 'extra', qi: qs[i - 1]! });
      i--;
    }
  }
  // Source words between the span and the first placed word are cut from the checked text.
  for (; j > 0; j--) ops.push({ op: 'missing', cj: cs[j - 1]! });
  return ops.reverse();
}

const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a) }, (_, k) => a + k);

/**
 * Local alignment stops at the last agreeing word, so a changed first or last
 * word would vanish from the diff. Align the checked text's leftover edge
 * words with the source's neighbouring words, so they show as replaced or extra.
 */
function extendToQuery(ix: QuoteIndex, q: Query, c: Candidate, al: Alignment): Alignment {
  const slack = 3;
  const lead = anchored(
    q,
    c,
    range(0, al.qStart).reverse(),
    range(Math.max(0, al.cStart - al.qStart - slack), al.cStart).reverse(),
  ).reverse();
  const tail = anchored(
    q,
    c,
    range(al.qEnd, q.norm.length),
    range(al.cEnd, Math.min(c.norm.length, al.cEnd + q.norm.length - al.qEnd + slack)),
  );
  return summarize(ix, q, c, [...lead, ...al.ops, ...tail])!;
}

/**
 * A negation just before the matched span in the source ("cannot be | swept
 * under the rug") reverses the checked words; it joins the diff as a cut.
 */
function precedingNegation(c: Candidate, al: Alignment): RawOp[] {
  for (let k = al.cStart - 1; k >= Math.max(0, al.cStart - 2); k--) {
    if (isNegation(c.norm[k]!)) {
      const cut: RawOp[] = [];
      for (let j = k; j < al.cStart; j++) cut.push({ op: 'missing', cj: j });
      return cut;
    }
  }
  return [];
}

/** Turns raw steps into phrases with the exact characters of both texts. */
function toDiff(q: Query, c: Candidate, ops: RawOp[]): { diff: DiffOp[]; negation: boolean } {
  const diff: DiffOp[] = [];
  let negation = false;
  const slice = (text: string, toks: Token[], a: number, b: number) => text.slice(toks[a]!.start, toks[b]!.end);
  for (let k = 0; k < ops.length;) {
    const op = ops[k]!.op;
    const outside = op === 'missing' && !c.toks[(ops[k] as { cj: number }).cj]!.own;
    let e = k + 1;
    while (e < ops.length && ops[e]!.op === op && (op !== 'missing' || !c.toks[(ops[e] as { cj: number }).cj]!.own === outside)) e++;
    const group = ops.slice(k, e);
    const qi = group.filter((o) => 'qi' in o).map((o) => (o as { qi: number }).qi);
    const cj = group.filter((o) => 'cj' in o).map((o) => (o as { cj: number }).cj);
    const checked = qi.length ? slice(q.text, q.toks, qi[0]!, qi[qi.length - 1]!) : '';
    const source = cj.length ? slice(c.text, c.toks, cj[0]!, cj[cj.length - 1]!) : '';
    const qNeg = qi.some((i) => isNegation(q.norm[i]!));
    const cNeg = cj.some((j) => isNegation(c.norm[j]!));
    const neg = qNeg !== cNeg ? ({ negation: true } as const) : {};
    if (qNeg !== cNeg) negation = true;
    if (op === 'equal') diff.push({ op, text: source });
    else if (op === 'replace') diff.push({ op, checked, source, ...neg });
    else if (op === 'missing') diff.push({ op, source, ...neg, ...(outside ? { outside: true as const } : {}) });
    else diff.push({ op, checked, ...neg });
    k = e;
  }
  return { diff, negation };
}

function toMatch(q: Query, f: Found & { context?: Found }, ops = f.al.ops): QuoteMatch {
  const { cand, al } = f;
  const { diff, negation } = toDiff(q, cand, ops);
  const cs = ops.filter((o) => 'cj' in o).map((o) => (o as { cj: number }).cj);
  const from = cand.toks[Math.min(...cs)]!;
  const to = cand.toks[Math.max(...cs)]!;
  const ctx = f.context;
  return {
    kind: cand.kind,
    ...(cand.statementKind ? { statementKind: cand.statementKind } : {}),
    id: cand.id,
    passage: cand.passage,
    ...(cand.speaker ? { speaker: cand.speaker } : {}),
    date: cand.date,
    source: cand.source,
    sourceText: cand.text.slice(from.start, to.end),
    covers: [al.qStart, al.qEnd],
    matchedWords: al.matched,
    diff,
    ...(negation ? { negation: true as const } : {}),
    ...(ctx ? { context: { passage: ctx.cand.passage, text: ctx.cand.text } } : {}),
  };
}

function unmatchedPhrases(q: Query, matches: QuoteMatch[]): string[] {
  const covered = new Uint8Array(q.norm.length);
  for (const m of matches) covered.fill(1, m.covers[0], m.covers[1]);
  const out: string[] = [];
  for (let k = 0; k < q.norm.length;) {
    if (covered[k]) {
      k++;
      continue;
    }
    let e = k;
    while (e < q.norm.length && !covered[e]) e++;
    out.push(q.text.slice(q.toks[k]!.start, q.toks[e - 1]!.end));
    k = e;
  }
  return out;
}

/**
 * Checks whether a quote is in the corpus and with which wording. It never
 * claims a match it does not have: a verdict needs distinctive agreeing words
 * in a row; it is exact only for contiguous words the speaker said, and
 * reported speech is never certified as the speaker's own words.
 */
export function checkQuote(kb: KnowledgeBase, query: string, ix: QuoteIndex = quoteCandidates(kb)): QuoteCheckResult {
  const toks = tokens(query);
  const q: Query = { text: query, toks, norm: toks.map((t) => t.norm) };
  const words = q.norm.length;
  const lang = guessLanguage(query);
  const base = { query, words, ...(lang && lang !== 'en' ? { language: lang } : {}) };
  const result = (verdict: Verdict, matches: QuoteMatch[]): QuoteCheckResult => ({
    ...base,
    verdict,
    matches,
    unmatched: unmatchedPhrases(q, matches),
  });
  if (words < MIN_WORDS) return { ...result('none', []), tooShort: true };
  const top = bestFor(ix, q, 0, words);
  if (!top || !claims(top.al, words)) return result('none', []);
  const first = joinCuts(ix, q, preferStatement(ix, q, top, 0, words));
  const { al, cand } = first;
  const cut = precedingNegation(cand, al);
  const ops = [...cut, ...al.ops];
  const edits = ops.length - al.matched;
  const whole = al.matched === words && edits === 0;
  if (whole) return result(cand.statementKind === 'reported' ? 'reported' : 'exact', [toMatch(q, first, ops)]);
  const covered = al.qEnd - al.qStart;
  if (covered >= words * 0.9 && al.matched >= words * 0.8) {
    const ext = extendToQuery(ix, q, cand, al);
    return result('close', [toMatch(q, { ...first, al: ext }, [...cut, ...ext.ops])]);
  }
  // Part of it matches: look for other sources of the words left over (a quote that mixes two speakers).
  const matches = [toMatch(q, first, ops)];
  for (const [from, to] of [
    [0, al.qStart],
    [al.qEnd, words],
  ] as const) {
    if (to - from < MIN_RUN) continue;
    const other = bestFor(ix, q, from, to);
    if (other && claims(other.al, MIN_RUN)) matches.push(toMatch(q, joinCuts(ix, q, preferStatement(ix, q, other, from, to), from, to)));
  }
  matches.sort((a, b) => a.covers[0] - b.covers[0]);
  return result('partial', matches);
}

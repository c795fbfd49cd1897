import { SPECIAL_FOLDS } from './fold';

/**
 * A native-speed first pass over page text. Most blocks of most pages name no
 * entity; proving that with the browser's own string functions (normalize,
 * toLowerCase, one regular expression) costs far less than folding and
 * scanning every character in script, which on a fresh page runs as cold code.
 * Only the blocks where the expression finds a needle are matched exactly.
 *
 * It never misses: each pattern's needle is a run from its folded form, and
 * roughFold() keeps every such run that foldCodes() produces (it decomposes,
 * drops common marks and format characters, and lowercases; it differs on
 * spaces, dashes and apostrophes, which no needle contains, and keeps other
 * marks, which the expression also looks for). Acronyms, matched only in
 * their own case, are looked for as written.
 */

/** Characters a needle may not contain: folding turns spaces, dashes and apostrophes into ' ' and "'", which roughFold() keeps as written; lowercase context (final sigma) and special folds differ too. */
const NEEDLE_BREAKERS = new RegExp(`[ '\\u2029σς${Object.keys(SPECIAL_FOLDS).join('')}]`, 'u');
/** Longest needle: long enough to be selective, short enough to keep the expression small. */
const NEEDLE_MAX = 8;
/**
 * Title words, months and connectives: parts of many aliases ("Prague meeting",
 * "Republic of Armenia") that ordinary news text is full of. A needle is never
 * taken from these while the alias has another word to anchor on.
 */
const GENERIC = new Set(
  (
    'the of and in on for to de la le les des du et der die das und ' +
    'january february march april may june july august september october november december ' +
    'president prime minister senator republic federation federal united states state european union department ' +
    'declaration agreement statement meeting summit process mission conference assembly general community ' +
    'institute constitution charter treaty peace draft framework principles five basic national international ' +
    'security collective organization monitoring civilian political region province corridor route road war day ' +
    'second first offensive clashes skirmishes border trilateral tripartite ceasefire format session platform ' +
    'regional group center centre policy independence autonomous middle east change climate parties interstate ' +
    'relations mountainous deal accord operation'
  ).split(' '),
);

/** Letters and digits of the scripts the acronyms are written in, for the exact expression's word boundaries. */
const WORD_CLASS = '[0-9A-Za-z\\u00c0-\\u024f\\u0400-\\u04ff\\u0531-\\u0587]';

/** What the prefilter looks for: needles in the rough-folded text, and exact-case aliases in the text as written. */
export interface PrefilterSource {
  /** Alternation of needles, to run over roughFold(text); null when no pattern needs it. */
  folded: string | null;
  /** Alternation of case-sensitive aliases (acronyms), to run over the text itself. */
  exact: string | null;
}

/** The prefilter's compiled expressions; either may be null when no pattern needs it. */
export interface Prefilter {
  folded: RegExp | null;
  exact: RegExp | null;
}

/** Compiles a prefilter source (global expressions, for exec() loops), or null for none. */
export function compilePrefilter(source: PrefilterSource | null): Prefilter | null {
  if (!source) return null;
  const compile = (s: string | null) => (s === null ? null : new RegExp(s, 'g'));
  return { folded: compile(source.folded), exact: compile(source.exact) };
}

/**
 * False when `text` certainly holds no pattern: neither expression finds anything.
 * The content script asks this of a whole page before it loads the matcher's tables.
 */
export function prefilterMayMatch(prefilter: Prefilter | null, text: string): boolean {
  if (!prefilter) return true;
  const { folded, exact } = prefilter;
  if (folded) {
    folded.lastIndex = 0;
    if (folded.test(roughFold(text))) return true;
  }
  if (exact) {
    exact.lastIndex = 0;
    if (exact.test(text)) return true;
  }
  return false;
}

type PatternLike = { alias: string; folded: string; rules: readonly string[] };

/** The prefilter's regular expressions for a set of patterns, or null when some pattern has nothing to anchor on. */
export function buildPrefilterSource(
  patterns: readonly PatternLike[],
  foldWord: (word: string) => string = (w) => w.toLowerCase(),
): PrefilterSource | null {
  const needles = new Set<string>();
  const exact = new Set<string>();
  const choices: string[][] = [];
  for (const pattern of patterns) {
    // A description's head noun names nothing without an anchor in the same block, and a longer name of
    // another thing matters only where a real alias is: their blocks are flagged by those needles.
    if (pattern.rules.includes('head') || pattern.rules.includes('exclude')) continue;
    // An acronym matches only when the text holds it exactly as written: look for just that.
    if (pattern.rules.includes('caseSensitive')) {
      exact.add(pattern.alias);
      continue;
    }
    const runs = pattern.folded.split(NEEDLE_BREAKERS).filter(Boolean);
    if (runs.length === 0) return null;
    if (runs.length === 1) needles.add(runs[0]!.slice(0, NEEDLE_MAX));
    else choices.push(rankRuns(runs, pattern.alias, foldWord).map((run) => run.slice(0, NEEDLE_MAX)));
  }
  // Any run of a multi-word alias will do, since every one of them occurs where it does.
  // One that holds a needle already chosen costs nothing more; otherwise take the best ranked.
  for (const runs of choices) {
    if (runs.some((run) => [...needles].some((needle) => run.includes(needle)))) continue;
    needles.add(runs[0]!);
  }
  const needleSource = alternation(needles);
  // Not pruned like the needles: with word boundaries "EU" no longer stands for "EUMM". Longest first.
  const exactSource =
    exact.size === 0
      ? null
      : [...exact]
          .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
          .map((alias) => [...alias].map(escape).join(''))
          .join('|');
  return {
    folded: needleSource === null ? null : `${needleSource}|${otherMarksClass()}`,
    // Acronyms are whole words ("AB", not the start of "ABC"); a plain class, since property classes are slow to compile.
    exact: exactSource === null ? null : `(?<!${WORD_CLASS})(?:${exactSource})(?!${WORD_CLASS})`,
  };
}

/** A multi-word alias's runs, best needle first: not generic, not short, not a number, capitalised, then longer. */
function rankRuns(runs: string[], alias: string, foldWord: (word: string) => string): string[] {
  const capitalised = new Set(
    alias
      .split(/[\s\-\u2010-\u2015()'’]+/)
      .filter((word) => word.length > 0 && word[0] !== word[0]!.toLowerCase())
      .map((word) => foldWord(word)),
  );
  const score = (run: string) =>
    (run.length < 4 ? 0 : 2000) +
    (GENERIC.has(run) ? 0 : 1000) +
    (/^[\d()+.]+$/.test(run) ? 0 : 300) +
    (capitalised.has(run) ? 100 : 0) +
    run.length;
  return [...runs].sort((a, b) => score(b) - score(a));
}

/** One alternation for all strings, without those that contain another (wherever they occur, the shorter one does). */
function alternation(strings: Set<string>): string | null {
  const kept = [...strings].filter((n) => ![...strings].some((o) => o !== n && n.includes(o))).sort();
  return kept.length === 0 ? null : trieSource(kept);
}

interface Trie {
  end: boolean;
  next: Map<string, Trie>;
}

/** The needles as one alternation, factored by common prefixes so the expression branches once per letter. */
function trieSource(needles: string[]): string {
  const root: Trie = { end: false, next: new Map() };
  for (const needle of needles) {
    let node = root;
    for (const ch of needle) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const emit = (node: Trie): string => {
    // No needle continues past another (they were pruned), so an end is a leaf.
    if (node.end) return '';
    const branches = [...node.next].map(([ch, child]) => escape(ch) + emit(child));
    return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
  };
  return emit(root);
}

function escape(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * Marks and format characters that roughFold() removes: those that decomposing
 * Latin, Cyrillic and Armenian letters yields, soft hyphens and zero-width ones.
 * A plain class, not a Unicode property: those cost milliseconds to compile on a fresh page.
 */
const COMMON_MARK_OR_FORMAT = /[\u0300-\u036f\u00ad\u200b-\u200f\u2060-\u2064\ufeff]+/g;
/** foldCodes()'s special letters, as they stand after lowercasing. */
const SPECIAL_CLASS = `[${Object.keys(SPECIAL_FOLDS)
  .filter((ch) => ch === ch.toLowerCase())
  .join('')}]`;
const SPECIAL = new RegExp(SPECIAL_CLASS, 'g');
const HAS_SPECIAL = new RegExp(SPECIAL_CLASS);

/**
 * A class of ranges that holds every other mark and format character (with
 * some neighbours), and any astral character. roughFold() keeps these, so a
 * block that holds one is matched exactly rather than trusted to the needles.
 */
export function otherMarksClass(): string {
  const ranges: Array<[number, number]> = [];
  const markOrFormat = /[\p{M}\p{Cf}]/u;
  for (let c = 0; c < 0xd800; c++) addIfOther(c, ranges, markOrFormat);
  for (let c = 0xe000; c < 0x10000; c++) addIfOther(c, ranges, markOrFormat);
  const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
  // High surrogates of planes 1 and 14, where astral marks and format characters live.
  return `[${ranges.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('')}\\ud800-\\ud83f\\udb40]`;
}

function addIfOther(code: number, ranges: Array<[number, number]>, markOrFormat: RegExp): void {
  const ch = String.fromCharCode(code);
  COMMON_MARK_OR_FORMAT.lastIndex = 0;
  if (!markOrFormat.test(ch) || COMMON_MARK_OR_FORMAT.test(ch)) return;
  const last = ranges[ranges.length - 1];
  // Ranges close together merge, to keep the class short.
  if (last && code - last[1] <= 48) last[1] = code;
  else ranges.push([code, code]);
}

/**
 * Folds letters as foldCodes() does, with native string functions only, except
 * that uncommon marks and format characters stay (the prefilter's class finds them).
 * Lengths change, so offsets do not carry over; block separators do, one for one.
 */
export function roughFold(text: string): string {
  let folded = text.normalize('NFKD');
  // Plain ASCII needs none of the other passes.
  if (!/[\u0080-\uffff]/.test(folded)) return folded.toLowerCase();
  folded = folded.replace(COMMON_MARK_OR_FORMAT, '').toLowerCase();
  return HAS_SPECIAL.test(folded) ? folded.replace(SPECIAL, (ch) => SPECIAL_FOLDS[ch]!) : folded;
}

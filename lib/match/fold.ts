/** Text folded for matching, with a map from each folded index to its original index. */
export interface FoldedText {
  folded: string;
  /** map[i] is the original index of folded[i]; map[folded.length] is the original length. */
  map: Uint32Array;
}

/**
 * Separates blocks of text (paragraphs, cells, list items). Folding keeps it
 * as it is, so no alias ever matches across two blocks.
 */
export const BLOCK_SEPARATOR = '\u2029';

const DASH_OR_SPACE = /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/;
const APOSTROPHE = /['’‘ʼ`´]/;
const MARK = /\p{M}/gu;
const FORMAT = /\p{Cf}/u;
const SPECIAL: Record<string, string> = { ı: 'i', ß: 'ss', ẞ: 'ss', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ł: 'l', Ł: 'l' };

/** What a character folds to: a string, or one of the classes below. */
const SPACE = 1;
const APOS = 2;
const NOTHING = 3;
type Folded = string | typeof SPACE | typeof APOS | typeof NOTHING;
const foldCache = new Map<string, Folded>();

/** Folds one code point: compatibility decomposition, no diacritics, lower case; spaces, dashes and apostrophes become classes. */
function foldCodePoint(ch: string): Folded {
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let result: Folded;
  if (ch === BLOCK_SEPARATOR) result = BLOCK_SEPARATOR;
  else if (DASH_OR_SPACE.test(ch)) result = SPACE;
  else if (APOSTROPHE.test(ch)) result = APOS;
  else if (FORMAT.test(ch)) result = NOTHING;
  else {
    const special = SPECIAL[ch];
    result = special ?? ch.normalize('NFKD').replace(MARK, '').toLowerCase();
    if (result === '') result = NOTHING;
  }
  foldCache.set(ch, result);
  return result;
}

// ASCII fast path: most page text is ASCII, so fold it by table, not by regex.
const ASCII: Folded[] = [];
for (let c = 0; c < 128; c++) ASCII.push(foldCodePoint(String.fromCharCode(c)));

/**
 * Walks the folded form of `text` one UTF-16 unit at a time, telling `emit`
 * each folded unit and the original index it came from. Case, diacritics,
 * dash and space variants (a run becomes one space) and apostrophes (all
 * become ') are folded; soft hyphens and zero-width characters vanish. The
 * matcher scans this stream directly; foldWithMap() stores it.
 */
export function forEachFolded(text: string, emit: (unit: string, origIndex: number) => void): void {
  let lastWasSpace = false;
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    let width = 1;
    let folded: Folded;
    if (code < 128) folded = ASCII[code]!;
    else {
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) width = 2;
      }
      folded = foldCodePoint(width === 1 ? text[i]! : text.slice(i, i + width));
    }
    if (folded === SPACE) {
      if (!lastWasSpace) emit(' ', i);
      lastWasSpace = true;
    } else if (folded === APOS) {
      emit("'", i);
      lastWasSpace = false;
    } else if (folded !== NOTHING) {
      for (let k = 0; k < folded.length; k++) emit(folded[k]!, i);
      lastWasSpace = false;
    }
    i += width;
  }
}

/** Folds text (see forEachFolded), keeping an exact map back to original offsets. */
export function foldWithMap(text: string): FoldedText {
  const units: string[] = [];
  // Folding can expand a character ("ß" → "ss", "և" → "եւ"), so the map grows as needed.
  let map = new Uint32Array(text.length + 16);
  let n = 0;
  forEachFolded(text, (unit, orig) => {
    if (n + 2 > map.length) {
      const bigger = new Uint32Array(map.length * 2);
      bigger.set(map);
      map = bigger;
    }
    units.push(unit);
    map[n++] = orig;
  });
  map[n] = text.length;
  return { folded: units.join(''), map: map.subarray(0, n + 1) };
}

/** Folds a pattern (an alias) the same way as page text, trimmed. */
export function foldPattern(text: string): string {
  return foldWithMap(text.trim()).folded.trim();
}

/** True for letters, digits and combining marks: the characters a word is made of. */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}\p{M}]/u.test(ch);
}

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
 * Folds case, diacritics, dash and space variants (all become one space) and
 * apostrophes (all become '), keeping an exact map back to original offsets.
 * Soft hyphens and zero-width characters vanish.
 */
export function foldWithMap(text: string): FoldedText {
  let out = '';
  // Folding can expand a character ("ß" → "ss", "և" → "եւ"), so the map may need to grow.
  let map = new Uint32Array(text.length + 16);
  const ensure = (extra: number) => {
    if (n + extra + 1 <= map.length) return;
    const bigger = new Uint32Array(Math.max(map.length * 2, n + extra + 16));
    bigger.set(map);
    map = bigger;
  };
  let n = 0;
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
      folded = foldCodePoint(text.slice(i, i + width));
    }
    if (folded === SPACE) {
      if (!lastWasSpace) {
        ensure(1);
        out += ' ';
        map[n++] = i;
        lastWasSpace = true;
      }
    } else if (folded === APOS) {
      ensure(1);
      out += "'";
      map[n++] = i;
      lastWasSpace = false;
    } else if (folded !== NOTHING) {
      ensure(folded.length);
      out += folded;
      for (let k = 0; k < folded.length; k++) map[n++] = i;
      lastWasSpace = false;
    }
    i += width;
  }
  map[n] = text.length;
  return { folded: out, map: map.subarray(0, n + 1) };
}

/** Folds a pattern (an alias) the same way as page text, trimmed. */
export function foldPattern(text: string): string {
  return foldWithMap(text.trim()).folded.trim();
}

/** True for letters, digits and combining marks: the characters a word is made of. */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}\p{M}]/u.test(ch);
}

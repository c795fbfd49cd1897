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
/** Letters that decomposition leaves alone but that fold to plain Latin ones. */
export const SPECIAL_FOLDS: Readonly<Record<string, string>> = { ı: 'i', ß: 'ss', ẞ: 'ss', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ł: 'l', Ł: 'l' };

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
    const special = SPECIAL_FOLDS[ch];
    result = special ?? ch.normalize('NFKD').replace(MARK, '').toLowerCase();
    if (result === '') result = NOTHING;
  }
  foldCache.set(ch, result);
  return result;
}

// ASCII fast path: most page text is ASCII, so fold it by a table of code units. The table is
// written out rather than derived with foldCodePoint(): Unicode-property regexes cost milliseconds
// to compile, and a page whose text is all ASCII should never pay for them.
const SPACE_UNIT = -1;
const APOS_UNIT = -2;
const NO_UNIT = -3;
/** A code point that folds to more than one code unit ("ß" → "ss"); they are in `expansion`. */
const MANY_UNITS = -4;
const ASCII = new Int32Array(128);
for (let c = 0; c < 128; c++) {
  const isSpace = (c >= 9 && c <= 13) || c === 32 || c === 45; // \t \n \v \f \r, space, hyphen-minus
  const isApostrophe = c === 39 || c === 96; // ' and `
  ASCII[c] = isSpace ? SPACE_UNIT : isApostrophe ? APOS_UNIT : c >= 65 && c <= 90 ? c + 32 : c;
}
const SPACE_CODE = 0x20;
const APOS_CODE = 0x27;

/** Text folded for matching, as UTF-16 code units in a reusable buffer, with the offset map. */
export interface FoldedCodes {
  codes: Uint16Array;
  /** Number of folded code units (codes may be longer). */
  length: number;
  /** map[i] is the original index of codes[i]; map[length] is the original length. */
  map: Uint32Array;
  /**
   * The folded indices i, in order, where a word may start: the original text holds no word character right before
   * map[i] (startsWordAt()). starts[0 .. startCount) are they.
   */
  starts: Uint32Array;
  startCount: number;
}

/** 1 for ASCII code units that are not word characters (digits and letters are, isWordChar()). */
const ASCII_NOT_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_NOT_WORD[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 0 : 1;
/** isWordChar() of each BMP code unit from 128 outside the surrogates, filled in as the text meets it (0: not yet known, 1: a word character, 2: not). */
let bmpWord: Uint8Array | null = null;

/** isWordChar() of a code unit that is not a surrogate. */
function isWordUnit(code: number): boolean {
  if (code < 128) return ASCII_NOT_WORD[code] === 0;
  const table = (bmpWord ??= new Uint8Array(0x10000));
  const known = table[code]!;
  if (known !== 0) return known === 1;
  const word = isWordChar(String.fromCharCode(code));
  table[code] = word ? 1 : 2;
  return word;
}

/** True when no word character stands right before `index` in `text` (the start of the text included). */
export function startsWordAt(text: string, index: number): boolean {
  return !isWordChar(charBefore(text, index));
}

/** The character that ends right before `index` (a surrogate pair whole), or undefined at the start. */
export function charBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const code = text.charCodeAt(index - 1);
  if (code >= 0xdc00 && code <= 0xdfff && index >= 2) return text.slice(index - 2, index);
  return text[index - 1];
}

/** The code point at `index` as a string, or undefined at the end. */
export function charAt(text: string, index: number): string | undefined {
  if (index >= text.length) return undefined;
  const cp = text.codePointAt(index)!;
  return String.fromCodePoint(cp);
}

/**
 * What each BMP code unit outside ASCII folds to, filled in as the text meets it (0: not yet known):
 * a folded code unit plus one, or one of the *_UNIT classes, or MANY_UNITS - k for `expansions[k]`.
 * Allocated on the first non-ASCII character, so an ASCII page never pays for it, and never filled
 * eagerly: each entry costs one foldCodePoint() call the first time that character is seen.
 */
let bmp: Int32Array | null = null;
/** Folds of more than one code unit ("ß" → "ss", "և" → "եւ"), by the index encoded in their table entry. */
const expansions: string[] = [];
const expansionIndex = new Map<string, number>();

/** The table entry for a folded code point (see `bmp`). */
function encodeFolded(folded: Folded): number {
  if (folded === SPACE) return SPACE_UNIT;
  if (folded === APOS) return APOS_UNIT;
  if (folded === NOTHING) return NO_UNIT;
  if (folded.length === 1) return folded.charCodeAt(0) + 1;
  let k = expansionIndex.get(folded);
  if (k === undefined) expansionIndex.set(folded, (k = expansions.push(folded) - 1));
  return MANY_UNITS - k;
}

/** The table entry for a BMP code unit of 128 or more (a lone surrogate included), computed on first sight. */
function bmpEntry(code: number): number {
  const table = (bmp ??= new Int32Array(0x10000));
  const known = table[code]!;
  if (known !== 0) return known;
  return (table[code] = encodeFolded(foldCodePoint(String.fromCharCode(code))));
}

/**
 * Folds case, diacritics, dash and space variants (all become one space) and
 * apostrophes (all become '), keeping an exact map back to original offsets.
 * Soft hyphens and zero-width characters vanish. Writes code units into typed
 * arrays rather than building a string: the automaton reads them directly.
 * One table read a code unit (ASCII, or the lazily filled BMP table); only
 * astral characters and multi-unit folds take a slower path.
 */
export function foldCodes(text: string): FoldedCodes {
  const length = text.length;
  // Each code unit folds to at most one, except multi-unit folds ("ß" → "ss"): the buffers grow only for those.
  let codes = new Uint16Array(length + 16);
  let map = new Uint32Array(length + 17);
  let starts = new Uint32Array(length + 16);
  let n = 0;
  let startCount = 0;
  let lastWasSpace = false;
  // 1 when no word character stands before the character at i (`starting`): known from the one before, unless that was a surrogate.
  let notWord = 1;
  let afterSurrogate = false;
  for (let i = 0; i < length;) {
    const at = i;
    const code = text.charCodeAt(i++);
    const starting = afterSurrogate ? (startsWordAt(text, at) ? 1 : 0) : notWord;
    afterSurrogate = false;
    // The table entry: the folded code unit plus one, or a class; and this character's word-ness, for the next one.
    let entry: number;
    if (code < 128) {
      const unit = ASCII[code]!;
      entry = unit < 0 ? unit : unit + 1;
      notWord = ASCII_NOT_WORD[code]!;
    } else if ((code & 0xf800) === 0xd800) {
      afterSurrogate = true;
      if (code <= 0xdbff && i < length && (text.charCodeAt(i) & 0xfc00) === 0xdc00) {
        i++;
        entry = encodeFolded(foldCodePoint(text.slice(at, i)));
      } else entry = bmpEntry(code);
    } else {
      entry = bmpEntry(code);
      notWord = isWordUnit(code) ? 0 : 1;
    }
    if (entry > 0) {
      lastWasSpace = false;
      starts[startCount] = n;
      startCount += starting;
      codes[n] = entry - 1;
      map[n++] = at;
    } else if (entry === SPACE_UNIT) {
      if (lastWasSpace) continue;
      lastWasSpace = true;
      starts[startCount] = n;
      startCount += starting;
      codes[n] = SPACE_CODE;
      map[n++] = at;
    } else if (entry === APOS_UNIT) {
      lastWasSpace = false;
      starts[startCount] = n;
      startCount += starting;
      codes[n] = APOS_CODE;
      map[n++] = at;
    } else if (entry !== NO_UNIT) {
      lastWasSpace = false;
      const expansion = expansions[MANY_UNITS - entry]!;
      const units = expansion.length;
      // Room for these units and one for each code unit still to come.
      if (n + units + (length - i) >= codes.length) {
        const size = Math.max(codes.length * 2, n + units + (length - i) + 16);
        const biggerCodes = new Uint16Array(size);
        biggerCodes.set(codes);
        codes = biggerCodes;
        const biggerMap = new Uint32Array(size + 1);
        biggerMap.set(map);
        map = biggerMap;
        const biggerStarts = new Uint32Array(size);
        biggerStarts.set(starts);
        starts = biggerStarts;
      }
      for (let k = 0; k < units; k++) {
        starts[startCount] = n;
        startCount += starting;
        codes[n] = expansion.charCodeAt(k);
        map[n++] = at;
      }
    }
  }
  map[n] = length;
  return { codes, length: n, map, starts, startCount };
}

/** foldCodes() as a string, for tests and for folding aliases. */
export function foldWithMap(text: string): FoldedText {
  const { codes, length, map } = foldCodes(text);
  let folded = '';
  for (let at = 0; at < length; at += 8192) folded += String.fromCharCode(...codes.subarray(at, Math.min(length, at + 8192)));
  return { folded, map: map.subarray(0, length + 1) };
}

/** Folds a pattern (an alias) the same way as page text, trimmed. */
export function foldPattern(text: string): string {
  return foldWithMap(text.trim()).folded.trim();
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * Word characters of the scripts most page text is in, by code unit:
 * Latin-1 and Latin Extended, combining diacritics, Cyrillic, Armenian and
 * general punctuation. A unit test checks every entry against WORD_CHAR,
 * whose Unicode-property class costs milliseconds to compile on a fresh page.
 */
function isCommonWordCode(code: number): boolean | undefined {
  if (code < 0xc0)
    return (
      code === 0xaa || code === 0xb2 || code === 0xb3 || code === 0xb5 || code === 0xb9 || code === 0xba || (code >= 0xbc && code <= 0xbe)
    );
  if (code <= 0x24f) return code !== 0xd7 && code !== 0xf7;
  if (code >= 0x300 && code <= 0x36f) return true;
  if (code >= 0x400 && code <= 0x52f) return code !== 0x482;
  if (code >= 0x530 && code <= 0x58f) return (code >= 0x531 && code <= 0x556) || code === 0x559 || (code >= 0x560 && code <= 0x588);
  if (code >= 0x2000 && code <= 0x206f) return false;
  return undefined;
}

/** True for letters, digits and combining marks: the characters a word is made of. */
export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return isCommonWordCode(code) ?? WORD_CHAR.test(ch);
}

/** The code-unit table behind isWordChar(), exposed so a test can check it against the Unicode definition. */
export const isCommonWordCodeForTest = isCommonWordCode;

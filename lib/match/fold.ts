/** Text folded for matching, with a map from each folded index to its original index. */
export interface FoldedText {
  folded: string;
  /** map[i] is the original index of folded[i]; map[folded.length] is the original length. */
  map: Uint32Array;
}

const DASH_OR_SPACE = /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/;
const APOSTROPHE = /['’‘ʼ`´]/;
const MARK = /\p{M}/gu;
const FORMAT = /\p{Cf}/u;
const SPECIAL: Record<string, string> = { ı: 'i', ß: 'ss', ẞ: 'ss', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ł: 'l', Ł: 'l' };
const foldCache = new Map<string, string>();

/** Folds one code point: compatibility decomposition, no diacritics, lower case. */
function foldCodePoint(ch: string): string {
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  const special = SPECIAL[ch];
  const result = special ?? ch.normalize('NFKD').replace(MARK, '').toLowerCase();
  foldCache.set(ch, result);
  return result;
}

/**
 * Folds case, diacritics, dash and space variants (all become one space) and
 * apostrophes (all become '), keeping an exact map back to original offsets.
 */
export function foldWithMap(text: string): FoldedText {
  const out: string[] = [];
  const map: number[] = [];
  let lastWasSpace = false;
  for (let i = 0; i < text.length;) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const ch = text.slice(i, i + width);
    if (DASH_OR_SPACE.test(ch)) {
      if (!lastWasSpace) {
        out.push(' ');
        map.push(i);
      }
      lastWasSpace = true;
    } else if (FORMAT.test(ch)) {
      // Soft hyphens and zero-width characters vanish, so "Kara\u00adbakh" still matches.
    } else if (APOSTROPHE.test(ch)) {
      out.push("'");
      map.push(i);
      lastWasSpace = false;
    } else {
      const folded = foldCodePoint(ch);
      for (const f of folded) {
        for (let k = 0; k < f.length; k++) {
          out.push(f[k]!);
          map.push(i);
        }
      }
      if (folded.length > 0) lastWasSpace = false;
    }
    i += width;
  }
  const mapArray = new Uint32Array(map.length + 1);
  mapArray.set(map);
  mapArray[map.length] = text.length;
  return { folded: out.join(''), map: mapArray };
}

/** Folds a pattern (an alias) the same way as page text, trimmed. */
export function foldPattern(text: string): string {
  return foldWithMap(text.trim()).folded.trim();
}

/** True for letters, digits and combining marks: the characters a word is made of. */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}\p{M}]/u.test(ch);
}

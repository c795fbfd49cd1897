/**
 * Suffix grammars: what may follow an alias's stem up to the end of the word, per language.
 * The automaton finds the stem; the grammar then decides whether the rest of the word is an
 * inflection (a case ending, a suffix chain) or another word ("Армения" → "Армении" is,
 * "Azerbaycanlı" is not). Every ending here is written folded (no diacritics, "й" as "и").
 */

/** Grammar names as the matcher tables carry them. */
export type GrammarName = 'ru-noun' | 'ru-adj' | 'turkic' | 'turkic-v' | 'hy' | 'hy-v' | 'fr';

/** Russian noun endings, all six cases, singular and plural, hard and soft stems, surnames in -ов/-ин/-ян included. */
const RU_NOUN = new Set(
  ' а я у ю ом ем е и ы ь ью ов ев еи ам ям ами ями ах ях ои ою ею ым им ых их иеи иям иями иях ии ия ию ие'.split(' '),
);
/** Russian adjective endings (long forms), every gender, case and number. */
const RU_ADJ = new Set('ыи ии ои ая яя ое ее ые ие ого его ому ему ым им ом ем ую юю еи ых их ыми ими'.split(' '));
/**
 * Turkish and Azerbaijani suffix chains, in order: plural, possessive, buffer consonant and case,
 * the relative "-ki", the copula. Derivations that make another word ("-lı" of origin, "-ca"
 * of language, "-çı") are not in it. Vowels fold to a e i o u and Azerbaijani ə.
 */
const TURKIC =
  /^(?:l[aeə]r)?(?:[iu]?m[iu]z|[iu]?n[iu]z|[iu]?m|s?[iu]n?)?(?:[nys]?(?:[iu]n|[iu]|[aeə]|[dt][aeə]n?|l[aeə]))?(?:k[iu])?(?:[dt][iu]r)?$/;
/** Armenian: plural, case (genitive-dative, ablative, instrumental, locative) and the article or a possessive. */
const HY = /^(?:ն?եր)?յ?(?:ի|ից|ով|ում|ու)?(?:ն|ը|ս|դ)?$/;
/** Armenian stems in -ու that turn it into -վ before a vowel ("Բաքու" → "Բաքվում"): a case ending is required. */
const HY_V = /^(?:ի|ից|ով|ում)(?:ն|ը|ս|դ)?$/;
/** French: the plural of a common noun or adjective. */
const FR = /^[sx]?$/;

/** Longest rest of a word any grammar accepts: a guard before testing. */
const MAX_SUFFIX = 9;

/** Whether `rest` (the folded rest of a word after a stem) is an inflection in `grammar`. */
export function acceptsSuffix(grammar: string, rest: string): boolean {
  if (rest.length > MAX_SUFFIX) return false;
  switch (grammar as GrammarName) {
    case 'ru-noun':
      return RU_NOUN.has(rest);
    case 'ru-adj':
      return RU_ADJ.has(rest);
    case 'turkic':
      return TURKIC.test(rest);
    case 'turkic-v':
      // A stem whose final stop softened ("Topluluk" → "Topluluğu", "birlik" → "birliyi"): a vowel suffix follows.
      return /^[aeiouə]/.test(rest) && TURKIC.test(rest);
    case 'hy':
      return HY.test(rest);
    case 'hy-v':
      return HY_V.test(rest);
    case 'fr':
      return FR.test(rest);
    default:
      return rest === '';
  }
}

/** The automaton's string for a pattern: its folded form up to the first place a suffix may stand. */
export function patternHead(pattern: { folded: string; slots?: Array<[number, string]> }): string {
  return pattern.slots?.length ? pattern.folded.slice(0, pattern.slots[0]![0]) : pattern.folded;
}

/** True for a folded code unit that belongs to a word (letters, digits; folding has already dropped common marks). */
type IsWordCode = (code: number) => boolean;

/**
 * Where a pattern with suffix slots ends in folded text, given that its head ends at `at`:
 * each slot takes the rest of the word, which its grammar must accept, and the pattern's
 * text between slots must follow literally. -1 when the text is not an inflected form of it.
 */
export function extendMatch(
  folded: string,
  slots: ReadonlyArray<readonly [number, string]>,
  codes: ArrayLike<number>,
  length: number,
  at: number,
  isWordCode: IsWordCode,
): number {
  let pos = at;
  for (let k = 0; k < slots.length; k++) {
    const [slotAt, grammar] = slots[k]!;
    if (k > 0) {
      // The pattern's own text from the previous slot up to this one.
      for (let j = slots[k - 1]![0]; j < slotAt; j++, pos++) if (pos >= length || codes[pos] !== folded.charCodeAt(j)) return -1;
    }
    const restStart = pos;
    while (pos < length && isWordCode(codes[pos]!)) pos++;
    if (pos - restStart > 9) return -1;
    let rest = '';
    for (let j = restStart; j < pos; j++) rest += String.fromCharCode(codes[j]!);
    if (!acceptsSuffix(grammar, rest)) return -1;
  }
  for (let j = slots[slots.length - 1]![0]; j < folded.length; j++, pos++)
    if (pos >= length || codes[pos] !== folded.charCodeAt(j)) return -1;
  return pos;
}

/** Letters that only Turkish and Azerbaijani write among the press languages: a word with one takes their suffixes. */
const TURKIC_LETTERS = /[ıİşŞğĞəƏ]/;

/**
 * A search term's stem: the folded word without the longest ending its script's grammar allows
 * (Russian for Cyrillic, Armenian for Armenian, Turkish/Azerbaijani for a word with their letters),
 * so that "Пашиняна", "Փաշինյանի" and "Bakıya" meet "Пашинян", "Փաշինյան" and "Bakı". `word` is as written.
 */
export function stemTerm(word: string, folded: string): string {
  let grammars: string[];
  let keep: number;
  if (/[\u0400-\u04ff]/.test(folded)) [grammars, keep] = [['ru-noun', 'ru-adj'], 4];
  else if (/[\u0531-\u058f]/.test(folded)) [grammars, keep] = [['hy'], 3];
  else if (TURKIC_LETTERS.test(word)) [grammars, keep] = [['turkic'], 3];
  else return folded;
  // Stripped again until nothing strips, so that a name whose own ending looks like a suffix stems
  // the same bare and inflected ("Լավրով" and "Լավրովի" both to "լավր").
  let stem = folded;
  for (let stripped = true; stripped;) {
    stripped = false;
    for (let at = keep; at < stem.length; at++) {
      if (!grammars.some((g) => acceptsSuffix(g, stem.slice(at)))) continue;
      stem = stem.slice(0, at);
      stripped = true;
      break;
    }
  }
  return stem;
}

import { BLOCK_SEPARATOR } from './fold';

/** Words that may stand before a surname without making it someone else's (titles, not first names). */
const TITLES = new Set(
  [
    'president',
    'prezident',
    'mr',
    'mr.',
    'm.',
    'leader',
    'ilham',
    'İlham',
    'ильхам',
    'президент',
    'cumhurbaşkanı',
    'azerbaijani',
    'azerbaijan',
    "azerbaijan's",
    'azerbaijan’s',
    'the',
    'and',
    'by',
    'with',
    'of',
  ].map((w) => w.toLowerCase()),
);

/** The word directly before `start`, when only spaces separate it; null after punctuation. */
function wordBefore(text: string, start: number): string | null {
  const m = /([\p{L}\p{M}.'’]+)[ \u00a0]+$/u.exec(text.slice(Math.max(0, start - 40), start));
  return m ? m[1]! : null;
}

/**
 * Titles and offices, in the five press languages, that may stand right before a surname
 * ("Devlet Başkanı Aliyev", "глава МИД … Байрамов", "President Michel"); Russian ones in any case.
 */
const OFFICE =
  /^(?:president|président|presidente|prezident(?:i)?|(?:cumhur)?başkan(?:ı)?|başbakan(?:ı)?|bakan(?:ı)?|nazir(?:i)?|premyer|premier|minister|ministre|chancellor|secretary|adviser|advisor|ambassador|ambassadeur|envoy|chairman|chair|spokesperson|spokesman|spokeswoman|президент\p{L}{0,3}|премьер\p{L}{0,3}|министр\p{L}{0,3}|госсекретар\p{L}{0,3}|глав[аыеуой]{1,2}|лидер\p{L}{0,3}|спикер\p{L}{0,3}|sözçüsü|sözcüsü|նախագահ\p{L}{0,3}|վարչապետ\p{L}{0,3}|նախարար\p{L}{0,3}|պետքարտուղար\p{L}{0,3})$/u;

/** True when a title or office stands right before the surname at `start`. */
export function hasTitleBefore(text: string, start: number): boolean {
  const word = wordBefore(text, start);
  return word !== null && OFFICE.test(word.toLowerCase());
}

/** The letter of an initial ("И.", "H.") standing right before the surname at `start`, or null. */
export function initialBefore(text: string, start: number): string | null {
  const word = wordBefore(text, start);
  return word && /^\p{Lu}\.$/u.test(word) ? word[0]! : null;
}

/** True when a capitalised first name (not a title) stands right before the surname at `start`. */
export function hasOtherFirstName(text: string, start: number): boolean {
  const word = wordBefore(text, start);
  if (!word) return false;
  if (!/^\p{Lu}/u.test(word)) return false;
  // A possessive ("Russia's Lavrov") or an acronym ("PM", "ԱԳ") is no first name.
  if (/['’]s$/u.test(word) || /^\p{Lu}{2,}$/u.test(word)) return false;
  const lower = word.toLowerCase();
  if (TITLES.has(lower) || OFFICE.test(lower)) return false;
  // "… said Aliyev. Aliyev again": a word ending a sentence is no first name (initials like "H." are).
  return !/\p{L}{2,}\.$/u.test(word);
}

/** The sentence-sized window around a match, for context rules. */
function window(text: string, start: number, end: number, radius = 160): string {
  const from = Math.max(0, start - radius);
  const to = Math.min(text.length, end + radius);
  let left = text.slice(from, start);
  let right = text.slice(end, to);
  // Stop at paragraph breaks: context from another block says nothing about this one.
  const lb = left.lastIndexOf(BLOCK_SEPARATOR);
  if (lb >= 0) left = left.slice(lb + 1);
  const rb = right.indexOf(BLOCK_SEPARATOR);
  if (rb >= 0) right = right.slice(0, rb);
  return `${left} ${right}`;
}

const US_STATE_CUES =
  /\b(Atlanta|Savannah|Augusta|Macon|Athens, Ga|Peach State|Gov\.|governor|state senate|state house|state legislature|Republicans?|Democrats?|GOP|county|counties|Bulldogs|Georgia Tech|University of Georgia|Georgia State|Kemp|Warnock|Ossoff|Fulton|U\.S\. states?|the state of|Alabama|Florida|Carolina|Tennessee|Texas|Ohio|Arizona|Nevada|Pennsylvania|Michigan|Wisconsin|swing states?|battleground|primary|electoral|voters|ballots?|precincts?)\b/i;

/** Georgia the country, not the US state: no US-state cue in the surrounding sentence. */
export function isGeorgiaTheCountry(text: string, start: number, end: number): boolean {
  if (/^,\s*(USA?|U\.S\.A?\.?|GA)\b/.test(text.slice(end, end + 8))) return false;
  return !US_STATE_CUES.test(window(text, start, end));
}

/** Words that put "turkey" in a kitchen or a field, anywhere in the sentence. */
const BIRD_OR_FOOD_CUES =
  /\b(thanksgiving|roast(ed|ing)?|stuffing|gravy|carv(e|ed|ing)|oven|poultry|feathers?|cranberr\w*|recipes?|gobble\w*|drumsticks?|brin(e|ed)|giblets|pardon(ed|s)?|flock)\b/i;
/** Words right before or after that make it food or a bird ("ground turkey", "turkey sandwich"). */
const FOOD_BEFORE = /\b(ground|cold|wild|smoked|roast(ed)?|deli|sliced|leftover|whole|frozen)\s+$/i;
const FOOD_AFTER = /^\s+(breasts?|sandwich(es)?|burgers?|meat|dinner|legs?|bacon|slices?|hunt(ing)?|farms?|vultures?|chili|gravy)\b/i;

/** Turkey the country (Türkiye), not the bird or the food: capitalised, and no food or bird cue nearby. */
export function isTurkeyTheCountry(text: string, start: number, end: number): boolean {
  if (!/^\p{Lu}/u.test(text.slice(start, start + 1))) return false;
  if (FOOD_BEFORE.test(text.slice(Math.max(0, start - 12), start)) && !/^\s*,/.test(text.slice(end, end + 2))) return false;
  if (FOOD_AFTER.test(text.slice(end, end + 16))) return false;
  return !BIRD_OR_FOOD_CUES.test(window(text, start, end, 80));
}

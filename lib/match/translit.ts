/**
 * Romanizations by rule: from one canonical (English, BGN-style) spelling of an Armenian or
 * Azerbaijani name and its language of origin, the spellings the French, German, Dutch, Turkish,
 * Azerbaijani and Russian-based press use, and the Cyrillic form. Build time only.
 */

/** Languages of origin the rules know. */
export const ORIGINS = ['hy', 'az', 'ru'] as const;
export type Origin = (typeof ORIGINS)[number];

/** One generated spelling and the language whose suffix grammar it takes. */
export interface Spelling {
  text: string;
  lang?: string;
}

type Rule = [RegExp, string];
const V = 'aeiouy';

/** Consonant systems: how each press writes the sounds English writes sh, ch, j, zh, kh, y, u. */
const SYSTEMS: Record<string, { lang?: string; rules: Rule[] }> = {
  fr: {
    lang: 'fr',
    rules: [
      [/j/g, 'dj'],
      [/ch/g, 'tch'],
      [/sh/g, 'ch'],
      [/zh/g, 'j'],
      [/([ae])y(?![aeiou])/g, '$1ï'],
      [/(?<![aeo])u/g, 'ou'],
      [/g(?=[ei])/g, 'gu'],
      // A final -in keeps its vowel in French with a mute e ("Poutine", "Latchine", "Staline").
      [/in\b/g, 'ine'],
    ],
  },
  de: {
    rules: [
      [/ch/g, 'tsch'],
      [/sh/g, 'sch'],
      [/zh/g, 'sch'],
      [/kh/g, 'ch'],
      [/j/g, 'dsch'],
      [/y/g, 'j'],
      [/z/g, 's'],
      [/v/g, 'w'],
    ],
  },
  nl: {
    rules: [
      [/j/g, 'dzj'],
      [/ch/g, 'tsj'],
      [/sh/g, 'sj'],
      [/zh/g, 'zj'],
      [/y(?=[aeiou])/g, 'j'],
    ],
  },
  tr: {
    lang: 'tr',
    rules: [
      [/ch/g, 'ç'],
      [/sh/g, 'ş'],
      [/j/g, 'c'],
      [/zh/g, 'j'],
      [/kh/g, 'h'],
      [/gh/g, 'ğ'],
    ],
  },
  az: {
    lang: 'az',
    rules: [
      [/ch/g, 'ç'],
      [/sh/g, 'ş'],
      [/j/g, 'c'],
      [/zh/g, 'j'],
      [/kh/g, 'x'],
      [/gh/g, 'ğ'],
      // Azerbaijani writes a glide between i and a following vowel of a foreign name ("Mariya", "Rusiya").
      [/i(?=[ao])/g, 'iy'],
      // Azerbaijani writes a hard g as q: before a back vowel or a consonant.
      [new RegExp(`g(?=[aouı]|[^${V}eiə]|$)`, 'g'), 'q'],
    ],
  },
  ru: { rules: [[/j/g, 'dzh']] },
};

/** Endings that vary by press for each origin: Armenian -yan/-ian, Azerbaijani -yev/-ev/-iev. */
const ENDINGS: Record<Origin, Record<string, Rule[]>> = {
  hy: { yan: [], ian: [[/yan\b/g, 'ian']] },
  az: {
    yev: [],
    ev: [
      [/iyev/g, 'iev'],
      [/yev/g, 'ev'],
    ],
    iev: [[/(?<!i)yev/g, 'iev']],
  },
  // Russian names vary by consonant system only; their Cyrillic form is the knowledge base's own.
  ru: { base: [] },
};
/** Which endings each press writes: English and Dutch both, French -ian and -ev/-iev, the others the canonical one. */
const ENDINGS_BY_SYSTEM: Record<string, string[]> = {
  en: ['yan', 'ian', 'yev', 'ev'],
  fr: ['ian', 'ev', 'iev'],
  nl: ['yan', 'ian', 'yev'],
  de: ['yan', 'yev'],
  tr: ['yan', 'yev'],
  az: ['yan', 'yev'],
  ru: ['yan', 'ev'],
};
/** Russian names: every Latin-script press writes them in its own consonant system. */
const RU_SYSTEMS = ['fr', 'de', 'nl', 'tr', 'az'];

/** Canonical Latin to Cyrillic, longest first, as the Russian press writes these names. */
const CYRILLIC: Rule[] = [
  [/shch/g, 'щ'],
  [/sh/g, 'ш'],
  [/ch/g, 'ч'],
  [/zh/g, 'ж'],
  [/kh/g, 'х'],
  [/ts/g, 'ц'],
  [/(?<!\p{L})ye/gu, 'е'],
  [/iye/g, 'ие'],
  [/([aeiou])ye/g, '$1е'],
  [/ya/g, 'я'],
  [/yu/g, 'ю'],
  [/ye/g, 'е'],
  [/yo/g, 'ё'],
  [/j/g, 'дж'],
  [/y/g, 'й'],
  [/(?<!\p{L})e/gu, 'э'],
];
const CYRILLIC_LETTERS: Record<string, string> = {
  a: 'а',
  b: 'б',
  v: 'в',
  g: 'г',
  d: 'д',
  e: 'е',
  z: 'з',
  i: 'и',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  f: 'ф',
  h: 'х',
  q: 'к',
  x: 'кс',
  w: 'в',
  c: 'ц',
};

function apply(text: string, rules: Rule[]): string {
  return rules.reduce((s, [from, to]) => s.replace(from, to), text);
}

/** Keeps the canonical spelling's capitals on each word's first letter. */
function recase(model: string, text: string): string {
  const upper = model.split(/\s+/).map((w) => w[0] !== w[0]!.toLowerCase());
  return text
    .split(/\s+/)
    .map((w, i) => (upper[i] ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join(' ');
}

/** Every spelling of a name from its canonical English spelling and language of origin (the canonical one excluded). */
export function spellingsOf(canonical: string, origin: Origin): Spelling[] {
  const lower = canonical.toLowerCase();
  const out = new Map<string, Spelling>();
  const add = (text: string, lang?: string) => {
    if (text !== lower && !out.has(text + (lang ?? '')))
      out.set(text + (lang ?? ''), { text: recase(canonical, text), ...(lang ? { lang } : {}) });
  };
  if (origin === 'ru') {
    for (const system of RU_SYSTEMS) add(apply(lower, SYSTEMS[system]!.rules), SYSTEMS[system]!.lang);
    return [...out.values()];
  }
  for (const [system, endings] of Object.entries(ENDINGS_BY_SYSTEM)) {
    for (const ending of endings) {
      const rules = ENDINGS[origin][ending];
      if (!rules) continue;
      const base = apply(lower, rules);
      if (system === 'en') add(base);
      else add(apply(base, SYSTEMS[system]!.rules), SYSTEMS[system]!.lang);
    }
  }
  // Russian softens an l before a consonant in Azerbaijani names (Ilham → Ильхам).
  let cyrillic = apply(origin === 'az' ? lower.replace(/l(?=[^aeiouyl\s])/g, 'lь') : lower, CYRILLIC);
  cyrillic = cyrillic.replace(/[a-z]/g, (ch) => CYRILLIC_LETTERS[ch] ?? ch);
  if (!/[a-z]/.test(cyrillic)) add(cyrillic, 'ru');
  // Armenian script from the Latin spelling is sound for Azerbaijani names only: an Armenian name's
  // Latin spelling loses the difference between plain and aspirated stops (Pashinyan is Փաշինյան).
  if (origin === 'az') {
    const armenian = armenianFromLatin(lower);
    if (armenian) add(armenian, 'hy');
  }
  return [...out.values()];
}

/**
 * Canonical Latin of an Azerbaijani name to Armenian script, as the Armenian press writes Turkic
 * names: voiceless stops aspirated (ք թ փ), "yev" as "և", a word-initial e as "է" and ye as "ե".
 */
const ARMENIAN_FROM_LATIN: Rule[] = [
  [/(?<!\p{L})ye/gu, 'ե'],
  [/(?<!\p{L})e/gu, 'է'],
  [/(?<!\p{L})o/gu, 'օ'],
  [/(?<=\p{L})yev|(?<=\p{L})ev/gu, 'և'],
  [/sh/g, 'շ'],
  [/ch/g, 'չ'],
  [/zh/g, 'ժ'],
  [/kh/g, 'խ'],
  [/gh/g, 'ղ'],
  [/ts/g, 'ց'],
  [/j/g, 'ջ'],
  [/u/g, 'ու'],
];
const ARMENIAN_LETTERS: Record<string, string> = {
  a: 'ա',
  b: 'բ',
  g: 'գ',
  d: 'դ',
  e: 'ե',
  z: 'զ',
  i: 'ի',
  l: 'լ',
  k: 'ք',
  h: 'հ',
  m: 'մ',
  y: 'յ',
  n: 'ն',
  o: 'ո',
  p: 'փ',
  v: 'վ',
  t: 'թ',
  r: 'ր',
  s: 'ս',
  f: 'ֆ',
  q: 'ղ',
};

/** Armenian script of a lower-case canonical Latin spelling, capitalised per word; null when a letter has no rule. */
function armenianFromLatin(lower: string): string | null {
  const out = apply(lower, ARMENIAN_FROM_LATIN).replace(/[a-z]/g, (ch) => ARMENIAN_LETTERS[ch] ?? ch);
  return /[a-z]/.test(out) ? null : out;
}

/** Cyrillic to Armenian script, as the Armenian press writes Russian names (and foreign ones it takes from Russian). */
const ARMENIAN_FROM_CYRILLIC: Rule[] = [
  [/(?<!\p{L})е/gu, 'ե'],
  [/(?<=[аеёиоуыэюя])е/gu, 'ե'],
  [/(?<=\p{L})ев(?!\p{L})/gu, 'և'],
  [/(?<!\p{L})о/gu, 'օ'],
  [/(?<=\p{L})э/gu, 'ե'],
  [/(?<=и)я/g, 'ա'],
  [/[ьъ]/g, ''],
];
const ARMENIAN_OF_CYRILLIC: Record<string, string> = {
  а: 'ա',
  б: 'բ',
  в: 'վ',
  г: 'գ',
  д: 'դ',
  е: 'ե',
  ё: 'յո',
  ж: 'ժ',
  з: 'զ',
  и: 'ի',
  й: 'յ',
  к: 'կ',
  л: 'լ',
  м: 'մ',
  н: 'ն',
  о: 'ո',
  п: 'պ',
  р: 'ր',
  с: 'ս',
  т: 'տ',
  у: 'ու',
  ф: 'ֆ',
  х: 'խ',
  ц: 'ց',
  ч: 'չ',
  ш: 'շ',
  щ: 'շչ',
  ы: 'ը',
  э: 'է',
  ю: 'յու',
  я: 'յա',
};

/** Armenian script of a Cyrillic name ("Сергей Лавров" → "Սերգեյ Լավրով"); null when a letter has no rule. */
export function armenianFromCyrillic(text: string): string | null {
  const lower = apply(text.toLowerCase(), ARMENIAN_FROM_CYRILLIC);
  const out = lower.replace(/[\u0430-\u044f\u0451]/g, (ch) => ARMENIAN_OF_CYRILLIC[ch] ?? ch);
  return /[\u0400-\u04ff]/.test(out) ? null : recase(text, out);
}

/** Armenian to Cyrillic, as the Russian-language press of Armenia writes Armenian names ("Նախիջևան" → "Нахиджеван"). */
const CYRILLIC_OF_ARMENIAN: Rule[] = [
  [/(?<!\p{L})ե/gu, 'е'],
  [/(?<!\p{L})յո/gu, 'йо'],
  [/յա/g, 'я'],
  [/յու/g, 'ю'],
  [/յե/g, 'е'],
  [/յո/g, 'ё'],
  [/ու/g, 'у'],
  [/և/g, 'ев'],
  [/ո/g, 'о'],
];
const CYRILLIC_LETTER_OF_ARMENIAN: Record<string, string> = {
  ա: 'а',
  բ: 'б',
  գ: 'г',
  դ: 'д',
  ե: 'е',
  զ: 'з',
  է: 'э',
  ը: 'ы',
  թ: 'т',
  ժ: 'ж',
  ի: 'и',
  լ: 'л',
  խ: 'х',
  ծ: 'ц',
  կ: 'к',
  հ: 'г',
  ձ: 'дз',
  ղ: 'г',
  ճ: 'ч',
  մ: 'м',
  յ: 'й',
  ն: 'н',
  շ: 'ш',
  չ: 'ч',
  պ: 'п',
  ջ: 'дж',
  ռ: 'р',
  ս: 'с',
  վ: 'в',
  տ: 'т',
  ր: 'р',
  ց: 'ц',
  փ: 'п',
  ք: 'к',
  օ: 'о',
  ֆ: 'ф',
};

/** Cyrillic of an Armenian-script name; null when a letter has no rule. */
export function cyrillicFromArmenian(text: string): string | null {
  const lower = apply(text.toLowerCase(), CYRILLIC_OF_ARMENIAN);
  const out = lower.replace(/[\u0561-\u0587]/g, (ch) => CYRILLIC_LETTER_OF_ARMENIAN[ch] ?? ch);
  return /[\u0531-\u058f]/.test(out) ? null : recase(text, out);
}

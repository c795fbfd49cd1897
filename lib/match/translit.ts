/**
 * Romanizations by rule: from one canonical (English, BGN-style) spelling of an Armenian or
 * Azerbaijani name and its language of origin, the spellings the French, German, Dutch, Turkish,
 * Azerbaijani and Russian-based press use, and the Cyrillic form. Build time only.
 */

/** Languages of origin the rules know. */
export const ORIGINS = ['hy', 'az'] as const;
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
  return [...out.values()];
}

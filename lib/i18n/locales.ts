// The language list and choice, apart from the messages: the content script reads settings without loading them.

/** The interface languages, in the order the options list them. */
export const LOCALES = ['en', 'ru', 'hy', 'az', 'fr'] as const;
/** One interface language. */
export type Locale = (typeof LOCALES)[number];
/** The reader's choice in the options: a language, or the browser's own ("auto"). */
export type LocaleChoice = Locale | 'auto';

/** Each language by its own name, as a reader looks for it in a list. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  ru: 'Русский',
  hy: 'Հայերեն',
  az: 'Azərbaycan dili',
  fr: 'Français',
};

/** The first supported language among the browser's languages (its UI language first), else English. */
export function resolveLocale(choice: LocaleChoice | undefined, browserLanguages: readonly (string | undefined)[]): Locale {
  if (choice && choice !== 'auto' && (LOCALES as readonly string[]).includes(choice)) return choice;
  for (const tag of browserLanguages) {
    const base = tag?.toLowerCase().split(/[-_]/)[0];
    const found = LOCALES.find((l) => l === base);
    if (found) return found;
  }
  return 'en';
}

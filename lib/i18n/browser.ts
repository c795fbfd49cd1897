import { browser } from 'wxt/browser';
import { loadSettings, normalizeSettings, SETTINGS_KEY } from '../settings';
import { translator, type Translator } from './index';
import { resolveLocale } from './locales';

/**
 * The browser's languages, best first: the language of the message file browser.i18n chose for the browser's UI
 * language (its "localeCode" message; Chromium's --lang reaches it, though not getUILanguage), the UI language, then
 * the reader's preferred ones.
 */
export function browserLanguages(): string[] {
  return [browser.i18n.getMessage('localeCode'), browser.i18n.getUILanguage(), ...(globalThis.navigator?.languages ?? [])];
}

/** The translator for the reader's choice in the options, or for the browser's language. */
export async function currentTranslator(): Promise<Translator> {
  return translator(resolveLocale((await loadSettings(browser.storage.local)).locale, browserLanguages()));
}

/**
 * Calls back with the translator now and whenever the reader changes the language in the options, so every page
 * and the card switch at once, without a reload. Stops with the signal.
 */
export function watchTranslator(onChange: (tr: Translator) => void, signal: AbortSignal): void {
  onChange(translator(resolveLocale('auto', browserLanguages())));
  void currentTranslator().then((tr) => signal.aborted || onChange(tr));
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    onChange(translator(resolveLocale(normalizeSettings(changes[SETTINGS_KEY]!.newValue).locale, browserLanguages())));
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
}

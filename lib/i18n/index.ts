import az from '../../components/public/_locales/az/messages.json';
import en from '../../components/public/_locales/en/messages.json';
import fr from '../../components/public/_locales/fr/messages.json';
import hy from '../../components/public/_locales/hy/messages.json';
import ru from '../../components/public/_locales/ru/messages.json';
import { formatDate } from '../kb/citation';
import { formatShortDate } from '../statements/dates';
import { fill, parseMessage, type Part } from './format';
import { type Locale } from './locales';
import type { MessageParams } from './params';

export * from './locales';

/** One entry of a messages.json file (the browser's format). */
export interface MessageEntry {
  message: string;
  description?: string;
}

/** Every message key: the keys of the English file (another locale's missing key fails the build, lib/build/i18n.ts). */
export type MessageKey = keyof typeof en;

/** The bundled message files: the same files browser.i18n reads, so one override can apply without a reload. */
export const MESSAGES: Record<Locale, Record<string, MessageEntry>> = { en, ru, hy, az, fr };

/** The values a message takes: none, or exactly its placeholders (lib/i18n/params.ts, generated from the English file). */
export type ParamsOf<K extends MessageKey> = K extends keyof MessageParams ? [values: MessageParams[K]] : [];

/** The interface strings, numbers and dates of one language. */
export interface Translator {
  readonly locale: Locale;
  /** The message in this language (English where a translation is missing), its placeholders filled. */
  t<K extends MessageKey>(key: K, ...values: ParamsOf<K>): string;
  /** A date of any precision (YYYY, YYYY-MM, YYYY-MM-DD): "12 March 2024", "12 марта 2024 г.". */
  date(iso: string): string;
  /** The same with a short month: "21 Oct 2024". */
  shortDate(iso: string): string;
  /** A number with the language's digit grouping. */
  number(n: number): string;
}

const parsed = new Map<string, Part[]>();
const cache = new Map<Locale, Translator>();

/** The translator for a language (one per language, reused). */
export function translator(locale: Locale): Translator {
  let tr = cache.get(locale);
  if (!tr) cache.set(locale, (tr = makeTranslator(locale)));
  return tr;
}

function makeTranslator(locale: Locale): Translator {
  const messages = MESSAGES[locale];
  const t = (key: MessageKey, values: Record<string, string | number> = {}) => {
    const entry = messages[key] ?? MESSAGES.en[key];
    if (!entry) return key;
    const id = `${locale}:${key}`;
    let parts = parsed.get(id);
    if (!parts) parsed.set(id, (parts = parseMessage(entry.message)));
    return fill(parts, values, locale);
  };
  // English keeps the wording the code always had; the others take the language's own order and month names, from
  // Intl where the browser has the language's date data, else from the message file (Chromium has none for hy or az).
  const intl = hasDateData(locale);
  const dateFormat = (month: 'long' | 'short') => (iso: string) => {
    if (locale === 'en') return month === 'long' ? formatDate(iso) : formatShortDate(iso);
    const [y, m, d] = iso.split('-').map(Number) as [number, number?, number?];
    if (m === undefined) return String(y);
    if (!intl) return fallbackDate(locale, y, m, d, month);
    const options: Intl.DateTimeFormatOptions = { year: 'numeric', month, timeZone: 'UTC' };
    if (d !== undefined) options.day = 'numeric';
    return new Intl.DateTimeFormat(locale, options).format(Date.UTC(y, m - 1, d ?? 1));
  };
  const numbers = new Intl.NumberFormat(locale, { useGrouping: 'min2' });
  return {
    locale,
    t: t as Translator['t'],
    date: dateFormat('long'),
    shortDate: dateFormat('short'),
    number: (n) => numbers.format(n),
  };
}

/** English, for code outside the interface (the command line, exports) and for components rendered without a language. */
export const EN: Translator = translator('en');

/** An entity kind in words ("person"), lower case as it runs in a sentence; the kind itself if it has no message. */
export function kindName(t: Translator['t'], kind: string): string {
  const key = `kind_${kind}` as MessageKey;
  const name = (t as (key: MessageKey) => string)(key);
  return name === key ? kind : name;
}

/** Whether Intl formats this language's months by name (Chromium's trimmed ICU has no Armenian, and only numbers for Azerbaijani). */
function hasDateData(locale: Locale): boolean {
  const format = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  return format.resolvedOptions().locale.split('-')[0] === locale && !/\d/.test(format.format(Date.UTC(2024, 2, 12)));
}

/** A date from the message file's month names and patterns (dateDay, dateMonth), for languages Intl lacks. */
export function fallbackDate(locale: Locale, year: number, month: number, day: number | undefined, form: 'long' | 'short'): string {
  const { t } = translator(locale);
  const names = t(form === 'short' ? 'monthNamesShort' : day === undefined ? 'monthNamesStandalone' : 'monthNames').split('|');
  const name = names[month - 1] ?? String(month);
  return day === undefined
    ? t('dateMonth', { month: name, year: String(year) })
    : t('dateDay', { day: String(day), month: name, year: String(year) });
}

/**
 * A failure in the reader's language: the message of its code (lib/i18n/errors.ts) filled with its values, or,
 * for an error without a code, its English message as it came.
 */
export function errorText(
  tr: Translator,
  failure: { code?: string; params?: Record<string, string | number>; error?: string; message?: string },
): string {
  if (failure.code && failure.code in MESSAGES.en)
    return (tr.t as (key: MessageKey, values: Record<string, string | number>) => string)(failure.code as MessageKey, failure.params ?? {});
  return failure.error ?? failure.message ?? '';
}

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLocales, LOCALES_DIR, PARAMS_FILE, paramsSource } from '../../lib/build/i18n';
import { formatDate } from '../../lib/kb/citation';
import { fallbackDate, LOCALES, MESSAGES, resolveLocale, translator } from '../../lib/i18n';
import { parseMessage, placeholders } from '../../lib/i18n/format';
import { formatShortDate } from '../../lib/statements/dates';

const root = new URL('../..', import.meta.url).pathname;

/** A copy of the message files in a scratch root, with one locale's file changed. */
function rootWith(locale: string, change: (messages: Record<string, { message: string }>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-i18n-'));
  cpSync(join(root, LOCALES_DIR), join(dir, LOCALES_DIR), { recursive: true });
  const file = join(dir, LOCALES_DIR, locale, 'messages.json');
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message: string }>;
  change(messages);
  writeFileSync(file, JSON.stringify(messages));
  return dir;
}

describe('the locale files', () => {
  it('have every English key in every locale, with the same placeholders and the plural forms each language needs', () => {
    expect(checkLocales(root)).toEqual([]);
    const english = Object.keys(MESSAGES.en);
    for (const locale of LOCALES) {
      expect(Object.keys(MESSAGES[locale]).sort(), locale).toEqual([...english].sort());
      for (const key of english)
        expect(placeholders(parseMessage(MESSAGES[locale][key]!.message)), `${locale}: ${key}`).toEqual(
          placeholders(parseMessage(MESSAGES.en[key]!.message)),
        );
    }
  });

  it('report a missing key, a wrong placeholder, a missing plural form and a stray key, naming file and key', () => {
    const missing = checkLocales(rootWith('ru', (m) => delete (m as Record<string, unknown>).cardSources));
    expect(missing).toEqual([
      expect.stringMatching(/^Backstory: components\/public\/_locales\/ru\/messages\.json: "cardSources" is missing/),
    ]);
    const renamed = checkLocales(rootWith('hy', (m) => (m.stateOnFor!.message = 'Միացված է {host} կայքում')));
    expect(renamed).toEqual([expect.stringContaining('hy/messages.json: "stateOnFor" has placeholders {host} but English has {site}')]);
    const plural = checkLocales(
      rootWith('ru', (m) => (m.mentionCount!.message = '{count, plural, one {# упоминание} other {# упоминания}}')),
    );
    expect(plural).toEqual([expect.stringContaining('"mentionCount": plural {count} lacks the form(s) few, many that ru needs')]);
    const stray = checkLocales(rootWith('fr', (m) => (m.cardExtra = { message: 'de trop' })));
    expect(stray).toEqual([expect.stringContaining('fr/messages.json: "cardExtra" is not in English')]);
    const broken = checkLocales(rootWith('az', (m) => (m.dated!.message = 'Tarix: {range')));
    expect(broken).toEqual([expect.stringContaining('az/messages.json: "dated": unclosed "{"')]);
  });

  it('match the generated placeholder types (run "npm run i18n" after changing the English file)', () => {
    expect(readFileSync(join(root, PARAMS_FILE), 'utf8')).toBe(paramsSource(root));
  });
});

describe('translator', () => {
  it('chooses the Russian plural form by the number (one, few, many)', () => {
    const { t } = translator('ru');
    expect([1, 3, 5, 11, 21, 22, 25].map((count) => t('mentionCount', { count }))).toEqual([
      '1 упоминание',
      '3 упоминания',
      '5 упоминаний',
      '11 упоминаний',
      '21 упоминание',
      '22 упоминания',
      '25 упоминаний',
    ]);
    expect(t('cardMentionedIn', { count: 2, total: 21 })).toBe('Упоминается в 2 из 21 документа');
    expect(t('cardMentionedIn', { count: 2, total: 5 })).toBe('Упоминается в 2 из 5 документов');
  });

  it('keeps the English wording, and pluralises it', () => {
    const { t } = translator('en');
    expect(t('mentionCount', { count: 1 })).toBe('1 mention');
    expect(t('mentionCount', { count: 4 })).toBe('4 mentions');
    expect(t('stateOnFor', { site: 'example.org' })).toBe('On for example.org');
  });

  it('formats numbers and dates in the language', () => {
    expect(translator('ru').number(12345)).toBe('12\u00a0345');
    expect(translator('fr').t('checkingWords', { count: 12000 })).toMatch(/^Vérification de 12\u202f000 mots/);
    expect(translator('ru').date('2024-03-12')).toBe('12 марта 2024 г.');
    expect(translator('fr').date('2024-03-12')).toBe('12 mars 2024');
    expect(translator('az').date('2024-03')).toBe('mart 2024');
    expect(translator('hy').date('2024')).toBe('2024');
    // English dates stay as the code always wrote them.
    for (const iso of ['2024-03-12', '2024-03', '2024']) {
      expect(translator('en').date(iso)).toBe(formatDate(iso));
      expect(translator('en').shortDate(iso)).toBe(formatShortDate(iso));
    }
  });
});

describe('fallbackDate (browsers without the language’s date data)', () => {
  it('writes Armenian and Azerbaijani dates from the message files’ month names', () => {
    expect(fallbackDate('hy', 2024, 3, 12, 'long')).toBe('12 մարտի, 2024 թ.');
    expect(fallbackDate('hy', 2024, 3, undefined, 'long')).toBe('մարտ, 2024 թ.');
    expect(fallbackDate('az', 2024, 10, 21, 'short')).toBe('21 okt 2024');
    expect(fallbackDate('ru', 2024, 3, 12, 'long')).toBe(translator('ru').date('2024-03-12'));
  });
});

describe('resolveLocale', () => {
  it('takes the reader’s choice, else the first supported browser language, else English', () => {
    expect(resolveLocale('hy', ['ru-RU'])).toBe('hy');
    expect(resolveLocale('auto', ['ru-RU', 'en'])).toBe('ru');
    expect(resolveLocale('auto', ['de-DE', 'fr_CA'])).toBe('fr');
    expect(resolveLocale('auto', ['de', undefined])).toBe('en');
    expect(resolveLocale(undefined, ['az'])).toBe('az');
  });
});

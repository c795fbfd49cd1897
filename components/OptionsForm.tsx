import type { ComponentChildren } from 'preact';
import { LOCALE_NAMES, LOCALES, type LocaleChoice, type MessageKey } from '../lib/i18n';
import { useI18n } from '../lib/i18n/preact';
import type { HighlightStyle, Settings } from '../lib/settings';

/** Props: the settings and how to save a change. */
export interface OptionsFormProps {
  settings: Settings;
  onChange: (next: Settings) => void;
}

const STYLES: [HighlightStyle, MessageKey, MessageKey][] = [
  ['underline', 'styleUnderline', 'styleUnderlineHelp'],
  ['background', 'styleBackground', 'styleBackgroundHelp'],
  ['none', 'styleNone', 'styleNoneHelp'],
];

/** One labelled group of settings, with its help text under the heading. */
function Group({ id, title, help, children }: { id: string; title: string; help?: string; children: ComponentChildren }) {
  return (
    <fieldset class="group" aria-describedby={help ? `${id}-help` : undefined}>
      <legend>{title}</legend>
      {help && (
        <p class="help" id={`${id}-help`}>
          {help}
        </p>
      )}
      {children}
    </fieldset>
  );
}

/** Every setting on one page: labelled groups, one control a row, each with its help text. */
export function OptionsForm({ settings, onChange }: OptionsFormProps) {
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => onChange({ ...settings, [key]: value });
  const { t } = useI18n();
  return (
    <form class="options" onSubmit={(e) => e.preventDefault()}>
      <Group id="enabled" title={t('extName')}>
        <div class="row">
          <label>
            <input type="checkbox" name="enabled" checked={settings.enabled} onChange={() => set('enabled', !settings.enabled)} />{' '}
            {t('optionsOn')}
          </label>
          <p class="help">{t('optionsOnHelp')}</p>
        </div>
      </Group>
      <Group id="language" title={t('optionsLanguage')} help={t('optionsLanguageHelp')}>
        <div class="row field">
          <label for="locale">{t('optionsLanguageLabel')}</label>
          <select
            id="locale"
            name="locale"
            value={settings.locale}
            onChange={(e) => set('locale', (e.target as HTMLSelectElement).value as LocaleChoice)}
          >
            <option value="auto">{t('optionsLanguageAuto')}</option>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
      </Group>
      <Group id="style" title={t('optionsStyle')}>
        {STYLES.map(([style, label, help]) => (
          <div class="row" key={style}>
            <label>
              <input type="radio" name="style" value={style} checked={settings.style === style} onChange={() => set('style', style)} />{' '}
              {t(label)}
            </label>
            <p class="help">{t(help)}</p>
          </div>
        ))}
      </Group>
      <Group id="mentions" title={t('optionsMentions')} help={t('optionsMentionsHelp')}>
        <div class="row">
          <label>
            <input type="radio" name="mentions" checked={settings.mentions === 'every'} onChange={() => set('mentions', 'every')} />{' '}
            {t('optionsMentionsEvery')}
          </label>
        </div>
        <div class="row">
          <label>
            <input type="radio" name="mentions" checked={settings.mentions === 'first'} onChange={() => set('mentions', 'first')} />{' '}
            {t('optionsMentionsFirst')}
          </label>
        </div>
      </Group>
      <Group id="countries" title={t('optionsCountries')}>
        <div class="row">
          <label>
            <input
              type="checkbox"
              name="countries"
              checked={settings.highlightCountries}
              onChange={() => set('highlightCountries', !settings.highlightCountries)}
            />{' '}
            {t('optionsCountriesMark')}
          </label>
          <p class="help">{t('optionsCountriesHelp')}</p>
        </div>
      </Group>
      <Group id="sites" title={t('optionsSites')} help={t('optionsSitesHelp')}>
        {settings.disabledSites.length === 0 ? (
          <p class="row">{t('optionsSitesNone')}</p>
        ) : (
          <ul class="sites">
            {settings.disabledSites.map((site) => (
              <li class="row" key={site}>
                <span>{site}</span>{' '}
                <button
                  type="button"
                  onClick={() =>
                    set(
                      'disabledSites',
                      settings.disabledSites.filter((s) => s !== site),
                    )
                  }
                >
                  {t('optionsSitesTurnOn')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </Group>
      <Group id="keyboard" title={t('optionsKeyboard')} help={t('optionsKeyboardHelp')}>
        {(
          [
            ['next', 'optionsNextMention'],
            ['prev', 'optionsPrevMention'],
          ] as const
        ).map(([key, label]) => (
          <div class="row field" key={key}>
            <label for={`shortcut-${key}`}>{t(label)}</label>
            <input
              type="text"
              id={`shortcut-${key}`}
              name={`shortcut-${key}`}
              value={settings.shortcuts[key]}
              placeholder={t('optionsShortcutOff')}
              onChange={(e) => set('shortcuts', { ...settings.shortcuts, [key]: (e.target as HTMLInputElement).value.trim() })}
            />
          </div>
        ))}
        <p class="help">{t('optionsShortcutsHelp')}</p>
      </Group>
    </form>
  );
}

import type { HighlightStyle, Settings } from '../lib/settings';

/** Props: the settings and how to save a change. */
export interface OptionsFormProps {
  settings: Settings;
  onChange: (next: Settings) => void;
}

/** Every setting on one page. */
export function OptionsForm({ settings, onChange }: OptionsFormProps) {
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => onChange({ ...settings, [key]: value });
  return (
    <form onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>Backstory</legend>
        <label>
          <input type="checkbox" name="enabled" checked={settings.enabled} onChange={() => set('enabled', !settings.enabled)} /> On
          (unticked pauses it everywhere)
        </label>
      </fieldset>
      <fieldset>
        <legend>How mentions are marked</legend>
        {(['underline', 'background', 'none'] as HighlightStyle[]).map((style) => (
          <label key={style}>
            <input type="radio" name="style" value={style} checked={settings.style === style} onChange={() => set('style', style)} />{' '}
            {style}
          </label>
        ))}
        <label>
          <input type="radio" name="mentions" checked={settings.mentions === 'every'} onChange={() => set('mentions', 'every')} /> every
          mention
        </label>
        <label>
          <input type="radio" name="mentions" checked={settings.mentions === 'first'} onChange={() => set('mentions', 'first')} /> first
          mention of each entity
        </label>
        <label>
          <input
            type="checkbox"
            name="countries"
            checked={settings.highlightCountries}
            onChange={() => set('highlightCountries', !settings.highlightCountries)}
          />{' '}
          also mark countries (Armenia, Azerbaijan, Russia, …)
        </label>
      </fieldset>
      <fieldset>
        <legend>Sites where Backstory is off</legend>
        {settings.disabledSites.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {settings.disabledSites.map((site) => (
              <li key={site}>
                {site}{' '}
                <button
                  type="button"
                  onClick={() =>
                    set(
                      'disabledSites',
                      settings.disabledSites.filter((s) => s !== site),
                    )
                  }
                >
                  Turn back on
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <fieldset>
        <legend>Keyboard</legend>
        {(
          [
            ['next', 'Next mention'],
            ['prev', 'Previous mention'],
          ] as const
        ).map(([key, label]) => (
          <label key={key}>
            {label}{' '}
            <input
              type="text"
              name={`shortcut-${key}`}
              value={settings.shortcuts[key]}
              placeholder="off"
              onChange={(e) => set('shortcuts', { ...settings.shortcuts, [key]: (e.target as HTMLInputElement).value.trim() })}
            />
          </label>
        ))}
        <p>
          On a page, these move through the marked mentions in reading order; Enter opens the card, Esc closes it. Write a key as
          "Alt+Shift+J"; leave a field empty to turn it off.
        </p>
        <p>
          Alt+Shift+B turns Backstory off or on for the current site; Alt+Shift+P pauses it everywhere or resumes. Change or remove the
          shortcuts at chrome://extensions/shortcuts (Firefox: Manage Extension Shortcuts in about:addons).
        </p>
      </fieldset>
    </form>
  );
}

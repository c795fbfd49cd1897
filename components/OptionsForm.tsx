import type { ComponentChildren } from 'preact';
import type { HighlightStyle, Settings } from '../lib/settings';

/** Props: the settings and how to save a change. */
export interface OptionsFormProps {
  settings: Settings;
  onChange: (next: Settings) => void;
}

const STYLES: [HighlightStyle, string, string][] = [
  ['underline', 'Underline', 'A dotted line under each mention.'],
  ['background', 'Background', 'A light yellow wash behind each mention.'],
  ['none', 'None', 'Nothing is marked and pointing at text does nothing; Alt+Shift+J still moves through the mentions.'],
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
  return (
    <form class="options" onSubmit={(e) => e.preventDefault()}>
      <Group id="enabled" title="Backstory">
        <div class="row">
          <label>
            <input type="checkbox" name="enabled" checked={settings.enabled} onChange={() => set('enabled', !settings.enabled)} /> On
            (unticked pauses it everywhere)
          </label>
          <p class="help">Alt+Shift+P does the same from any page.</p>
        </div>
      </Group>
      <Group id="style" title="How mentions are marked">
        {STYLES.map(([style, label, help]) => (
          <div class="row" key={style}>
            <label>
              <input type="radio" name="style" value={style} checked={settings.style === style} onChange={() => set('style', style)} />{' '}
              {label}
            </label>
            <p class="help">{help}</p>
          </div>
        ))}
      </Group>
      <Group id="mentions" title="Which mentions" help="Marking only the first mention keeps long articles quiet.">
        <div class="row">
          <label>
            <input type="radio" name="mentions" checked={settings.mentions === 'every'} onChange={() => set('mentions', 'every')} /> Every
            mention
          </label>
        </div>
        <div class="row">
          <label>
            <input type="radio" name="mentions" checked={settings.mentions === 'first'} onChange={() => set('mentions', 'first')} /> First
            mention of each entity
          </label>
        </div>
      </Group>
      <Group id="countries" title="Countries">
        <div class="row">
          <label>
            <input
              type="checkbox"
              name="countries"
              checked={settings.highlightCountries}
              onChange={() => set('highlightCountries', !settings.highlightCountries)}
            />{' '}
            Also mark countries (Armenia, Azerbaijan, Russia, …)
          </label>
          <p class="help">Off by default: country names appear in almost every sentence of this news.</p>
        </div>
      </Group>
      <Group
        id="sites"
        title="Sites where Backstory is off"
        help="Turn Backstory off for a site from the toolbar popup or with Alt+Shift+B."
      >
        {settings.disabledSites.length === 0 ? (
          <p class="row">None.</p>
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
                  Turn back on
                </button>
              </li>
            ))}
          </ul>
        )}
      </Group>
      <Group
        id="keyboard"
        title="Keyboard"
        help='On a page, these move through the marked mentions in reading order; Enter opens the card, Esc closes it. Write a key as "Alt+Shift+J"; leave a field empty to turn it off.'
      >
        {(
          [
            ['next', 'Next mention'],
            ['prev', 'Previous mention'],
          ] as const
        ).map(([key, label]) => (
          <div class="row field" key={key}>
            <label for={`shortcut-${key}`}>{label}</label>
            <input
              type="text"
              id={`shortcut-${key}`}
              name={`shortcut-${key}`}
              value={settings.shortcuts[key]}
              placeholder="off"
              onChange={(e) => set('shortcuts', { ...settings.shortcuts, [key]: (e.target as HTMLInputElement).value.trim() })}
            />
          </div>
        ))}
        <p class="help">
          Alt+Shift+B turns Backstory off or on for the current site; Alt+Shift+P pauses it everywhere or resumes. Change or remove the
          shortcuts at chrome://extensions/shortcuts (Firefox: Manage Extension Shortcuts in about:addons).
        </p>
      </Group>
    </form>
  );
}

import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { OptionsForm } from '../../components/OptionsForm';
import { useTranslator } from '../../lib/i18n/use-translator';
import { I18n } from '../../lib/i18n/preact';
import { loadSettings, SETTINGS_KEY, type Settings } from '../../lib/settings';
import './style.css';

function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const tr = useTranslator((next) => next.t('optionsTitle'));
  useEffect(() => void loadSettings(browser.storage.local).then(setSettings), []);
  if (!settings) return null;
  const save = (next: Settings) => {
    setSettings(next);
    void browser.storage.local.set({ [SETTINGS_KEY]: next });
  };
  return (
    <I18n.Provider value={tr}>
      <main>
        <h1>{tr.t('optionsTitle')}</h1>
        <p>
          <a href={browser.runtime.getURL('/library.html')} target="_blank">
            {tr.t('myLibrary')}
          </a>
          {tr.t('optionsLibraryNote')}
        </p>
        <OptionsForm settings={settings} onChange={save} />
      </main>
    </I18n.Provider>
  );
}

render(<App />, document.getElementById('app')!);

import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { OptionsForm } from '../../components/OptionsForm';
import { loadSettings, SETTINGS_KEY, type Settings } from '../../lib/settings';
import './style.css';

function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => void loadSettings(browser.storage.local).then(setSettings), []);
  if (!settings) return null;
  const save = (next: Settings) => {
    setSettings(next);
    void browser.storage.local.set({ [SETTINGS_KEY]: next });
  };
  return (
    <main>
      <h1>Backstory settings</h1>
      <p>
        <a href={browser.runtime.getURL('/library.html')} target="_blank">
          My library
        </a>
        : import documents and packs, export, edit and remove.
      </p>
      <OptionsForm settings={settings} onChange={save} />
    </main>
  );
}

render(<App />, document.getElementById('app')!);

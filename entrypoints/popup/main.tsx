import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/Popup';
import { SiteControls } from '../../components/SiteControls';
import { message, type MessageApi } from '../../lib/messages';
import { loadSettings, SETTINGS_KEY, type Settings } from '../../lib/settings';
import './style.css';

const searchApi = async (query: string) =>
  (await browser.runtime.sendMessage(message('search', { query }))) as MessageApi['search']['response'];

function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [site, setSite] = useState<string | null>(null);
  useEffect(() => {
    void loadSettings(browser.storage.local).then(setSettings);
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      const url = tab?.url ? new URL(tab.url) : null;
      setSite(url && /^https?:$/.test(url.protocol) ? url.hostname : null);
    });
  }, []);
  const save = (next: Settings) => {
    setSettings(next);
    void browser.storage.local.set({ [SETTINGS_KEY]: next });
  };
  return (
    <>
      <Popup search={searchApi} />
      {settings && <SiteControls settings={settings} site={site} onChange={save} />}
      <p style={{ padding: '0 12px' }}>
        <a href="#" onClick={() => void browser.runtime.openOptionsPage()}>
          Settings
        </a>
      </p>
    </>
  );
}

render(<App />, document.getElementById('app')!);

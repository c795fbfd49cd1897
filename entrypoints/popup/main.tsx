import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Popup, type PopupApi } from '../../components/Popup';
import { SiteControls } from '../../components/SiteControls';
import { message, type MessageApi } from '../../lib/messages';
import { loadSettings, SETTINGS_KEY, type Settings } from '../../lib/settings';
import './style.css';

const ask = <K extends keyof MessageApi>(type: K, payload: MessageApi[K]['request']) =>
  browser.runtime.sendMessage(message(type, payload)) as Promise<MessageApi[K]['response']>;
const activeTab = async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0];

const api: PopupApi = {
  search: (query, filters) => ask('search', { query, filters }),
  corpusInfo: () => ask('corpusInfo', {}),
  checkQuote: (text) => ask('checkQuote', { text }),
  pageEntities: async () => {
    const tab = await activeTab();
    if (tab?.id === undefined || !/^https?:/.test(tab.url ?? '')) return null;
    try {
      return (await browser.tabs.sendMessage(tab.id, message('pageEntities', {}))) as MessageApi['pageEntities']['response'];
    } catch {
      return null;
    }
  },
  scrollTo: async (entity) => {
    const tab = await activeTab();
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, message('scrollTo', { entity }));
  },
  openPassage: (passage) => void ask('openPage', { page: 'reader', passage }),
  copy: (text) => navigator.clipboard.writeText(text),
};

const params = new URLSearchParams(location.search);
// Opened in a tab ("Search all", or by hand), the page gets the layout for a full window instead of the toolbar's 400 px.
const layout = params.get('view') === 'tab' || window.innerWidth >= 640 ? 'wide' : 'popup';
document.documentElement.classList.toggle('wide', layout === 'wide');
const initial = { query: params.get('q') ?? undefined, entity: params.get('entity') ?? undefined, check: params.get('check') ?? undefined };

function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [site, setSite] = useState<string | null>(null);
  useEffect(() => {
    void loadSettings(browser.storage.local).then(setSettings);
    void activeTab().then((tab) => {
      const url = tab?.url ? new URL(tab.url) : null;
      setSite(url && /^https?:$/.test(url.protocol) ? url.hostname : null);
    });
  }, []);
  const save = (next: Settings) => {
    setSettings(next);
    void browser.storage.local.set({ [SETTINGS_KEY]: next });
  };
  return (
    <Popup api={api} initial={initial} layout={layout}>
      {settings && <SiteControls settings={settings} site={site} onChange={save} />}
      <p>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          Settings
        </button>
        {' · '}
        <button type="button" class="link" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/library.html') })}>
          My library
        </button>
      </p>
    </Popup>
  );
}

render(<App />, document.getElementById('app')!);

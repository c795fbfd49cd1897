import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { HostPermissionNotice } from '../../components/HostPermissionNotice';
import { AddPage, type AddPageApi } from '../../components/AddPage';
import { Popup, type PopupApi } from '../../components/Popup';
import { SiteControls } from '../../components/SiteControls';
import { useTranslator } from '../../lib/i18n/use-translator';
import { I18n } from '../../lib/i18n/preact';
import { message, type MessageApi } from '../../lib/messages';
import { loadSettings, SETTINGS_KEY, type Settings } from '../../lib/settings';
import { TRACE } from '../../lib/trace';
import './style.css';

const ask = <K extends keyof MessageApi>(type: K, payload: MessageApi[K]['request']) =>
  browser.runtime.sendMessage(message(type, payload)) as Promise<MessageApi[K]['response']>;
const params = new URLSearchParams(location.search);
// ?tab=ID: the page this popup is about, when it is open in a tab of its own rather than over the page.
const activeTab = async () =>
  params.has('tab') ? browser.tabs.get(Number(params.get('tab'))) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
// Test builds: ?url= stands in for the address that only a click on the toolbar button (activeTab) reveals.
const tabUrl = (tab: { url?: string } | undefined) => tab?.url ?? (TRACE ? params.get('url') : null) ?? '';

const api: PopupApi = {
  search: (query, filters) => ask('search', { query, filters }),
  corpusInfo: () => ask('corpusInfo', {}),
  checkQuote: (text) => ask('checkQuote', { text }),
  pageEntities: async () => {
    const tab = await activeTab();
    if (tab?.id === undefined || !/^https?:/.test(tabUrl(tab))) return null;
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

// Opened in a tab ("Search all", or by hand), the page gets the layout for a full window instead of the toolbar's 400 px.
const layout = params.get('view') === 'tab' || window.innerWidth >= 640 ? 'wide' : 'popup';
document.documentElement.classList.toggle('wide', layout === 'wide');
// Opened from the page's context menu: the tab to add is named in the URL (the popup's own tab is not it).
const addTab = params.get('addTab');
const addApi: AddPageApi = {
  draft: async () => ask('pageDraft', { tabId: addTab ? Number(addTab) : ((await activeTab())?.id ?? -1) }),
  save: async (input) => (await ask('libraryAdd', { documents: [input] })).results[0]!,
};
const initial = { query: params.get('q') ?? undefined, entity: params.get('entity') ?? undefined, check: params.get('check') ?? undefined };

function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [site, setSite] = useState<string | null>(null);
  const [withheld, setWithheld] = useState<string | null>(null);
  const tr = useTranslator();
  useEffect(() => {
    void loadSettings(browser.storage.local).then(setSettings);
    void activeTab().then(async (tab) => {
      const href = tabUrl(tab);
      const url = href ? new URL(href) : null;
      setSite(url && /^https?:$/.test(url.protocol) ? url.hostname : null);
      // A match pattern for the site (any port, as the content script's <all_urls> has it).
      const pattern = url && /^https?:$/.test(url.protocol) ? `${url.protocol}//${url.hostname}/*` : null;
      // Chromium counts the content script's sites apart from permissions.contains: a tab whose script answers is allowed.
      if (pattern && !(await browser.permissions.contains({ origins: [pattern] })) && (await api.pageEntities()) === null)
        setWithheld(pattern);
    });
  }, []);
  // permissions.request must run in the click's user gesture: nothing awaited before it.
  const allow = () =>
    void browser.permissions.request({ origins: [withheld!] }).then((granted) => {
      if (granted) setWithheld(null);
    });
  const save = (next: Settings) => {
    setSettings(next);
    void browser.storage.local.set({ [SETTINGS_KEY]: next });
  };
  return (
    <I18n.Provider value={tr}>
      <Popup api={api} initial={initial} layout={layout}>
        {withheld && <HostPermissionNotice site={new URL(withheld.replace('/*', '/')).hostname} onAllow={allow} />}
        <AddPage api={addApi} auto={addTab !== null} />
        {settings && <SiteControls settings={settings} site={site} onChange={save} />}
        <p>
          <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
            {tr.t('settingsLink')}
          </button>
          {' · '}
          <button type="button" class="link" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/library.html') })}>
            {tr.t('myLibrary')}
          </button>
        </p>
      </Popup>
    </I18n.Provider>
  );
}

render(<App />, document.getElementById('app')!);

import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { pageLibrary } from '../lib/background/page-library';
import { BackgroundService } from '../lib/background/service';
import { createLibrary } from '../lib/library/host';
import { currentTranslator, watchTranslator } from '../lib/i18n/browser';
import type { KnowledgeBase } from '../lib/kb/types-kb';
import type { Message } from '../lib/messages';
import { toggleSite, updateSettings } from '../lib/settings';

export default defineBackground(() => {
  const fetchJson = async (path: '/data/kb.json' | '/data/search-index.json' | '/data/matcher.json') =>
    (await fetch(browser.runtime.getURL(path))).json();
  let kb: Promise<KnowledgeBase> | null = null;
  const loadKb = () => (kb ??= fetchJson('/data/kb.json'));
  const library = createLibrary({ matcher: () => fetchJson('/data/matcher.json'), kb: loadKb });
  const service = new BackgroundService(
    { loadKb, loadIndex: () => fetchJson('/data/search-index.json') },
    async (path) => void (await browser.tabs.create({ url: browser.runtime.getURL(path as '/reader.html') })),
    library,
  );
  const pages = pageLibrary({
    library,
    bundledKb: () => fetchJson('/data/kb.json'),
    runArticleScript: async (tabId) => (await browser.scripting.executeScript({ target: { tabId }, files: ['/article.js'] }))[0]?.result,
    storage: browser.storage.local,
  });
  const origin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!message || typeof message !== 'object' || !('type' in message)) return undefined;
    if (sender.id !== browser.runtime.id) return undefined;
    const m = message as Message;
    const answer = pages.handle(m, sender.url, origin) ?? pages.after(m.type, service.handle(m, sender, origin));
    return answer.catch((error: Error) => ({ error: error.message }));
  });
  // "Check quote in Backstory" on selected text, on any page: opens the quote check with the selection.
  const checkSelection = async (info: { menuItemId: string | number; selectionText?: string }) => {
    if (info.menuItemId !== 'check-quote' || !info.selectionText) return;
    await browser.tabs.create({ url: `${browser.runtime.getURL('/popup.html')}?check=${encodeURIComponent(info.selectionText)}` });
  };
  // "Add this page to my library" from the page's menu: the preview opens in a tab and reads that page on request.
  const addPage = async (info: { menuItemId: string | number }, tab?: { id?: number }) => {
    if (info.menuItemId !== 'add-page' || tab?.id === undefined) return;
    await browser.tabs.create({ url: `${browser.runtime.getURL('/popup.html')}?addTab=${tab.id}` });
  };
  browser.runtime.onInstalled.addListener(async () => {
    const { t } = await currentTranslator();
    browser.contextMenus.create({ id: 'check-quote', title: t('menuCheckQuote'), contexts: ['selection'] });
    browser.contextMenus.create({ id: 'add-page', title: t('menuAddPage'), contexts: ['page'] });
    // After an update the matcher's format may have changed: compile the user's entities again.
    void pages.syncEntities().catch(() => {});
  });
  // The menu follows the language chosen in the options at once (the initial call comes before the menu exists).
  watchTranslator(({ t }) => {
    void browser.contextMenus.update('check-quote', { title: t('menuCheckQuote') }).catch(() => {});
    void browser.contextMenus.update('add-page', { title: t('menuAddPage') }).catch(() => {});
  }, new AbortController().signal);
  browser.contextMenus.onClicked.addListener((info, tab) => void checkSelection(info).then(() => addPage(info, tab)));
  (globalThis as { backstoryAddPage?: typeof addPage }).backstoryAddPage = addPage;
  // Tests call the same handler the menu calls (the browser's own menu cannot be clicked headless).
  (globalThis as { backstoryCheckSelection?: typeof checkSelection }).backstoryCheckSelection = checkSelection;

  // Keyboard shortcuts: pause everywhere, or turn Backstory off (or back on) for the site in the active tab.
  browser.commands.onCommand.addListener(async (command) => {
    if (command === 'toggle-pause') await updateSettings(browser.storage.local, (s) => ({ ...s, enabled: !s.enabled }));
    if (command !== 'toggle-site') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const hostname = tab?.url ? new URL(tab.url).hostname : '';
    if (hostname) await updateSettings(browser.storage.local, (s) => toggleSite(s, hostname));
  });
});

import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { BackgroundService } from '../lib/background/service';
import { createLibrary } from '../lib/library/host';
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
  const origin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!message || typeof message !== 'object' || !('type' in message)) return undefined;
    if (sender.id !== browser.runtime.id) return undefined;
    return service.handle(message as Message, sender, origin).catch((error: Error) => ({ error: error.message }));
  });
  // "Check quote in Backstory" on selected text, on any page: opens the quote check with the selection.
  const checkSelection = async (info: { menuItemId: string | number; selectionText?: string }) => {
    if (info.menuItemId !== 'check-quote' || !info.selectionText) return;
    await browser.tabs.create({ url: `${browser.runtime.getURL('/popup.html')}?check=${encodeURIComponent(info.selectionText)}` });
  };
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: 'check-quote', title: 'Check quote in Backstory', contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info) => void checkSelection(info));
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

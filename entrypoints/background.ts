import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { BackgroundService } from '../lib/background/service';
import type { Message } from '../lib/messages';
import { toggleSite, updateSettings } from '../lib/settings';

export default defineBackground(() => {
  const fetchJson = async (path: '/data/kb.json' | '/data/search-index.json') => (await fetch(browser.runtime.getURL(path))).json();
  const service = new BackgroundService(
    { loadKb: () => fetchJson('/data/kb.json'), loadIndex: () => fetchJson('/data/search-index.json') },
    async (path) => void (await browser.tabs.create({ url: browser.runtime.getURL(path as '/reader.html') })),
  );
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!message || typeof message !== 'object' || !('type' in message)) return undefined;
    return service.handle(message as Message).catch((error: Error) => ({ error: error.message }));
  });
  // Keyboard shortcuts: pause everywhere, or turn Backstory off (or back on) for the site in the active tab.
  browser.commands.onCommand.addListener(async (command) => {
    if (command === 'toggle-pause') await updateSettings(browser.storage.local, (s) => ({ ...s, enabled: !s.enabled }));
    if (command !== 'toggle-site') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const hostname = tab?.url ? new URL(tab.url).hostname : '';
    if (hostname) await updateSettings(browser.storage.local, (s) => toggleSite(s, hostname));
  });
});

import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { BackgroundService } from '../lib/background/service';
import type { Message } from '../lib/messages';

export default defineBackground(() => {
  const fetchJson = async (path: '/data/kb.json' | '/data/search-index.json') => (await fetch(browser.runtime.getURL(path))).json();
  const service = new BackgroundService({
    loadKb: () => fetchJson('/data/kb.json'),
    loadIndex: () => fetchJson('/data/search-index.json'),
  });
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!message || typeof message !== 'object' || !('type' in message)) return undefined;
    return service.handle(message as Message).catch((error: Error) => ({ error: error.message }));
  });
});

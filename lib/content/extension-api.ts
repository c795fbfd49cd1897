import type { Browser } from 'webextension-polyfill';

// Firefox's `browser` and MV3 Chrome's `chrome` both return promises for what the content script calls
// (storage, sendMessage); the polyfill's CommonJS wrapper and proxies would cost every page its load.
// The build points the polyfill at this module in scripts that run in pages (lib/build/vite-plugin.ts).
const g = globalThis as unknown as { browser?: Browser; chrome?: Browser };

/** The extension API in a content script, without webextension-polyfill. */
export const browser: Browser = g.browser?.runtime?.id ? g.browser : g.chrome!;

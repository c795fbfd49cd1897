import matcherTables from 'virtual:backstory/matcher';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '../../lib/content/main';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    try {
      startContentScript(document, matcherTables, ctx.signal);
    } catch (error) {
      // Never let an exception reach the page; one line in the console says what failed.
      console.warn('Backstory: content script stopped:', error);
    }
  },
});

import prefilter from 'virtual:backstory/prefilter';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { loadCardUi } from '../../lib/content/card-ui';
import { browser } from '../../lib/content/extension-api';
import { report, startContentScript } from '../../lib/content/main';
import { USER_MATCHER_KEY } from '../../lib/content/user-matcher';
import { fetchMatcherTables } from '../../lib/match/load';
import { message, type Message, type MessageApi } from '../../lib/messages';
import { normalizeSettings, SETTINGS_KEY } from '../../lib/settings';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  async main(ctx) {
    try {
      // One storage read for both keys: each read is a round trip to the browser before the first scan can start.
      const stored = await browser.storage.local.get([SETTINGS_KEY, USER_MATCHER_KEY]);
      const settings = normalizeSettings(stored[SETTINGS_KEY]);
      const { controller, setUserTables } = startContentScript(
        document,
        // The tables are read only when the page may mention something (most pages do not).
        { prefilter, load: () => fetchMatcherTables(browser.runtime.getURL('/data/matcher.json')) },
        settings,
        ctx.signal,
        {
          getCard: async (entityId) =>
            (await browser.runtime.sendMessage(message('getCard', { entityId }))) as MessageApi['getCard']['response'],
          openPage: (request) => void browser.runtime.sendMessage(message('openPage', request)),
          loadUi: () => loadCardUi(browser.runtime.getURL('/card-ui.js')),
        },
        stored[USER_MATCHER_KEY],
      );
      ctx.addEventListener(window, 'wxt:locationchange', () => controller.rescanAll().catch(report));
      const onStorage = (changes: Record<string, { newValue?: unknown }>) => {
        if (SETTINGS_KEY in changes) controller.applySettings(normalizeSettings(changes[SETTINGS_KEY]!.newValue)).catch(report);
        if (USER_MATCHER_KEY in changes) setUserTables(changes[USER_MATCHER_KEY]!.newValue).catch(report);
      };
      browser.storage.onChanged.addListener(onStorage);
      // The popup asks the tab what is on it, and to scroll to an entity. Answered with sendResponse, at once:
      // without the polyfill, Chrome does not take a returned promise as the answer.
      const onMessage = ((msg: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
        const m = msg as Message;
        if (m?.type === 'pageEntities') sendResponse(controller.pageEntities());
        else if (m?.type === 'scrollTo') sendResponse({ ok: controller.scrollTo((m.payload as { entity: string }).entity) });
        else return undefined;
        return true;
      }) as Parameters<typeof browser.runtime.onMessage.addListener>[0];
      browser.runtime.onMessage.addListener(onMessage);
      ctx.onInvalidated(() => {
        browser.storage.onChanged.removeListener(onStorage);
        browser.runtime.onMessage.removeListener(onMessage);
      });
    } catch (error) {
      // Never let an exception reach the page; one line in the console says what failed.
      report(error);
    }
  },
});

import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CardView } from '../lib/content/card-view';
import { CARD_UI_GLOBAL, type CardUi } from '../lib/content/card-ui';
import { watchTranslator } from '../lib/i18n/browser';
import { setLiveTranslator } from '../lib/i18n/live';

/** The card UI, loaded by the content script on first use (see lib/content/card-ui.ts). */
export default defineUnlistedScript(() => {
  const ui: CardUi = { CardView };
  // The card speaks the language chosen in the options (or the browser's), and follows a change at once.
  watchTranslator(setLiveTranslator, new AbortController().signal);
  (globalThis as unknown as Record<string, CardUi>)[CARD_UI_GLOBAL] = ui;
});

import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CardView } from '../lib/content/card-view';
import { CARD_UI_GLOBAL, type CardUi } from '../lib/content/card-ui';

/** The card UI, loaded by the content script on first use (see lib/content/card-ui.ts). */
export default defineUnlistedScript(() => {
  const ui: CardUi = { CardView };
  (globalThis as unknown as Record<string, CardUi>)[CARD_UI_GLOBAL] = ui;
});

import type { CardView } from './card-view';

/** The name under which the card UI script registers itself in the content script's world. */
export const CARD_UI_GLOBAL = '__backstoryCardUi';

/** What the card UI script exposes once loaded. */
export interface CardUi {
  CardView: typeof CardView;
}

/**
 * Loads the card UI script (Preact, Floating UI, the card) into the content
 * script's isolated world on first use. The page cannot see it: it runs in
 * the extension's world, from a per-session URL the page cannot guess.
 */
export async function loadCardUi(url: string): Promise<CardUi> {
  const registry = globalThis as unknown as Record<string, CardUi | undefined>;
  if (!registry[CARD_UI_GLOBAL]) await import(/* @vite-ignore */ url);
  const ui = registry[CARD_UI_GLOBAL];
  if (!ui) throw new Error(`Backstory: the card UI at ${url} loaded but did not register; rebuild with "npm run build".`);
  return ui;
}

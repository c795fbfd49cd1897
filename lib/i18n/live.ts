import { EN, type Translator } from './index';

// The card's language: one value for the card bundle, set by its entrypoint from the options, read on every render.
let current: Translator = EN;
const listeners = new Set<(tr: Translator) => void>();

/** The card's current translator (English until the entrypoint sets one). */
export function liveTranslator(): Translator {
  return current;
}

/** Sets the card's translator and tells every open card. */
export function setLiveTranslator(tr: Translator): void {
  if (tr === current) return;
  current = tr;
  for (const listener of listeners) listener(tr);
}

/** Calls back when the language changes; returns the unsubscribe. */
export function onLiveTranslator(listener: (tr: Translator) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

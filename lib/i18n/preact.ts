import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { EN, type Translator } from './index';

/** The interface language of a component tree; English when nothing provides one (tests, the CLI's renderers). */
export const I18n = createContext<Translator>(EN);

/** The translator of the nearest I18n provider. */
export function useI18n(): Translator {
  return useContext(I18n);
}

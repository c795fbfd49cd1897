import { useEffect, useState } from 'preact/hooks';
import { browserLanguages, watchTranslator } from './browser';
import { translator, type Translator } from './index';
import { resolveLocale } from './locales';

/** The translator for a Preact page: the browser's language at first, then the reader's choice, live. */
export function useTranslator(title?: (tr: Translator) => string): Translator {
  const [tr, setTr] = useState(() => translator(resolveLocale('auto', browserLanguages())));
  useEffect(() => {
    const stop = new AbortController();
    watchTranslator((next) => {
      setTr(next);
      document.documentElement.lang = next.locale;
      if (title) document.title = title(next);
    }, stop.signal);
    return () => stop.abort();
  }, []);
  return tr;
}

import { render } from 'preact';
import matcherTables from 'virtual:backstory/matcher';
import { browser } from 'wxt/browser';
import { Reader } from '../../components/Reader';
import type { KnowledgeBase } from '../../lib/kb/types-kb';
import { I18n } from '../../lib/i18n/preact';
import { useTranslator } from '../../lib/i18n/use-translator';
import { isLibraryId } from '../../lib/library/ids';
import type { LibraryDocView } from '../../lib/library/types';
import { Matcher } from '../../lib/match/matcher';
import { message } from '../../lib/messages';
import './style.css';

const passageId = decodeURIComponent(location.hash.slice(1)) || null;
const kb = (await (await fetch(browser.runtime.getURL('/data/kb.json'))).json()) as KnowledgeBase;
// A library document comes from the background (IndexedDB); bundled ones from the package.
const fromLibrary =
  passageId && isLibraryId(passageId) ? await browser.runtime.sendMessage(message('libraryGet', { id: passageId })) : null;
const view = fromLibrary && typeof fromLibrary === 'object' && 'doc' in fromLibrary ? (fromLibrary as LibraryDocView) : null;
const doc = view?.doc ?? kb.docs.find((d) => d.passages.some((p) => p.id === passageId)) ?? kb.docs[0]!;
const matcher = new Matcher(matcherTables);
// One context for the whole document, so a surname counts after the full name in an earlier passage.
const context = { seenFull: new Set<string>() };
const names = new Map(kb.entities.map((e) => [e.id, e.name]));
const statements = view?.statements ?? kb.statements.filter((s) => s.doc === doc.id);

function App() {
  const tr = useTranslator((next) => next.t('readerTitle', { title: doc.provenance.title }));
  return (
    <I18n.Provider value={tr}>
      <Reader
        doc={doc}
        passageId={passageId}
        statements={statements}
        mentionsOf={(text) => matcher.match(text, context)}
        entityName={(id) => names.get(id) ?? id}
        searchHref={(id) => `${browser.runtime.getURL('/popup.html')}?entity=${encodeURIComponent(id)}`}
      />
    </I18n.Provider>
  );
}

render(<App />, document.getElementById('app')!);

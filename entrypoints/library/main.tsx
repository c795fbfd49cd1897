import { render } from 'preact';
import { browser } from 'wxt/browser';
import { EntityForm, type EntityFormApi } from '../../components/EntityForm';
import { Library, type LibraryApi } from '../../components/Library';
import { codeOf } from '../../lib/i18n/errors';
import { I18n } from '../../lib/i18n/preact';
import { useTranslator } from '../../lib/i18n/use-translator';
import { checkFileSize, readDraft } from '../../lib/library/files';
import { message, type MessageApi } from '../../lib/messages';
import './style.css';

// The background answers `{ error }` when a request fails; turn that back into a rejection.
const ask = async <K extends keyof MessageApi>(type: K, payload: MessageApi[K]['request']) => {
  const response = (await browser.runtime.sendMessage(message(type, payload))) as MessageApi[K]['response'] | { error: string };
  if (response && typeof response === 'object' && 'error' in response && !('ok' in response)) throw new Error(response.error);
  return response as MessageApi[K]['response'];
};

const api: LibraryApi = {
  list: () => ask('libraryList', {}),
  add: async (documents) => (await ask('libraryAdd', { documents })).results,
  update: (id, provenance) => ask('libraryUpdateProvenance', { id, provenance }),
  remove: async (ids) => (await ask('libraryRemove', { ids })).removed,
  importPack: async (text, name) => (await ask('libraryImportPack', { pack: text, name })).results,
  exportPack: async () => {
    const pack = await ask('libraryExport', {});
    const a = Object.assign(document.createElement('a'), {
      href: URL.createObjectURL(new Blob([JSON.stringify(pack, null, 1)], { type: 'application/json' })),
      download: `backstory-library-${new Date().toISOString().slice(0, 10)}.json`,
    });
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  },
  read: (files) =>
    Promise.all(
      files.map(async (f) => {
        try {
          checkFileSize(f.name, f.size); // before reading an oversized file into memory
          const draft = readDraft(f.name, new Uint8Array(await f.arrayBuffer()));
          if (draft.format !== 'html') return draft;
          // A saved page gets the article extraction of "Add this page", loaded only when one is imported.
          const { articleDraft } = await import('../../lib/library/html-file');
          return articleDraft(draft, (html) => new DOMParser().parseFromString(html, 'text/html'));
        } catch (error) {
          return { name: f.name, error: (error as Error).message, ...codeOf(error) };
        }
      }),
    ),
  open: (docId) => void ask('openPage', { page: 'reader', passage: `${docId}-p1` }),
};

const entityApi: EntityFormApi = {
  list: () => ask('libraryEntities', {}),
  save: (entity) => ask('librarySaveEntity', { entity: entity as MessageApi['librarySaveEntity']['request']['entity'] }),
  remove: (id) => ask('libraryRemoveEntity', { id }),
  documents: async () => (await ask('libraryList', {})).documents,
  passages: async (docId) => (await ask('libraryGet', { id: docId }))?.doc.passages.map((p) => ({ id: p.id, text: p.text })) ?? [],
};

function App() {
  const tr = useTranslator((next) => next.t('libraryPageTitle'));
  return (
    <I18n.Provider value={tr}>
      <Library api={api} />
      <EntityForm api={entityApi} />
    </I18n.Provider>
  );
}

render(<App />, document.getElementById('app')!);

import type { KnowledgeBase } from '../kb/types-kb';
import type { LibraryService } from '../library/service';
import type { Message, MessageApi } from '../messages';
import { draftPage, type ExtractedPage } from './add-page';
import { publishUserMatcher, type TablesStorage } from './user-matcher';

/** What "Add this page" and the user's entities need from the background. */
export interface PageLibraryDeps {
  library: LibraryService;
  bundledKb(): Promise<KnowledgeBase>;
  /** Runs the on-demand article script in a tab and returns its result. */
  runArticleScript(tabId: number): Promise<unknown>;
  storage: TablesStorage;
}

/** Messages after whose answer the user's matcher tables are compiled again. */
const ENTITY_CHANGES = new Set<Message['type']>(['librarySaveEntity', 'libraryRemoveEntity']);

/** The background's part of "Add this page" (reading a tab on request) and of keeping pages' user matcher current. */
export function pageLibrary(deps: PageLibraryDeps) {
  const syncEntities = async () => publishUserMatcher(await deps.library.handle('libraryEntities', {}, deps.bundledKb), deps.storage);
  const readPage = async (tabId: number): Promise<MessageApi['pageDraft']['response']> => {
    let result: unknown;
    try {
      result = await deps.runArticleScript(tabId);
    } catch (error) {
      return { ok: false, error: `Backstory: this page could not be read (${(error as Error).message}).` };
    }
    return draftPage(result as ExtractedPage | null, async (input) => {
      const { results } = await deps.library.handle('libraryAdd', { documents: [input], dryRun: true }, deps.bundledKb);
      return results[0]!;
    });
  };
  return {
    syncEntities,
    /** Answers pageDraft (extension pages only); null for every other message. */
    handle(message: Message, senderUrl: string | undefined, origin: string): Promise<MessageApi['pageDraft']['response']> | null {
      if (message.type !== 'pageDraft') return null;
      if (!senderUrl?.startsWith(origin))
        return Promise.resolve({ ok: false, error: 'Backstory: "pageDraft" is only answered for Backstory\'s own pages.' });
      const tabId = (message.payload as { tabId?: unknown } | null)?.tabId;
      if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0)
        return Promise.resolve({ ok: false, error: 'Backstory: pageDraft: "tabId" must be a tab id.' });
      return readPage(tabId);
    },
    /** Passes an answer through, first republishing the user's matcher when the message changed their entities. */
    async after<T>(type: Message['type'], answer: Promise<T>): Promise<T> {
      const response = await answer;
      if (ENTITY_CHANGES.has(type) && (response as { ok?: boolean })?.ok) {
        // The entity is stored either way; a failure here only leaves open pages with the previous marks.
        await syncEntities().catch((error: Error) => console.warn(`Backstory: could not update the pages' matcher (${error.message}).`));
      }
      return response;
    },
  };
}

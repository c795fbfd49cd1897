import type { KnowledgeBase } from '../kb/types-kb';
import { validateUserEntity } from '../kb/user-entities';
import { loadMatcher } from '../match/load';
import type { MatcherTables } from '../match/types';
import { LibraryService } from './service';
import { LibraryStore } from './store';

/**
 * The library as the background runs it: IndexedDB, and the pipeline's matcher and entity names read from the
 * extension's own bundled files (the same tables the content script uses).
 */
export function createLibrary(load: { matcher(): Promise<MatcherTables>; kb(): Promise<KnowledgeBase> }): LibraryService {
  let ctx: ReturnType<LibraryService['deps']['pipeline']> | null = null;
  return new LibraryService({
    openStore: () => LibraryStore.open(),
    pipeline: () =>
      (ctx ??= Promise.all([load.matcher(), load.kb()]).then(([tables, kb]) => ({
        matcher: loadMatcher(tables),
        entities: new Map(kb.entities.map((e) => [e.id, { kind: e.kind, name: e.name }])),
      }))),
    validateEntity: validateUserEntity,
    estimate: async () => (typeof navigator !== 'undefined' && navigator.storage?.estimate ? navigator.storage.estimate() : {}),
  });
}

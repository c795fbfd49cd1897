import type { ErrorCode } from './i18n/errors';
import type { KbEntity } from './kb/types-kb';
import type { CorpusDoc, Passage } from './corpus/types';
import type { Statement } from './statements/types';
import type { LibraryAddResult, LibraryDocSummary, LibraryDocView, LibraryInput, LibraryProvenance, UserEntity } from './library/types';
import type { LibraryPack } from './library/pack';

/** Card data for one entity: who or what it is, background with citations, statements by and about it. */
export interface CardData {
  entity: KbEntity;
  statementsBy: Statement[];
  statementsAbout: Statement[];
  /** Passages cited by the background and the statements, with their document's provenance. */
  passages: Record<string, Passage & { source: CorpusDoc['provenance'] }>;
  docCount: number;
  totalDocs: number;
}

/** Where a search hit comes from, for citing it. */
export interface HitCitation {
  passage: string;
  publisher: string;
  title: string;
  date: string;
  url: string | null;
  /** Set when the source is a document of the user's library. */
  library?: true;
  author?: string | null;
}

/** One search hit, resolved to display data. */
export interface SearchHit {
  id: string;
  type: 'entity' | 'statement' | 'passage';
  score: number;
  title: string;
  text: string;
  /** Index terms that matched, folded (for highlighting). */
  terms: string[];
  entity?: string;
  kind?: string;
  speaker?: { id?: string; name: string; role?: string };
  date?: string;
  citation?: HitCitation;
}

/** What the corpus covers: documents, date range, speakers and entities (for filters and empty states). */
export type CorpusInfo = ReturnType<typeof import('./search/query').corpusInfo>;

/** An entity found on the current page, with its count. */
export interface PageEntity {
  id: string;
  name: string;
  kind: string;
  count: number;
}

/** The one typed table of messages: name → request and response. */
export interface MessageApi {
  getCard: { request: { entityId: string }; response: CardData | null };
  search: { request: { query: string; filters?: import('./search/query').SearchFilters }; response: SearchHit[] };
  checkQuote: { request: { text: string }; response: import('./search/quote-check').QuoteCheckResult };
  corpusInfo: { request: Record<string, never>; response: CorpusInfo };
  ping: { request: Record<string, never>; response: { ok: true; entities: number } };
  /** Sent to a tab's content script: the entities marked on the page, with counts. */
  pageEntities: { request: Record<string, never>; response: PageEntity[] };
  /** Sent to a tab's content script: scroll to an entity's first mention and flash it. */
  scrollTo: { request: { entity: string }; response: { ok: boolean } };
  /** Opens an extension page in a new tab: the reader at a passage, or search for an entity. */
  openPage: { request: { page: 'reader'; passage: string } | { page: 'search'; entity: string }; response: { ok: true } };

  // The user's library (lib/library/). Only extension pages may send these (see EXTENSION_PAGE_ONLY).
  /** Runs documents through the pipeline and stores them (or, with dryRun, only reports what would be stored). */
  libraryAdd: { request: { documents: LibraryInput[]; dryRun?: boolean }; response: { results: LibraryAddResult[] } };
  /** Every library document's provenance and stats, oldest first, with the storage estimate when the browser gives one. */
  libraryList: {
    request: Record<string, never>;
    response: { documents: LibraryDocSummary[]; usage?: { bytes: number; quota: number } };
  };
  /** One library document in full, by document id or by one of its passage ids. */
  libraryGet: { request: { id: string }; response: LibraryDocView | null };
  /** Replaces a document's provenance. */
  libraryUpdateProvenance: {
    request: { id: string; provenance: LibraryProvenance };
    response: { ok: true } | ({ ok: false; error: string } & ErrorCode);
  };
  /** Removes documents (and their passages, statements, mentions and index entries) at once. */
  libraryRemove: { request: { ids: string[] }; response: { removed: string[] } };
  /** The whole library (never the bundled corpus) as a pack. */
  libraryExport: { request: Record<string, never>; response: LibraryPack };
  /** Imports a pack: each entry is checked and stored on its own; the results say which failed and why. */
  libraryImportPack: { request: { pack: unknown; name: string }; response: { results: LibraryAddResult[] } };
  /** The user's entities (content scripts may ask too: they mark them on pages; documents stay page-only). */
  libraryEntities: { request: Record<string, never>; response: UserEntity[] };
  /** Adds or replaces a user entity (validated by lib/kb/user-entities.ts once it lands). */
  librarySaveEntity: { request: { entity: UserEntity }; response: { ok: true; id: string } | ({ ok: false; error: string } & ErrorCode) };
  /** Removes a user entity. */
  libraryRemoveEntity: { request: { id: string }; response: { ok: boolean } };
  /**
   * Reads the article of a tab (only when the user asks: the popup's "Add this page" or the page's context menu)
   * and returns what would be stored, without storing it. Only extension pages may send it.
   */
  pageDraft: { request: { tabId: number }; response: import('./background/add-page').PageDraft };
}

/** Messages only extension pages (popup, library, reader, options) may send. */
export const EXTENSION_PAGE_ONLY: ReadonlySet<keyof MessageApi> = new Set([
  'libraryAdd',
  'libraryList',
  'libraryGet',
  'libraryUpdateProvenance',
  'libraryRemove',
  'libraryExport',
  'libraryImportPack',
  'librarySaveEntity',
  'libraryRemoveEntity',
]);

/** A message on the wire. */
export type Message<K extends keyof MessageApi = keyof MessageApi> = { type: K; payload: MessageApi[K]['request'] };

/** Builds a message, typed against the table. */
export function message<K extends keyof MessageApi>(type: K, payload: MessageApi[K]['request']): Message<K> {
  return { type, payload };
}

import type { KbEntity } from './kb/types-kb';
import type { CorpusDoc, Passage } from './corpus/types';
import type { Statement } from './statements/types';

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
}

/** A message on the wire. */
export type Message<K extends keyof MessageApi = keyof MessageApi> = { type: K; payload: MessageApi[K]['request'] };

/** Builds a message, typed against the table. */
export function message<K extends keyof MessageApi>(type: K, payload: MessageApi[K]['request']): Message<K> {
  return { type, payload };
}

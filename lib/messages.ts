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

/** One search hit, resolved to display data. */
export interface SearchHit {
  id: string;
  type: 'entity' | 'statement' | 'passage';
  score: number;
  title: string;
  text: string;
  terms: string[];
}

/** The one typed table of messages: name → request and response. */
export interface MessageApi {
  getCard: { request: { entityId: string }; response: CardData | null };
  search: { request: { query: string }; response: SearchHit[] };
  ping: { request: Record<string, never>; response: { ok: true; entities: number } };
  /** Opens an extension page in a new tab: the reader at a passage, or search for an entity. */
  openPage: { request: { page: 'reader'; passage: string } | { page: 'search'; entity: string }; response: { ok: true } };
}

/** A message on the wire. */
export type Message<K extends keyof MessageApi = keyof MessageApi> = { type: K; payload: MessageApi[K]['request'] };

/** Builds a message, typed against the table. */
export function message<K extends keyof MessageApi>(type: K, payload: MessageApi[K]['request']): Message<K> {
  return { type, payload };
}

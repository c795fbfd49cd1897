import type { Options, SearchOptions } from 'minisearch';
import { foldPattern } from '../match/fold';

/** Version of the serialized search index; the loader refuses any other. */
export const SEARCH_INDEX_VERSION = 1;

/** One searchable record: an entity, a statement or a passage. */
export interface SearchDoc {
  id: string;
  type: 'entity' | 'statement' | 'passage';
  /** Names and aliases (entities) or the speaker (statements). */
  title: string;
  text: string;
  /** Entity ids this record is about, for the entity filter. */
  entities: string[];
  doc?: string;
  date?: string;
  speaker?: string;
  kind?: string;
}

/** MiniSearch options, shared by the build (indexing) and the extension (loading): they must match. */
export const SEARCH_OPTIONS: Options<SearchDoc> = {
  idField: 'id',
  fields: ['title', 'text'],
  storeFields: ['type', 'doc', 'date', 'speaker', 'kind', 'entities'],
  // Same folding as the matcher: case, diacritics, dashes ("Alma-Ata" = "Alma Ata").
  processTerm: (term) => foldPattern(term).replace(/'s$/, '') || null,
  tokenize: (text) => text.split(/[\s\-–—‑.,;:!?()[\]"“”‘’«»/]+/u).filter(Boolean),
};

/** Default query options: prefix and fuzzy matching, names weigh more than text. */
export const SEARCH_QUERY_OPTIONS: SearchOptions = {
  prefix: true,
  fuzzy: (term) => (term.length > 4 ? 0.2 : 0),
  boost: { title: 3 },
  combineWith: 'AND',
};

/** The search record of an entity (bundled or the user's): its names and aliases, and its description. */
export function entitySearchDoc(e: {
  id: string;
  name: string;
  kind: string;
  aliases: Array<{ text: string }>;
  description: { text: string };
}): SearchDoc {
  return {
    id: `entity:${e.id}`,
    type: 'entity',
    title: [e.name, ...e.aliases.map((a) => a.text)].join(' | '),
    text: e.description.text,
    entities: [e.id],
    kind: e.kind,
  };
}

import type { Options, SearchOptions } from 'minisearch';
import { foldPattern } from '../match/fold';
import { stemTerm } from '../match/grammar';

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
  // Same folding as the matcher: case, diacritics, dashes ("Alma-Ata" = "Alma Ata"), and the same
  // suffix grammars, so an inflected name ("Пашиняна", "Bakıya") finds the entity.
  processTerm: (term) => stemTerm(term, foldPattern(term).replace(/'s$/, '')) || null,
  // A suffix after an apostrophe belongs to the name before it ("Paşinyan’ın", "Bakü'nün").
  tokenize: (text) =>
    text
      .replace(/(\p{Lu}\p{L}{2,})['’]\p{Ll}{1,6}(?!\p{L})/gu, '$1')
      .split(/[\s\-–—‑.,;:!?()[\]"“”‘’«»/]+/u)
      .filter(Boolean),
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
  background: Array<{ text: string }>;
}): SearchDoc {
  return {
    id: `entity:${e.id}`,
    type: 'entity',
    title: [e.name, ...e.aliases.map((a) => a.text)].join(' | '),
    // The card's background sentences too: what the card says about an entity should find it.
    text: [e.description.text, ...e.background.map((b) => b.text)].join(' '),
    entities: [e.id],
    kind: e.kind,
  };
}

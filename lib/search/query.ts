import MiniSearch, { type SearchResult } from 'minisearch';
import type { KnowledgeBase } from '../kb/types-kb';
import type { SearchHit } from '../messages';
import { SEARCH_INDEX_VERSION, SEARCH_OPTIONS, SEARCH_QUERY_OPTIONS, type SearchDoc } from './options';

/** Narrows a search: record types, speaker, entity, source document, date range, statement kind. */
export interface SearchFilters {
  types?: SearchDoc['type'][];
  speaker?: string;
  entity?: string;
  doc?: string;
  /** Inclusive ISO dates. */
  from?: string;
  to?: string;
  kind?: 'direct' | 'reported';
  /** Which documents: the bundled corpus, the user's library, or both (the default). */
  source?: 'bundled' | 'library' | 'all';
}

/** How a search resolves index ids to display data (the bundled knowledge base, or the library's live maps). */
export interface HitLookup {
  entity(id: string): KnowledgeBase['entities'][number] | undefined;
  statement(id: string): KnowledgeBase['statements'][number] | undefined;
  passage(id: string): { p: KnowledgeBase['docs'][number]['passages'][number]; d: KnowledgeBase['docs'][number] } | undefined;
  doc(id: string): KnowledgeBase['docs'][number] | undefined;
}

/** A lookup over a whole knowledge base. */
export function kbLookup(kb: KnowledgeBase): HitLookup {
  const entities = new Map(kb.entities.map((e) => [e.id, e]));
  const statements = new Map(kb.statements.map((s) => [s.id, s]));
  const passages = new Map(kb.docs.flatMap((d) => d.passages.map((p) => [p.id, { p, d }] as const)));
  const docs = new Map(kb.docs.map((d) => [d.id, d]));
  return {
    entity: (id) => entities.get(id),
    statement: (id) => statements.get(id),
    passage: (id) => passages.get(id),
    doc: (id) => docs.get(id),
  };
}

/** Loads the serialized index, refusing an index of another format version. */
export function loadSearchIndex(serialized: { version: number; index: unknown }): MiniSearch<SearchDoc> {
  if (serialized.version !== SEARCH_INDEX_VERSION) {
    throw new Error(
      `Backstory: search index is version ${serialized.version}, expected ${SEARCH_INDEX_VERSION}; rebuild with "npm run build".`,
    );
  }
  return MiniSearch.loadJS(serialized.index as never, SEARCH_OPTIONS);
}

type Stored = Pick<SearchDoc, 'type' | 'doc' | 'date' | 'speaker' | 'kind' | 'entities'>;

function passes(r: Stored, f: SearchFilters): boolean {
  if (f.types?.length && !f.types.includes(r.type)) return false;
  if (f.speaker && r.speaker !== f.speaker) return false;
  if (f.entity && !(r.entities ?? []).includes(f.entity)) return false;
  if (f.doc && r.doc !== f.doc) return false;
  if (f.kind && r.kind !== f.kind) return false;
  if ((f.from || f.to) && r.type !== 'entity') {
    if (!r.date) return false;
    if (f.from && r.date < f.from) return false;
    if (f.to && r.date > f.to) return false;
  }
  return true;
}

/** Whether any filter is set. */
export function hasFilters(f: SearchFilters = {}): boolean {
  return Object.entries(f).some(([k, v]) => k !== 'source' && (Array.isArray(v) ? v.length > 0 : !!v));
}

/**
 * Runs a query with prefix and fuzzy matching, then filters. With filters and
 * no query, lists everything that passes them (newest first).
 */
export function search(
  index: MiniSearch<SearchDoc>,
  kb: KnowledgeBase | HitLookup,
  query: string,
  filters: SearchFilters = {},
  limit = 40,
): SearchHit[] {
  return resolveHits(searchIds(index, query, filters, limit), 'docs' in kb ? kbLookup(kb) : kb);
}

/** The raw index results of a query (ids and scores), filtered, best first. */
export function searchIds(index: MiniSearch<SearchDoc>, query: string, filters: SearchFilters = {}, limit = 40): SearchResult[] {
  const filter = (r: Record<string, unknown>) => passes(r as unknown as Stored, filters);
  let results;
  if (!query.trim()) {
    if (!hasFilters(filters)) return [];
    results = index.search(MiniSearch.wildcard, { filter }).sort((a, b) => String(b.date ?? '').localeCompare(String(a.date ?? '')));
  } else {
    results = index.search(query, { ...SEARCH_QUERY_OPTIONS, filter });
    if (results.length === 0) results = index.search(query, { ...SEARCH_QUERY_OPTIONS, combineWith: 'OR', filter });
  }
  return results.slice(0, limit);
}

/** Splits an index id ("statement:000-p3-s1") into its record type and the record's own id. */
export function parseIndexId(id: string): [SearchHit['type'], string] {
  return String(id).split(/:(.*)/s) as [SearchHit['type'], string];
}

/** Turns index results into display data. */
export function resolveHits(results: SearchResult[], lookup: HitLookup): SearchHit[] {
  return results.map((r) => {
    const [type, ref] = parseIndexId(String(r.id));
    const base = { id: String(r.id), type, score: r.score, terms: [...new Set([...r.terms, ...(r.queryTerms ?? [])])] };
    if (type === 'entity') {
      const e = lookup.entity(ref)!;
      return { ...base, title: e.name, text: e.description.text, entity: e.id, kind: e.kind };
    }
    if (type === 'statement') {
      const s = lookup.statement(ref)!;
      const d = lookup.doc(s.doc)!.provenance;
      return {
        ...base,
        title: s.speaker.name,
        text: s.text,
        kind: s.kind,
        speaker: {
          ...(s.speaker.id ? { id: s.speaker.id } : {}),
          name: s.speaker.name,
          ...(s.speaker.role ? { role: s.speaker.role } : {}),
        },
        date: s.statedOn ?? s.docDate,
        citation: {
          passage: s.passage,
          publisher: d.publisher,
          title: d.title,
          date: d.date,
          url: d.url,
          ...(d.library ? { library: true } : {}),
        },
      };
    }
    const { p, d } = lookup.passage(ref)!;
    return {
      ...base,
      title: d.provenance.publisher,
      text: p.text,
      date: d.provenance.date,
      citation: {
        passage: p.id,
        publisher: d.provenance.publisher,
        title: d.provenance.title,
        date: d.provenance.date,
        url: d.provenance.url,
        ...(d.provenance.library ? { library: true } : {}),
      },
    };
  });
}

/** What the corpus covers, for empty and no-result states. */
export function corpusInfo(kb: KnowledgeBase) {
  const dates = kb.docs.map((d) => d.provenance.date).sort();
  return {
    documents: kb.docs.map((d) => ({ id: d.id, publisher: d.provenance.publisher, title: d.provenance.title, date: d.provenance.date })),
    from: dates[0]!,
    to: dates[dates.length - 1]!,
    speakers: [...new Map(kb.statements.filter((s) => s.speaker.id).map((s) => [s.speaker.id!, s.speaker.name])).entries()]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    entities: kb.entities
      .map((e) => ({ id: e.id, name: e.name, kind: e.kind, mentions: e.mentions.length }))
      .sort((a, b) => b.mentions - a.mentions),
  };
}

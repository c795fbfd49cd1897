import MiniSearch from 'minisearch';
import type { KnowledgeBase } from '../kb/types-kb';
import type { SearchHit } from '../messages';
import { SEARCH_INDEX_VERSION, SEARCH_OPTIONS, SEARCH_QUERY_OPTIONS, type SearchDoc } from './options';

/** Loads the serialized index, refusing an index of another format version. */
export function loadSearchIndex(serialized: { version: number; index: unknown }): MiniSearch<SearchDoc> {
  if (serialized.version !== SEARCH_INDEX_VERSION) {
    throw new Error(
      `Backstory: search index is version ${serialized.version}, expected ${SEARCH_INDEX_VERSION}; rebuild with "npm run build".`,
    );
  }
  return MiniSearch.loadJS(serialized.index as never, SEARCH_OPTIONS);
}

/** Runs a query and resolves hits to display text; falls back to OR when AND finds nothing. */
export function search(index: MiniSearch<SearchDoc>, kb: KnowledgeBase, query: string, limit = 30): SearchHit[] {
  if (!query.trim()) return [];
  let results = index.search(query, SEARCH_QUERY_OPTIONS);
  if (results.length === 0) results = index.search(query, { ...SEARCH_QUERY_OPTIONS, combineWith: 'OR' });
  const entities = new Map(kb.entities.map((e) => [e.id, e]));
  const statements = new Map(kb.statements.map((s) => [s.id, s]));
  const passages = new Map(kb.docs.flatMap((d) => d.passages.map((p) => [p.id, p] as const)));
  return results.slice(0, limit).map((r) => {
    const [type, ref] = String(r.id).split(/:(.*)/s) as [SearchHit['type'], string];
    const display = (): { title: string; text: string } => {
      if (type === 'entity') {
        const e = entities.get(ref)!;
        return { title: e.name, text: e.description.text };
      }
      if (type === 'statement') {
        const s = statements.get(ref)!;
        return { title: s.speaker.name, text: s.text };
      }
      const p = passages.get(ref)!;
      return { title: p.id, text: p.text };
    };
    const { title, text } = display();
    return { id: String(r.id), type, score: r.score, title, text, terms: r.terms };
  });
}

import type MiniSearch from 'minisearch';
import type { SearchOptions, SearchResult } from 'minisearch';
import type { SearchDoc } from './options';

/** One query term's matches in one index, as MiniSearch keeps them while searching: short document id → match. */
type RawResult = Map<number, { score: number; terms: string[]; match: Record<string, string[]> }>;

interface QuerySpec {
  term: string;
  fuzzy: number | boolean;
  prefix: boolean;
  termBoost: number;
}

/** The MiniSearch internals a search reads (MiniSearch 7: the same ones its own `search` uses). */
interface Internals {
  _documentIds: Map<number, string>;
  _storedFields: Map<number, Record<string, unknown> | undefined>;
  _options: { tokenize: (text: string) => string[]; processTerm: (term: string) => string | string[] | null | undefined | false };
  executeQuerySpec(query: QuerySpec, options: SearchOptions): RawResult;
  combineResults(results: RawResult[], combineWith: string): RawResult;
}

interface Candidate {
  score: number;
  index: number;
  docId: number;
  raw: { terms: string[]; match: Record<string, string[]> };
}

/**
 * The best `limit` results of a query over one or more indexes (segments), exactly as `ix.search(query, options)` on
 * each, the lists concatenated, sorted by score (stable) and cut to `limit` would give them, with the AND query retried
 * with OR when nothing passes. It differs in cost only: each query term is looked up (prefix, fuzzy) once for both
 * tries, and a result object is made only for the `limit` best matches, not for every match of every segment.
 */
export function topResults(
  indexes: ReadonlyArray<MiniSearch<SearchDoc>>,
  query: string,
  { options, filter, limit }: { options: SearchOptions; filter?: (r: Record<string, unknown>) => boolean; limit: number },
): SearchResult[] {
  const perIndex = indexes.map((ix) => {
    const internal = ix as unknown as Internals;
    const { tokenize, processTerm } = internal._options;
    const terms = tokenize(query)
      .flatMap((t) => processTerm(t))
      .filter((t): t is string => !!t);
    const specs = terms.map((term, i): QuerySpec => ({
      term,
      fuzzy: typeof options.fuzzy === 'function' ? options.fuzzy(term, i, terms) : options.fuzzy || false,
      prefix: typeof options.prefix === 'function' ? options.prefix(term, i, terms) : options.prefix === true,
      termBoost: typeof options.boostTerm === 'function' ? options.boostTerm(term, i, terms) : 1,
    }));
    return { internal, termResults: specs.map((spec) => internal.executeQuerySpec(spec, options)) };
  });
  const best = (combine: (x: (typeof perIndex)[number]) => RawResult) => {
    const out: Candidate[] = [];
    perIndex.forEach((x, index) => {
      const { _documentIds: ids, _storedFields: stored } = x.internal;
      for (const [docId, raw] of combine(x)) {
        const score = raw.score * (raw.terms.length || 1);
        // Sorted by score, earlier first among equals (as a stable sort of the concatenated lists): a match that
        // cannot enter the list is dropped before anything is made for it.
        if (out.length === limit && !(score > out[limit - 1]!.score)) continue;
        if (filter && !filter({ id: ids.get(docId), ...stored.get(docId) })) continue;
        let at = out.length;
        while (at > 0 && out[at - 1]!.score < score) at--;
        out.splice(at, 0, { score, index, docId, raw });
        if (out.length > limit) out.pop();
      }
    });
    return out;
  };
  // MiniSearch's AND adds a term's matches into the first term's, which OR then adds again: the same results as OR alone.
  let found = best((x) => x.internal.combineResults(x.termResults, 'AND'));
  if (found.length === 0) found = best((x) => x.internal.combineResults(x.termResults, 'OR'));
  return found.map(({ score, index, docId, raw }) => {
    const internal = perIndex[index]!.internal;
    const result = {
      id: internal._documentIds.get(docId),
      score,
      terms: Object.keys(raw.match),
      queryTerms: raw.terms,
      match: raw.match,
    } as SearchResult;
    Object.assign(result, internal._storedFields.get(docId));
    return result;
  });
}

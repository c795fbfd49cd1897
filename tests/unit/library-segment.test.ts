import MiniSearch, { type SearchOptions } from 'minisearch';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../lib/library/ingest';
import { documentRecords, loadSegment, SavedTermData, saveSegment } from '../../lib/library/search-index';
import type { DocumentBundle, LibraryInput } from '../../lib/library/types';
import { Matcher } from '../../lib/match/matcher';
import { SEARCH_OPTIONS, SEARCH_QUERY_OPTIONS, type SearchDoc } from '../../lib/search/options';
import { topResults } from '../../lib/search/top-results';
import { ROOT, seedBuild } from './seed-data';

const FIXTURES = resolve(ROOT, 'tests/fixtures/library/valid');
const sources = JSON.parse(readFileSync(resolve(FIXTURES, 'sources.json'), 'utf8')).documents as Array<Record<string, string>>;

async function bundles(): Promise<DocumentBundle[]> {
  const built = seedBuild();
  const ctx = {
    matcher: new Matcher(built.matcher),
    entities: new Map(built.kb.entities.map((e) => [e.id, { kind: e.kind, name: e.name }])),
  };
  const inputs: LibraryInput[] = sources
    .filter((s) => /\.(txt|md)$/.test(s.file!))
    .map(({ file, ...provenance }) => ({
      name: file!,
      content: readFileSync(resolve(FIXTURES, file!), 'utf8'),
      format: file!.endsWith('.md') ? 'markdown' : 'text',
      provenance: provenance as unknown as LibraryInput['provenance'],
    }));
  // More documents: the fixtures' paragraphs, rotated and numbered.
  const paragraphs = inputs.flatMap((x) => x.content.split(/\n\s*\n/)).filter((p) => p.split(/\s+/).length > 12);
  for (let i = 0; i < 4; i++) {
    inputs.push({
      ...inputs[i % inputs.length]!,
      name: `copy-${i}.txt`,
      format: 'text',
      content: [`Copy ${i}`, ...paragraphs.filter((_, k) => k % (i + 2) === 0)].join('\n\n'),
      provenance: { ...inputs[i % inputs.length]!.provenance, url: null, title: `Copy ${i}` },
    });
  }
  const out: DocumentBundle[] = [];
  for (const input of inputs) out.push(await prepareDocument(input, ctx));
  return out;
}

/** Queries from the documents' own words (seeded): whole words, prefixes, misspellings, pairs; and some that find nothing. */
function queries(docs: DocumentBundle[]): string[] {
  const words = [...new Set(docs.flatMap((b) => b.passages.flatMap((p) => p.text.split(/[^\p{L}\d]+/u))).filter((w) => w.length > 2))];
  let s = 11;
  const pick = () => words[(s = (s * 1103515245 + 12345) % 2 ** 31) % words.length]!;
  const out = ['zzqqxv', 'peace treaty', 'Pashinyan', 'Azerbaijan border', 'constitution'];
  for (let i = 0; i < 25; i++) {
    const w = pick();
    out.push(w, w.slice(0, 3), `${w.slice(0, -1)}x`, `${w} ${pick()}`);
  }
  return out;
}

// The terms a result matched, in the order the index's term tree lists them (sorted when `sorted`: an index loaded
// from JSON lists its terms in another order than the index it was saved from, in MiniSearch as here).
let sorted = false;
const ids = (xs: Array<{ id: unknown; score: number; terms: string[] }>) =>
  xs.map((r) => [r.id, r.score.toFixed(9), (sorted ? [...r.terms].sort() : r.terms).join()]);

function same(a: MiniSearch<SearchDoc>, b: MiniSearch<SearchDoc>, qs: string[], sortTerms = false) {
  sorted = sortTerms;
  const filter = (r: Record<string, unknown>) => r.type === 'passage';
  for (const q of qs) {
    const variants: SearchOptions[] = [
      SEARCH_QUERY_OPTIONS,
      { ...SEARCH_QUERY_OPTIONS, combineWith: 'OR' },
      { ...SEARCH_QUERY_OPTIONS, filter },
    ];
    for (const options of variants) {
      expect(ids(b.search(q, options)), q).toEqual(ids(a.search(q, options)));
    }
  }
  expect(ids(b.search(MiniSearch.wildcard))).toEqual(ids(a.search(MiniSearch.wildcard)));
}

describe('a saved library index segment', { timeout: 60_000 }, () => {
  let prepared: Promise<DocumentBundle[]> | undefined;
  const bundlesOnce = () => (prepared ??= bundles());

  it('finds what MiniSearch loading the whole index finds, in the same order, before and after changes', async () => {
    const docs = await bundlesOnce();
    expect(docs.length).toBeGreaterThan(3);
    const live = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
    for (const d of docs.slice(0, -1)) live.addAll(documentRecords(d));
    const qs = queries(docs);
    const whole = MiniSearch.loadJSON(JSON.stringify(live), SEARCH_OPTIONS);
    const saved = loadSegment(saveSegment(live));
    same(whole, saved, qs);
    same(live, saved, qs, true);

    // Changed after loading: a document added, one removed; saved again and loaded again.
    for (const ix of [whole, saved]) {
      ix.addAll(documentRecords(docs[docs.length - 1]!));
      for (const r of documentRecords(docs[0]!)) ix.discard(r.id);
    }
    same(whole, saved, qs);
    const again = loadSegment(saveSegment(saved));
    same(MiniSearch.loadJSON(JSON.stringify(whole), SEARCH_OPTIONS), again, qs);
    expect(saved.search('Pashinyan').some((r) => String(r.doc) === docs[0]!.doc.id)).toBe(false);
  });

  it('reads only the postings of the terms a search needs', async () => {
    const docs = await bundlesOnce();
    const live = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
    for (const d of docs) live.addAll(documentRecords(d));
    const saved = loadSegment(saveSegment(live));
    const tree = (saved as unknown as { _index: Iterable<[string, unknown]> })._index;
    const unread = () => [...tree].filter(([, data]) => data instanceof SavedTermData && data.raw !== null).length;
    const terms = [...tree].length;
    expect(unread()).toBe(terms);
    expect(saved.search('Pashinyan', { prefix: false, fuzzy: false }).length).toBeGreaterThan(0);
    expect(unread()).toBe(terms - 1);
  });

  it('refuses a segment of the format before (MiniSearch JSON), so the index is rebuilt', async () => {
    const docs = await bundlesOnce();
    const live = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
    live.addAll(documentRecords(docs[0]!));
    expect(() => loadSegment(JSON.stringify(live))).toThrow(/another format/);
    // Version 4: the postings as a JSON list next to the head and the terms.
    const [line, ...postings] = saveSegment(live).split('\n');
    expect(() => loadSegment(JSON.stringify({ ...JSON.parse(line!), postings }))).toThrow(/another format/);
    // A line lost: the terms and their postings no longer pair up.
    expect(() => loadSegment(saveSegment(live).replace(/\n[^\n]*$/, ''))).toThrow(/another format/);
  });
  it('ranks the best results over segments exactly as MiniSearch searching each, merged, sorted and cut, with the OR retry', async () => {
    const docs = await bundlesOnce();
    // Segments of 2 documents, so results are merged from several; and the bundled index alone.
    const segments: Array<MiniSearch<SearchDoc>> = [];
    docs.forEach((d, i) => {
      if (i % 2 === 0) segments.push(new MiniSearch<SearchDoc>(SEARCH_OPTIONS));
      segments[segments.length - 1]!.addAll(documentRecords(d));
    });
    const bundled = MiniSearch.loadJS(seedBuild().searchIndex.index as never, SEARCH_OPTIONS);
    const qs = queries(docs);
    // Three words, where the first two are found together and the third nowhere: the AND empties late, then OR.
    qs.push('peace treaty zzqqxv', 'Pashinyan Azerbaijan zzqqxv', 'border peace constitution');
    const boostDocument = (_id: unknown, _t: string, stored?: Record<string, unknown>) => (stored?.type === 'statement' ? 4 : 1);
    const reference = (ixs: Array<MiniSearch<SearchDoc>>, q: string, options: SearchOptions, limit: number) => {
      const all = (o: SearchOptions) => ixs.flatMap((ix) => ix.search(q, o)).sort((a, b) => b.score - a.score);
      let found = all(options);
      if (found.length === 0) found = all({ ...options, combineWith: 'OR' });
      return found.slice(0, limit);
    };
    const filter = (r: Record<string, unknown>) => r.type === 'passage';
    let nonEmpty = 0;
    let retried = 0;
    for (const ixs of [segments, [bundled]]) {
      for (const q of qs) {
        for (const limit of [1, 5, 40]) {
          for (const f of [undefined, filter]) {
            const options = { ...SEARCH_QUERY_OPTIONS, boostDocument };
            const want = reference(ixs, q, f ? { ...options, filter: f } : options, limit);
            expect(topResults(ixs, q, { options, filter: f, limit }), `${q} (${limit})`).toEqual(want);
            if (want.length) nonEmpty++;
            if (want.length && ixs.flatMap((ix) => ix.search(q, f ? { ...options, filter: f } : options)).length === 0) retried++;
          }
        }
      }
    }
    expect(nonEmpty).toBeGreaterThan(100);
    expect(retried).toBeGreaterThan(5);
  });
});

/**
 * The library at scale (issue 11, part 8), in Node with fake-indexeddb: a 10,000-document library made at bench
 * time by recombining real paragraphs (the seeds, the library fixtures and the text of ../shared/pages), imported
 * through the whole pipeline (format → cleaning → passages → sentences → mentions → statements → IndexedDB →
 * search index). Reports import throughput, the time to make one 1,500-word article searchable, search p95 over
 * bundled + library, cold start until the first search answers, storage size and memory.
 */
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BackgroundService } from '../../lib/background/service';
import { htmlToText } from '../../lib/library/formats';
import type { LibraryInput } from '../../lib/library/types';
import { message } from '../../lib/messages';
import { ROOT } from '../browser/harness';
import { seedBuild, seedLibrary } from '../unit/seed-data';

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/** The search queries every search benchmark runs. */
export const BENCH_QUERIES = [
  'Zangezur',
  'Bayramov obstacle',
  'Nakhichevan',
  'Alma Ata',
  'constitution',
  'peace treaty',
  'Blinken',
  'COP29',
  'corridor security',
  'Pashinyan border',
];

/** Real paragraphs to recombine: seeds, library fixtures and the saved pages' text (40+ words each). */
export function paragraphPool(): string[] {
  const built = seedBuild();
  const pool = built.kb.docs.flatMap((d) => d.passages.filter((p) => p.kind === 'paragraph').map((p) => p.text));
  const fixtures = resolve(ROOT, 'tests/fixtures/library/valid');
  for (const f of readdirSync(fixtures).filter((f) => /\.(txt|md)$/.test(f)))
    pool.push(...readFileSync(resolve(fixtures, f), 'utf8').split(/\n\s*\n/));
  const pages = resolve(ROOT, '../shared/pages');
  for (const f of readdirSync(pages).filter((f) => f.endsWith('.html')))
    pool.push(...htmlToText(readFileSync(resolve(pages, f), 'utf8')).text.split('\n\n'));
  return pool.map((p) => p.trim()).filter((p) => (p.match(/\S+/g)?.length ?? 0) >= 40);
}

/** Documents of `words` words or more, each a different recombination (and so a different text). */
export function makeDocuments(count: number, pool: string[], minWords: () => number, seed = 7): LibraryInput[] {
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, (_, i) => {
    const target = minWords();
    const paragraphs: string[] = [];
    let words = 0;
    while (words < target) {
      const p = pool[Math.floor(rand() * pool.length)]!;
      paragraphs.push(p);
      words += p.split(/\s+/).length;
    }
    const day = String(1 + (i % 28)).padStart(2, '0');
    return {
      name: `generated-${i}.txt`,
      format: 'text',
      content: [`Generated report ${i}`, ...paragraphs].join('\n\n'),
      provenance: {
        title: `Generated report ${i}`,
        publisher: `Bench Wire ${i % 40}`,
        author: null,
        date: `2025-0${1 + (i % 9)}-${day}`,
        url: null,
        kind: 'news report',
      },
    };
  });
}

/** Runs the library benchmark; `count` documents (10,000 by default). */
export async function libraryBenchmarks(count = Number(process.env.BENCH_LIBRARY_DOCS ?? 10_000)) {
  const built = seedBuild();
  const pool = paragraphPool();
  let s = 3;
  const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const docs = makeDocuments(count, pool, () => 300 + Math.floor(rand() * 900));
  const totalWords = docs.reduce((n, d) => n + d.content.split(/\s+/).length, 0);
  const dbName = `bench-${Date.now()}`;
  const heapBefore = process.memoryUsage().heapUsed;

  // Import in batches of 50, as the Library page sends them.
  const library = seedLibrary(dbName, 3_600_000);
  const service = new BackgroundService({ loadKb: async () => built.kb, loadIndex: async () => built.searchIndex }, undefined, library);
  const send = (type: Parameters<typeof message>[0], payload: unknown) =>
    service.handle(message(type, payload as never)) as Promise<unknown>;
  const t0 = performance.now();
  let failed = 0;
  for (let i = 0; i < docs.length; i += 50) {
    const { results } = (await send('libraryAdd', { documents: docs.slice(i, i + 50) })) as { results: Array<{ ok: boolean }> };
    failed += results.filter((r) => !r.ok).length;
    if ((i / 50) % 20 === 0) process.stdout.write(`\rlibrary import: ${i + 50} / ${docs.length}`);
  }
  const importMs = performance.now() - t0;
  await library.saveSnapshot();
  const heapAfter = process.memoryUsage().heapUsed;
  console.log(
    `\rlibrary import: ${docs.length} documents (${(totalWords / 1e6).toFixed(1)} M words) in ${(importMs / 1000).toFixed(1)} s = ${((docs.length / importMs) * 1000).toFixed(0)} docs/s, ${((totalWords / importMs) * 1000).toFixed(0)} words/s; ${failed} refused`,
  );

  // One more article of 1,500 words: from the request until a search finds it.
  const [article] = makeDocuments(1, pool, () => 1500, 99);
  article!.name = 'one-more.txt';
  const oneTimes: number[] = [];
  for (let run = 0; run < 5; run++) {
    const doc = { ...article!, content: `${article!.content}\n\nRun marker zqx${run}vv for the bench.`, name: `one-more-${run}.txt` };
    const t = performance.now();
    await send('libraryAdd', { documents: [doc] });
    const hits = (await send('search', { query: `zqx${run}vv`, filters: { source: 'library' } })) as unknown[];
    oneTimes.push(performance.now() - t);
    if (hits.length === 0) throw new Error('Backstory bench: the new article is not searchable.');
  }
  const oneArticleMs = percentile(oneTimes, 50);
  console.log(`one 1,500-word article searchable: median ${oneArticleMs.toFixed(0)} ms (${oneTimes.map((t) => t.toFixed(0)).join(', ')})`);

  // Search over bundled + library.
  const searchTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    for (const q of BENCH_QUERIES) {
      const t = performance.now();
      await send('search', { query: q });
      searchTimes.push(performance.now() - t);
    }
  }
  console.log(
    `library search (bundled + ${docs.length} documents): p50 ${percentile(searchTimes, 50).toFixed(1)} ms, p95 ${percentile(searchTimes, 95).toFixed(1)} ms`,
  );

  // Quote check over bundled + library: word runs of library paragraphs as they stand, and with one word changed.
  const quotes = Array.from({ length: 10 }, (_, i) => {
    const words = pool[(i * 7919) % pool.length]!.split(/\s+/).slice(5, 20);
    if (i % 2) words[6] = 'otherwise';
    return words.join(' ');
  });
  const quoteTimes: number[] = [];
  let verdicts = 0;
  for (let run = 0; run < 3; run++) {
    for (const text of quotes) {
      const t = performance.now();
      const result = (await send('checkQuote', { text })) as { verdict: string };
      quoteTimes.push(performance.now() - t);
      if (result.verdict !== 'none') verdicts++;
    }
  }
  console.log(
    `quote check (bundled + ${docs.length} documents): first ${quoteTimes[0]!.toFixed(0)} ms, p50 ${percentile(quoteTimes, 50).toFixed(1)} ms, p95 ${percentile(quoteTimes.slice(1), 95).toFixed(1)} ms after the first; ${verdicts} of ${quoteTimes.length} found`,
  );

  // Cold start: a new background on the same database answers its first search.
  await library.saveSnapshot();
  const t1 = performance.now();
  const cold = new BackgroundService(
    { loadKb: async () => built.kb, loadIndex: async () => built.searchIndex },
    undefined,
    seedLibrary(dbName),
  );
  await cold.handle(message('search', { query: 'peace treaty' }));
  const coldStartMs = performance.now() - t1;
  console.log(
    `background cold start until the first search answers: ${coldStartMs.toFixed(0)} ms (${docs.length} documents, index from its snapshot)`,
  );
  // What the popup asks when it opens, and a card, on that fresh background: first answer, then warm.
  const timed = async (type: Parameters<typeof message>[0], payload: unknown) => {
    const t = performance.now();
    await cold.handle(message(type, payload as never));
    return performance.now() - t;
  };
  const corpusInfoFirstMs = await timed('corpusInfo', {});
  const cardFirstMs = await timed('getCard', { entityId: 'nikol-pashinyan' });
  const cardTimes: number[] = [];
  for (const entityId of ['nikol-pashinyan', 'ilham-aliyev', 'zangezur-corridor', 'prague-meeting-2022', 'jeyhun-bayramov'])
    for (let run = 0; run < 2; run++) cardTimes.push(await timed('getCard', { entityId }));
  const corpusInfoWarmMs = await timed('corpusInfo', {});
  console.log(
    `after the cold start: popup's corpus info first ${corpusInfoFirstMs.toFixed(0)} ms (then ${corpusInfoWarmMs.toFixed(0)} ms), first card ${cardFirstMs.toFixed(0)} ms, cards p50 ${percentile(cardTimes, 50).toFixed(1)} ms, p95 ${percentile(cardTimes, 95).toFixed(1)} ms`,
  );

  // Storage: the size of what is stored, as JSON, read one document at a time (fake-indexeddb keeps it in memory).
  const { LibraryStore } = await import('../../lib/library/store');
  const store = await LibraryStore.open(dbName);
  let storedBytes = 0;
  for (const { id } of await store.listDocuments()) storedBytes += JSON.stringify(await store.getBundle(id)).length;
  const manifest = await store.getMeta<{ segments: number[] }>('searchIndex');
  let snapshotBytes = 0;
  for (const key of manifest?.segments ?? [])
    snapshotBytes += (await store.getMeta<{ index: string }>(`searchIndex:${key}`))?.index.length ?? 0;
  store.close();
  const memoryMb = (heapAfter - heapBefore) / 1e6;
  console.log(
    `storage: documents and derived records ${(storedBytes / 1e6).toFixed(0)} MB, search-index snapshot ${(snapshotBytes / 1e6).toFixed(0)} MB; heap growth while importing ${memoryMb.toFixed(0)} MB (this includes fake-indexeddb's in-memory copy)`,
  );
  return {
    documents: docs.length,
    words: totalWords,
    importMs,
    docsPerSecond: (docs.length / importMs) * 1000,
    wordsPerSecond: (totalWords / importMs) * 1000,
    oneArticleSearchableMs: oneArticleMs,
    searchP50Ms: percentile(searchTimes, 50),
    searchP95Ms: percentile(searchTimes, 95),
    coldStartMs,
    corpusInfoFirstMs,
    corpusInfoWarmMs,
    cardFirstMs,
    cardP95Ms: percentile(cardTimes, 95),
    quoteFirstMs: quoteTimes[0]!,
    quoteP95Ms: percentile(quoteTimes.slice(1), 95),
    storedBytes,
    snapshotBytes,
    heapGrowthMb: memoryMb,
  };
}

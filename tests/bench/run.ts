/**
 * `npm run bench`: Node micro-benchmarks (matcher, search, statement extraction)
 * and a page-scan run in Chromium with the built extension on ../shared/pages.
 * Prints a table and writes bench-results.json. Run `npm run build` first.
 *
 * Results that cannot have changed are reused from .bench-cache/ (BENCH_FRESH=1 measures everything again):
 * a page's scan by the hash of the built test extension and the page, mark.js and the floor by the page and
 * the aliases, the library at scale by the hash of its sources. A run that stops part-way resumes where it was.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative, resolve } from 'node:path';
import { buildAll } from '../../lib/build/kb';
import type { ScanStats } from '../../lib/content/controller';
import { Matcher } from '../../lib/match/matcher';
import { loadSearchIndex, search } from '../../lib/search/query';
import { extractStatements } from '../../lib/statements/extract';
import { EXTENSION_DIR, keepOffline, launchPlain, launchWithExtension, ROOT, startServer } from '../browser/harness';
import { extensionSamples, profiledLoad } from './cpu-profile';
import { matcherBenchmarks, seedBenchText } from './matcher';
import { BENCH_QUERIES, libraryBenchmarks } from './library';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const spread = (xs: number[]) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;
const time = (fn: () => void) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

// --- The results cache: one JSON file, written after every page so an interrupted run resumes.
const CACHE_FILE = resolve(ROOT, '.bench-cache/results.json');
const FRESH = !!process.env.BENCH_FRESH;
const cache: Record<string, unknown> = !FRESH && existsSync(CACHE_FILE) ? JSON.parse(readFileSync(CACHE_FILE, 'utf8')) : {};
let reused = 0;
function cached<T>(key: string): T | undefined {
  if (!(key in cache)) return undefined;
  reused++;
  return cache[key] as T;
}
function store(key: string, value: unknown): void {
  cache[key] = value;
  mkdirSync(resolve(ROOT, '.bench-cache'), { recursive: true });
  writeFileSync(CACHE_FILE, JSON.stringify(cache));
}
/** Hash of files and folders (every file under them, by path and content) and extra strings. */
function hashOf(paths: string[], ...extra: string[]): string {
  const hash = createHash('sha256');
  const add = (path: string) => {
    if (statSync(path).isDirectory()) for (const name of readdirSync(path).sort()) add(join(path, name));
    else hash.update(relative(ROOT, path)).update('\0').update(readFileSync(path)).update('\0');
  };
  for (const path of paths) add(path);
  for (const value of extra) hash.update(value).update('\0');
  return hash.digest('hex').slice(0, 16);
}

const built = buildAll(resolve(ROOT, 'seeds'), ROOT);
// Passages are paragraphs: joined as the page walker joins blocks, with the block separator.
const bigText = seedBenchText(built);

/** Node micro-benchmarks: matcher throughput, search latency, scale, statement extraction. */
async function nodeBenchmarks() {
  const { matcherRows, pageTextRows } = matcherBenchmarks(built, bigText, RUNS);

  // --- Search latency on the seed corpus.
  const index = loadSearchIndex(JSON.parse(JSON.stringify(built.searchIndex)));
  const queries = BENCH_QUERIES;
  const searchTimes: number[] = [];
  for (let i = 0; i < 50; i++) for (const q of queries) searchTimes.push(time(() => search(index, built.kb, q)));
  console.log(
    `search: p50 ${percentile(searchTimes, 50).toFixed(3)} ms, p95 ${percentile(searchTimes, 95).toFixed(3)} ms over ${searchTimes.length} queries`,
  );

  // --- Scale: 10,000 generated documents, each recombining 6 random seed passages.
  const passagesAll = built.kb.docs.flatMap((d) => d.passages.filter((p) => p.kind === 'paragraph').map((p) => p.text));
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const generated = Array.from({ length: 10_000 }, (_, i) => ({
    id: `passage:gen-${i}`,
    type: 'passage' as const,
    title: `Generated ${i}`,
    text: Array.from({ length: 6 }, () => passagesAll[Math.floor(rand() * passagesAll.length)]).join(' '),
    entities: [],
    date: '2024-01-01',
  }));
  const { default: MiniSearch } = await import('minisearch');
  const { SEARCH_OPTIONS, SEARCH_QUERY_OPTIONS } = await import('../../lib/search/options');
  let scaleIndex = new MiniSearch(SEARCH_OPTIONS);
  const scaleBuildMs = time(() => {
    scaleIndex = new MiniSearch(SEARCH_OPTIONS);
    scaleIndex.addAll(generated);
  });
  const scaleBytes = JSON.stringify(scaleIndex).length;
  const scaleTimes: number[] = [];
  for (let i = 0; i < 10; i++) for (const q of queries) scaleTimes.push(time(() => scaleIndex.search(q, SEARCH_QUERY_OPTIONS)));
  console.log(
    `scale (10,000 docs): index build ${(scaleBuildMs / 1000).toFixed(1)} s, index ${(scaleBytes / 1e6).toFixed(1)} MB as JSON, search p50 ${percentile(scaleTimes, 50).toFixed(1)} ms, p95 ${percentile(scaleTimes, 95).toFixed(1)} ms`,
  );

  // --- Statement extraction time per MB of cleaned seed text.
  const matcher = new Matcher(built.matcher);
  const info = new Map(built.kb.entities.map((e) => [e.id, { kind: e.kind, name: e.name }]));
  const seedChars = built.kb.docs.reduce((n, d) => n + d.passages.reduce((m, p) => m + p.text.length, 0), 0);
  const extraction = Array.from({ length: RUNS * 3 }, () =>
    time(() => {
      for (const doc of built.kb.docs) {
        const mentions = new Map(doc.passages.map((p) => [p.id, matcher.match(p.text)]));
        extractStatements({ doc, mentions, entities: info });
      }
    }),
  );
  const extractionMsPerMB = median(extraction) / (seedChars / 1e6);
  console.log(`statement extraction: ${extractionMsPerMB.toFixed(0)} ms per MB (${seedChars} chars of seeds)`);
  return { matcherRows, pageTextRows, searchTimes, scaleBuildMs, scaleBytes, scaleTimes, extractionMsPerMB };
}
// BENCH_LIBRARY_ONLY=1 runs only the library at scale (10,000 documents; BENCH_LIBRARY_DOCS changes the count).
if (process.env.BENCH_LIBRARY_ONLY) {
  const library = await libraryBenchmarks();
  writeFileSync(resolve(ROOT, 'bench-results.json'), JSON.stringify({ summary: { library } }, null, 2));
  console.log('\nsummary', JSON.stringify({ library }, null, 1));
  process.exit(0);
}
// BENCH_PAGES_ONLY=1 skips the Node benchmarks, for quick iterations on page scans.
const node = process.env.BENCH_PAGES_ONLY
  ? { matcherRows: [], pageTextRows: [], searchTimes: [NaN], scaleBuildMs: NaN, scaleBytes: NaN, scaleTimes: [NaN], extractionMsPerMB: NaN }
  : await nodeBenchmarks();
const { matcherRows, pageTextRows, searchTimes, scaleBuildMs, scaleBytes, scaleTimes, extractionMsPerMB } = node;
// The library at scale runs for minutes: reused while its inputs (the code, seeds, lockfile, document count) are unchanged.
const libraryKey = `library:${hashOf(
  ['lib', 'seeds', 'tests/bench/library.ts', 'package-lock.json'].map((p) => resolve(ROOT, p)),
  process.env.BENCH_LIBRARY_DOCS ?? '',
)}`;
let library = process.env.BENCH_PAGES_ONLY ? null : (cached<Awaited<ReturnType<typeof libraryBenchmarks>>>(libraryKey) ?? null);
if (library) console.log('library at scale: unchanged inputs, results reused from .bench-cache (BENCH_FRESH=1 measures again)');
else if (!process.env.BENCH_PAGES_ONLY) store(libraryKey, (library = await libraryBenchmarks()));

// --- Page scans in Chromium: ours (the built extension), mark.js with the same aliases, and the floor (one TreeWalker pass).
const SHARED = resolve(ROOT, '../shared/pages');
const names = readdirSync(SHARED)
  .filter((f) => f.endsWith('.html'))
  .sort();
const only = process.env.BENCH_PAGES?.split(',');
const { server, origin } = await startServer();
const { context } = await launchWithExtension({ args: ['--enable-precise-memory-info'] });
await keepOffline(context, origin);
// Heap at DOMContentLoaded, before the content script runs (it starts at document_idle).
await context.addInitScript(() => {
  document.addEventListener('DOMContentLoaded', () => {
    (window as unknown as { __heapAtDcl: number }).__heapAtDcl = (
      performance as unknown as { memory: { usedJSHeapSize: number } }
    ).memory.usedJSHeapSize;
  });
});
const plain = await launchPlain(['--enable-precise-memory-info']);
await keepOffline(plain, origin);
const markJs = readFileSync(resolve(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');
const aliases = [...new Set(built.matcher.patterns.map((p) => p.alias))];
const MARKJS_TIMEOUT_MS = Number(process.env.MARKJS_TIMEOUT_MS ?? 60_000);
// BENCH_NO_MARKJS=1 measures only ours and the floor, for quick iterations.
const SKIP_MARKJS = !!process.env.BENCH_NO_MARKJS;

/**
 * The content script's total main-thread time on one load: everything from
 * loading the script to the end of its first scan (reading its tables and
 * settings, setting up, walking, matching, marking). A sampling profile is
 * taken, and every sample with a frame of the extension on its stack counts.
 */
async function extensionMainThreadMs(url: string): Promise<number> {
  const profile = await profiledLoad(context, url, 100);
  return extensionSamples(profile).reduce((sum, s) => sum + s.ms, 0);
}

type OursRun = Omit<ScanStats, 'totalMs'> & { fromDclMs: number; heapDeltaKb: number };

/** RUNS timed loads with the extension, and one profiled load for its total main-thread time. */
async function measureOurs(url: string): Promise<{ ours: OursRun[]; totalMs: number }> {
  const ours: OursRun[] = [];
  for (let r = 0; r < RUNS; r++) {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForFunction(() => performance.getEntriesByName('backstory:scan-end').length > 0, null, { timeout: 60_000 });
    ours.push(
      await page.evaluate(() => {
        const mark = performance.getEntriesByName('backstory:scan-end')[0] as PerformanceMark;
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const d = mark.detail as ScanStats;
        const heapNow = (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
        const heapAtDcl = (window as unknown as { __heapAtDcl?: number }).__heapAtDcl ?? heapNow;
        return {
          fromDclMs: mark.startTime - nav.domContentLoadedEventEnd,
          busyMs: d.busyMs,
          walkMs: d.walkMs,
          matchMs: d.matchMs,
          markMs: d.markMs,
          longestSliceMs: d.longestSliceMs,
          mentions: d.mentions,
          heapDeltaKb: (heapNow - heapAtDcl) / 1024,
        };
      }),
    );
    await page.close();
  }
  // One profiled load per page: sampling slows the page a little, so it is kept apart from the timed runs.
  return { ours, totalMs: await extensionMainThreadMs(url) };
}

/** RUNS loads without the extension: the floor (one TreeWalker pass) and mark.js with the same aliases. */
async function measurePlain(url: string): Promise<{ markjs: number[]; floor: number[] }> {
  const markjs: number[] = [];
  const floor: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const page = await plain.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    floor.push(
      await page.evaluate(() => {
        const t = performance.now();
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let chars = 0;
        while (walker.nextNode()) chars += (walker.currentNode as Text).data.length;
        return performance.now() - t + chars * 0;
      }),
    );
    // mark.js runs in the page's main world; CSP blocks page scripts, so it is added through the DevTools protocol.
    if (SKIP_MARKJS) {
      markjs.push(NaN);
      await page.close();
      continue;
    }
    await page.evaluate(markJs);
    // A string, not a function: the TypeScript runner would otherwise inject helpers the page does not have.
    const ms = await page
      .evaluate(
        `new Promise((done, fail) => {
          const t = performance.now();
          new Mark(document.body).mark(${JSON.stringify(aliases)}, {
            separateWordSearch: false, accuracy: 'exactly', diacritics: true,
            exclude: ['script', 'style', 'noscript', 'textarea', 'select', 'option'],
            done: () => done(performance.now() - t),
          });
          setTimeout(() => fail(new Error('timeout')), ${MARKJS_TIMEOUT_MS});
        })`,
      )
      .then((v) => Number(v))
      .catch(() => NaN);
    markjs.push(ms);
    await page.close();
  }
  return { markjs, floor };
}

// Cache keys: what each measurement depends on.
const chromium = context.browser()?.version() ?? '';
const extensionHash = hashOf([EXTENSION_DIR], chromium, String(RUNS));
const plainHash = createHash('sha256')
  .update(markJs)
  .update(JSON.stringify(aliases))
  .update(chromium)
  .update(`${RUNS}:${MARKJS_TIMEOUT_MS}`)
  .digest('hex')
  .slice(0, 16);
const pages: Array<Record<string, number | string | null>> = [];
for (const name of names.filter((n) => !only || only.includes(n))) {
  const url = `${origin}/shared/${name}?csp=strict`;
  const pageHash = hashOf([resolve(SHARED, name)]);
  const oursKey = `ours:${extensionHash}:${pageHash}`;
  const plainKey = `plain:${plainHash}:${pageHash}`;
  let measured = cached<{ ours: OursRun[]; totalMs: number }>(oursKey);
  if (!measured) store(oursKey, (measured = await measureOurs(url)));
  const { ours, totalMs } = measured;
  // JSON keeps a timed-out mark.js run as null.
  let plainRuns = cached<{ markjs: Array<number | null>; floor: number[] }>(plainKey);
  if (!plainRuns) {
    plainRuns = await measurePlain(url);
    // Without mark.js only the floor was measured: nothing complete to keep.
    if (!SKIP_MARKJS) store(plainKey, plainRuns);
  }
  const markjs = plainRuns.markjs.map((v) => v ?? NaN);
  const { floor } = plainRuns;
  const oursMs = median(ours.map((o) => o.fromDclMs));
  const markjsMs = median(markjs);
  pages.push({
    name,
    kb: Math.round(statSync(resolve(SHARED, name)).size / 1024),
    oursMs,
    oursBusyMs: median(ours.map((o) => o.busyMs)),
    totalMainThreadMs: totalMs,
    oursWalkMs: median(ours.map((o) => o.walkMs)),
    oursMatchMs: median(ours.map((o) => o.matchMs)),
    oursMarkMs: median(ours.map((o) => o.markMs)),
    oursSpreadMs: spread(ours.map((o) => o.fromDclMs)),
    markjsMs: Number.isNaN(markjsMs) ? null : markjsMs,
    floorMs: median(floor),
    speedupVsMarkjs: Number.isNaN(markjsMs) ? null : markjsMs / Math.max(median(ours.map((o) => o.busyMs)), 0.01),
    longestTaskMs: Math.max(...ours.map((o) => o.longestSliceMs)),
    highlights: ours[0]!.mentions,
    heapDeltaKb: median(ours.map((o) => o.heapDeltaKb)),
  });
  process.stdout.write('.');
}
// Popover first paint after show() fires, with card data already cached (the second opening).
const cardPaints: number[] = [];
{
  const page = await context.newPage();
  await page.goto(`${origin}/fixtures/news-article.html`);
  await page.waitForFunction(() => (CSS.highlights.get('backstory-mention')?.size ?? 0) > 0);
  const at = await page.evaluate(() => {
    const range = ([...CSS.highlights.get('backstory-mention')!] as Range[]).find((r) => r.toString() === 'Jeyhun Bayramov')!;
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  for (let i = 0; i < 6; i++) {
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction((n) => performance.getEntriesByName('backstory:card-paint').length > n, i);
    await page.keyboard.press('Escape');
  }
  const all = await page.evaluate(() =>
    performance.getEntriesByName('backstory:card-paint').map((m) => (m as PerformanceMark).detail.ms as number),
  );
  cardPaints.push(...all.slice(1));
  await page.close();
}
console.log(`\ncard first paint with cached data: median ${median(cardPaints).toFixed(1)} ms (${spread(cardPaints)})`);
await context.close();
await plain.browser()?.close();
server.close();
const fmt = (v: unknown, d = 1) => (typeof v === 'number' ? v.toFixed(d) : String(v ?? '–'));
console.log(
  '\n\npage                                  KB  ours ms (DCL→marks)  ours busy ms  (walk  match  mark)  total ms  floor ms  mark.js ms  ×mark.js  longest ms  marks  heap KB',
);
for (const p of pages) {
  console.log(
    `${String(p.name).padEnd(36)}${String(p.kb).padStart(5)} ${fmt(p.oursMs).padStart(19)} ${fmt(p.oursBusyMs).padStart(13)} ${fmt(p.oursWalkMs).padStart(6)} ${fmt(p.oursMatchMs).padStart(6)} ${fmt(p.oursMarkMs).padStart(5)} ${fmt(p.totalMainThreadMs).padStart(9)} ${fmt(p.floorMs, 2).padStart(9)} ${fmt(p.markjsMs, 0).padStart(11)} ${fmt(p.speedupVsMarkjs, 0).padStart(9)} ${fmt(p.longestTaskMs).padStart(11)} ${String(p.highlights).padStart(6)} ${fmt(p.heapDeltaKb, 0).padStart(8)}`,
  );
}
const contentScript = readFileSync(resolve(ROOT, '.output/chrome-mv3/content-scripts/content.js'));
const speedups = pages.map((p) => p.speedupVsMarkjs).filter((v): v is number => typeof v === 'number');
const overFloor = (p: (typeof pages)[number]) => Number(p.oursBusyMs) / Math.max(Number(p.floorMs), 0.05);
const busyOverFloor = pages.map(overFloor);
const noMention = pages.filter((p) => p.highlights === 0);

const results = {
  runs: RUNS,
  pages,
  summary: {
    medianSpeedupVsMarkjs: speedups.length ? median(speedups) : null,
    medianBusyOverFloor: median(busyOverFloor),
    // Issue 16's second bound: the scan never more than 5× the floor on a page with mentions.
    maxBusyOverFloorWithMentions: Math.max(...pages.filter((p) => Number(p.highlights) > 0).map(overFloor)),
    medianFloorMs: median(pages.map((p) => Number(p.floorMs))),
    maxLongTaskMs: Math.max(...pages.map((p) => Number(p.longestTaskMs))),
    medianScanMs: median(pages.map((p) => Number(p.oursMs))),
    // Total main-thread time (startup included) on pages where nothing was marked; the scan alone beside it.
    noMentionPageMs: median(noMention.map((p) => Number(p.totalMainThreadMs))),
    noMentionScanMs: median(noMention.map((p) => Number(p.oursBusyMs))),
    noMentionPageMaxMs: Math.max(...noMention.map((p) => Number(p.totalMainThreadMs))),
    noMentionPages: noMention.length,
    cardFirstPaintMs: median(cardPaints),
    contentScriptBytes: contentScript.length,
    contentScriptGzipBytes: gzipSync(contentScript).length,
    searchP50Ms: percentile(searchTimes, 50),
    searchP95Ms: percentile(searchTimes, 95),
    scale: {
      documents: 10_000,
      indexBuildMs: scaleBuildMs,
      indexBytes: scaleBytes,
      searchP50Ms: percentile(scaleTimes, 50),
      searchP95Ms: percentile(scaleTimes, 95),
    },
    matcherMBps: matcherRows.find((r) => r.aliases === 1000)?.oursMBps ?? null,
    matcher: matcherRows,
    // Issue 16's measure: real page text with the real aliases (the first row), and flat as aliases grow.
    matcherOnPageText: pageTextRows,
    extractionMsPerMB,
    library,
  },
};
writeFileSync(resolve(ROOT, 'bench-results.json'), JSON.stringify(results, null, 2));
console.log('\nsummary', JSON.stringify(results.summary, null, 1));
console.log(`${reused} results reused from .bench-cache (BENCH_FRESH=1 measures everything again)`);

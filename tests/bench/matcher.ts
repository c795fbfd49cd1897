/**
 * The matcher's bench rows: throughput on the seed text at 100, 1,000 and 10,000 aliases (against one regular
 * expression per alias), and on real page text (the shared pages, one block a line) with the real aliases and rules.
 * `npm run bench` prints them with the rest; `node --import tsx tests/bench/matcher-only.ts` runs just these.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BuildOutput } from '../../lib/build/kb';
import { BLOCK_SEPARATOR, foldPattern } from '../../lib/match/fold';
import { Matcher } from '../../lib/match/matcher';
import type { MatcherTables } from '../../lib/match/types';
import { toPlainText } from '../../lib/library/formats';

const ROOT = resolve(import.meta.dirname, '../..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const spread = (xs: number[]) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;
const time = (fn: () => void) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

/** The seed corpus's passages joined as the page walker joins blocks, repeated to about 4 MB. */
export function seedBenchText(built: BuildOutput): string {
  const corpusText = built.kb.docs.flatMap((d) => d.passages.map((p) => p.text)).join(BLOCK_SEPARATOR);
  return Array.from({ length: Math.ceil(4_000_000 / corpusText.length) }, () => corpusText).join(BLOCK_SEPARATOR);
}

/** `count` aliases: the real ones, then variants of them with a suffix, all of one entity and without rules. */
export function syntheticTables(built: BuildOutput, count: number): MatcherTables {
  const real = built.matcher.patterns.map((p) => p.alias);
  const aliases = Array.from({ length: count }, (_, i) => (i < real.length ? real[i]! : `${real[i % real.length]} ${i.toString(36)}`));
  return {
    version: built.matcher.version,
    entities: [{ id: 'e', name: 'E', kind: 'person', highlight: true }],
    patterns: aliases.map((alias) => ({ entity: 0, alias, folded: foldPattern(alias), rules: [] })),
  };
}

/** The shared pages' text, one block a line, as the page walker separates blocks; pages too short to import are left out. */
export function sharedPageTexts(): string[] {
  const dir = resolve(ROOT, '../shared/pages');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      try {
        return toPlainText(f, readFileSync(resolve(dir, f), 'utf8'), 'html').replace(/\n+/g, BLOCK_SEPARATOR);
      } catch {
        return ''; // a page too short to import has no text worth timing
      }
    })
    .filter(Boolean);
}

/** Runs the matcher rows and prints them. `withRegex` false skips the (slow) regex-per-alias baseline. */
export function matcherBenchmarks(built: BuildOutput, bigText: string, runs: number, withRegex = true) {
  const mb = bigText.length / 1e6;
  const matcherRows: Array<{ aliases: number; oursMBps: number; regexMBps: number }> = [];
  for (const count of [100, 1000, 10000]) {
    const tables = syntheticTables(built, count);
    const matcher = new Matcher(tables);
    const ours = Array.from({ length: runs }, () => mb / (time(() => matcher.match(bigText)) / 1000));
    let regex = [NaN];
    if (withRegex) {
      const regexes = tables.patterns.map(
        (p) => new RegExp(`(?<![\\p{L}\\p{N}])${p.alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'giu'),
      );
      // The regex baseline runs on a slice (it is slow); MB/s is what matters.
      const slice = bigText.slice(0, count >= 1000 ? 200_000 : 1_000_000);
      regex = Array.from(
        { length: Math.max(1, runs - 1) },
        () => slice.length / 1e6 / (time(() => regexes.forEach((re) => [...slice.matchAll(re)])) / 1000),
      );
    }
    matcherRows.push({ aliases: count, oursMBps: median(ours), regexMBps: median(regex) });
    console.log(
      `matcher ${count} aliases: ours ${median(ours).toFixed(1)} MB/s (${spread(ours)}), regex per alias ${median(regex).toFixed(2)} MB/s`,
    );
  }

  // Each page is matched on its own, as the content script matches one page (rules look across the page's text).
  const pageTexts = sharedPageTexts();
  const pageMb = pageTexts.reduce((n, t) => n + t.length, 0) / 1e6;
  const pageTextRows: Array<{ aliases: number; oursMBps: number }> = [];
  for (const [count, tables] of [
    [built.matcher.patterns.length, built.matcher],
    [1000, syntheticTables(built, 1000)],
    [10000, syntheticTables(built, 10000)],
  ] as const) {
    const matcher = new Matcher(tables);
    const all = () => pageTexts.forEach((t) => matcher.match(t));
    all(); // first-run compilation is not the steady rate
    const times = Array.from({ length: Math.max(runs, 3) }, () => pageMb / (time(all) / 1000));
    pageTextRows.push({ aliases: count, oursMBps: median(times) });
    console.log(
      `matcher on real page text (${pageTexts.length} pages, ${pageMb.toFixed(1)} MB), ${count} aliases${tables === built.matcher ? ' (the real ones, with rules)' : ''}: ${median(times).toFixed(1)} MB/s (${spread(times)})`,
    );
  }
  return { matcherRows, pageTextRows };
}

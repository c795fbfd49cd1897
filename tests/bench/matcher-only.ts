/**
 * Just the matcher's bench rows, without the browser or the library: `node --import tsx tests/bench/matcher-only.ts`.
 * BENCH_RUNS sets the runs per row (default 5); BENCH_REGEX=1 adds the regex-per-alias baseline.
 * MATCHER_FINGERPRINT=1 instead prints a hash of every mention the rows' matchers find, to compare before and after a change.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { buildAll } from '../../lib/build/kb';
import { Matcher } from '../../lib/match/matcher';
import { matcherBenchmarks, seedBenchText, sharedPageTexts, syntheticTables } from './matcher';

const ROOT = resolve(import.meta.dirname, '../..');
const built = buildAll(resolve(ROOT, 'seeds'), ROOT);
const seedText = seedBenchText(built);
if (process.env.MATCHER_FINGERPRINT) {
  const pages = sharedPageTexts();
  for (const [name, tables] of [
    ['real', built.matcher],
    ['100', syntheticTables(built, 100)],
    ['1000', syntheticTables(built, 1000)],
    ['10000', syntheticTables(built, 10000)],
  ] as const) {
    const matcher = new Matcher(tables);
    const hash = createHash('sha256');
    let count = 0;
    for (const text of [seedText.slice(0, 1_000_000), ...pages]) {
      const mentions = matcher.match(text);
      count += mentions.length;
      hash.update(JSON.stringify(mentions));
    }
    console.log(`${name} aliases: ${count} mentions, ${hash.digest('hex').slice(0, 16)}`);
  }
} else matcherBenchmarks(built, seedText, Number(process.env.BENCH_RUNS ?? 5), !!process.env.BENCH_REGEX);

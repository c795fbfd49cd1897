// Prints the development set's per-language table and the misses: `npx tsx tests/devset/report.ts [folder]`.
import { resolve } from 'node:path';
import { buildAll } from '../../lib/build/kb';
import { Matcher } from '../../lib/match/matcher';
import { formatScores, readDevset, scoreDevset } from './devset';

const root = resolve(import.meta.dirname, '../..');
const folder = process.argv[2] ? resolve(process.argv[2]) : undefined;
const scores = scoreDevset(new Matcher(buildAll(resolve(root, 'seeds'), root).matcher), readDevset(folder));
console.log(formatScores(scores));
for (const s of scores) {
  if (s.missed.length) console.log(`\n${s.lang} missed: ${s.missed.join(', ')}`);
  if (s.wrong.length) console.log(`${s.lang} wrong: ${s.wrong.join(', ')}`);
}

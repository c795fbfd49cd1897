// Prints the development set's per-language table and the misses: `npx tsx tests/devset/report.ts`.
import { resolve } from 'node:path';
import { buildAll } from '../../lib/build/kb';
import { Matcher } from '../../lib/match/matcher';
import { formatScores, scoreDevset } from './devset';

const root = resolve(import.meta.dirname, '../..');
const scores = scoreDevset(new Matcher(buildAll(resolve(root, 'seeds'), root).matcher));
console.log(formatScores(scores));
for (const s of scores) {
  if (s.missed.length) console.log(`\n${s.lang} missed: ${s.missed.join(', ')}`);
  if (s.wrong.length) console.log(`${s.lang} wrong: ${s.wrong.join(', ')}`);
}

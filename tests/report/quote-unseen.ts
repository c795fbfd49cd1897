// Prints the verdict table of the unseen quote set: npx tsx tests/report/quote-unseen.ts
import { runUnseen } from '../unit/quote-unseen-cases';

const outcomes = runUnseen();
const cell = (s: string) => s.replace(/\|/g, '\\|');
console.log('| case | expected | got | verdict right | all right |');
console.log('| --- | --- | --- | --- | --- |');
for (const o of outcomes) {
  const want = `${o.c.expect}${o.c.speakers ? ` [${o.c.speakers.join(', ')}]` : ''}${o.c.cut ? ` cut: ${o.c.cut}` : ''}${o.c.kind ? ` (${o.c.kind})` : ''}`;
  console.log(`| ${o.c.id} | ${cell(want)} | ${cell(o.got)} | ${o.verdictRight ? 'yes' : 'NO'} | ${o.right ? 'yes' : 'NO'} |`);
}
for (const type of ['later', 'misquote', 'all'] as const) {
  const set = outcomes.filter((o) => type === 'all' || o.c.type === type);
  const v = set.filter((o) => o.verdictRight).length;
  const a = set.filter((o) => o.right).length;
  console.log(
    `${type}: ${set.length} cases, verdict right ${v} (${((100 * v) / set.length).toFixed(1)}%), all right ${a} (${((100 * a) / set.length).toFixed(1)}%)`,
  );
}
const falseExact = outcomes.filter((o) => o.c.expect !== 'exact' && o.result.verdict === 'exact');
console.log(`false exact: ${falseExact.length}${falseExact.length ? ` (${falseExact.map((o) => o.c.id).join(', ')})` : ''}`);

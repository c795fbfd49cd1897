// Prints the statement extractor's figures per round and language, and every miss and wrong statement:
// `npx tsx tests/devset/statements-report.ts [round ...]` (rounds: 1, 2, 3; default all).
import {
  ARTICLES_DIR,
  falseStatements,
  figures,
  loadDevSet,
  reportedFigures,
  rightSpeaker,
  ROUND2_DIR,
  ROUND3_DIR,
  wrongReported,
} from '../unit/dev-set';

const ROUNDS: Record<string, string> = { '1': ARTICLES_DIR, '2': ROUND2_DIR, '3': ROUND3_DIR };
const pick = process.argv.slice(2);
for (const [round, dir] of Object.entries(ROUNDS)) {
  if (pick.length && !pick.includes(round)) continue;
  const articles = loadDevSet(dir);
  console.log(`\nround ${round}: direct quotations\nlanguage\tarticles\tlabelled\tclear4+\tright\tshare\tfalse`);
  for (const r of figures(articles))
    console.log([r.language, r.articles, r.labelled, r.clear4, r.right, r.share.toFixed(3), r.falseStatements].join('\t'));
  const reported = reportedFigures(articles);
  if (reported.at(-1)!.gold + reported.at(-1)!.made > 0) {
    console.log(`round ${round}: reported statements\nlanguage\tgold\tmade\tright\tprecision\trecall`);
    for (const r of reported) console.log([r.language, r.gold, r.made, r.right, r.precision.toFixed(3), r.recall.toFixed(3)].join('\t'));
  }
  for (const a of articles) {
    for (const q of a.quotes.filter((q) => q.clear && q.speaker && q.words >= 4 && !rightSpeaker(q)))
      console.log(`  wrong speaker ${a.file}: ${q.opening} → ${q.statement?.speaker.name ?? 'no statement'} (gold ${q.speaker})`);
    for (const s of falseStatements(a)) console.log(`  false statement ${a.file}: ${s.text.slice(0, 80)}`);
    for (const r of a.reported.filter((r) => !rightSpeaker(r)))
      console.log(`  reported missed ${a.file}: ${r.opening} → ${r.statement?.speaker.name ?? 'none'} (gold ${r.speaker})`);
    if (a.meta.reported)
      for (const s of wrongReported(a)) console.log(`  reported wrong ${a.file}: ${s.speaker.name}: ${s.text.slice(0, 80)}`);
  }
}

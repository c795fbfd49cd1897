import { beforeAll, describe, expect, it } from 'vitest';
import { seedBuild } from './seed-data';
import {
  falseStatements,
  figures,
  ROUND2_DIR,
  ROUND3_DIR,
  loadDevSet,
  reportedFigures,
  rightSpeaker,
  wrongReported,
  ARTICLES_DIR,
  type DevArticle,
  type LanguageFigures,
} from './dev-set';

/** Prints a round's per-language figures for the report. */
function printFigures(title: string, rows: LanguageFigures[]): void {
  const line = (r: LanguageFigures) =>
    [r.language, r.articles, r.labelled, r.clear4, r.right, r.share.toFixed(3), r.falseStatements].join('\t');
  console.log([`${title}\tarticles\tlabelled\tclear4+\tright\tshare\tfalse`, ...rows.map(line)].join('\n'));
}

/** Clearly attributed quotations of 4+ words without the right speaker. */
function wrongQuotes(articles: DevArticle[]): string[] {
  return articles.flatMap((a) =>
    a.quotes.filter((q) => q.clear && q.speaker && q.words >= 4 && !rightSpeaker(q)).map((q) => `${a.file}: ${q.opening}`),
  );
}

// Building the seeds (and the articles) takes seconds on a busy machine: do it once, outside any test's timeout.
beforeAll(() => void seedBuild(), 60_000);

/**
 * The development set (tests/fixtures/articles): real news articles in six languages that nobody on this project
 * wrote, each with a sidecar of hand labels (every direct quotation, its speaker, whether the text attributes it
 * clearly). Figures are printed for the report; the targets of issue 11 part 7 are asserted.
 */
describe('development set', () => {
  const articles = loadDevSet();
  const rows = figures(articles);

  it('has at least 25 articles from varied outlets in at least 4 languages', () => {
    printFigures('language', rows);
    expect(articles.length).toBeGreaterThanOrEqual(25);
    expect(new Set(articles.map((a) => a.meta.language)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(articles.map((a) => a.meta.outlet)).size).toBeGreaterThanOrEqual(20);
    for (const a of articles) expect(a.meta.url, a.file).toMatch(/^https?:\/\//);
  });

  it('gives at least 90% of clearly attributed quotations of 4+ words the right speaker, in every language', () => {
    for (const row of rows) expect(row.share, row.language).toBeGreaterThanOrEqual(0.9);
  });

  it('gets every clearly attributed quotation of 4+ words right', () => {
    const wrong = articles.flatMap((a) =>
      a.quotes
        .filter((q) => q.clear && q.speaker && q.words >= 4 && !rightSpeaker(q))
        .map((q) => `${a.file}: ${q.opening} → ${q.statement?.speaker.name ?? 'no statement'}`),
    );
    expect(wrong).toEqual([]);
  });

  it('makes no statement from apostrophes, scare quotes, names in quote marks or page residue', () => {
    const extra = articles.flatMap((a) => falseStatements(a).map((s) => `${a.file}: ${s.text}`));
    expect(extra).toEqual([]);
    for (const row of rows) expect(row.falseStatements, row.language).toBe(0);
  });

  it('meets the targets on the second round of articles too', () => {
    const round2 = loadDevSet(ROUND2_DIR);
    const all = figures(round2);
    printFigures('round 2', all);
    expect(round2.length).toBeGreaterThanOrEqual(10);
    expect(all.at(-1)!.share).toBeGreaterThanOrEqual(0.9);
    expect(all.reduce((n, r) => n + (r.language === 'all' ? 0 : r.falseStatements), 0)).toBe(0);
    const wrong = wrongQuotes(round2);
    // "Görüşdən sonra açıqlama verən Türkiyə XİN rəhbəri … bildirib ki, …: "…"": the subject is a long description
    // at the sentence's start, which the extractor does not take as a speaker.
    expect(wrong).toEqual(['az-13-reyting.txt: Hazırda Cənubi Qafqazdakı']);
  });

  it('meets the targets on the third round (30 articles, measured at 0.523 and 2 false statements before its rules)', () => {
    const round3 = loadDevSet(ROUND3_DIR);
    const all = figures(round3);
    printFigures('round 3', all);
    expect(round3.length).toBeGreaterThanOrEqual(15);
    for (const language of ['ru', 'fr', 'tr', 'az', 'hy'])
      expect(round3.filter((a) => a.meta.language === language).length).toBeGreaterThanOrEqual(2);
    expect(all.at(-1)!.share).toBeGreaterThanOrEqual(0.9);
    expect(round3.flatMap((a) => falseStatements(a).map((s) => `${a.file}: ${s.text}`))).toEqual([]);
    const wrong = wrongQuotes(round3);
    expect(wrong).toEqual([
      // "…,” statement continues.": the State Department readout speaks, the extractor takes the Blinken it names.
      'en-21-yelaket.txt: Secretary Blinken conveyed',
      // "», communique le ministère des Affaires étrangères arménien, déclaration reprise …": not read yet.
      'fr-26-courrier-merlet.txt: Les parties sont convenues',
      // "le Secrétaire félicitant … pour « … » et soulignant « … »": present participles of a title, not read.
      'fr-26-courrier-merlet.txt: les progrès accomplis',
      'fr-26-courrier-merlet.txt: la stabilité et la prospérité accrues',
    ]);
  });
});

/**
 * Reported speech ("X said that …", "По словам X", "X bildirib ki", "Об этом заявил X"), labelled by hand in every
 * round's sidecars. Its rules were written on round 3; rounds 1 and 2 were labelled before they were run on them.
 * Precision first: a reported statement that is wrong is worse than one missed.
 */
describe('reported speech', () => {
  const rounds: Array<[string, string]> = [
    ['round 1', ARTICLES_DIR],
    ['round 2', ROUND2_DIR],
    ['round 3', ROUND3_DIR],
  ];

  it.each(rounds)('%s: no reported statement with a wrong speaker or on words nobody reported', (round, dir) => {
    const articles = loadDevSet(dir);
    const rows = reportedFigures(articles);
    console.log(
      [
        `${round} reported\tgold\tmade\tright\tprecision\trecall`,
        ...rows.map((r) => [r.language, r.gold, r.made, r.right, r.precision.toFixed(3), r.recall.toFixed(3)].join('\t')),
      ].join('\n'),
    );
    expect(articles.every((a) => a.meta.reported !== undefined)).toBe(true);
    expect(articles.flatMap((a) => wrongReported(a).map((s) => `${a.file}: ${s.speaker.name}: ${s.text}`))).toEqual([]);
    for (const row of rows) expect(row.precision, row.language).toBeGreaterThanOrEqual(0.95);
  });

  it.each(rounds)('%s: finds most labelled reported statements with their speaker', (_, dir) => {
    const all = reportedFigures(loadDevSet(dir)).at(-1)!;
    expect(all.gold).toBeGreaterThanOrEqual(15);
    expect(all.recall).toBeGreaterThanOrEqual(0.6);
  });
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvCell, exportQuoteCheck } from '../../lib/search/export';
import { guessLanguage, isNegation, isStopWord } from '../../lib/search/language';
import { checkQuote, quoteCandidates, type QuoteCheckResult } from '../../lib/search/quote-check';
import { foldPattern } from '../../lib/match/fold';
import { ROOT, seedBuild } from './seed-data';

let index: ReturnType<typeof quoteCandidates> | null = null;
const check = (q: string) => checkQuote(seedBuild().kb, q, (index ??= quoteCandidates(seedBuild().kb)));
const edits = (r: QuoteCheckResult, k = 0) => r.matches[k]!.diff.filter((d) => d.op !== 'equal');
const FORMATS = ['text', 'markdown', 'csv', 'json'] as const;

describe('quote check (issue 13, defects 1–7)', () => {
  it('1: a dropped negation across two quoted fragments is close, with the cut shown', () => {
    const r = check('the outstanding issues swept under the rug');
    expect(r.verdict).toBe('close');
    expect(r.matches[0]!.speaker!.id).toBe('leyla-abdullayeva');
    expect(r.matches[0]!.negation).toBe(true);
    expect(edits(r)).toEqual([{ op: 'missing', source: 'she said, cannot be', negation: true, outside: true }]);
    for (const f of FORMATS) expect(exportQuoteCheck(r, f)).toContain('cannot be');
  });

  it('a compound written with an en dash is the same word as with a hyphen (either side)', () => {
    // The source has "Armenia-Azerbaijan" (hyphen-minus); a quote copied from another outlet often has an en dash.
    const r = check('I now encourage leaders to finalize an Armenia\u2013Azerbaijan peace agreement as quickly as possible');
    expect(r.verdict).toBe('exact');
    expect(r.matches[0]!.speaker!.id).toBe('charles-michel');
    expect(check('confidence\u2013building measures that will be taken in the near future').verdict).toBe('exact');
    expect(check('I now encourage leaders to finalize an Armenia Azerbaijan peace agreement as quickly as possible').verdict).toBe('exact');
  });

  it('1: words cut from the middle of a quote are never exact', () => {
    const r = check('Azerbaijan does really intend to conclude such a treaty');
    expect(r.verdict).toBe('close');
    expect(edits(r)).toEqual([{ op: 'missing', source: 'not', negation: true }]);
    // A negation just before the quoted span counts too: "cannot be | swept under the rug".
    expect(check('swept under the rug').verdict).not.toBe('exact');
  });

  it('1: knows negation in every press language', () => {
    const yes = [
      'not',
      'cannot',
      'never',
      'no',
      'without',
      'doesn’t',
      'не',
      'нет',
      'никогда',
      'без',
      'ne',
      'pas',
      'jamais',
      'sans',
      'aucun',
    ];
    const more = ['değil', 'asla', 'hiç', 'imzalamayacak', 'gelmiyor', 'deyil', 'heç', 'չեմ', 'ոչ', 'երբեք'];
    for (const w of [...yes, ...more]) expect(isNegation(foldPattern(w).replace(/’/g, "'")), w).toBe(true);
    for (const w of ['now', 'note', 'снова', 'pasteur', 'değer', 'չափ', 'government', 'summit', 'Armenia'])
      expect(isNegation(foldPattern(w)), w).toBe(false);
  });

  it('2: reported speech matches a report of what she said, not her words, in every export', () => {
    const r = check('the two sides agreed on nearly 80 percent of the points in a draft peace treaty');
    expect(r.verdict).toBe('reported');
    expect(r.matches[0]).toMatchObject({ statementKind: 'reported', speaker: { id: 'leyla-abdullayeva' } });
    expect(exportQuoteCheck(r, 'text')).toMatch(/^Matches a report of what Leyla Abdullayeva said \(not their own words\)/);
    for (const f of FORMATS) expect(exportQuoteCheck(r, f)).toMatch(/reported/);
    const direct = check('We discussed the importance of avoiding further violence');
    expect(direct.verdict).toBe('exact');
    for (const f of FORMATS) expect(exportQuoteCheck(direct, f)).toMatch(/direct quote|"statementKind": "direct"/);
  });

  it('3: a changed word and a cut clause show in one match, in the UI data and every export', () => {
    const r = check(
      'the biggest obstacle to signing a final peace agreement is the continuation of territorial claims against Azerbaijan in the Constitution of Armenia',
    );
    expect(r.matches).toHaveLength(1);
    expect(r.matches[0]!.speaker!.id).toBe('jeyhun-bayramov');
    expect(edits(r)).toEqual([
      { op: 'replace', checked: 'biggest', source: 'most' },
      { op: 'missing', source: 'serious' },
      { op: 'missing', source: 'a number of legal and political documents of this country, especially in' },
    ]);
    const csv = exportQuoteCheck(r, 'csv').split('\n')[1]!;
    expect(csv).toContain('your words “biggest” → the source’s “most”');
    expect(csv).toContain('cut from your text: “a number of legal');
    for (const f of FORMATS) expect(exportQuoteCheck(r, f)).toContain('a number of legal and political documents');
  });

  it('3: partial results show their differences and what no source holds', () => {
    const r = check('the most serious obstacle to concluding the peace process');
    expect(r.verdict).toBe('partial');
    expect(r.unmatched).toEqual(['concluding the peace process']);
    expect(exportQuoteCheck(r, 'csv')).toContain('concluding the peace process');
    expect(exportQuoteCheck(r, 'text')).toContain('not found in any source: “concluding the peace process”');
  });

  it('4: stock phrases of the corpus name no speaker', () => {
    expect(check('Armenia and Azerbaijan should finally reach agreement on peace in the region soon').verdict).toBe('none');
    expect(check('There are no territorial claims against Azerbaijan in our constitution—neither legally nor officially').verdict).toBe(
      'none',
    );
    expect(check('Diplomacy is the only way to peace in the South Caucasus.').verdict).toBe('none');
    expect(check('it is manifestly in the interests of both Azerbaijan and Armenia, as well as the broader region').verdict).toBe('none');
    // Distinctive words still count.
    expect(check('the most serious obstacle to concluding the peace process').matches[0]!.speaker!.id).toBe('jeyhun-bayramov');
  });

  it('5: a statement beats the narration that quotes it; the narration is its context', () => {
    const r = check(
      'I have asked my Senior Director for Europe at the National Security Council, Michael Carpenter, to brief you on some of the steps we would be willing to take and also to get your feedback on discussions with Armenia.',
    );
    const biden = r.matches.find((m) => m.id === '000-p7-s1');
    expect(biden).toMatchObject({ kind: 'statement', speaker: { id: 'joe-biden' }, context: { passage: '000-p7' } });
    const narration = r.matches.find((m) => m.kind === 'passage');
    if (narration) expect(narration.covers[1]).toBeLessThanOrEqual(biden!.covers[0]);
  });

  it('6: the source’s exact characters and full provenance (URL, author) in every export', () => {
    const r = check('Today’s progress is a key milestone. I now urge leaders to finalize an Armenia-Azerbaijan peace agreement');
    expect(r.matches[0]!.sourceText).toBe(
      'Today’s progress is a key milestone. I now encourage leaders to finalize an Armenia-Azerbaijan peace agreement',
    );
    const url = r.matches[0]!.source.url!;
    for (const f of FORMATS) expect(exportQuoteCheck(r, f)).toContain(url);
    const niazi = check('the Armenian government is closely monitoring opposition movements in Armenia and abroad');
    expect(niazi.matches[0]!.source.author).toBe('Omer Niazi');
    for (const f of FORMATS) expect(exportQuoteCheck(niazi, f)).toContain('Omer Niazi');
  });

  it('7: a text in another language gets a note that the check compares wording, not meaning', () => {
    const fr = check(
      'J’encourage maintenant les dirigeants à finaliser l’accord de paix entre l’Arménie et l’Azerbaïdjan dès que possible',
    );
    expect(fr).toMatchObject({ verdict: 'none', language: 'fr' });
    expect(exportQuoteCheck(fr, 'text')).toContain('compares wording, not meaning');
    expect(check('Сегодняшний прогресс является ключевым шагом к миру').language).toBe('ru');
    expect(check('the most serious obstacle to signing').language).toBeUndefined();
    expect(guessLanguage('Ermenistan ile barış anlaşması için bir adım')).toBe('tr');
    expect(guessLanguage('Հայաստանը և Ադրբեջանը խաղաղության պայմանագիր')).toBe('hy');
  });
});

describe('CSV cells (issue 13, defect 15)', () => {
  it('quotes CR, LF, quotes and commas', () => {
    expect(csvCell('a\rb')).toBe('"a\rb"');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('keeps a spreadsheet from running a cell as a formula', () => {
    for (const s of ['=HYPERLINK("x")', '+1', '-1+2', '@SUM(A1)', '\t=1', '\r=1']) expect(csvCell(s).replace(/^"/, '')).toMatch(/^'/);
    const r = check('=cmd|"/c calc"!A1 the most serious obstacle to signing a final peace agreement');
    expect(exportQuoteCheck(r, 'csv').split('\n')[1]).toMatch(/^partial,[^,]*,"'=cmd/);
  });
});

describe('stop words', () => {
  it('drops function words of every supported language', () => {
    for (const w of ['the', 'their', 'что', 'les', 'için', 'üçün', 'և']) expect(isStopWord(foldPattern(w)), w).toBe(true);
    expect(isStopWord('constitution')).toBe(false);
  });
});

interface HeldOut {
  id: string;
  type: 'later' | 'misquote';
  url?: string;
  text: string;
  expect: QuoteCheckResult['verdict'];
  speakers?: string[];
  cut?: string;
}

describe('held-out quote set (tests/fixtures/quotes/held-out.json)', () => {
  const { cases } = JSON.parse(readFileSync(resolve(ROOT, 'tests/fixtures/quotes/held-out.json'), 'utf8')) as { cases: HeldOut[] };
  it('has at least 30 cases, every later statement with its page', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    for (const c of cases.filter((x) => x.type === 'later')) expect(c.url).toMatch(/^https?:\/\//);
  });
  for (const c of cases) {
    it(`${c.id}: ${c.expect}${c.speakers ? ` (${c.speakers.join(' + ')})` : ''}`, () => {
      const r = check(c.text);
      expect(r.verdict).toBe(c.expect);
      if (c.speakers) expect(r.matches.map((m) => m.speaker?.id)).toEqual(c.speakers);
      if (c.cut) expect(r.matches.flatMap((m) => m.diff.filter((d) => d.op === 'missing').map((d) => d.source)).join(' ')).toContain(c.cut);
    });
  }
});

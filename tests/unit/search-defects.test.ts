import { describe, expect, it } from 'vitest';
import { emptyRangeNote, parseQueryDates, rangeProblem } from '../../lib/search/dates';
import { corpusInfo, loadSearchIndex, search, speakerChoices, type SearchFilters } from '../../lib/search/query';
import { seedBuild } from './seed-data';

let index: ReturnType<typeof loadSearchIndex> | null = null;
const query = (q: string, f: SearchFilters = {}) => {
  const { kb, searchIndex } = seedBuild();
  return search((index ??= loadSearchIndex(JSON.parse(JSON.stringify(searchIndex)))), kb, q, f);
};
const passageKind = (id: string) => {
  const ref = id.replace(/^passage:/, '');
  return seedBuild()
    .kb.docs.flatMap((d) => d.passages)
    .find((p) => p.id === ref)?.kind;
};

describe('search (issue 13, defects 8–12)', () => {
  it('8: reads a month, a day or a year in the query as a date filter', () => {
    expect(parseQueryDates('December 2023')).toEqual({ text: '', from: '2023-12-01', to: '2023-12-31', dateText: 'December 2023' });
    expect(parseQueryDates('Bayramov on 22 October 2024')).toMatchObject({ text: 'Bayramov', from: '2024-10-22', to: '2024-10-22' });
    expect(parseQueryDates('talks in 2024')).toMatchObject({ text: 'talks', from: '2024-01-01', to: '2024-12-31' });
    expect(parseQueryDates('декабря 2023')).toMatchObject({ from: '2023-12-01', to: '2023-12-31' });
    expect(parseQueryDates('COP29 Baku')).toEqual({ text: 'COP29 Baku' });
    const december = query('December 2023');
    expect(december.some((h) => h.citation?.passage.startsWith('002-'))).toBe(true);
    for (const h of december) expect(h.date! >= '2023-12-01' && h.date! <= '2023-12-31', h.id).toBe(true);
    const year = query('2024');
    expect(year.length).toBeGreaterThan(0);
    for (const h of year) expect(h.date?.startsWith('2024'), h.id).toBe(true);
    // A year that leaves nothing was a word of the query: "1991 Alma-Ata" still finds the declaration.
    expect(query('1991 Alma-Ata')[0]!.id).toBe('entity:alma-ata-declaration');
  });

  it('8: applies a date range to everything that has a date, and says what an empty or inverted range means', () => {
    expect(query('', { from: '2024-01-01', to: '2024-06-30' })).toEqual([]);
    for (const h of query('Armenia', { from: '2024-09-01' })) expect(h.type !== 'entity' && h.date! >= '2024-09-01', h.id).toBe(true);
    expect(() => query('', { from: '2024-06-30', to: '2024-01-01' })).toThrow(
      /^Backstory: the date range is inverted: From 30 June 2024 is after To 1 January 2024\.$/,
    );
    expect(rangeProblem('2024-02-30')).toMatch(/not a date/);
    const note = emptyRangeNote(corpusInfo(seedBuild().kb).dates, '2024-01-01', '2024-06-30');
    expect(note).toMatch(/^Nothing in the corpus is dated from 1 January 2024 to 30 June 2024/);
    expect(note).toMatch(/dated 27 September 2022 to 16 November 2024\.$/);
  });

  it('9: a question ranks that speaker’s statement on that topic first, and function words are not matched', () => {
    const hits = query('what did Bayramov say about the constitution');
    expect(hits[0]).toMatchObject({ type: 'statement', speaker: { id: 'jeyhun-bayramov' } });
    expect(hits[0]!.text).toMatch(/Constitution/);
    for (const h of hits) for (const t of ['the', 'their', 'what', 'did', 'about']) expect(h.terms, h.id).not.toContain(t);
    expect(query('что сказал Bayramov')[0]).toMatchObject({ speaker: { id: 'jeyhun-bayramov' } });
  });

  it('10: substance outranks a bare heading, and the EU mission on this border comes first', () => {
    for (const q of ['border delimitation', 'demarcation']) {
      const first = query(q)[0]!;
      if (first.type === 'passage') expect(passageKind(first.id), q).toBe('paragraph');
    }
    expect(query('EU monitoring mission')[0]!.id).toBe('entity:eu-temporary-mission-2022');
    expect(query('EU Monitoring Mission in Georgia')[0]!.id).toBe('entity:eumm-georgia');
  });

  it('12: the speaker filter lists speakers only, unnamed ones included, and filters by them', () => {
    const choices = speakerChoices(seedBuild().kb);
    const ids = choices.map((c) => c.id);
    for (const notSpeaker of ['baku', 'yerevan', 'ceasefire-2020', '~Brussels', '~joint statement', '~U.S. National Security Strategy'])
      expect(ids).not.toContain(notSpeaker);
    for (const speaker of ['jeyhun-bayramov', 'european-union', '~Some Western diplomats', '~A.A.']) expect(ids).toContain(speaker);
    const hits = query('', { speaker: '~Some Western diplomats' });
    expect(hits.map((h) => h.title)).toEqual(['Some Western diplomats']);
  });
});

import { describe, expect, it } from 'vitest';
import { exportHits, exportQuoteCheck } from '../../lib/search/export';
import { corpusInfo, loadSearchIndex, search } from '../../lib/search/query';
import { checkQuote } from '../../lib/search/quote-check';
import { seedBuild } from './seed-data';

const index = () => loadSearchIndex(JSON.parse(JSON.stringify(seedBuild().searchIndex)));
const run = (q: string, f = {}) => search(index(), seedBuild().kb, q, f);

describe('search filters', () => {
  it('filters by speaker, kind, source, entity and date', () => {
    const bySpeaker = run('', { speaker: 'hakob-badalyan' });
    expect(bySpeaker.length).toBe(3);
    expect(bySpeaker.every((h) => h.speaker?.id === 'hakob-badalyan')).toBe(true);
    expect(run('', { speaker: 'hakob-badalyan', kind: 'reported' }).map((h) => h.kind)).toEqual(['reported']);
    expect(run('peace', { doc: '004' }).every((h) => h.type === 'entity' || h.citation?.passage.startsWith('004-'))).toBe(true);
    const about = run('', { entity: 'zangezur-corridor', types: ['passage'] });
    expect(about.length).toBe(seedBuild().kb.entities.find((e) => e.id === 'zangezur-corridor')!.mentions.length);
    const in2022 = run('Blinken', { from: '2022-01-01', to: '2022-12-31', types: ['statement', 'passage'] });
    expect(in2022.length).toBeGreaterThan(0);
    expect(in2022.every((h) => h.date! >= '2022-01-01' && h.date! <= '2022-12-31')).toBe(true);
  });

  it('lists nothing for an empty query without filters', () => {
    expect(run('')).toEqual([]);
  });

  it('describes what the corpus covers', () => {
    const info = corpusInfo(seedBuild().kb);
    expect([info.from, info.to]).toEqual(['2022-12-12', '2024-11-16']);
    expect(info.speakers.some((s) => s.id === 'jeyhun-bayramov')).toBe(true);
  });
});

describe('export', () => {
  const hits = () => run('Bayramov obstacle').slice(0, 2);

  it('copies results as plain text and Markdown with full citations', () => {
    const text = exportHits(hits(), 'text');
    expect(text).toMatch(
      /^“the most serious obstacle.*” — Jeyhun Bayramov, Azerbaijani Foreign Minister, 22 October 2024\n {2}OC Media, “Biden calls on Aliyev to finalise peace agreement before 2025”, 22 October 2024, https:\/\/oc-media\.org\/\S+ \[passage 000-p12\]/,
    );
    expect(exportHits(hits(), 'markdown')).toContain('Source: [OC Media](https://oc-media.org/');
  });

  it('copies results as CSV (quoted where needed) and JSON', () => {
    const csv = exportHits(hits(), 'csv').split('\n');
    expect(csv[0]).toBe('type,speaker,role,kind,date,text,publisher,title,source_date,url,passage,author');
    expect(csv[1]).toMatch(
      /^statement,Jeyhun Bayramov,Azerbaijani Foreign Minister,direct,2024-10-22,"the most serious obstacle.*",OC Media,/,
    );
    const json = JSON.parse(exportHits(hits(), 'json'));
    expect(json[0].citation).toMatchObject({ publisher: 'OC Media', passage: '000-p12', date: '2024-10-22' });
  });

  it('copies a quote check with verdict and differences', () => {
    const r = checkQuote(
      seedBuild().kb,
      'the most serious obstacle to signing a final peace deal is the continuation of territorial demands',
    );
    expect(exportQuoteCheck(r, 'text')).toContain('differences: your words “deal” → the source’s “agreement”');
    expect(exportQuoteCheck(r, 'markdown')).toMatch(/^\*\*Close — wording differs\*\*/);
    expect(exportQuoteCheck(r, 'csv').split('\n')[1]).toMatch(
      /^close,.*“deal” → the source’s “agreement”; your words “demands” → the source’s “claims”/,
    );
    expect(JSON.parse(exportQuoteCheck(r, 'json')).verdict).toBe('close');
  });
});

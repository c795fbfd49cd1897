import { beforeAll, describe, expect, it } from 'vitest';
import { findStatedDate } from '../../lib/statements/dates';
import { findQuotes } from '../../lib/statements/quotes';
import type { Statement } from '../../lib/statements/types';
import { seedBuild } from './seed-data';

// Building the seeds (and the articles) takes seconds on a busy machine: do it once, outside any test's timeout.
beforeAll(() => void seedBuild(), 60_000);

const statements = () => seedBuild().kb.statements;
const direct = () => statements().filter((s) => s.kind === 'direct');
const find = (passage: string, opening: string) => statements().find((s) => s.passage === passage && s.text.startsWith(opening));

/**
 * Every direct quotation in the five seeds that has a speaker, read by hand:
 * passage, the quote's first words, and the speaker (entity id, or a pattern for the text's own words).
 */
const GOLD: Array<[string, string, string | RegExp]> = [
  ['000-p4', 'I want to assure you', 'joe-biden'],
  ['000-p5', 'unique opportunity', 'joe-biden'],
  ['000-p6', 'A peace agreement would not only', 'joe-biden'],
  ['000-p7', 'some of the steps', 'joe-biden'],
  ['000-p12', 'the most serious obstacle', 'jeyhun-bayramov'],
  ['000-p13', 'reunify the Armenian SSR', /declaration of independence/i],
  ['000-p15', 'in the shortest possible period', /parties/i],
  ['000-p16', 'encouraged continued progress', 'us-state-department'],
  ['001-p9', 'Armenia has shown multiple times', 'hasmik-tolmajyan'],
  ['001-p12', 'using the well-known diplomatic principle', 'togroul-djuvarli'],
  ['001-p14', 'But the outstanding issues', 'leyla-abdullayeva'],
  ['001-p19', 'should come with responsibilities', 'ben-cardin'],
  ['001-p21', 'It’s unlikely a peace agreement', 'hakob-badalyan'],
  ['001-p22', 'Azerbaijan does not really intend', 'hakob-badalyan'],
  ['002-p3', 'major step forward', /Brussels/],
  ['002-p5', 'concrete measures aimed', /joint statement/],
  ['002-p5', 'their intention to normalize', /joint statement/],
  ['002-p6', 'will continue to discuss', /joint statement/],
  ['002-p8', 'an unprecedented opening', 'charles-michel'],
  ['002-p8', 'Today’s progress is a key milestone', 'charles-michel'],
  ['003-p9', 'closely monitoring opposition', /^A\.A\./],
  ['003-p22', 'Baku’s strong alliance', /^F\.M\./],
  ['004-p7', 'monitoring, analyzing', 'european-union'],
  ['004-p10', 'will back diplomatic efforts', /National Security Strategy/],
  ['004-p11', 'We discussed the importance', 'jake-sullivan'],
  ['004-p12', 'What we are seeing now', 'antony-blinken'],
  ['004-p12', 'We firmly believe', 'philip-reeker'],
  ['004-p16', 'a number of important strategic', /Azerbaijani army/],
  ['004-p16', 'advanced 7.5 kilometers', /Armenian forces/],
  ['004-p20', 'will facilitate dialogue', 'irakli-garibashvili'],
];

const speakerMatches = (s: Statement | undefined, want: string | RegExp) =>
  !!s && (typeof want === 'string' ? s.speaker.id === want : want.test(s.speaker.name));

describe('direct quotations', () => {
  it('extracts at least 95% of the hand-checked quotations with the right speaker', () => {
    const wrong = GOLD.filter(([p, opening, want]) => !speakerMatches(find(p, opening), want));
    const share = (GOLD.length - wrong.length) / GOLD.length;
    expect(wrong.map(([p, o]) => `${p} ${o} → ${find(p, o)?.speaker.name ?? 'missing'}`)).toEqual([]);
    expect(share).toBeGreaterThanOrEqual(0.95);
  });

  it('finds no direct quotation that is not in the hand-checked list', () => {
    const extra = direct().filter((s) => !GOLD.some(([p, o]) => s.passage === p && s.text.startsWith(o)));
    expect(extra.map((s) => `${s.passage}: ${s.text}`)).toEqual([]);
  });

  it('joins a quote split around "she said" into one statement', () => {
    const s = find('001-p14', 'But the outstanding issues')!;
    expect(s.text).toBe('But the outstanding issues … swept under the rug.');
    expect(statements().filter((x) => x.passage === '001-p14')).toHaveLength(1);
  });

  it('resolves pronouns to the person named earlier', () => {
    expect(find('000-p6', 'A peace agreement')!.confidence).toBeLessThan(0.95);
    expect(find('001-p19', 'should come with')!.speaker.id).toBe('ben-cardin');
  });

  it('resolves a speaker given only by a numbered note', () => {
    const s = find('003-p9', 'closely monitoring')!;
    expect(s.speaker.note).toBe(2);
    expect(s.speaker.role).toBe('Azerbaijani policy expert at a Baku-based think tank');
  });

  it('records the role the document gives the speaker', () => {
    expect(find('001-p9', 'Armenia has shown')!.speaker.role).toBe('the Armenian ambassador in Paris');
    expect(find('001-p12', 'using the')!.speaker.role).toBe('Azerbaijani analyst');
    expect(find('000-p12', 'the most serious')!.speaker.role).toMatch(/Foreign Minister/);
  });

  it('gives the document date and any date the text gives', () => {
    const bayramov = find('000-p12', 'the most serious')!;
    expect(bayramov.docDate).toBe('2024-10-22');
    expect(find('004-p11', 'We discussed')!).toMatchObject({ dateText: 'On September 27', statedOn: '2022-09-27' });
    expect(find('004-p12', 'We firmly believe')!.statedOn).toBe('2022-12-02');
  });
});

describe('not statements', () => {
  it('makes no statement from an apostrophe', () => {
    for (const s of statements()) {
      expect(s.text).not.toMatch(/^(s|Brien)\b/);
      expect(s.text.length).toBeGreaterThan(8);
    }
    expect(statements().some((s) => s.passage === '002-p14' && s.kind === 'direct')).toBe(false);
  });

  it('keeps one- and two-word scare quotes as quoted terms', () => {
    const terms = seedBuild().kb.terms;
    for (const t of ['steps', 'steady progress', 'territorial claims', 'biased', 'positively', 'hijack', 'breakthrough']) {
      expect(
        terms.some((x) => x.text === t && x.reason === 'scare-quote'),
        t,
      ).toBe(true);
      expect(
        direct().some((s) => s.text === t),
        t,
      ).toBe(false);
    }
  });

  it('keeps headings, titles and names as quoted terms, not statements', () => {
    const terms = seedBuild().kb.terms;
    expect(terms.find((t) => t.text === 'Build Confidence')!.reason).toBe('heading');
    expect(terms.find((t) => t.passage === '002-p1')!.reason).toBe('heading');
    expect(terms.find((t) => t.text === 'the Zangezur Corridor')!.reason).toBe('name');
  });

  it('pairs quote marks without touching apostrophes', () => {
    const text =
      'citing a "biased" position after comments by James O. \'Brien. James O\'Brien and Armenia’s ‘claims’ and stakeholders’ interests';
    const spans = findQuotes(text).map((q) => text.slice(q.open + 1, q.close));
    expect(spans).toEqual(['biased', 'claims']);
  });
});

describe('reported speech', () => {
  it('finds reported statements with their speakers', () => {
    const reported = statements().filter((s) => s.kind === 'reported');
    expect(reported.length).toBeGreaterThanOrEqual(12);
    const expectReported = (passage: string, opening: string, speaker: string | RegExp) => {
      const s = reported.find((r) => r.passage === passage && r.text.startsWith(opening));
      expect(speakerMatches(s, speaker), `${passage} ${opening} → ${s?.speaker.name}`).toBe(true);
    };
    expectReported('000-p10', 'Armenia’s ‘territorial claims’', 'ilham-aliyev');
    expectReported('000-p13', 'Armenia’s constitution contains', 'azerbaijan');
    expectReported('001-p13', 'the two sides agreed', 'leyla-abdullayeva');
    expectReported('001-p17', 'constitutional change', /Western diplomats/);
    expectReported('004-p21', 'the third package', 'jeyhun-bayramov');
    expectReported('004-p17', 'this means that the road', 'baku');
    expectReported('004-p17', "it's only obligated", 'yerevan');
    expectReported('002-p12', 'one of its soldiers', 'armenia');
  });

  it('does not attribute passive announcements', () => {
    expect(statements().some((s) => s.passage === '002-p14' && s.text.startsWith('James'))).toBe(false);
  });
});

describe('dates', () => {
  it('resolves day-month, month-day and weekday forms against the document date', () => {
    expect(findStatedDate('Previously, on 18 October, they met', '2024-10-22')).toEqual({
      dateText: 'on 18 October',
      statedOn: '2024-10-18',
    });
    expect(findStatedDate('On September 27, he hosted', '2022-12-12')!.statedOn).toBe('2022-09-27');
    expect(findStatedDate('Armenia claimed on Monday that', '2023-12-07')!.statedOn).toBe('2023-12-04');
    expect(findStatedDate('on 20 December they met', '2024-03-01')!.statedOn).toBe('2023-12-20');
    expect(findStatedDate('no date here', '2024-03-01')).toBeNull();
  });
});

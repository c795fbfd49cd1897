import { beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../lib/kb/citation';
import { statementDateLabel } from '../../lib/statements/dates';
import type { Statement } from '../../lib/statements/types';
import { loadDevSet } from './dev-set';
import { seedBuild } from './seed-data';

// Building the seeds (and the articles) takes seconds on a busy machine: do it once, outside any test's timeout.
beforeAll(() => void seedBuild(), 60_000);

const kb = () => seedBuild().kb;
const find = (passage: string, opening: string) => kb().statements.find((s) => s.passage === passage && s.text.startsWith(opening));
const kindOf = (id: string | undefined) => (id ? kb().entities.find((e) => e.id === id)?.kind : undefined);

/** Words a role cannot end with, in the sources' languages: articles, prepositions, conjunctions. */
const FUNCTION_WORDS = new Set(
  'the a an and or but of in on at to for with by since from as that which who than и в на с по для de du des le la les et à en au ve ile və ilə և'.split(
    ' ',
  ),
);
const CLAUSE_VERBS = /\b(met|said|says|has|have|had|is|was|were|agreed|signed|told)\b/;
const NON_PERSON = new Set(['document', 'agreement', 'country', 'place', 'route', 'event', 'organisation']);

/** Every problem with a statement's role: the issue 12 rule, written out here independently of the extractor. */
function roleProblems(statements: Statement[]): string[] {
  return statements.flatMap((s) => {
    const role = s.speaker.role;
    if (!role) return [];
    const where = `${s.id} ${s.speaker.name} — "${role}"`;
    const problems: string[] = [];
    if (NON_PERSON.has(kindOf(s.speaker.id) ?? '')) problems.push(`${where}: a ${kindOf(s.speaker.id)} has no role`);
    if (FUNCTION_WORDS.has(role.trim().split(/\s+/).at(-1)!.toLowerCase())) problems.push(`${where}: ends in a function word`);
    if (CLAUSE_VERBS.test(role) || /[—–]/.test(role)) problems.push(`${where}: words from another clause`);
    return problems;
  });
}

describe('roles (issue 12 defect 1)', () => {
  it('gives the ceasefire statement, Baku and the European Union in 004-p17 no role', () => {
    for (const s of kb().statements.filter((x) => x.passage === '004-p17')) expect(s.speaker.role, s.speaker.name).toBeUndefined();
  });

  it('checks every role of every statement of the seeds and the development set against the rule', () => {
    expect(roleProblems(kb().statements)).toEqual([]);
    expect(roleProblems(loadDevSet().flatMap((a) => a.statements))).toEqual([]);
  });

  it('keeps the roles the text gives a person', () => {
    expect(find('001-p9', 'Armenia has shown')!.speaker.role).toBe('the Armenian ambassador in Paris');
    expect(find('004-p11', 'We discussed')!.speaker.role).toBe('U.S. National Security Adviser');
  });
});

describe('dates (issue 12 defect 2)', () => {
  it('dates Biden’s letter, delivered "on Monday" before Tuesday 22 October 2024, to 21 October', () => {
    for (const opening of ['I want to assure you', 'A peace agreement would not only']) {
      expect(find(opening.startsWith('I') ? '000-p4' : '000-p6', opening)).toMatchObject({
        statedOn: '2024-10-21',
        dateSource: 'stated',
      });
    }
  });

  it('gives the 1990 declaration of independence its own date, not the article’s', () => {
    const s = find('000-p13', 'reunify the Armenian SSR')!;
    expect(s.speaker.id).toBe('declaration-of-independence-1990');
    expect(s).toMatchObject({ statedOn: '1990', dateSource: 'stated' });
  });

  it('dates the September 2022 claims to September 2022, not to the article of 12 December 2022', () => {
    expect(find('004-p16', 'a number of important strategic')!.statedOn).toBe('2022-09');
  });

  it('says when the date is the publication date', () => {
    const s = find('000-p12', 'the most serious obstacle')!;
    expect(s).toMatchObject({ dateSource: 'published', docDate: '2024-10-22' });
    expect(s.statedOn).toBeUndefined();
    expect(statementDateLabel(s)).toBe('published 22 Oct 2024');
    expect(statementDateLabel({ dateSource: 'stated', statedOn: '2024-10-21', docDate: '2024-10-22' })).toBe('21 Oct 2024');
    // A document's year or a month (the declaration of 1990, "The September skirmishes") reads as such everywhere.
    expect(statementDateLabel({ dateSource: 'stated', statedOn: '1990', docDate: '2024-10-22' })).toBe('1990');
    expect(formatDate('2022-09')).toBe('September 2022');
    expect(formatDate('1990')).toBe('1990');
  });

  it('does not date a statement by the day someone else acted on the speaker ("to Aliyev on Monday")', () => {
    expect(find('000-p10', 'Armenia’s ‘territorial claims’')!.dateSource).toBe('published');
  });
});

describe('"said about" (issue 12 defect 3)', () => {
  const about = (id: string) => kb().entities.find((e) => e.id === id)!.statementsAbout;
  it('does not list Carpenter’s statement on Aliyev’s card because Aliyev is named elsewhere in the passage', () => {
    const carpenter = find('000-p8', 'the US was firmly committed')!;
    expect(about('ilham-aliyev')).not.toContain(carpenter.id);
    expect(about('united-states')).toContain(carpenter.id);
  });

  it('never lists a statement as about its own speaker', () => {
    for (const e of kb().entities)
      for (const id of e.statementsAbout) expect(kb().statements.find((s) => s.id === id)!.speaker.id).not.toBe(e.id);
  });
});

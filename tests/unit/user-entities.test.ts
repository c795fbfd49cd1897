import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../lib/corpus/document';
import { compileUserMatcher, newEntityId, validateUserEntity, type UserEntityContext } from '../../lib/kb/user-entities';
import { errorField, UserEntityError } from '../../lib/kb/user-entity-error';
import type { UserEntity } from '../../lib/library/types';
import { CombinedMatcher, withUserTables } from '../../lib/content/user-matcher';
import { Matcher } from '../../lib/match/matcher';
import { ROOT, seedBuild } from './seed-data';

const built = seedBuild();
// A library document: the Azatutyun article of tests/fixtures/articles, as the library would store it.
const FILE = 'azatutyun-32971103.txt';
const article = buildDocument(
  readFileSync(resolve(ROOT, 'tests/fixtures/extract', FILE), 'utf8'),
  {
    file: FILE,
    title: 'Pashinian Downplays Differences On Armenia-Azerbaijan Peace Deal',
    publisher: 'Azatutyun',
    author: null,
    date: '2024-05-29',
    url: 'https://azatutyun.am/a/32971103.html',
    kind: 'news report',
  },
  FILE,
);
const passages = new Set([...built.kb.docs, article].flatMap((d) => d.passages.map((p) => p.id)));
const ctx = (extra: UserEntity[] = []): UserEntityContext => ({
  entities: [...built.kb.entities, ...extra],
  passageExists: (id) => passages.has(id),
});

/** A valid entity as the form sends it: the CIS, described from passage 2 of the library article. */
const cis = () => ({
  name: 'Commonwealth of Independent States',
  kind: 'organisation',
  description: {
    text: 'Grouping whose heads of state, Nikol Pashinian and Ilham Aliyev among them, visited the Catherine Palace in St. Petersburg on 26 December 2023.',
    cites: ['azatutyun-32971103-p2'],
  },
  aliases: [{ text: 'CIS', rule: 'caseSensitive' }],
});

/** The field and message of the error a call throws. */
function failure(run: () => unknown): { field: string; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UserEntityError);
    const e = error as UserEntityError;
    expect(errorField(e.message)).toBe(e.field);
    return { field: e.field, message: e.message };
  }
  throw new Error('expected the entity to be refused');
}

describe('validateUserEntity', () => {
  it('accepts an entity with the knowledge base schema and gives it an id of its own', () => {
    const entity = validateUserEntity(cis(), ctx());
    expect(entity.id).toBe('u-commonwealth-of-independent-states');
    expect(entity).toMatchObject({
      name: 'Commonwealth of Independent States',
      kind: 'organisation',
      description: { cites: ['azatutyun-32971103-p2'] },
      aliases: [{ text: 'CIS', rules: ['caseSensitive'] }],
      background: [],
      highlight: true,
    });
    // Nothing of the YAML file's line bookkeeping is stored.
    expect(JSON.stringify(entity)).not.toContain('"line"');
  });

  it('names the field of each problem, as the form shows it', () => {
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ ...cis(), name: undefined }, 'name', /missing "name"/],
      [{ ...cis(), name: '  ' }, 'name', /non-empty string/],
      [{ ...cis(), kind: 'celebrity' }, 'kind', /kind "celebrity" is not one of person, place/],
      [{ ...cis(), description: { text: 'Grouping.', cites: [] } }, 'description', /has no citation/],
      [
        { ...cis(), description: { text: 'Grouping.', cites: ['azatutyun-32971103-p99'] } },
        'description',
        /cites passage "azatutyun-32971103-p99", which is in no document/,
      ],
      [{ ...cis(), aliases: ['CIS', { text: 'Commonwealth', rule: 'sometimes' }] }, 'aliases[1]', /unknown rule "sometimes"/],
      [{ ...cis(), aliases: [''] }, 'aliases[0]', /alias must be a string/],
      [{ ...cis(), related: ['no-such-entity'] }, 'related[0]', /no other entity has the id "no-such-entity"/],
      [{ ...cis(), id: 'armenia' }, 'id', /start with "u-"/],
      [{ ...cis(), mentions: ['002-p4'] }, 'mentions', /unknown field/],
    ];
    for (const [input, field, message] of cases) {
      const got = failure(() => validateUserEntity(input, ctx()));
      expect(got.field, JSON.stringify(input)).toBe(field);
      expect(got.message).toMatch(/^Backstory: /);
      expect(got.message).toMatch(message);
    }
  });

  it('refuses an alias that folds like another entity’s unless both carry a rule', () => {
    // "Pashinian" is a bundled alias of Nikol Pashinyan with no rule: it can never be shared.
    const bare = failure(() => validateUserEntity({ ...cis(), aliases: ['CIS', 'PASHINIAN'] }, ctx()));
    expect(bare.field).toBe('aliases[1]');
    expect(bare.message).toMatch(/"PASHINIAN" is also a name of Nikol Pashinyan \(nikol-pashinyan\); give it a rule \(afterFullName, /);
    const ruledMine = failure(() => validateUserEntity({ ...cis(), aliases: [{ text: 'Pashinian', rule: 'afterFullName' }] }, ctx()));
    expect(ruledMine.message).toMatch(/Nikol Pashinyan's alias has no rule, so the two cannot be told apart; remove it/);
    // "Michel" is Charles Michel's with afterFullName: the user's needs a rule too, and then it is fine.
    expect(failure(() => validateUserEntity({ ...cis(), aliases: ['Michel'] }, ctx())).field).toBe('aliases[0]');
    const ruled = validateUserEntity({ ...cis(), aliases: [{ text: 'Michel', rule: 'afterFullName' }] }, ctx());
    expect(ruled.aliases[0]).toEqual({ text: 'Michel', rules: ['afterFullName'] });
  });

  it('checks collisions with the user’s other entities, but not with the stored version of the one being edited', () => {
    const saved = validateUserEntity(cis(), ctx());
    const again = failure(() =>
      validateUserEntity({ ...cis(), name: 'The Commonwealth', aliases: ['Commonwealth of Independent States'] }, ctx([saved])),
    );
    expect(again.message).toMatch(/is also a name of Commonwealth of Independent States \(u-commonwealth-of-independent-states\)/);
    const edited = validateUserEntity(
      { ...cis(), id: saved.id, aliases: [{ text: 'CIS', rule: 'caseSensitive' }, 'the Commonwealth'] },
      ctx([saved]),
    );
    expect(edited.id).toBe(saved.id);
    expect(edited.aliases.map((a) => a.text)).toEqual(['CIS', 'the Commonwealth']);
  });

  it('makes ids from the Latin letters of the name, numbered when taken', () => {
    expect(newEntityId('Catherine Palace', () => false)).toBe('u-catherine-palace');
    expect(newEntityId('Catherine Palace', (id) => id === 'u-catherine-palace')).toBe('u-catherine-palace-2');
    expect(newEntityId('Содружество', () => false)).toBe('u-entity');
  });
});

describe('compileUserMatcher', () => {
  it('is null without user entities, so pages do no extra work', () => {
    expect(compileUserMatcher([])).toBeNull();
  });

  it('matches user entities with the bundled folding and rules', () => {
    const entity = validateUserEntity(
      {
        ...cis(),
        aliases: [
          { text: 'CIS', rule: 'caseSensitive' },
          { text: 'Commonwealth', rule: 'afterFullName' },
        ],
      },
      ctx(),
    );
    const tables = compileUserMatcher([entity])!;
    expect(tables.entities).toEqual([{ id: entity.id, name: 'Commonwealth of Independent States', kind: 'organisation', highlight: true }]);
    const matcher = new Matcher(tables);
    const found = (text: string) => matcher.match(text).map((m) => text.slice(m.start, m.end));
    // Case and spaces are folded as for bundled names; the acronym keeps its case.
    expect(found('the commonwealth of  independent states summit')).toEqual(['commonwealth of  independent states']);
    expect(found('CIS heads of state; a cis-regulatory element')).toEqual(['CIS']);
    // The short form counts only after the full name, as for bundled surnames.
    expect(found('The Commonwealth met.')).toEqual([]);
    expect(found('The Commonwealth of Independent States met. The Commonwealth agreed.')).toEqual([
      'Commonwealth of Independent States',
      'Commonwealth',
    ]);
  });
});

describe('the content script’s two matchers', () => {
  const bundled = new Matcher(built.matcher);
  const user = (aliases: unknown[]) =>
    withUserTables(bundled, compileUserMatcher([validateUserEntity({ ...cis(), aliases }, ctx())])) as CombinedMatcher;
  const found = (m: CombinedMatcher, text: string) =>
    m.match(text, { seenFull: new Set() }).map((x) => `${x.entity}:${text.slice(x.start, x.end)}`);

  it('is the bundled matcher itself when the user has no entities', () => {
    expect(withUserTables(bundled, null)).toBe(bundled);
    expect(withUserTables(bundled, undefined)).toBe(bundled);
  });

  it('runs both, the longer mention winning and the bundled one on a tie', () => {
    const m = user(['CIS summit in Ashgabat', { text: 'Michel', rule: 'afterFullName' }]);
    expect(found(m, 'Ilham Aliyev went to the CIS summit in Ashgabat.')).toEqual([
      'ilham-aliyev:Ilham Aliyev',
      'u-commonwealth-of-independent-states:CIS summit in Ashgabat',
    ]);
    expect(found(m, 'Charles Michel spoke; Michel left.')).toEqual(['charles-michel:Charles Michel', 'charles-michel:Michel']);
    expect(m.tables.entities.map((e) => e.id)).toContain('u-commonwealth-of-independent-states');
  });

  it('shares one context, so onTopic sees the bundled entities of the page', () => {
    const m = user([{ text: 'heads of state', rule: 'onTopic' }]);
    expect(found(m, 'The heads of state met in Armenia.')).toEqual([
      'u-commonwealth-of-independent-states:heads of state',
      'armenia:Armenia',
    ]);
    expect(found(m, 'The heads of state met in Oslo.')).toEqual([]);
  });
});

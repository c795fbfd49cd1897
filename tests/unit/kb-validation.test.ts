import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAll } from '../../lib/build/kb';
import { ROOT } from './seed-data';

const fixture = (name: string) => resolve(ROOT, 'tests/fixtures/kb', name);
const build = (name: string) => buildAll(fixture(name), ROOT);

describe('corpus build validation', () => {
  it('builds the valid fixture: passages, mentions, a statement', () => {
    const { kb, matcher } = build('valid');
    expect(kb.docs[0]!.passages.map((p) => p.id)).toEqual(['001-p1', '001-p2']);
    expect(kb.statements).toHaveLength(1);
    expect(kb.statements[0]!.speaker.id).toBe('nikol-pashinyan');
    expect(kb.entities.find((e) => e.id === 'ilham-aliyev')!.mentions).toEqual(['001-p2']);
    expect(matcher.patterns.length).toBeGreaterThan(2);
  });

  it('fails when an entity cites a passage that does not exist, naming file and line', () => {
    expect(() => build('invalid-missing-passage')).toThrow(
      /^Backstory: tests\/fixtures\/kb\/invalid-missing-passage\/entities\.yaml:7: ilham-aliyev: cites passage "001-p9", which does not exist/,
    );
  });

  it('fails when a background sentence has no citation', () => {
    expect(() => build('invalid-no-citation')).toThrow(/entities\.yaml:21: nikol-pashinyan: background\[0\] has no citation/);
  });

  it('fails when an alias collides with another entity alias without a rule', () => {
    expect(() => build('invalid-alias-collision')).toThrow(
      /entities\.yaml:\d+: nikol-pashinyan: alias "aliyev" collides with an alias of ilham-aliyev/,
    );
  });

  it('fails when a seed file lacks provenance', () => {
    expect(() => build('invalid-no-provenance')).toThrow(
      /^Backstory: tests\/fixtures\/kb\/invalid-no-provenance\/002_unlisted\.txt: no provenance; add an entry with "file": "002_unlisted\.txt"/,
    );
  });

  it('reports YAML syntax errors with their line', () => {
    expect(() => build('invalid-yaml')).toThrow(/entities\.yaml:2\d: YAML syntax/);
  });

  it('rejects an unknown entity kind', () => {
    expect(() => build('invalid-kind')).toThrow(/entities\.yaml:4: ilham-aliyev: kind "celebrity" is not one of/);
  });

  it('builds the real seeds: every citation resolves and every entity has background', () => {
    const { kb } = buildAll(resolve(ROOT, 'seeds'), ROOT);
    const passages = new Set(kb.docs.flatMap((d) => d.passages.map((p) => p.id)));
    for (const e of kb.entities) {
      expect(e.background.length, e.id).toBeGreaterThanOrEqual(1);
      expect(e.background.length, e.id).toBeLessThanOrEqual(4);
      for (const c of [e.description, ...e.background, ...e.naming].flatMap((x) => x.cites))
        expect(passages.has(c), `${e.id} → ${c}`).toBe(true);
    }
  });
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAll } from '../../lib/build/kb';
import { roleProblem } from '../../lib/kb/roles';
import type { CitedText, Entity } from '../../lib/kb/types';
import { Matcher } from '../../lib/match/matcher';
import { ROOT, seedBuild } from './seed-data';

const kb = () => seedBuild().kb;
const passageText = () => new Map(kb().docs.flatMap((d) => d.passages.map((p) => [p.id, p.text] as const)));
/** Every cited text of an entity, with a label for messages. */
const items = (e: Pick<Entity, 'id' | 'description' | 'background' | 'naming'>): [string, CitedText][] => [
  [`${e.id} description`, e.description],
  ...e.background.map((b, i) => [`${e.id} background[${i}]`, b] as [string, CitedText]),
  ...e.naming.map((n, i) => [`${e.id} naming[${i}]`, n] as [string, CitedText]),
];

describe('roles in the knowledge base', () => {
  it('rejects fragments of other sentences and texts that name no position', () => {
    // The invented roles of issue 12, and Putin's old description.
    for (const bad of [
      'Azerbaijani and Armenian leaders since the',
      'Ambassador Reeker met with Aliyev in',
      'U.S. and',
      'Took part, with Aliyev and Pashinyan, in the trilateral meeting in Sochi on 31 October 2022.',
    ])
      expect(roleProblem(bad), bad).not.toBeNull();
    for (const good of ['President of Russia', 'Azerbaijani analyst quoted by AFP.', 'Secretary of the Security Council of Armenia.'])
      expect(roleProblem(good), good).toBeNull();
  });

  it("every person's description in the seeds is a role", () => {
    const people = kb().entities.filter((e) => e.kind === 'person');
    expect(people.length).toBeGreaterThan(20);
    for (const p of people) expect(roleProblem(p.description.text), `${p.id}: ${p.description.text}`).toBeNull();
    expect(kb().entities.find((e) => e.id === 'vladimir-putin')!.description.text).toMatch(/^Leader of Russia\.?$/);
  });

  it('the build refuses a role that is a sentence fragment, naming file and line', () => {
    expect(() => buildAll(resolve(ROOT, 'tests/fixtures/kb/invalid-role'), ROOT)).toThrow(
      /^Backstory: tests\/fixtures\/kb\/invalid-role\/entities\.yaml:18: nikol-pashinyan: description "Met Aliyev in" is a person's role, but the role ends in "in"/,
    );
  });
});

describe('knowledge-base texts against their sources', () => {
  it('every description has a citation to a passage that exists', () => {
    const texts = passageText();
    for (const e of kb().entities) {
      expect(e.description.cites.length, e.id).toBeGreaterThan(0);
      for (const c of e.description.cites) expect(texts.has(c), `${e.id} → ${c}`).toBe(true);
    }
  });

  it('keeps a phrase in quotation marks where the cited passage quotes it', () => {
    const texts = passageText();
    const quoted = /[‘“"]([^‘’“”"]{3,60})[’”"]/g;
    let checked = 0;
    for (const e of kb().entities) {
      for (const [label, item] of items(e)) {
        for (const cite of item.cites) {
          for (const [, phrase] of texts.get(cite)!.matchAll(quoted)) {
            const at = item.text.toLowerCase().indexOf(phrase!.toLowerCase());
            if (at < 0 || phrase!.split(/\s+/).length > 6) continue;
            checked++;
            expect(`${item.text[at - 1]}…${item.text[at + phrase!.length]}`, `${label}: "${phrase}" as in ${cite}`).toMatch(
              /^["“‘]…["”’]$/,
            );
          }
        }
      }
    }
    // "territorial claims" (Aliyev), "hijack" (Zakharova), "breakthrough" (Sochi), and more.
    expect(checked).toBeGreaterThan(4);
  });

  it('says "fled" where the cited passages say so, not "left"', () => {
    const texts = passageText();
    for (const e of kb().entities) {
      for (const [label, item] of items(e)) {
        const sources = item.cites.map((c) => texts.get(c)!);
        if (sources.some((t) => /\bfled\b/.test(t)) && !sources.some((t) => /\bleft for\b/.test(t)))
          expect(item.text, label).not.toMatch(/\bleft\b(?! \w+ dead)/);
      }
    }
  });

  it('names the source in naming notes and never speaks of "the seeds"', () => {
    const { documents } = JSON.parse(readFileSync(resolve(ROOT, 'seeds/sources.json'), 'utf8')) as {
      documents: { publisher: string; title: string }[];
    };
    // "AFP (as republished by …)" → "AFP"; "Middle East Institute (distributed by …)" → "Middle East Institute".
    const names = [...documents.map((d) => d.publisher.replace(/\s*\(.*$/, '').replace(/-based report$/, '')), 'dailynewsen.com'];
    for (const e of kb().entities) {
      for (const [label, item] of items(e)) expect(item.text, label).not.toMatch(/\bseeds?\b/i);
      for (const [i, n] of e.naming.entries())
        expect(
          names.some((name) => n.text.includes(name)),
          `${e.id} naming[${i}]`,
        ).toBe(true);
    }
  });

  it('describes Nagorno-Karabakh in the past tense, as its source does', () => {
    const nk = kb().entities.find((e) => e.id === 'nagorno-karabakh')!;
    expect(passageText().get('001-p3')).toContain('had an ethnic Armenian population');
    expect(nk.description.text).toContain('had an ethnic Armenian population');
    expect(nk.description.text).not.toMatch(/with an ethnic Armenian population/);
  });
});

describe('related but different things stay apart', () => {
  const mentioned = (text: string) => new Set(new Matcher(seedBuild().matcher).match(text).map((m) => m.entity));

  it('the EU Mission in Armenia (EUMA, from February 2023) is not the two-month mission of October 2022', () => {
    const temporary = kb().entities.find((e) => e.description.text.includes('two months'))!;
    expect(temporary.description.cites).toContain('004-p7');
    const found = mentioned(
      'The EU Mission in Armenia (EUMA) has patrolled the border since 20 February 2023. The European Union Mission in Armenia grew.',
    );
    expect(found.size).toBeGreaterThan(0);
    // Whatever is marked there must not carry the October 2022 mission's facts (004-p7: "up to 40", "two months").
    for (const id of found) {
      const e = kb().entities.find((x) => x.id === id)!;
      expect(/mission/i.test(e.name) && items(e).some(([, i]) => /up to 40|two months/.test(i.text)), id).toBe(false);
    }
  });

  it('another trilateral statement or the Prague summit is not taken for the 2020 ceasefire or the Prague meeting', () => {
    const found = mentioned('The trilateral statement of 11 January 2021 followed. Leaders then met at the Prague summit.');
    expect(found.has('ceasefire-2020')).toBe(false);
    expect(found.has('prague-meeting-2022')).toBe(false);
  });
});

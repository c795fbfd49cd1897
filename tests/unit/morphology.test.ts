import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../lib/kb/compile';
import { parseEntities } from '../../lib/kb/load';
import type { Alias, Entity } from '../../lib/kb/types';
import { acceptsSuffix } from '../../lib/match/grammar';
import { Matcher } from '../../lib/match/matcher';
import { inflectedForms } from '../../lib/match/stem';
import { spellingsOf } from '../../lib/match/translit';
import { seedBuild } from './seed-data';

/** A matcher over entities made up here: the grammar must work for names the knowledge base does not list. */
function tiny(entities: Array<{ id: string; name: string; aliases?: Alias[] }>): Matcher {
  const full: Entity[] = entities.map((e, i) => ({
    id: e.id,
    name: e.name,
    kind: 'place',
    description: { text: '', cites: [] },
    aliases: e.aliases ?? [],
    background: [],
    naming: [],
    related: [],
    highlight: true,
    line: i + 1,
  }));
  return new Matcher(compileMatcher(full, 'test.yaml'));
}
const spans = (m: Matcher, text: string) => m.match(text).map((x) => text.slice(x.start, x.end));
const seeds = () => new Matcher(seedBuild().matcher);
const found = (text: string) =>
  seeds()
    .match(text)
    .map((m) => [m.entity, text.slice(m.start, m.end)]);

describe('suffix grammars generalise to names nobody listed', () => {
  it('Russian: six cases, both numbers, and adjectives that agree', () => {
    const m = tiny([
      { id: 'x', name: 'Кобулети', aliases: [{ text: 'Гюмри', rules: [] }] },
      {
        id: 'y',
        name: 'Мегри',
        aliases: [
          { text: 'Гадрутский район', rules: [] },
          { text: 'Тавуш', rules: [] },
          { text: 'Лусине', rules: [] },
        ],
      },
      { id: 'z', name: 'Джавахетия', aliases: [{ text: 'Степанакерт', rules: [] }] },
    ]);
    expect(spans(m, 'в Гадрутском районе, из Гадрутского района, Гадрутскими районами')).toEqual([
      'Гадрутском районе',
      'Гадрутского района',
      'Гадрутскими районами',
    ]);
    expect(spans(m, 'Тавуша, Тавушу, Тавушем, Тавуше, Степанакертом, Джавахетии, Джавахетией')).toEqual([
      'Тавуша',
      'Тавушу',
      'Тавушем',
      'Тавуше',
      'Степанакертом',
      'Джавахетии',
      'Джавахетией',
    ]);
    // Indeclinable names stay as they are; derivations are other words.
    expect(spans(m, 'Кобулети Кобулетиа тавушский степанакертцы')).toEqual(['Кобулети']);
  });

  it('Turkish and Azerbaijani: suffix chains with and without an apostrophe, not derivations', () => {
    const m = tiny([
      {
        id: 'x',
        name: 'Gədəbəy',
        aliases: [
          { text: 'Tovuz', lang: 'az', rules: [] },
          { text: 'Kars kapısı', lang: 'tr', rules: [] },
        ],
      },
    ]);
    expect(spans(m, "Tovuzda, Tovuzdan, Tovuzun, Tovuza, Tovuz'un, Tovuzdakı, Kars kapısının, Kars kapısında")).toEqual([
      'Tovuzda',
      'Tovuzdan',
      'Tovuzun',
      'Tovuza',
      'Tovuz',
      'Tovuzdakı',
      'Kars kapısının',
      'Kars kapısında',
    ]);
    expect(spans(m, 'Tovuzlu Tovuzca Tovuzçu')).toEqual([]);
  });

  it('Armenian: case endings and articles, with the stem changes before a vowel', () => {
    const m = tiny([
      {
        id: 'x',
        name: 'Գյումրի',
        aliases: [
          { text: 'Վանաձոր', rules: [] },
          { text: 'Սևան', rules: [] },
        ],
      },
    ]);
    expect(spans(m, 'Վանաձորում Վանաձորից Վանաձորը Վանաձորի Սևանի Սևանն')).toEqual([
      'Վանաձորում',
      'Վանաձորից',
      'Վանաձորը',
      'Վանաձորի',
      'Սևանի',
      'Սևանն',
    ]);
    expect(spans(m, 'վանաձորցի վանաձորյան')).toEqual([]);
    expect(found('Բաքվում Բաքուն խաղաղության պայմանագրի')).toEqual([
      ['baku', 'Բաքվում'],
      ['baku', 'Բաքուն'],
      ['peace-agreement', 'խաղաղության պայմանագրի'],
    ]);
  });

  it('French: elision before a name and the plural of common nouns', () => {
    expect(found("l'Arménie, d’Azerbaïdjan, des accords de paix")).toEqual([
      ['armenia', 'Arménie'],
      ['azerbaijan', 'Azerbaïdjan'],
      ['peace-agreement', 'accords de paix'],
    ]);
  });

  it('stems the alias by its own ending and keeps the offsets exact', () => {
    expect(inflectedForms('Нагорный Карабах', undefined)).toEqual([
      {
        folded: 'нагорн карабах',
        slots: [
          [6, 'ru-adj'],
          [14, 'ru-noun'],
        ],
      },
    ]);
    const text = 'в Нагорном Карабахе.';
    const [m] = seeds().match(text);
    expect(text.slice(m!.start, m!.end)).toBe('Нагорном Карабахе');
    expect(acceptsSuffix('ru-noun', 'ом')).toBe(true);
    expect(acceptsSuffix('ru-noun', 'ский')).toBe(false);
    expect(acceptsSuffix('turkic', 'lı')).toBe(false);
  });

  it('finds the inflected forms the issue names', () => {
    expect(found('Пашиняна, Ереваном, второй карабахской войны, Paşinyan’ın, Bakıya, Փաշինյանի')).toEqual([
      ['nikol-pashinyan', 'Пашиняна'],
      ['yerevan', 'Ереваном'],
      ['second-karabakh-war', 'второй карабахской войны'],
      ['nikol-pashinyan', 'Paşinyan'],
      ['baku', 'Bakıya'],
      ['nikol-pashinyan', 'Փաշինյանի'],
    ]);
  });
});

describe('romanizations by rule', () => {
  it('derives the press spellings of an Armenian and an Azerbaijani name from one canonical spelling', () => {
    const hy = spellingsOf('Hakob Badalyan', 'hy').map((s) => s.text);
    expect(hy).toEqual(expect.arrayContaining(['Hakob Badalian', 'Hakob Badaljan', 'Хакоб Бадалян']));
    const az = spellingsOf('Jeyhun Bayramov', 'az').map((s) => s.text);
    expect(az).toEqual(expect.arrayContaining(['Ceyhun Bayramov', 'Dschejhun Bajramow', 'Джейхун Байрамов']));
    expect(spellingsOf('Ilham Aliyev', 'az').map((s) => s.text)).toEqual(
      expect.arrayContaining(['Ilham Aliev', 'Ilham Alijew', 'Ильхам Алиев']),
    );
  });

  it('matches them, inflected in their own language', () => {
    expect(found('Pachinian, Pasjinian, Paschinjan, Hakob Badalian, Armen Qriqoryan, Aliev, Alijew, Бадаляна')).toEqual([
      ['nikol-pashinyan', 'Pachinian'],
      ['nikol-pashinyan', 'Pasjinian'],
      ['nikol-pashinyan', 'Paschinjan'],
      ['hakob-badalyan', 'Hakob Badalian'],
      ['armen-grigoryan', 'Armen Qriqoryan'],
      ['ilham-aliyev', 'Aliev'],
      ['ilham-aliyev', 'Alijew'],
      ['hakob-badalyan', 'Бадаляна'],
    ]);
  });

  it('makes no common word match', () => {
    const common =
      'The banks and the bakery: a bakir, a pasha, the union, agreements, the agreement, the meeting, meetings, ' +
      'a statement, a ceasefire, talks, a summit, an offensive, operations, Michel, Sullivan, Carpenter. ' +
      'Бак, баки, армянский, азербайджанцы, переговоры, заявление, встреча. Bakır, Ermenice, Azerbaycanlı, görüşme, zirve. ' +
      'Ադրբեջանցի, ադրբեջանական. accord, déclaration, rencontre, sommet.';
    expect(found(common)).toEqual([]);
  });
});

describe('descriptions, titles and longer names of other things', () => {
  it('names an agreement or event by a head noun with an anchor, never by the head alone', () => {
    expect(found('the 9 November 2020 tripartite peace declaration')).toEqual([
      ['ceasefire-2020', '9 November 2020 tripartite peace declaration'],
    ]);
    expect(found('the tripartite statement; the November 2020 ceasefire; трехстороннее заявление о прекращении огня')).toEqual([
      ['ceasefire-2020', 'tripartite statement'],
      ['ceasefire-2020', 'November 2020 ceasefire'],
      ['ceasefire-2020', 'трехстороннее заявление'],
    ]);
    expect(found('Barış Anlaşması; traité de paix; the meetings on October 6 in Prague and on October 31 in Sochi')).toEqual([
      ['peace-agreement', 'Barış Anlaşması'],
      ['peace-agreement', 'traité de paix'],
      ['prague-meeting-2022', 'meetings on October 6 in Prague'],
      ['sochi-meeting-2022', 'October 31 in Sochi'],
    ]);
    expect(found('The agreement was signed after the meeting. The statement followed. The summit ended.')).toEqual([]);
  });

  it('counts a title with a surname as the full name, and a headline surname when the full name follows', () => {
    expect(found('European Council President Michel said. Michel left.')).toEqual([
      ['charles-michel', 'Michel'],
      ['charles-michel', 'Michel'],
    ]);
    expect(found('Devlet Başkanı Aliyev; глава МИД Азербайджана Байрамов; President Aliyev')).toEqual([
      ['ilham-aliyev', 'Aliyev'],
      ['azerbaijan', 'Азербайджана'],
      ['jeyhun-bayramov', 'Байрамов'],
      ['ilham-aliyev', 'President Aliyev'],
    ]);
    const headline = 'Michel hosts talks\u2029Charles Michel met the leaders.';
    expect(found(headline)).toEqual([
      ['charles-michel', 'Michel'],
      ['charles-michel', 'Charles Michel'],
    ]);
    expect(found('Michel hosts talks\u2029The leaders met.')).toEqual([]);
  });

  it('does not take a longer name of another thing for the entity', () => {
    expect(
      found(
        'East Zangezur Economic Region, the Zangezur Mountains, the Heydar Aliyev Center, Michel Barnier, Senator Dan Sullivan, France 24',
      ),
    ).toEqual([]);
    expect(found('Charles Michel and Jake Sullivan; later Michel and Sullivan')).toEqual([
      ['charles-michel', 'Charles Michel'],
      ['jake-sullivan', 'Jake Sullivan'],
      ['charles-michel', 'Michel'],
      ['jake-sullivan', 'Sullivan'],
    ]);
  });
});

describe('knowledge-base errors for the new alias fields', () => {
  it('names the file, line and alias of an unknown origin', () => {
    const yaml = [
      'entities:',
      '  - id: someone',
      '    name: Some One',
      '    kind: person',
      '    description: { text: A person., cites: [000-p1] }',
      '    aliases:',
      '      - { text: Some One, origin: xx }',
    ].join('\n');
    expect(() => parseEntities(yaml, 'seeds/entities.yaml')).toThrow(/^Backstory: seeds\/entities\.yaml:7.*unknown origin "xx"/s);
  });
});

import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../lib/kb/compile';
import { parseEntities } from '../../lib/kb/load';
import type { Alias, Entity } from '../../lib/kb/types';
import { acceptsSuffix } from '../../lib/match/grammar';
import { Matcher } from '../../lib/match/matcher';
import { inflectedForms } from '../../lib/match/stem';
import { armenianFromCyrillic, cyrillicFromArmenian, spellingsOf } from '../../lib/match/translit';
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
    // A final stop softens before a vowel suffix (Turkish k → ğ, Azerbaijani k → y), and only there.
    const soft = tiny([
      {
        id: 'x',
        name: 'Kars',
        aliases: [
          { text: 'Avrupa Siyasi Topluluk', lang: 'tr', rules: [] },
          { text: 'Avropa Siyasi Birlik', lang: 'az', rules: [] },
        ],
      },
    ]);
    expect(spans(soft, 'Avrupa Siyasi Topluluğu, Avrupa Siyasi Topluluk’un, Avropa Siyasi Birliyinin; Avrupa Siyasi Topluluğlar')).toEqual([
      'Avrupa Siyasi Topluluğu',
      'Avrupa Siyasi Topluluk',
      'Avropa Siyasi Birliyinin',
    ]);
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

  it('derives Russian names in each Latin press and the script forms the other press writes', () => {
    const ru = spellingsOf('Maria Zakharova', 'ru').map((s) => s.text);
    expect(ru).toEqual(expect.arrayContaining(['Mariya Zaxarova', 'Maria Zaharova', 'Maria Sacharowa']));
    expect(spellingsOf('Sergey Lavrov', 'ru').map((s) => s.text)).toContain('Sergueï Lavrov');
    // French keeps a final -in's vowel with a mute e.
    expect(spellingsOf('Lachin', 'az').map((s) => s.text)).toContain('Latchine');
    // Armenian script: Azerbaijani names from their Latin spelling, Russian (and Russian-borne) names from Cyrillic.
    expect(spellingsOf('Jeyhun Bayramov', 'az').map((s) => s.text)).toContain('Ջեյհուն Բայրամով');
    expect(spellingsOf('Hikmet Hajiyev', 'az').map((s) => s.text)).toContain('Հիքմեթ Հաջիև');
    expect(['Сергей Лавров', 'Мария Захарова', 'Блинкен', 'Эммануэль Макрон'].map(armenianFromCyrillic)).toEqual([
      'Սերգեյ Լավրով',
      'Մարիա Զախարովա',
      'Բլինկեն',
      'Էմմանուել Մակրոն',
    ]);
    expect(['Նախիջևան', 'Սյունիք', 'Նիկոլ Փաշինյան', 'Երևան'].map(cyrillicFromArmenian)).toEqual([
      'Нахиджеван',
      'Сюник',
      'Никол Пашинян',
      'Ереван',
    ]);
  });

  it('matches the derived script forms in text, inflected', () => {
    expect(found('Ջեյհուն Բայրամովի, Լավրովը, Բլինկենի; Нахиджеване, Mariya Zaxarova')).toEqual([
      ['jeyhun-bayramov', 'Ջեյհուն Բայրամովի'],
      ['sergey-lavrov', 'Լավրովը'],
      ['antony-blinken', 'Բլինկենի'],
      ['nakhchivan', 'Нахиджеване'],
      ['maria-zakharova', 'Mariya Zaxarova'],
    ]);
  });

  it("gives a person's full name in every spelling and script its surname, with the surname alias's rules", () => {
    // "Միրզոյան" is listed only inside "Արարատ Միրզոյան"; Mirzoyan, a common Armenian surname, yields to another first name.
    expect(found('Միրզոյան-Լավրով հանդիպումը. Karen Mirzoyan; Ani Badalyan; Armenia’s Mirzoyan; M. Pachinian')).toEqual([
      ['ararat-mirzoyan', 'Միրզոյան'],
      ['sergey-lavrov', 'Լավրով'],
      ['armenia', 'Armenia'],
      ['ararat-mirzoyan', 'Mirzoyan'],
      ['nikol-pashinyan', 'Pachinian'],
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
    // A war named by its year, meetings by their negotiations; the First Karabakh War is neither the region nor the 2020 war.
    expect(found("Armenia after the war of 2020. The negotiations in Sochi. 1'inci Karabağ Savaşı'nda; the First Karabakh War.")).toEqual([
      ['armenia', 'Armenia'],
      ['second-karabakh-war', 'war of 2020'],
      ['sochi-meeting-2022', 'negotiations in Sochi'],
    ]);
    expect(found('The war of 2020 ended.')).toEqual([]);
    // Quotation marks around an anchor keep it in the description; a Moscow-brokered deal is the 2020 ceasefire.
    expect(found('в формате «3+3». The "3+3" platform. The deal, brokered by Moscow. The format.')).toEqual([
      ['format-3plus3', 'формате «3+3'],
      ['format-3plus3', '3+3" platform'],
      ['ceasefire-2020', 'deal, brokered by Moscow'],
    ]);
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
    // An initial counts as the first name when it is the entity's own ("И. Алиев"), not another's ("H. Aliyev").
    expect(found('Сказал И. Алиев; H. Aliyev; I. Aliyev')).toEqual([
      ['ilham-aliyev', 'Алиев'],
      ['ilham-aliyev', 'Aliyev'],
    ]);
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

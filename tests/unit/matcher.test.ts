import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Automaton, naiveScan } from '../../lib/match/automaton';
import { BLOCK_SEPARATOR, foldPattern, foldWithMap, isCommonWordCodeForTest } from '../../lib/match/fold';
import { buildPrefilterSource, otherMarksClass, roughFold } from '../../lib/match/prefilter';
import { Matcher } from '../../lib/match/matcher';
import { seedBuild } from './seed-data';

const matcher = () => new Matcher(seedBuild().matcher);
/** [entity, matched text] pairs found in `text`. */
const found = (text: string) =>
  matcher()
    .match(text)
    .map((m) => [m.entity, text.slice(m.start, m.end)]);
const ids = (text: string) =>
  matcher()
    .match(text)
    .map((m) => m.entity);

describe('folding', () => {
  it('folds case, diacritics, dashes and apostrophes, keeping an exact offset map', () => {
    const text = 'Naxçıvan – Alma‑Ata’s İlham';
    const { folded, map } = foldWithMap(text);
    expect(folded).toBe("naxcivan alma ata's ilham");
    expect(text.slice(map[folded.indexOf('alma')]!, map[folded.indexOf("'s")]!)).toBe('Alma‑Ata');
    expect(map[folded.length]).toBe(text.length);
  });

  it('keeps the map exact when folding expands a character', () => {
    const text = 'Straße Նախիջևան';
    const { folded, map } = foldWithMap(text);
    expect(folded).toBe('strasse նախիջեւան');
    expect(map).toHaveLength(folded.length + 1);
    expect(map[folded.length]).toBe(text.length);
    expect(text.slice(map[folded.indexOf('ն')]!)).toBe('Նախիջևան');
  });

  it('keeps the map exact after many expanding characters', () => {
    // "ﷺ" folds to 18 units; after 20 of them, 200 apostrophes and spaces (one unit each) must still be mapped.
    const text = 'ﷺ'.repeat(20) + "' ".repeat(100) + 'Alma Ata';
    const { folded, map } = foldWithMap(text);
    expect(map).toHaveLength(folded.length + 1);
    expect(map[folded.length]).toBe(text.length);
    expect(map[folded.length - 1]).toBe(text.length - 1);
    // Every folded unit maps forward: no unit lost its original index.
    for (let i = 1; i < map.length; i++) expect(map[i]!).toBeGreaterThanOrEqual(map[i - 1]!);
    expect(ids(text)).toEqual(['alma-ata-declaration']);
  });
});

describe('matcher', () => {
  it('finds spellings in many languages', () => {
    expect(found('Zangezur, Alma-Ata, Nakhichevan, Pashinian, Нахичевань, Զանգեզուր and Naxçıvan')).toEqual([
      ['zangezur-corridor', 'Zangezur'],
      ['alma-ata-declaration', 'Alma-Ata'],
      ['nakhchivan', 'Nakhichevan'],
      ['nikol-pashinyan', 'Pashinian'],
      ['nakhchivan', 'Нахичевань'],
      ['zangezur-corridor', 'Զանգեզուր'],
      ['nakhchivan', 'Naxçıvan'],
    ]);
  });

  it('treats hyphen, non-breaking hyphen, en dash, space and no-break space alike', () => {
    for (const form of ['Alma-Ata', 'Alma Ata', 'Alma‑Ata', 'Alma\u00a0Ata', 'Alma–Ata'])
      expect(ids(`the ${form} declaration`), form).toEqual(['alma-ata-declaration']);
    expect(found('Nagorno–Karabakh')).toEqual([['nagorno-karabakh', 'Nagorno–Karabakh']]);
  });

  it('matches possessives with curly and straight apostrophes', () => {
    expect(found("Aliyev’s letter and Pashinyan's reply")).toEqual([
      ['ilham-aliyev', 'Aliyev'],
      ['nikol-pashinyan', 'Pashinyan'],
    ]);
  });

  it('respects word boundaries in Latin, Cyrillic and Armenian script, past what the suffix grammar allows', () => {
    expect(ids('Armenian Azerbaijani Bakuvian Parisian')).toEqual([]);
    // Case endings are part of the word; derivations (adjectives, demonyms) are other words.
    expect(found('Армения Арменией армянский Армениянин')).toEqual([
      ['armenia', 'Армения'],
      ['armenia', 'Арменией'],
    ]);
    expect(found('Նախիջևանը Նախիջևան Նախիջևանական')).toEqual([
      ['nakhchivan', 'Նախիջևանը'],
      ['nakhchivan', 'Նախիջևան'],
    ]);
    expect(ids('Karabakhi')).toEqual([]);
  });

  it('prefers the longest match and resolves overlaps deterministically', () => {
    expect(found('the Second Karabakh War ended')).toEqual([['second-karabakh-war', 'Second Karabakh War']]);
    expect(found('the Nakhchivan Autonomous Republic')).toEqual([['nakhchivan', 'Nakhchivan Autonomous Republic']]);
    expect(found('the Lachin Corridor')).toEqual([['lachin-corridor', 'Lachin Corridor']]);
  });

  it('matches text that an inline element split (the walker joins it)', () => {
    expect(ids('Nagorno-' + 'Karabakh')).toEqual(['nagorno-karabakh']);
  });
});

describe('ambiguity rules', () => {
  it('counts a common surname only after the full name appeared earlier', () => {
    expect(ids('Carpenter built a table.')).toEqual([]);
    expect(ids('Michel arrived. Sullivan left. Grigoryan spoke. O’Brien wrote.')).toEqual([]);
    expect(ids('Michael Carpenter met Aliyev. Later Carpenter left.')).toEqual(['michael-carpenter', 'ilham-aliyev', 'michael-carpenter']);
    expect(ids('Later Carpenter left. Michael Carpenter met him.')).toEqual(['michael-carpenter']);
    expect(ids("James O'Brien visited. O’Brien said more.")).toEqual(['james-obrien', 'james-obrien']);
    expect(ids('Charles Michel spoke, then Michel left.')).toEqual(['charles-michel', 'charles-michel']);
  });

  it('reads "Aliyev" as Ilham Aliyev unless another first name stands before it', () => {
    expect(ids('Aliyev said')).toEqual(['ilham-aliyev']);
    expect(ids('President Aliyev said')).toEqual(['ilham-aliyev']);
    expect(ids('both Aliyev and Pashinyan')).toEqual(['ilham-aliyev', 'nikol-pashinyan']);
    expect(ids('Heydar Aliyev ruled')).toEqual([]);
    expect(ids('It was Baku. Aliyev spoke.')).toEqual(['baku', 'ilham-aliyev']);
    expect(ids('Leyla Aliyeva spoke')).toEqual([]);
    expect(ids('by Toghrul Aliyev')).toEqual(['toghrul-aliyev']);
  });

  it('matches acronyms only in their own case', () => {
    expect(ids('the EU and CSTO at COP29')).toEqual(['european-union', 'csto', 'cop29']);
    expect(ids('eu csto cop29 Eu')).toEqual([]);
    expect(ids('The EPC met.')).toEqual([]);
    expect(ids('The European Political Community (EPC) met; the EPC agreed.')).toEqual([
      'european-political-community',
      'european-political-community',
      'european-political-community',
    ]);
    expect(ids('MEI fellows')).toEqual([]);
  });

  it('reads Georgia as the country, not the US state', () => {
    expect(ids('Georgia’s prime minister met Armenian officials in Tbilisi.')).toEqual(['georgia']);
    expect(ids('Russia moved troops in Georgia to Ukraine.')).toEqual(['russia', 'georgia']);
    expect(ids('Republicans won Georgia in the Senate runoff.')).toEqual([]);
    expect(ids('Atlanta, Georgia, is hot in summer.')).toEqual([]);
    expect(ids('She grew up in Savannah, Georgia.')).toEqual([]);
  });

  it('reads Turkey as the country, not the bird or the food', () => {
    expect(ids('a ground link with Turkey, Azerbaijan’s key ally')).toEqual(['turkiye', 'azerbaijan']);
    expect(ids('Roast the turkey for three hours.')).toEqual([]);
    expect(ids('Turkey sandwiches with cranberry sauce')).toEqual([]);
    expect(ids('Thanksgiving Turkey recipes')).toEqual([]);
    expect(ids('He bought a Turkey breast.')).toEqual([]);
    expect(ids('Armenia and the Turkey of today')).toEqual(['armenia', 'turkiye']);
    expect(ids('Turkey has made it clear: progress with Armenia depends on peace.')).toEqual(['turkiye', 'armenia']);
  });

  it('counts "lightning offensive" only on pages about the subject', () => {
    expect(ids('a lightning offensive by the home team')).toEqual([]);
    expect(ids('Azerbaijan mounted a lightning offensive')).toEqual(['azerbaijan', 'sept-2023-offensive']);
  });
});

describe('automaton against the naive reference', () => {
  const alphabet = ['a', 'b', 'ab', 'ba', ' ', 'aa', 'c'];
  it('returns exactly the raw hits of indexOf on random patterns and text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom(...alphabet), minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 60 }),
        (patterns, text) => {
          const sort = (h: { pattern: number; start: number }[]) => [...h].sort((x, y) => x.start - y.start || x.pattern - y.pattern);
          expect(sort(Automaton.fromPatterns(patterns).scan(text))).toEqual(sort(naiveScan(patterns, text)));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('scans the same after shipping: a prebuilt automaton decoded from its data equals the one built from patterns', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom(...alphabet, 'é', 'ж'), minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        fc.string({ unit: fc.constantFrom(...alphabet, 'é', 'ж'), maxLength: 60 }),
        (patterns, text) => {
          const shipped = Automaton.fromData(JSON.parse(JSON.stringify(Automaton.fromPatterns(patterns).toData())));
          expect(shipped.scan(text)).toEqual(Automaton.fromPatterns(patterns).scan(text));
        },
      ),
      { numRuns: 200 },
    );
    // The knowledge base's own tables ship with their automaton, in 16-bit arrays.
    const tables = seedBuild().matcher;
    expect(tables.automaton).toBeDefined();
    expect(Object.values(tables.automaton!).every((a) => a.bits === 16)).toBe(true);
    const text = 'Nikol Pashinyan met Ilham Aliyev in Alma-Ata; Нахичевань and the Zangezur corridor.';
    const withoutPrebuilt = new Matcher({ ...tables, automaton: undefined });
    expect(new Matcher(tables).match(text)).toEqual(withoutPrebuilt.match(text));
    expect(new Matcher(tables).match(text).length).toBeGreaterThanOrEqual(5);
  });

  it('folds ASCII by its table exactly as the Unicode definition says', () => {
    for (let c = 0; c < 128; c++) {
      const ch = String.fromCharCode(c);
      const expected = /[\s-]/.test(ch) ? ' ' : /['`]/.test(ch) ? "'" : ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
      expect(foldWithMap(`x${ch}y`).folded, `code ${c}`).toBe(`x${expected}y`);
    }
  });

  it('answers word characters of common scripts by table exactly as the Unicode definition says', () => {
    let checked = 0;
    for (let c = 0x80; c < 0x10000; c++) {
      const byTable = isCommonWordCodeForTest(c);
      if (byTable === undefined) continue;
      checked++;
      expect(byTable, `code ${c.toString(16)}`).toBe(/[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(c)));
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('gives the same mentions as the naive matcher on random text built from aliases', () => {
    const m = matcher();
    // Aliases with suffix slots and endings to glue to them (gaps may be empty), so the suffix grammar is exercised too.
    const inflecting = m.tables.patterns.filter((p) => p.slots).map((p) => p.alias);
    const words = [
      ...m.tables.patterns.slice(0, 120).map((p) => p.alias),
      ...inflecting.filter((_, i) => i % 4 === 0),
      'а',
      'ом',
      'ого',
      'ский',
      'ın',
      "'ın",
      'nin',
      'lı',
      'ի',
      'ը',
      'ից',
      's',
      'the',
      'and',
      ',',
      '.',
      '’s',
      '-',
      ' ',
      '\u00a0',
      'é',
      'Heydar',
      'Atlanta',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words), { maxLength: 40 }),
        fc.array(fc.constantFrom(' ', '', '-', '\n'), { maxLength: 40 }),
        (parts, gaps) => {
          const text = parts.map((p, i) => p + (gaps[i] ?? ' ')).join('');
          expect(m.match(text)).toEqual(m.matchNaive(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same mentions on random Unicode and never returns an invalid offset', () => {
    const m = matcher();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 200 }), (text) => {
        const got = m.match(text);
        expect(got).toEqual(m.matchNaive(text));
        for (const x of got) {
          expect(x.start).toBeGreaterThanOrEqual(0);
          expect(x.end).toBeLessThanOrEqual(text.length);
          expect(x.start).toBeLessThan(x.end);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('prefilter: the native rough fold keeps every run of needle characters that exact folding produces, or holds a mark its class finds', () => {
    const other = new RegExp(otherMarksClass());
    const tricky = fc.constantFrom(
      '\u0951',
      '\u05b4',
      '\u2066',
      '\u{1D165}',
      '\u{E0020}',
      'ı',
      'İ',
      'ß',
      'ẞ',
      'ø',
      'Ø',
      'ǿ',
      'đ',
      'Ł',
      'Σ',
      'ς',
      'ǅ',
      'ﬁ',
      '𝐀',
      'Ａ',
      '\u00ad',
      '\u200b',
      '\u0301',
      'ə',
      'և',
      '’',
      '-',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme-composite', maxLength: 3 }), tricky), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const rough = roughFold(text);
        // Needles are runs of anything but spaces, apostrophes, separators and a few letters that fold differently.
        // Or the text holds a mark the prefilter's class looks for, which sends its block to exact matching.
        if (!other.test(rough))
          for (const run of foldWithMap(text).folded.split(/[ '\u2029ıßøđłσς]/u)) expect(rough, JSON.stringify(text)).toContain(run);
        expect(rough.split(BLOCK_SEPARATOR).length).toBe(text.split(BLOCK_SEPARATOR).length);
      }),
      { numRuns: 1000 },
    );
  });

  it('prefilter: never misses a mention, whatever case, decomposition, invisible characters or width the alias is written in', () => {
    const m = matcher();
    const disguise = fc.constantFrom<(s: string, k: number) => string>(
      (s) => s,
      (s) => s.toUpperCase(),
      (s) => s.normalize('NFD'),
      (s, k) => s.slice(0, k) + '\u00ad' + s.slice(k),
      (s, k) => s.slice(0, k) + '\u200b' + s.slice(k),
      (s, k) => s.slice(0, k) + '\u0301' + s.slice(k),
      (s, k) => s.slice(0, k) + '\u0951' + s.slice(k),
      (s, k) => s.slice(0, k) + '\u{E0020}' + s.slice(k),
      (s, k) => s.slice(0, k) + '\u2066' + s.slice(k),
      (s) => s.replace(/[A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
    );
    const alias = fc.constantFrom(...m.tables.patterns.map((p) => p.alias));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(alias, disguise, fc.nat(12), fc.constantFrom(' ', ', ', BLOCK_SEPARATOR, ' the ', '\n')), { maxLength: 12 }),
        (parts) => {
          const text = parts.map(([a, d, k, gap]) => d(a, k % (a.length + 1)) + gap).join('');
          const expected = m.matchNaive(text);
          expect(m.match(text)).toEqual(expected);
          // The whole-text test the content script runs before it loads any table says yes wherever there is a mention.
          if (expected.length > 0) expect(m.mayMatch(text)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('prefilter: ships for the knowledge base, and finds nothing in text with no needle', () => {
    const source = buildPrefilterSource(seedBuild().matcher.patterns, foldPattern)!;
    expect(seedBuild().matcher.prefilter).toEqual(source);
    const [folded, exact] = [new RegExp(source.folded!), new RegExp(source.exact!)];
    const plain = 'Just because the house said the weather today is fine, the minister left us for Europe.';
    expect(folded.test(roughFold(plain)) || exact.test(plain)).toBe(false);
    expect(new Matcher(seedBuild().matcher).mayMatch(plain)).toBe(false);
    expect(new Matcher(seedBuild().matcher).mayMatch(`${plain}${BLOCK_SEPARATOR}Talks in Yerevan.`)).toBe(true);
    expect(folded.test(roughFold('In NAKHCHIVAN today'))).toBe(true);
    expect(exact.test('the EU and the US')).toBe(true);
  });
});

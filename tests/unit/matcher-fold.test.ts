import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Automaton } from '../../lib/match/automaton';
import { BLOCK_SEPARATOR, foldCodes, foldPattern, foldWithMap, SPECIAL_FOLDS, startsWordAt } from '../../lib/match/fold';
import { Matcher } from '../../lib/match/matcher';
import { seedBuild } from './seed-data';

/**
 * The fold as it was written before the lookup table: one code point at a time, with string functions only.
 * The reference the table-driven foldCodes() must agree with, offset map included.
 */
function referenceFold(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  let lastWasSpace = false;
  let at = 0;
  for (const ch of text) {
    let out: string;
    if (ch === BLOCK_SEPARATOR) out = ch;
    else if (/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000\-\u2010-\u2015\u2212]/.test(ch)) out = ' ';
    else if (/['’‘ʼ`´]/.test(ch)) out = "'";
    else if (/\p{Cf}/u.test(ch)) out = '';
    else out = SPECIAL_FOLDS[ch] ?? ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    if (out === ' ') {
      if (!lastWasSpace) {
        folded += ' ';
        map.push(at);
      }
      lastWasSpace = true;
    } else if (out !== '') {
      lastWasSpace = false;
      for (const unit of out.split('')) {
        folded += unit;
        map.push(at);
      }
    }
    at += ch.length;
  }
  map.push(text.length);
  return { folded, map };
}

/** Characters that fold in every way there is: Latin with diacritics, Cyrillic, Armenian, Turkish İ/ı, ligatures, marks, format characters, apostrophes, dashes, astral ones. */
const MIXED = [
  ...'aZéÉñçşğüöİıIiǅß ẞøØđĐłŁﬁﬂæœ',
  ...'ЖжЁёЙйАлиевПашинян',
  ...'ԱլիեւևՓաշինյանﬓ',
  '\u0301',
  '\u0307',
  '\u0323',
  '\u20dd',
  '\u00ad',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u2060',
  ..."'’‘ʼ`´",
  ...'-‐‑‒–—―−',
  ' ',
  '\u00a0',
  '\u2009',
  '\n',
  '\t',
  BLOCK_SEPARATOR,
  'Σ',
  'ς',
  '𝐀',
  '𐐀',
  '😀',
  '\ud800',
  '\udc00',
  '½',
  '²',
  '.',
  ',',
];

describe('table-driven fold', () => {
  it('folds exactly as the per-character reference, offsets included, on random mixed-script text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MIXED), { maxLength: 80 }), (parts) => {
        const text = parts.join('');
        const { folded, map } = foldWithMap(text);
        const expected = referenceFold(text);
        expect(folded).toBe(expected.folded);
        expect([...map]).toEqual(expected.map);
      }),
      { numRuns: 2000 },
    );
  });

  it('lists as word starts exactly the folded indices with no word character before them in the original text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MIXED, 'a', 'b', '1', '.'), { maxLength: 80 }), (parts) => {
        const text = parts.join('');
        const { length, map, starts, startCount } = foldCodes(text);
        const expected = Array.from({ length }, (_, i) => i).filter((i) => startsWordAt(text, map[i]!));
        expect([...starts.subarray(0, startCount)]).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('folds long text whose characters expand ("ß" → "ss") without running out of room', () => {
    const text = 'ßﬁ'.repeat(5000) + 'x';
    const { folded, map } = foldWithMap(text);
    expect(folded).toBe(referenceFold(text).folded);
    expect(map[folded.length]).toBe(text.length);
  });
});

describe('word-start scan', () => {
  it('finds exactly the full scan’s hits that start where it may', () => {
    const alphabet = ['a', 'b', ' ', 'é'];
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom(...alphabet), minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 10 }),
        fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 60 }),
        fc.func(fc.boolean()),
        (patterns, text, may) => {
          const automaton = Automaton.fromPatterns(patterns);
          const codes = Uint16Array.from(text, (ch) => ch.charCodeAt(0));
          const key = (h: { pattern: number; start: number; end: number }) => `${h.start} ${h.end} ${h.pattern}`;
          const canStart = (i: number) => may(i);
          const expected = automaton.scanCodes(codes, codes.length).filter((h) => canStart(h.start));
          const starts = Uint32Array.from(codes.keys()).filter(canStart);
          expect(automaton.scanStarts(codes, codes.length, starts, starts.length).map(key).sort()).toEqual(expected.map(key).sort());
        },
      ),
    );
  });

  it('matches mixed-script blocks as the naive reference does, the prefilter included', () => {
    const m = new Matcher(seedBuild().matcher);
    const aliases = m.tables.patterns.map((p) => p.alias);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...aliases), fc.constantFrom(...MIXED), fc.constantFrom(' ', BLOCK_SEPARATOR, 'the ')), {
          maxLength: 40,
        }),
        (parts) => {
          const text = parts.join('');
          expect(m.match(text)).toEqual(m.matchNaive(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('folds an alias the same as the text around it', () => {
    expect(foldPattern(' Bakı ')).toBe('baki');
  });
});

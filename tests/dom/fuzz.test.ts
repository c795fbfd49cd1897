import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import matcherTables from 'virtual:backstory/matcher';
import { collectText, toRange } from '../../lib/dom/text-walker';
import { Matcher } from '../../lib/match/matcher';
import { findQuotes } from '../../lib/statements/quotes';
import { cleanDocument } from '../../lib/corpus/clean';
import { splitSentences } from '../../lib/corpus/sentences';
import { tokenize } from '../../lib/search/quote-check';
import { buildDocument } from '../../lib/corpus/document';
import { extractStatements } from '../../lib/statements/extract';

const matcher = new Matcher(matcherTables);
/** Mixed scripts, combining marks, surrogate pairs, zero-width characters, quotes and dashes. */
const nasty = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      'a',
      'Z',
      ' ',
      '\u00a0',
      '-',
      '\u2011',
      '–',
      '’',
      "'",
      '"',
      '“',
      '”',
      '‘',
      '.',
      ',',
      '\n',
      '\u200b',
      '\u00ad',
      '\u0301',
      '\u0308',
    ),
    fc.constantFrom('Ա', 'ջ', 'և', 'Н', 'ё', 'ı', 'İ', 'ß', 'ə', '😀', '𝒜', '中', 'ع'),
    fc.constantFrom('Aliyev', 'Nakhchivan', 'Нахичевань', 'Alma-Ata', 'Georgia', 'Turkey', 'EU', 'Michel'),
    fc.string({ unit: 'grapheme-composite', maxLength: 2 }),
  ),
  maxLength: 300,
});

describe('fuzzing', () => {
  it('the matcher never throws and returns valid, ordered, non-overlapping offsets', () => {
    fc.assert(
      fc.property(nasty, (text) => {
        const got = matcher.match(text);
        let last = 0;
        for (const m of got) {
          expect(m.start).toBeGreaterThanOrEqual(last);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(text.length);
          last = m.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('the matcher handles very long strings', () => {
    const long = 'Nagorno-Karabakh and Aliyev. '.repeat(40_000) + '😀'.repeat(10_000);
    const got = matcher.match(long);
    expect(got.length).toBe(80_000);
    expect(got.at(-1)!.end).toBeLessThanOrEqual(long.length);
  });

  it('the DOM walker maps every mention back to a range with the same text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('p', 'b', 'span', 'div', 'i', 'li'), nasty), { maxLength: 12 }), (parts) => {
        document.body.innerHTML = '';
        for (const [tag, text] of parts) {
          const el = document.createElement(tag);
          el.textContent = text;
          document.body.appendChild(el);
        }
        const map = collectText(document.body);
        for (const m of matcher.match(map.text)) {
          const range = toRange(map, m.start, m.end, document);
          expect(range).not.toBeNull();
          expect(range!.toString()).toBe(map.text.slice(m.start, m.end));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('quote pairing, cleaning, sentence splitting and tokenizing never throw and keep offsets in range', () => {
    fc.assert(
      fc.property(nasty, (text) => {
        for (const q of findQuotes(text)) {
          expect(q.open).toBeLessThan(q.close);
          expect(q.close).toBeLessThan(text.length);
        }
        for (const s of splitSentences(text)) {
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeLessThanOrEqual(text.length);
        }
        for (const block of cleanDocument(text, [], 'fuzz')) {
          expect(block.origStart).toBeGreaterThanOrEqual(0);
          expect(block.origEnd).toBeLessThanOrEqual(text.length);
        }
        tokenize(text);
      }),
      { numRuns: 500 },
    );
  });

  it('statement extraction never throws and keeps statements inside their passages', () => {
    const provenance = {
      file: '900_fuzz.txt',
      title: 'Fuzz',
      publisher: 'Fuzz',
      author: null,
      date: '2024-01-01',
      url: null,
      kind: 'news',
    };
    const info = new Map(matcherTables.entities.map((e) => [e.id, { kind: e.kind, name: e.name }]));
    fc.assert(
      fc.property(fc.array(nasty, { maxLength: 6 }), (paragraphs) => {
        const doc = buildDocument(paragraphs.join('\n\n'), provenance, 'fuzz');
        const mentions = new Map(doc.passages.map((p) => [p.id, matcher.match(p.text)]));
        const { statements } = extractStatements({ doc, mentions, entities: info });
        for (const st of statements) {
          const passage = doc.passages.find((p) => p.id === st.passage)!;
          expect(st.start).toBeGreaterThanOrEqual(0);
          expect(st.end).toBeLessThanOrEqual(passage.text.length);
          expect(st.text.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { numberCitations, passageDistinctions } from '../../lib/kb/citation';

describe('citation numbers', () => {
  it('number passages in the order lines are read, each line ascending, a repeated passage keeping its number', () => {
    // A description citing B, a naming note citing C then A, a background line citing A then B.
    const { order, refs } = numberCitations([['B'], ['C', 'A'], ['A', 'B']]);
    expect(order).toEqual(['B', 'C', 'A']);
    expect(refs).toEqual([[1], [2, 3], [1, 3]]);
  });

  it('tell apart entries from one document by passage number and first words, and leave lone entries alone', () => {
    const d = passageDistinctions([
      { id: '000-p2', doc: '000', ordinal: 2, text: 'In a letter hand-delivered to Aliyev on Monday, Biden highlighted' },
      { id: '000-p12', doc: '000', ordinal: 12, text: 'Bayramov also claimed that the obstacle' },
      { id: '004-p11', doc: '004', ordinal: 11, text: 'Since the escalation' },
    ]);
    expect(d.get('000-p2')).toBe('passage 2: “In a letter hand-delivered to Aliyev…”');
    expect(d.get('000-p12')).toBe('passage 12: “Bayramov also claimed that the obstacle”');
    expect(d.has('004-p11')).toBe(false);
  });
});

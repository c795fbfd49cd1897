import { describe, expect, it } from 'vitest';
import { runUnseen, unseenCases } from './quote-unseen-cases';

// A set the quote check was never tuned on (issue 13, "Tests"); labels written by hand before the first run.
describe('unseen quote set (tests/fixtures/quotes/unseen.json)', () => {
  const cases = unseenCases();
  const outcomes = runUnseen();

  it('has at least 30 distinct cases: 12 later statements with their pages, 18 made from the seeds', () => {
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    expect(new Set(cases.map((c) => c.text)).size).toBe(cases.length);
    const later = cases.filter((c) => c.type === 'later');
    expect(later.length).toBeGreaterThanOrEqual(12);
    for (const c of later) expect(c.url).toMatch(/^https?:\/\//);
    expect(cases.filter((c) => c.type === 'misquote').length).toBeGreaterThanOrEqual(18);
  });

  it('gets at least 80% of the cases right (verdict, and speakers, cut and kind where labelled)', () => {
    const right = outcomes.filter((o) => o.right).length;
    expect(
      right / outcomes.length,
      outcomes
        .filter((o) => !o.right)
        .map((o) => `${o.c.id}: expected ${o.c.expect}, got ${o.got}`)
        .join('\n'),
    ).toBeGreaterThanOrEqual(0.8);
  });

  it('never certifies as exact a case whose verdict is not exact', () => {
    const falseExact = outcomes.filter((o) => o.c.expect !== 'exact' && o.result.verdict === 'exact').map((o) => o.c.id);
    expect(falseExact).toEqual([]);
  });
});

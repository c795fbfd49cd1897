import { describe, expect, it } from 'vitest';
import { checkQuote, tokenize } from '../../lib/search/quote-check';
import { runCli } from '../../lib/cli/main';
import { ROOT, seedBuild } from './seed-data';

const check = (q: string) => checkQuote(seedBuild().kb, q);

describe('quote check', () => {
  it('finds an exact quote of Biden’s letter, with speaker, date and source', () => {
    const r = check(
      '“I want to assure you that the United States stands ready to support a durable and dignified peace between Azerbaijan and Armenia that would finally put to rest centuries of conflict.”',
    );
    expect(r.verdict).toBe('exact');
    expect(r.matches).toHaveLength(1);
    expect(r.matches[0]).toMatchObject({
      kind: 'statement',
      passage: '000-p4',
      speaker: { id: 'joe-biden' },
      // The letter was delivered "on Monday" before the article of Tuesday 22 October 2024.
      date: '2024-10-21',
      source: { publisher: 'OC Media' },
    });
    expect(r.matches[0]!.diff.every((d) => d.op === 'equal')).toBe(true);
  });

  it('tolerates case, punctuation and straight or curly quotes', () => {
    expect(check("'THE MOST SERIOUS OBSTACLE to signing a final peace agreement'").verdict).toBe('exact');
    expect(check('Azerbaijan’s sovereignty and territorial integrity').verdict).toBe('exact');
    expect(check("Azerbaijan's sovereignty and territorial integrity").verdict).toBe('exact');
  });

  it('shows the two changed words of a Bayramov misquote', () => {
    const r = check(
      'the most serious obstacle to signing a final peace deal is the continuation of territorial demands against Azerbaijan',
    );
    expect(r.verdict).toBe('close');
    expect(r.matches[0]!.speaker!.id).toBe('jeyhun-bayramov');
    expect(r.matches[0]!.diff.filter((d) => d.op !== 'equal')).toEqual([
      { op: 'replace', checked: 'deal', source: 'agreement' },
      { op: 'replace', checked: 'demands', source: 'claims' },
    ]);
  });

  it('says only part matches when a quote mixes two speakers, and names both', () => {
    const r = check(
      'The most serious obstacle to signing a final peace agreement is the continuation of territorial claims against Azerbaijan, unless it’s a simple document on general intentions rather than a broader peace',
    );
    expect(r.verdict).toBe('partial');
    expect(r.matches.map((m) => m.speaker?.id)).toEqual(['jeyhun-bayramov', 'hakob-badalyan']);
    expect(r.matches[0]!.covers[1]).toBeLessThanOrEqual(r.matches[1]!.covers[0]);
  });

  it('says a sentence that is not in the corpus is not there', () => {
    const r = check('Armenia will never give up its claims to Karabakh and will fight to the end');
    expect(r).toMatchObject({ verdict: 'none', matches: [] });
    expect(check('')).toMatchObject({ verdict: 'none', tooShort: true });
    expect(check('peace talks')).toMatchObject({ verdict: 'none', tooShort: true });
  });

  it('never claims a match from scattered common words', () => {
    expect(check('the peace of the region and the agreement of the countries in the talks').verdict).toBe('none');
  });

  it('finds narration in a passage when no statement holds it', () => {
    const r = check('Azerbaijan swiftly seized back Nagorno-Karabakh');
    expect(r.verdict).toBe('exact');
    expect(r.matches[0]).toMatchObject({ kind: 'passage', passage: '001-p3' });
    expect(r.matches[0]!.speaker).toBeUndefined();
  });

  it('tokenizes with folding', () => {
    expect(tokenize('Azerbaijan’s “Nagorno–Karabakh” ÉTAT').norm).toEqual(['azerbaijan', 'nagorno', 'karabakh', 'etat']);
  });

  it('runs from the command line with JSON: verdict, citation and diff', () => {
    const lines: string[] = [];
    runCli(
      ['check-quote', 'the most serious obstacle to signing a final peace deal is the continuation of territorial demands', '--json'],
      { out: (l) => lines.push(l), readStdin: () => '' },
      ROOT,
    );
    const r = JSON.parse(lines[0]!);
    expect(r.verdict).toBe('close');
    expect(r.matches[0].citation).toMatchObject({ publisher: 'OC Media', date: '2024-10-22' });
    expect(r.matches[0].diff).toContainEqual({ op: 'replace', checked: 'deal', source: 'agreement' });
  });
});

describe('quote check edges', () => {
  it('shows a changed last word', () => {
    const r = checkQuote(
      seedBuild().kb,
      'the most serious obstacle to signing a final peace deal is the continuation of territorial demands',
    );
    expect(r.verdict).toBe('close');
    expect(r.matches[0]!.diff.filter((d) => d.op !== 'equal')).toEqual([
      { op: 'replace', checked: 'deal', source: 'agreement' },
      { op: 'replace', checked: 'demands', source: 'claims' },
    ]);
  });
});

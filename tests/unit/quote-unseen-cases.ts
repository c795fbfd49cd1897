import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkQuote, quoteCandidates, type QuoteCheckResult, type Verdict } from '../../lib/search/quote-check';
import { ROOT, seedBuild } from './seed-data';

/** One hand-labelled case of tests/fixtures/quotes/unseen.json. */
export interface UnseenCase {
  id: string;
  type: 'later' | 'misquote';
  url?: string;
  of?: string;
  text: string;
  expect: Verdict;
  speakers?: string[];
  cut?: string;
  kind?: 'statement' | 'passage';
  language?: string;
  note: string;
}

/** A case with what the check answered and whether each labelled part agrees. */
export interface UnseenOutcome {
  c: UnseenCase;
  result: QuoteCheckResult;
  verdictRight: boolean;
  /** Verdict, speakers, the shown cut and the kind of the first match, as far as the case labels them. */
  right: boolean;
  got: string;
}

/** The unseen cases as stored. */
export function unseenCases(): UnseenCase[] {
  const raw = readFileSync(resolve(ROOT, 'tests/fixtures/quotes/unseen.json'), 'utf8');
  return (JSON.parse(raw) as { cases: UnseenCase[] }).cases;
}

/** Runs every unseen case through the quote check on the real seeds. */
export function runUnseen(): UnseenOutcome[] {
  const kb = seedBuild().kb;
  const index = quoteCandidates(kb);
  return unseenCases().map((c) => {
    const result = checkQuote(kb, c.text, index);
    const speakers = result.matches.map((m) => m.speaker?.id ?? '—');
    const missing = result.matches.flatMap((m) => m.diff.flatMap((d) => (d.op === 'missing' ? [d.source] : []))).join(' ');
    const verdictRight = result.verdict === c.expect;
    const right =
      verdictRight &&
      (!c.speakers || speakers.join(',') === c.speakers.join(',')) &&
      (!c.cut || missing.includes(c.cut)) &&
      (!c.kind || result.matches[0]?.kind === c.kind);
    return { c, result, verdictRight, right, got: `${result.verdict} [${speakers.join(', ')}]${missing ? ` cut: ${missing}` : ''}` };
  });
}

import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BLOCK_SEPARATOR } from '../../lib/match/fold';
import type { Matcher } from '../../lib/match/matcher';

/** The development set: real news excerpts with hand-set labels (see tests/fixtures/mentions/README.md). */
export const DEVSET = resolve(import.meta.dirname, '../fixtures/mentions');

/** One labelled excerpt. */
export interface Excerpt {
  file: string;
  lang: string;
  url: string;
  expect: Set<string>;
  text: string;
}

/** Reads every excerpt of the development set; a file without url, expect or the --- line is an error. */
export function readDevset(dir = DEVSET): Excerpt[] {
  const excerpts: Excerpt[] = [];
  for (const lang of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const name of readdirSync(resolve(dir, lang.name)).filter((f) => f.endsWith('.txt'))) {
      const file = `${lang.name}/${name}`;
      const source = readFileSync(resolve(dir, file), 'utf8');
      const split = source.indexOf('\n---\n');
      const header = source.slice(0, split);
      const url = /^url: (.+)$/m.exec(header)?.[1];
      const labels = /^expect: (.+)$/m.exec(header)?.[1];
      if (split < 0 || !url || !labels) throw new Error(`Backstory: ${file}: needs "url:", "expect:" and a "---" line.`);
      const expect = new Set(
        labels
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean),
      );
      excerpts.push({ file, lang: lang.name, url, expect, text: source.slice(split + 5) });
    }
  }
  return excerpts;
}

/** Per-language counts over (excerpt, entity) pairs. */
export interface LangScore {
  lang: string;
  articles: number;
  pairs: number;
  found: number;
  correct: number;
  recall: number;
  precision: number;
  missed: string[];
  wrong: string[];
}

/** Matches every excerpt (each line a block, as the page walker separates paragraphs) and scores it per language. */
export function scoreDevset(matcher: Matcher, excerpts = readDevset()): LangScore[] {
  const byLang = new Map<string, LangScore>();
  for (const e of excerpts) {
    const score = byLang.get(e.lang) ?? {
      lang: e.lang,
      articles: 0,
      pairs: 0,
      found: 0,
      correct: 0,
      recall: 0,
      precision: 0,
      missed: [],
      wrong: [],
    };
    byLang.set(e.lang, score);
    const text = e.text.split('\n').join(BLOCK_SEPARATOR);
    const got = new Set(matcher.match(text).map((m) => m.entity));
    score.articles++;
    score.pairs += e.expect.size;
    score.found += got.size;
    for (const id of got) if (e.expect.has(id)) score.correct++;
    for (const id of e.expect) if (!got.has(id)) score.missed.push(`${e.file} ${id}`);
    for (const id of got) if (!e.expect.has(id)) score.wrong.push(`${e.file} ${id}`);
  }
  const scores = [...byLang.values()].sort((a, b) => a.lang.localeCompare(b.lang));
  for (const s of scores) {
    s.recall = s.pairs === 0 ? 1 : s.correct / s.pairs;
    s.precision = s.found === 0 ? 1 : s.correct / s.found;
  }
  return scores;
}

/** The scores as a Markdown table. */
export function formatScores(scores: LangScore[]): string {
  const rows = scores.map((s) => `| ${s.lang} | ${s.articles} | ${s.pairs} | ${s.recall.toFixed(3)} | ${s.precision.toFixed(3)} |`);
  return ['| language | articles | entity pairs | recall | precision |', '|---|---|---|---|---|', ...rows].join('\n');
}

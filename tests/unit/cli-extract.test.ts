import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../lib/cli/main';
import { ROOT } from './seed-data';

const ARTICLES = resolve(ROOT, 'tests/fixtures/extract');
const PAGES = resolve(ROOT, '../shared/pages');

const run = async (args: string[]) => {
  const lines: string[] = [];
  const errors: string[] = [];
  const code = await runCli(args, { out: (l) => lines.push(l), err: (l) => errors.push(l), readStdin: () => '' }, ROOT);
  return { code, errors, rows: lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
};
/** Runs a command that must fail: status 1 and one "Backstory: …" line on stderr. */
const failure = async (args: string[]) => {
  const { code, errors, rows } = await run(args);
  expect(code).toBe(1);
  expect(rows).toEqual([]);
  return errors.join('\n');
};

// Each run builds the knowledge base from the seeds (about a second alone, many on a loaded two-core machine).
describe('cli extract', { timeout: 60_000 }, () => {
  it('prints a text file’s statements with the documented fields, speakers resolved to entities', async () => {
    // Labelled by hand: Pashinian's two attributed quotes, and the Foreign Ministry's.
    const { code, rows } = await run(['extract', join(ARTICLES, 'azatutyun-32971103.txt'), '--date', '2024-05-29', '--json']);
    expect(code).toBe(0);
    const key = rows.find((r) => String(r.text).startsWith('The key principles are agreed upon'));
    // The sentence before: "Prime Minister Nikol Pashinian said on Wednesday" (29 May 2024, the publication day, was a Wednesday).
    expect(key).toMatchObject({ kind: 'direct', speaker: { id: 'nikol-pashinyan' }, date: '2024-05-29', dateSource: 'stated' });
    expect(rows.find((r) => String(r.text).startsWith('In that reproduction process'))).toMatchObject({
      speaker: { id: 'nikol-pashinyan' },
    });
    expect(rows.find((r) => r.text === 'there are still differences')).toMatchObject({
      speaker: { name: 'the Armenian Foreign Ministry' },
    });
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(['kind', 'speaker', 'text', 'date', 'dateSource', 'confidence', 'passage']);
      expect(r.passage).toMatch(/^azatutyun-32971103-p\d+$/);
    }
  });

  it('says which date a statement carries: the one the text states, else the publication date', async () => {
    // Labelled by hand: “Yesterday Armenia completed …,” Nikol Pashinyan said on February 16 (stated);
    // Armen Grigoryan's reported clause has no date of its own in its sentence (published).
    const { rows } = await run(['extract', join(ARTICLES, 'jam-news-peace-treaty.txt'), '--date', '2023-02-16', '--json']);
    expect(rows.find((r) => String(r.text).startsWith('Yesterday Armenia completed'))).toMatchObject({
      kind: 'direct',
      speaker: { id: 'nikol-pashinyan' },
      date: '2023-02-16',
      dateSource: 'stated',
    });
    expect(rows.find((r) => String(r.text).startsWith('Nagorno-Karabakh is also mentioned'))).toMatchObject({
      kind: 'reported',
      speaker: { id: 'armen-grigoryan' },
      dateSource: 'published',
    });
  });

  it('reads HTML through the article extraction, dated by the page', async () => {
    // bbc-1: “If you look at the number of Americans killed since 9/11 …,” Mr Obama said.
    const { rows } = await run(['extract', join(PAGES, 'bbc-1.html'), '--json']);
    const quote = rows.find((r) => String(r.text).startsWith('If you look at the number of Americans killed since 9/11'));
    expect(quote).toMatchObject({ kind: 'direct', speaker: { name: 'Mr Obama' }, date: '2015-07-24', dateSource: 'published' });
    // Nothing from the page's scripts or furniture.
    for (const r of rows) expect(String(r.text)).not.toMatch(/[<>{}]|function\s*\(/);
  });

  it('leaves the date out when a text file has none', async () => {
    const { rows } = await run(['extract', join(ARTICLES, 'azatutyun-32971103.txt'), '--json']);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r).not.toHaveProperty('date');
      expect(r.dateSource).toBe('published');
    }
  });

  it('names the file on bad input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backstory-extract-'));
    const cases: Array<[string, string | Buffer, RegExp]> = [
      ['empty.txt', '', /empty\.txt: the file is empty/],
      ['blob.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), /blob\.txt: this is a binary file/],
      ['cp1251.txt', Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]), /cp1251\.txt: not UTF-8 text/],
      [
        'menu.html',
        '<html><body><nav><a href="/">Home</a></nav></body></html>',
        /menu\.html: (no main text found|this page has only 1 word of main text)/,
      ],
      ['notes.pdf', 'x', /notes\.pdf: extract reads \.txt or \.html files/],
    ];
    for (const [name, content, error] of cases) {
      writeFileSync(join(dir, name), content);
      expect(await failure(['extract', join(dir, name)])).toMatch(error);
    }
    expect(await failure(['extract', join(dir, 'missing.txt')])).toMatch(/^Backstory: .*missing\.txt: cannot read it \(ENOENT\)/);
    expect(await failure(['extract', join(ARTICLES, 'azatutyun-32971103.txt'), '--date', 'May 29'])).toMatch(
      /--date "May 29" is not YYYY-MM-DD/,
    );
  });

  it('reports errors on stderr with a non-zero exit', async () => {
    const result = spawnSync('node', ['--import', 'tsx', 'lib/cli/main.ts', 'extract', 'no-such-file.html'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe('Backstory: no-such-file.html: cannot read it (ENOENT).');
  }, 60_000);
});

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKey, cacheFile, loadBuilt } from '../../lib/cli/data';
import { runCli } from '../../lib/cli/main';
import { ROOT } from './seed-data';

const run = async (args: string[], stdin = '') => {
  const lines: string[] = [];
  const errors: string[] = [];
  const code = await runCli(args, { out: (l) => lines.push(l), err: (l) => errors.push(l), readStdin: () => stdin }, ROOT);
  return { code, lines, errors, json: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
};

describe('cli', () => {
  it('lists entities as one JSON object per line', async () => {
    const { code, json } = await run(['entities', '--json']);
    expect(code).toBe(0);
    const rows = json();
    expect(rows.find((r) => r.id === 'nakhchivan')).toMatchObject({
      name: 'Nakhchivan',
      kind: 'place',
      aliases: expect.arrayContaining(['Nakhichevan', 'Нахичевань']),
    });
    for (const r of rows) expect(Object.keys(r)).toEqual(['id', 'name', 'kind', 'aliases']);
  });

  it('lists one speaker’s statements with the documented fields', async () => {
    const rows = (await run(['statements', '--speaker', 'jeyhun-bayramov', '--json'])).json();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const r of rows) expect((r.speaker as { id: string }).id).toBe('jeyhun-bayramov');
    expect(rows[0]).toMatchObject({ kind: 'direct', doc: '000', passage: '000-p12', date: '2024-10-22' });
    expect(Object.keys(rows[0]!)).toEqual(['id', 'kind', 'speaker', 'text', 'doc', 'passage', 'date']);
  });

  it('searches', async () => {
    const rows = (await run(['search', 'Zangezur', '--json'])).json();
    expect(rows[0]).toMatchObject({ type: 'entity', id: 'entity:zangezur-corridor' });
  });

  it('scans a page with the content script’s walker: visible text offsets, no form fields', async () => {
    const html =
      '<html><body><p>Talks on Nagorno-<b>Karabakh</b>.</p><select><option>Armenia</option></select><script>Azerbaijan</script><p hidden>Baku</p><p>Pashinyan’s plan</p></body></html>';
    const rows = (await run(['scan', '-', '--json'], html)).json();
    // The visible text is "Talks on Nagorno-Karabakh.¶Pashinyan’s plan" (¶ = BLOCK_SEPARATOR); the rest is skipped.
    const visible = 'Talks on Nagorno-Karabakh.\u2029Pashinyan’s plan';
    expect(rows).toEqual([
      { entity: 'nagorno-karabakh', text: 'Nagorno-Karabakh', start: visible.indexOf('Nagorno'), end: visible.indexOf('.') },
      { entity: 'nikol-pashinyan', text: 'Pashinyan', start: visible.indexOf('Pashinyan'), end: visible.indexOf('’s') },
    ]);
  });

  it('explains a bad command on stderr and exits non-zero', async () => {
    const { code, lines, errors } = await run(['frobnicate']);
    expect(code).toBe(2);
    expect(lines).toEqual([]);
    expect(errors[0]).toMatch(/^Backstory: unknown command "frobnicate"/);
  });

  it('refuses unknown flags, missing values and missing arguments, on stderr with the prefix (issue 13, defect 14)', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['search', 'Zangezur', '--frob'], /^Backstory: search: Unknown option '--frob'/],
      [['statements', '--speaker'], /^Backstory: statements: Option '--speaker <value>' argument missing/],
      [['statements', '--speaker', '--json'], /^Backstory: statements: Option '--speaker' argument is ambiguous/],
      [['statements', '--speaker', 'nobody'], /^Backstory: no statements by "nobody"/],
      [['search'], /^Backstory: search needs a QUERY/],
      [['check-quote'], /^Backstory: check-quote needs the quote/],
      [['check-quote', 'two words'], /^Backstory: give at least three words/],
      [['passages', '--doc', '999'], /^Backstory: no document "999"/],
      [[], /^Backstory: give a command/],
    ];
    for (const [args, message] of cases) {
      const { code, lines, errors } = await run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(lines, args.join(' ')).toEqual([]);
      expect(errors[0], args.join(' ')).toMatch(message);
    }
  });

  it('says what is wrong with a missing or binary file to scan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backstory-cli-'));
    const missing = await run(['scan', join(dir, 'missing.html')]);
    expect(missing).toMatchObject({ code: 1, lines: [] });
    expect(missing.errors[0]).toMatch(/^Backstory: cannot read .*missing\.html: no such file\.$/);
    writeFileSync(join(dir, 'binary.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe, 0, 1]));
    const binary = await run(['scan', join(dir, 'binary.bin')]);
    expect(binary).toMatchObject({ code: 1, lines: [] });
    expect(binary.errors[0]).toMatch(/^Backstory: .*binary\.bin is not an HTML or text file/);
  });

  it('honours --json for passages, and says so on stderr when a result is empty', async () => {
    const rows = (await run(['passages', '--doc', '001', '--json'])).json();
    expect(rows[0]).toMatchObject({ id: '001-p1', doc: '001', kind: expect.any(String), line: expect.any(Number) });
    const empty = await run(['search', 'qqqqzzzz']);
    expect(empty).toMatchObject({ code: 0, lines: [] });
    expect(empty.errors).toEqual(['Backstory: no results for “qqqqzzzz”.']);
    const noMentions = await run(['scan', '-'], '<p>Nothing here about the region.</p>');
    expect(noMentions.errors[0]).toMatch(/^Backstory: no entity mentions/);
  });

  it('reads the built data from a cache keyed by the seeds and the build code (issue 13, defect 13)', () => {
    const root = mkdtempSync(join(tmpdir(), 'backstory-key-'));
    mkdirSync(join(root, 'seeds'));
    mkdirSync(join(root, 'lib/build'), { recursive: true });
    writeFileSync(join(root, 'seeds/a.txt'), 'one');
    writeFileSync(join(root, 'lib/build/kb.ts'), 'export {}');
    const first = buildKey(root);
    writeFileSync(join(root, 'README.md'), 'not an input');
    expect(buildKey(root)).toBe(first);
    writeFileSync(join(root, 'seeds/a.txt'), 'two');
    const second = buildKey(root);
    expect(second).not.toBe(first);
    writeFileSync(join(root, 'lib/build/kb.ts'), 'export const x = 1;');
    expect(buildKey(root)).not.toBe(second);
    // A fresh cache is read as it is: nothing is rebuilt.
    const file = cacheFile(root);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, JSON.stringify({ kb: { marker: 'from the cache' } }));
    expect(loadBuilt(root).kb).toEqual({ marker: 'from the cache' });
  });

  it('ends quietly with status 0 when stdout closes early (issue 16, item 6)', () => {
    const result = spawnSync('bash', ['-c', 'set -o pipefail; npm run --silent cli -- statements --json | true'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('runs as `npm run --silent cli` with clean JSON lines on stdout', () => {
    const result = spawnSync('npm', ['run', '--silent', 'cli', '--', 'entities', '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(60);
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
  }, 60_000);
});

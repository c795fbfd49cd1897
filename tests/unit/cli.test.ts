import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../lib/cli/main';
import { ROOT } from './seed-data';

const run = (args: string[], stdin = '') => {
  const lines: string[] = [];
  const code = runCli(args, { out: (l) => lines.push(l), readStdin: () => stdin }, ROOT);
  return { code, lines, json: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
};

describe('cli', () => {
  it('lists entities as one JSON object per line', () => {
    const { code, json } = run(['entities', '--json']);
    expect(code).toBe(0);
    const rows = json();
    expect(rows.find((r) => r.id === 'nakhchivan')).toMatchObject({
      name: 'Nakhchivan',
      kind: 'place',
      aliases: expect.arrayContaining(['Nakhichevan', 'Нахичевань']),
    });
    for (const r of rows) expect(Object.keys(r)).toEqual(['id', 'name', 'kind', 'aliases']);
  });

  it('lists one speaker’s statements with the documented fields', () => {
    const rows = run(['statements', '--speaker', 'jeyhun-bayramov', '--json']).json();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const r of rows) expect((r.speaker as { id: string }).id).toBe('jeyhun-bayramov');
    expect(rows[0]).toMatchObject({ kind: 'direct', doc: '000', passage: '000-p12', date: '2024-10-22' });
    expect(Object.keys(rows[0]!)).toEqual(['id', 'kind', 'speaker', 'text', 'doc', 'passage', 'date']);
  });

  it('searches', () => {
    const rows = run(['search', 'Zangezur', '--json']).json();
    expect(rows[0]).toMatchObject({ type: 'entity', id: 'entity:zangezur-corridor' });
  });

  it('scans a page with the content script’s walker: visible text offsets, no form fields', () => {
    const html =
      '<html><body><p>Talks on Nagorno-<b>Karabakh</b>.</p><select><option>Armenia</option></select><script>Azerbaijan</script><p hidden>Baku</p><p>Pashinyan’s plan</p></body></html>';
    const rows = run(['scan', '-', '--json'], html).json();
    // The visible text is "Talks on Nagorno-Karabakh.¶Pashinyan’s plan" (¶ = BLOCK_SEPARATOR); the rest is skipped.
    const visible = 'Talks on Nagorno-Karabakh.\u2029Pashinyan’s plan';
    expect(rows).toEqual([
      { entity: 'nagorno-karabakh', text: 'Nagorno-Karabakh', start: visible.indexOf('Nagorno'), end: visible.indexOf('.') },
      { entity: 'nikol-pashinyan', text: 'Pashinyan', start: visible.indexOf('Pashinyan'), end: visible.indexOf('’s') },
    ]);
  });

  it('explains a bad command and exits non-zero', () => {
    const { code, lines } = run(['frobnicate']);
    expect(code).toBe(2);
    expect(lines[0]).toMatch(/unknown command "frobnicate"/);
  });

  it('runs as `npm run --silent cli` with clean JSON lines on stdout', () => {
    const result = spawnSync('npm', ['run', '--silent', 'cli', '--', 'entities', '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(60);
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
  }, 60_000);
});

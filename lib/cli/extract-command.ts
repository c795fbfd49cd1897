import { CliError, type Command } from './command';
import type { ExtractRow } from './extract';

/** `extract FILE.txt|FILE.html [--date YYYY-MM-DD] [--json]`: the file's statements, one per line. */
export const extract: Command = {
  usage: 'FILE.txt|FILE.html [--date YYYY-MM-DD] [--json]',
  summary: 'the statements the pipeline finds in one file',
  options: { json: { type: 'boolean' }, date: { type: 'string' } },
  positionals: { min: 1, max: 1, name: 'FILE.txt or FILE.html' },
  run: async ({ values, positionals, io, data }) => {
    // Readability and happy-dom load only for this command, so the others stay fast.
    const { extractStatementsFromFile } = await import('./extract');
    let rows: ExtractRow[];
    try {
      rows = extractStatementsFromFile(positionals[0]!, data(), values.date as string | undefined);
    } catch (error) {
      throw new CliError((error as Error).message, 1);
    }
    for (const row of rows) {
      io.out(values.json ? JSON.stringify(row) : `${row.date ?? '—'}\t${row.kind}\t${row.speaker.name}\t“${row.text}”\t[${row.passage}]`);
    }
    if (rows.length === 0) io.err(`Backstory: ${positionals[0]}: no statements found.`);
    return 0;
  },
};

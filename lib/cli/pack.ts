import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { readDraft } from '../library/files';
import { toPlainText } from '../library/formats';
import { PACK_FORMAT, PACK_VERSION, type LibraryPack, type PackEntry } from '../library/pack';
import { checkProvenance } from '../library/validate';
import type { Command } from './command';

const DOCUMENT = /\.(txt|text|md|markdown|html?)$/i;

/**
 * Builds a pack from a folder of documents (.txt, .md, .html) and its sources.json (the seeds' provenance format:
 * file, title, publisher, author, date, url, kind, and optionally language). Every problem is reported, naming the
 * file or entry; with any problem, no pack is made.
 */
export function packFolder(dir: string, displayRoot = process.cwd(), now = new Date()): LibraryPack {
  const show = (p: string) => relative(displayRoot, p) || p;
  const sourcesPath = join(dir, 'sources.json');
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(sourcesPath, 'utf8'));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing
        ? `Backstory: ${show(sourcesPath)}: missing; a pack folder needs a sources.json with each document's provenance.`
        : `Backstory: ${show(sourcesPath)}: not valid JSON (${(error as Error).message}).`,
      { cause: error },
    );
  }
  const entries = (data as { documents?: unknown }).documents;
  if (!Array.isArray(entries)) throw new Error(`Backstory: ${show(sourcesPath)}: expected an object with a "documents" array.`);
  const problems: string[] = [];
  const documents: PackEntry[] = [];
  const listed = new Set<string>();
  entries.forEach((raw: Record<string, unknown>, index) => {
    const where = `${show(sourcesPath)}: documents[${index}]${typeof raw?.file === 'string' ? ` (${raw.file})` : ''}`;
    try {
      if (typeof raw?.file !== 'string' || !raw.file) throw new Error(`Backstory: ${where}: missing "file".`);
      listed.add(raw.file);
      const provenance = checkProvenance(raw, where);
      const path = join(dir, raw.file);
      let bytes: Buffer;
      try {
        bytes = readFileSync(path);
      } catch {
        throw new Error(`Backstory: ${where}: names a file that is not in ${show(dir)}.`);
      }
      const draft = readDraft(show(path), bytes);
      toPlainText(show(path), draft.content, draft.format); // the checks the extension makes on import
      documents.push({ file: raw.file, ...provenance, format: draft.format, content: draft.content });
    } catch (error) {
      problems.push((error as Error).message);
    }
  });
  for (const file of readdirSync(dir).filter((f) => DOCUMENT.test(f) && !listed.has(f))) {
    problems.push(`Backstory: ${show(join(dir, file))}: no provenance; add an entry with "file": "${file}" to ${show(sourcesPath)}.`);
  }
  if (problems.length) throw new Error(problems.join('\n'));
  return { format: PACK_FORMAT, version: PACK_VERSION, created: now.toISOString(), documents };
}

/** `pack DIR [--out FILE]`: writes the pack (or prints it with no --out). */
export const pack: Command = {
  usage: 'DIR [--out FILE]',
  summary: 'a library pack from a folder of .txt/.md/.html files and its sources.json',
  options: { out: { type: 'string' } },
  positionals: { min: 1, max: 1, name: 'a folder of documents with a sources.json (DIR)' },
  run: ({ values, positionals, io, root }) => {
    const made = packFolder(resolve(root, positionals[0]!), root);
    const json = JSON.stringify(made, null, 1);
    const out = typeof values.out === 'string' ? values.out : undefined;
    if (out) {
      writeFileSync(resolve(root, out), json + '\n');
      io.err(`${made.documents.length} documents → ${out}`);
    } else io.out(json);
    return 0;
  },
};

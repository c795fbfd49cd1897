import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { readDraft } from '../library/files';
import { toPlainText } from '../library/formats';
import { PACK_FORMAT, PACK_VERSION, type LibraryPack, type PackEntry } from '../library/pack';
import { checkProvenance } from '../library/validate';

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

/** `pack DIR --out FILE`: writes the pack (or prints it with no --out); returns the exit code. */
export function runPack(args: string[], io: { out: (line: string) => void }, root = process.cwd()): number {
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  const dir = args.find((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));
  if (!dir || (outAt >= 0 && !out)) {
    io.out('Backstory: pack needs a folder, e.g. npm run --silent cli -- pack my-articles --out my-articles.pack.json');
    return 2;
  }
  const pack = packFolder(resolve(root, dir), root);
  const json = JSON.stringify(pack, null, 1);
  if (out) {
    writeFileSync(resolve(root, out), json + '\n');
    io.out(`${pack.documents.length} documents → ${out}`);
  } else io.out(json);
  return 0;
}

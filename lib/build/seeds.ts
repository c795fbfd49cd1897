import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildDocument } from '../corpus/document';
import { parseProvenance } from '../corpus/provenance';
import type { CorpusDoc } from '../corpus/types';

/** Reads every seed text in a folder with its provenance; a seed without provenance is an error. */
export function readCorpus(seedsDir: string, displayRoot = process.cwd()): CorpusDoc[] {
  const show = (p: string) => relative(displayRoot, p) || p;
  const sourcesPath = join(seedsDir, 'sources.json');
  let sourcesJson: string;
  try {
    sourcesJson = readFileSync(sourcesPath, 'utf8');
  } catch {
    throw new Error(`Backstory: ${show(sourcesPath)}: missing; every seed folder needs a sources.json with provenance.`);
  }
  const provenance = parseProvenance(sourcesJson, show(sourcesPath));
  const byFile = new Map(provenance.map((p) => [p.file, p]));
  const files = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const docs: CorpusDoc[] = [];
  for (const file of files) {
    const meta = byFile.get(file);
    if (!meta) {
      throw new Error(
        `Backstory: ${show(join(seedsDir, file))}: no provenance; add an entry with "file": "${file}" to ${show(sourcesPath)}.`,
      );
    }
    const raw = readFileSync(join(seedsDir, file), 'utf8');
    docs.push(buildDocument(raw, meta, show(join(seedsDir, file))));
  }
  for (const meta of provenance) {
    if (!files.includes(meta.file)) {
      throw new Error(`Backstory: ${show(sourcesPath)}: entry "${meta.file}" names a file that is not in ${show(seedsDir)}.`);
    }
  }
  return docs;
}

import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildAll, type BuildOutput } from './kb';

/** Virtual module with the compiled matcher tables, imported by the content script. */
export const MATCHER_MODULE_ID = 'virtual:backstory/matcher';
const RESOLVED_ID = '\0' + MATCHER_MODULE_ID;

let cached: { key: string; output: BuildOutput } | null = null;

/** Runs the corpus build once per process (the build fails on bad seeds, naming file and line). */
export function corpusBuild(root: string): BuildOutput {
  const seeds = resolve(root, 'seeds');
  if (!cached || cached.key !== seeds) cached = { key: seeds, output: buildAll(seeds, root) };
  return cached.output;
}

/** Vite plugin that serves the matcher tables as a module, built from seeds/ at build time. */
export function backstoryData(root: string): Plugin {
  return {
    name: 'backstory-data',
    resolveId(id) {
      return id === MATCHER_MODULE_ID ? RESOLVED_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_ID) return null;
      this.addWatchFile(resolve(root, 'seeds/entities.yaml'));
      return `export default ${JSON.stringify(corpusBuild(root).matcher)};`;
    },
  };
}

/** The files the build adds to the extension: the knowledge base and the search index. */
export function corpusAssetFiles(root: string): Array<{ relativeDest: string; contents: string }> {
  const output = corpusBuild(root);
  return [
    { relativeDest: 'data/kb.json', contents: JSON.stringify(output.kb) },
    { relativeDest: 'data/search-index.json', contents: JSON.stringify(output.searchIndex) },
  ];
}

import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildAll, type BuildOutput } from './kb';

/** Virtual module with the compiled matcher tables, for tests that run the content script's code in Node. */
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

/** Where the content script finds the matcher tables (with the prebuilt automaton) in the extension. */
export const MATCHER_ASSET = 'data/matcher.json';

/** The files the build adds to the extension: the matcher tables, the knowledge base and the search index. */
export function corpusAssetFiles(root: string): Array<{ relativeDest: string; contents: string }> {
  const output = corpusBuild(root);
  return [
    { relativeDest: MATCHER_ASSET, contents: JSON.stringify(output.matcher) },
    { relativeDest: 'data/kb.json', contents: JSON.stringify(output.kb) },
    { relativeDest: 'data/search-index.json', contents: JSON.stringify(output.searchIndex) },
  ];
}

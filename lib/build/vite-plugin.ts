import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildAll, type BuildOutput } from './kb';

/** Virtual module with the compiled matcher tables, for tests that run the content script's code in Node. */
export const MATCHER_MODULE_ID = 'virtual:backstory/matcher';
const RESOLVED_ID = '\0' + MATCHER_MODULE_ID;
/** Virtual module with the matcher's prefilter source alone: the content script ships it inline (see LazyMatcher). */
export const PREFILTER_MODULE_ID = 'virtual:backstory/prefilter';
const RESOLVED_PREFILTER_ID = '\0' + PREFILTER_MODULE_ID;
/** What `wxt/browser` becomes with the polyfill module, and what scripts running in pages get instead. */
const POLYFILL_IDS = new Set(['wxt/browser', '@wxt-dev/webextension-polyfill/browser']);

let cached: { key: string; output: BuildOutput } | null = null;

/** Runs the corpus build once per process (the build fails on bad seeds, naming file and line). */
export function corpusBuild(root: string): BuildOutput {
  const seeds = resolve(root, 'seeds');
  if (!cached || cached.key !== seeds) cached = { key: seeds, output: buildAll(seeds, root) };
  return cached.output;
}

/**
 * Vite plugin that serves the matcher tables (and their prefilter alone) as modules, built from seeds/ at
 * build time; and that gives scripts running in pages (WXT builds those as IIFE) the bare extension API
 * instead of webextension-polyfill, whose load the content script would pay on every page.
 */
export function backstoryData(root: string): Plugin {
  let inPage = false;
  return {
    name: 'backstory-data',
    enforce: 'pre',
    configResolved(config) {
      const lib = config.build.lib;
      inPage = !!lib && (lib.formats ?? []).includes('iife');
    },
    resolveId(id) {
      if (id === MATCHER_MODULE_ID) return RESOLVED_ID;
      if (id === PREFILTER_MODULE_ID) return RESOLVED_PREFILTER_ID;
      if (inPage && POLYFILL_IDS.has(id)) return resolve(root, 'lib/content/extension-api.ts');
      return null;
    },
    load(id) {
      if (id !== RESOLVED_ID && id !== RESOLVED_PREFILTER_ID) return null;
      this.addWatchFile(resolve(root, 'seeds/entities.yaml'));
      const { matcher } = corpusBuild(root);
      return `export default ${JSON.stringify(id === RESOLVED_ID ? matcher : (matcher.prefilter ?? null))};`;
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

import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { assertLocales } from './lib/build/i18n';
import { backstoryData, corpusAssetFiles, MATCHER_ASSET } from './lib/build/vite-plugin';

const root = import.meta.dirname;
// BACKSTORY_TRACE=1 (npm test, .ci/run, npm run bench) builds the test flavour into .output/test/: it emits the
// performance marks tests and the bench read. Production builds (npm run build, npm run zip) leave nothing a page can read.
const trace = process.env.BACKSTORY_TRACE === '1';

export default defineConfig({
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  // The project's top level is fixed (entrypoints, components, lib, …): static files such as the icons live with the UI.
  publicDir: 'components/public',
  outDir: trace ? '.output/test' : '.output',
  zip: {
    // The source archive AMO reviewers rebuild from: everything the build reads, nothing else.
    includeSources: ['components/**', 'entrypoints/**', 'lib/**', 'seeds/**', '*.json', '*.ts', 'README.md'],
  },
  vite: () => ({
    plugins: [preact(), backstoryData(root)],
    define: { __BACKSTORY_TRACE__: JSON.stringify(trace) },
    // BACKSTORY_NO_MINIFY=1 keeps names readable in CPU profiles.
    build: process.env.BACKSTORY_NO_MINIFY ? { minify: false } : {},
  }),
  hooks: {
    // A message missing from a locale, or with other placeholders than the English one, fails the build.
    'build:before': () => assertLocales(root),
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push(MATCHER_ASSET, 'data/kb.json', 'data/search-index.json');
    },
    'build:publicAssets': (_wxt, files) => {
      files.push(...corpusAssetFiles(root));
    },
  },
  manifest: ({ browser }) => ({
    // From components/public/_locales in the browser's UI language (the options' language override cannot reach the manifest).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'activeTab', 'contextMenus', 'scripting'],
    // The content script's sites, requestable again from the popup when the user withheld or revoked them (Firefox).
    optional_host_permissions: ['<all_urls>'],
    // The content script loads the matcher's data, and the card's code on first use (lib/content/card-ui.ts).
    // A per-session URL keeps pages from probing for either.
    web_accessible_resources: [{ resources: [MATCHER_ASSET, 'card-ui.js'], matches: ['<all_urls>'], use_dynamic_url: true }],
    commands: {
      'toggle-site': { suggested_key: { default: 'Alt+Shift+B' }, description: '__MSG_commandToggleSite__' },
      'toggle-pause': { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_commandTogglePause__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory-extension.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});

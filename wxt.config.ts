import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { backstoryData, corpusAssetFiles } from './lib/build/vite-plugin';

const root = import.meta.dirname;

export default defineConfig({
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({
    plugins: [preact(), backstoryData(root)],
  }),
  hooks: {
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push('data/kb.json', 'data/search-index.json');
    },
    'build:publicAssets': (_wxt, files) => {
      files.push(...corpusAssetFiles(root));
    },
  },
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description: 'Cited context for news about the Armenia–Azerbaijan peace process.',
    permissions: ['storage', 'activeTab', 'contextMenus'],
    // The card's code loads on first use (lib/content/card-ui.ts). A per-session URL keeps pages from probing for it.
    web_accessible_resources: [{ resources: ['card-ui.js'], matches: ['<all_urls>'], use_dynamic_url: true }],
    commands: {
      'toggle-site': { suggested_key: { default: 'Alt+Shift+B' }, description: 'Turn Backstory off or on for this site' },
      'toggle-pause': { suggested_key: { default: 'Alt+Shift+P' }, description: 'Pause Backstory everywhere, or resume' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@example.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});

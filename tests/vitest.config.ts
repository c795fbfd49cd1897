import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { backstoryData } from '../lib/build/vite-plugin';

const root = new URL('..', import.meta.url).pathname;

export default defineConfig({
  root,
  plugins: [WxtVitest(), preact(), backstoryData(root)],
  // Tests run the test flavour of the code (lib/trace.ts), as the browser tests run the test build.
  define: { __BACKSTORY_TRACE__: 'true' },
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      // 30 s, not 5: a file's first test builds the seeds (4–5 s on a loaded 2-core machine); speed is the bench's job.
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      { extends: true, test: { name: 'dom', include: ['tests/dom/**/*.test.{ts,tsx}'], environment: 'happy-dom', testTimeout: 30_000 } },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

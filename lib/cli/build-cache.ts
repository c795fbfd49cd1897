import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildAll } from '../build/kb';
import { writeCache } from './data';

// Builds the corpus and writes the CLI's cache: `build-cache.ts ROOT CACHE_FILE`. Run by data.ts on a cache miss.
const [root, file] = process.argv.slice(2) as [string, string];
try {
  const built = buildAll(join(root, 'seeds'), root);
  writeCache(root, file, built);
  if (!existsSync(file)) process.stdout.write(JSON.stringify(built));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}

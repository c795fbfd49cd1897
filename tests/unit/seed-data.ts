import { resolve } from 'node:path';
import { buildAll, type BuildOutput } from '../../lib/build/kb';

/** The project root and a shared build of the real seeds (built once per test file). */
export const ROOT = resolve(import.meta.dirname, '../..');
let cached: BuildOutput | null = null;
export function seedBuild(): BuildOutput {
  cached ??= buildAll(resolve(ROOT, 'seeds'), ROOT);
  return cached;
}

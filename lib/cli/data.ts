import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { BuildOutput } from '../build/kb';

/** Where the CLI keeps the built data between runs. */
export const CACHE_DIR = 'node_modules/.cache/backstory';

function files(dir: string, keep: (name: string) => boolean): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? files(join(dir, e.name), keep) : keep(e.name) ? [join(dir, e.name)] : [])).sort();
}

/** A hash of everything the build reads: the seeds and the code under lib/ (any change to either means a rebuild). */
export function buildKey(root: string): string {
  const hash = createHash('sha256');
  const inputs = [...files(join(root, 'seeds'), () => true), ...files(join(root, 'lib'), (n) => /\.tsx?$/.test(n))];
  for (const file of inputs) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 20);
}

/** The cache file for the current seeds and code. */
export function cacheFile(root: string, key = buildKey(root)): string {
  return join(root, CACHE_DIR, `build-${key}.json`);
}

/** Writes a build to the cache (atomically, dropping stale builds); a read-only checkout just skips it. */
export function writeCache(root: string, file: string, built: BuildOutput): void {
  try {
    mkdirSync(join(root, CACHE_DIR), { recursive: true });
    for (const old of files(join(root, CACHE_DIR), (n) => /^build-.*\.json$/.test(n))) if (old !== file) rmSync(old, { force: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(built));
    renameSync(tmp, file);
  } catch {
    // Not cached: the next run builds again.
  }
}

/**
 * The built knowledge base, matcher tables and search index: read from the
 * cache when it was built from the same seeds and code, else built by
 * `build-cache.ts` in a child process (so a fresh run never loads the build
 * code) and read back. A bad seed fails with the build's file:line message.
 */
export function loadBuilt(root: string): BuildOutput {
  const file = cacheFile(root);
  const read = () => JSON.parse(readFileSync(file, 'utf8')) as BuildOutput;
  try {
    return read();
  } catch {
    // Not cached yet: build below.
  }
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'build-cache.ts'), root, file], {
    encoding: 'utf8',
    cwd: root,
  });
  if (child.status !== 0)
    throw new Error(child.stderr.trim() || `Backstory: the corpus build failed (${child.error?.message ?? child.status}).`);
  try {
    return read();
  } catch {
    // The cache could not be written (read-only checkout): the child printed the build instead.
    return JSON.parse(child.stdout) as BuildOutput;
  }
}

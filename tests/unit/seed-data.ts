import { resolve } from 'node:path';
import { buildAll, type BuildOutput } from '../../lib/build/kb';
import { LibraryService } from '../../lib/library/service';
import { LibraryStore } from '../../lib/library/store';
import { Matcher } from '../../lib/match/matcher';

/** The project root and a shared build of the real seeds (built once per test file). */
export const ROOT = resolve(import.meta.dirname, '../..');
let cached: BuildOutput | null = null;
export function seedBuild(): BuildOutput {
  cached ??= buildAll(resolve(ROOT, 'seeds'), ROOT);
  return cached;
}

/** A library service on its own IndexedDB database (fake-indexeddb in Node), with the seeds' matcher. */
export function seedLibrary(dbName: string, snapshotDelay = 60_000): LibraryService {
  const built = seedBuild();
  return new LibraryService({
    openStore: () => LibraryStore.open(dbName),
    pipeline: async () => ({
      matcher: new Matcher(built.matcher),
      entities: new Map(built.kb.entities.map((e) => [e.id, { kind: e.kind, name: e.name }])),
    }),
    snapshotDelay,
  });
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildAll, type BuildOutput } from '../../lib/build/kb';
import { LibraryService } from '../../lib/library/service';
import { LibraryStore } from '../../lib/library/store';
import type { LibraryInput } from '../../lib/library/types';
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

/** One of the library fixtures (tests/fixtures/library/valid) as an import, with its provenance from sources.json. */
export function libraryFixture(file: string): LibraryInput {
  const folder = resolve(ROOT, 'tests/fixtures/library/valid');
  const sources = JSON.parse(readFileSync(resolve(folder, 'sources.json'), 'utf8')).documents as Array<Record<string, string>>;
  const { file: name, ...provenance } = sources.find((s) => s.file === file)!;
  return {
    name: name!,
    content: readFileSync(resolve(folder, file), 'utf8'),
    format: file.endsWith('.md') ? 'markdown' : 'text',
    provenance: provenance as unknown as LibraryInput['provenance'],
  };
}

import { Matcher } from './matcher';
import { MATCHER_TABLES_VERSION, type MatcherTables } from './types';

/** Builds a Matcher from bundled tables, refusing tables of another format version. */
export function loadMatcher(tables: MatcherTables): Matcher {
  if (tables.version !== MATCHER_TABLES_VERSION) {
    throw new Error(
      `Backstory: matcher tables are version ${tables.version}, expected ${MATCHER_TABLES_VERSION}; rebuild with "npm run build".`,
    );
  }
  return new Matcher(tables);
}

/** Reads the matcher tables the build ships as an extension file (loaded from the extension itself, never the network). */
export async function fetchMatcherTables(url: string): Promise<MatcherTables> {
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(`Backstory: could not read the matcher tables at ${url} (${response.status}); rebuild with "npm run build".`);
  return (await response.json()) as MatcherTables;
}

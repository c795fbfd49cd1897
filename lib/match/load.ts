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

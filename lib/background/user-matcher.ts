import { USER_MATCHER_KEY } from '../content/user-matcher';
import { compileUserMatcher } from '../kb/user-entities';
import type { UserEntity } from '../library/types';

/** The part of browser.storage.local the background writes the user's matcher to. */
export interface TablesStorage {
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/**
 * Compiles the user's entities into their own small matcher tables and stores them where every tab's content script
 * reads them (and hears of changes, so pages are marked again without a reload). No entities: the key is removed.
 */
export async function publishUserMatcher(entities: UserEntity[], storage: TablesStorage): Promise<void> {
  const tables = compileUserMatcher(entities);
  if (tables) await storage.set({ [USER_MATCHER_KEY]: tables });
  else await storage.remove(USER_MATCHER_KEY);
}

/** Prefix of every library document id; bundled ids are digits ("000"), so the two never collide. */
export const LIBRARY_ID_PREFIX = 'lib';

/** Whether a document or passage id belongs to the user's library. */
export function isLibraryId(id: string): boolean {
  return id.startsWith(LIBRARY_ID_PREFIX);
}

import { codeOf, UserError, type ErrorCode } from '../i18n/errors';
import type { LibraryDocRecord, LibraryFormat, LibraryInput, LibraryProvenance } from './types';
import { checkInput } from './validate';

/** Marks a JSON file as a Backstory pack. */
export const PACK_FORMAT = 'backstory-pack';

/** The pack format's version; a pack of another version is refused with a clear message. */
export const PACK_VERSION = 1;

/** One document in a pack: the fields of seeds/sources.json, plus its content and format. */
export type PackEntry = LibraryProvenance & { file: string; format: LibraryFormat; content: string };

/** A pack: documents with their provenance (a backup of the library, or a newsroom's shared archive). */
export interface LibraryPack {
  format: typeof PACK_FORMAT;
  version: typeof PACK_VERSION;
  created: string;
  documents: PackEntry[];
}

/** A pack entry after checking: a document to import, or the reason it cannot be. */
export type CheckedEntry = { ok: true; input: LibraryInput } | ({ ok: false; name: string; error: string } & ErrorCode);

/** Builds a pack from stored documents (their plain text; the bundled corpus is never included). */
export function makePack(docs: Array<Pick<LibraryDocRecord, 'name' | 'provenance' | 'text'>>, now = new Date()): LibraryPack {
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    created: now.toISOString(),
    documents: docs.map((d) => ({ file: d.name, ...d.provenance, format: 'text', content: d.text })),
  };
}

/**
 * Reads a pack. A file that is not a pack, or a pack of another version, throws (naming the file); each entry
 * is checked on its own, so one broken entry is reported and the good ones still import.
 */
export function readPack(value: unknown, name: string): CheckedEntry[] {
  let data = value;
  if (typeof value === 'string') {
    try {
      data = JSON.parse(value);
    } catch (error) {
      throw new UserError(
        `Backstory: ${name}: not a pack (not valid JSON: ${(error as Error).message}).`,
        'errorNotPack',
        { name },
        { cause: error },
      );
    }
  }
  const pack = data as Partial<LibraryPack> | null;
  if (!pack || typeof pack !== 'object' || pack.format !== PACK_FORMAT) {
    throw new UserError(`Backstory: ${name}: not a Backstory pack (no "format": "${PACK_FORMAT}").`, 'errorNotPack', { name });
  }
  if (pack.version !== PACK_VERSION) {
    throw new UserError(
      `Backstory: ${name}: pack version ${JSON.stringify(pack.version)} is not supported; this version of Backstory reads version ${PACK_VERSION}. Nothing was imported.`,
      'errorPackVersion',
      { name, version: JSON.stringify(pack.version), supported: PACK_VERSION },
    );
  }
  if (!Array.isArray(pack.documents))
    throw new UserError(`Backstory: ${name}: the pack has no "documents" list.`, 'errorNotPack', { name });
  return pack.documents.map((raw: unknown, index): CheckedEntry => {
    const entry = (raw ?? {}) as Partial<PackEntry>;
    const label = `${name}: documents[${index}]`;
    try {
      const { file, format, content, ...provenance } = entry;
      return { ok: true, input: checkInput({ name: file, format: format ?? 'text', content, provenance }, label) };
    } catch (error) {
      return { ok: false, name: typeof entry.file === 'string' ? entry.file : label, error: (error as Error).message, ...codeOf(error) };
    }
  });
}

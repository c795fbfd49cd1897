import { UserError } from '../i18n/errors';
import { decodeFile } from './decode';
import { htmlToText } from './formats';
import type { LibraryFormat, LibraryProvenance } from './types';

/** Largest file the Library page reads (bytes); bigger files are refused before they are read. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** A picked or dropped file, read and ready for its provenance form. */
export interface FileDraft {
  name: string;
  format: LibraryFormat;
  content: string;
  /** Title from the HTML <title> or the first line, to prefill the form. */
  title: string;
  /** Set when the bytes were not UTF-8 (e.g. "windows-1251"). */
  encoding?: string;
  /** Provenance the file states about itself (a saved page's metadata), to prefill the form. */
  provenance?: Partial<LibraryProvenance>;
}

/** The format a file name says: .txt, .md/.markdown or .html/.htm; anything else is an error naming the file. */
export function formatOf(name: string): LibraryFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'txt' || ext === 'text') return 'text';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'html' || ext === 'htm') return 'html';
  throw new UserError(
    `Backstory: ${name}: not a .txt, .md or .html file; the library imports those (and packs, as .json).`,
    'errorFileFormat',
    { name },
  );
}

/** Checks a file's size before reading it. */
export function checkFileSize(name: string, bytes: number): void {
  if (bytes === 0) throw new UserError(`Backstory: ${name}: the file is empty.`, 'errorFileEmpty', { name });
  if (bytes > MAX_FILE_BYTES) {
    const size = Math.round((bytes / 1024 / 1024) * 10) / 10;
    const limit = MAX_FILE_BYTES / 1024 / 1024;
    throw new UserError(
      `Backstory: ${name}: too large (${size.toFixed(1)} MB; the limit is ${limit} MB per document). Split it into smaller files.`,
      'errorFileTooLarge',
      { name, size, limit },
    );
  }
}

/** Reads a file's bytes into a draft: format from the name, text decoded, a title guessed. Throws naming the file. */
export function readDraft(name: string, bytes: Uint8Array): FileDraft {
  const format = formatOf(name);
  checkFileSize(name, bytes.length);
  const { text, encoding } = decodeFile(name, bytes);
  const firstLine =
    text
      .split(/\r?\n/)
      .find((l) => l.trim())
      ?.replace(/^#+\s*/, '')
      .trim() ?? '';
  const title = format === 'html' ? htmlToText(text).title || firstLine : firstLine;
  return {
    name,
    format,
    content: text,
    title: title.slice(0, 200),
    ...(encoding !== 'utf-8' ? { encoding } : {}),
  };
}

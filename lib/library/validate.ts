import type { LibraryFormat, LibraryInput, LibraryProvenance } from './types';

const FORMATS: LibraryFormat[] = ['text', 'markdown', 'html'];

function str(value: unknown): value is string {
  return typeof value === 'string';
}

/**
 * Checks provenance as seeds/sources.json requires it (title, publisher, date YYYY-MM-DD, kind; author and url
 * may be null); returns a clean copy, or throws naming `where` and the field.
 */
export function checkProvenance(value: unknown, where: string): LibraryProvenance {
  if (!value || typeof value !== 'object') throw new Error(`Backstory: ${where}: missing provenance.`);
  const p = value as Record<string, unknown>;
  for (const key of ['title', 'publisher', 'date', 'kind'] as const) {
    if (!str(p[key]) || p[key].trim() === '')
      throw new Error(`Backstory: ${where}: missing "${key}" in the provenance; every document needs title, publisher, date and kind.`);
  }
  const date = (p.date as string).trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
    throw new Error(`Backstory: ${where}: date "${date}" is not a date of the form YYYY-MM-DD.`);
  }
  for (const key of ['author', 'url', 'language'] as const) {
    if (p[key] !== undefined && p[key] !== null && !str(p[key])) throw new Error(`Backstory: ${where}: "${key}" must be text or empty.`);
  }
  const url = str(p.url) && p.url.trim() ? p.url.trim() : null;
  if (url && !/^https?:\/\/[^\s]+$/i.test(url)) throw new Error(`Backstory: ${where}: url "${url}" is not an http(s) address.`);
  const language = str(p.language) && p.language.trim() ? p.language.trim() : undefined;
  return {
    title: (p.title as string).trim(),
    publisher: (p.publisher as string).trim(),
    author: str(p.author) && p.author.trim() ? p.author.trim() : null,
    date,
    url,
    kind: (p.kind as string).trim(),
    ...(language ? { language } : {}),
  };
}

/** Checks one document of a `libraryAdd` request or a pack entry; throws naming `where`. */
export function checkInput(value: unknown, where: string): LibraryInput {
  if (!value || typeof value !== 'object') throw new Error(`Backstory: ${where}: not a document object.`);
  const d = value as Record<string, unknown>;
  if (!str(d.name) || !d.name.trim()) throw new Error(`Backstory: ${where}: missing "name".`);
  const at = `${where} (${d.name})`;
  if (!str(d.content)) throw new Error(`Backstory: ${at}: "content" must be text.`);
  const format = (d.format ?? 'text') as LibraryFormat;
  if (!FORMATS.includes(format)) throw new Error(`Backstory: ${at}: format "${String(d.format)}" is not one of ${FORMATS.join(', ')}.`);
  return { name: d.name.trim(), content: d.content, format, provenance: checkProvenance(d.provenance, at) };
}

/** The key two documents with the same address share: no fragment, no trailing slash, lower-case host. */
export function urlKey(url: string | null): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    u.hash = '';
    return `${u.protocol}//${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    return url.trim();
  }
}

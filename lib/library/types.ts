import type { ErrorCode } from '../i18n/errors';
import type { CorpusDoc, Passage, Provenance } from '../corpus/types';
import type { Entity } from '../kb/types';
import type { Mention } from '../match/types';
import type { Statement } from '../statements/types';

/** Provenance of a library document: the fields of seeds/sources.json (without `file`), plus its language. */
export interface LibraryProvenance {
  title: string;
  publisher: string;
  author: string | null;
  /** YYYY-MM-DD: the publication date. */
  date: string;
  url: string | null;
  kind: string;
  /** BCP 47 language tag, when known. */
  language?: string;
}

/** Formats a document can arrive in; plain text has paragraphs separated by blank lines. */
export type LibraryFormat = 'text' | 'markdown' | 'html';

/** One document to add: its file name (or page title), content, format and provenance. */
export interface LibraryInput {
  name: string;
  content: string;
  format: LibraryFormat;
  provenance: LibraryProvenance;
}

/** What the pipeline found in a document. */
export interface DocStats {
  words: number;
  passages: number;
  statements: number;
  mentions: number;
}

/** The result of adding (or previewing) one document. */
export type LibraryAddResult =
  | { name: string; ok: true; docId: string; stats: DocStats; duplicate?: false }
  | ({ name: string; ok: false; error: string; duplicateOf?: string } & ErrorCode);

/** A library document as stored: provenance, the text the pipeline read, and keys for finding duplicates. */
export interface LibraryDocRecord {
  id: string;
  name: string;
  provenance: LibraryProvenance;
  /** The plain text after format conversion (paragraphs separated by blank lines): what a pack exports. */
  text: string;
  /** The format it arrived in. */
  format: LibraryFormat;
  /** SHA-256 of the text with whitespace collapsed: same text = same document. */
  textHash: string;
  /** The URL without fragment and trailing slash, lower-cased host; '' when there is none. */
  urlKey: string;
  addedAt: string;
  stats: DocStats;
  notes: Record<number, string>;
}

/** A library document in lists: everything but its text. */
export type LibraryDocSummary = Omit<LibraryDocRecord, 'text' | 'notes' | 'textHash' | 'urlKey'>;

/** Mentions of known entities in one passage. */
export interface MentionRecord {
  passage: string;
  doc: string;
  mentions: Mention[];
}

/** Everything stored for one document; written and removed in one transaction. */
export interface DocumentBundle {
  doc: LibraryDocRecord;
  passages: Passage[];
  statements: Statement[];
  mentions: MentionRecord[];
}

/** A user entity as stored: an entity of the knowledge base's schema (validated by lib/kb/user-entities.ts). */
export type UserEntity = Omit<Entity, 'line'>;

/** A library document opened in full (for the reader and the Library page). */
export interface LibraryDocView {
  summary: LibraryDocSummary;
  doc: CorpusDoc;
  statements: Statement[];
}

/** The provenance a library document carries inside the shared corpus types. */
export function corpusProvenance(record: Pick<LibraryDocRecord, 'name' | 'provenance'>): Provenance {
  const { title, publisher, author, date, url, kind } = record.provenance;
  return { file: record.name, title, publisher, author, date, url, kind, library: true };
}

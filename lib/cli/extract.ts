import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { articleText, extractArticle, notAnArticle } from '../article/extract';
import { parseHtml } from '../article/node';
import type { BuildOutput } from '../build/kb';
import { buildDocument } from '../corpus/document';
import type { Provenance } from '../corpus/types';
import { Matcher } from '../match/matcher';
import { processDocument } from '../pipeline/process';
import { speakerRef } from '../search/query';
import type { Statement } from '../statements/types';

/** One extracted statement as `extract --json` prints it. */
export interface ExtractRow {
  kind: Statement['kind'];
  speaker: { id?: string; name: string; role?: string };
  text: string;
  date?: string;
  dateSource: 'stated' | 'published';
  confidence: number;
  passage: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a file as UTF-8 text, refusing empty and binary files with a message naming the file. */
function readText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new Error(`Backstory: ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`, {
      cause: error,
    });
  }
  if (bytes.length === 0) throw new Error(`Backstory: ${file}: the file is empty.`);
  if (bytes.includes(0)) throw new Error(`Backstory: ${file}: this is a binary file, not text or HTML.`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`Backstory: ${file}: not UTF-8 text; save it as UTF-8 and try again.`);
  }
}

/** The document text and provenance of a .txt or .html file (HTML through the same article extraction as "Add this page"). */
export function readDocumentFile(file: string, date?: string): { text: string; provenance: Provenance } {
  const ext = extname(file).toLowerCase();
  if (!['.txt', '.html', '.htm'].includes(ext)) throw new Error(`Backstory: ${file}: extract reads .txt or .html files.`);
  const raw = readText(file);
  // The document id is the file's name; buildDocument derives it from a ".txt" name.
  const name = `${basename(file, extname(file))}.txt`;
  const base: Provenance = { file: name, title: basename(file), publisher: '', author: null, date: date ?? '', url: null, kind: 'article' };
  if (ext === '.txt') {
    if (!raw.trim()) throw new Error(`Backstory: ${file}: the file has no text.`);
    return { text: raw, provenance: base };
  }
  const { doc, close } = parseHtml(raw);
  try {
    const article = extractArticle(doc);
    const problem = notAnArticle(doc, article, article.canonicalUrl ?? '');
    if (problem) throw new Error(`Backstory: ${file}: ${problem}`);
    return {
      text: articleText(article),
      provenance: {
        ...base,
        title: article.title || base.title,
        publisher: article.siteName ?? '',
        author: article.authors.join(', ') || null,
        date: date ?? article.published ?? '',
        url: article.canonicalUrl,
      },
    };
  } finally {
    close();
  }
}

/** Runs the corpus pipeline (clean, passages, sentences, mentions, statements) on one file and returns its statements. */
export function extractStatementsFromFile(file: string, built: BuildOutput, date?: string): ExtractRow[] {
  if (date !== undefined && !ISO_DATE.test(date)) throw new Error(`Backstory: ${file}: --date "${date}" is not YYYY-MM-DD.`);
  const { text, provenance } = readDocumentFile(file, date);
  const doc = buildDocument(text, provenance, file);
  const entities = new Map(built.kb.entities.map((e) => [e.id, { kind: e.kind, name: e.name }]));
  const { statements } = processDocument(doc, { matcher: new Matcher(built.matcher), entities });
  return statements.map((s) => {
    // The statement's own date where the text gives one (YYYY, YYYY-MM or a day), else the publication date, if known.
    const stated = s.dateSource === 'stated' ? s.statedOn : undefined;
    const date = stated ?? (ISO_DATE.test(s.docDate) ? s.docDate : undefined);
    return {
      kind: s.kind,
      speaker: speakerRef(s.speaker),
      text: s.text,
      ...(date ? { date } : {}),
      dateSource: stated ? 'stated' : 'published',
      confidence: s.confidence,
      passage: s.passage,
    };
  });
}

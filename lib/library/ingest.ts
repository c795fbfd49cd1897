import { buildDocument } from '../corpus/document';
import { UserError } from '../i18n/errors';
import { processDocument, type PipelineContext } from '../pipeline/process';
import { corpusProvenance, type DocumentBundle, type LibraryInput } from './types';
import { countWords, toPlainText } from './formats';
import { LIBRARY_ID_PREFIX } from './ids';
import { urlKey } from './validate';

/** SHA-256 (hex) of the text with whitespace collapsed, so re-saved copies of the same text are one document. */
export async function textHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text.replace(/\s+/g, ' ').trim()));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Runs one document through the shared pipeline (format → plain text → cleaning with offset maps → passages →
 * sentences → mentions → statements) and returns everything to store. Throws a `Backstory:` error naming the file.
 * The id comes from the text, so importing the same text again gives the same id (and a pack round-trips).
 */
export async function prepareDocument(input: LibraryInput, ctx: PipelineContext, now = new Date()): Promise<DocumentBundle> {
  const text = toPlainText(input.name, input.content, input.format);
  const hash = await textHash(text);
  const id = `${LIBRARY_ID_PREFIX}${hash.slice(0, 12)}`;
  const corpusDoc = buildDocument(text, corpusProvenance(input), input.name, id);
  if (corpusDoc.passages.length === 0)
    throw new UserError(`Backstory: ${input.name}: no paragraphs of text left after cleaning.`, 'errorNoParagraphs', { name: input.name });
  const processed = processDocument(corpusDoc, ctx);
  const mentions = [...processed.mentions].map(([passage, ms]) => ({ passage, doc: id, mentions: ms }));
  return {
    doc: {
      id,
      name: input.name,
      provenance: input.provenance,
      text,
      format: input.format,
      textHash: hash,
      urlKey: urlKey(input.provenance.url),
      addedAt: now.toISOString(),
      stats: {
        words: corpusDoc.passages.reduce((n, p) => n + countWords(p.text), 0),
        passages: corpusDoc.passages.length,
        statements: processed.statements.length,
        mentions: mentions.reduce((n, m) => n + m.mentions.length, 0),
      },
      notes: corpusDoc.notes,
    },
    passages: corpusDoc.passages,
    statements: processed.statements,
    mentions,
  };
}

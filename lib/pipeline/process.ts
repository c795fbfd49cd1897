import type { CorpusDoc } from '../corpus/types';
import { BLOCK_SEPARATOR } from '../match/fold';
import type { Matcher } from '../match/matcher';
import type { Mention } from '../match/types';
import { extractStatements, type EntityInfo } from '../statements/extract';
import type { QuotedTerm, Statement } from '../statements/types';

/** What the pipeline needs besides the document: the compiled matcher and each entity's kind and name. */
export interface PipelineContext {
  matcher: Matcher;
  entities: Map<string, EntityInfo>;
}

/** One document after the whole pipeline: its mentions per passage, statements and quoted terms. */
export interface ProcessedDocument {
  doc: CorpusDoc;
  mentions: Map<string, Mention[]>;
  statements: Statement[];
  terms: QuotedTerm[];
}

/**
 * The one pipeline every document goes through after cleaning (bundled seeds at build time,
 * library documents in the extension, the CLI): mentions of known entities, then statements.
 */
export function processDocument(doc: CorpusDoc, ctx: PipelineContext): ProcessedDocument {
  const mentions = matchPassages(doc, ctx.matcher);
  const { statements, terms } = extractStatements({ doc, mentions, entities: ctx.entities });
  return { doc, mentions, statements, terms };
}

/** Mentions per passage, offsets into each passage's text. */
export function matchPassages(doc: CorpusDoc, matcher: Matcher): Map<string, Mention[]> {
  // Match the whole document at once so "surname after full name" rules see the earlier passages.
  const joined = doc.passages.map((p) => p.text).join(BLOCK_SEPARATOR);
  const all = matcher.match(joined);
  const mentions = new Map<string, Mention[]>();
  let offset = 0;
  for (const passage of doc.passages) {
    const end = offset + passage.text.length;
    mentions.set(
      passage.id,
      all.filter((m) => m.start >= offset && m.end <= end).map((m) => ({ ...m, start: m.start - offset, end: m.end - offset })),
    );
    offset = end + BLOCK_SEPARATOR.length;
  }
  return mentions;
}

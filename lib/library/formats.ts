import { Parser } from 'htmlparser2';
import { UserError } from '../i18n/errors';
import type { LibraryFormat } from './types';

/** Largest document the library takes, in characters of text (about 1,000 pages of prose). */
export const MAX_DOCUMENT_CHARS = 5_000_000;

/** Fewer words than this is not an article: a login page, a search page, a stub. */
export const MIN_WORDS = 30;

const BLOCK = new Set(
  'address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul'.split(
    ' ',
  ),
);
// Never part of an article's text: code, styling, page furniture, forms, media.
const SKIP = new Set(
  'script style noscript template svg math nav header footer aside form button select textarea iframe object head'.split(' '),
);
const VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '));

/**
 * HTML → paragraphs, one per line, for imported .html files. A streaming parser (no DOM, so it runs in
 * a Chrome service worker); it keeps the text of block elements and drops scripts and page furniture.
 * Pages from the live tab use the page helper's article extraction instead.
 */
export function htmlToText(html: string): { text: string; title: string } {
  const lines: string[] = [];
  let current = '';
  let skipDepth = 0;
  let inTitle = false;
  let title = '';
  const flush = () => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
    current = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'title') inTitle = true;
        if (SKIP.has(name) && !VOID.has(name)) skipDepth++;
        if (BLOCK.has(name)) flush();
      },
      ontext(text) {
        if (inTitle) title += text;
        else if (skipDepth === 0) current += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (SKIP.has(name) && !VOID.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        if (BLOCK.has(name)) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return { text: lines.join('\n\n'), title: title.replace(/\s+/g, ' ').trim() };
}

/** Markdown → paragraphs: drops heading marks, emphasis, link targets, images, code fences and HTML tags. */
export function markdownToText(md: string): string {
  return md
    .replace(/^```[\s\S]*?^```/gm, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<[^>\n]+>/g, '')
    .replace(/^ {0,3}#{1,6}\s+/gm, '')
    .replace(/^ {0,3}>\s?/gm, '')
    .replace(/^ {0,3}[-*+]\s+/gm, '')
    .replace(/^ {0,3}(?:[-*_]\s*){3,}$/gm, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}

/** Counts words (runs of letters or digits). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/**
 * Checks a document's content and turns it into plain text, or throws a clear error naming the file.
 * Rejects empty, binary-looking, oversized and article-less input.
 */
export function toPlainText(name: string, content: string, format: LibraryFormat): string {
  if (content.length > MAX_DOCUMENT_CHARS) {
    const size = Math.round(content.length / 1e5) / 10;
    throw new UserError(
      `Backstory: ${name}: too large (${size.toFixed(1)} million characters; the limit is ${MAX_DOCUMENT_CHARS / 1e6} million). Split it into smaller documents.`,
      'errorTooManyCharacters',
      { name, size, limit: MAX_DOCUMENT_CHARS / 1e6 },
    );
  }
  if (content.trim() === '') throw new UserError(`Backstory: ${name}: the file is empty.`, 'errorFileEmpty', { name });
  // NUL and other C0 controls do not occur in text; U+FFFD in bulk means bytes that were not text in that encoding.
  let controls = 0;
  let replaced = 0;
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32)) controls++;
    else if (c === 0xfffd) replaced++;
  }
  if (controls > 0 && controls / content.length > 0.001) {
    throw new UserError(
      `Backstory: ${name}: this looks like a binary file, not text (${controls} control characters).`,
      'errorBinaryFile',
      { name },
    );
  }
  if (replaced / content.length > 0.01) {
    throw new UserError(
      `Backstory: ${name}: the text is not valid UTF-8 (${replaced} unreadable characters); save it as UTF-8 and import it again.`,
      'errorNotUtf8',
      { name },
    );
  }
  const text = format === 'html' ? htmlToText(content).text : format === 'markdown' ? markdownToText(content) : content;
  const words = countWords(text);
  if (words < MIN_WORDS) {
    throw new UserError(
      format === 'html'
        ? `Backstory: ${name}: no article text found in this HTML page (${words} words outside scripts, menus and forms; at least ${MIN_WORDS} are needed).`
        : `Backstory: ${name}: too short to be an article (${words} words; at least ${MIN_WORDS} are needed).`,
      format === 'html' ? 'errorNoArticle' : 'errorTooShort',
      { name, count: words, min: MIN_WORDS },
    );
  }
  return text;
}

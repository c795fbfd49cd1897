import { Readability } from '@mozilla/readability';
import { dateOnly, readMetadata } from './metadata';

/** An article read from a page: its metadata and its main text as paragraphs. */
export interface Article {
  title: string;
  siteName: string | null;
  authors: string[];
  /** Publication date, YYYY-MM-DD, when the page states one. */
  published: string | null;
  canonicalUrl: string | null;
  lang: string | null;
  paragraphs: string[];
  wordCount: number;
}

/** Fewer words of main text than this, and the page is not taken for an article. */
export const MIN_ARTICLE_WORDS = 80;

/** Blocks of the extracted article that become paragraphs (innermost ones win: a blockquote's own paragraphs). */
const BLOCKS = 'p,h1,h2,h3,h4,h5,h6,li,blockquote,pre,figcaption,dd,dt,td,th';
/** Program listings are no prose to quote from (the content script skips them too). */
const CODE = 'pre,code,samp,kbd';

/** Counts words; scripts written without spaces (Chinese, Japanese) count by the segmenter's words. */
export function countWords(text: string): number {
  const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  if (!Segmenter) return (text.match(/\S+/g) ?? []).length;
  let n = 0;
  for (const s of new Segmenter(undefined, { granularity: 'word' }).segment(text)) if (s.isWordLike) n++;
  return n;
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The article's blocks as plain paragraphs, in reading order, with whitespace collapsed. */
function paragraphsOf(root: Element): string[] {
  const out: string[] = [];
  const blocks = [...root.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS) && !el.closest(CODE));
  if (blocks.length === 0)
    return root.textContent
      ? root.textContent
          .split(/\n\s*\n/)
          .map(normalize)
          .filter(Boolean)
      : [];
  for (const el of blocks) {
    const text = normalize(el.textContent ?? '');
    if (text) out.push(text);
  }
  return out;
}

/**
 * Reads the article of a page: metadata from the page itself (JSON-LD, Open Graph and article meta tags, `<time>`,
 * the canonical link) and the main text from Mozilla Readability, run on a copy so the page is left untouched.
 */
export function extractArticle(doc: Document): Article {
  const meta = readMetadata(doc);
  // Readability rewrites the document it is given; a clone has no browsing context, so nothing in it loads.
  const copy = doc.cloneNode(true) as Document;
  let parsed: ReturnType<Readability<Element>['parse']>;
  try {
    parsed = new Readability<Element>(copy, { serializer: (node) => node as Element }).parse();
  } catch {
    // A page Readability cannot walk has no main text for us; notAnArticle() says so.
    parsed = null;
  }
  const paragraphs = parsed?.content ? paragraphsOf(parsed.content) : [];
  const title = normalize(meta.title ?? parsed?.title ?? doc.title ?? '');
  // The title is stored as its own first block; a repeated headline in the body is dropped.
  if (paragraphs.length > 0 && normalize(paragraphs[0]!) === title) paragraphs.shift();
  const byline = parsed?.byline ? normalize(parsed.byline.replace(/^(by|von|par|por|di)\s+/i, '')) : '';
  return {
    title,
    siteName: meta.siteName ?? (parsed?.siteName ? normalize(parsed.siteName) : null),
    // Readability's byline is a guess from the page; dates and counts glued to it make it no name.
    authors: meta.authors.length > 0 ? meta.authors : byline && byline.length < 80 && !/\d/.test(byline) ? [byline] : [],
    published: meta.published ?? dateOnly(parsed?.publishedTime ?? null),
    canonicalUrl: meta.canonicalUrl,
    lang: meta.lang ?? parsed?.lang ?? null,
    paragraphs,
    wordCount: paragraphs.reduce((n, p) => n + countWords(p), 0),
  };
}

const SEARCH_PATH = /\/(search|suche|recherche|buscar|busca|poisk|axtaris)(\/|$|\.)/i;
const SEARCH_QUERY = /[?&](q|query|search|s|text|keywords?)=[^&]/i;
const LOGIN_WORDS =
  /\b(log ?in|sign ?in|sign ?up|anmelden|connexion|se connecter|iniciar sesi[oó]n|accedi|войти|вход|daxil ol|giriş yap|մուտք)\b/iu;

/** Why a page is not an article: the kind of page, and the word count for the too-short kind. */
export type ArticleProblem = { kind: 'search' | 'login' | 'no-text' } | { kind: 'too-short'; words: number };

/** What makes a page not an article Backstory should store (no main text, too few words, a search or login page), or null. */
export function articleProblem(doc: Document, article: Article, url = doc.URL): ArticleProblem | null {
  if (isSearchPage(doc, url)) return { kind: 'search' };
  const hasPassword = doc.querySelector('input[type="password"]') !== null;
  const heading = `${doc.title} ${doc.querySelector('h1')?.textContent ?? ''}`;
  if (hasPassword && (LOGIN_WORDS.test(heading) || article.wordCount < 250)) return { kind: 'login' };
  if (article.paragraphs.length === 0) return { kind: 'no-text' };
  if (article.wordCount < MIN_ARTICLE_WORDS) return { kind: 'too-short', words: article.wordCount };
  return null;
}

/** A problem as one English sentence (for the CLI and logs, without the "Backstory:" prefix the caller adds). */
export function problemSentence(problem: ArticleProblem): string {
  switch (problem.kind) {
    case 'search':
      return 'this looks like a search results page, not an article; open the article itself and add it.';
    case 'login':
      return 'this looks like a login page, not an article; there is nothing to add.';
    case 'no-text':
      return 'no main text found on this page; Backstory adds articles, not front pages or apps.';
    case 'too-short':
      return `this page has only ${problem.words} word${problem.words === 1 ? '' : 's'} of main text (an article needs at least ${MIN_ARTICLE_WORDS}); nothing was added.`;
  }
}

/** Why a page is not an article, as an English sentence, or null when it is one. */
export function notAnArticle(doc: Document, article: Article, url = doc.URL): string | null {
  const problem = articleProblem(doc, article, url);
  return problem ? problemSentence(problem) : null;
}

function isSearchPage(doc: Document, url: string): boolean {
  let path = '';
  let query = '';
  try {
    const u = new URL(url);
    path = u.pathname;
    query = u.search;
  } catch {
    // Not a URL (a file read by the CLI): only the page's own markup can say.
  }
  if (SEARCH_PATH.test(path) && (SEARCH_QUERY.test(query) || path.length < 12)) return true;
  if (SEARCH_QUERY.test(query) && /search|such|recherch|busca|поиск/i.test(`${doc.title} ${path}`)) return true;
  return [...doc.querySelectorAll('script[type="application/ld+json"]')].some((s) => /"SearchResultsPage"/.test(s.textContent ?? ''));
}

/** The article as the document text the corpus pipeline reads: the title, then one paragraph per line, blank lines between. */
export function articleText(article: Article): string {
  return [article.title, ...article.paragraphs].filter(Boolean).join('\n\n') + '\n';
}

import type { ErrorCode } from '../i18n/errors';
import { articleText, MIN_ARTICLE_WORDS, problemSentence, type Article, type ArticleProblem } from '../article/extract';
import type { DocStats, LibraryAddResult, LibraryInput } from '../library/types';

/** What the on-demand article script (entrypoints/article.ts) returns from the tab. */
export interface ExtractedPage {
  article: Article;
  /** Why the page is not an article, or null. */
  problem: ArticleProblem | null;
  url: string;
}

/** What the preview shows before anything is stored, or why there is nothing to add. */
export type PageDraft =
  | {
      ok: true;
      /** The document as it would be stored; the user may correct its publisher and date before saving. */
      input: LibraryInput;
      article: Omit<Article, 'paragraphs'>;
      stats: DocStats;
      /** True when the page states no publication date: the user must give one before saving. */
      needsDate: boolean;
    }
  | ({ ok: false; error: string } & ErrorCode);

/** Stands in for a missing date in the preview's dry run only (statements and mentions do not depend on it). */
const PREVIEW_DATE = '1970-01-01';

/** The library document for an extracted page: the article's text and its metadata as provenance. */
export function pageInput(page: ExtractedPage): LibraryInput {
  const { article } = page;
  const host = hostOf(article.canonicalUrl ?? page.url);
  const url = article.canonicalUrl ?? (/^https?:/.test(page.url) ? page.url : null);
  return {
    name: article.title || host || 'page',
    content: articleText(article),
    format: 'text',
    provenance: {
      title: article.title || host,
      publisher: article.siteName ?? host,
      author: article.authors.length > 0 ? article.authors.join(', ') : null,
      date: article.published ?? '',
      url,
      kind: 'web page',
      ...(article.lang ? { language: article.lang } : {}),
    },
  };
}

/**
 * Turns what the tab returned into a preview: refuses non-articles with their reason, and asks the library for a
 * dry run (the same pipeline that will store it) for the counts of statements and mentions, or a duplicate.
 */
export async function draftPage(
  page: ExtractedPage | null | undefined,
  dryRun: (input: LibraryInput) => Promise<LibraryAddResult>,
): Promise<PageDraft> {
  if (!page || typeof page !== 'object' || !page.article)
    return {
      ok: false,
      error: 'Backstory: this page could not be read (the browser does not let extensions read it).',
      code: 'addNotReadable',
    };
  if (page.problem) return refusal(page.problem);
  const input = pageInput(page);
  const needsDate = !input.provenance.date;
  const result = await dryRun(needsDate ? { ...input, provenance: { ...input.provenance, date: PREVIEW_DATE } } : input);
  if (!result.ok) return { ok: false, error: result.error };
  const { paragraphs: _p, ...article } = page.article;
  return { ok: true, input, article, stats: result.stats, needsDate };
}

const PROBLEM_KEYS = {
  search: 'errorPageSearch',
  login: 'errorPageLogin',
  'no-text': 'errorPageNoText',
  'too-short': 'errorPageTooShort',
} as const satisfies Record<ArticleProblem['kind'], string>;

/** The refusal of a page that is not an article, in English and as a message key the popup shows in the reader's language. */
function refusal(reported: ArticleProblem): PageDraft {
  // What the tab reported is re-read field by field; an unknown kind counts as a page without main text.
  const problem: ArticleProblem =
    reported.kind === 'too-short'
      ? { kind: 'too-short', words: Number(reported.words) || 0 }
      : { kind: reported.kind in PROBLEM_KEYS ? reported.kind : 'no-text' };
  const count = problem.kind === 'too-short' ? problem.words : 0;
  return {
    ok: false,
    error: `Backstory: ${problemSentence(problem)}`,
    code: PROBLEM_KEYS[problem.kind],
    params: { count, min: MIN_ARTICLE_WORDS },
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

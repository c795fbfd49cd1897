import { articleProblem, articleText, extractArticle, MIN_ARTICLE_WORDS, problemSentence, type ArticleProblem } from '../article/extract';
import { UserError } from '../i18n/errors';
import type { FileDraft } from './files';

/** The message a saved page refused as no article shows; too little text reads as an HTML file with no article. */
const FILE_PROBLEM_KEYS = {
  search: 'errorFileSearchPage',
  login: 'errorFileLoginPage',
  'no-text': 'errorNoArticle',
  'too-short': 'errorNoArticle',
} as const satisfies Record<ArticleProblem['kind'], string>;

/**
 * A saved web page (.html) read as "Add this page" reads a live one: Mozilla Readability's main text, and the page's
 * own metadata (publisher, date, author, canonical URL, language) prefilled into its provenance form. Without this,
 * an imported page would keep its menus, teasers and adverts. `parse` makes a Document (DOMParser in an extension
 * page, happy-dom in Node); nothing in it loads or runs. Throws, naming the file, for a page that is not an article.
 */
export function articleDraft(draft: FileDraft, parse: (html: string) => Document): FileDraft {
  const doc = parse(draft.content);
  const article = extractArticle(doc);
  const problem = articleProblem(doc, article, article.canonicalUrl ?? '');
  if (problem) {
    const key = FILE_PROBLEM_KEYS[problem.kind];
    const params = { name: draft.name, count: problem.kind === 'too-short' ? problem.words : 0, min: MIN_ARTICLE_WORDS };
    throw new UserError(`Backstory: ${draft.name}: ${problemSentence(problem)}`, key, params);
  }
  const title = article.title || draft.title;
  return {
    ...draft,
    // The text the pipeline reads is the article's, so the stored document is what the reader sees and a pack exports.
    format: 'text',
    content: articleText({ ...article, title }),
    title,
    provenance: {
      ...(article.siteName ? { publisher: article.siteName } : {}),
      ...(article.authors.length > 0 ? { author: article.authors.join(', ') } : {}),
      ...(article.published ? { date: article.published } : {}),
      ...(article.canonicalUrl ? { url: article.canonicalUrl } : {}),
      ...(article.lang ? { language: article.lang } : {}),
    },
  };
}

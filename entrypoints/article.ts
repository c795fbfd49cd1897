import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { articleProblem, extractArticle } from '../lib/article/extract';
import type { ExtractedPage } from '../lib/background/add-page';

// Injected into a tab only when the user asks to add it (scripting.executeScript); never part of the content script.
// Its return value is what executeScript reports to the background.
export default defineUnlistedScript((): ExtractedPage => {
  const article = extractArticle(document);
  return { article, problem: articleProblem(document, article, location.href), url: location.href };
});

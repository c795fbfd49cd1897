import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../lib/article/node';
import { MIN_ARTICLE_WORDS } from '../../lib/article/extract';
import { codeOf } from '../../lib/i18n/errors';
import { readDraft } from '../../lib/library/files';
import { articleDraft } from '../../lib/library/html-file';
import { toPlainText } from '../../lib/library/formats';

const ROOT = join(import.meta.dirname, '../..');
const file = (path: string) => readFileSync(join(ROOT, path));
const parse = (html: string) => parseHtml(html).doc;

describe('an imported .html file is read as "Add this page" reads a live page', () => {
  it('keeps the article of a saved BBC page, not its menus, teasers, adverts or script text, and prefills its provenance', () => {
    const draft = articleDraft(readDraft('bbc-1.html', file('../shared/pages/bbc-1.html')), parse);
    expect(draft.format).toBe('text');
    expect(draft.title).toBe("Obama admits US gun laws are his 'biggest frustration' - BBC News");
    // Read by hand from the page's meta tags (og:site_name, og:article:author, the date, the canonical link, <html lang>).
    expect(draft.provenance).toEqual({
      publisher: 'BBC News',
      author: 'BBC News',
      date: '2015-07-24',
      url: 'http://www.bbc.com/news/world-us-canada-33646704',
      language: 'en',
    });
    expect(draft.content).toContain("the BBC's North America editor Jon Sopel said the president did not sound very confident");
    // What the page has around the article (seen in the stored page): navigation, "Most read", adverts, a script's text.
    for (const furniture of ['Entertainment & Arts', 'Most read', 'Medicare Supplement Plans', "Krux('scrape'"])
      expect(draft.content).not.toContain(furniture);
    // The plain reading of the same file keeps them: that is what an import stored before.
    expect(toPlainText('bbc-1.html', readDraft('bbc-1.html', file('../shared/pages/bbc-1.html')).content, 'html')).toContain('Most read');
  });

  it('refuses a page that is not an article, naming the file and saying why', () => {
    expect(() => articleDraft(readDraft('login.html', file('tests/fixtures/library/bad/login.html')), parse)).toThrow(
      /^Backstory: login\.html: this looks like a login page, not an article/,
    );
    // The Library page shows it in the reader's language, from its key and values.
    const error = (() => {
      try {
        articleDraft(readDraft('login.html', file('tests/fixtures/library/bad/login.html')), parse);
      } catch (e) {
        return e;
      }
    })();
    expect(codeOf(error)).toEqual({ code: 'errorFileLoginPage', params: { name: 'login.html', count: 0, min: MIN_ARTICLE_WORDS } });
  });
});

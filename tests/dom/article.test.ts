import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countWords, extractArticle, MIN_ARTICLE_WORDS, notAnArticle } from '../../lib/article/extract';
import { dateOnly } from '../../lib/article/metadata';
import { parseHtml } from '../../lib/article/node';

const PAGES = join(import.meta.dirname, '../../../shared/pages');

const load = (html: string, url = 'https://example.org/article') => parseHtml(html, url);

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ') + '.';

const page = (name: string) => load(readFileSync(join(PAGES, name), 'utf8'), `https://example.org/${name}`);

/**
 * Gold read by hand from each saved page's own markup (meta tags, JSON-LD, <html lang>, the canonical link)
 * and one sentence of its article body; `null` where the page states nothing.
 */
const GOLD = [
  {
    file: 'bbc-1.html',
    title: "Obama admits US gun laws are his 'biggest frustration' - BBC News",
    siteName: 'BBC News',
    published: '2015-07-24',
    canonicalUrl: 'http://www.bbc.com/news/world-us-canada-33646704',
    lang: 'en',
    body: "the BBC's North America editor Jon Sopel said the president did not sound very confident",
  },
  {
    file: 'lemonde-1.html',
    title: "Le projet de loi sur le renseignement massivement approuvé à l'Assemblée",
    siteName: 'Le Monde.fr',
    published: '2015-05-04',
    canonicalUrl: 'http://www.lemonde.fr/pixels/article/2015/05/04/que-contient-la-loi-sur-le-renseignement_4627068_4408996.html',
    lang: 'fr',
    body: "comme l'UMP Laure de la Raudière ou l'écologiste Sergio Coronado",
  },
  {
    file: 'nytimes-1.html',
    title: 'United States to Lift Sudan Sanctions',
    author: 'Jeffrey Gettleman',
    published: '2017-01-13',
    canonicalUrl: 'https://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html',
    lang: 'en',
    body: 'On Friday, the Obama administration will announce a new Sudan strategy.',
  },
  {
    file: 'heise.html',
    title: '1Password für Mac generiert Einmal-Passwörter',
    siteName: 'Mac & i',
    lang: 'de',
    body: '1Password kostet aktuell knapp 50 Euro im Mac App Store',
  },
  {
    file: 'aktualne.html',
    siteName: 'Aktuálně.cz - Víte, co se právě děje',
    author: 'Aleš Vávra',
    published: '2021-11-01',
    canonicalUrl:
      'https://sport.aktualne.cz/fotbal/zahranici/west-ham-hrozi-gigantum-okouzlil-i-linekera-souckovu-praci-j/r~8fa032ba3add11ec8a900cc47ab5f122/',
    lang: 'cs',
  },
  {
    file: 'theverge.html',
    title: 'Apple’s Vision Pro is the Retina display moment for headsets',
    siteName: 'The Verge',
    author: 'Alex Heath',
    published: '2023-06-07',
    canonicalUrl: 'https://www.theverge.com/23752959/apple-vision-pro-headset-hands-on-demo-impressions',
    lang: 'en',
    body: 'I still remember using the iPhone 4 for the first time in 2010.',
  },
  {
    file: 'seattletimes-1.html',
    siteName: 'The Seattle Times',
    author: 'Benjamin Romano',
    published: '2019-04-28',
    lang: 'en-US',
  },
  {
    file: 'yahoo-4.html',
    siteName: 'Yahoo!ニュース',
    lang: 'ja',
    body: 'トレンドマイクロは3月9日、Wi-Fi利用時の通信を暗号化し保護する',
  },
] as const;

describe('extractArticle on real saved pages', () => {
  for (const gold of GOLD) {
    it(`reads ${gold.file}: metadata from the page, the article body as paragraphs`, () => {
      const { doc, close } = page(gold.file);
      const article = extractArticle(doc);
      if ('title' in gold) expect(article.title).toBe(gold.title);
      if ('siteName' in gold) expect(article.siteName).toBe(gold.siteName);
      if ('author' in gold) expect(article.authors).toContain(gold.author);
      if ('published' in gold) expect(article.published).toBe(gold.published);
      if ('canonicalUrl' in gold) expect(article.canonicalUrl).toBe(gold.canonicalUrl);
      expect(article.lang).toBe(gold.lang);
      if ('body' in gold) expect(article.paragraphs.some((p) => p.includes(gold.body))).toBe(true);
      expect(article.wordCount).toBeGreaterThan(MIN_ARTICLE_WORDS);
      expect(notAnArticle(doc, article)).toBeNull();
      close();
    });
  }

  it('leaves the page it reads untouched', () => {
    const { doc, close } = page('bbc-1.html');
    const before = doc.documentElement.outerHTML;
    extractArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
    close();
  });

  // One test per page, each with its own time limit: a 1.6 MB page takes seconds on a loaded two-core machine.
  it.each(readdirSync(PAGES).filter((f) => f.endsWith('.html')))(
    'turns %s into clean paragraphs, or a clear reason why it is no article',
    (file) => {
      const { doc, close } = page(file);
      const article = extractArticle(doc);
      for (const p of article.paragraphs) {
        expect(p).not.toBe('');
        expect(p).not.toMatch(/<\/?(p|div|span|a|br|img|script|style|b|i|em|strong|li|ul|figure|svg)\b[^>]*>/i);
        expect(p).not.toMatch(/\s{2}/);
      }
      expect(article.wordCount).toBe(article.paragraphs.reduce((n, p) => n + countWords(p), 0));
      const problem = notAnArticle(doc, article);
      if (problem) expect(problem).toMatch(/^(this|no) .+\.$/);
      close();
    },
    60_000,
  );
});

describe('pages that are not articles', () => {
  it('a test page of a few words gets a clear message naming the word count', () => {
    const { doc, close } = page('005-unescape-html-entities.html');
    expect(notAnArticle(doc, extractArticle(doc))).toMatch(/^this page has only \d+ words? of main text/);
    close();
  });

  it('a login page is refused even with text around the form', () => {
    const { doc, close } = load(
      `<html><head><title>Sign in to your account</title></head><body><h1>Sign in</h1><form><input name="u"><input type="password"></form><p>${words(120)}</p></body></html>`,
    );
    expect(notAnArticle(doc, extractArticle(doc))).toMatch(/login page/);
    close();
  });

  it('a search results page is refused by its URL, and by schema.org SearchResultsPage', () => {
    const html = `<html><head><title>Results</title></head><body><article><p>${words(200)}</p><p>${words(200)}</p></article></body></html>`;
    const byUrl = load(html, 'https://news.example/search?q=zangezur');
    expect(notAnArticle(byUrl.doc, extractArticle(byUrl.doc))).toMatch(/search results page/);
    byUrl.close();
    const ld = `<script type="application/ld+json">{"@type":"SearchResultsPage"}</script>`;
    const bySchema = load(html.replace('</head>', `${ld}</head>`));
    expect(notAnArticle(bySchema.doc, extractArticle(bySchema.doc))).toMatch(/search results page/);
    bySchema.close();
  });

  it('a page with no main text says so', () => {
    const { doc, close } = load('<html><head><title>App</title></head><body><div id="root"></div></body></html>');
    expect(notAnArticle(doc, extractArticle(doc))).toMatch(/no main text/);
    close();
  });
});

describe('dates', () => {
  it('keeps the date as written in ISO strings (no shift to UTC) and reads compact and written dates', () => {
    expect(dateOnly('2017-01-13T00:00:04-05:00')).toBe('2017-01-13');
    expect(dateOnly('20240420')).toBe('2024-04-20');
    expect(dateOnly('March 5, 2015')).toBe('2015-03-05');
    expect(dateOnly('not a date')).toBeNull();
  });

  it('prefers JSON-LD datePublished, then article:published_time, then <time>', () => {
    const ld = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2024-08-09T10:00:00+04:00","author":[{"@type":"Person","name":"Ani Avetisyan"}],"publisher":{"@type":"Organization","name":"OC Media"}}]}</script>`;
    const meta = `<meta property="article:published_time" content="2024-08-10T00:00:00Z">`;
    const body = `<body><article><time datetime="2024-08-11">11 August</time><p>${words(100)}</p></article></body>`;
    const all = load(`<html><head>${ld}${meta}</head>${body}</html>`);
    const a = extractArticle(all.doc);
    expect([a.published, a.authors, a.siteName]).toEqual(['2024-08-09', ['Ani Avetisyan'], 'OC Media']);
    all.close();
    const noLd = load(`<html><head>${meta}</head>${body}</html>`);
    expect(extractArticle(noLd.doc).published).toBe('2024-08-10');
    noLd.close();
    const onlyTime = load(`<html><head></head>${body}</html>`);
    expect(extractArticle(onlyTime.doc).published).toBe('2024-08-11');
    onlyTime.close();
  });
});

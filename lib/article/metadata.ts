/** What a page says about itself, before its main text is read. */
export interface PageMetadata {
  title: string | null;
  siteName: string | null;
  authors: string[];
  published: string | null;
  canonicalUrl: string | null;
  lang: string | null;
}

/** Schema.org types whose JSON-LD describes the article itself. */
const ARTICLE_TYPES =
  /^(Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|Report|ScholarlyArticle|WebPage|LiveBlogPosting)$/;

type Json = Record<string, unknown>;

/** Every JSON-LD object on the page, flattening arrays and @graph. */
function jsonLd(doc: Document): Json[] {
  const out: Json[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      out.push(value as Json);
      if ('@graph' in value) visit((value as Json)['@graph']);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // Broken JSON-LD is common; the meta tags still speak.
    }
  }
  return out;
}

const typesOf = (o: Json): string[] => (Array.isArray(o['@type']) ? (o['@type'] as unknown[]).map(String) : [String(o['@type'] ?? '')]);

/** A name from a JSON-LD value: a string, {name}, or a list of them. */
function names(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value)) return value.flatMap(names);
  if (value && typeof value === 'object' && typeof (value as Json).name === 'string') return names((value as Json).name);
  return [];
}

const clean = (text: string | null | undefined): string | null => {
  const t = text?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
};

/** Reads title, publisher, authors, date, canonical URL and language from JSON-LD, meta tags, `<time>` and the document. */
export function readMetadata(doc: Document): PageMetadata {
  const meta = (...keys: string[]): string | null => {
    for (const key of keys) {
      const el = doc.querySelector(`meta[property="${key}" i], meta[name="${key}" i], meta[itemprop="${key}" i]`);
      const value = clean(el?.getAttribute('content'));
      if (value) return value;
    }
    return null;
  };
  const ld = jsonLd(doc);
  // Prefer a news or blog article over a generic WebPage when a page has both.
  const article =
    ld.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t) && t !== 'WebPage')) ?? ld.find((o) => typesOf(o).includes('WebPage'));
  const ldString = (key: string) => (article && typeof article[key] === 'string' ? clean(article[key] as string) : null);

  const published =
    dateOnly(ldString('datePublished')) ??
    dateOnly(
      meta(
        'article:published_time',
        'datePublished',
        'og:published_time',
        'published_time',
        'pubdate',
        'publish-date',
        'date',
        'dc.date',
        'dc.date.issued',
        'dcterms.created',
        'parsely-pub-date',
        'sailthru.date',
      ),
    ) ??
    dateOnly(doc.querySelector('time[pubdate]')?.getAttribute('datetime')) ??
    dateOnly(doc.querySelector('article time[datetime], header time[datetime], time[datetime]')?.getAttribute('datetime'));

  const ldAuthors = article ? names(article.author).filter((n) => !/^https?:/.test(n)) : [];
  const metaAuthors = [
    ...doc.querySelectorAll(
      'meta[name="author" i], meta[property="article:author" i], meta[itemprop="author" i], meta[name="parsely-author" i]',
    ),
  ]
    .map((el) => clean(el.getAttribute('content')))
    .filter((n): n is string => !!n && !/^https?:/.test(n));
  // A byline link ("rel=author") names the writer when no meta tag does.
  const linkAuthors = [...doc.querySelectorAll('a[rel="author" i]')]
    .map((el) => clean(el.textContent))
    .filter((n): n is string => !!n && n.length < 80);
  const authors = [...new Set(ldAuthors.length > 0 ? ldAuthors : metaAuthors.length > 0 ? metaAuthors : linkAuthors)];

  const publisher = article ? names(article.publisher)[0] : undefined;
  const canonical = doc.querySelector('link[rel="canonical" i]')?.getAttribute('href') ?? meta('og:url');
  let canonicalUrl: string | null;
  try {
    canonicalUrl = canonical ? new URL(canonical, doc.baseURI).href : /^https?:/.test(doc.URL) ? doc.URL : null;
  } catch {
    canonicalUrl = null;
  }
  const htmlLang = clean(doc.documentElement?.getAttribute('lang'));
  const locale =
    meta('og:locale', 'content-language') ?? clean(doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content'));
  const ldLang = ldString('inLanguage');

  return {
    title: meta('og:title', 'twitter:title') ?? ldString('headline') ?? clean(doc.title),
    siteName: meta('og:site_name', 'application-name') ?? clean(publisher) ?? null,
    authors,
    published,
    canonicalUrl,
    lang: (htmlLang ?? ldLang ?? locale)?.replace('_', '-') ?? null,
  };
}

/** YYYY-MM-DD from an ISO date or a date a browser can parse; null when it is not a date. */
export function dateOnly(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const compact = /^(\d{4})(\d{2})(\d{2})(T|$)/.exec(text);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return null;
  const d = new Date(time);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

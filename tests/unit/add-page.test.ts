import { describe, expect, it } from 'vitest';
import { MIN_ARTICLE_WORDS, type ArticleProblem } from '../../lib/article/extract';
import { draftPage, pageInput, type ExtractedPage } from '../../lib/background/add-page';
import { pageLibrary } from '../../lib/background/page-library';
import { USER_MATCHER_KEY } from '../../lib/content/user-matcher';
import type { LibraryService } from '../../lib/library/service';
import type { LibraryAddResult, LibraryInput, UserEntity } from '../../lib/library/types';
import { message } from '../../lib/messages';

const article = (over: Partial<ExtractedPage['article']> = {}): ExtractedPage['article'] => ({
  title: 'Pashinian Downplays Differences On Armenia-Azerbaijan Peace Deal',
  siteName: 'Azatutyun',
  authors: ['Emil Danielyan', 'Ani Avetisyan'],
  published: '2024-05-29',
  canonicalUrl: 'https://www.azatutyun.am/a/32971103.html',
  lang: 'en',
  paragraphs: ['First paragraph.', 'Second paragraph.'],
  wordCount: 4,
  ...over,
});
const stats = { words: 12, passages: 3, statements: 2, mentions: 5 };
const ok = (input: LibraryInput): LibraryAddResult => ({ name: input.name, ok: true, docId: 'abc', stats });

describe('the page to add', () => {
  it('becomes a library document: title first, one paragraph per block, provenance from the page', () => {
    const input = pageInput({ article: article(), problem: null, url: 'https://www.azatutyun.am/a/32971103.html?utm=x' });
    expect(input.content).toBe(
      'Pashinian Downplays Differences On Armenia-Azerbaijan Peace Deal\n\nFirst paragraph.\n\nSecond paragraph.\n',
    );
    expect(input.provenance).toEqual({
      title: 'Pashinian Downplays Differences On Armenia-Azerbaijan Peace Deal',
      publisher: 'Azatutyun',
      author: 'Emil Danielyan, Ani Avetisyan',
      date: '2024-05-29',
      url: 'https://www.azatutyun.am/a/32971103.html',
      kind: 'web page',
      language: 'en',
    });
  });

  it('falls back to the host for the publisher and the page address for the URL', () => {
    const input = pageInput({
      article: article({ siteName: null, canonicalUrl: null }),
      problem: null,
      url: 'https://www.azatutyun.am/a/1.html',
    });
    expect(input.provenance.publisher).toBe('azatutyun.am');
    expect(input.provenance.url).toBe('https://www.azatutyun.am/a/1.html');
  });

  it('previews with the dry run’s counts, and asks for a date the page does not state (the dry run gets a stand-in)', async () => {
    const seen: LibraryInput[] = [];
    const draft = await draftPage(
      { article: article({ published: null }), problem: null, url: 'https://a.example/x' },
      async (i) => (seen.push(i), ok(i)),
    );
    expect(draft).toMatchObject({ ok: true, stats, needsDate: true, input: { provenance: { date: '' } } });
    expect(seen[0]!.provenance.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect('paragraphs' in (draft as { article: object }).article).toBe(false);
  });

  it('refuses a page that is no article with its reason, a duplicate with the library’s message, and an unreadable tab', async () => {
    const never = async (): Promise<LibraryAddResult> => {
      throw new Error('no dry run for a page that is no article');
    };
    expect(await draftPage({ article: article(), problem: { kind: 'login' }, url: '' }, never)).toEqual({
      ok: false,
      error: 'Backstory: this looks like a login page, not an article; there is nothing to add.',
      code: 'errorPageLogin',
      params: { count: 0, min: MIN_ARTICLE_WORDS },
    });
    // The word count travels to the reader's language; a kind the tab made up is read as a page without main text.
    expect(await draftPage({ article: article(), problem: { kind: 'too-short', words: 12 }, url: '' }, never)).toMatchObject({
      error: expect.stringMatching(/only 12 words of main text/),
      code: 'errorPageTooShort',
      params: { count: 12, min: MIN_ARTICLE_WORDS },
    });
    expect(await draftPage({ article: article(), problem: { kind: 'bogus' } as unknown as ArticleProblem, url: '' }, never)).toMatchObject({
      code: 'errorPageNoText',
    });
    const duplicate = await draftPage({ article: article(), problem: null, url: '' }, async (i) => ({
      name: i.name,
      ok: false,
      duplicateOf: 'abc',
      error: 'Backstory: x: already in your library as "y" (z); not added again.',
    }));
    expect(duplicate).toEqual({ ok: false, error: 'Backstory: x: already in your library as "y" (z); not added again.' });
    expect(await draftPage(undefined, never)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Backstory: this page could not be read/),
    });
  });
});

describe('the background’s page and entity messages', () => {
  const entity: UserEntity = {
    id: 'u-jon-sopel',
    name: 'Jon Sopel',
    kind: 'person',
    description: { text: "The BBC's North America editor.", cites: ['abc-p3'] },
    aliases: [],
    background: [],
    naming: [],
    related: [],
    highlight: true,
  };
  function setup(entities: UserEntity[]) {
    const stored: Record<string, unknown> = {};
    const library = {
      handle: async (type: string) => {
        if (type === 'libraryEntities') return entities;
        if (type === 'libraryAdd') return { results: [{ name: 'n', ok: true, docId: 'abc', stats }] };
        throw new Error(type);
      },
    } as unknown as LibraryService;
    const pages = pageLibrary({
      library,
      bundledKb: async () => {
        throw new Error('not needed');
      },
      runArticleScript: async () => ({ article: article(), problem: null, url: 'https://a.example/x' }),
      storage: {
        set: async (items) => void Object.assign(stored, items),
        remove: async (key) => void delete stored[key],
      },
    });
    return { pages, stored };
  }
  const ORIGIN = 'chrome-extension://id/';

  it('answers pageDraft only for the extension’s own pages, and only with a tab id', async () => {
    const { pages } = setup([]);
    expect(await pages.handle(message('pageDraft', { tabId: 3 }), `${ORIGIN}popup.html`, ORIGIN)).toMatchObject({ ok: true, stats });
    expect(await pages.handle(message('pageDraft', { tabId: 3 }), 'https://evil.example/', ORIGIN)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/only answered for Backstory's own pages/),
    });
    expect(await pages.handle(message('pageDraft', { tabId: 'x' as unknown as number }), `${ORIGIN}popup.html`, ORIGIN)).toMatchObject({
      ok: false,
      error: 'Backstory: pageDraft: "tabId" must be a tab id.',
    });
    expect(pages.handle(message('ping', {}), `${ORIGIN}popup.html`, ORIGIN)).toBeNull();
  });

  it('republishes the user matcher after an entity is saved or removed, and removes it when none is left', async () => {
    const { pages, stored } = setup([entity]);
    await pages.after('librarySaveEntity', Promise.resolve({ ok: true, id: entity.id }));
    const tables = stored[USER_MATCHER_KEY] as { entities: Array<{ id: string }> };
    expect(tables.entities.map((e) => e.id)).toEqual(['u-jon-sopel']);
    // A refused save changes nothing.
    delete stored[USER_MATCHER_KEY];
    await pages.after('librarySaveEntity', Promise.resolve({ ok: false, error: 'Backstory: name: …' }));
    expect(stored).toEqual({});
    const none = setup([]);
    none.stored[USER_MATCHER_KEY] = { stale: true };
    await none.pages.after('libraryRemoveEntity', Promise.resolve({ ok: true }));
    expect(none.stored).toEqual({});
  });
});

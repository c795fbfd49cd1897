import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { BackgroundService } from '../../lib/background/service';
import { LibraryStore, SCHEMA_VERSION } from '../../lib/library/store';
import { message, type MessageApi } from '../../lib/messages';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads responses of many message types
type Loose = any;
import { libraryFixture, seedBuild, seedLibrary } from './seed-data';

const input = libraryFixture;

let dbCount = 0;
/** A background with a fresh library database, as the extension wires it. */
function setup(name = `test-${++dbCount}`) {
  const built = seedBuild();
  const library = seedLibrary(name);
  const service = new BackgroundService({ loadKb: async () => built.kb, loadIndex: async () => built.searchIndex }, undefined, library);
  const ext = { url: 'chrome-extension://abc/library.html' };
  // Responses are read loosely here; their types are checked where the UI uses them.
  const send = <K extends keyof MessageApi>(type: K, payload: MessageApi[K]['request'], sender = ext) =>
    service.handle(message(type, payload), sender, 'chrome-extension://abc/') as Promise<Loose>;
  return { library, service, send, name };
}

// Generous timeouts: the first test builds the seeds, and CI machines are shared.
describe('library store and messages', { timeout: 30_000 }, () => {
  it('stores a document with its passages and statements, and finds its quote in search, quote check and cards', async () => {
    const { send } = setup();
    const { results } = await send('libraryAdd', { documents: [input('panorama-2023-11-16.txt')] });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ ok: true });
    const docId = (results[0] as { docId: string }).docId;
    expect(docId).toMatch(/^lib[0-9a-f]{12}$/);
    expect((results[0] as { stats: { statements: number } }).stats.statements).toBeGreaterThanOrEqual(3);

    const hits = (await send('search', { query: 'political will unwavering' })) as Array<{
      text: string;
      citation?: { library?: boolean; passage: string };
    }>;
    const mine = hits.find((h) => h.text.includes('remains unwavering'));
    expect(mine?.citation?.library).toBe(true);
    expect(mine?.citation?.passage.startsWith(docId)).toBe(true);

    const onlyBundled = (await send('search', { query: 'political will unwavering', filters: { source: 'bundled' } })) as Array<{
      citation?: { library?: boolean };
    }>;
    expect(onlyBundled.some((h) => h.citation?.library)).toBe(false);

    const check = (await send('checkQuote', {
      text: 'Our political will to conclude a peace treaty with Azerbaijan in the coming months remains unwavering',
    })) as { verdict: string; matches: Array<{ passage: string; source: { title: string } }> };
    expect(check.verdict).toBe('exact');
    expect(check.matches[0]!.passage.startsWith(docId)).toBe(true);
    expect(check.matches[0]!.source.title).toBe('Pashinyan says will step up efforts to agree peace deal with Azerbaijan');

    const card = (await send('getCard', { entityId: 'nikol-pashinyan' })) as {
      statementsBy: Array<{ doc: string; text: string }>;
      docCount: number;
      totalDocs: number;
    };
    expect(card.totalDocs).toBe(6);
    expect(card.statementsBy.some((s) => s.doc === docId && s.text.includes('remains unwavering'))).toBe(true);
  });

  it('reports a duplicate (same text or same URL) instead of storing it twice', async () => {
    const { send } = setup();
    await send('libraryAdd', { documents: [input('panorama-2023-11-16.txt')] });
    const again = input('panorama-2023-11-16.txt');
    const sameUrl = {
      ...input('armradio-2022-10-26.md'),
      provenance: { ...input('armradio-2022-10-26.md').provenance, url: again.provenance.url },
    };
    const { results } = await send('libraryAdd', { documents: [again, sameUrl] });
    expect(results.map((r: { ok: boolean }) => r.ok)).toEqual([false, false]);
    expect(results[0].duplicateOf).toMatch(/^lib/);
    expect(results[0].error).toMatch(/^Backstory: panorama-2023-11-16\.txt: already in your library/);
    expect((await send('libraryList', {})).documents).toHaveLength(1);
  });

  it('edits provenance: the list, statements and search citations follow; a bad date is refused and changes nothing', async () => {
    const { send } = setup();
    const { results } = await send('libraryAdd', { documents: [input('armradio-2022-10-26.md')] });
    const id = results[0].docId as string;
    const provenance = { ...input('armradio-2022-10-26.md').provenance, publisher: 'Armenpress', date: '2022-10-27' };
    expect(await send('libraryUpdateProvenance', { id, provenance })).toEqual({ ok: true });
    const bad = await send('libraryUpdateProvenance', { id, provenance: { ...provenance, date: '27 Oct 2022' } });
    expect(bad).toEqual({ ok: false, error: `Backstory: ${id}: date "27 Oct 2022" is not a date of the form YYYY-MM-DD.` });
    const [doc] = (await send('libraryList', {})).documents;
    expect([doc.provenance.publisher, doc.provenance.date]).toEqual(['Armenpress', '2022-10-27']);
    const view = await send('libraryGet', { id });
    expect(new Set(view.statements.map((s: { docDate: string }) => s.docDate))).toEqual(new Set(['2022-10-27']));
    const hits = (await send('search', { query: 'animosity uncontrolled harm', filters: { source: 'library' } })) as Array<{
      citation?: { publisher: string };
    }>;
    expect(hits[0]?.citation?.publisher).toBe('Armenpress');
  });

  it('a dry run reports the stats and stores nothing', async () => {
    const { send } = setup();
    const { results } = await send('libraryAdd', { documents: [input('armradio-2022-10-26.md')], dryRun: true });
    expect(results[0].ok).toBe(true);
    expect(results[0].stats.words).toBeGreaterThan(100);
    expect((await send('libraryList', {})).documents).toHaveLength(0);
  });

  it('survives a restart: a new service on the same database has the documents and entities', async () => {
    const first = setup();
    await first.send('libraryAdd', { documents: [input('panorama-2023-11-16.txt')] });
    await first.send('librarySaveEntity', {
      entity: {
        id: 'user-test',
        name: 'Test Person',
        kind: 'person',
        description: { text: 'A test.', cites: [] },
        aliases: [],
        background: [],
        naming: [],
        related: [],
        highlight: true,
      },
    });
    await first.library.saveSnapshot();
    const second = setup(first.name);
    const list = (await second.send('libraryList', {})).documents as Array<{ provenance: { publisher: string } }>;
    expect(list.map((d) => d.provenance.publisher)).toEqual(['Panorama.am']);
    expect((await second.send('libraryEntities', {})).map((e: { id: string }) => e.id)).toEqual(['user-test']);
    const hits = (await second.send('search', { query: 'Test Person' })) as Array<{ id: string }>;
    expect(hits.map((h) => h.id)).toContain('entity:user-test');
  });

  it('a search-index snapshot older than the last write is not used: the index is rebuilt from the stored records', async () => {
    const first = setup();
    await first.send('libraryAdd', { documents: [input('panorama-2023-11-16.txt')] });
    await first.library.saveSnapshot();
    // The worker stops before the snapshot after this write is taken.
    await first.send('libraryAdd', { documents: [input('armradio-2022-10-26.md')] });
    const second = setup(first.name);
    const hits = (await second.send('search', { query: 'animosity uncontrolled harm', filters: { source: 'library' } })) as Array<{
      citation?: { title: string };
    }>;
    expect(hits.map((h) => h.citation?.title)).toContain('Armenia hopes peace deal with Azerbaijan will be signed by yearend – PM');
    const old = (await second.send('search', { query: 'political will unwavering', filters: { source: 'library' } })) as unknown[];
    expect(old.length).toBeGreaterThan(0);
  });

  it('removing a document removes it from search, quote check and cards at once', async () => {
    const { send } = setup();
    const { results } = await send('libraryAdd', { documents: [input('panorama-2023-11-16.txt')] });
    const docId = results[0].docId as string;
    expect((await send('libraryRemove', { ids: [docId] })).removed).toEqual([docId]);
    const hits = (await send('search', { query: 'political will unwavering' })) as Array<{ citation?: { library?: boolean } }>;
    expect(hits.some((h) => h.citation?.library)).toBe(false);
    const check = (await send('checkQuote', {
      text: 'Our political will to conclude a peace treaty with Azerbaijan in the coming months remains unwavering',
    })) as {
      matches: Array<{ passage: string }>;
    };
    expect(check.matches.some((m) => m.passage.startsWith(docId))).toBe(false);
    const card = (await send('getCard', { entityId: 'nikol-pashinyan' })) as { totalDocs: number; statementsBy: Array<{ doc: string }> };
    expect(card.totalDocs).toBe(5);
    expect(card.statementsBy.some((s) => s.doc === docId)).toBe(false);
    expect(await send('libraryGet', { id: docId })).toBeNull();
  });

  it("counts a user entity's mentions in library and bundled documents in its card", async () => {
    const { send } = setup();
    const { results } = await send('libraryAdd', { documents: [input('panorama-2023-11-16.txt')] });
    const docId = results[0].docId as string;
    const view = await send('libraryGet', { id: docId });
    const passage = view.doc.passages.find((p: { text: string }) => p.text.includes('USSR General Staff')).id as string;
    const entity = {
      id: 'user-ussr-general-staff',
      name: 'USSR General Staff',
      kind: 'organisation' as const,
      description: { text: 'Its maps are named as a basis for recognising borders.', cites: [passage] },
      aliases: [],
      background: [],
      naming: [],
      related: [],
      highlight: true,
    };
    expect(await send('librarySaveEntity', { entity })).toEqual({ ok: true, id: 'user-ussr-general-staff' });
    const card = await send('getCard', { entityId: 'user-ussr-general-staff' });
    expect(card.entity.name).toBe('USSR General Staff');
    expect(card.entity.docs).toContain(docId);
    expect(card.entity.mentions).toContain(passage);
    expect(card.totalDocs).toBe(6);
    await send('libraryRemoveEntity', { id: 'user-ussr-general-staff' });
    expect(await send('getCard', { entityId: 'user-ussr-general-staff' })).toBeNull();
  });

  it('refuses library messages from content scripts (a page URL as the sender)', async () => {
    const { send } = setup();
    await expect(send('libraryList', {}, { url: 'https://example.com/' })).rejects.toThrow(/only answered for Backstory's own pages/);
    await expect(send('libraryExport', {}, { url: 'https://example.com/' })).rejects.toThrow(/^Backstory:/);
  });

  it('records the schema version in the meta store', async () => {
    const store = await LibraryStore.open(`schema-${++dbCount}`);
    expect(await store.schemaVersion()).toBe(SCHEMA_VERSION);
    store.close();
  });
});

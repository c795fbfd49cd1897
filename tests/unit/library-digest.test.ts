import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildCard, CARD_STATEMENTS } from '../../lib/kb/card';
import type { KnowledgeBase } from '../../lib/kb/types-kb';
import type { LibraryService } from '../../lib/library/service';
import { LibraryStore } from '../../lib/library/store';
import type { LibraryInput } from '../../lib/library/types';
import type { CardData } from '../../lib/messages';
import { corpusInfo } from '../../lib/search/query';
import { libraryFixture, seedBuild, seedLibrary } from './seed-data';

/** The two library fixtures, and documents recombined from the seeds' paragraphs, dated on both sides of the seeds. */
function inputs(): LibraryInput[] {
  const fixtures = ['panorama-2023-11-16.txt', 'armradio-2022-10-26.md'].map(libraryFixture);
  const paragraphs = seedBuild().kb.docs.flatMap((d) => d.passages.filter((p) => p.kind === 'paragraph').map((p) => p.text));
  const made = Array.from({ length: 12 }, (_, i): LibraryInput => ({
    name: `recombined-${i}.txt`,
    format: 'text',
    content: [`Recombined report ${i}`, ...paragraphs.filter((_, k) => (k * 7 + i) % 5 === 0)].join('\n\n'),
    provenance: {
      title: `Recombined report ${i}`,
      publisher: `Wire ${i % 3}`,
      author: null,
      date: i % 2 ? `2025-0${1 + (i % 9)}-1${i % 10}` : `2021-0${1 + (i % 9)}-0${1 + (i % 9)}`,
      url: null,
      kind: 'news report',
    },
  }));
  return [...fixtures, ...made];
}

/** A card without its entity's full lists (the merged path extends them; the card shows neither). */
const comparable = (card: CardData | null) =>
  card && { ...card, entity: { ...card.entity, mentions: [], docs: [], statementsBy: [], statementsAbout: [] } };

async function expectSameAsMerged(library: LibraryService, kb: KnowledgeBase) {
  const merged = await library.knowledgeBase(kb);
  expect(await library.corpusInfo(kb)).toEqual(corpusInfo(merged));
  for (const e of kb.entities) expect.soft(comparable(await library.card(kb, e.id)), e.id).toEqual(comparable(buildCard(merged, e.id)));
}

let n = 0;
async function filled() {
  const name = `digest-${++n}`;
  const library = seedLibrary(name);
  const { results } = await library.handle('libraryAdd', { documents: inputs() }, async () => seedBuild().kb);
  expect(results.every((r) => r.ok)).toBe(true);
  return { library, name, ids: results.map((r) => (r as { docId: string }).docId) };
}

afterEach(() => vi.restoreAllMocks());

describe('cards and corpus info from document digests', { timeout: 60_000 }, () => {
  it('answer as the merged knowledge base does, without reading every document', async () => {
    const kb = seedBuild().kb;
    const { library, name } = await filled();
    await library.saveSnapshot();
    const fresh = seedLibrary(name);
    const readAll = vi.spyOn(LibraryStore.prototype, 'allBundles');
    const info = await fresh.corpusInfo(kb);
    const card = await fresh.card(kb, 'nikol-pashinyan');
    expect(readAll).not.toHaveBeenCalled();
    expect(info.documents).toHaveLength(kb.docs.length + 14);
    // The library's statements are counted and the newest of them shown (some library documents are from 2025).
    expect(card!.totalDocs).toBe(kb.docs.length + 14);
    expect(card!.statementsBy.length).toBe(CARD_STATEMENTS);
    expect(card!.statementsBy.some((s) => s.doc.startsWith('lib'))).toBe(true);
    readAll.mockRestore();
    await expectSameAsMerged(fresh, kb);
  });

  it('stay right after a provenance edit and a removal', async () => {
    const kb = seedBuild().kb;
    const { library, ids } = await filled();
    await library.corpusInfo(kb); // digests in memory before the changes, so they must be kept up to date
    const edited = await library.handle(
      'libraryUpdateProvenance',
      {
        id: ids[5]!,
        provenance: { title: 'Edited', publisher: 'Edited Wire', author: null, date: '2030-01-01', url: null, kind: 'news report' },
      },
      async () => kb,
    );
    expect(edited).toMatchObject({ ok: true });
    await library.handle('libraryRemove', { ids: [ids[0]!, ids[7]!] }, async () => kb);
    await expectSameAsMerged(library, kb);
    // The same from the stored digests, on a new background.
    const name = `digest-${n}`;
    await expectSameAsMerged(seedLibrary(name), kb);
    const info = await seedLibrary(name).corpusInfo(kb);
    expect(info.to).toBe('2030-01-01');
    expect(info.documents.find((d) => d.id === ids[5])).toMatchObject({ publisher: 'Edited Wire', date: '2030-01-01' });
    expect(info.documents.some((d) => d.id === ids[0] || d.id === ids[7])).toBe(false);
  });

  it('are made for documents stored before digests existed', async () => {
    const kb = seedBuild().kb;
    const { name } = await filled();
    // A library as schema 1 left it: documents without digests.
    const db = await openDB(name);
    await db.clear('digests');
    db.close();
    const fresh = seedLibrary(name);
    await expectSameAsMerged(fresh, kb);
    const store = await LibraryStore.open(name);
    expect((await store.digests()).length).toBe(14);
    store.close();
  });
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { BackgroundService } from '../../lib/background/service';
import { prepareDocument } from '../../lib/library/ingest';
import { LibraryIndex } from '../../lib/library/search-index';
import { Matcher } from '../../lib/match/matcher';
import type { LibraryInput } from '../../lib/library/types';
import { message, type MessageApi } from '../../lib/messages';
import { libraryFixture, seedBuild, seedLibrary } from './seed-data';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads responses of many message types
type Loose = any;

const input = libraryFixture;

function setup(name: string) {
  const built = seedBuild();
  const service = new BackgroundService(
    { loadKb: async () => built.kb, loadIndex: async () => built.searchIndex },
    undefined,
    seedLibrary(name),
  );
  return <K extends keyof MessageApi>(type: K, payload: MessageApi[K]['request']) =>
    service.handle(message(type, payload)) as Promise<Loose>;
}

/** `count` other documents on the same subject: the armradio article's paragraphs, reordered and numbered. */
function fillers(count: number): LibraryInput[] {
  const base = input('armradio-2022-10-26.md');
  const paragraphs = base.content.split(/\n\s*\n/).filter((p) => p.split(/\s+/).length > 12);
  return Array.from({ length: count }, (_, i) => ({
    ...base,
    name: `filler-${i}.md`,
    content: [`# Filler report ${i}`, ...paragraphs.map((_, k) => paragraphs[(k + i) % paragraphs.length]!)].join('\n\n'),
    provenance: { ...base.provenance, url: null, title: `Filler report ${i}` },
  }));
}

describe('the library among many documents', { timeout: 60_000 }, () => {
  it('the quote check finds the one library document that holds a quote among more documents than it reads', async () => {
    const send = setup('scale-quote');
    await send('libraryAdd', { documents: fillers(30) });
    const { results } = await send('libraryAdd', { documents: [input('panorama-2023-11-16.txt')] });
    const docId = results[0].docId as string;
    const check = await send('checkQuote', {
      text: 'Our political will to conclude a peace treaty with Azerbaijan in the coming months remains unwavering',
    });
    expect(check.verdict).toBe('exact');
    expect(check.matches[0].passage.startsWith(docId)).toBe(true);
  });

  it("filters library statements by speaker, read from the library index's own records", async () => {
    const send = setup('scale-speaker');
    const { results } = await send('libraryAdd', { documents: [input('panorama-2023-11-16.txt'), input('armradio-2022-10-26.md')] });
    const statements = (await Promise.all(results.map((r: { docId: string }) => send('libraryGet', { id: r.docId })))).flatMap(
      (v: { statements: Array<{ speaker: { id?: string; name: string } }> }) => v.statements,
    );
    const named = statements.find((s) => s.speaker.id)!.speaker;
    const hits = (await send('search', { query: '', filters: { source: 'library', speaker: named.id! } })) as Array<{
      speaker?: { id?: string };
    }>;
    expect(hits.length).toBe(statements.filter((s) => s.speaker.id === named.id).length);
    expect(hits.every((h) => h.speaker?.id === named.id)).toBe(true);
    const unnamed = statements.find((s) => !s.speaker.id)!.speaker;
    const theirs = (await send('search', { query: '', filters: { source: 'library', speaker: `~${unnamed.name}` } })) as Array<{
      speaker?: { id?: string; name: string };
    }>;
    expect(theirs.length).toBe(statements.filter((s) => !s.speaker.id && s.speaker.name === unnamed.name).length);
    expect(theirs.every((h) => h.speaker?.name === unnamed.name && !h.speaker.id)).toBe(true);
  });
});

describe('the segmented library index', () => {
  const built = seedBuild();
  const ctx = {
    matcher: new Matcher(built.matcher),
    entities: new Map(built.kb.entities.map((e) => [e.id, { kind: e.kind, name: e.name }])),
  };
  const article = (i: number) =>
    prepareDocument(
      {
        ...input('armradio-2022-10-26.md'),
        name: `doc-${i}.md`,
        content: `${input('armradio-2022-10-26.md').content}\n\nMarker word qqv${i}zz closes this copy.`,
      },
      ctx,
    );
  const finds = (index: LibraryIndex, word: string) => index.indexes.some((ix) => ix.search(word).length > 0);

  it('adds to the live segment only, saves only changed segments, and a saved index finds everything', async () => {
    const docs = await Promise.all([0, 1, 2, 3, 4].map(article));
    const index = new LibraryIndex([], 2);
    for (const d of docs.slice(0, 4)) index.addDocument(d);
    const first = index.snapshot(1);
    expect(first.manifest.segments).toEqual([0, 1]);
    expect(first.changed.map((c) => c.key)).toEqual([0, 1]);
    index.saved(first.changed);
    expect(index.snapshot(1).changed).toEqual([]);

    index.addDocument(docs[4]!);
    const second = index.snapshot(2);
    expect(second.manifest.segments).toEqual([0, 1, 2]);
    expect(second.changed.map((c) => c.key)).toEqual([2]);
    index.saved(second.changed);

    index.removeDocument(docs[0]!);
    const third = index.snapshot(3);
    expect(third.changed.map((c) => c.key)).toEqual([0]);

    const stored = new Map([...first.changed, ...second.changed, ...third.changed].map((c) => [c.key, c]));
    const loaded = new LibraryIndex(
      third.manifest.segments.map((k) => stored.get(k)!),
      2,
    );
    expect([1, 2, 3, 4].every((i) => finds(loaded, `qqv${i}zz`))).toBe(true);
    expect(finds(loaded, 'qqv0zz')).toBe(false);
  });
});

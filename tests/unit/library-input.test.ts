import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../lib/cli/main';
import { packFolder } from '../../lib/cli/pack';
import { decodeFile } from '../../lib/library/decode';
import { checkFileSize, readDraft } from '../../lib/library/files';
import { htmlToText, markdownToText, toPlainText } from '../../lib/library/formats';
import { readPack } from '../../lib/library/pack';
import type { LibraryService } from '../../lib/library/service';
import { LibraryStore } from '../../lib/library/store';
import { ROOT, seedBuild, seedLibrary } from './seed-data';

const LIB = resolve(ROOT, 'tests/fixtures/library');
const read = (p: string) => readFileSync(resolve(LIB, p));

let n = 0;
function library() {
  const built = seedBuild();
  const name = `input-${++n}`;
  const service = seedLibrary(name);
  const handle = (type: Parameters<LibraryService['handle']>[0], payload: unknown) =>
    service.handle(type, payload, async () => built.kb) as Promise<never>;
  const list = async () => ((await handle('libraryList', {})) as { documents: Array<{ id: string }> }).documents.map((d) => d.id);
  return { service, handle, list };
}

describe('files and formats', () => {
  it('reads a Windows-1251 Russian text as Cyrillic, and says so', () => {
    const draft = readDraft('russian-cp1251.txt', read('bad/russian-cp1251.txt'));
    expect(draft.encoding).toBe('windows-1251');
    expect(draft.content).toContain('Премьер-министр Армении Никол Пашинян');
    expect(draft.title).toBe('Пашинян заявил, что Армения намерена подписать мирный договор с Азербайджаном до конца года');
  });

  it('refuses binary, empty, oversized and unknown files, naming the file', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(() => readDraft('photo.txt', png)).toThrow(/^Backstory: photo\.txt: this looks like a binary file/);
    expect(() => readDraft('empty.txt', new Uint8Array())).toThrow(/^Backstory: empty\.txt: the file is empty\./);
    expect(() => checkFileSize('big.txt', 50 * 1024 * 1024)).toThrow(/^Backstory: big\.txt: too large \(50\.0 MB; the limit is 10 MB/);
    expect(() => readDraft('doc.pdf', new TextEncoder().encode('hello'))).toThrow(/^Backstory: doc\.pdf: not a \.txt, \.md or \.html file/);
    // Latin-1 bytes that are neither UTF-8 nor Cyrillic.
    expect(() =>
      decodeFile('latin.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0xe0, 0x20, 0xfc, 0x62, 0x65, 0x72, 0x20, 0xa9])),
    ).toThrow(/^Backstory: latin\.txt: the file is not UTF-8 text/);
  });

  it('refuses a 50 MB text and whitespace-only text before running the pipeline', () => {
    const big = 'Pashinyan said the talks went on. '.repeat(1_600_000);
    expect(big.length).toBeGreaterThan(50_000_000);
    expect(() => toPlainText('huge.txt', big, 'text')).toThrow(/^Backstory: huge\.txt: too large \(54\.4 million characters/);
    expect(() => toPlainText('blank.txt', ' \n\n \t', 'text')).toThrow(/^Backstory: blank\.txt: the file is empty\./);
  });

  it('says an HTML page with no article has no article text', () => {
    expect(() => toPlainText('login.html', read('bad/login.html').toString('utf8'), 'html')).toThrow(
      /^Backstory: login\.html: no article text found in this HTML page \(\d+ words/,
    );
  });

  it('turns a real saved page into paragraphs without scripts, styles or navigation', () => {
    const html = readFileSync(resolve(ROOT, '../shared/pages/bbc-1.html'), 'utf8');
    const { text, title } = htmlToText(html);
    expect(title.length).toBeGreaterThan(5);
    expect(text).not.toMatch(/function\s*\(|\{\s*[a-z-]+:\s*[^}]+;\s*\}/);
    expect(text.split('\n\n').length).toBeGreaterThan(10);
  });

  it('drops Markdown syntax but keeps the words', () => {
    expect(markdownToText('# Title\n\nSome **bold** and _italic_ text with [a link](https://x.org).\n\n- item one')).toBe(
      'Title\n\nSome bold and italic text with a link.\n\nitem one',
    );
  });
});

describe('packs', { timeout: 30_000 }, () => {
  it('the CLI builds a pack from a folder with sources.json', () => {
    const pack = packFolder(resolve(LIB, 'valid'), ROOT);
    expect(pack.format).toBe('backstory-pack');
    expect(pack.version).toBe(1);
    expect(pack.documents.map((d) => [d.file, d.format, d.publisher])).toEqual([
      ['panorama-2023-11-16.txt', 'text', 'Panorama.am'],
      ['armradio-2022-10-26.md', 'markdown', 'Public Radio of Armenia'],
    ]);
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), readStdin: () => '' };
    expect(runCli(['pack'], io, ROOT)).toBe(2);
    expect(lines[0]).toMatch(/^Backstory: pack needs a folder of documents with a sources\.json/);
  });

  it('the CLI names the entry with missing provenance and the file with none', () => {
    expect(() => packFolder(resolve(LIB, 'invalid-missing-date'), ROOT)).toThrow(
      'Backstory: tests/fixtures/library/invalid-missing-date/sources.json: documents[0] (panorama-2023-11-16.txt): missing "date"',
    );
    expect(() => packFolder(resolve(LIB, 'invalid-unlisted-file'), ROOT)).toThrow(
      'Backstory: tests/fixtures/library/invalid-unlisted-file/armradio-2022-10-26.md: no provenance',
    );
  });

  it('refuses a pack of another version as a whole, naming the file', () => {
    expect(() => readPack(read('bad/pack-v2.json').toString('utf8'), 'pack-v2.json')).toThrow(
      /^Backstory: pack-v2\.json: pack version 2 is not supported; this version of Backstory reads version 1\./,
    );
    expect(() => readPack('{"documents": []}', 'other.json')).toThrow(/^Backstory: other\.json: not a Backstory pack/);
    expect(() => readPack('not json', 'x.json')).toThrow(/^Backstory: x\.json: not a pack \(not valid JSON/);
  });

  it('imports the good entries of a pack with one broken entry and says which failed and why', async () => {
    const { handle, list } = library();
    const { results } = (await handle('libraryImportPack', {
      pack: read('bad/pack-one-broken.json').toString('utf8'),
      name: 'one-broken.json',
    })) as {
      results: Array<{ name: string; ok: boolean; error?: string }>;
    };
    expect(results.map((r) => [r.name, r.ok])).toEqual([
      ['panorama-2023-11-16.txt', true],
      ['broken-entry.txt', false],
      ['armradio-2022-10-26.md', true],
    ]);
    expect(results[1]!.error).toBe(
      'Backstory: one-broken.json: documents[1] (broken-entry.txt): missing "date" in the provenance; every document needs title, publisher, date and kind.',
    );
    expect(await list()).toHaveLength(2);
  });

  it('importing the same pack twice changes nothing; a pack of another version changes nothing', async () => {
    const { handle, list } = library();
    const pack = JSON.stringify(packFolder(resolve(LIB, 'valid'), ROOT));
    await handle('libraryImportPack', { pack, name: 'a.json' });
    const before = await list();
    const again = (await handle('libraryImportPack', { pack, name: 'a.json' })) as {
      results: Array<{ ok: boolean; duplicateOf?: string }>;
    };
    expect(again.results.map((r) => r.ok)).toEqual([false, false]);
    expect(again.results.map((r) => r.duplicateOf)).toEqual(before);
    await expect(handle('libraryImportPack', { pack: read('bad/pack-v2.json').toString('utf8'), name: 'v2.json' })).rejects.toThrow(
      /version 2/,
    );
    expect(await list()).toEqual(before);
  });

  it('export, remove everything, import: the library is the same (ids, provenance, statements)', async () => {
    const { handle, list } = library();
    await handle('libraryImportPack', { pack: JSON.stringify(packFolder(resolve(LIB, 'valid'), ROOT)), name: 'a.json' });
    const draft = readDraft('russian-cp1251.txt', read('bad/russian-cp1251.txt'));
    const ru = JSON.parse(read('bad/sources.json').toString('utf8')).documents[0];
    const { file: _f, ...provenance } = ru;
    await handle('libraryAdd', { documents: [{ name: draft.name, content: draft.content, format: draft.format, provenance }] });
    const snapshot = async () => {
      const ids = await list();
      return Promise.all(
        ids.map(async (id) => {
          const v = (await handle('libraryGet', { id })) as {
            summary: { provenance: unknown; stats: unknown };
            statements: Array<{ id: string; text: string }>;
          };
          return { id, provenance: v.summary.provenance, stats: v.summary.stats, statements: v.statements.map((s) => [s.id, s.text]) };
        }),
      );
    };
    const before = await snapshot();
    expect(before).toHaveLength(3);
    const pack = await handle('libraryExport', {});
    expect(JSON.stringify(pack)).not.toContain('"000-p'); // the bundled corpus is never in the backup
    await handle('libraryRemove', { ids: await list() });
    expect(await list()).toEqual([]);
    await handle('libraryImportPack', { pack, name: 'backup.json' });
    expect(await snapshot()).toEqual(before);
  });
});

describe('storage failures', { timeout: 30_000 }, () => {
  it('a write that fails midway leaves no half document', async () => {
    const store = await LibraryStore.open(`half-${++n}`);
    const bundle = {
      doc: { id: 'libbad', name: 'bad.txt', textHash: 'h', urlKey: '', addedAt: '2025-01-01', text: 'x', format: 'text', notes: {} },
      passages: [
        { id: 'libbad-p1', doc: 'libbad', ordinal: 1 },
        { doc: 'libbad', ordinal: 2 },
      ],
      statements: [],
      mentions: [],
    } as never;
    await expect(store.putDocument(bundle)).rejects.toThrow();
    expect(await store.listDocuments()).toEqual([]);
    expect(await store.getBundle('libbad')).toBeUndefined();
    expect(await store.generation()).toBe(0);
  });

  it('a full disk gets a clear message and nothing stored is lost', async () => {
    const { handle, list } = library();
    await handle('libraryImportPack', { pack: JSON.stringify(packFolder(resolve(LIB, 'valid'), ROOT)), name: 'a.json' });
    const before = await list();
    const proto = globalThis.IDBObjectStore.prototype as unknown as { put: (...a: unknown[]) => unknown };
    const put = proto.put;
    proto.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      const draft = readDraft('russian-cp1251.txt', read('bad/russian-cp1251.txt'));
      const { file: _f, ...provenance } = JSON.parse(read('bad/sources.json').toString('utf8')).documents[0];
      const { results } = (await handle('libraryAdd', {
        documents: [{ name: 'ru.txt', content: draft.content, format: 'text', provenance }],
      })) as {
        results: Array<{ ok: boolean; error?: string }>;
      };
      expect(results[0]!.ok).toBe(false);
      expect(results[0]!.error).toMatch(/^Backstory: ru\.txt: the browser's storage is full \(QuotaExceededError\); nothing was written/);
    } finally {
      proto.put = put;
    }
    expect(await list()).toEqual(before);
  });
});

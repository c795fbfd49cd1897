import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packFolder } from '../../lib/cli/pack';
import { PACK_FORMAT, PACK_VERSION, type LibraryPack } from '../../lib/library/pack';
import { CHROME_FLAGS, CHROME_PATH, EXTENSION_DIR, keepOffline, ROOT, startServer } from './harness';

/** The extension API inside extension pages, where the tests evaluate code. */
declare const chrome: typeof import('webextension-polyfill');

// The unpacked extension is loaded from a copy of the build, so the copy can be replaced by a newer version; its id
// comes from the path, so the new version is the same extension with the same IndexedDB, in the same profile.
const installed = mkdtempSync(join(tmpdir(), 'backstory-installed-'));
const userDataDir = mkdtempSync(join(tmpdir(), 'backstory-update-profile-'));
const QUOTE = 'Our political will to conclude a peace treaty with Azerbaijan in the coming months remains unwavering';
const BBC = readFileSync(resolve(ROOT, '../shared/pages/bbc-1.html'), 'utf8');

let context: BrowserContext;
let worker: Worker;
let extensionId: string;
let server: Server;
let origin: string;

/**
 * Puts the test build at the installed path with `version` in its manifest (what an update from the store does). Its
 * service worker gets one line in front, for the test only: which build runs, and why the browser last started it.
 */
function install(version: string) {
  rmSync(installed, { recursive: true, force: true });
  cpSync(EXTENSION_DIR, installed, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(installed, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(installed, 'manifest.json'), JSON.stringify({ ...manifest, version }));
  const background = join(installed, 'background.js');
  const probe = `globalThis.testBuild = ${JSON.stringify(version)}; chrome.runtime.onInstalled.addListener((d) => (globalThis.testInstalled = d.reason));\n`;
  writeFileSync(background, probe + readFileSync(background, 'utf8'));
}

type Probe = { testBuild?: string; testInstalled?: string };

/**
 * Loads (or reloads) the unpacked extension from the installed path through CDP (Extensions.loadUnpacked) and waits
 * for the service worker of `version`: over a different version already installed, the browser takes it as an
 * update, as from the store. Not --load-extension and a restart: a browser restarted after the files changed keeps
 * running the old service worker script (seen with Chromium here: the manifest said 0.2.0, the worker ran 0.1.0's).
 */
async function load(version: string) {
  const cdp = await context.browser()!.newBrowserCDPSession();
  ({ id: extensionId } = (await cdp.send('Extensions.loadUnpacked' as never, { path: installed } as never)) as { id: string });
  await cdp.detach();
  // The worker of this version (one of the previous version may still be listed while it shuts down).
  const build = async () => {
    for (const w of context.serviceWorkers()) {
      if (!w.url().startsWith(`chrome-extension://${extensionId}/`)) continue;
      const running = await w.evaluate(() => (globalThis as Probe).testBuild).catch(() => null);
      if (running === version) return w;
    }
    return null;
  };
  const end = Date.now() + 30_000;
  let found = await build();
  while (!found && Date.now() < end) found = await new Promise<void>((ok) => setTimeout(ok, 100)).then(build);
  if (!found) throw new Error(`Backstory test: the service worker of build ${version} did not start within 30 s`);
  worker = found;
}

/** Starts the browser on the profile, with the installed extension (`version` of it) loaded. */
async function launch(version: string) {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROME_PATH,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...CHROME_FLAGS, '--enable-unsafe-extension-debugging'],
    viewport: { width: 1200, height: 900 },
  });
  await load(version);
  await keepOffline(context, origin);
}

beforeAll(async () => {
  ({ server, origin } = await startServer());
  install('0.1.0');
  await launch('0.1.0');
});
afterAll(async () => {
  await context?.close();
  server?.close();
});

/** An extension page to send messages from (the options page: it holds no library state of its own). */
async function extensionPage(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  return page;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- responses of several message types
const ask = (page: Page, type: string, payload: unknown): Promise<any> =>
  page.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const);

/** Everything a user sees of the library: documents (ids, provenance, stats), entities, and a search for the quote. */
async function snapshot(page: Page) {
  const { documents } = await ask(page, 'libraryList', {});
  const entities = await ask(page, 'libraryEntities', {});
  const hits = await ask(page, 'search', { query: 'political will unwavering', filters: { source: 'library' } });
  return {
    documents: documents.map((d: { id: string; provenance: unknown; stats: unknown }) => [d.id, d.provenance, d.stats]),
    entities,
    quoteFound: hits.some((h: { text: string; citation?: { library?: true } }) => h.text.includes(QUOTE) && h.citation?.library),
  };
}

/** Opens the saved BBC page and returns the mentions Backstory marked on it. */
async function marksOnBbcPage(): Promise<string[]> {
  const page = await context.newPage();
  await page.goto(`${origin}/shared/bbc-1.html`);
  await page.waitForFunction(() => (CSS.highlights.get('backstory-mention')?.size ?? 0) > 0, undefined, { timeout: 10_000 });
  const marked = await page.evaluate(() => [...CSS.highlights.get('backstory-mention')!].map((r) => (r as Range).toString()));
  await page.close();
  return marked;
}

/** Reads the library's IndexedDB directly: for each document, how many records each store holds for it; and orphans. */
function storedRecords(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('backstory-library');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((ok, fail) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => ok(req.result as T[]);
        req.onerror = () => fail(req.error);
      });
    const docs = await all<{ id: string; name: string; stats: { passages: number; statements: number } }>('documents');
    const perDoc = new Map(docs.map((d) => [d.id, { name: d.name, stats: d.stats, passages: 0, statements: 0, mentions: 0 }]));
    let orphans = 0;
    for (const store of ['passages', 'statements', 'mentions'] as const) {
      for (const r of await all<{ doc: string }>(store)) {
        const entry = perDoc.get(r.doc);
        if (entry) entry[store]++;
        else orphans++;
      }
    }
    db.close();
    return { docs: [...perDoc.values()], orphans };
  });
}

/** A pack of `n` documents of about 1,500 words each, every one a different text with its own marker word. */
function bigPack(n: number): LibraryPack {
  const paragraphs = [
    ...readFileSync(resolve(ROOT, 'tests/fixtures/library/valid/panorama-2023-11-16.txt'), 'utf8').split(/\n\s*\n/),
    ...readFileSync(resolve(ROOT, 'tests/fixtures/library/valid/armradio-2022-10-26.md'), 'utf8').split(/\n\s*\n/),
  ].filter((p) => p.split(/\s+/).length > 12 && !p.startsWith('#'));
  const documents = Array.from({ length: n }, (_, i) => {
    const body: string[] = [`Interrupted import document zqx${i}vv.`];
    for (let k = 0; body.join(' ').split(/\s+/).length < 1500; k++) body.push(paragraphs[(i * 7 + k * 3) % paragraphs.length]!);
    return {
      file: `interrupted-${i}.txt`,
      title: `Interrupted import document ${i}`,
      publisher: 'Test desk',
      author: null,
      date: '2024-05-01',
      url: null,
      kind: 'news report',
      format: 'text' as const,
      content: body.join('\n\n'),
    };
  });
  return { format: PACK_FORMAT, version: PACK_VERSION, created: new Date().toISOString(), documents };
}

describe('the library across an extension update and a stopped service worker', () => {
  it('survives an update to a newer version: documents, search and user entities are the same', async () => {
    const page = await extensionPage();
    // The library's two fixture documents, and the BBC page's text with an entity that cites it.
    const pack = packFolder(resolve(ROOT, 'tests/fixtures/library/valid'), ROOT);
    pack.documents.push({
      file: 'bbc-1.html',
      title: "Obama admits US gun laws are his 'biggest frustration'",
      publisher: 'BBC News',
      author: null,
      date: '2015-07-24',
      url: 'http://www.bbc.com/news/world-us-canada-33646704',
      kind: 'news report',
      format: 'html',
      content: BBC,
    });
    const { results } = await ask(page, 'libraryImportPack', { pack: JSON.stringify(pack), name: 'update.json' });
    expect(results.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, true]);
    const bbc = await ask(page, 'libraryGet', { id: results[2].docId });
    const cited = bbc.doc.passages.find((p: { text: string }) => p.text.includes('North America editor Jon Sopel'));
    const saved = await ask(page, 'librarySaveEntity', {
      entity: {
        name: 'Jon Sopel',
        kind: 'person',
        description: { text: "The BBC's North America editor.", cites: [cited.id] },
        aliases: [{ text: 'Sopel', rule: 'afterFullName' }],
      },
    });
    expect(saved).toMatchObject({ ok: true });
    const before = await snapshot(page);
    expect(before.documents).toHaveLength(3);
    expect(before.entities.map((e: { name: string }) => e.name)).toEqual(['Jon Sopel']);
    expect(before.quoteFound).toBe(true);
    expect(await marksOnBbcPage()).toContain('Jon Sopel');
    await page.close();

    // Closed and started again: all there.
    await context.close();
    await launch('0.1.0');
    const restarted = await extensionPage();
    expect(await snapshot(restarted)).toEqual(before);
    await restarted.close();

    // The files replaced by a newer version: the browser updates the extension, and the new build's code runs.
    install('0.2.0');
    await load('0.2.0');
    expect(await worker.evaluate(() => chrome.runtime.getManifest().version)).toBe('0.2.0');
    await expect.poll(() => worker.evaluate(() => (globalThis as Probe).testInstalled)).toBe('update');
    const after = await extensionPage();
    expect(await snapshot(after)).toEqual(before);
    expect((await storedRecords(after)).orphans).toBe(0);
    // The user's entity is marked by the new version too (its matcher is compiled again on update).
    expect(await marksOnBbcPage()).toContain('Jon Sopel');
    await after.close();
  });

  it('a service worker stopped in the middle of an import leaves no half document; the next message wakes it intact', async () => {
    const page = await extensionPage();
    const pack = bigPack(40);
    const before = await snapshot(page);
    // Start the import and do not wait for it: the worker is stopped while it runs.
    await page.evaluate((text) => {
      (globalThis as { importDone?: Promise<string> }).importDone = chrome.runtime
        .sendMessage({ type: 'libraryImportPack', payload: { pack: text, name: 'interrupted.json' } })
        .then(
          () => 'finished',
          (error: Error) => `failed: ${error.message}`,
        );
    }, JSON.stringify(pack));
    const count = async () => (await ask(page, 'libraryList', {})).documents.length;
    await expect.poll(count, { timeout: 30_000, interval: 20 }).toBeGreaterThanOrEqual(before.documents.length + 3);

    // A mark in the running worker's global scope: a worker started again has none.
    await worker.evaluate(() => ((globalThis as { stoppedHere?: boolean }).stoppedHere = true));
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    // The page's request died with the worker: the import did not finish.
    expect(await page.evaluate(() => (globalThis as unknown as { importDone: Promise<string> }).importDone)).toMatch(
      /^failed: .*(closed|port)/,
    );

    // The next message starts the worker again, which answers from what is stored.
    const { documents } = await ask(page, 'libraryList', {});
    worker = context.serviceWorkers().at(-1)!;
    expect(await worker.evaluate(() => (globalThis as { stoppedHere?: boolean }).stoppedHere ?? false)).toBe(false);
    const imported = documents.length - before.documents.length;
    expect(imported).toBeGreaterThanOrEqual(3);
    expect(imported).toBeLessThan(pack.documents.length);

    // Every stored document is whole: all its passages and statements are there, and nothing belongs to no document.
    const stored = await storedRecords(page);
    expect(stored.orphans).toBe(0);
    expect(stored.docs).toHaveLength(documents.length);
    for (const d of stored.docs) {
      expect({ name: d.name, passages: d.passages, statements: d.statements }).toEqual({
        name: d.name,
        passages: d.stats.passages,
        statements: d.stats.statements,
      });
      expect(d.mentions).toBeLessThanOrEqual(d.passages);
    }
    // What was there before is unchanged, and search finds exactly the documents that were stored.
    const now = await snapshot(page);
    expect(now.entities).toEqual(before.entities);
    expect(now.quoteFound).toBe(true);
    expect(now.documents.slice(0, before.documents.length)).toEqual(before.documents);
    const storedNames = new Set(stored.docs.map((d) => d.name));
    for (const i of [0, imported - 1, imported, pack.documents.length - 1]) {
      const hits = await ask(page, 'search', { query: `zqx${i}vv`, filters: { source: 'library' } });
      // (Fuzzy matching finds the neighbours' markers too: the hit must be this document's.)
      const found = hits.some((h: { citation?: { title: string } }) => h.citation?.title === `Interrupted import document ${i}`);
      expect([i, found]).toEqual([i, storedNames.has(`interrupted-${i}.txt`)]);
    }

    // Importing the pack again adds the rest and reports the ones already there.
    const { results } = await ask(page, 'libraryImportPack', { pack: JSON.stringify(pack), name: 'interrupted.json' });
    expect(results.filter((r: { ok: boolean }) => r.ok)).toHaveLength(pack.documents.length - imported);
    expect(results.filter((r: { duplicateOf?: string }) => r.duplicateOf)).toHaveLength(imported);
    expect((await ask(page, 'libraryList', {})).documents).toHaveLength(before.documents.length + pack.documents.length);
    await page.close();
  });
});

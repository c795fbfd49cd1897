import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packFolder } from '../../lib/cli/pack';
import { CHROME_FLAGS, CHROME_PATH, EXTENSION_DIR, keepOffline, ROOT, startServer } from './harness';

// One profile directory, opened twice: the library must survive closing the browser.
const userDataDir = mkdtempSync(join(tmpdir(), 'backstory-library-'));
const work = mkdtempSync(join(tmpdir(), 'backstory-library-files-'));
const FIXTURES = resolve(ROOT, 'tests/fixtures/library');
let context: BrowserContext;
let extensionId: string;
let server: Server;
let origin: string;

async function launch() {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROME_PATH,
    headless: true,
    args: [...CHROME_FLAGS, `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
    viewport: { width: 1200, height: 900 },
    acceptDownloads: true,
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  extensionId = new URL(worker.url()).host;
  await keepOffline(context, origin);
}

beforeAll(async () => {
  ({ server, origin } = await startServer());
  await launch();
});
afterAll(async () => {
  await context?.close();
  server?.close();
});

async function libraryPage(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/library.html`);
  await page.getByRole('heading', { name: 'My library' }).waitFor();
  return page;
}
const docs = (page: Page) => page.locator('[data-testid=documents] > li');
const report = (page: Page) => page.locator('[data-testid=report] li');
const QUOTE = 'Our political will to conclude a peace treaty with Azerbaijan in the coming months remains unwavering';

async function titles(page: Page) {
  return (await docs(page).locator('.title').allTextContents()).sort();
}

describe('the library in the browser', () => {
  it('imports a file with its provenance through the Library page, and a pack (reporting the duplicate)', async () => {
    const page = await libraryPage();
    await page.getByLabel('Choose files').setInputFiles(resolve(FIXTURES, 'valid/panorama-2023-11-16.txt'));
    const form = page.locator('fieldset[data-file="panorama-2023-11-16.txt"]');
    await form.waitFor();
    expect(await form.getByLabel('Title').inputValue()).toBe('Pashinyan says will step up efforts to agree peace deal with Azerbaijan');
    await form.getByLabel('Publisher').fill('Panorama.am');
    await form.getByLabel('Published').fill('2023-11-16');
    await form.getByLabel('URL').fill('https://panorama.am/en/news/2023/11/16/Նիկոլ-Փաշինյան/2926743');
    await page.getByRole('button', { name: 'Add 1 document' }).click();
    await expect.poll(() => report(page).first().textContent(), { timeout: 15_000 }).toMatch(/panorama-2023-11-16\.txt: added: \d+ words/);
    await expect.poll(() => docs(page).count()).toBe(1);

    // A pack of both fixture documents: one is new, the other already there.
    const pack = join(work, 'two.pack.json');
    writeFileSync(pack, JSON.stringify(packFolder(resolve(FIXTURES, 'valid'), ROOT)));
    await page.getByLabel('Choose files').setInputFiles(pack);
    await expect.poll(() => report(page).count(), { timeout: 15_000 }).toBe(2);
    const lines = await report(page).allTextContents();
    expect(lines[0]).toMatch(/^panorama-2023-11-16\.txt: already in your library as “Pashinyan says/);
    expect(lines[1]).toMatch(/^armradio-2022-10-26\.md: added/);
    await expect
      .poll(() => titles(page))
      .toEqual([
        'Armenia hopes peace deal with Azerbaijan will be signed by yearend – PM',
        'Pashinyan says will step up efforts to agree peace deal with Azerbaijan',
      ]);
    // The page in both themes (written on every run).
    await page.screenshot({ path: resolve(ROOT, 'tests/screenshots/library-light.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(13, 17, 23)');
    await page.screenshot({ path: resolve(ROOT, 'tests/screenshots/library-dark.png'), fullPage: true });
    await page.close();
  });

  it('finds a library quote in search (marked as from your library) and in the quote check, and counts it in a card', async () => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByRole('searchbox').fill('political will unwavering');
    const first = popup.locator('[data-testid=results] li[role=option]', { hasText: 'remains unwavering' }).first();
    await expect.poll(() => first.count(), { timeout: 10_000 }).toBe(1);
    expect(await first.textContent()).toContain('from your library');
    expect(await first.textContent()).toContain('Panorama.am');
    await popup.close();

    const check = await context.newPage();
    await check.goto(`chrome-extension://${extensionId}/popup.html?check=${encodeURIComponent(QUOTE)}`);
    const result = check.locator('[data-testid=check-result]');
    await expect.poll(() => result.getAttribute('data-verdict'), { timeout: 10_000 }).toBe('exact');
    expect(await result.textContent()).toContain('Panorama.am');
    await check.close();

    const page = await context.newPage();
    await page.goto(`${origin}/fixtures/news-article.html`);
    await page.waitForFunction(() => (CSS.highlights.get('backstory-mention')?.size ?? 0) > 0);
    const at = await page.evaluate(() => {
      const range = ([...CSS.highlights.get('backstory-mention')!] as Range[]).find((r) => r.toString() === 'Nikol Pashinian')!;
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.move(at.x, at.y);
    const card = page.locator('backstory-card .card');
    await expect.poll(() => card.getAttribute('data-entity'), { timeout: 5000 }).toBe('nikol-pashinyan');
    expect(await card.textContent()).toMatch(/Mentioned in \d+ of 7 documents/);
    await page.close();
  });

  it('is still there after the browser is closed and the profile reopened', async () => {
    await context.close();
    await launch();
    const page = await libraryPage();
    await expect.poll(() => docs(page).count(), { timeout: 10_000 }).toBe(2);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByRole('searchbox').fill('political will unwavering');
    await expect
      .poll(() => popup.locator('[data-testid=results] li[role=option]', { hasText: 'remains unwavering' }).first().textContent(), {
        timeout: 10_000,
      })
      .toContain('from your library');
    await popup.close();
    await page.close();
  });

  it('export, remove everything, import: the library is the same', async () => {
    const page = await libraryPage();
    await expect.poll(() => docs(page).count()).toBe(2);
    const before = await docs(page).evaluateAll((els) => els.map((e) => [e.getAttribute('data-id'), e.textContent]).sort());
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export library as a pack' }).click();
    const file = join(work, 'backup.json');
    await (await download).saveAs(file);
    const pack = JSON.parse(readFileSync(file, 'utf8'));
    expect(pack.format).toBe('backstory-pack');
    expect(pack.documents).toHaveLength(2);

    await page.getByRole('button', { name: 'Remove all' }).click();
    await page.getByRole('button', { name: 'Really remove all 2?' }).click();
    await expect.poll(() => docs(page).count()).toBe(0);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByRole('searchbox').fill('political will unwavering');
    await expect.poll(() => popup.locator('[data-testid=results]').textContent(), { timeout: 10_000 }).not.toContain('remains unwavering');

    await page.getByLabel('Choose files').setInputFiles(file);
    await expect.poll(() => docs(page).count(), { timeout: 15_000 }).toBe(2);
    // Same ids, provenance and stats; only the "added" date may differ, and it is the same day here.
    expect(await docs(page).evaluateAll((els) => els.map((e) => [e.getAttribute('data-id'), e.textContent]).sort())).toEqual(before);
    await popup.getByRole('searchbox').fill('political will unwavering!');
    await expect
      .poll(() => popup.locator('[data-testid=results] li[role=option]', { hasText: 'remains unwavering' }).first().textContent(), {
        timeout: 10_000,
      })
      .toContain('from your library');
    await popup.close();
    await page.close();
  });

  it('a web page can neither message the extension nor load the Library page', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/fixtures/news-article.html`);
    await page.waitForFunction(() => (CSS.highlights.get('backstory-mention')?.size ?? 0) > 0);
    // The page itself has no extension API; the library is not web-accessible either.
    expect(
      await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage),
    ).toBe('undefined');
    const status = await page.evaluate(
      async (id) =>
        await fetch(`chrome-extension://${id}/library.html`).then(
          (r) => r.status,
          () => 'blocked',
        ),
      extensionId,
    );
    expect(status).toBe('blocked');
    await page.close();
  });
});

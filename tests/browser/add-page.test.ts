import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_FLAGS, CHROME_PATH, EXTENSION_DIR, keepOffline, startServer } from './harness';

/** The extension API inside the service worker and extension pages, where the tests evaluate code. */
declare const chrome: typeof import('webextension-polyfill');

/**
 * The built extension with host access to the test server: what a click on the toolbar button or the page's
 * context menu grants through activeTab, which headless Chromium cannot click. Nothing else of the build changes.
 */
async function launchWithActiveTab(): Promise<{ context: BrowserContext; worker: Worker; extensionId: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, host_permissions: ['http://127.0.0.1/*'] }));
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'backstory-profile-')), {
    executablePath: CHROME_PATH,
    headless: true,
    args: [...CHROME_FLAGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
    viewport: { width: 1200, height: 900 },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  return { context, worker, extensionId: new URL(worker.url()).host };
}

let context: BrowserContext;
let worker: Worker;
let extensionId: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  ({ server, origin } = await startServer());
  ({ context, worker, extensionId } = await launchWithActiveTab());
  await keepOffline(context, origin);
});
afterAll(async () => {
  await context?.close();
  server?.close();
});

/** Opens a page of the test server in the active tab and returns it with its tab id (as the background knows it). */
async function openTab(path: string): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  await page.goto(`${origin}${path}`);
  await page.bringToFront();
  const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
  return { page, tabId };
}

/** The popup as an extension page, in the mode the context menu opens: adding the tab `tabId`. */
async function addPopup(tabId: number): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html?addTab=${tabId}`);
  return page;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- responses of several message types
const ask = (page: Page, type: string, payload: unknown): Promise<any> =>
  page.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const);

describe('add this page to my library', () => {
  it('reads a real saved article only on request, previews it, takes a corrected publisher, and stores it', async () => {
    const { page: article, tabId } = await openTab('/shared/bbc-1.html');
    const popup = await addPopup(tabId);
    const preview = popup.locator('.add-preview');
    await expect.poll(() => preview.count(), { timeout: 15_000 }).toBe(1);
    // What the page itself says: og:title, og:site_name and the date of its metadata (read by hand from the file).
    expect(await preview.locator('[data-field=title]').textContent()).toBe(
      "Obama admits US gun laws are his 'biggest frustration' - BBC News",
    );
    expect(await popup.getByLabel('Publisher').inputValue()).toBe('BBC News');
    expect(await popup.getByLabel('Date').inputValue()).toBe('2015-07-24');
    expect(Number(await preview.locator('[data-field=words]').textContent())).toBeGreaterThan(500);
    expect(Number(await preview.locator('[data-field=statements]').textContent())).toBeGreaterThan(0);
    expect(await preview.locator('[data-field=mentions]').textContent()).toMatch(/^\d+$/);
    // Nothing is stored by the preview.
    expect((await ask(popup, 'libraryList', {})).documents).toEqual([]);

    await popup.getByLabel('Publisher').fill('BBC');
    await popup.getByRole('button', { name: 'Save to my library' }).click();
    await expect.poll(() => popup.getByRole('status').textContent()).toContain('Added to your library');
    const { documents } = await ask(popup, 'libraryList', {});
    expect(documents).toHaveLength(1);
    expect(documents[0].provenance).toMatchObject({
      publisher: 'BBC',
      date: '2015-07-24',
      url: 'http://www.bbc.com/news/world-us-canada-33646704',
    });

    // Its quote is found by the search that covers the library.
    const hits = await ask(popup, 'search', { query: 'Americans killed since 9/11 by terrorism', filters: { source: 'library' } });
    expect(hits.some((h: { text: string }) => h.text.includes('killed since 9/11 by terrorism'))).toBe(true);

    // A second try is reported as a duplicate, not stored twice.
    const again = await addPopup(tabId);
    await expect.poll(() => again.locator('.add-error').textContent(), { timeout: 15_000 }).toMatch(/already in your library/);
    await Promise.all([article.close(), popup.close(), again.close()]);
  });

  it('gives a clear message for a page that is not an article', async () => {
    const { page, tabId } = await openTab('/shared/005-unescape-html-entities.html');
    const popup = await addPopup(tabId);
    await expect
      .poll(() => popup.locator('.add-error').textContent(), { timeout: 15_000 })
      .toMatch(/^This page has only \d+ words? of main text \(an article needs at least 80\)/);
    expect(await popup.locator('.add-preview').count()).toBe(0);
    await Promise.all([page.close(), popup.close()]);
  });

  it('opens the preview from the page’s context menu item', async () => {
    const { page, tabId } = await openTab('/shared/lemonde-1.html');
    const opened = context.waitForEvent('page');
    await worker.evaluate(
      (id) =>
        (globalThis as unknown as { backstoryAddPage: (i: object, t: object) => Promise<void> }).backstoryAddPage(
          { menuItemId: 'add-page' },
          { id },
        ),
      tabId,
    );
    const popup = await opened;
    await popup.waitForLoadState();
    expect(popup.url()).toContain(`popup.html?addTab=${tabId}`);
    await expect.poll(() => popup.getByLabel('Publisher').inputValue(), { timeout: 15_000 }).toBe('Le Monde.fr');
    await Promise.all([page.close(), popup.close()]);
  });
});

describe('my own entities', () => {
  // Uses the BBC article the first test stored: the entity's description cites one of its passages.
  it('adds an entity on the Library page, with errors beside the field, and an open page marks it without a reload; its card opens', async () => {
    const { page: article } = await openTab('/shared/bbc-1.html');
    // The bundled knowledge base names nobody on this page.
    await article.waitForTimeout(500);
    expect(await article.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0)).toBe(0);

    const library = await context.newPage();
    await library.goto(`chrome-extension://${extensionId}/library.html`);
    const form = library.locator('.entity-form');
    await form.getByLabel('Name').fill('Jon Sopel');
    await form.getByLabel('Kind').selectOption('person');
    await form.getByLabel('Alias 1', { exact: true }).fill('Sopel');
    await form.getByLabel('Rule for alias 1').selectOption('afterFullName');
    await form.getByLabel('Description, as the source gives it').fill("The BBC's North America editor.");
    // No passage chosen yet: the error stands beside the passage picker.
    await form.getByRole('button', { name: 'Add entity' }).click();
    await expect.poll(() => form.locator('[data-error-for=cite]').textContent()).toBe('Cite the passage that supports this text.');

    await expect.poll(() => form.getByLabel('Cited document').locator('option').count()).toBeGreaterThan(1);
    const doc = form.getByLabel('Cited document').locator('option', { hasText: 'biggest frustration' });
    await form.getByLabel('Cited document').selectOption((await doc.getAttribute('value'))!);
    const passage = form.getByLabel('Cited passage').locator('option', { hasText: 'North America editor Jon Sopel' });
    await expect.poll(() => passage.count()).toBe(1);
    await form.getByLabel('Cited passage').selectOption((await passage.getAttribute('value'))!);
    await form.getByRole('button', { name: 'Add entity' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toContain('Saved “Jon Sopel”');
    expect(await library.locator('.entity-list li').getAttribute('data-entity')).toBe('u-jon-sopel');

    // The open page marks it, with the bundled rules: the full name, then the surname after it.
    await article.waitForFunction(() => (CSS.highlights.get('backstory-mention')?.size ?? 0) > 0, undefined, { timeout: 10_000 });
    const marked = await article.evaluate(() => [...CSS.highlights.get('backstory-mention')!].map((r) => (r as Range).toString()));
    expect(marked).toContain('Jon Sopel');
    const at = await article.evaluate(() => {
      const range = ([...CSS.highlights.get('backstory-mention')!] as Range[]).find((r) => r.toString() === 'Jon Sopel')!;
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await article.mouse.click(at.x, at.y);
    const card = article.locator('backstory-card .card');
    await expect.poll(() => card.getAttribute('data-entity'), { timeout: 5000 }).toBe('u-jon-sopel');
    expect(await card.textContent()).toContain("The BBC's North America editor");

    // Removed: the page drops its marks, again without a reload.
    await library.locator('.entity-list li').getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => article.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0), { timeout: 10_000 }).toBe(0);
    await Promise.all([article.close(), library.close()]);
  });
});

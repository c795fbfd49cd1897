import type { Server } from 'node:http';
import type { BrowserContext, Request, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { launchWithExtension, ROOT, startServer } from './harness';

let context: BrowserContext;
let worker: Worker;
let extensionId: string;
let server: Server;
let origin: string;
const requests: Request[] = [];

beforeAll(async () => {
  ({ server, origin } = await startServer());
  ({ context, worker, extensionId } = await launchWithExtension());
  context.on('request', (r) => requests.push(r));
});

afterAll(async () => {
  await context?.close();
  server?.close();
});

describe('the built extension in Chromium', () => {
  it('loads, and its service worker starts', () => {
    expect(extensionId).toMatch(/^[a-p]{32}$/);
    expect(worker.url()).toBe(`chrome-extension://${extensionId}/background.js`);
  });

  it('opens the popup, which searches the bundled knowledge base through the background', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    const input = page.getByRole('searchbox');
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await input.fill('Zangezur');
    await expect.poll(() => page.locator('[data-testid=results] li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=results] li').first().textContent()).toContain('Zangezur corridor');
    await page.setViewportSize({ width: 400, height: 520 });
    await page.screenshot({ path: resolve(ROOT, 'tests/screenshots/popup-search.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('highlights the expected mentions on a news page without touching its DOM', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${origin}/fixtures/news-article.html`);
    const expected = await page.evaluate(() =>
      document
        .querySelector('meta[name="backstory-expect"]')!
        .getAttribute('content')!
        .split(';')
        .map((s) => s.trim().split('|')[1]),
    );
    await expect
      .poll(() => page.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0), { timeout: 10_000 })
      .toBe(expected.length);
    const texts = await page.evaluate(() => [...CSS.highlights.get('backstory-mention')!].map((r) => r.toString()));
    expect(texts.sort()).toEqual([...expected].sort());
    expect(await page.locator('mark, backstory-mention').count()).toBe(0);
    await page.screenshot({ path: resolve(ROOT, 'tests/screenshots/news-page.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('makes no network request of its own', () => {
    const outside = requests.filter((r) => !r.url().startsWith(origin) && !r.url().startsWith('chrome-extension://'));
    expect(outside.map((r) => r.url())).toEqual([]);
  });
});

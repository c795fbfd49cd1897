import type { Server } from 'node:http';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { keepOffline, launchWithExtension, ROOT, startServer } from './harness';

let context: BrowserContext;
let worker: Worker;
let extensionId: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  ({ server, origin } = await startServer());
  ({ context, worker, extensionId } = await launchWithExtension());
  await keepOffline(context, origin);
});
afterAll(async () => {
  await context?.close();
  server?.close();
});

async function popup(query = ''): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html${query}`);
  return page;
}
const options = (page: Page) => page.locator('[data-testid=results] li[role=option]');

describe('toolbar popup', () => {
  it('searches as you type, grouped, with matched words marked', async () => {
    const page = await popup();
    await page.getByRole('searchbox').fill('Bayramov obstacle');
    await expect.poll(() => options(page).count()).toBeGreaterThan(0);
    const first = options(page).first();
    expect(await first.getAttribute('data-type')).toBe('statement');
    expect(await first.textContent()).toContain('the most serious obstacle');
    expect(await first.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['Bayramov', 'obstacle']));
    expect(await page.locator('.group h2').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Statements')]));
    await page.close();
  });

  it('filters by speaker and by kind, without a query', async () => {
    const page = await popup();
    await page.locator('.filters summary').click();
    await page.getByLabel('Speaker').selectOption('jeyhun-bayramov');
    await expect.poll(() => options(page).count()).toBe(2);
    for (const t of await options(page).allTextContents()) expect(t).toContain('Jeyhun Bayramov');
    await page.getByLabel('Kind').selectOption('reported');
    await expect.poll(() => options(page).count()).toBe(1);
    expect(await options(page).first().locator('.badge').textContent()).toBe('reported');
    await page.close();
  });

  it('moves through results with the keyboard; Enter on an entity filters to it', async () => {
    const page = await popup();
    await page.getByRole('searchbox').fill('Zangezur');
    await expect.poll(() => options(page).count()).toBeGreaterThan(2);
    expect(await options(page).nth(0).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await options(page).nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowUp');
    expect(await options(page).nth(0).getAttribute('data-type')).toBe('entity');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.filters summary').textContent()).toContain('(on)');
    expect(await page.getByLabel('Entity').inputValue()).toBe('zangezur-corridor');
    await page.close();
  });

  it('opened in a tab, lays the search out for a full window (issue 12, defect 13)', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.goto(`chrome-extension://${extensionId}/popup.html?view=tab&entity=jeyhun-bayramov`);
    await expect.poll(() => options(page).count()).toBeGreaterThan(0);
    const results = (await page.locator('[data-testid=results]').boundingBox())!;
    const filters = (await page.locator('.filters').boundingBox())!;
    expect(results.width).toBeGreaterThan(600);
    expect(filters.x + filters.width).toBeLessThanOrEqual(results.x);
    expect(await page.evaluate(() => document.body.getBoundingClientRect().width)).toBeGreaterThan(1000);
    await page.close();
  });

  it('helps when empty and when nothing is found', async () => {
    const page = await popup();
    await expect.poll(() => page.locator('.empty').textContent()).toMatch(/5 reports and articles, 12 December 2022 to 16 November 2024/);
    expect(await page.locator('.suggestions button').count()).toBeGreaterThan(3);
    await page.getByRole('searchbox').fill('qwxyzzy');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('No results for “qwxyzzy”');
    await page.close();
  });

  it('opens the reader at the passage, highlighted', async () => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/reader.html#000-p12`);
    const target = page.locator('[id="000-p12"]');
    await expect.poll(() => target.getAttribute('class')).toContain('target');
    expect(await target.textContent()).toContain('the most serious obstacle');
    expect(await page.locator('header h1').textContent()).toContain('Biden calls on Aliyev');
    expect(await target.isVisible()).toBe(true);
    expect((await target.locator('.statement.direct').allTextContents()).join('')).toContain('the most serious obstacle');
    expect(await target.locator('a.entity').first().getAttribute('href')).toMatch(/popup\.html\?entity=jeyhun-bayramov$/);
    await page.screenshot({ path: resolve(ROOT, 'tests/screenshots/reader.png') });
    await page.close();
  });

  it('checks a quote selected on a page, from the context-menu command', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/fixtures/quote-page.html`);
    const selection = await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('quote')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    });
    const opened = context.waitForEvent('page');
    await worker.evaluate(
      (text) =>
        (globalThis as unknown as { backstoryCheckSelection: (i: object) => Promise<void> }).backstoryCheckSelection({
          menuItemId: 'check-quote',
          selectionText: text,
        }),
      selection,
    );
    const check = await opened;
    await check.waitForLoadState();
    const result = check.locator('[data-testid=check-result]');
    await expect.poll(() => result.getAttribute('data-verdict'), { timeout: 10_000 }).toBe('close');
    expect(await result.locator('.verdict').textContent()).toBe('Close — wording differs');
    expect(await result.locator('.who').textContent()).toContain('Jeyhun Bayramov');
    expect(await result.locator('.diff del').allTextContents()).toEqual(['deal', 'demands']);
    expect(await result.locator('.diff ins').allTextContents()).toEqual(['agreement', 'claims']);
    await check.close();
    await page.close();
  });

  it('lists the entities on a page and scrolls to one', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/fixtures/news-article.html`);
    await page.waitForFunction(() => (CSS.highlights.get('backstory-mention')?.size ?? 0) > 0);
    const ext = await popup();
    const answers = await ext.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome;
      const out: unknown[] = [];
      for (const tab of await chrome.tabs.query({})) {
        try {
          out.push(await chrome.tabs.sendMessage(tab.id!, { type: 'pageEntities', payload: {} }));
        } catch {
          // Tabs without the content script do not answer.
        }
      }
      return out.filter(Boolean);
    });
    const list = answers[0] as Array<{ id: string; count: number }>;
    expect(list.find((e) => e.id === 'ilham-aliyev')!.count).toBe(2);
    expect(list.find((e) => e.id === 'charles-michel')!.count).toBe(2);
    await ext.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome;
      for (const tab of await chrome.tabs.query({}))
        chrome.tabs.sendMessage(tab.id!, { type: 'scrollTo', payload: { entity: 'baku' } }).catch(() => {});
    });
    await expect
      .poll(() => page.evaluate(() => [...(CSS.highlights.get('backstory-flash') ?? [])].map((r) => r.toString())))
      .toEqual(['Baku']);
    await ext.close();
    await page.close();
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { BROWSERS, screenshotPath, useSession, type TestPage } from './driver';

/** The mention texts a fixture page declares in its backstory-expect meta tag. */
const expectedMentions = (page: TestPage) =>
  page.evaluate(() =>
    document
      .querySelector('meta[name="backstory-expect"]')!
      .getAttribute('content')!
      .split(';')
      .map((s) => s.trim().split('|')[1]!),
  );

type Chrome = { chrome: typeof import('webextension-polyfill') };

describe.each(BROWSERS)('the built extension in %s', (browserName) => {
  // Firefox: permission requests are granted without the prompt, which the driver cannot click.
  const env = useSession(browserName, { grantPermissionRequests: true });

  // Every test starts from the default settings.
  beforeEach(async () => {
    await env.session.inExtension(() => (globalThis as unknown as Chrome).chrome.storage.local.clear());
  });

  it('loads, and its extension pages are reachable', async () => {
    expect(env.session.extensionOrigin).toMatch(
      browserName === 'chromium' ? /^chrome-extension:\/\/[a-p]{32}$/ : /^moz-extension:\/\/[0-9a-f-]{36}$/,
    );
    const manifest = await env.session.inExtension(() => (globalThis as unknown as Chrome).chrome.runtime.getManifest());
    expect(manifest.name).toBe('Backstory');
  });

  it('opens the popup, which searches the bundled knowledge base through the background', async () => {
    const page = await env.session.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${env.session.extensionOrigin}/popup.html`);
    const input = page.getByRole('searchbox');
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await input.fill('Zangezur');
    await expect.poll(() => page.locator('[data-testid=results] li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=results] li').first().textContent()).toContain('Zangezur corridor');
    await page.setViewportSize({ width: 400, height: 520 });
    await page.screenshot({ path: screenshotPath(browserName, 'popup-search') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('highlights the expected mentions on a news page without touching its DOM', async () => {
    const page = await env.session.newPage();
    const errors: string[] = [];
    const messages: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => /Backstory/i.test(m.text()) && messages.push(m.text()));
    await page.goto(`${env.origin}/fixtures/news-article.html`);
    const expected = await expectedMentions(page);
    await expect
      .poll(() => page.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0), { timeout: 10_000 })
      .toBe(expected.length);
    const texts = await page.evaluate(() => [...CSS.highlights.get('backstory-mention')!].map((r) => r.toString()));
    expect(texts.sort()).toEqual([...expected].sort());
    expect(await page.locator('mark, backstory-mention').count()).toBe(0);
    await page.screenshot({ path: screenshotPath(browserName, 'news-page') });
    expect(errors).toEqual([]);
    expect(messages).toEqual([]);
    await page.close();
  });

  it('marks a Russian-language page too', async () => {
    const page = await env.session.newPage();
    await page.goto(`${env.origin}/fixtures/russian-news.html`);
    const expected = await expectedMentions(page);
    await expect
      .poll(() => page.evaluate(() => [...(CSS.highlights.get('backstory-mention') ?? [])].map((r) => r.toString()).sort()), {
        timeout: 10_000,
      })
      .toEqual([...expected].sort());
    await page.close();
  });

  it('tells which mention is under the pointer (hit-testing) and marks it', async () => {
    const page = await env.session.newPage();
    await page.goto(`${env.origin}/fixtures/news-article.html`);
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0)).toBeGreaterThan(0);
    const box = await page.evaluate(() => {
      const range = ([...CSS.highlights.get('backstory-mention')!] as Range[]).find((r) => r.toString() === 'Zangezur corridor')!;
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, below: rect.bottom + 40 };
    });
    await page.mouse.move(box.x, box.y);
    await expect
      .poll(() => page.evaluate(() => [...(CSS.highlights.get('backstory-hover') ?? [])].map((r) => r.toString())))
      .toEqual(['Zangezur corridor']);
    await page.mouse.move(5, 5);
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('backstory-hover')?.size ?? 0)).toBe(0);
    await page.close();
  });

  it('applies settings at once, without a reload: style, pause, off for this site', async () => {
    const page = await env.session.newPage();
    await page.goto(`${env.origin}/fixtures/news-article.html`);
    const count = () => page.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0);
    await expect.poll(count).toBeGreaterThan(0);
    const marks = await count();
    const options = await env.session.newPage();
    await options.goto(`${env.session.extensionOrigin}/options.html`);
    await options.getByLabel('background').check();
    const usesBackground = () =>
      page.evaluate(() =>
        document.adoptedStyleSheets.some((sheet) =>
          [...sheet.cssRules].some((r) => r.cssText.includes('background-color: rgba(250, 204, 21, 0.35)')),
        ),
      );
    const usesUnderline = () =>
      page.evaluate(() =>
        document.adoptedStyleSheets.some((sheet) =>
          [...sheet.cssRules].some((r) => r.cssText.includes('backstory-mention') && r.cssText.includes('text-decoration')),
        ),
      );
    await expect.poll(usesBackground).toBe(true);
    expect(await usesUnderline()).toBe(false);
    await options.getByLabel('also mark countries').check();
    await expect.poll(count).toBeGreaterThan(marks);
    await options.getByLabel('also mark countries').uncheck();
    await options.getByLabel(/On \(unticked/).uncheck();
    await expect.poll(count).toBe(0);
    await options.getByLabel(/On \(unticked/).check();
    await expect.poll(count).toBe(marks);
    await options.evaluate(async () => {
      const storage = (globalThis as unknown as Chrome).chrome.storage.local;
      const key = 'backstory:settings';
      const current = (await storage.get(key))[key] as object;
      await storage.set({ [key]: { ...current, disabledSites: ['127.0.0.1'] } });
    });
    await expect.poll(count).toBe(0);
    await options.reload();
    await options.getByText('127.0.0.1').waitFor();
    await options.getByRole('button', { name: 'Turn back on' }).click();
    await expect.poll(count).toBe(marks);
    await options.getByLabel('underline').check();
    await expect.poll(usesUnderline).toBe(true);
    await options.close();
    await page.close();
  });

  it('rescans after a single-page-app navigation and when content is added', async () => {
    const page = await env.session.newPage();
    await page.goto(`${env.origin}/fixtures/news-article.html`);
    const texts = () => page.evaluate(() => [...(CSS.highlights.get('backstory-mention') ?? [])].map((r) => r.toString()).sort());
    await expect.poll(async () => (await texts()).length).toBeGreaterThan(0);
    await page.evaluate(() => {
      history.pushState({}, '', '/fixtures/second-story');
      document.querySelector('article')!.innerHTML = '<h1>Second story</h1><p>Lavrov met Bayramov in Sochi.</p>';
    });
    await expect.poll(texts, { timeout: 10_000 }).toEqual(['Bayramov', 'Lavrov']);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later, Pashinyan replied.';
      document.querySelector('article')!.append(p);
    });
    await expect.poll(texts, { timeout: 10_000 }).toEqual(['Bayramov', 'Lavrov', 'Pashinyan']);
    await page.close();
  });

  it('says when it may not read the current site, and asks for it from the popup', async () => {
    const page = await env.session.newPage();
    await page.goto(`${env.origin}/fixtures/news-article.html`);
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0)).toBeGreaterThan(0);
    // The tab that has the content script: the one that answers.
    const tabId = await env.session.inExtension(async () => {
      const { tabs } = (globalThis as unknown as Chrome).chrome;
      for (const tab of await tabs.query({}))
        if (await tabs.sendMessage(tab.id!, { type: 'pageEntities', payload: {} }).catch(() => null)) return tab.id!;
      return -1;
    });
    const notice = (popup: TestPage) => popup.locator('[data-testid=permission-notice]');
    if (browserName === 'firefox') {
      // Firefox lets the user revoke a site (about:addons, Permissions); the same API does it here.
      const revoked = await env.session.inExtension(async () => {
        const { permissions } = (globalThis as unknown as Chrome).chrome;
        await permissions.remove({ origins: ['<all_urls>'] });
        return permissions.contains({ origins: ['http://127.0.0.1/*'] });
      });
      expect(revoked).toBe(false);
      // A script already on the page keeps running; after a reload there is none.
      await page.reload();
      await page.waitForTimeout(500);
      expect(await page.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0)).toBe(0);
    }
    const popup = await env.session.newPage();
    // A tab's address is hidden from an extension without access to its site, until the toolbar button is clicked
    // (activeTab), which a driver cannot do: the test build takes it from ?url=.
    await popup.goto(
      `${env.session.extensionOrigin}/popup.html?tab=${tabId}&url=${encodeURIComponent(`${env.origin}/fixtures/news-article.html`)}`,
    );
    await popup.getByRole('searchbox').waitFor();
    if (browserName === 'chromium') {
      // Granted at install and not revocable from here: the popup must not claim otherwise.
      await popup.waitForTimeout(300);
      expect(await notice(popup).count()).toBe(0);
      await popup.close();
      await page.close();
      return;
    }
    await expect.poll(() => notice(popup).count()).toBe(1);
    expect(await notice(popup).textContent()).toContain('not allowed to read 127.0.0.1');
    await popup.getByRole('button', { name: 'Allow on 127.0.0.1' }).click();
    await expect.poll(() => notice(popup).count()).toBe(0);
    const granted = await env.session.inExtension(() =>
      (globalThis as unknown as Chrome).chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }),
    );
    expect(granted).toBe(true);
    await page.reload();
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0)).toBeGreaterThan(0);
    await popup.close();
    await page.close();
  });

  it('makes no network request of its own', () => {
    // The extension's own files (at a per-env.session host where the browser supports use_dynamic_url) are not the network.
    const outside = env.session.requests.filter(
      (r) => !r.startsWith(env.origin) && !/^(chrome|moz)-extension:\/\//.test(r) && !r.startsWith('data:'),
    );
    expect(outside).toEqual([]);
    // The listener works: the test server's pages were seen.
    expect(env.session.requests.some((r) => r.startsWith(env.origin))).toBe(true);
  });
});

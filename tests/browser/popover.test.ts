import { describe, expect, it } from 'vitest';
import { BROWSERS, screenshotPath, useSession, type TestPage } from './driver';
import { cardSettled, mentionPoint, openMarked } from './marks';

describe.each(BROWSERS)('the popover card in %s', (browserName) => {
  const env = useSession(browserName);
  const open = (path: string) => openMarked(env.session, `${env.origin}${path}`);

  const card = (page: TestPage) => page.locator('backstory-card .card');

  it('opens the right card on hover, with cited statements, and hides after the pointer leaves', async () => {
    const page = await open('/fixtures/news-article.html');
    const at = await mentionPoint(page, 'Jeyhun Bayramov');
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => card(page).getAttribute('data-entity'), { timeout: 5000 }).toBe('jeyhun-bayramov');
    const text = (await card(page).textContent())!;
    expect(text).toContain('the most serious obstacle');
    expect(text).toContain('OC Media');
    expect(text).toContain('22 October 2024');
    expect(await card(page).getAttribute('role')).toBe('dialog');
    await page.mouse.move(5, 890);
    await expect.poll(() => card(page).count(), { timeout: 5000 }).toBe(0);
    await page.close();
  });

  it("loads the card's code only when a card is first wanted, from a per-session URL", async () => {
    const page = await env.session.newPage();
    const cardUi: string[] = [];
    page.on('request', (r) => r.url().endsWith('/card-ui.js') && cardUi.push(r.url()));
    await page.goto(`${env.origin}/fixtures/news-article.html`);
    await page.waitForFunction(() => (CSS.highlights.get('backstory-mention')?.size ?? 0) > 0);
    await page.waitForTimeout(300);
    expect(cardUi).toEqual([]);
    const at = await mentionPoint(page, 'Jeyhun Bayramov');
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => card(page).getAttribute('data-entity'), { timeout: 5000 }).toBe('jeyhun-bayramov');
    // Firefox does not report a content script's own import as a page request.
    if (browserName === 'firefox') return;
    expect(cardUi.length).toBeGreaterThan(0); // Firefox ignores use_dynamic_url (see the README); its moz-extension UUID is random per install instead.
    // use_dynamic_url: the script is asked for at a per-session id (Chromium then serves it internally), so pages cannot probe for it.
    const extensionId = new URL(env.session.extensionOrigin).host;
    expect(new URL(cardUi[0]!).host).not.toBe(extensionId);
    const probe = await page.evaluate(
      (id) =>
        fetch(`chrome-extension://${id}/card-ui.js`).then(
          (r) => r.status,
          () => 'blocked',
        ),
      extensionId,
    );
    expect(probe).toBe('blocked');
    await page.close();
  });

  it('works from the keyboard: next mention, Enter opens, Tab stays inside, Esc closes', async () => {
    const page = await open('/fixtures/news-article.html');
    await page.keyboard.press('Alt+Shift+J');
    await expect
      .poll(() => page.evaluate(() => [...(CSS.highlights.get('backstory-hover') ?? [])].map((r) => r.toString())))
      .toEqual(['Ilham Aliyev']);
    await page.keyboard.press('Alt+Shift+J');
    await expect
      .poll(() => page.evaluate(() => [...(CSS.highlights.get('backstory-hover') ?? [])].map((r) => r.toString())))
      .toEqual(['Nikol Pashinian']);
    await page.keyboard.press('Enter');
    await expect.poll(() => card(page).getAttribute('data-entity')).toBe('nikol-pashinyan');
    const focusedInCard = () =>
      page.evaluate(() => document.activeElement?.tagName === 'BACKSTORY-CARD' && !!document.activeElement.shadowRoot?.activeElement);
    expect(await focusedInCard()).toBe(true);
    for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
    expect(await focusedInCard()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => card(page).count()).toBe(0);
    await page.close();
  });

  it('opens on click and stays inside the viewport at all four edges', async () => {
    const page = await open('/fixtures/corners.html');
    const viewport = page.viewportSize()!;
    for (const name of ['Pashinyan', 'Bayramov', 'Lavrov', 'Blinken']) {
      const at = await mentionPoint(page, name);
      await page.mouse.click(at.x, at.y);
      await expect.poll(() => card(page).count()).toBe(1);
      await page.waitForTimeout(100);
      const box = (await card(page).boundingBox())!;
      expect(box.x, name).toBeGreaterThanOrEqual(0);
      expect(box.y, name).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, name).toBeLessThanOrEqual(viewport.width);
      expect(box.y + box.height, name).toBeLessThanOrEqual(viewport.height);
      await page.keyboard.press('Escape');
      await expect.poll(() => card(page).count()).toBe(0);
    }
    await page.close();
  });

  it('stays readable and inside the window at 200% zoom', async () => {
    const page = await env.session.newPage();
    // 200% zoom halves the CSS viewport of a 1200×900 window.
    await page.setViewportSize({ width: 600, height: 450 });
    await page.goto(`${env.origin}/fixtures/news-article.html`);
    await page.waitForFunction(() => (CSS.highlights.get('backstory-mention')?.size ?? 0) > 0);
    const at = await mentionPoint(page, 'Nakhichevan');
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => card(page).count()).toBe(1);
    await page.waitForTimeout(100);
    const box = (await card(page).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(600);
    expect(box.y + box.height).toBeLessThanOrEqual(450);
    expect(await card(page).evaluate((el) => getComputedStyle(el).fontSize)).toBe('14px');
    await page.close();
  });

  it('is unaffected by a hostile page stylesheet', async () => {
    const page = await open('/fixtures/hostile.html');
    const at = await mentionPoint(page, 'Jeyhun Bayramov');
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => card(page).count()).toBe(1);
    const style = await card(page).evaluate((el) => {
      const s = getComputedStyle(el);
      const button = el.querySelector('button')!;
      return {
        display: s.display,
        width: el.getBoundingClientRect().width,
        font: s.fontSize,
        button: getComputedStyle(button).fontSize,
        color: getComputedStyle(button).color,
      };
    });
    // The card's own layout (a column: header, then a scrolling body), whatever the page's stylesheet says.
    expect(style.display).toBe('flex');
    expect(style.width).toBeGreaterThan(300);
    expect(style.width).toBeLessThan(420);
    expect(style.font).toBe('14px');
    expect(style.button).toBe('12.5px');
    expect(style.color).not.toBe('rgb(255, 0, 0)');
    expect(await card(page).isVisible()).toBe(true);
    await page.close();
  });

  it('follows the light and dark theme (screenshots for the README)', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await env.session.pageInColorScheme(scheme, env.origin);
      await page.goto(`${env.origin}/fixtures/news-article.html`);
      await page.waitForFunction(() => (CSS.highlights.get('backstory-mention')?.size ?? 0) > 0);
      const at = await mentionPoint(page, 'Jeyhun Bayramov');
      await page.mouse.click(at.x, at.y);
      await expect.poll(() => card(page).count()).toBe(1);
      expect(await card(page).evaluate((el) => el.classList.contains('dark'))).toBe(scheme === 'dark');
      await cardSettled(card(page));
      await page.screenshot({ path: screenshotPath(browserName, `card-${scheme}`) });
      await page.close();
    }
  });
});

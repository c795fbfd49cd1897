import type { Server } from 'node:http';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES, type Locale, type MessageKey } from '../../lib/i18n';
import { keepOffline, launchWithExtension, ROOT, startServer } from './harness';
import { mentionPoint, openMarked } from './marks';

// The interface in the reader's language (issue 17), in Chromium: the browser's language from --lang, and the
// options' override applied at once to open pages and cards. Screenshots for the README go to tests/screenshots/.
const message = (locale: Locale, key: MessageKey) => MESSAGES[locale][key]!.message;
const shot = (name: string) => resolve(ROOT, 'tests/screenshots', `${name}.png`);
const cardOf = (page: Page) => page.locator('backstory-card .card');

/** A Chromium with Backstory, started with the given arguments, kept offline, and a server of the fixture pages. */
function useChromium(args: string[]) {
  const env = {} as { context: BrowserContext; extension: string; origin: string; server: Server };
  beforeAll(async () => {
    const { server, origin } = await startServer();
    const { context, extensionId } = await launchWithExtension({ args });
    await keepOffline(context, origin);
    Object.assign(env, { server, origin, context, extension: `chrome-extension://${extensionId}` });
  });
  afterAll(async () => {
    await env.context?.close();
    env.server?.close();
  });
  return env;
}

/** Opens the news fixture and clicks a mention, which opens its card. */
async function openCard(env: ReturnType<typeof useChromium>, scheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await env.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await openMarked({ newPage: async () => page }, `${env.origin}/fixtures/news-article.html`);
  const at = await mentionPoint(page, 'Jeyhun Bayramov');
  await page.mouse.click(at.x, at.y);
  await expect.poll(() => cardOf(page).getAttribute('data-entity'), { timeout: 5000 }).toBe('jeyhun-bayramov');
  return page;
}

describe.each(['ru', 'hy'] as const)('Chromium with --lang=%s', (lang) => {
  const env = useChromium([`--lang=${lang}`]);

  it('shows the popup in that language, with its plurals and dates', async () => {
    const page = await env.context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(`${env.extension}/popup.html?q=Bayramov`);
    await expect
      .poll(() => page.locator('[role=tab]').allTextContents())
      .toEqual([message(lang, 'popupTabSearch'), message(lang, 'popupTabPage'), message(lang, 'popupTabCheck')]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    await expect.poll(() => page.locator('[data-testid=results] h2').first().textContent()).toContain(message(lang, 'groupStatements'));
    // A date of a result, in the language's month names (not "October").
    const dates = (await page.locator('[data-testid=results] li small').allTextContents()).join(' ');
    expect(dates).toMatch(
      lang === 'ru'
        ? /(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) 20\d\d/
        : /(հունվարի|փետրվարի|մարտի|ապրիլի|մայիսի|հունիսի|հուլիսի|օգոստոսի|սեպտեմբերի|հոկտեմբերի|նոյեմբերի|դեկտեմբերի)/,
    );
    expect(dates).not.toMatch(/January|February|March|April|May|June|July|August|September|October|November|December/);
    await page.screenshot({ path: shot(`popup-${lang}`) });
    await page.goto(`${env.extension}/popup.html`);
    await expect.poll(() => page.locator('.empty').first().textContent()).toContain(message(lang, 'searchTry'));
    await page.close();
  });

  it('shows the card in that language, its content in the language of its sources', async () => {
    const page = await openCard(env);
    const card = cardOf(page);
    expect(await card.locator('h3').allTextContents()).toEqual(
      expect.arrayContaining([message(lang, 'cardBackground'), message(lang, 'cardSources')]),
    );
    expect(await card.locator('.note').first().textContent()).toBe(message(lang, 'sourcesLanguageNote'));
    expect(await card.locator('button.pin').textContent()).toBe(message(lang, 'cardPin'));
    const text = (await card.textContent())!;
    // The statement is quoted as the source has it, in English.
    expect(text).toContain('the most serious obstacle');
    expect(text).not.toContain('Background');
    // The card fits the viewport and its header does not overflow with the longer words.
    const box = (await card.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1200);
    expect(await card.locator('header').evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true);
    await page.screenshot({ path: shot(`card-${lang}`) });
    await page.close();
  });
});

describe('the language chosen in the options', () => {
  const env = useChromium([]);

  it('applies at once, without a reload, to the options page, an open popup and an open card', async () => {
    const card = await openCard(env, 'dark');
    expect(await cardOf(card).locator('h3').first().textContent()).toBe(message('en', 'cardBackground'));
    const popup = await env.context.newPage();
    await popup.goto(`${env.extension}/popup.html`);
    await expect.poll(() => popup.locator('[role=tab]').first().textContent()).toBe('Search');
    const options = await env.context.newPage();
    await options.goto(`${env.extension}/options.html`);
    await expect.poll(() => options.locator('h1').textContent()).toBe('Backstory settings');
    const loads: string[] = [];
    for (const p of [card, popup, options]) p.on('load', () => loads.push(p.url()));

    await options.locator('select#locale').selectOption('hy');
    await expect.poll(() => options.locator('h1').textContent()).toBe(message('hy', 'optionsTitle'));
    await expect.poll(() => options.title()).toBe(message('hy', 'optionsTitle'));
    await expect.poll(() => popup.locator('[role=tab]').first().textContent()).toBe(message('hy', 'popupTabSearch'));
    await expect.poll(() => cardOf(card).locator('h3').first().textContent()).toBe(message('hy', 'cardBackground'));
    await options.setViewportSize({ width: 800, height: 900 });
    await options.screenshot({ path: shot('options-hy'), fullPage: true });
    await card.screenshot({ path: shot('card-hy-dark') });

    await options.locator('select#locale').selectOption('auto');
    await expect.poll(() => cardOf(card).locator('h3').first().textContent()).toBe(message('en', 'cardBackground'));
    await expect.poll(() => options.locator('h1').textContent()).toBe('Backstory settings');
    expect(loads).toEqual([]);
    for (const p of [card, popup, options]) await p.close();
  });
});

import type { Server } from 'node:http';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES, translator, type Locale, type MessageKey } from '../../lib/i18n';
import { SETTINGS_KEY } from '../../lib/settings';
import { BROWSERS, screenshotPath, useSession, type Session, type TestPage } from './driver';
import { keepOffline, launchWithExtension, ROOT, startServer } from './harness';
import { dropFiles, FILES } from './library-drop';
import { cardSettled, mentionPoint, openMarked } from './marks';

// The interface in the reader's language (issue 17): in Chromium the browser's language from --lang, and the
// options' override applied at once to open pages and cards; the Library page and the reader in both browsers
// (Firefox takes no --lang: the override). Screenshots for the README go to tests/screenshots/.
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
    await cardSettled(card);
    await page.screenshot({ path: shot(`card-${lang}`) });
    await page.close();
  });

  it('shows the Library page in that language', async () => {
    const page = await env.context.newPage();
    await page.goto(`${env.extension}/library.html`);
    await expect.poll(() => page.locator('main.library h1').textContent()).toBe(message(lang, 'myLibrary'));
    expect(await page.locator('.empty').textContent()).toBe(message(lang, 'libraryEmpty'));
    expect(await page.locator('#entities-title').textContent()).toBe(message(lang, 'entitiesTitle'));
    await expect.poll(() => page.title()).toBe(message(lang, 'libraryPageTitle'));
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
    await cardSettled(cardOf(card));
    await card.screenshot({ path: shot('card-hy-dark') });

    await options.locator('select#locale').selectOption('auto');
    await expect.poll(() => cardOf(card).locator('h3').first().textContent()).toBe(message('en', 'cardBackground'));
    await expect.poll(() => options.locator('h1').textContent()).toBe('Backstory settings');
    expect(loads).toEqual([]);
    for (const p of [card, popup, options]) await p.close();
  });
});

/** Chooses the interface language in the options' storage, as the options page does; run in an extension page. */
const setLocale = async ([key, locale]: readonly [string, Locale]) => {
  const store = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome.storage.local;
  await store.set({ [key]: { ...((await store.get(key))[key] as object), locale } });
};
const chooseLocale = (session: Session, locale: Locale) => session.inExtension(setLocale, [SETTINGS_KEY, locale] as const);

/** Whether anything on the page reaches past the right edge of the window (a layout the longer words broke). */
const overflows = (page: TestPage) =>
  page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${e.textContent?.slice(0, 40)}`),
  );

/** Checks the page fits at 1200 and 600 px, then takes its full-page screenshot at 1200 px. */
async function fitsThenShoot(page: TestPage, path: string): Promise<void> {
  for (const width of [1200, 600]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await overflows(page), `${width} px`).toEqual([]);
  }
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.screenshot({ path, fullPage: true });
}

describe.each(BROWSERS)('the Library page and the reader in the language chosen in the options, in %s', (browserName) => {
  const env = useSession(browserName);
  const ru = translator('ru');
  const docs = (page: TestPage) => page.locator('[data-testid=documents] li');
  const report = (page: TestPage) => page.locator('[data-testid=report] li');

  it('shows the Library page in Russian: import form, report, errors, counts and dates; it fits at 1200 and 600 px', async () => {
    await chooseLocale(env.session, 'ru');
    const page = await env.session.newPage();
    await page.goto(`${env.session.extensionOrigin}/library.html`);
    await expect.poll(() => page.locator('main.library h1').textContent(), { timeout: 10_000 }).toBe(ru.t('myLibrary'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    expect(await page.locator('.empty').textContent()).toBe(ru.t('libraryEmpty'));
    expect(await page.locator('.entity-form h3').textContent()).toBe(ru.t('entityAddTitle'));

    // Two articles and a file the library does not take: its error comes in Russian, with the file's name.
    const two = FILES.slice(0, 2);
    await dropFiles(page, [...two, { name: 'notes.pdf', type: 'application/pdf', text: 'not a text file' }]);
    await expect.poll(() => page.locator('fieldset[data-file]').count()).toBe(2);
    expect(await report(page).allTextContents()).toEqual([ru.t('errorFileFormat', { name: 'notes.pdf' })]);
    const field = (file: string, key: string) => page.locator(`fieldset[data-file="${file}"] input[name$="-${key}"]`);
    await field(two[0]!.name, 'publisher').fill('Panorama.am');
    await field(two[0]!.name, 'date').fill('2023-11-16');
    await field(two[1]!.name, 'publisher').fill('Public Radio of Armenia');
    await field(two[1]!.name, 'date').fill('2022-10-26');
    const add = page.locator('form button[type=submit]').first();
    expect(await add.textContent()).toBe('Добавить 2 документа');
    await add.click();

    await expect.poll(() => docs(page).count(), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => report(page).count()).toBe(2);
    for (const line of await report(page).allTextContents())
      expect(line).toMatch(/^(panorama-2023-11-16\.txt|armradio-2022-10-26\.md): добавлен: \d+ (слово|слова|слов), \d+ фрагмент/);
    const listed = (await docs(page).allTextContents()).join('\n');
    expect(listed).toContain(ru.date('2023-11-16'));
    expect(listed).toContain('16 ноября 2023 г.');
    expect(listed).toMatch(
      /\d+ (слово|слова|слов) · \d+ фрагмент(|а|ов) · \d+ (высказывание|высказывания|высказываний) · \d+ (упоминание|упоминания|упоминаний) · добавлен \d+ /,
    );
    for (const english of ['November', 'words', 'added', 'Open', 'Remove']) expect(listed).not.toContain(english);
    expect(await docs(page).first().locator('.actions button').allTextContents()).toEqual([
      ru.t('open'),
      ru.t('libraryEditProvenance'),
      ru.t('remove'),
    ]);

    await fitsThenShoot(page, screenshotPath(browserName, 'library-ru'));

    // Armenian, switched in the options while the page is open.
    await chooseLocale(env.session, 'hy');
    await expect.poll(() => page.locator('main.library h1').textContent()).toBe(message('hy', 'myLibrary'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('hy');
    expect(await docs(page).first().locator('.actions button').allTextContents()).toEqual(
      (['open', 'libraryEditProvenance', 'remove'] as const).map((k) => message('hy', k)),
    );
    await fitsThenShoot(page, screenshotPath(browserName, 'library-hy'));
    await page.close();
  });

  it('shows the Library page in Russian in dark mode, fitting', async () => {
    // Firefox shows dark pages in a browser of its own (its own storage): the page itself sets the language there.
    const page = await env.session.pageInColorScheme('dark', env.origin);
    await page.goto(`${env.session.extensionOrigin}/library.html`);
    await page.evaluate(setLocale, [SETTINGS_KEY, 'ru'] as const);
    await expect.poll(() => page.locator('main.library h1').textContent(), { timeout: 10_000 }).toBe(ru.t('myLibrary'));
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(13, 17, 23)');
    await fitsThenShoot(page, screenshotPath(browserName, 'library-ru-dark'));
    await page.close();
  });

  it('opens a library document in the reader in Russian: provenance, date, marks and title', async () => {
    await chooseLocale(env.session, 'ru');
    const page = await env.session.newPage();
    await page.goto(`${env.session.extensionOrigin}/library.html`);
    await expect.poll(() => docs(page).count(), { timeout: 10_000 }).toBe(2);
    const panorama = (await docs(page).allTextContents()).findIndex((t) => t.includes('Panorama.am'));
    const opened = env.session.nextPage('/reader.html');
    await docs(page).nth(panorama).locator('.actions button').first().click();
    const reader = await opened;
    await expect.poll(() => reader.locator('header h1').count(), { timeout: 10_000 }).toBe(1);
    const title = (await reader.locator('header h1').textContent())!;
    expect(await reader.locator('header .publisher').textContent()).toBe(
      `Panorama.am · ${ru.t('readerFromLibrary', { kind: 'news report' })}`,
    );
    expect(await reader.locator('header time').textContent()).toBe('16 ноября 2023 г.');
    await expect.poll(() => reader.evaluate(() => document.title)).toBe(ru.t('readerTitle', { title }));
    const quote = reader.locator('.statement.direct').first();
    expect(await quote.getAttribute('title')).toMatch(/^Цитата: /);
    for (const width of [1200, 600]) {
      await reader.setViewportSize({ width, height: 900 });
      expect(await overflows(reader), `${width} px`).toEqual([]);
    }
    await Promise.all([reader.close(), page.close()]);
  });
});

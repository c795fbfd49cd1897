import { describe, expect, it } from 'vitest';
import { BROWSERS, screenshotPath, useSession, type TestPage } from './driver';
import { dropFiles, FILES } from './library-drop';
import { mentionPoint, openMarked } from './marks';

/** The provenance of the two text files, from tests/fixtures/library/valid/sources.json. */
const TYPED = [
  { file: 'panorama-2023-11-16.txt', publisher: 'Panorama.am', date: '2023-11-16' },
  { file: 'armradio-2022-10-26.md', publisher: 'Public Radio of Armenia', date: '2022-10-26' },
];
const QUOTE = 'Our political will to conclude a peace treaty with Azerbaijan in the coming months remains unwavering';

describe.each(BROWSERS)('library files and the reader in %s', (browserName) => {
  const env = useSession(browserName);
  const docs = (page: TestPage) => page.locator('[data-testid=documents] li');
  const report = (page: TestPage) => page.locator('[data-testid=report] li');

  it('takes several .txt, .md and .html files dropped on the Library page, with their provenance form, and lists them', async () => {
    const page = await env.session.newPage();
    await page.goto(`${env.session.extensionOrigin}/library.html`);
    await expect.poll(() => page.locator('main.library h1').textContent(), { timeout: 10_000 }).toBe('My library');
    // The page takes the drop (a drop zone that did not cancel dragover would let the browser open the file instead).
    expect(await dropFiles(page, FILES)).toEqual({ accepted: { dragenter: false, dragover: true, drop: true }, files: 3 });

    /** A provenance field of the form for `file` (the driver's locators have no getByLabel: fields by name). */
    const field = (file: string, key: string) => page.locator(`fieldset[data-file="${file}"] input[name$="-${key}"]`);
    await expect.poll(() => page.locator('fieldset[data-file]').count()).toBe(3);
    expect(await field('panorama-2023-11-16.txt', 'title').inputValue()).toBe(
      'Pashinyan says will step up efforts to agree peace deal with Azerbaijan',
    );
    expect(await field('armradio-2022-10-26.md', 'title').inputValue()).toBe(
      'Armenia hopes peace deal with Azerbaijan will be signed by yearend – PM',
    );
    // The saved page states its own provenance (read by hand from its meta tags): the form starts from it.
    expect(await field('bbc-1.html', 'title').inputValue()).toBe("Obama admits US gun laws are his 'biggest frustration' - BBC News");
    expect(await field('bbc-1.html', 'publisher').inputValue()).toBe('BBC News');
    expect(await field('bbc-1.html', 'date').inputValue()).toBe('2015-07-24');
    expect(await field('bbc-1.html', 'url').inputValue()).toBe('http://www.bbc.com/news/world-us-canada-33646704');
    for (const t of TYPED) {
      expect(await field(t.file, 'publisher').inputValue()).toBe('');
      await field(t.file, 'publisher').fill(t.publisher);
      await field(t.file, 'date').fill(t.date);
    }
    await field('panorama-2023-11-16.txt', 'url').fill('https://panorama.am/en/news/2023/11/16/Pashinyan/2926743');
    await page.getByRole('button', { name: 'Add 3 documents' }).click();

    await expect.poll(() => report(page).count(), { timeout: 30_000 }).toBe(3);
    const lines = await report(page).allTextContents();
    for (const f of FILES) expect(lines.find((l) => l.startsWith(`${f.name}: added:`))).toMatch(/added: \d+ words, \d+ passages/);
    await expect.poll(() => docs(page).count()).toBe(3);
    expect(await page.locator('fieldset[data-file]').count()).toBe(0);
    const listed = (await docs(page).allTextContents()).join('\n');
    for (const t of [...TYPED.map((x) => x.publisher), 'BBC News', '16 November 2023', '26 October 2022', '24 July 2015'])
      expect(listed).toContain(t);
    await page.close();
  });

  it('opens a library document in the reader with its text and provenance', async () => {
    const page = await env.session.newPage();
    await page.goto(`${env.session.extensionOrigin}/library.html`);
    await expect.poll(() => docs(page).count()).toBe(3);
    const bbc = (await docs(page).allTextContents()).findIndex((t) => t.includes('BBC News'));
    const opened = env.session.nextPage('/reader.html');
    const open = docs(page).nth(bbc).locator('.actions button').first();
    expect(await open.textContent()).toBe('Open');
    await open.click();
    const reader = await opened;
    await expect.poll(() => reader.locator('header h1').count(), { timeout: 10_000 }).toBe(1);
    expect(await reader.locator('header h1').textContent()).toBe("Obama admits US gun laws are his 'biggest frustration' - BBC News");
    expect(await reader.locator('header .publisher').textContent()).toBe('BBC News · from your library (news report)');
    expect(await reader.locator('header time').getAttribute('datetime')).toBe('2015-07-24');
    expect(await reader.locator('header a').getAttribute('href')).toBe('http://www.bbc.com/news/world-us-canada-33646704');
    const text = (await reader.locator('article.reader').textContent())!;
    expect(text).toContain("the BBC's North America editor Jon Sopel said the president did not sound very confident");
    // The article, not the page around it.
    for (const furniture of ['Entertainment & Arts', 'Most read', 'Medicare Supplement Plans']) expect(text).not.toContain(furniture);
    await reader.screenshot({ path: screenshotPath(browserName, 'reader-library') });
    await Promise.all([reader.close(), page.close()]);
  });

  it('opens the passage of a library search result in the reader, highlighted, with its provenance', async () => {
    const popup = await env.session.newPage();
    await popup.goto(`${env.session.extensionOrigin}/popup.html`);
    await popup.getByRole('searchbox').fill('political will unwavering');
    const results = popup.locator('[data-testid=results] li[role=option]');
    await expect.poll(() => results.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const index = (await results.allTextContents()).findIndex((t) => t.includes('remains unwavering'));
    expect(index).toBeGreaterThanOrEqual(0);
    expect(await results.nth(index).textContent()).toContain('from your library');
    const opened = env.session.nextPage('/reader.html');
    await results.nth(index).click();
    const reader = await opened;
    const target = reader.locator('.target');
    await expect.poll(() => target.count(), { timeout: 10_000 }).toBe(1);
    expect(await target.textContent()).toContain(QUOTE);
    expect(await target.getAttribute('id')).toMatch(/^lib[0-9a-f]+-p\d+$/);
    expect((await target.locator('.statement.direct').allTextContents()).join('')).toContain(QUOTE);
    expect(await reader.locator('header .publisher').textContent()).toBe('Panorama.am · from your library (news report)');
    expect(await reader.locator('header h1').textContent()).toBe('Pashinyan says will step up efforts to agree peace deal with Azerbaijan');
    expect(await reader.locator('header time').getAttribute('datetime')).toBe('2023-11-16');
    expect(await reader.locator('header a').getAttribute('href')).toBe('https://panorama.am/en/news/2023/11/16/Pashinyan/2926743');
    expect(await target.isVisible()).toBe(true);
    await Promise.all([reader.close(), popup.close()]);
  });

  it("opens a library statement's passage from a card in the reader", async () => {
    const page = await openMarked(env.session, `${env.origin}/fixtures/news-article.html`);
    const at = await mentionPoint(page, 'Nikol Pashinian');
    await page.mouse.move(at.x, at.y);
    const card = page.locator('backstory-card .card');
    await expect.poll(() => card.getAttribute('data-entity'), { timeout: 5000 }).toBe('nikol-pashinyan');
    const statements = page.locator('backstory-card li.statement');
    const index = (await statements.allTextContents()).findIndex((t) => t.includes(QUOTE));
    expect(index).toBeGreaterThanOrEqual(0);
    expect(await statements.nth(index).textContent()).toContain('from your library');
    const opened = env.session.nextPage('/reader.html');
    await statements.nth(index).locator('.meta button.link').click();
    const reader = await opened;
    const target = reader.locator('.target');
    await expect.poll(() => target.count(), { timeout: 10_000 }).toBe(1);
    expect(await target.textContent()).toContain(QUOTE);
    expect(await reader.locator('header .publisher').textContent()).toBe('Panorama.am · from your library (news report)');
    await Promise.all([reader.close(), page.close()]);
  });
});

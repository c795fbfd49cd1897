import { beforeEach, describe, expect, it } from 'vitest';
import { BROWSERS, screenshotPath, useSession, type TestPage } from './driver';
import { mentionPoint, openMarked } from './marks';

type Page = TestPage;
type Chrome = { chrome: typeof import('webextension-polyfill') };

describe.each(BROWSERS)('the card in %s', (browserName) => {
  const env = useSession(browserName);

  // Every test starts from the default settings.
  beforeEach(async () => {
    await env.session.inExtension(() => (globalThis as unknown as Chrome).chrome.storage.local.clear());
  });

  const open = (path: string, viewport = { width: 1200, height: 900 }) => openMarked(env.session, `${env.origin}${path}`, viewport);

  const card = (page: Page) => page.locator('backstory-card .card');
  const hovered = (page: Page) => page.evaluate(() => [...(CSS.highlights.get('backstory-hover') ?? [])].map((r) => r.toString()));

  /** Waits until the card's box stops moving (Floating UI places it after a frame or two). */
  async function settledBox(page: Page) {
    let last = '';
    for (let i = 0; i < 20; i++) {
      const box = await card(page).boundingBox();
      const now = JSON.stringify(box);
      if (box && now === last) return box;
      last = now;
      await page.waitForTimeout(50);
    }
    return (await card(page).boundingBox())!;
  }

  /** The card, its name and its close button lie inside the viewport; what does not fit scrolls inside the card. */
  async function expectInsideViewport(page: Page, label: string) {
    const { width, height } = page.viewportSize()!;
    const box = await settledBox(page);
    const inside = (b: { x: number; y: number; width: number; height: number }, what: string) => {
      expect(b.x, `${label}: ${what} left`).toBeGreaterThanOrEqual(0);
      expect(b.y, `${label}: ${what} top`).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width, `${label}: ${what} right`).toBeLessThanOrEqual(width);
      expect(b.y + b.height, `${label}: ${what} bottom`).toBeLessThanOrEqual(height);
    };
    inside(box, 'card');
    inside((await page.locator('backstory-card h2').boundingBox())!, 'name');
    inside((await page.locator('backstory-card button.close').boundingBox())!, 'close button');
    inside((await page.locator('backstory-card button.pin').boundingBox())!, 'pin button');
    // Everything is reachable: the card's body scrolls to its end, and the footer is then in view.
    const end = await page.locator('backstory-card .body').evaluate((body) => {
      body.scrollTop = body.scrollHeight;
      return body.scrollHeight - body.clientHeight - body.scrollTop;
    });
    expect(end, `${label}: scrolls to the end`).toBeLessThanOrEqual(1);
    inside((await page.locator('backstory-card footer').boundingBox())!, 'footer after scrolling');
  }

  describe('the card fits the viewport (defect 8)', () => {
    for (const viewport of [
      { width: 1200, height: 900 },
      { width: 800, height: 600 },
      { width: 600, height: 450 },
    ]) {
      it(`at ${viewport.width}×${viewport.height}, for a long card at the middle and near the four edges`, async () => {
        const page = await open('/fixtures/card-edges.html', viewport);
        for (const [where, text] of [
          ['middle', 'Ilham Aliyev'],
          ['top', 'President Aliyev'],
          ['bottom', 'Aliyev'],
          ['left', 'Aliev'],
          ['right', 'İlham Əliyev'],
        ] as const) {
          const at = await mentionPoint(page, text);
          await page.mouse.click(at.x, at.y);
          await expect.poll(() => card(page).count()).toBe(1);
          await expectInsideViewport(page, `${viewport.width}×${viewport.height} ${where}`);
          await page.keyboard.press('Escape');
          await expect.poll(() => card(page).count()).toBe(0);
        }
        await page.close();
      });
    }

    it('on a saved New York Times page, hovering "Joe Biden"', async () => {
      const page = await open('/shared/nytimes-1.html?csp=strict');
      await page.evaluate(() => {
        const range = ([...CSS.highlights.get('backstory-mention')!] as Range[]).find((r) => r.toString() === 'Joe Biden')!;
        range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      });
      const at = await mentionPoint(page, 'Joe Biden');
      await page.mouse.move(at.x, at.y);
      await expect.poll(() => card(page).getAttribute('data-entity'), { timeout: 5000 }).toBe('joe-biden');
      await expectInsideViewport(page, 'nytimes-1 Joe Biden');
      await page.close();
    });
  });

  describe('the card reads cleanly and confirms a copy (defects 9, 10)', () => {
    it('prints "Reported:" once, left-aligns source entries with the number on their first line, and links citation numbers', async () => {
      const page = await open('/fixtures/news-article.html');
      const at = await mentionPoint(page, 'Jeyhun Bayramov');
      await page.mouse.click(at.x, at.y);
      await expect.poll(() => card(page).count()).toBe(1);
      const facts = await card(page).evaluate((el) => {
        // Rendered text, counting what the stylesheet generates before and after elements.
        const rendered = (root: Element) =>
          [root, ...root.querySelectorAll('*')]
            .map((e) => [getComputedStyle(e, '::before').content, getComputedStyle(e, '::after').content].join(' '))
            .join(' ') + (root as HTMLElement).innerText;
        const reported = [...el.querySelectorAll('.statement.reported')].map((li) => rendered(li).match(/reported/gi)?.length ?? 0);
        const sources = [...el.querySelectorAll<HTMLButtonElement>('.sources li button.source')].map((b) => ({
          align: getComputedStyle(b).textAlign,
          // The list number sits on the entry's first line: the button's top is the list item's top.
          top: Math.abs(b.getBoundingClientRect().top - b.closest('li')!.getBoundingClientRect().top),
        }));
        const ref = el.querySelector<HTMLAnchorElement>('.refs a')!;
        return { reported, sources, refTag: ref.tagName, href: ref.getAttribute('href') };
      });
      expect(facts.reported.length).toBeGreaterThan(0);
      expect(facts.reported.every((n) => n === 1)).toBe(true);
      expect(facts.sources.length).toBeGreaterThan(1);
      for (const s of facts.sources) {
        expect(['left', 'start']).toContain(s.align);
        expect(s.top).toBeLessThan(3);
      }
      expect(facts.refTag).toBe('A');
      const here = () => page.evaluate(() => location.href);
      const url = await here();
      await page.locator('backstory-card .refs a').first().click();
      // The number leads to its source entry inside the card; the page's address stays as it was.
      expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.closest('li')?.getAttribute('data-source'))).toBe(
        '1',
      );
      expect(await here()).toBe(url);
      await page.close();
    });

    it('says "Copied" after Copy citation, announced through a live region, and the clipboard holds the citation', async () => {
      const page = await open('/fixtures/news-article.html');
      const at = await mentionPoint(page, 'Jeyhun Bayramov');
      await page.mouse.click(at.x, at.y);
      await expect.poll(() => card(page).count()).toBe(1);
      const button = page.locator('backstory-card button.copy', { hasText: 'Copy citation' }).first();
      await button.click();
      await expect.poll(() => page.locator('backstory-card [aria-live="polite"]').textContent()).toBe('Citation copied');
      expect(await page.locator('backstory-card button.copy', { hasText: 'Copied' }).count()).toBe(1);
      await expect.poll(() => page.locator('backstory-card button.copy', { hasText: 'Copied' }).count(), { timeout: 5000 }).toBe(0);
      expect(await env.session.readClipboard(page)).toMatch(/^“.*Jeyhun Bayramov/);
      await page.close();
    });
  });

  describe('the page keeps its own behaviour (defects 11, 14, 15, 16)', () => {
    it('with mark style "none", hovering and clicking do nothing; the keyboard still opens cards', async () => {
      await env.session.inExtension(() =>
        (globalThis as unknown as Chrome).chrome.storage.local.set({ 'backstory:settings': { style: 'none' } }),
      );
      const page = await open('/fixtures/news-article.html');
      const at = await mentionPoint(page, 'Jeyhun Bayramov');
      await page.mouse.move(at.x, at.y);
      await page.waitForTimeout(900);
      expect(await card(page).count()).toBe(0);
      expect(await hovered(page)).toEqual([]);
      await page.mouse.click(at.x, at.y);
      await page.waitForTimeout(300);
      expect(await card(page).count()).toBe(0);
      await page.mouse.move(5, 5);
      await page.keyboard.press('Alt+Shift+J');
      await expect.poll(() => hovered(page)).toEqual(['Ilham Aliyev']);
      await page.keyboard.press('Enter');
      await expect.poll(() => card(page).getAttribute('data-entity')).toBe('ilham-aliyev');
      await page.close();
    });

    it('after Alt+Shift+J, Enter, Esc, a page button and a page link get Enter again, and the card stays closed', async () => {
      const page = await open('/fixtures/page-controls.html');
      await page.keyboard.press('Alt+Shift+J');
      await expect.poll(() => hovered(page)).toEqual(['Nikol Pashinyan']);
      await page.keyboard.press('Enter');
      await expect.poll(() => card(page).getAttribute('data-entity')).toBe('nikol-pashinyan');
      await page.keyboard.press('Escape');
      await expect.poll(() => card(page).count()).toBe(0);
      await page.locator('#page-button').focus();
      await page.keyboard.press('Enter');
      await page.locator('#page-link').focus();
      await page.keyboard.press('Enter');
      await page.waitForTimeout(700);
      expect(await page.evaluate(() => (window as unknown as { pageLog: string[] }).pageLog)).toEqual(['button', 'link']);
      expect(await page.evaluate(() => location.hash)).toBe('#page-link-target');
      expect(await card(page).count()).toBe(0);
      await page.close();
    });

    it('a click on a mention inside a link follows the link; hover still opens the card', async () => {
      const page = await open('/fixtures/page-controls.html');
      const at = await mentionPoint(page, 'Jeyhun Bayramov');
      // A click without the pointer resting there first, so only the click could open a card.
      await page.evaluate(({ x, y }) => {
        const init = { clientX: x, clientY: y, bubbles: true, cancelable: true, composed: true, view: window };
        document.elementFromPoint(x, y)!.dispatchEvent(new MouseEvent('click', init));
      }, at);
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#followed');
      await page.waitForTimeout(700);
      expect(await card(page).count()).toBe(0);
      await page.mouse.move(at.x + 1, at.y);
      await expect.poll(() => card(page).getAttribute('data-entity'), { timeout: 5000 }).toBe('jeyhun-bayramov');
      // A mention outside any link still opens on click.
      await page.keyboard.press('Escape');
      await page.mouse.move(5, 5);
      await expect.poll(() => card(page).count()).toBe(0);
      const plain = await mentionPoint(page, 'Ilham Aliyev');
      await page.mouse.click(plain.x, plain.y);
      await expect.poll(() => card(page).getAttribute('data-entity')).toBe('ilham-aliyev');
      await page.close();
    });

    it('a pinned card stays as it is; another mention opens a card of its own', async () => {
      const page = await open('/fixtures/news-article.html');
      const cards = () => page.locator('backstory-card .card').evaluateAll((els) => els.map((e) => e.getAttribute('data-entity')).sort());
      const pinned = page.locator('backstory-card .card[data-entity="jeyhun-bayramov"]');
      const bayramov = await mentionPoint(page, 'Jeyhun Bayramov');
      await page.mouse.click(bayramov.x, bayramov.y);
      await expect.poll(cards).toEqual(['jeyhun-bayramov']);
      await pinned.locator('button.pin').click();
      await expect.poll(() => pinned.locator('button.pin').getAttribute('aria-pressed')).toBe('true');
      const before = await pinned.innerHTML();
      const box = await pinned.boundingBox();
      const aliyev = await mentionPoint(page, 'Ilham Aliyev');
      await page.mouse.move(aliyev.x, aliyev.y);
      await expect.poll(cards, { timeout: 5000 }).toEqual(['ilham-aliyev', 'jeyhun-bayramov']);
      expect(await pinned.innerHTML()).toBe(before);
      expect(await pinned.boundingBox()).toEqual(box);
      // The other card hides when the pointer leaves; a click and Esc on the page leave the pinned one alone.
      await page.mouse.click(5, 890);
      await expect.poll(cards, { timeout: 5000 }).toEqual(['jeyhun-bayramov']);
      await page.keyboard.press('Escape');
      await page.waitForTimeout(200);
      expect(await pinned.innerHTML()).toBe(before);
      // Its own × closes it.
      await pinned.locator('button.close').click();
      await expect.poll(cards).toEqual([]);
      await page.close();
    });
  });

  describe('the options page (defect 12)', () => {
    it('lays settings out as labelled groups, one control a row, with help text, in light and dark', async () => {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await env.session.pageInColorScheme(scheme, env.origin);
        await page.setViewportSize({ width: 900, height: 1100 });
        await page.goto(`${env.session.extensionOrigin}/options.html`);
        await page.getByLabel('Underline').waitFor();
        const layout = await page.evaluate(() => {
          const groups = [...document.querySelectorAll('fieldset')].map((f) => ({
            legend: f.querySelector('legend')?.textContent?.trim() ?? '',
            help: f.querySelectorAll('.help').length,
            // The top and bottom of every control's row, in page order.
            rows: [...f.querySelectorAll('input, select')].map((i) => {
              const r = (i.closest('.row') ?? i).getBoundingClientRect();
              return { top: r.top, bottom: r.bottom };
            }),
          }));
          const bg = getComputedStyle(document.documentElement).backgroundColor;
          const sizes = {
            label: parseFloat(getComputedStyle(document.querySelector('.row label')!).fontSize),
            help: parseFloat(getComputedStyle(document.querySelector('.help')!).fontSize),
          };
          return { groups, bg, sizes, width: document.querySelector('main')!.getBoundingClientRect().width };
        });
        expect(layout.groups.map((g) => g.legend)).toEqual([
          'Backstory',
          'Language',
          'How mentions are marked',
          'Which mentions',
          'Countries',
          'Sites where Backstory is off',
          'Keyboard',
        ]);
        for (const g of layout.groups) {
          expect(g.help, g.legend).toBeGreaterThan(0);
          // One control a row: each starts below the previous one's row.
          for (let i = 1; i < g.rows.length; i++)
            expect(g.rows[i]!.top, `${g.legend} row ${i}`).toBeGreaterThanOrEqual(g.rows[i - 1]!.bottom - 1);
        }
        // Language, style, mention and country controls are in separate groups.
        expect(layout.groups[1]!.rows).toHaveLength(1);
        expect(layout.groups[2]!.rows).toHaveLength(3);
        expect(layout.groups[3]!.rows).toHaveLength(2);
        expect(layout.groups[4]!.rows).toHaveLength(1);
        expect(layout.width).toBeGreaterThan(500);
        // A control's label reads at least as large as the help under it.
        expect(layout.sizes.label).toBeGreaterThanOrEqual(layout.sizes.help);
        const [r, g, b] = layout.bg.match(/\d+/g)!.map(Number);
        if (scheme === 'dark') expect(r! + g! + b!).toBeLessThan(150);
        else expect(r! + g! + b!).toBeGreaterThan(600);
        await page.screenshot({ path: screenshotPath(browserName, `options-${scheme}`), fullPage: true });
        await page.close();
      }
    });
  });
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSERS, launchPlainSession, useSession, type TestPage } from './driver';
import { PRODUCTION_DIR } from './harness';

/** Everything a page's own script can read about itself, to compare a load with and without the extension. */
function pageView(page: TestPage) {
  return page.evaluate(() => {
    const names = (root: Document | ShadowRoot): string[] => [...root.querySelectorAll('*')].map((el) => el.localName);
    return {
      html: document.documentElement.outerHTML,
      globals: Object.getOwnPropertyNames(window).sort(),
      entries: [...performance.getEntriesByType('mark'), ...performance.getEntriesByType('measure')].map((e) => e.name),
      named: performance.getEntries().filter((e) => /backstory/i.test(e.name)).length,
      resources: performance.getEntriesByType('resource').map((e) => e.name),
      customElements: names(document).filter((n) => n.includes('-') && customElements.get(n) !== undefined),
      highlightNames: [...CSS.highlights.keys()],
      sheets: document.adoptedStyleSheets.map((s) => [...s.cssRules].map((r) => r.cssText).join('\n')),
      bodyStyle: getComputedStyle(document.body).cssText,
    };
  });
}

describe.each(BROWSERS)('a production build in %s', (browserName) => {
  const env = useSession(browserName, { extensionDir: PRODUCTION_DIR[browserName] });

  it('ships no performance marks', () => {
    const script = readFileSync(resolve(PRODUCTION_DIR[browserName], 'content-scripts/content.js'), 'utf8');
    expect(script).not.toMatch(/backstory:(scan-end|card-paint)/);
    expect(script).not.toContain('performance.mark');
  });

  it('leaves nothing on a page with mentions that its scripts could read to learn Backstory runs', async () => {
    const plain = await launchPlainSession(browserName, env.origin);
    const url = `${env.origin}/fixtures/news-article.html`;
    const base = await plain.newPage();
    await base.goto(url);
    const ours = await env.session.newPage();
    await ours.goto(url);
    // The marks are on: a highlight holds ranges (under a name the page cannot know in advance).
    await expect
      .poll(() => ours.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0)), { timeout: 10_000 })
      .toBeGreaterThan(10);
    const [before, after] = [await pageView(base), await pageView(ours)];
    expect(after.html, 'the DOM, its attributes and inline styles').toBe(before.html);
    expect(after.globals, 'globals').toEqual(before.globals);
    expect(after.entries, 'performance marks and measures').toEqual(before.entries);
    expect(after.named, 'performance entries named for Backstory').toBe(0);
    expect(
      after.resources.filter((r) => !before.resources.includes(r)),
      'resource timing entries',
    ).toEqual([]);
    expect(after.customElements, 'custom elements').toEqual([]);
    expect(after.bodyStyle).toBe(before.bodyStyle);
    expect(JSON.stringify([after.highlightNames, after.sheets]), 'highlight names and adopted sheets').not.toMatch(/backstory/i);
    await plain.close();
  });
});

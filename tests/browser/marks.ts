import type { BrowserContext, Page } from 'playwright-core';

/** Opens a page and waits until Backstory has marked its mentions. */
export async function openMarked(context: BrowserContext, url: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(url);
  await page.waitForFunction(() => (CSS.highlights.get('backstory-mention')?.size ?? 0) > 0);
  return page;
}

/** The centre of the first client rect of the mention whose text is `text`. */
export function mentionPoint(page: Page, text: string) {
  return page.evaluate((t) => {
    const range = ([...CSS.highlights.get('backstory-mention')!] as Range[]).find((r) => r.toString() === t)!;
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, text);
}

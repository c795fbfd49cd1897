import type { BrowserContext, Page } from 'playwright-core';
import type { TestPage } from './driver';

/** Opens a page and waits until Backstory has marked its mentions (a Playwright context, or a driver session). */
export async function openMarked<P extends Page | TestPage>(
  context: BrowserContext | { newPage(): Promise<P> },
  url: string,
  viewport?: { width: number; height: number },
): Promise<P> {
  const page = (await context.newPage()) as P;
  const shared = page as TestPage;
  if (viewport) await shared.setViewportSize(viewport);
  await shared.goto(url);
  await shared.waitForFunction(() => (CSS.highlights.get('backstory-mention')?.size ?? 0) > 0);
  return page;
}

/** The centre of the first client rect of the mention whose text is `text`. */
export function mentionPoint(page: Page | TestPage, text: string) {
  return (page as TestPage).evaluate((t) => {
    const range = ([...CSS.highlights.get('backstory-mention')!] as Range[]).find((r) => r.toString() === t)!;
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, text);
}

/** Waits until the card's opening animation has finished, so a screenshot shows it opaque (slow under load). */
export async function cardSettled(card: { evaluate<R>(fn: (el: Element) => R | Promise<R>): Promise<R> }): Promise<void> {
  await card.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)).then(() => undefined));
}

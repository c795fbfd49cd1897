import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepOffline, launchPlain, launchWithExtension, ROOT, startServer } from './harness';

const SHARED = resolve(ROOT, '../shared/pages');
const pages = readdirSync(SHARED)
  .filter((f) => f.endsWith('.html'))
  .sort();

let server: Server;
let origin: string;
let withExtension: BrowserContext;
let plain: BrowserContext;
const report: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  ({ server, origin } = await startServer());
  ({ context: withExtension } = await launchWithExtension());
  plain = await launchPlain();
  await keepOffline(withExtension, origin);
  // Record long tasks (over 50 ms) from the start of each page, for the report.
  await withExtension.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    try {
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({
        type: 'longtask',
        buffered: true,
      });
    } catch {
      // Not every browser reports long tasks.
    }
  });
  await keepOffline(plain, origin);
});

afterAll(async () => {
  mkdirSync(resolve(ROOT, 'test-results'), { recursive: true });
  writeFileSync(resolve(ROOT, 'test-results/real-pages.json'), JSON.stringify(report, null, 2));
  await withExtension?.close();
  await plain?.browser()?.close();
  server?.close();
});

/** The page's DOM and every element's box, to compare a load with and without the extension. */
async function snapshot(page: Page) {
  // Let web fonts settle and two frames pass, so both loads are compared at rest.
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll('*')].map((el) => {
      const r = el.getBoundingClientRect();
      return [r.x, r.y, r.width, r.height];
    });
    return { html: document.documentElement.outerHTML, boxes };
  });
}

/** Loads a page and waits until the extension finished its first scan (or, without it, until load). */
async function load(context: BrowserContext, url: string, waitForScan: boolean) {
  const page = await context.newPage();
  const requests: string[] = [];
  const messages: string[] = [];
  const errors: string[] = [];
  // The browser itself fetches web app manifests in a persistent profile; those are not the extension's.
  page.on('request', (r) => r.resourceType() !== 'manifest' && requests.push(r.url()));
  page.on('console', (m) => /Backstory/i.test(m.text()) && messages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  if (waitForScan)
    await page.waitForFunction(() => performance.getEntriesByName('backstory:scan-end').length > 0, null, { timeout: 60_000 });
  return { page, requests, messages, errors };
}

describe('every page in ../shared/pages, with and without the extension', () => {
  for (const name of pages) {
    it(`${name}: no error, no DOM or layout change, no request, nothing in form fields`, async () => {
      const url = `${origin}/shared/${name}?csp=strict`;
      const base = await load(plain, url, false);
      const ours = await load(withExtension, url, true);
      const [before, after] = [await snapshot(base.page), await snapshot(ours.page)];
      const scan = await ours.page.evaluate(() => {
        const mark = performance.getEntriesByName('backstory:scan-end')[0] as PerformanceMark;
        const ranges = [...(CSS.highlights.get('backstory-mention') ?? [])] as Range[];
        const inForbidden = ranges.filter((r) => {
          const el = r.startContainer.parentElement;
          return !!el?.closest('script,style,textarea,input,select,option,[contenteditable],[aria-hidden=true]');
        });
        const scanStart = mark.startTime - (mark.detail as { totalMs: number }).totalMs;
        const longTasks = (window as unknown as { __longTasks: number[] }).__longTasks ?? [];
        return {
          detail: mark.detail as { mentions: number; totalMs: number; longestSliceMs: number },
          texts: ranges.map((r) => r.toString()),
          inForbidden: inForbidden.length,
          scanStartMs: scanStart,
          longTasksMs: longTasks,
        };
      });
      report.push({
        name,
        highlights: scan.texts.length,
        texts: scan.texts,
        ...scan.detail,
        scanStartMs: scan.scanStartMs,
        pageLongTasksMs: scan.longTasksMs,
      });

      expect(ours.errors, 'page errors').toEqual(base.errors);
      expect(ours.messages, 'Backstory console messages').toEqual([]);
      expect(after.html === before.html, 'the DOM is unchanged').toBe(true);
      expect(after.boxes.length).toBe(before.boxes.length);
      const moved = after.boxes.flatMap((b, i) =>
        b.some((v, k) => Math.abs(v - before.boxes[i]![k]!) > 0.5) ? [`#${i}: ${before.boxes[i]} → ${b}`] : [],
      );
      expect(moved.slice(0, 5), 'element boxes that moved').toEqual([]);
      expect(ours.requests.filter((r) => !base.requests.includes(r))).toEqual([]);
      expect(scan.inForbidden).toBe(0);
      if (name === 'iab-1.html') expect(scan.texts).toEqual([]);
      await base.page.close();
      await ours.page.close();
    });
  }
});

/**
 * `npm start` (Chromium) and `npm run start:firefox`: serves a demo news page on 127.0.0.1 and opens the browser
 * with the built production extension on it. Without a display it writes screenshots instead.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchSession, type BrowserName } from './driver';
import { PRODUCTION_DIR, ROOT, startServer } from './harness';

const browser: BrowserName = process.argv[2] === 'firefox' ? 'firefox' : 'chromium';
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const { server, origin } = await startServer();
const session = await launchSession(browser, origin, { headless, extensionDir: PRODUCTION_DIR[browser] });
const page = await session.newPage();
await page.goto(`${origin}/fixtures/news-article.html`);
if (headless) {
  const out = resolve(ROOT, '.output/screenshots');
  const name = browser === 'chromium' ? 'demo' : 'demo-firefox';
  mkdirSync(out, { recursive: true });
  // Production builds name their highlights per page load: wait until one holds ranges.
  await page.waitForFunction(() => [...CSS.highlights.values()].some((h) => h.size > 0), undefined, { timeout: 15_000 });
  await page.screenshot({ path: resolve(out, `${name}-page.png`) });
  const popup = await session.newPage();
  await popup.setViewportSize({ width: 400, height: 560 });
  await popup.goto(`${session.extensionOrigin}/popup.html`);
  await popup.getByRole('searchbox').fill('Bayramov obstacle');
  await popup.locator('[data-testid=results] li').first().waitFor();
  await popup.screenshot({ path: resolve(out, `${name}-popup.png`) });
  console.log(`No display: wrote ${out}/${name}-page.png and ${out}/${name}-popup.png`);
  await session.close();
  server.close();
} else {
  console.log(`${browser} is open on ${origin}/fixtures/news-article.html with Backstory loaded. Press Ctrl+C to stop.`);
}

/**
 * `npm start`: serves a demo news page on 127.0.0.1 and opens Chromium with the
 * built extension on it. Without a display it writes screenshots instead.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension, ROOT, startServer } from './harness';

const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const { server, origin } = await startServer();
const { context, extensionId } = await launchWithExtension({ headless });
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`${origin}/fixtures/news-article.html`);
if (headless) {
  const out = resolve(ROOT, '.output/screenshots');
  mkdirSync(out, { recursive: true });
  await page.waitForFunction(() => (CSS.highlights.get('backstory-mention')?.size ?? 0) > 0, null, { timeout: 15_000 });
  await page.screenshot({ path: resolve(out, 'demo-page.png') });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 560 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('searchbox').fill('Bayramov obstacle');
  await popup.waitForSelector('[data-testid=results] li');
  await popup.screenshot({ path: resolve(out, 'demo-popup.png') });
  console.log(`No display: wrote ${out}/demo-page.png and ${out}/demo-popup.png`);
  await context.close();
  server.close();
} else {
  console.log(`Chromium is open on ${origin}/fixtures/news-article.html with Backstory loaded. Close the browser to stop.`);
  context.on('close', () => server.close());
}

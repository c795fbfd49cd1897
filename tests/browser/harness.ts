import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

/** The project root and the built Chrome extension (the test flavour, with performance marks: npm run build:test). */
export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = resolve(ROOT, '.output/test/chrome-mv3');
/** The test flavour of the Firefox build. */
export const FIREFOX_EXTENSION_DIR = resolve(ROOT, '.output/test/firefox-mv3');
/** The production builds (npm run build, npm run build:firefox): what users get, with no performance marks. */
export const PRODUCTION_DIR = { chromium: resolve(ROOT, '.output/chrome-mv3'), firefox: resolve(ROOT, '.output/firefox-mv3') };

/** Throws a clear error when `dir` holds no build. */
export function requireBuild(dir: string): void {
  if (!existsSync(join(dir, 'manifest.json'))) {
    const command = dir.includes('/test/') ? 'npm run build:test' : dir.includes('firefox') ? 'npm run build:firefox' : 'npm run build';
    throw new Error(`Backstory: ${dir} has no build; run "${command}" first.`);
  }
}

/** Debian's Chromium by default; CHROME_PATH points at another Chrome or Chromium. */
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium off the network and quiet in CI. */
export const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-default-browser-check',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
};

/** Serves folders on 127.0.0.1: /fixtures/ → tests/fixtures/pages, /shared/ → ../shared/pages. */
export async function startServer(): Promise<{ server: Server; origin: string }> {
  const roots: Record<string, string> = { fixtures: resolve(ROOT, 'tests/fixtures/pages'), shared: resolve(ROOT, '../shared/pages') };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/generated/big-article.html') {
      res.writeHead(200, { 'content-type': TYPES['.html']! });
      res.end(bigArticle());
      return;
    }
    const [, mount, ...rest] = decodeURIComponent(url.pathname).split('/');
    const base = roots[mount ?? ''];
    const file = base ? resolve(base, rest.join('/')) : '';
    if (!base || !file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
    // ?csp=strict serves the page with its own scripts off: a strict CSP, and a page that stays the same between loads.
    if (url.searchParams.get('csp') === 'strict') headers['content-security-policy'] = "script-src 'none'; object-src 'none'";
    // ?csp=none: the strictest policy a page can send; the extension must still work under it.
    if (url.searchParams.get('csp') === 'none') headers['content-security-policy'] = "default-src 'none'; style-src 'unsafe-inline'";
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address() as { port: number };
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

let bigArticleCache: string | null = null;

/** A generated article of about 5 MB: paragraphs of seed text and filler, a few hundred mentions in all. */
export function bigArticle(): string {
  if (bigArticleCache) return bigArticleCache;
  const filler = 'The committee met again on Tuesday to discuss the budget, the schedule and the next steps for the project. ';
  const news = 'Talks between Nikol Pashinyan and Ilham Aliyev on the Zangezur corridor and Nakhchivan continued in Baku. ';
  const parts = [
    '<!doctype html><html><head><meta charset="utf-8"><title>A 5 MB article</title></head><body><article><h1>A very long article</h1>',
  ];
  let size = parts[0]!.length;
  for (let i = 0; size < 5_000_000; i++) {
    const p = `<p>${i % 50 === 0 ? news : ''}${filler.repeat(8)}</p>\n`;
    parts.push(p);
    size += p.length;
  }
  parts.push('</article></body></html>');
  bigArticleCache = parts.join('');
  return bigArticleCache;
}

/** Lets only the test server, the extension and inline data through: nothing leaves the machine. */
export async function keepOffline(context: BrowserContext, origin: string, blocked: string[] = []): Promise<void> {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('chrome-extension:') || url.startsWith('data:') || url.startsWith('blob:'))
      return route.continue();
    blocked.push(url);
    return route.abort();
  });
}

/** Launches Chromium without the extension, for before/after comparisons. */
export async function launchPlain(args: string[] = []): Promise<BrowserContext> {
  const browser = await chromium.launch({ executablePath: CHROME_PATH, headless: true, args: [...CHROME_FLAGS, ...args] });
  return browser.newContext({ viewport: { width: 1200, height: 900 } });
}

/** Launches Chromium with the built extension; returns the context, its service worker and the extension id. */
export async function launchWithExtension(
  options: { headless?: boolean; args?: string[]; extensionDir?: string } = {},
): Promise<{ context: BrowserContext; worker: Worker; extensionId: string }> {
  const dir = options.extensionDir ?? EXTENSION_DIR;
  requireBuild(dir);
  if (!existsSync(CHROME_PATH)) {
    throw new Error(
      `Backstory: no Chromium at ${CHROME_PATH}; install it (apt-get install -y chromium) or set CHROME_PATH to a Chrome or Chromium binary.`,
    );
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'backstory-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROME_PATH,
    headless: options.headless ?? true,
    args: [...CHROME_FLAGS, ...(options.args ?? []), `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
    viewport: { width: 1200, height: 900 },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId };
}

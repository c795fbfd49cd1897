/**
 * One driver for the browser tests in Chromium and Firefox. Chromium is driven
 * by Playwright (its own Page is the TestPage); Firefox by puppeteer-core over
 * WebDriver BiDi, behind an adapter that offers the same subset of Playwright's
 * Page and Locator API, so a test is written once and runs in both.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Server } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import puppeteer, { type Browser as PptrBrowser, type ElementHandle, type Page as PptrPage } from 'puppeteer-core';
import { FIREFOX_EXTENSION_DIR, keepOffline, launchPlain, launchWithExtension, requireBuild, ROOT, startServer } from './harness';

/** The browsers a shared test runs in; BACKSTORY_BROWSERS=chromium (or firefox) narrows the list. */
export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = (process.env.BACKSTORY_BROWSERS ?? 'chromium,firefox')
  .split(',')
  .map((b) => b.trim())
  .filter((b): b is BrowserName => b === 'chromium' || b === 'firefox');

/** Debian's Firefox ESR by default; FIREFOX_PATH points at another Firefox. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The gecko id in wxt.config.ts, and the fixed moz-extension UUID the tests give it (see the README). */
export const GECKO_ID = 'backstory@backstory-extension.org';
export const FIREFOX_UUID = '5b0c7a52-3f6e-4d0c-9a51-b4c65e3a7d10';

/** A function run in a page; its one argument must be serialisable. */
type PageFn<A, R> = (arg: A) => R | Promise<R>;

/** The part of Playwright's Locator the shared tests use. */
export interface TestLocator {
  count(): Promise<number>;
  first(): TestLocator;
  nth(index: number): TestLocator;
  locator(selector: string, options?: { hasText?: string }): TestLocator;
  getAttribute(name: string): Promise<string | null>;
  innerHTML(): Promise<string>;
  textContent(): Promise<string | null>;
  allTextContents(): Promise<string[]>;
  inputValue(): Promise<string>;
  isVisible(): Promise<boolean>;
  boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null>;
  evaluate<R, A = undefined>(fn: (el: Element, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  evaluateAll<R, A = undefined>(fn: (els: Element[], arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  click(): Promise<void>;
  focus(): Promise<void>;
  fill(text: string): Promise<void>;
  check(): Promise<void>;
  uncheck(): Promise<void>;
  selectOption(value: string): Promise<unknown>;
  waitFor(options?: { timeout?: number }): Promise<void>;
}

/** The part of Playwright's Page the shared tests use. */
export interface TestPage {
  goto(url: string, options?: { waitUntil?: 'load'; timeout?: number }): Promise<unknown>;
  reload(): Promise<unknown>;
  evaluate<R, A = undefined>(fn: PageFn<A, R>, arg?: A): Promise<R>;
  waitForFunction<A = undefined>(fn: PageFn<A, unknown>, arg?: A, options?: { timeout?: number }): Promise<unknown>;
  waitForTimeout(ms: number): Promise<void>;
  locator(selector: string, options?: { hasText?: string }): TestLocator;
  getByRole(role: string, options?: { name?: string }): TestLocator;
  getByLabel(text: string | RegExp): TestLocator;
  getByText(text: string): TestLocator;
  mouse: { move(x: number, y: number): Promise<void>; click(x: number, y: number): Promise<void> };
  keyboard: { press(keys: string): Promise<void> };
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  viewportSize(): { width: number; height: number } | null;
  on(event: 'console', fn: (m: { type(): string; text(): string }) => void): unknown;
  on(event: 'pageerror', fn: (e: Error) => void): unknown;
  on(event: 'request', fn: (r: { url(): string; resourceType(): string }) => void): unknown;
  frames(): unknown[];
  close(): Promise<void>;
}

/** A browser with the built extension installed. */
export interface Session {
  browser: BrowserName;
  /** chrome-extension://ID or moz-extension://UUID. */
  extensionOrigin: string;
  newPage(): Promise<TestPage>;
  /** Runs a function in an extension page, where the `chrome` (and in Firefox `browser`) API is available. */
  inExtension<R, A = undefined>(fn: PageFn<A, R>, arg?: A): Promise<R>;
  /** Calls a function the background exposes on its global object (test hooks such as backstoryCheckSelection). */
  callBackground(name: string, arg: unknown): Promise<void>;
  /** Waits for the next page (tab) the extension opens at `path` (e.g. "/popup.html"). */
  nextPage(path: string): Promise<TestPage>;
  /** A page that sees prefers-color-scheme: `scheme`; close() closes whatever it took (Firefox needs a browser of its own). */
  pageInColorScheme(scheme: 'light' | 'dark', origin: string): Promise<TestPage>;
  /**
   * Runs `fn` in every page before the page's own scripts (Playwright's addInitScript). In Firefox it is a BiDi preload
   * script, which Firefox 140 also runs in its own error pages (about:neterror, what an offline iframe shows) and which
   * there throws "Permission denied to access property \"length\"", even for an empty function: on a page with such
   * frames that reads as a page error the extension did not make (Firefox 153 does not).
   */
  addInitScript(fn: () => void): Promise<void>;
  /** What the clipboard holds, as `page` would paste it (the Copy buttons write it). */
  readClipboard(page: TestPage): Promise<string>;
  /** The browser's name and version, e.g. "firefox 140.12.0esr", for the test results. */
  version: string;
  /** URLs of every request a page made. */
  requests: string[];
  close(): Promise<void>;
}

/** Options for launching a session. */
export interface LaunchOptions {
  /** Where the built extension is: the test flavour (default) or a production build. */
  extensionDir?: string;
  headless?: boolean;
  /** Firefox only: let the extension's permission requests through without a prompt (for the host-permission test). */
  grantPermissionRequests?: boolean;
  /** Firefox: the prefers-color-scheme pages see (Firefox takes it at launch only). */
  colorScheme?: 'light' | 'dark';
}

const VIEWPORT = { width: 1200, height: 900 };

/** For a describe block: the test server and a session in `browser`, started before its tests and closed after. */
export function useSession(browser: BrowserName, options: LaunchOptions = {}): { session: Session; origin: string } {
  const env = {} as { session: Session; origin: string; server?: Server };
  beforeAll(async () => {
    ({ server: env.server, origin: env.origin } = await startServer());
    env.session = await launchSession(browser, env.origin, options);
  });
  afterAll(async () => {
    await env.session?.close();
    env.server?.close();
  });
  return env;
}

/** Launches `browser` with the built extension, kept offline except for `origin` (the test server). */
export async function launchSession(browser: BrowserName, origin: string, options: LaunchOptions = {}): Promise<Session> {
  const session = await (browser === 'chromium' ? launchChromium(origin, options) : launchFirefox(origin, options));
  recordVersion(session);
  return session;
}

/** Notes which browser version ran in test-results/browser-versions.json, so the results say (CI prints it). */
function recordVersion(session: Session): void {
  const file = resolve(ROOT, 'test-results/browser-versions.json');
  mkdirSync(dirname(file), { recursive: true });
  const seen = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>) : {};
  seen[session.browser] = [...new Set([...(seen[session.browser] ?? []), session.version])];
  writeFileSync(file, JSON.stringify(seen, null, 2));
}

/** Launches `browser` without the extension, for before/after comparisons. */
export async function launchPlainSession(browser: BrowserName, origin: string): Promise<Pick<Session, 'newPage' | 'close'>> {
  if (browser === 'chromium') {
    const context = await launchPlain();
    await keepOffline(context, origin);
    return { newPage: async () => (await context.newPage()) as unknown as TestPage, close: () => context.browser()!.close() };
  }
  const ff = await startFirefox({});
  return { newPage: async () => new FirefoxPage(await ff.newPage()), close: () => ff.close() };
}

/** Runs `fn` in a fresh extension page (the options page), then closes it. */
async function inExtensionPage<R, A>(page: TestPage, extensionOrigin: string, fn: PageFn<A, R>, arg?: A): Promise<R> {
  await page.goto(`${extensionOrigin}/options.html`);
  try {
    return await page.evaluate(fn, arg);
  } finally {
    await page.close();
  }
}

async function launchChromium(origin: string, options: LaunchOptions): Promise<Session> {
  const { context, worker, extensionId } = await launchWithExtension({ headless: options.headless, extensionDir: options.extensionDir });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  await keepOffline(context, origin);
  const extensionOrigin = `chrome-extension://${extensionId}`;
  return {
    browser: 'chromium',
    // A persistent context has no Browser object to ask; the service worker's user agent names the version.
    version: `chromium ${(await worker.evaluate(() => navigator.userAgent)).match(/Chrome\/([\d.]+)/)?.[1] ?? 'unknown'}`,
    extensionOrigin,
    requests,
    readClipboard: async (page) => {
      await context.grantPermissions(['clipboard-read'], { origin: await page.evaluate(() => location.origin) });
      return page.evaluate(() => navigator.clipboard.readText());
    },
    newPage: async () => (await context.newPage()) as unknown as TestPage,
    inExtension: async (fn, arg) => inExtensionPage((await context.newPage()) as unknown as TestPage, extensionOrigin, fn, arg),
    callBackground: async (name, arg) => {
      await worker.evaluate(
        ([n, a]) => (globalThis as unknown as Record<string, (x: unknown) => Promise<void>>)[n as string]!(a),
        [name, arg],
      );
    },
    nextPage: async () => (await (context as BrowserContext).waitForEvent('page')) as unknown as TestPage,
    addInitScript: async (fn) => void (await context.addInitScript(fn)),
    pageInColorScheme: async (scheme) => {
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      return page as unknown as TestPage;
    },
    close: () => context.close(),
  };
}

/** Starts Firefox ESR over WebDriver BiDi, offline: every host but localhost goes to a closed proxy port. */
function startFirefox(options: LaunchOptions): Promise<PptrBrowser> {
  const prefs: Record<string, unknown> = {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': 9,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': 9,
    'network.proxy.allow_hijacking_localhost': false,
    // A known moz-extension origin: the UUID is otherwise random per install.
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
  };
  if (options.grantPermissionRequests) prefs['extensions.webextOptionalPermissionPrompts'] = false;
  // Light unless asked otherwise, so screenshots and theme tests do not depend on the machine.
  prefs['layout.css.prefers-color-scheme.content-override'] = options.colorScheme === 'dark' ? 0 : 1;
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    protocol: 'webDriverBiDi',
    headless: options.headless ?? true,
    defaultViewport: VIEWPORT,
    userDataDir: mkdtempSync(join(tmpdir(), 'backstory-firefox-')),
    extraPrefsFirefox: prefs,
    // Lets the driver navigate to moz-extension:// pages (BiDi allows only http, https, file and blob otherwise).
    args: ['--remote-allow-system-access'],
  });
}

async function launchFirefox(_origin: string, options: LaunchOptions): Promise<Session> {
  const dir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  requireBuild(dir);
  const browser = await startFirefox(options);
  await browser.installExtension(dir);
  const extensionOrigin = `moz-extension://${FIREFOX_UUID}`;
  const requests: string[] = [];
  const initScripts: Array<() => void> = [];
  const openPages = new Set<PptrPage>();
  const wrap = async (page: PptrPage) => {
    openPages.add(page);
    page.once('close', () => openPages.delete(page));
    page.on('request', (r) => void requests.push(r.url()));
    for (const fn of initScripts) await page.evaluateOnNewDocument(fn);
    return new FirefoxPage(page);
  };
  return {
    browser: 'firefox',
    version: (await browser.version()).replace(/^firefox\//i, 'firefox '),
    extensionOrigin,
    requests,
    // Reading the clipboard from a page needs Firefox's paste prompt; a real Ctrl+V into a textarea of our own reads it.
    readClipboard: async (page) => {
      await page.evaluate(() => {
        const box = document.createElement('textarea');
        box.id = 'backstory-test-paste';
        document.body.append(box);
        box.focus();
      });
      await page.keyboard.press('Control+V');
      return page.evaluate(() => {
        const box = document.getElementById('backstory-test-paste') as HTMLTextAreaElement;
        box.remove();
        return box.value;
      });
    },
    // A second page opens in a window of its own, so none is a hidden background tab (Backstory waits while a tab is
    // hidden; Playwright keeps every Chromium page visible). A lone page is a tab, which opens faster.
    newPage: async () => wrap(await browser.newPage(openPages.size > 0 ? { type: 'window' } : {})),
    inExtension: async (fn, arg) => inExtensionPage(new FirefoxPage(await browser.newPage()), extensionOrigin, fn, arg),
    callBackground: async (name, arg) => {
      const page = new FirefoxPage(await browser.newPage());
      await page.goto(`${extensionOrigin}/options.html`);
      // Firefox runs the background as an event page, which extension pages can reach.
      await page.evaluate(
        async ([n, a]) => {
          const api = (
            globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Record<string, (x: unknown) => void>> } } }
          ).browser;
          await (
            await api.runtime.getBackgroundPage()
          )[n]!(a);
        },
        [name, arg] as [string, unknown],
      );
      await page.close();
    },
    nextPage: async (path) => {
      // Puppeteer keeps reporting about:blank for a tab that moved to an extension page, so ask each new tab where it is.
      const before = new Set(await browser.pages());
      const page = await waitUntil(
        async () => {
          for (const p of await browser.pages()) {
            if (before.has(p)) continue;
            const href = await p.evaluate(() => location.href).catch(() => '');
            if (href.startsWith(`${extensionOrigin}${path}`)) return p;
          }
          return null;
        },
        (p) => p !== null,
        10_000,
        'a page the extension opens',
      );
      return wrap(page!);
    },
    addInitScript: async (fn) => void initScripts.push(fn),
    pageInColorScheme: async (scheme, origin) => {
      if (scheme === (options.colorScheme ?? 'light')) return wrap(await browser.newPage({ type: 'window' }));
      // Firefox reads the colour-scheme override only at launch.
      const other = await launchFirefox(origin, { ...options, colorScheme: scheme });
      const page = await other.newPage();
      return Object.assign(Object.create(page) as TestPage, { close: () => other.close() });
    },
    close: () => browser.close(),
  };
}

/** What a locator finds: a CSS selector (crossing open shadow roots, as Playwright's does), a role, a label or text. */
interface Query {
  kind: 'css' | 'role' | 'label' | 'text';
  value: string;
  flags?: string;
  name?: string;
  hasText?: string;
  parent?: Query;
  index?: number;
}

/** Runs in the page: every element a Query finds, in document order. Self-contained (it is serialised). */
function resolveQuery(query: Query): Element[] {
  const allRoots = (root: Document | ShadowRoot): Array<Document | ShadowRoot> => {
    const out: Array<Document | ShadowRoot> = [root];
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) out.push(...allRoots(el.shadowRoot));
    return out;
  };
  const deep = (scope: Element | Document, selector: string): Element[] => {
    if (selector.includes(',')) return [...new Set(selector.split(',').flatMap((one) => deep(scope, one)))];
    const parts = selector.trim().split(/\s+/);
    const found = new Set<Element>();
    const roots = scope instanceof Document ? allRoots(scope) : [scope, ...(scope.shadowRoot ? allRoots(scope.shadowRoot) : [])];
    for (const root of roots) root.querySelectorAll(selector).forEach((e) => found.add(e));
    // A descendant step may cross into a shadow root: hosts that match the head, then the tail inside them.
    for (let k = 1; k < parts.length; k++) {
      for (const host of deep(scope, parts.slice(0, k).join(' ')))
        if (host.shadowRoot) for (const e of deep(host.shadowRoot as unknown as Element, parts.slice(k).join(' '))) found.add(e);
    }
    return [...found];
  };
  const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  const matches = (s: string) =>
    query.flags !== undefined ? new RegExp(query.value, query.flags).test(s) : s.toLowerCase().includes(query.value.toLowerCase());
  const scopes: Array<Element | Document> = query.parent ? resolveQuery(query.parent) : [document];
  let found: Element[] = [];
  for (const scope of scopes) {
    if (query.kind === 'css') found.push(...deep(scope, query.value));
    if (query.kind === 'role') {
      const implicit: Record<string, string> = {
        searchbox: 'input[type=search]',
        button: 'button',
        checkbox: 'input[type=checkbox]',
        link: 'a[href]',
      };
      const els = deep(scope, `[role=${query.value}]${implicit[query.value] ? `, ${implicit[query.value]}` : ''}`);
      found.push(...els.filter((e) => query.name === undefined || text(e) === query.name || e.getAttribute('aria-label') === query.name));
    }
    if (query.kind === 'label') {
      for (const label of deep(scope, 'label'))
        if (matches(text(label))) {
          const control = (label as HTMLLabelElement).control;
          if (control) found.push(control);
        }
      found.push(...deep(scope, '[aria-label]').filter((e) => matches(e.getAttribute('aria-label')!)));
    }
    if (query.kind === 'text')
      found.push(...deep(scope, '*').filter((e) => matches(text(e)) && ![...e.children].some((c) => matches(text(c)))));
  }
  found = [...new Set(found)];
  if (query.hasText !== undefined) found = found.filter((e) => text(e).toLowerCase().includes(query.hasText!.toLowerCase()));
  return query.index === undefined ? found : found.slice(query.index < 0 ? found.length + query.index : query.index).slice(0, 1);
}

const FIND = `(${resolveQuery.toString()})`;
/** One expression for the page; `__name` is the helper tsx's esbuild (keepNames) puts into function sources. */
const inPage = (expr: string) => `(() => { const __name = (f) => f; return ${expr}; })()`;

const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

/** Polls until `check` passes, as Playwright's auto-waiting locators do. */
async function waitUntil<T>(get: () => Promise<T>, ok: (v: T) => boolean, timeout: number, what: string): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await get();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`Backstory test driver: timed out after ${timeout} ms waiting for ${what}`);
    await sleep(100);
  }
}

class FirefoxLocator implements TestLocator {
  constructor(
    private readonly page: PptrPage,
    private readonly query: Query,
  ) {}

  /**
   * Runs `fn` on every element found. The call is built as one expression (BiDi evaluates it as the devtools do),
   * since extension pages and strict pages forbid eval-like functions that would rebuild it inside the page.
   */
  private all<R, A>(fn: (els: Element[], arg: A) => R, arg?: A): Promise<R> {
    return this.page.evaluate(
      inPage(`(${fn.toString()})(${FIND}(${JSON.stringify(this.query)}), ${JSON.stringify(arg ?? null)})`),
    ) as Promise<R>;
  }

  /** `fn` on the one element, waited for (a locator auto-waits in Playwright). */
  private async one<R, A>(fn: (el: Element, arg: A) => R, arg?: A): Promise<R> {
    await this.waitFor();
    return (await this.page.evaluate(
      inPage(`(${fn.toString()})(${FIND}(${JSON.stringify(this.query)})[0], ${JSON.stringify(arg ?? null)})`),
    )) as R;
  }

  private async handle(): Promise<ElementHandle<Element>> {
    await this.waitFor();
    return (await this.page.evaluateHandle(inPage(`${FIND}(${JSON.stringify(this.query)})[0]`))) as ElementHandle<Element>;
  }

  private with(change: Partial<Query>): FirefoxLocator {
    return new FirefoxLocator(this.page, { ...this.query, ...change });
  }

  count() {
    return this.all((els) => els.length);
  }
  first() {
    return this.with({ index: 0 });
  }
  nth(index: number) {
    return this.with({ index });
  }
  locator(selector: string, options: { hasText?: string } = {}) {
    return new FirefoxLocator(this.page, { kind: 'css', value: selector, hasText: options.hasText, parent: this.query });
  }
  innerHTML() {
    return this.one((el) => el.innerHTML);
  }
  evaluateAll<R, A = undefined>(fn: (els: Element[], arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.all(fn as (els: Element[], arg: A) => R, arg);
  }
  async focus() {
    await this.one((el) => (el as HTMLElement).focus());
  }
  getAttribute(name: string) {
    return this.one((el, n) => el.getAttribute(n), name);
  }
  textContent() {
    return this.one((el) => el.textContent);
  }
  allTextContents() {
    return this.all((els) => els.map((e) => e.textContent ?? ''));
  }
  inputValue() {
    return this.one((el) => (el as HTMLInputElement).value);
  }
  isVisible() {
    return this.all((els) => {
      const el = els[0];
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    });
  }
  boundingBox() {
    return this.one((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
  }
  evaluate<R, A = undefined>(fn: (el: Element, arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.one(fn as (el: Element, arg: A) => R, arg);
  }
  async click() {
    const h = await this.handle();
    await h.click();
    await h.dispose();
  }
  async fill(text: string) {
    await this.one((el, t) => {
      const input = el as HTMLInputElement;
      input.focus();
      input.value = t;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
  }
  private async setChecked(on: boolean) {
    if ((await this.one((el) => (el as HTMLInputElement).checked)) !== on) await this.click();
    await waitUntil(
      () => this.one((el) => (el as HTMLInputElement).checked),
      (v) => v === on,
      5000,
      'a checkbox to change',
    );
  }
  check() {
    return this.setChecked(true);
  }
  uncheck() {
    return this.setChecked(false);
  }
  selectOption(value: string) {
    return this.one((el, v) => {
      const select = el as HTMLSelectElement;
      select.value = v;
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }, value);
  }
  async waitFor(options: { timeout?: number } = {}) {
    await waitUntil(
      () => this.count(),
      (n) => n > 0,
      options.timeout ?? 10_000,
      `an element for ${JSON.stringify(this.query)}`,
    );
  }
}

class FirefoxPage implements TestPage {
  constructor(private readonly page: PptrPage) {}

  async goto(url: string, options: { timeout?: number } = {}) {
    const timeout = options.timeout ?? 30_000;
    if (!url.startsWith('moz-extension:'))
      return this.page.goto(url, { waitUntil: 'load', timeout }).catch((e: Error) => {
        // A page that sends itself elsewhere (a meta refresh to the offline web) still loaded first.
        if (!/Address rejected/.test(e.message)) throw e;
        return null;
      });
    // Extension pages load in another process; puppeteer does not see that navigation end, so wait for the document.
    this.page.goto(url, { waitUntil: 'load', timeout }).catch(() => {});
    await this.untilLoaded(url, timeout);
    return null;
  }
  private async untilLoaded(url: string | null, timeout: number) {
    await sleep(100);
    await waitUntil(
      () => this.page.evaluate(() => [location.href, document.readyState]).catch(() => ['', '']),
      ([href, state]) => (url === null || href === url) && state === 'complete',
      timeout,
      `${url} to load`,
    );
  }
  async reload() {
    const url = await this.page.evaluate(() => location.href);
    if (!url.startsWith('moz-extension:')) return this.page.reload({ waitUntil: 'load' });
    this.page.reload({ waitUntil: 'load' }).catch(() => {});
    await this.untilLoaded(url, 30_000);
    return null;
  }
  evaluate<R, A = undefined>(fn: PageFn<A, R>, arg?: A): Promise<R> {
    return this.page.evaluate(fn as never, arg as never) as Promise<R>;
  }
  waitForFunction<A = undefined>(fn: PageFn<A, unknown>, arg?: A, options: { timeout?: number } = {}) {
    // Polled from here: puppeteer's own waitForFunction rebuilds the function with Function() inside the page, which a
    // page's strict CSP blocks in Firefox (EvalError); evaluate calls it through BiDi, which CSP does not govern.
    return waitUntil(
      () => this.evaluate(fn, arg).catch(() => false),
      Boolean,
      options.timeout ?? 30_000,
      `${fn.toString().slice(0, 80)} to be true`,
    );
  }
  waitForTimeout(ms: number) {
    return sleep(ms);
  }
  locator(selector: string, options: { hasText?: string } = {}) {
    return new FirefoxLocator(this.page, { kind: 'css', value: selector, hasText: options.hasText });
  }
  getByRole(role: string, options: { name?: string } = {}) {
    return new FirefoxLocator(this.page, { kind: 'role', value: role, name: options.name });
  }
  getByLabel(text: string | RegExp) {
    return new FirefoxLocator(
      this.page,
      typeof text === 'string' ? { kind: 'label', value: text } : { kind: 'label', value: text.source, flags: text.flags },
    );
  }
  getByText(text: string) {
    return new FirefoxLocator(this.page, { kind: 'text', value: text });
  }
  readonly mouse = {
    move: (x: number, y: number) => this.page.mouse.move(x, y),
    click: (x: number, y: number) => this.page.mouse.click(x, y),
  };
  readonly keyboard = {
    /** "Alt+Shift+J" as Playwright reads it: modifiers held, the last key pressed. */
    press: async (keys: string) => {
      const parts = keys.split('+');
      const key = parts.pop()!;
      const mods = parts.map((m) => (m === 'Ctrl' ? 'Control' : m) as 'Alt' | 'Shift' | 'Control' | 'Meta');
      for (const m of mods) await this.page.keyboard.down(m);
      await this.page.keyboard.press((/^[A-Z]$/i.test(key) ? `Key${key.toUpperCase()}` : key) as 'Enter');
      for (const m of mods.reverse()) await this.page.keyboard.up(m);
    },
  };
  screenshot(options: { path: string; fullPage?: boolean }) {
    return this.page.screenshot({ path: options.path as `${string}.png`, fullPage: options.fullPage });
  }
  private size: { width: number; height: number } | null = null;
  async setViewportSize(size: { width: number; height: number }) {
    await this.page.setViewport(size).catch((e: Error) => {
      // Puppeteer 25 sends emulation.setScreenOrientationOverride with the viewport; Firefox 140's BiDi lacks that
      // command (it came in a later Firefox), but its browsingContext.setViewport, sent alongside, is applied.
      if (!/setScreenOrientationOverride/.test(e.message)) throw e;
    });
    this.size = size;
    await waitUntil(
      () => this.page.evaluate(() => [innerWidth, innerHeight]),
      ([w, h]) => w === size.width && h === size.height,
      5000,
      `the viewport to become ${size.width}×${size.height}`,
    );
  }
  viewportSize() {
    // Firefox 140: puppeteer's page.viewport() stays null when its default viewport was sent with the failing command.
    return this.size ?? this.page.viewport() ?? VIEWPORT;
  }
  on(event: 'console' | 'pageerror' | 'request', fn: (x: never) => void) {
    const call = fn as (x: unknown) => void;
    if (event === 'request')
      // BiDi requests have no resource type in puppeteer; 'other' stands in.
      this.page.on('request', (r) => call({ url: () => r.url(), resourceType: () => 'other' }));
    // Firefox reports the page's own CSP violations as page errors; they are the browser's notices, not exceptions.
    else if (event === 'pageerror') this.page.on('pageerror', (e) => !/^Content-Security-Policy:/.test((e as Error).message) && call(e));
    else this.page.on('console', call);
    return this;
  }
  frames() {
    return this.page.frames();
  }
  close() {
    return this.page.close();
  }
}

/** Where a screenshot of `name` goes. */
export function screenshotPath(browser: BrowserName, name: string): string {
  // Chromium's are the README's (committed); Firefox's go with the test results.
  const dir = browser === 'chromium' ? resolve(ROOT, 'tests/screenshots') : resolve(ROOT, 'test-results/screenshots/firefox');
  mkdirSync(dir, { recursive: true });
  return resolve(dir, `${name}.png`);
}

/** Playwright's Page, typed as the shared subset (for Chromium-only tests that mix both). */
export const asTestPage = (page: Page): TestPage => page as unknown as TestPage;

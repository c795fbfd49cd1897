import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import matcherTables from 'virtual:backstory/matcher';
import { ContentController, type Scheduler } from '../../lib/content/controller';
import { LazyMatcher } from '../../lib/content/user-matcher';
import { FALLBACK_TAG } from '../../lib/dom/highlighter';
import { Matcher } from '../../lib/match/matcher';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';

const matcher = new Matcher(matcherTables);
let idleQueue: Array<() => void> = [];
const scheduler: Scheduler = { yieldToPage: () => Promise.resolve(), idle: (work) => idleQueue.push(work) };
/** Runs queued idle work, then lets the rescans it started finish. */
async function runIdle() {
  await new Promise((r) => setTimeout(r, 0)); // MutationObserver callbacks
  const work = idleQueue;
  idleQueue = [];
  for (const w of work) w();
  await new Promise((r) => setTimeout(r, 0));
}
let abort: AbortController;
const marked = () => [...document.querySelectorAll(FALLBACK_TAG)].map((el) => el.textContent);

async function start(html: string, settings: Partial<Settings> = {}) {
  document.body.innerHTML = html;
  const controller = new ContentController(document, matcher, { ...DEFAULT_SETTINGS, ...settings }, abort.signal, scheduler);
  await controller.start();
  return controller;
}

beforeEach(() => {
  abort = new AbortController();
  idleQueue = [];
});
afterEach(() => abort.abort());

describe('content controller (fallback marks, as in browsers without the Highlight API)', () => {
  it('marks mentions in reset custom elements and restores the page exactly when stopped', async () => {
    const html = '<p>Talks on Nagorno-<b>Karabakh</b> and the Zangezur corridor.</p>';
    const controller = await start(html);
    expect(controller.marks!.usesHighlightApi).toBe(false);
    expect(marked()).toEqual(['Nagorno-', 'Karabakh', 'Zangezur corridor']);
    expect(document.querySelector(FALLBACK_TAG)!.getAttribute('style')).toMatch(/all: unset !important/);
    expect(document.body.textContent).toBe('Talks on Nagorno-Karabakh and the Zangezur corridor.');
    abort.abort();
    document.body.normalize();
    expect(document.body.innerHTML).toBe(html);
  });

  it('creates nothing on a page with no mentions', async () => {
    const before = document.adoptedStyleSheets.length;
    const controller = await start('<p>Nothing about the subject here.</p>');
    expect(controller.marks).toBeNull();
    expect(document.adoptedStyleSheets.length).toBe(before);
    expect(controller.stats!.mentions).toBe(0);
  });

  it('loads the tables only on a page that may mention something, once, and marks the same as with them loaded', async () => {
    let loads = 0;
    const lazy = () => new LazyMatcher(matcherTables.prefilter ?? null, async () => (loads++, matcher), false);
    document.body.innerHTML = '<p>Nothing about the subject here.</p>';
    const quiet = new ContentController(document, lazy(), DEFAULT_SETTINGS, abort.signal, scheduler);
    await quiet.start();
    expect(loads).toBe(0);
    expect(quiet.stats!.mentions).toBe(0);
    quiet.stop();
    document.body.innerHTML = '<p>Nikol Pashinyan met Ilham Aliyev.</p><p>Pashinyan spoke again.</p>';
    const busy = new ContentController(document, lazy(), DEFAULT_SETTINGS, abort.signal, scheduler);
    await busy.start();
    await busy.rescanAll();
    expect(loads).toBe(1);
    expect(marked()).toEqual(['Nikol Pashinyan', 'Ilham Aliyev', 'Pashinyan']);
    // With the user's own entities the bundled prefilter cannot speak for the page: the tables load at once.
    document.body.innerHTML = '<p>Nothing about the subject here.</p>';
    loads = 0;
    await new ContentController(
      document,
      new LazyMatcher(matcherTables.prefilter ?? null, async () => (loads++, matcher), true),
      DEFAULT_SETTINGS,
      abort.signal,
      scheduler,
    ).start();
    expect(loads).toBe(1);
  });

  it('rescans only what changed, batched in idle time, and drops marks of removed text', async () => {
    const controller = await start('<div id="feed"><p id="a">Pashinyan spoke.</p></div>');
    expect(marked()).toEqual(['Pashinyan']);
    const p = document.createElement('p');
    p.textContent = 'Then Bayramov replied.';
    document.getElementById('feed')!.appendChild(p);
    expect(marked()).toEqual(['Pashinyan']); // nothing until idle
    await runIdle();
    expect(marked()).toEqual(['Pashinyan', 'Bayramov']);
    document.getElementById('a')!.remove();
    await runIdle();
    expect(controller.marks!.count).toBe(1);
    expect(controller.marks!.all[0]!.mention.entity).toBe('jeyhun-bayramov');
  });

  it('matches a name completed by a later text change inside the same block', async () => {
    await start('<p id="p">Nagorno-</p>');
    document.getElementById('p')!.appendChild(document.createTextNode('Karabakh'));
    await runIdle();
    expect(marked()).toEqual(['Nagorno-', 'Karabakh']);
  });

  it('keeps the surname rule across incremental scans', async () => {
    await start('<div id="feed"><p>Michael Carpenter arrived.</p></div>');
    const p = document.createElement('p');
    p.textContent = 'Carpenter left.';
    document.getElementById('feed')!.appendChild(p);
    await runIdle();
    expect(marked()).toEqual(['Michael Carpenter', 'Carpenter']);
  });

  it('applies settings at once: pause, countries, first mention only', async () => {
    const html = '<p>Armenia and Aliyev. Aliyev again in Azerbaijan.</p>';
    const controller = await start(html);
    expect(marked()).toEqual(['Aliyev', 'Aliyev']);
    await controller.applySettings({ ...DEFAULT_SETTINGS, highlightCountries: true });
    expect(marked()).toEqual(['Armenia', 'Aliyev', 'Aliyev', 'Azerbaijan']);
    await controller.applySettings({ ...DEFAULT_SETTINGS, highlightCountries: true, mentions: 'first' });
    expect(marked()).toEqual(['Armenia', 'Aliyev', 'Azerbaijan']);
    await controller.applySettings({ ...DEFAULT_SETTINGS, enabled: false });
    expect(marked()).toEqual([]);
    await controller.applySettings({ ...DEFAULT_SETTINGS, disabledSites: [location.hostname] });
    expect(marked()).toEqual([]);
    await controller.applySettings(DEFAULT_SETTINGS);
    expect(marked()).toEqual(['Aliyev', 'Aliyev']);
  });

  it('does not scan while the tab is hidden', async () => {
    const visibility = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState');
    let state = 'hidden';
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    try {
      document.body.innerHTML = '<p>Pashinyan spoke.</p>';
      const controller = new ContentController(document, matcher, DEFAULT_SETTINGS, abort.signal, scheduler);
      const started = controller.start();
      await new Promise((r) => setTimeout(r, 10));
      expect(marked()).toEqual([]);
      state = 'visible';
      document.dispatchEvent(new Event('visibilitychange'));
      await started;
      expect(marked()).toEqual(['Pashinyan']);
    } finally {
      delete (document as unknown as Record<string, unknown>).visibilityState;
      if (visibility) Object.defineProperty(Document.prototype, 'visibilityState', visibility);
    }
  });

  it('rescans the whole page after a single-page-app navigation', async () => {
    const controller = await start('<main><p>Pashinyan spoke.</p></main>');
    document.querySelector('main')!.innerHTML = '<p>Now about Lavrov.</p>';
    await controller.rescanAll();
    expect(marked()).toEqual(['Lavrov']);
  });

  it('never scans form fields or its own marks', async () => {
    await start(
      '<form><textarea>Aliyev</textarea><input value="Aliyev"><select><option>Aliyev</option></select></form><p contenteditable>Aliyev</p>',
    );
    expect(marked()).toEqual([]);
  });
});

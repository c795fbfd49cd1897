// Replaced at build time (wxt.config.ts): true only in test and bench builds (BACKSTORY_TRACE=1).
declare const __BACKSTORY_TRACE__: boolean | undefined;

/** Whether this build emits performance marks; production builds leave nothing a page could read. */
export const TRACE = typeof __BACKSTORY_TRACE__ !== 'undefined' && __BACKSTORY_TRACE__ === true;

/** What a Firefox content script has besides the page's globals: the page's own window, and a copier into it. */
interface FirefoxContentScope {
  cloneInto?: <T>(value: T, target: object) => T;
  window?: { wrappedJSObject?: { performance?: Performance } };
}

/**
 * The `performance.mark` whose detail the page (and so the tests and the bench, which read marks from the page) can read.
 * Firefox 140 copies a content script's detail into the content script's own compartment, where the page's
 * `mark.detail.x` throws "Permission denied to access property"; the page's own `mark`, given a copy made in the page's
 * compartment, keeps the detail the page's. (Firefox 153 and Chromium give the page a readable detail either way.)
 */
function mark(name: string, detail: unknown): void {
  const scope = globalThis as FirefoxContentScope;
  // Chromium has no cloneInto: asked first, so its content scripts never look up the page's window for Firefox's sake.
  const pagePerformance = typeof scope.cloneInto === 'function' ? scope.window?.wrappedJSObject?.performance : undefined;
  if (pagePerformance) {
    pagePerformance.mark(name, scope.cloneInto!({ detail }, scope.window!));
    return;
  }
  performance.mark(name, { detail });
}

/** A performance mark for tests and the bench; a no-op (and dropped by the minifier) in production builds. */
export function traceMark(name: string, detail: unknown): void {
  if (!TRACE) return;
  try {
    mark(name, detail);
  } catch {
    // Older browsers lack mark details; the mark is a nicety.
  }
}

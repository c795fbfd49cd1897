// Replaced at build time (wxt.config.ts): true only in test and bench builds (BACKSTORY_TRACE=1).
declare const __BACKSTORY_TRACE__: boolean | undefined;

/** Whether this build emits performance marks; production builds leave nothing a page could read. */
export const TRACE = typeof __BACKSTORY_TRACE__ !== 'undefined' && __BACKSTORY_TRACE__ === true;

/** A performance mark for tests and the bench; a no-op (and dropped by the minifier) in production builds. */
export function traceMark(name: string, detail: unknown): void {
  if (!TRACE) return;
  try {
    performance.mark(name, { detail });
  } catch {
    // Older browsers lack mark details; the mark is a nicety.
  }
}

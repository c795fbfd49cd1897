import { loadMatcher } from '../match/load';
import type { MatcherTables } from '../match/types';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { ContentController } from './controller';

/** Logs a failure once, without letting it reach the page. */
export function report(error: unknown): void {
  console.warn('Backstory:', error);
}

/** Wires the controller to pointer hit-testing; returns it for the entrypoint to feed settings and navigations. */
export function startContentScript(
  doc: Document,
  tables: MatcherTables,
  settings: Settings = DEFAULT_SETTINGS,
  signal: AbortSignal,
): ContentController {
  const controller = new ContentController(doc, loadMatcher(tables), settings, signal);
  let frame = 0;
  doc.addEventListener(
    'pointermove',
    (event) => {
      const marks = controller.marks;
      if (!marks || marks.count === 0 || frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        marks.setHovered(marks.mentionAt(event.clientX, event.clientY));
      });
    },
    { passive: true, signal },
  );
  controller.start().catch(report);
  return controller;
}

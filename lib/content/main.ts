import { loadMatcher } from '../match/load';
import type { PrefilterSource } from '../match/prefilter';
import type { MatcherTables } from '../match/types';
import type { CardData } from '../messages';
import type { CardUi } from './card-ui';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { ContentController } from './controller';
import { PopoverController } from './popover';
import { report } from './report';
import { LazyMatcher, withUserTables } from './user-matcher';

export { report } from './report';

/** What the content script asks of the background. */
export interface ContentApi {
  getCard: (entityId: string) => Promise<CardData | null>;
  openPage: (request: { page: 'reader'; passage: string } | { page: 'search'; entity: string }) => void;
  /** Loads the card UI on first use. */
  loadUi: () => Promise<CardUi>;
}

/** The bundled matcher as the content script gets it: its prefilter inline, its tables on demand. */
export interface BundledTables {
  prefilter: PrefilterSource | null;
  load: () => Promise<MatcherTables>;
}

/** Wires the scanner, pointer hit-testing and the popover; returns them for the entrypoint. */
export function startContentScript(
  doc: Document,
  bundledTables: BundledTables,
  settings: Settings = DEFAULT_SETTINGS,
  signal: AbortSignal,
  api?: ContentApi,
  /** The user's own entities as matcher tables (from storage), when there are any. */
  userTables?: unknown,
): { controller: ContentController; popover: PopoverController | null; setUserTables: (user: unknown) => Promise<void> } {
  let bundled: Promise<ReturnType<typeof loadMatcher>> | null = null;
  const lazy = (user: unknown) =>
    new LazyMatcher(
      bundledTables.prefilter,
      async () =>
        withUserTables(
          await (bundled ??= bundledTables
            .load()
            .then(loadMatcher)
            .catch((error: unknown) => {
              // A failed read is tried again on the next scan.
              bundled = null;
              throw error;
            })),
          user,
        ),
      !!user && typeof user === 'object',
    );
  const controller = new ContentController(doc, lazy(userTables), settings, signal);
  // The user added, changed or removed an entity: mark it (or stop marking it) on this page at once.
  const setUserTables = (user: unknown) => controller.setMatcher(lazy(user));
  const popover = api
    ? new PopoverController({
        doc,
        marks: () => controller.marks,
        getCard: api.getCard,
        openPassage: (passage) => api.openPage({ page: 'reader', passage }),
        searchAll: (entity) => api.openPage({ page: 'search', entity }),
        copy: (text) => navigator.clipboard.writeText(text),
        settings: () => controller.currentSettings,
        signal,
        loadUi: api.loadUi,
      })
    : null;
  let frame = 0;
  let last: PointerEvent | null = null;
  doc.addEventListener(
    'pointermove',
    (event) => {
      last = event;
      const marks = controller.marks;
      // With the style "none" nothing is marked, so pointing at a mention does nothing; the keyboard still reaches it.
      if (!marks || marks.count === 0 || frame || controller.currentSettings.style === 'none') return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const hit = last ? marks.mentionAt(last.clientX, last.clientY) : null;
        marks.setHovered(hit);
        popover?.pointerOver(hit);
      });
    },
    { passive: true, signal },
  );
  controller.start().catch(report);
  return { controller, popover, setUserTables };
}

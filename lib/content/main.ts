import { HIGHLIGHT_CSS, highlightMentions } from '../dom/highlighter';
import { scanNode } from '../dom/scan';
import { loadMatcher } from '../match/load';
import type { MatcherTables } from '../match/types';

/**
 * Scans the page once it is idle and registers highlights for highlightable
 * entities. On a page with no mentions it creates nothing.
 */
export function startContentScript(doc: Document, tables: MatcherTables, signal: AbortSignal): void {
  const run = () => {
    if (signal.aborted || !doc.body) return;
    const matcher = loadMatcher(tables);
    const highlightable = new Set(tables.entities.filter((e) => e.highlight).map((e) => e.id));
    const scan = scanNode(doc.body, matcher, { checkVisibility: true });
    const mentions = scan.mentions.filter((m) => highlightable.has(m.entity));
    if (mentions.length === 0) return;
    // An adopted stylesheet styles ::highlight() without adding an element to the page's DOM.
    const sheet = new (doc.defaultView ?? window).CSSStyleSheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    highlightMentions(doc, scan.map, mentions);
    signal.addEventListener('abort', () => (doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet)), { once: true });
  };
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => number }).requestIdleCallback;
  if (idle) idle(run);
  else setTimeout(run, 0);
}

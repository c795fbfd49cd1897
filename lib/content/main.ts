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
    const style = doc.createElement('style');
    style.setAttribute('data-backstory-ui', '');
    style.textContent = HIGHLIGHT_CSS;
    (doc.head ?? doc.documentElement).appendChild(style);
    highlightMentions(doc, scan.map, mentions);
    signal.addEventListener('abort', () => style.remove(), { once: true });
  };
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => number }).requestIdleCallback;
  if (idle) idle(run);
  else setTimeout(run, 0);
}

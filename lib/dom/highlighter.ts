import type { Mention } from '../match/types';
import { toRange, type TextMap } from './text-walker';

/** Name of the CSS custom highlight that marks mentions. */
export const HIGHLIGHT_NAME = 'backstory-mention';

/** A registered mention: its range in the page and its entity. */
export interface Highlighted {
  mention: Mention;
  range: Range;
}

/**
 * Registers mentions with the CSS Custom Highlight API, so the page's DOM is
 * never touched. Returns null when the browser lacks the API.
 */
export function highlightMentions(doc: Document, map: TextMap, mentions: Mention[]): Highlighted[] | null {
  const registry = (doc.defaultView as (Window & { CSS?: typeof CSS }) | null)?.CSS?.highlights;
  const HighlightCtor = (doc.defaultView as unknown as { Highlight?: typeof Highlight } | null)?.Highlight;
  if (!registry || !HighlightCtor) return null;
  const out: Highlighted[] = [];
  for (const mention of mentions) {
    const range = toRange(map, mention.start, mention.end, doc);
    if (range) out.push({ mention, range });
  }
  if (out.length === 0) return out;
  const existing = registry.get(HIGHLIGHT_NAME);
  const highlight = existing ?? new HighlightCtor();
  for (const h of out) highlight.add(h.range);
  if (!existing) registry.set(HIGHLIGHT_NAME, highlight);
  return out;
}

/** Removes every registered mention highlight. */
export function clearHighlights(doc: Document): void {
  (doc.defaultView as (Window & { CSS?: typeof CSS }) | null)?.CSS?.highlights?.delete(HIGHLIGHT_NAME);
}

/** The page-level stylesheet rule for the highlight: a subtle underline. */
export const HIGHLIGHT_CSS = `::highlight(${HIGHLIGHT_NAME}) { text-decoration: underline dotted 1.5px; text-decoration-color: #b4530980; text-underline-offset: 3px; }`;

import type { Mention } from '../match/types';
import type { HighlightStyle } from '../settings';
import { TRACE } from '../trace';

// The page can list the highlight registry and read adopted sheets: production builds use names drawn per page load,
// which say nothing about Backstory; test builds use readable ones that tests look up.
const prefix = TRACE ? 'backstory-' : `h${Math.random().toString(36).slice(2, 10)}-`;
/** Names of the CSS custom highlights: every mention, the one under the pointer, and the one flashed. */
export const HIGHLIGHT_NAME = `${prefix}mention`;
export const HOVER_HIGHLIGHT_NAME = `${prefix}hover`;
export const FLASH_HIGHLIGHT_NAME = `${prefix}flash`;
/** Tag of the fallback wrapper used where the Highlight API is missing. */
export const FALLBACK_TAG = 'backstory-mention';

/** A mention registered on the page: its entity and its range. */
export interface Highlighted {
  mention: Mention;
  range: Range;
}

/** The stylesheet for a highlight style; only ::highlight() rules, so it cannot touch the page's own elements. */
export function highlightCss(style: HighlightStyle): string {
  const mark =
    style === 'underline'
      ? 'text-decoration: underline dotted 2px; text-decoration-color: #c2410c; text-underline-offset: 3px;'
      : style === 'background'
        ? 'background-color: rgba(250, 204, 21, 0.35);'
        : '';
  // The hover mark shows under every style: with "none" only the keyboard sets it, and the reader must see where it went.
  const hover = 'text-decoration: underline solid 2px; text-decoration-color: #c2410c; text-underline-offset: 3px;';
  const flash = `::highlight(${FLASH_HIGHLIGHT_NAME}) { background-color: rgba(250, 204, 21, 0.75); }`;
  return `${mark ? `::highlight(${HIGHLIGHT_NAME}) { ${mark} }` : ''}\n::highlight(${HOVER_HIGHLIGHT_NAME}) { ${hover} }\n${flash}`;
}

/** Inline style of the fallback wrapper: reset, with !important so page rules cannot restyle it. */
function fallbackStyle(style: HighlightStyle): string {
  const base = 'all: unset !important; display: inline !important;';
  if (style === 'underline')
    return `${base} text-decoration: underline dotted 2px #c2410c !important; text-underline-offset: 3px !important;`;
  if (style === 'background') return `${base} background-color: rgba(250, 204, 21, 0.35) !important;`;
  return base;
}

interface Piece {
  start: number;
  end: number;
  entry: Highlighted;
}

/**
 * Owns every mention mark on one document: registers ranges with the CSS
 * Custom Highlight API (the page's DOM is never touched), or, without it,
 * wraps mentions in a reset custom element. Answers "which mention is at
 * this point" for hit-testing.
 */
export class Highlighter {
  private readonly entries: Highlighted[] = [];
  private readonly byNode = new Map<Text, Piece[]>();
  private readonly sheet: CSSStyleSheet | null = null;
  private readonly highlight: Highlight | null = null;
  private readonly hover: Highlight | null = null;
  private hovered: Highlighted | null = null;
  private style: HighlightStyle;
  readonly usesHighlightApi: boolean;

  constructor(
    private readonly doc: Document,
    style: HighlightStyle,
  ) {
    this.style = style;
    const win = doc.defaultView as (Window & typeof globalThis) | null;
    this.usesHighlightApi = !!(win && win.CSS && 'highlights' in win.CSS && typeof win.Highlight === 'function');
    if (this.usesHighlightApi && win) {
      this.highlight = new win.Highlight();
      this.hover = new win.Highlight();
      win.CSS.highlights.set(HIGHLIGHT_NAME, this.highlight);
      win.CSS.highlights.set(HOVER_HIGHLIGHT_NAME, this.hover);
      // An adopted stylesheet styles ::highlight() without adding an element to the page's DOM.
      this.sheet = new win.CSSStyleSheet();
      this.sheet.replaceSync(highlightCss(style));
      adoptSheet(doc, this.sheet);
    }
  }

  /** Number of registered mentions. */
  get count(): number {
    return this.entries.length;
  }

  /** Every registered mention, in registration order. */
  get all(): readonly Highlighted[] {
    return this.entries;
  }

  /** Every registered mention in reading (document) order. */
  inReadingOrder(): Highlighted[] {
    return [...this.entries].sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  }

  /** Registers mentions. */
  add(items: Highlighted[]): void {
    // Wrapping splits text nodes; going from the last mention back keeps earlier offsets valid.
    if (!this.usesHighlightApi) for (let i = items.length - 1; i >= 0; i--) this.wrap(items[i]!);
    for (const item of items) {
      this.entries.push(item);
      this.highlight?.add(item.range);
      this.index(item);
    }
  }

  /** Changes the style at once. */
  setStyle(style: HighlightStyle): void {
    this.style = style;
    this.sheet?.replaceSync(highlightCss(style));
    if (!this.usesHighlightApi) {
      for (const el of this.doc.querySelectorAll<HTMLElement>(FALLBACK_TAG)) el.setAttribute('style', fallbackStyle(style));
    }
  }

  /** Drops mentions whose text was removed from the page (their ranges collapse or detach). */
  pruneDisconnected(): number {
    const keep = this.entries.filter((e) => !e.range.collapsed && e.range.startContainer.isConnected && e.range.endContainer.isConnected);
    const dropped = this.entries.length - keep.length;
    if (dropped > 0) this.replaceAll(keep);
    return dropped;
  }

  /** Drops the mentions inside `root`, before it is scanned again. */
  removeWithin(root: Node): void {
    const keep = this.entries.filter((e) => !root.contains(e.range.startContainer));
    if (keep.length !== this.entries.length) this.replaceAll(keep);
  }

  /** The mention whose text is under the point (x, y) in viewport coordinates, or null. */
  mentionAt(x: number, y: number): Highlighted | null {
    const caret = caretAt(this.doc, x, y);
    if (!caret || caret.node.nodeType !== 3) return null;
    const pieces = this.byNode.get(caret.node as Text);
    if (!pieces) return null;
    for (const piece of pieces) {
      if (caret.offset < piece.start || caret.offset > piece.end) continue;
      // The caret snaps to the nearest character even in a margin: check the point is on the text.
      for (const rect of piece.entry.range.getClientRects()) {
        if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return piece.entry;
      }
    }
    return null;
  }

  /** Flashes one mention for a moment (after "scroll to" from the popup). */
  flash(entry: Highlighted, ms = 1500): void {
    const win = this.doc.defaultView as (Window & typeof globalThis) | null;
    if (!this.usesHighlightApi || !win) return;
    const flash = new win.Highlight(entry.range);
    win.CSS.highlights.set(FLASH_HIGHLIGHT_NAME, flash);
    win.setTimeout(() => win.CSS.highlights.get(FLASH_HIGHLIGHT_NAME) === flash && win.CSS.highlights.delete(FLASH_HIGHLIGHT_NAME), ms);
  }

  /** Marks one mention as hovered (or none). */
  setHovered(entry: Highlighted | null): void {
    if (entry === this.hovered) return;
    this.hover?.clear();
    if (entry) this.hover?.add(entry.range);
    this.hovered = entry;
  }

  /** Removes every mark; the highlighter can be reused. */
  clear(): void {
    this.replaceAll([]);
  }

  /** Removes every mark and the stylesheet. */
  destroy(): void {
    this.clear();
    const win = this.doc.defaultView as (Window & typeof globalThis) | null;
    if (this.usesHighlightApi && win) {
      if (win.CSS.highlights.get(HIGHLIGHT_NAME) === this.highlight) win.CSS.highlights.delete(HIGHLIGHT_NAME);
      if (win.CSS.highlights.get(HOVER_HIGHLIGHT_NAME) === this.hover) win.CSS.highlights.delete(HOVER_HIGHLIGHT_NAME);
    }
    if (this.sheet) dropSheet(this.doc, this.sheet);
  }

  private replaceAll(keep: Highlighted[]): void {
    if (!this.usesHighlightApi) {
      const kept = new Set(keep);
      for (const e of this.entries) if (!kept.has(e)) this.unwrap(e);
    }
    this.entries.length = 0;
    this.byNode.clear();
    this.highlight?.clear();
    this.setHovered(null);
    for (const e of keep) {
      this.entries.push(e);
      this.highlight?.add(e.range);
      this.index(e);
    }
  }

  private index(entry: Highlighted): void {
    for (const part of textPieces(entry.range)) {
      const list = this.byNode.get(part.node) ?? [];
      list.push({ start: part.start, end: part.end, entry });
      this.byNode.set(part.node, list);
    }
  }

  /** Fallback: wraps each text piece of the range in a reset custom element. */
  private wrap(entry: Highlighted): void {
    const pieces = textPieces(entry.range);
    let first: Node | null = null;
    let last: Node | null = null;
    for (const { node, start, end } of pieces) {
      let target = node;
      if (end < target.data.length) target.splitText(end);
      if (start > 0) target = target.splitText(start);
      const el = this.doc.createElement(FALLBACK_TAG);
      el.setAttribute('style', fallbackStyle(this.style));
      target.parentNode!.insertBefore(el, target);
      el.appendChild(target);
      first ??= target;
      last = target;
    }
    if (first && last) {
      entry.range.setStart(first, 0);
      entry.range.setEnd(last, (last as Text).data.length);
    }
  }

  private unwrap(entry: Highlighted): void {
    for (const { node } of textPieces(entry.range)) {
      const el = node.parentElement;
      if (el && el.tagName.toLowerCase() === FALLBACK_TAG) {
        el.replaceWith(...el.childNodes);
      }
    }
  }
}

/** The text nodes a range covers, with the covered offsets in each. */
function textPieces(range: Range): Array<{ node: Text; start: number; end: number }> {
  const { startContainer, endContainer, startOffset, endOffset } = range;
  if (startContainer === endContainer && startContainer.nodeType === 3) {
    return [{ node: startContainer as Text, start: startOffset, end: endOffset }];
  }
  const out: Array<{ node: Text; start: number; end: number }> = [];
  const doc = startContainer.ownerDocument!;
  const walker = doc.createTreeWalker(range.commonAncestorContainer, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n as Text;
    if (!range.intersectsNode(text)) continue;
    const start = text === startContainer ? startOffset : 0;
    const end = text === endContainer ? endOffset : text.data.length;
    if (end > start) out.push({ node: text, start, end });
  }
  return out;
}

/** An object as a Firefox content script sees it: `wrappedJSObject` is the page's own object behind the Xray view. */
type Waivable<T> = T & { wrappedJSObject?: T };

/**
 * The document's adopted list, to change in place, and the sheet as that list holds it. Chromium and Firefox 153 give
 * content scripts the list itself. Firefox 140 gives an Xray view with no length, no methods and a setter that throws
 * (Mozilla bug 1928865), so there the page's own list is changed through `wrappedJSObject`, with the content script's
 * own Array methods (a page's patched prototype is never called) and the sheet compared as the page holds it.
 */
function adoptedList(doc: Document, sheet: CSSStyleSheet): { list: CSSStyleSheet[]; item: CSSStyleSheet } {
  const list = doc.adoptedStyleSheets;
  if (typeof list.push === 'function') return { list, item: sheet };
  const pageList = (doc as Waivable<Document>).wrappedJSObject?.adoptedStyleSheets;
  const item = (sheet as Waivable<CSSStyleSheet>).wrappedJSObject;
  if (pageList && item) return { list: pageList, item };
  throw new Error('this browser lets the content script neither read nor change document.adoptedStyleSheets');
}

/** Adds a sheet to the end of the document's adopted list, in place (see adoptedList). */
export function adoptSheet(doc: Document, sheet: CSSStyleSheet): void {
  Array.prototype.push.call(adoptedList(doc, sheet).list, sheet);
}

/** Removes a sheet from the document's adopted list, in place (see adoptedList). */
export function dropSheet(doc: Document, sheet: CSSStyleSheet): void {
  const { list, item } = adoptedList(doc, sheet);
  for (let i = list.length - 1; i >= 0; i--) if (list[i] === item) Array.prototype.splice.call(list, i, 1);
}

/** The caret position under a point: caretPositionFromPoint where supported, else caretRangeFromPoint. */
function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/** Builds highlight entries from mentions and a text map's ranges. */
export function toHighlighted(mentions: Mention[], rangeOf: (m: Mention) => Range | null): Highlighted[] {
  const out: Highlighted[] = [];
  for (const mention of mentions) {
    const range = rangeOf(mention);
    if (range) out.push({ mention, range });
  }
  return out;
}

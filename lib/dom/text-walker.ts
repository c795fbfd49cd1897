/** Elements whose text is never scanned: code that runs, form fields, hidden and editable content. */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'OPTGROUP',
  'IFRAME',
  'OBJECT',
  'SVG',
  'MATH',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'HEAD',
  'TITLE',
]);
/**
 * `code` and `pre` are skipped too: they hold programs, logs and data whose
 * words are rarely prose about the subject, and highlighting them is noise.
 */
const SKIP_PROSE_TAGS = new Set(['CODE', 'PRE', 'KBD', 'SAMP']);
/** Elements that start a new block of text, so a name never matches across them. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'SECTION',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'BODY',
  'HTML',
  'BUTTON',
  'LABEL',
  'SUMMARY',
  'DETAILS',
]);

import { BLOCK_SEPARATOR } from '../match/fold';

/** Attribute that marks the extension's own UI, which the walker never enters. */
export const OWN_UI_ATTRIBUTE = 'data-backstory-ui';

/** One text node's place in the flattened text. */
export interface TextChunk {
  node: Text;
  /** Offset of the node's first character in TextMap.text. */
  start: number;
}

/** The visible text of a subtree as one string, with a map back to its text nodes. */
export interface TextMap {
  text: string;
  chunks: TextChunk[];
}

/** Options for walking: whether computed style may be read to find hidden elements. */
export interface WalkOptions {
  /** Check computed visibility (a real browser); off in Node tests where layout is absent. */
  checkVisibility?: boolean;
}

function isSkipped(el: Element, options: WalkOptions): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIP_TAGS.has(tag) || SKIP_PROSE_TAGS.has(tag)) return true;
  // Most elements carry no attributes at all: skip the attribute checks for them.
  if (!el.hasAttributes()) return !!options.checkVisibility && computedHidden(el);
  if (el.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  // Read the style attribute as text: touching el.style would build a style object for every element.
  const inline = el.getAttribute('style');
  if (inline && /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(inline)) return true;
  return !!options.checkVisibility && computedHidden(el);
}

function computedHidden(el: Element): boolean {
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  return !!style && (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse');
}

/**
 * Collects the text of `root` and of open shadow roots inside it, skipping
 * what a reader cannot see or should not have touched. Block boundaries become
 * BLOCK_SEPARATOR so matches never cross them; inline boundaries add nothing,
 * so "Nagorno-<b>Karabakh</b>" reads as one name. Runs in steps so a large
 * page never blocks the main thread for long.
 */
export class TextCollector {
  private readonly parts: string[] = [];
  private readonly chunks: TextChunk[] = [];
  private length = 0;
  /** Work stack: a node to visit, or a marker to close a block. */
  private readonly stack: Array<Node | typeof CLOSE_BLOCK> = [];

  constructor(
    root: Node,
    private readonly options: WalkOptions = {},
  ) {
    this.stack.push(root);
  }

  /** Visits up to `budget` nodes; returns true when the walk is complete. */
  step(budget = Infinity): boolean {
    const { stack } = this;
    let visited = 0;
    while (stack.length > 0 && visited < budget) {
      const item = stack.pop()!;
      visited++;
      if (item === CLOSE_BLOCK) {
        this.pushBreak();
        continue;
      }
      const node = item;
      if (node.nodeType === 3) {
        const value = (node as Text).data;
        if (value.length === 0) continue;
        this.chunks.push({ node: node as Text, start: this.length });
        this.parts.push(value);
        this.length += value.length;
        continue;
      }
      if (node.nodeType === 1) {
        const el = node as Element;
        if (isSkipped(el, this.options)) continue;
        const block = BLOCK_TAGS.has(el.tagName.toUpperCase());
        if (block) {
          this.pushBreak();
          stack.push(CLOSE_BLOCK);
        }
        this.pushChildren(el);
        const shadow = (el as HTMLElement).shadowRoot;
        if (shadow) this.pushChildren(shadow);
        continue;
      }
      if (node.nodeType === 9 || node.nodeType === 11) this.pushChildren(node);
    }
    return stack.length === 0;
  }

  /** The collected text and its chunks (complete once step() returned true). */
  get result(): TextMap {
    return { text: this.parts.join(''), chunks: this.chunks };
  }

  private pushChildren(parent: Node): void {
    // Pushed last-first so they pop in document order.
    for (let c = parent.lastChild; c; c = c.previousSibling) this.stack.push(c);
  }

  private pushBreak(): void {
    if (this.length > 0 && this.parts[this.parts.length - 1] !== BLOCK_SEPARATOR) {
      this.parts.push(BLOCK_SEPARATOR);
      this.length += 1;
    }
  }
}

const CLOSE_BLOCK = Symbol('close-block');

/** Collects a subtree's visible text in one go (the CLI, tests, small subtrees). */
export function collectText(root: Node, options: WalkOptions = {}): TextMap {
  const collector = new TextCollector(root, options);
  collector.step();
  return collector.result;
}

/** Finds the text node and offset for a position in TextMap.text (binary search). */
export function locate(map: TextMap, offset: number, preferEnd = false): { node: Text; offset: number } | null {
  const { chunks } = map;
  let lo = 0;
  let hi = chunks.length - 1;
  let found = -1;
  // Start positions belong to the chunk that begins there; end positions to the chunk that ends there.
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = chunks[mid]!.start;
    if (start < offset || (!preferEnd && start === offset)) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return null;
  const chunk = chunks[found]!;
  const within = offset - chunk.start;
  if (within > chunk.node.data.length) return null;
  return { node: chunk.node, offset: within };
}

/** Turns a [start, end) range of TextMap.text into a DOM Range. */
export function toRange(map: TextMap, start: number, end: number, doc: Document): Range | null {
  const from = locate(map, start, false);
  const to = locate(map, end, true);
  if (!from || !to) return null;
  const range = doc.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

import { BLOCK_SEPARATOR } from '../match/fold';

/** Elements whose text is never scanned (by localName): code that runs, form fields, embedded and non-text content. */
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'iframe',
  'object',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  // Programs, logs and data: their words are rarely prose about the subject, and marking them is noise.
  'code',
  'pre',
  'kbd',
  'samp',
]);
/** Elements that start a new block of text, so a name never matches across them. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'section',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'body',
  'html',
  'button',
  'label',
  'summary',
  'details',
]);

/** Built-in elements that attachShadow() accepts (custom elements, whose names hold a hyphen, accept it too). */
const SHADOW_HOST_TAGS = new Set([
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
]);

/** Attribute that marks the extension's own UI, which the walker never enters. */
export const OWN_UI_ATTRIBUTE = 'data-backstory-ui';

/**
 * Elements skipped for their attributes: the extension's UI, hidden, aria-hidden
 * and editable content, and inline styles that may hide (checked precisely below).
 * Found with one native query per walk rather than attribute reads on every element.
 */
const ATTRIBUTE_SELECTOR = `[${OWN_UI_ATTRIBUTE}],[hidden],[aria-hidden="true"],[contenteditable]:not([contenteditable="false"])`;
const FLAGGED_SELECTOR = `${ATTRIBUTE_SELECTOR},[style*="none" i][style*="display" i],[style*="hidden" i][style*="visibility" i]`;
const HIDING_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i;

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

function computedHidden(el: Element): boolean {
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  return !!style && (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse');
}

/** The elements under (and including) `root` that the attribute checks skip. */
function flaggedElements(root: Node): Set<Element> {
  const flagged = new Set<Element>();
  // The selector caught every style that mentions display and none, or visibility and hidden; only one that hides counts.
  const consider = (el: Element) =>
    (el.matches(ATTRIBUTE_SELECTOR) || HIDING_STYLE.test(el.getAttribute('style') ?? '')) && flagged.add(el);
  if (root.nodeType === 1 && (root as Element).matches(FLAGGED_SELECTOR)) consider(root as Element);
  if (root.nodeType === 1 || root.nodeType === 9 || root.nodeType === 11)
    for (const el of (root as ParentNode).querySelectorAll(FLAGGED_SELECTOR)) consider(el);
  return flagged;
}

/** A walk in progress over one tree (the root, or an open shadow root inside it). */
interface Frame {
  walker: TreeWalker;
  /** The next node to visit, or null when this tree is done. */
  node: Node | null;
  flagged: Set<Element>;
}

/**
 * Collects the text of `root` and of open shadow roots inside it, skipping
 * what a reader cannot see or should not have touched. Block boundaries become
 * BLOCK_SEPARATOR so matches never cross them; inline boundaries add nothing,
 * so "Nagorno-<b>Karabakh</b>" reads as one name. Runs in steps so a large
 * page never blocks the main thread for long. A native TreeWalker does the
 * traversal: per node, the script reads only what it must.
 */
export class TextCollector {
  private readonly parts: string[] = [];
  private readonly chunks: TextChunk[] = [];
  private length = 0;
  private readonly frames: Frame[] = [];
  /** The nearest block of the last text node's parent, and that parent: a change of block is a boundary. */
  private lastParent: Node | null = null;
  private lastBlock: Node | null = null;
  /** Nearest block element (or null) of elements already looked up, so each ancestor chain is climbed once. */
  private readonly blockOf = new Map<Node, Node | null>();

  constructor(
    private readonly root: Node,
    private readonly options: WalkOptions = {},
  ) {
    this.enter(root);
  }

  /** Visits up to `budget` nodes; returns true when the walk is complete. */
  step(budget = Infinity): boolean {
    let visited = 0;
    while (this.frames.length > 0 && visited < budget) {
      const frame = this.frames[this.frames.length - 1]!;
      const node = frame.node;
      if (!node) {
        this.frames.pop();
        if (this.frames.length === 0) this.finish();
        continue;
      }
      visited++;
      if (node.nodeType === 3) {
        this.addText(node as Text);
        frame.node = frame.walker.nextNode();
        continue;
      }
      if (node.nodeType !== 1) {
        frame.node = frame.walker.nextNode();
        continue;
      }
      const el = node as Element;
      const tag = el.localName;
      if (SKIP_TAGS.has(tag) || frame.flagged.has(el) || (this.options.checkVisibility && computedHidden(el))) {
        frame.node = nextOutside(frame.walker);
        continue;
      }
      if (BLOCK_TAGS.has(tag)) this.pushBreak();
      frame.node = frame.walker.nextNode();
      // An open shadow root's text comes before the host's light children. Only custom elements and
      // a few tags may host one; asking the others would cost a call on every element of the page.
      if (SHADOW_HOST_TAGS.has(tag) || tag.includes('-')) {
        const shadow = (el as HTMLElement).shadowRoot;
        if (shadow) this.enter(shadow);
      }
    }
    return this.frames.length === 0;
  }

  /** The collected text and its chunks (complete once step() returned true). */
  get result(): TextMap {
    return { text: this.parts.join(''), chunks: this.chunks };
  }

  private enter(tree: Node): void {
    const doc = tree.nodeType === 9 ? (tree as Document) : tree.ownerDocument;
    if (!doc) return;
    // Elements and text only: comments and processing instructions carry no visible text.
    const walker = doc.createTreeWalker(tree, 0x1 | 0x4);
    const first = tree.nodeType === 1 || tree.nodeType === 3 ? tree : walker.nextNode();
    this.frames.push({ walker, node: first, flagged: flaggedElements(tree) });
  }

  private addText(node: Text): void {
    const value = node.data;
    if (value.length === 0) return;
    // A text node walked on its own has no block: its parent lies outside the walk.
    const parent = node === this.root ? null : node.parentNode;
    if (parent !== this.lastParent) {
      this.lastParent = parent;
      const block = this.nearestBlock(parent);
      if (block !== this.lastBlock) {
        this.lastBlock = block;
        this.pushBreak();
      }
    }
    this.chunks.push({ node, start: this.length });
    this.parts.push(value);
    this.length += value.length;
  }

  /** The nearest block element at or above `node`, up to the walk's root, crossing shadow roots to their hosts. */
  private nearestBlock(node: Node | null): Node | null {
    const climbed: Node[] = [];
    let found: Node | null = null;
    for (let at = node; at;) {
      const known = this.blockOf.get(at);
      if (known !== undefined) {
        found = known;
        break;
      }
      climbed.push(at);
      if (at.nodeType === 1 && BLOCK_TAGS.has((at as Element).localName)) {
        found = at;
        break;
      }
      if (at === this.root) break;
      at = at.nodeType === 11 ? ((at as ShadowRoot).host ?? null) : at.parentNode;
    }
    for (const n of climbed) this.blockOf.set(n, found);
    return found;
  }

  /** The end of the walk closes every open block. */
  private finish(): void {
    if (this.lastBlock) this.pushBreak();
  }

  private pushBreak(): void {
    if (this.length > 0 && this.parts[this.parts.length - 1] !== BLOCK_SEPARATOR) {
      this.parts.push(BLOCK_SEPARATOR);
      this.length += 1;
    }
  }
}

/** Moves the walker past the current node's subtree; null at the end of its tree. */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

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

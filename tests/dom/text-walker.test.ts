import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectText, TextCollector, type TextChunk } from '../../lib/dom/text-walker';
import { BLOCK_SEPARATOR } from '../../lib/match/fold';

/** A random tree: text, or an element with attributes, children and perhaps an open shadow root. */
interface TreeSpec {
  text?: string;
  tag?: string;
  attr?: [string, string] | null;
  children?: TreeSpec[];
  shadow?: TreeSpec[] | null;
}

const TAGS = ['p', 'div', 'span', 'b', 'li', 'br', 'section', 'a', 'td', 'script', 'pre', 'code', 'x-card', 'textarea'];
const ATTRS: Array<[string, string] | null> = [
  null,
  null,
  null,
  ['hidden', ''],
  ['aria-hidden', 'true'],
  ['aria-hidden', 'false'],
  ['contenteditable', ''],
  ['contenteditable', 'false'],
  ['style', 'display:none'],
  ['style', 'color: red; Display : None'],
  ['style', 'visibility: hidden'],
  ['style', 'display: block'],
  ['data-backstory-ui', ''],
  ['class', 'x'],
];
const { tree } = fc.letrec<{ tree: TreeSpec; element: TreeSpec }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ text: fc.constantFrom('', 'Nagorno-', 'Karabakh', ' and ', 'Aliyev', 'x', '\u00a0') }),
    tie('element'),
  ),
  element: fc.record({
    tag: fc.constantFrom(...TAGS),
    attr: fc.constantFrom(...ATTRS),
    children: fc.array(tie('tree'), { maxLength: 4 }),
    shadow: fc.option(fc.array(tie('tree'), { maxLength: 3 }), { freq: 4 }),
  }),
}));

function build(spec: TreeSpec, doc: Document): Node {
  if (spec.text !== undefined) return doc.createTextNode(spec.text);
  const el = doc.createElement(spec.tag!);
  if (spec.attr) el.setAttribute(spec.attr[0], spec.attr[1]);
  if (spec.tag !== 'br') for (const child of spec.children ?? []) el.appendChild(build(child, doc));
  // Only some elements may host a shadow root.
  if (spec.shadow && ['div', 'span', 'section', 'p', 'x-card'].includes(spec.tag!)) {
    const shadow = el.attachShadow({ mode: 'open' });
    for (const child of spec.shadow) shadow.appendChild(build(child, doc));
  }
  return el;
}

const SKIP = new Set(['script', 'style', 'textarea', 'pre', 'code']);
const BLOCK = new Set(['p', 'div', 'li', 'br', 'section', 'td', 'body']);

/** The walker's rules written as plainly as possible: a recursive walk that reads attributes on every element. */
function referenceWalk(root: Node): { text: string; chunks: TextChunk[] } {
  const parts: string[] = [];
  const chunks: TextChunk[] = [];
  let length = 0;
  const brk = () => {
    if (length > 0 && parts.at(-1) !== BLOCK_SEPARATOR) {
      parts.push(BLOCK_SEPARATOR);
      length++;
    }
  };
  const skipped = (el: Element) =>
    SKIP.has(el.localName) ||
    el.hasAttribute('data-backstory-ui') ||
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true' ||
    (el.hasAttribute('contenteditable') && el.getAttribute('contenteditable') !== 'false') ||
    /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(el.getAttribute('style') ?? '');
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (data.length === 0) return;
      chunks.push({ node: node as Text, start: length });
      parts.push(data);
      length += data.length;
      return;
    }
    if (node.nodeType !== 1 || skipped(node as Element)) return;
    const block = BLOCK.has((node as Element).localName);
    if (block) brk();
    const shadow = (node as Element).shadowRoot;
    if (shadow) shadow.childNodes.forEach(visit);
    node.childNodes.forEach(visit);
    if (block) brk();
  };
  visit(root);
  return { text: parts.join(''), chunks };
}

describe('text walker', () => {
  it('reads exactly what a plain recursive walk reads, on random trees with hidden, editable, skipped and shadow content', () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 6 }), fc.integer({ min: 1, max: 7 }), (specs, budget) => {
        document.body.innerHTML = '';
        for (const spec of specs) document.body.appendChild(build(spec, document));
        const expected = referenceWalk(document.body);
        // In small steps too: the controller walks a page in slices.
        const collector = new TextCollector(document.body);
        while (!collector.step(budget));
        for (const got of [collectText(document.body), collector.result]) {
          expect(got.text).toBe(expected.text);
          expect(got.chunks.map((c) => [c.start, c.node.data])).toEqual(expected.chunks.map((c) => [c.start, c.node.data]));
          expect(got.chunks.every((c, i) => c.node === expected.chunks[i]!.node)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('walks a subtree whose root is inline, or hidden, or a text node', () => {
    document.body.innerHTML = '<p>before <b id="inline">Aliyev <i>said</i></b></p><div id="hidden" hidden>Aliyev</div>';
    expect(collectText(document.getElementById('inline')!).text).toBe('Aliyev said');
    expect(collectText(document.getElementById('hidden')!).text).toBe('');
    expect(collectText(document.getElementById('inline')!.firstChild!).text).toBe('Aliyev ');
  });
});

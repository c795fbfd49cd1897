import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * The interface strings left in code (issue 17): every word a reader sees comes from the locale files, so the
 * components and pages hold none. Found here, in each .tsx file under components/ and entrypoints/:
 * - JSX text with a letter in it;
 * - a `title`, `aria-label`, `placeholder`, `alt` or `label` attribute given as a literal, or a JSX expression
 *   (child or one of those attributes) whose string or template parts hold a letter;
 * - a prose-like literal anywhere in the file (a capitalised word and another word, or words ending in . : ? …),
 *   such as a status message or an error set into state.
 * Inside JSX expressions, call arguments (message keys given to t(), ids) and compared values (data) are not looked into.
 */
export interface Leftover {
  file: string;
  line: number;
  text: string;
  rule: 'jsx-text' | 'attribute' | 'jsx-expression' | 'prose';
}

/** Attributes a reader sees or hears. */
const SHOWN_ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label']);

/**
 * Texts that may stay in code, each for a reason: the brand name is the same in every language, and a few
 * sequences are symbols or data, not words.
 */
export const ALLOWED = new Map<string, string>([
  ['Backstory', 'the brand name, written the same in every language'],
  ['Markdown', 'the name of a text format, written the same in every language'],
]);

const LETTER = /\p{L}/u;
// A capitalised word followed by another word, or two words and a sentence ending: prose, not an identifier.
const PROSE = /(\p{Lu}\p{Ll}+[ \u00a0]+\S)|(\p{L}{2,}[ \u00a0].*[.:?…]\s*$)/u;
// A style sheet in a string (the card's shadow root): rules, not words.
const CSS = /\{[^{}]*:[^{}]*;[^{}]*\}/;

/** Whether a text shown to a reader breaks the rule (letters, not allowed). */
function shown(text: string): boolean {
  const words = text.replace(/\s+/g, ' ').trim();
  const rest = words
    .split(/([\p{L}\p{N}]+)/u)
    .filter((w) => !ALLOWED.has(w))
    .join('');
  return LETTER.test(rest) && !CSS.test(words);
}

/** The leftover interface strings of one source text. */
export function leftoverStrings(file: string, source: string): Leftover[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Leftover[] = [];
  const seen = new Set<ts.Node>();
  const report = (node: ts.Node, text: string, rule: Leftover['rule']) => {
    if (seen.has(node)) return;
    seen.add(node);
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    found.push({ file, line, text: text.replace(/\s+/g, ' ').trim(), rule });
  };
  /** The literal text parts of an expression, not looking into calls (keys, ids) or comparisons (data values). */
  const literals = (node: ts.Node, out: Array<[ts.Node, string]>) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return void out.push([node, node.text]);
    if (ts.isTemplateExpression(node)) {
      out.push([node, [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ')]);
      node.templateSpans.forEach((s) => literals(s.expression, out));
      return;
    }
    if (ts.isCallExpression(node) || ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) return;
    if (ts.isBinaryExpression(node) && /^[=!]==?$/.test(ts.tokenToString(node.operatorToken.kind) ?? '')) return;
    if (ts.isElementAccessExpression(node)) return void literals(node.expression, out);
    ts.forEachChild(node, (child) => literals(child, out));
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && shown(node.text)) report(node, node.text, 'jsx-text');
    if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(sf);
      const init = node.initializer;
      if (SHOWN_ATTRIBUTES.has(name) && init) {
        if (ts.isStringLiteral(init) && shown(init.text)) report(init, init.text, 'attribute');
        if (ts.isJsxExpression(init) && init.expression) {
          const parts: Array<[ts.Node, string]> = [];
          literals(init.expression, parts);
          for (const [n, text] of parts) if (shown(text)) report(n, text, 'attribute');
        }
      }
      // Other attributes (class, href, data-*, ids) are not shown as words.
      if (!SHOWN_ATTRIBUTES.has(name)) return;
    }
    if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      const parts: Array<[ts.Node, string]> = [];
      literals(node.expression, parts);
      for (const [n, text] of parts) if (shown(text)) report(n, text, 'jsx-expression');
    }
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const text = ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ') : node.text;
      if (PROSE.test(text) && shown(text) && !(ts.isPropertyAssignment(node.parent) && node.parent.name === node))
        report(node, text, 'prose');
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found.sort((a, b) => a.line - b.line);
}

/** The .tsx files of the interface: components/ and entrypoints/. */
export function interfaceFiles(root: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? (e.name === 'public' ? [] : walk(join(dir, e.name))) : e.name.endsWith('.tsx') ? [join(dir, e.name)] : [],
    );
  return ['components', 'entrypoints'].flatMap((d) => walk(join(root, d))).sort();
}

/** Every leftover interface string under root, as "file:line: text (rule)". */
export function leftoversIn(root: string): string[] {
  return interfaceFiles(root).flatMap((file) =>
    leftoverStrings(relative(root, file), readFileSync(file, 'utf8')).map(
      (l) => `${l.file}:${l.line}: ${JSON.stringify(l.text)} (${l.rule})`,
    ),
  );
}

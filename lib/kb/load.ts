import { isMap, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { ORIGINS } from '../match/translit';
import type { AliasRule } from '../match/types';
import { ENTITY_KINDS, RULES, type Alias, type CitedText, type Entity, type EntityKind } from './types';

/** An error in the knowledge base, located at file:line. */
export class KbError extends Error {
  constructor(where: string, line: number, message: string) {
    super(`Backstory: ${where}:${line}: ${message}`);
    this.name = 'KbError';
  }
}

/** Parses the hand-written entity file (YAML), checking its shape; errors carry file:line. */
export function parseEntities(source: string, where: string): Entity[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const lineOf = (node: Node | null | undefined): number => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new KbError(where, lineCounter.linePos(e.pos[0]).line, `YAML syntax: ${e.message.split('\n')[0]}`);
  }
  const root = doc.contents as Node | null;
  const list = isMap(root) ? (root.get('entities', true) as Node | undefined) : undefined;
  if (!isSeq(list)) throw new KbError(where, lineOf(root), 'expected a top-level "entities:" list.');
  const seen = new Map<string, number>();
  return list.items.map((item) => {
    const node = item as Node;
    if (!isMap(node)) throw new KbError(where, lineOf(node), 'each entity must be a mapping with id, name and kind.');
    const line = lineOf(node);
    const entity = parseEntityNode(
      node,
      (message, at = node) => {
        throw new KbError(where, lineOf(at) || line, message);
      },
      lineOf,
    );
    if (seen.has(entity.id)) throw new KbError(where, line, `id "${entity.id}" is already used at line ${seen.get(entity.id)}.`);
    seen.set(entity.id, line);
    return { ...entity, line };
  });
}

/** Reports a problem at a node of the entity (file:line for the YAML file, a form field for the user's own entities). */
export type EntityFail = (message: string, at?: Node | null) => never;

/**
 * Checks the shape of one entity mapping and reads it: id, name, kind, cited description, background, naming,
 * aliases with their rules. Shared by the bundled entity file and the user's own entities (lib/kb/user-entities.ts).
 */
export function parseEntityNode(node: YAMLMap, fail: EntityFail, lineOf: (node: Node | null | undefined) => number = () => 0): Entity {
  const str = (key: string, required: boolean): string | undefined => {
    const value = node.get(key);
    if (value === undefined || value === null) {
      if (required) fail(`entity is missing "${key}".`, (node.get(key, true) as Node | undefined) ?? node);
      return undefined;
    }
    if (typeof value !== 'string' || value.trim() === '') fail(`"${key}" must be a non-empty string.`, node.get(key, true) as Node);
    return value as string;
  };
  const id = str('id', true)!;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) fail(`id "${id}" must be lowercase words joined by hyphens.`, node.get('id', true) as Node);
  const name = str('name', true)!;
  const kind = str('kind', true)! as EntityKind;
  if (!ENTITY_KINDS.includes(kind)) fail(`${id}: kind "${kind}" is not one of ${ENTITY_KINDS.join(', ')}.`, node.get('kind', true) as Node);
  const cited = (value: Node | undefined, label: string): CitedText => {
    if (!isMap(value)) return fail(`${id}: ${label} must have "text" and "cites".`, value ?? node);
    const text = (value as YAMLMap).get('text');
    if (typeof text !== 'string' || text.trim() === '') fail(`${id}: ${label} has no text.`, value);
    const citesNode = (value as YAMLMap).get('cites', true) as Node | undefined;
    const cites = isSeq(citesNode) ? citesNode.items.map((c) => String((c as { value?: unknown }).value ?? c)) : [];
    if (cites.length === 0) fail(`${id}: ${label} has no citation; add "cites: [passage-id]" naming the passage that supports it.`, value);
    return { text: (text as string).trim(), cites, line: lineOf(citesNode) };
  };
  const citedList = (key: string): CitedText[] => {
    const value = node.get(key, true) as Node | undefined;
    if (value === undefined) return [];
    if (!isSeq(value)) return fail(`${id}: "${key}" must be a list.`, value);
    return value.items.map((v, i) => cited(v as Node, `${key}[${i}]`));
  };
  const description = cited(node.get('description', true) as Node | undefined, 'description');
  const background = citedList('background');
  if (background.length > 4)
    fail(`${id}: at most 4 background sentences (has ${background.length}).`, node.get('background', true) as Node);
  const aliasesNode = node.get('aliases', true) as Node | undefined;
  const aliases: Alias[] = [];
  if (aliasesNode !== undefined) {
    if (!isSeq(aliasesNode)) fail(`${id}: "aliases" must be a list.`, aliasesNode);
    for (const a of (aliasesNode as { items: unknown[] }).items) {
      const an = a as Node;
      if (isMap(an)) {
        const text = an.get('text');
        if (typeof text !== 'string' || !text.trim()) fail(`${id}: alias has no text.`, an);
        const ruleValue = an.get('rule', true) as Node | undefined;
        const rules = (
          isSeq(ruleValue)
            ? ruleValue.items.map((r) => String((r as { value: unknown }).value))
            : ruleValue
              ? [String((ruleValue as { value: unknown }).value)]
              : []
        ) as AliasRule[];
        for (const r of rules)
          if (!RULES.includes(r)) fail(`${id}: alias "${String(text)}": unknown rule "${r}"; use one of ${RULES.join(', ')}.`, an);
        const lang = an.get('lang');
        const origin = an.get('origin');
        if (origin !== undefined && !(ORIGINS as readonly unknown[]).includes(origin))
          fail(`${id}: alias "${String(text)}": unknown origin "${String(origin)}"; use one of ${ORIGINS.join(', ')}.`, an);
        aliases.push({
          text: String(text).trim(),
          rules,
          ...(typeof lang === 'string' ? { lang } : {}),
          ...(typeof origin === 'string' ? { origin } : {}),
        });
      } else {
        const text = (an as { value?: unknown }).value;
        if (typeof text !== 'string' || !text.trim()) fail(`${id}: alias must be a string or {text, lang, rule}.`, an);
        aliases.push({ text: String(text).trim(), rules: [] });
      }
    }
  }
  const dateNode = node.get('date', true) as Node | undefined;
  const date = dateNode === undefined ? undefined : cited(dateNode, 'date');
  if (date && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date.text))
    fail(`${id}: date "${date.text}" must be YYYY, YYYY-MM or YYYY-MM-DD.`, dateNode);
  if (date && kind !== 'document' && kind !== 'agreement')
    fail(`${id}: only a document or an agreement has a date (this is a ${kind}).`, dateNode);
  const relatedNode = node.get('related', true) as Node | undefined;
  const related = isSeq(relatedNode) ? relatedNode.items.map((r) => String((r as { value: unknown }).value)) : [];
  const highlight = node.get('highlight');
  return {
    id,
    name,
    kind,
    description,
    aliases,
    background,
    naming: citedList('naming'),
    ...(date ? { date } : {}),
    related,
    highlight: highlight === undefined ? kind !== 'country' : Boolean(highlight),
    line: lineOf(node),
  };
}

import { Document, isMap, isSeq, type Node } from 'yaml';
import type { UserEntity } from '../library/types';
import { foldPattern } from '../match/fold';
import type { MatcherTables } from '../match/types';
import { compileMatcher, entityPatterns } from './compile';
import { parseEntityNode } from './load';
import { RULES, type CitedText, type Entity } from './types';
import { UserEntityError } from './user-entity-error';
import type { MessageKey } from '../i18n';
import type { ErrorParams } from '../i18n/errors';
import type { KbEntity } from './types-kb';
import { missingCitation } from './validate';

/** What a user entity is checked against: every entity known (bundled and the user's own), and the passages. */
export interface UserEntityContext {
  entities: Array<Omit<KbEntity, 'mentions' | 'docs' | 'statementsBy' | 'statementsAbout'>>;
  passageExists(id: string): boolean;
}

/** User entity ids start with this, so they can never take a bundled entity's id. */
export const USER_ID_PREFIX = 'u-';

/** Fields a user entity may carry (those of seeds/entities.yaml). */
const FIELDS = new Set(['id', 'name', 'kind', 'description', 'aliases', 'background', 'naming', 'related', 'highlight']);

/** A fresh id for a new entity: the prefix, the name's Latin letters, and a number when that is taken. */
export function newEntityId(name: string, taken: (id: string) => boolean): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const base = `${USER_ID_PREFIX}${slug || 'entity'}`;
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

/** Every node of a YAML tree with its path ("aliases[2]", "description.cites"). */
function nodePaths(node: Node, path: string, out: Map<Node, string>): Map<Node, string> {
  out.set(node, path || 'entity');
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
      if (pair.value) nodePaths(pair.value as Node, path ? `${path}.${key}` : key, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => nodePaths(item as Node, `${path}[${i}]`, out));
  }
  return out;
}

/**
 * The message key of a schema error the entity form can cause (an empty field, a missing citation, too many background
 * sentences); the others (wrong types, unknown kinds, rules or origins) the form's own controls rule out, and they are
 * shown as the parser words them.
 */
function schemaErrorCode(message: string): { code: MessageKey; params: ErrorParams } {
  if (/is missing "|must be a non-empty string|has no text\.$/.test(message)) return { code: 'errorEntityMissing', params: {} };
  if (/has no citation/.test(message)) return { code: 'errorEntityNoCitation', params: {} };
  const background = /at most (\d+) background sentences \(has (\d+)\)/.exec(message);
  if (background) return { code: 'errorEntityTooMuchBackground', params: { max: background[1]!, count: background[2]! } };
  return { code: 'errorEntityInvalid', params: {} };
}

const stripLine = ({ line: _line, ...cited }: CitedText): CitedText => cited;

/**
 * Checks a user entity as the build checks seeds/entities.yaml (the same parsing, citation and collision code):
 * the schema's fields and kinds, a description citing a passage that exists, known related ids, and no alias
 * that folds like another entity's unless both carry a rule. Returns the entity to store, with an id when it had
 * none; throws a UserEntityError naming the field.
 */
export function validateUserEntity(value: unknown, ctx: UserEntityContext): UserEntity {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new UserEntityError('entity', 'expected an entity object.');
  const input = { ...(value as Record<string, unknown>) };
  for (const key of Object.keys(input)) if (!FIELDS.has(key)) throw new UserEntityError(key, `unknown field "${key}".`);
  const known = new Map(ctx.entities.map((e) => [e.id, e]));
  if (input.id === undefined || input.id === '') {
    input.id = newEntityId(typeof input.name === 'string' ? input.name : '', (id) => known.has(id));
  } else if (typeof input.id !== 'string' || !input.id.startsWith(USER_ID_PREFIX)) {
    throw new UserEntityError(
      'id',
      `your entities' ids start with "${USER_ID_PREFIX}"; "${String(input.id)}" would replace another entity.`,
    );
  }
  const node = new Document(input).contents as Node;
  const paths = nodePaths(node, '', new Map());
  const id = input.id as string;
  const entity = parseEntityNode(node as Parameters<typeof parseEntityNode>[0], (message, at) => {
    // A missing field has no node of its own: the error belongs beside the field the form lacks.
    const field = /^entity is missing "(\w+)"/.exec(message)?.[1] ?? paths.get(at ?? node) ?? 'entity';
    const { code, params } = schemaErrorCode(message);
    throw new UserEntityError(field, message.replace(`${id}: `, ''), code, params);
  });

  const missing = missingCitation(entity, (p) => ctx.passageExists(p));
  if (missing) {
    const field = missing.item === entity.description ? 'description' : entity.background.includes(missing.item) ? 'background' : 'naming';
    throw new UserEntityError(
      field,
      `cites passage "${missing.cite}", which is in no document of the bundled corpus or your library.`,
      'errorEntityCitation',
      { passage: missing.cite },
    );
  }
  for (const [i, related] of entity.related.entries()) {
    if (!known.has(related) || related === id) throw new UserEntityError(`related[${i}]`, `no other entity has the id "${related}".`);
  }

  // Collisions are checked against every other entity; the stored version of this one (when editing) is replaced.
  const others: Entity[] = ctx.entities.filter((e) => e.id !== id).map((e) => ({ ...e, line: 0 }));
  const { collisions } = entityPatterns([...others, entity], 'your entities');
  const mine = collisions.find((c) => c.entity === entity || c.other === entity);
  if (mine) {
    const other = mine.entity === entity ? mine.other : mine.entity;
    const index = entity.aliases.findIndex((a) => foldPattern(a.text) === mine.folded);
    const alias = index >= 0 ? entity.aliases[index]! : null;
    const fix =
      alias && alias.rules.length === 0
        ? `give it a rule (${RULES.join(', ')}), or remove it.`
        : `${other.name}'s alias has no rule, so the two cannot be told apart; remove it.`;
    throw new UserEntityError(
      index >= 0 ? `aliases[${index}]` : 'name',
      `"${alias?.text ?? entity.name}" is also a name of ${other.name} (${other.id}); ${fix}`,
      alias && alias.rules.length === 0 ? 'errorEntityAliasTaken' : 'errorEntityAliasClash',
      { alias: alias?.text ?? entity.name, other: other.name },
    );
  }
  const { line: _line, ...stored } = entity;
  return {
    ...stored,
    description: stripLine(stored.description),
    background: stored.background.map(stripLine),
    naming: stored.naming.map(stripLine),
  };
}

/**
 * The user's entities as a second, small set of matcher tables (the same folding, rules and automaton as the
 * bundled ones); null when there are none, so pages pay nothing.
 */
export function compileUserMatcher(entities: UserEntity[]): MatcherTables | null {
  if (entities.length === 0) return null;
  return compileMatcher(
    entities.map((e) => ({ ...e, line: 0 })),
    'your entities',
  );
}

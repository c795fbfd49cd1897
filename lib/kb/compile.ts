import { Automaton } from '../match/automaton';
import { foldPattern } from '../match/fold';
import { patternHead } from '../match/grammar';
import { buildPrefilterSource } from '../match/prefilter';
import { inflectedForms } from '../match/stem';
import { armenianFromCyrillic, cyrillicFromArmenian, spellingsOf, type Origin } from '../match/translit';
import { MATCHER_TABLES_VERSION, type MatcherPattern, type MatcherTables } from '../match/types';
import { KbError } from './load';
import type { Entity } from './types';

/** A pattern's identity: its stems and where suffixes may follow them. */
const patternKey = (p: Pick<MatcherPattern, 'folded' | 'slots'>) =>
  p.slots?.length ? `${p.folded}\u0000${JSON.stringify(p.slots)}` : p.folded;

/** An alias of `entity` that folds to the same text as one of `other`'s, without a rule on both. */
export interface AliasCollision {
  entity: Entity;
  other: Entity;
  folded: string;
}

/**
 * The patterns of every entity's name and aliases: each alias as stems with the suffix grammar of its
 * language (stem.ts), plus the spellings derived by rule from a name's origin (translit.ts); an explicit
 * alias with rules overrides the same form given as the name. Also every collision between two
 * entities' aliases where one of them carries no rule.
 */
export function entityPatterns(entities: Entity[], where: string): { patterns: MatcherPattern[]; collisions: AliasCollision[] } {
  const patterns: MatcherPattern[] = [];
  const owners = new Map<string, Array<{ entity: Entity; ruled: boolean }>>();
  entities.forEach((entity, entityIndex) => {
    const byKey = new Map<string, MatcherPattern>();
    const addForm = (text: string, rules: MatcherPattern['rules'], lang: string | undefined) => {
      if (!foldPattern(text)) throw new KbError(where, entity.line, `${entity.id}: alias "${text}" is empty once folded.`);
      // Acronyms match as written; they take no endings.
      const forms = rules.includes('caseSensitive') ? [{ folded: foldPattern(text), slots: [] }] : inflectedForms(text, lang);
      for (const form of forms) {
        const pattern: MatcherPattern = { entity: entityIndex, alias: text, folded: form.folded, rules };
        if (form.slots.length) pattern.slots = form.slots;
        // An explicit alias with rules overrides the same form given as the name.
        const existing = byKey.get(patternKey(pattern));
        if (existing) {
          if (rules.length > 0 && existing.rules.length === 0) existing.rules = rules;
          continue;
        }
        byKey.set(patternKey(pattern), pattern);
      }
    };
    const scripts = otherScripts(entity);
    const surname = surnameOf(entity);
    // A person's full name in any spelling or script gives its surname, with the rules of the entity's own surname alias.
    const addName = (text: string, rules: MatcherPattern['rules'], lang: string | undefined) => {
      addForm(text, rules, lang);
      const words = text.trim().split(/\s+/);
      if (surname && rules.length === 0 && words.length > 1) addForm(words[words.length - 1]!, surname.rules, lang);
    };
    const add = (alias: { text: string; rules: MatcherPattern['rules']; lang?: string; origin?: string }) => {
      addName(alias.text, alias.rules, alias.lang);
      if (alias.origin) for (const s of spellingsOf(alias.text, alias.origin as Origin)) addName(s.text, alias.rules, s.lang);
      for (const s of scripts(alias)) addName(s.text, alias.rules, s.lang);
    };
    for (const alias of entity.aliases) if (alias.rules.length > 0) add(alias);
    add({ text: entity.name, rules: [] });
    for (const alias of entity.aliases) if (alias.rules.length === 0) add(alias);
    for (const pattern of byKey.values()) {
      patterns.push(pattern);
      const list = owners.get(patternKey(pattern)) ?? [];
      list.push({ entity, ruled: pattern.rules.length > 0 });
      owners.set(patternKey(pattern), list);
    }
  });
  const collisions: AliasCollision[] = [];
  for (const [key, list] of owners) {
    if (list.length < 2) continue;
    const unruled = list.find((o) => !o.ruled);
    if (unruled)
      collisions.push({ entity: unruled.entity, other: list.find((o) => o !== unruled)!.entity, folded: key.split('\u0000')[0]! });
  }
  return { patterns, collisions };
}

/** A person's own surname alias (the last word of the name, listed as an alias), whose rules its other spellings share. */
function surnameOf(entity: Entity): Entity['aliases'][number] | undefined {
  if (entity.kind !== 'person') return undefined;
  const last = entity.name.trim().split(/\s+/).pop()!;
  return entity.aliases.find((a) => a.text === last && !a.rules.includes('exclude'));
}

const ARMENIAN = /[\u0531-\u058f]/;
const CYRILLIC = /[\u0400-\u04ff]/;

/**
 * The script forms a name takes in the other press, by rule (translit.ts): a Cyrillic name of a person
 * the knowledge base gives no Armenian-script form gets one (Armenian writes Russian and foreign names
 * from their Russian form), and an Armenian-script name of a person or place gets the Cyrillic form the
 * Russian-language press of Armenia writes ("Նախիջևան" → "Нахиджеван"). Descriptions' heads and anchors are words, not names: none.
 */
function otherScripts(entity: Entity): (alias: { text: string; rules: MatcherPattern['rules'] }) => Array<{ text: string; lang: string }> {
  const named = entity.kind === 'person' || entity.kind === 'place' || entity.kind === 'route';
  const hasArmenian = entity.aliases.some((a) => ARMENIAN.test(a.text) || (a.origin === 'az' && !a.rules.includes('exclude')));
  return (alias) => {
    if (!named || alias.rules.includes('head') || alias.rules.includes('anchor')) return [];
    if (ARMENIAN.test(alias.text)) {
      const cyrillic = cyrillicFromArmenian(alias.text);
      return cyrillic ? [{ text: cyrillic, lang: 'ru' }] : [];
    }
    if (CYRILLIC.test(alias.text) && entity.kind === 'person' && !hasArmenian) {
      const armenian = armenianFromCyrillic(alias.text);
      return armenian ? [{ text: armenian, lang: 'hy' }] : [];
    }
    return [];
  };
}

/** Per entity, the spellings the rules derive beyond its own name and aliases (names only: no heads, anchors or excluded names). */
export function entitySpellings(entities: Array<Omit<Entity, 'line'> & { line?: number }>): string[][] {
  const own = entities.map((e) => new Set([e.name, ...e.aliases.map((a) => a.text)]));
  const out = entities.map((): string[] => []);
  const { patterns } = entityPatterns(
    entities.map((e) => ({ ...e, line: e.line ?? 0 })),
    'spellings',
  );
  for (const p of patterns) {
    if (p.rules.some((r) => r === 'head' || r === 'anchor' || r === 'exclude') || own[p.entity]!.has(p.alias)) continue;
    if (!out[p.entity]!.includes(p.alias)) out[p.entity]!.push(p.alias);
  }
  return out;
}

/**
 * Compiles entity names and aliases into matcher tables. An alias that folds to the same text as
 * another entity's alias is an error unless both carry a rule.
 */
export function compileMatcher(entities: Entity[], where: string): MatcherTables {
  const { patterns, collisions } = entityPatterns(entities, where);
  if (collisions.length > 0) {
    const { entity, other, folded } = collisions[0]!;
    throw new KbError(
      where,
      entity.line,
      `${entity.id}: alias "${folded}" collides with an alias of ${other.id} (line ${other.line}); remove one or give both a matching rule.`,
    );
  }
  return {
    version: MATCHER_TABLES_VERSION,
    entities: entities.map((e) => ({ id: e.id, name: e.name, kind: e.kind, highlight: e.highlight })),
    patterns,
    automaton: Automaton.fromPatterns(patterns.map(patternHead)).toData(),
    prefilter: buildPrefilterSource(patterns, foldPattern),
  };
}

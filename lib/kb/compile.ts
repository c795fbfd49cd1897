import { Automaton } from '../match/automaton';
import { foldPattern } from '../match/fold';
import { buildPrefilterSource } from '../match/prefilter';
import { MATCHER_TABLES_VERSION, type MatcherPattern, type MatcherTables } from '../match/types';
import { KbError } from './load';
import type { Entity } from './types';

/**
 * Compiles entity names and aliases into matcher tables. An alias that folds
 * to the same text as another entity's alias is an error unless both carry a rule.
 */
export function compileMatcher(entities: Entity[], where: string): MatcherTables {
  const patterns: MatcherPattern[] = [];
  const owners = new Map<string, Array<{ entity: Entity; ruled: boolean }>>();
  entities.forEach((entity, entityIndex) => {
    const byFolded = new Map<string, MatcherPattern>();
    const add = (text: string, rules: MatcherPattern['rules']) => {
      const folded = foldPattern(text);
      if (!folded) throw new KbError(where, entity.line, `${entity.id}: alias "${text}" is empty once folded.`);
      // An explicit alias with rules overrides the same form given as the name.
      const existing = byFolded.get(folded);
      if (existing) {
        if (rules.length > 0 && existing.rules.length === 0) existing.rules = rules;
        return;
      }
      const pattern: MatcherPattern = { entity: entityIndex, alias: text, folded, rules };
      byFolded.set(folded, pattern);
    };
    for (const alias of entity.aliases) if (alias.rules.length > 0) add(alias.text, alias.rules);
    add(entity.name, []);
    for (const alias of entity.aliases) if (alias.rules.length === 0) add(alias.text, []);
    for (const pattern of byFolded.values()) {
      patterns.push(pattern);
      const list = owners.get(pattern.folded) ?? [];
      list.push({ entity, ruled: pattern.rules.length > 0 });
      owners.set(pattern.folded, list);
    }
  });
  for (const [folded, list] of owners) {
    if (list.length < 2) continue;
    const unruled = list.find((o) => !o.ruled);
    if (unruled) {
      const other = list.find((o) => o !== unruled)!;
      throw new KbError(
        where,
        unruled.entity.line,
        `${unruled.entity.id}: alias "${folded}" collides with an alias of ${other.entity.id} (line ${other.entity.line}); remove one or give both a matching rule.`,
      );
    }
  }
  return {
    version: MATCHER_TABLES_VERSION,
    entities: entities.map((e) => ({ id: e.id, name: e.name, kind: e.kind, highlight: e.highlight })),
    patterns,
    automaton: Automaton.fromPatterns(patterns.map((p) => p.folded)).toData(),
    prefilter: buildPrefilterSource(patterns, foldPattern),
  };
}

import type { CardData } from '../messages';
import type { StatementRef } from '../library/digest';
import type { Statement } from '../statements/types';
import type { KbEntity, KnowledgeBase } from './types-kb';

/** How many statements by, and how many about, an entity its card shows. */
export const CARD_STATEMENTS = 6;

/** The ids of the statements a card shows: newest first (stated date, else publication date), ties in corpus order. */
export function newestStatements(refs: StatementRef[]): string[] {
  return [...refs]
    .sort((a, b) => b[1].localeCompare(a[1]))
    .slice(0, CARD_STATEMENTS)
    .map((r) => r[0]);
}

/** The refs of those of `ids` that `byId` has, for `newestStatements`. */
export function statementRefs(ids: string[], byId: ReadonlyMap<string, Statement>): StatementRef[] {
  return ids.flatMap((id): StatementRef[] => {
    const s = byId.get(id);
    return s ? [[id, s.statedOn ?? s.docDate]] : [];
  });
}

/** The passages a card cites: the entity's description, naming notes and background, and the statements it shows. */
export function cardPassageIds(entity: KbEntity, shown: Statement[]): Set<string> {
  return new Set([
    ...entity.description.cites,
    ...entity.background.flatMap((b) => b.cites),
    ...entity.naming.flatMap((n) => n.cites),
    ...shown.map((s) => s.passage),
  ]);
}

/** Assembles an entity's card: background, statements by and about it (newest first), cited passages. */
export function buildCard(kb: KnowledgeBase, entityId: string): CardData | null {
  const entity = kb.entities.find((e) => e.id === entityId);
  if (!entity) return null;
  const byId = new Map(kb.statements.map((s) => [s.id, s]));
  const newestFirst = (ids: string[]) => newestStatements(statementRefs(ids, byId)).map((id) => byId.get(id)!);
  const statementsBy = newestFirst(entity.statementsBy);
  const statementsAbout = newestFirst(entity.statementsAbout);
  const wanted = cardPassageIds(entity, [...statementsBy, ...statementsAbout]);
  const passages: CardData['passages'] = {};
  for (const doc of kb.docs) {
    for (const p of doc.passages) if (wanted.has(p.id)) passages[p.id] = { ...p, source: doc.provenance };
  }
  return { entity, statementsBy, statementsAbout, passages, docCount: entity.docs.length, totalDocs: kb.docs.length };
}

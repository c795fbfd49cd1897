import type { CardData } from '../messages';
import type { KnowledgeBase } from './types-kb';

/** Assembles an entity's card: background, statements by and about it (newest first), cited passages. */
export function buildCard(kb: KnowledgeBase, entityId: string): CardData | null {
  const entity = kb.entities.find((e) => e.id === entityId);
  if (!entity) return null;
  const byId = new Map(kb.statements.map((s) => [s.id, s]));
  const newestFirst = (ids: string[]) =>
    ids
      .map((id) => byId.get(id)!)
      .filter(Boolean)
      .sort((a, b) => (b.statedOn ?? b.docDate).localeCompare(a.statedOn ?? a.docDate));
  const statementsBy = newestFirst(entity.statementsBy);
  const statementsAbout = newestFirst(entity.statementsAbout);
  const wanted = new Set([
    ...entity.description.cites,
    ...entity.background.flatMap((b) => b.cites),
    ...entity.naming.flatMap((n) => n.cites),
    ...statementsBy.map((s) => s.passage),
    ...statementsAbout.map((s) => s.passage),
  ]);
  const passages: CardData['passages'] = {};
  for (const doc of kb.docs) {
    for (const p of doc.passages) if (wanted.has(p.id)) passages[p.id] = { ...p, source: doc.provenance };
  }
  return { entity, statementsBy, statementsAbout, passages, docCount: entity.docs.length, totalDocs: kb.docs.length };
}

import { KbError } from './load';
import { roleProblem } from './roles';
import type { CitedText, Entity } from './types';

/** The first citation of an entity (description, background, naming, date) that names no known passage, or null. */
export function missingCitation(entity: Entity, exists: (passage: string) => boolean): { item: CitedText; cite: string } | null {
  for (const item of [entity.description, ...entity.background, ...entity.naming, ...(entity.date ? [entity.date] : [])]) {
    for (const cite of item.cites) if (!exists(cite)) return { item, cite };
  }
  return null;
}

/** Checks that every citation names a real passage, every related id a real entity, and every person's description is a role. */
export function validateReferences(entities: Entity[], passageIds: Set<string>, where: string): void {
  const ids = new Set(entities.map((e) => e.id));
  for (const entity of entities) {
    if (entity.background.length === 0) {
      throw new KbError(where, entity.line, `${entity.id}: no background sentence; add 1–4, each with "cites".`);
    }
    const role = entity.kind === 'person' ? roleProblem(entity.description.text) : null;
    if (role) {
      throw new KbError(
        where,
        entity.description.line ?? entity.line,
        `${entity.id}: description "${entity.description.text}" is a person's role, but ${role}.`,
      );
    }
    const missing = missingCitation(entity, (id) => passageIds.has(id));
    if (missing) {
      throw new KbError(
        where,
        missing.item.line ?? entity.line,
        `${entity.id}: cites passage "${missing.cite}", which does not exist; run "npm run --silent cli -- passages" to list passage ids.`,
      );
    }
    for (const related of entity.related) {
      if (!ids.has(related)) throw new KbError(where, entity.line, `${entity.id}: related entity "${related}" does not exist.`);
    }
  }
}

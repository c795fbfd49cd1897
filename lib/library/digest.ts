import type { Provenance } from '../corpus/types';
import { speakerKey } from '../search/query';
import type { Speaker } from '../statements/types';
import { aboutIn } from './state';
import { corpusProvenance, type DocumentBundle } from './types';

/** A statement as a card orders it: its id and the date it carries (the stated date, else the publication date). */
export type StatementRef = [id: string, date: string];

/**
 * What cards and the popup's corpus info need of one library document, a few hundred bytes instead of its whole
 * text: provenance, speakers and dates of its statements, how many passages mention each entity, and which
 * statements are by or about each entity. Stored next to the document, in the same transaction.
 */
export interface DocDigest {
  id: string;
  addedAt: string;
  provenance: Provenance;
  /** Each speaker once (by speaker key): where it first speaks, as it last appears. */
  speakers: Speaker[];
  /** Every date the document's statements carry, once each. */
  dates: string[];
  /** Entity id → how many passages mention it. */
  mentions: Record<string, number>;
  by: Record<string, StatementRef[]>;
  about: Record<string, StatementRef[]>;
}

/** The digest of one stored document (mentions of bundled entities; the user's entities are matched separately). */
export function digestOf(b: DocumentBundle): DocDigest {
  const mentions: Record<string, number> = {};
  const byPassage = new Map(b.mentions.map((m) => [m.passage, m.mentions]));
  for (const m of b.mentions) for (const id of new Set(m.mentions.map((x) => x.entity))) mentions[id] = (mentions[id] ?? 0) + 1;
  const by: Record<string, StatementRef[]> = {};
  const about: Record<string, StatementRef[]> = {};
  const speakers = new Map<string, Speaker>();
  const dates = new Set<string>();
  for (const s of b.statements) {
    const date = s.statedOn ?? s.docDate;
    dates.add(date);
    // First position, last value: what a map over every statement keeps.
    speakers.set(speakerKey(s.speaker), s.speaker);
    if (s.speaker.id) (by[s.speaker.id] ??= []).push([s.id, date]);
    for (const id of aboutIn(byPassage.get(s.passage), s)) (about[id] ??= []).push([s.id, date]);
  }
  return {
    id: b.doc.id,
    addedAt: b.doc.addedAt,
    provenance: corpusProvenance(b.doc),
    speakers: [...speakers.values()],
    dates: [...dates],
    mentions,
    by,
    about,
  };
}

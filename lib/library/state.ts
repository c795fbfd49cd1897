import type { CorpusDoc } from '../corpus/types';
import { compileMatcher } from '../kb/compile';
import type { KbEntity, KnowledgeBase } from '../kb/types-kb';
import { Matcher } from '../match/matcher';
import type { Mention } from '../match/types';
import { matchPassages } from '../pipeline/process';
import type { Statement } from '../statements/types';
import { corpusProvenance, type DocumentBundle, type UserEntity } from './types';

/** A library document as the shared corpus code sees it. */
export function toCorpusDoc(bundle: DocumentBundle): CorpusDoc {
  return { id: bundle.doc.id, provenance: corpusProvenance(bundle.doc), passages: bundle.passages, notes: bundle.doc.notes };
}

/** A user entity with the fields the build computes for bundled ones (filled in by `mergeKnowledgeBase`). */
export function userKbEntity(e: UserEntity): KbEntity {
  return { ...e, mentions: [], docs: [], statementsBy: [], statementsAbout: [] };
}

/**
 * The bundled knowledge base with the library added: library documents and statements, and every entity's
 * mentions, documents and statements extended with what the library says (so cards count and list them).
 * The bundled objects are not changed.
 */
export function mergeKnowledgeBase(bundled: KnowledgeBase, bundles: Iterable<DocumentBundle>, userEntities: UserEntity[]): KnowledgeBase {
  const extra = new Map<string, { mentions: string[]; docs: Set<string>; by: string[]; about: string[] }>();
  const of = (id: string) => {
    let e = extra.get(id);
    if (!e) extra.set(id, (e = { mentions: [], docs: new Set(), by: [], about: [] }));
    return e;
  };
  const docs: CorpusDoc[] = [];
  const statements: Statement[] = [];
  const all = [...bundles];
  const userMentions = userEntityMentions(userEntities, [...bundled.docs, ...all.map(toCorpusDoc)]);
  const byPassageAll = new Map<string, Mention[]>(userMentions);
  for (const b of all) for (const m of b.mentions) byPassageAll.set(m.passage, [...m.mentions, ...(userMentions.get(m.passage) ?? [])]);
  for (const [passage, ms] of userMentions) {
    for (const id of new Set(ms.map((x) => x.entity))) {
      of(id).mentions.push(passage);
      of(id).docs.add(passage.split('-')[0]!);
    }
  }
  // Bundled statements that mention a user entity count as said about it.
  for (const s of bundled.statements) {
    for (const id of aboutIn(userMentions.get(s.passage), s)) of(id).about.push(s.id);
  }
  for (const b of all) {
    docs.push(toCorpusDoc(b));
    statements.push(...b.statements);
    for (const m of b.mentions) {
      for (const id of new Set(m.mentions.map((x) => x.entity))) {
        of(id).mentions.push(m.passage);
        of(id).docs.add(b.doc.id);
      }
    }
    for (const s of b.statements) {
      if (s.speaker.id) of(s.speaker.id).by.push(s.id);
      for (const id of aboutIn(byPassageAll.get(s.passage), s)) of(id).about.push(s.id);
    }
  }
  const entities = [...bundled.entities, ...userEntities.filter((u) => !bundled.entities.some((e) => e.id === u.id)).map(userKbEntity)].map(
    (e) => {
      const x = extra.get(e.id);
      if (!x) return e;
      return {
        ...e,
        mentions: [...e.mentions, ...x.mentions],
        docs: [...e.docs, ...x.docs],
        statementsBy: [...e.statementsBy, ...x.by],
        statementsAbout: [...e.statementsAbout, ...x.about],
      };
    },
  );
  return { ...bundled, docs: [...bundled.docs, ...docs], statements: [...bundled.statements, ...statements], entities };
}

/** Entities mentioned inside a statement's span, other than its speaker. */
export function aboutIn(mentions: Mention[] | undefined, s: Statement): Set<string> {
  return new Set((mentions ?? []).filter((m) => m.entity !== s.speaker.id && m.start >= s.start && m.end <= s.end).map((m) => m.entity));
}

/**
 * Mentions of the user's entities in every document (bundled and library), with the same matcher and rules as the
 * bundled entities. Entities whose aliases do not compile (the entity form reports why) are left out.
 */
export function userEntityMentions(userEntities: UserEntity[], docs: CorpusDoc[]): Map<string, Mention[]> {
  const out = new Map<string, Mention[]>();
  if (userEntities.length === 0) return out;
  let matcher: Matcher;
  try {
    matcher = new Matcher(
      compileMatcher(
        userEntities.map((e) => ({ ...e, line: 0 })),
        'your entities',
      ),
    );
  } catch {
    return out;
  }
  for (const doc of docs) {
    for (const [passage, ms] of matchPassages(doc, matcher)) if (ms.length) out.set(passage, ms);
  }
  return out;
}

import type { CorpusDoc, Passage } from '../corpus/types';
import type { KbEntity, KnowledgeBase } from '../kb/types-kb';
import type { HitLookup } from '../search/query';
import type { Statement } from '../statements/types';
import { corpusProvenance, type DocumentBundle, type LibraryDocRecord, type UserEntity } from './types';

/** A library document as the shared corpus code sees it. */
export function toCorpusDoc(bundle: DocumentBundle): CorpusDoc {
  return { id: bundle.doc.id, provenance: corpusProvenance(bundle.doc), passages: bundle.passages, notes: bundle.doc.notes };
}

/** A user entity with the fields the build computes for bundled ones (filled in by `mergeKnowledgeBase`). */
function userKbEntity(e: UserEntity): KbEntity {
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
  for (const b of bundles) {
    docs.push(toCorpusDoc(b));
    statements.push(...b.statements);
    const byPassage = new Map(b.mentions.map((m) => [m.passage, m.mentions]));
    for (const m of b.mentions) {
      for (const id of new Set(m.mentions.map((x) => x.entity))) {
        of(id).mentions.push(m.passage);
        of(id).docs.add(b.doc.id);
      }
    }
    for (const s of b.statements) {
      if (s.speaker.id) of(s.speaker.id).by.push(s.id);
      const about = new Set(
        (byPassage.get(s.passage) ?? [])
          .filter((m) => m.entity !== s.speaker.id && m.start >= s.start && m.end <= s.end)
          .map((m) => m.entity),
      );
      for (const id of about) of(id).about.push(s.id);
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

/** Resolves library search hits from the records read for them (and entities: user ones, else bundled). */
export function libraryLookup(
  records: { statements: Map<string, Statement>; passages: Map<string, Passage>; docs: Map<string, LibraryDocRecord> },
  entity: (id: string) => KbEntity | undefined,
): HitLookup {
  const doc = (id: string): CorpusDoc | undefined => {
    const d = records.docs.get(id);
    return d ? { id, provenance: corpusProvenance(d), passages: [], notes: {} } : undefined;
  };
  return {
    entity,
    statement: (id) => records.statements.get(id),
    passage: (id) => {
      const p = records.passages.get(id);
      const d = p && doc(p.doc);
      return p && d ? { p, d } : undefined;
    },
    doc,
  };
}

import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import MiniSearch from 'minisearch';
import { compileMatcher, entitySpellings } from '../kb/compile';
import { parseEntities } from '../kb/load';
import type { CitedText } from '../kb/types';
import { KB_VERSION, type KbEntity, type KnowledgeBase } from '../kb/types-kb';
import { validateReferences } from '../kb/validate';
import { Matcher } from '../match/matcher';
import type { MatcherTables, Mention } from '../match/types';
import { entitySearchDoc, SEARCH_INDEX_VERSION, SEARCH_OPTIONS, type SearchDoc } from '../search/options';
import { processDocument } from '../pipeline/process';
import { statementsAbout } from '../statements/about';
import type { QuotedTerm, Statement } from '../statements/types';
import { readCorpus } from './seeds';

/** Everything the corpus build produces. */
export interface BuildOutput {
  kb: KnowledgeBase;
  matcher: MatcherTables;
  searchIndex: { version: number; index: unknown };
}

/** Builds the knowledge base, matcher tables and search index from a seeds folder. Throws on bad input. */
export function buildAll(seedsDir: string, displayRoot = process.cwd()): BuildOutput {
  const docs = readCorpus(seedsDir, displayRoot);
  const entitiesPath = join(seedsDir, 'entities.yaml');
  const where = relative(displayRoot, entitiesPath) || entitiesPath;
  let source: string;
  try {
    source = readFileSync(entitiesPath, 'utf8');
  } catch {
    throw new Error(`Backstory: ${where}: missing; the knowledge base needs an entity file.`);
  }
  const entities = parseEntities(source, where);
  validateReferences(entities, new Set(docs.flatMap((d) => d.passages.map((p) => p.id))), where);
  const tables = compileMatcher(entities, where);
  const matcher = new Matcher(tables);
  const info = new Map(entities.map((e) => [e.id, { kind: e.kind, name: e.name, ...(e.date ? { date: e.date.text } : {}) }]));

  const statements: Statement[] = [];
  const terms: QuotedTerm[] = [];
  const mentionsByPassage = new Map<string, Mention[]>();
  for (const doc of docs) {
    const processed = processDocument(doc, { matcher, entities: info });
    for (const [id, ms] of processed.mentions) mentionsByPassage.set(id, ms);
    statements.push(...processed.statements);
    terms.push(...processed.terms);
  }

  const about = statementsAbout(
    statements,
    new Map(docs.flatMap((d) => d.passages.map((p) => [p.id, p]))),
    mentionsByPassage,
    (id) => info.get(id)?.kind,
  );
  const stripLine = ({ line: _line, ...cited }: CitedText): CitedText => cited;
  const kbEntities: KbEntity[] = entities.map(({ line: _line, ...withLines }) => {
    const entity = {
      ...withLines,
      description: stripLine(withLines.description),
      background: withLines.background.map(stripLine),
      naming: withLines.naming.map(stripLine),
      ...(withLines.date ? { date: stripLine(withLines.date) } : {}),
    };
    const mentions = [...mentionsByPassage].filter(([, ms]) => ms.some((m) => m.entity === entity.id)).map(([id]) => id);
    return {
      ...entity,
      mentions,
      docs: [...new Set(mentions.map((p) => p.split('-')[0]!))],
      statementsBy: statements.filter((s) => s.speaker.id === entity.id).map((s) => s.id),
      statementsAbout: about.get(entity.id) ?? [],
    };
  });
  const kb: KnowledgeBase = { version: KB_VERSION, docs, entities: kbEntities, statements, terms };
  return { kb, matcher: tables, searchIndex: { version: SEARCH_INDEX_VERSION, index: buildSearchIndex(kb).toJSON() } };
}

/** The records the search index holds. */
export function searchDocs(kb: KnowledgeBase): SearchDoc[] {
  const dateOf = new Map(kb.docs.map((d) => [d.id, d.provenance.date]));
  const out: SearchDoc[] = [];
  // Search finds an entity by every spelling the matcher derives for it too ("Լավրովի", "Нахиджеван", "Mariya Zaxarova").
  const spellings = entitySpellings(kb.entities);
  kb.entities.forEach((e, i) => out.push(entitySearchDoc({ ...e, aliases: [...e.aliases, ...spellings[i]!.map((text) => ({ text }))] })));
  for (const s of kb.statements) {
    out.push({
      id: `statement:${s.id}`,
      type: 'statement',
      title: s.speaker.name,
      text: s.text,
      entities: [
        ...new Set([
          ...(s.speaker.id ? [s.speaker.id] : []),
          ...kb.entities.filter((e) => e.statementsAbout.includes(s.id)).map((e) => e.id),
        ]),
      ],
      doc: s.doc,
      date: s.statedOn ?? s.docDate,
      ...(s.speaker.id ? { speaker: s.speaker.id } : {}),
      kind: s.kind,
    });
  }
  for (const d of kb.docs) {
    for (const p of d.passages) {
      if (p.kind === 'note') continue;
      out.push({
        id: `passage:${p.id}`,
        type: 'passage',
        title: d.provenance.title,
        text: p.text,
        entities: kb.entities.filter((e) => e.mentions.includes(p.id)).map((e) => e.id),
        doc: d.id,
        date: dateOf.get(d.id)!,
      });
    }
  }
  return out;
}

/** Builds the MiniSearch index with the shared options. */
export function buildSearchIndex(kb: KnowledgeBase): MiniSearch<SearchDoc> {
  const index = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  index.addAll(searchDocs(kb));
  return index;
}

import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import type { Passage, Provenance } from '../corpus/types';
import type { KbEntity, KnowledgeBase } from '../kb/types-kb';
import type { SearchHit } from '../messages';
import type { Speaker, Statement } from '../statements/types';
import { foldPattern } from '../match/fold';
import { intersectRange, parseQueryDates, rangeProblem } from './dates';
import { isStopWord } from './language';
import { SEARCH_INDEX_VERSION, SEARCH_OPTIONS, SEARCH_QUERY_OPTIONS, type SearchDoc } from './options';
import { topResults } from './top-results';

/** Narrows a search: record types, speaker, entity, source document, date range, statement kind. */
export interface SearchFilters {
  types?: SearchDoc['type'][];
  speaker?: string;
  entity?: string;
  doc?: string;
  /** Inclusive ISO dates. */
  from?: string;
  to?: string;
  kind?: 'direct' | 'reported';
  /** Which documents: the bundled corpus, the user's library, or both (the default). */
  source?: 'bundled' | 'library' | 'all';
}

/** Loads the serialized index, refusing an index of another format version. */
export function loadSearchIndex(serialized: { version: number; index: unknown }): MiniSearch<SearchDoc> {
  if (serialized.version !== SEARCH_INDEX_VERSION) {
    throw new Error(
      `Backstory: search index is version ${serialized.version}, expected ${SEARCH_INDEX_VERSION}; rebuild with "npm run build".`,
    );
  }
  return MiniSearch.loadJS(serialized.index as never, SEARCH_OPTIONS);
}

type Stored = Pick<SearchDoc, 'type' | 'doc' | 'date' | 'speaker' | 'kind' | 'entities'> & { id: string };

/** The speaker filter's value for a speaker: the entity id, or "~" and the name for an unnamed speaker. */
export const speakerKey = (sp: Speaker) => sp.id ?? `~${sp.name}`;

function passes(r: Stored, f: SearchFilters, speakerOf: (r: Stored) => string | undefined): boolean {
  if (f.types?.length && !f.types.includes(r.type)) return false;
  if (f.speaker) {
    if (r.type !== 'statement' || speakerOf(r) !== f.speaker) return false;
  }
  if (f.entity && !(r.entities ?? []).includes(f.entity)) return false;
  if (f.doc && r.doc !== f.doc) return false;
  if (f.kind && r.kind !== f.kind) return false;
  // A date range applies to everything that has a date; what has none (entities) is left out.
  if (f.from || f.to) {
    if (!r.date || r.type === 'entity') return false;
    if (f.from && r.date < f.from) return false;
    if (f.to && r.date > f.to) return false;
  }
  return true;
}

/** Whether any filter is set. */
export function hasFilters(f: SearchFilters = {}): boolean {
  return Object.entries(f).some(([k, v]) => k !== 'source' && (Array.isArray(v) ? v.length > 0 : !!v));
}

/**
 * Query words without function words (in every supported language), unless nothing else is left:
 * as typed (the index's own term processing folds and stems them, and needs the original letters,
 * e.g. Turkish "ı"), and folded (for matching names against entity aliases).
 */
function queryTerms(text: string): { typed: string[]; folded: string[] } {
  const typed = (SEARCH_OPTIONS.tokenize!(text, '') as string[]).filter(Boolean);
  const words = typed.map((t) => ({ t, f: foldPattern(t).replace(/'s$/, '') })).filter((w) => w.f);
  const content = words.filter((w) => !isStopWord(w.f));
  const kept = content.length ? content : words;
  return { typed: kept.map((w) => w.t), folded: kept.map((w) => w.f) };
}

/** An entity's names as queries are matched against them: folded words of its name and aliases, its surname, its place. */
interface EntityNames {
  id: string;
  names: string[][];
  /** A person's surname (the last word of the name): named alone, it names the person. */
  surname?: string;
  /** "EU Monitoring Mission in Georgia": the name's head words and its place. */
  qualified?: { head: string[]; place: string };
}

const entityNamesCache = new WeakMap<readonly KbEntity[], EntityNames[]>();

/** The folded names of a list of entities, computed once per list (not once per query). */
function entityNames(entities: readonly KbEntity[]): EntityNames[] {
  let out = entityNamesCache.get(entities);
  if (!out) {
    out = entities.map((e) => {
      const names = [e.name, ...e.aliases.map((a) => a.text)].map((n) => foldPattern(n).split(/[\s-]+/));
      const m = /^(.+?)\s+(?:in|of)\s+(\p{Lu}[\p{L}-]+)$/u.exec(e.name);
      return {
        id: e.id,
        names,
        ...(e.kind === 'person' ? { surname: names[0]![names[0]!.length - 1] } : {}),
        ...(m ? { qualified: { head: foldPattern(m[1]!).split(/[\s-]+/), place: foldPattern(m[2]!) } } : {}),
      };
    });
    entityNamesCache.set(entities, out);
  }
  return out;
}

/**
 * Speakers the query names (by any alias, or a surname alone), for ranking their statements first. `speakers`, when
 * given, are the entities that speak at all: an entity that never speaks boosts nothing, so it is skipped early.
 */
function namedSpeakers(entities: readonly KbEntity[], speakers: Set<string> | undefined, terms: string[]): Set<string> {
  const words = new Set(terms);
  const out = new Set<string>();
  for (const e of entityNames(entities)) {
    if (speakers && !speakers.has(e.id)) continue;
    if ((e.surname && words.has(e.surname)) || e.names.some((n) => n.length > 0 && n.every((w) => words.has(w)))) out.add(e.id);
  }
  return out;
}

/** Entities whose name is the query plus a place ("… in Georgia") the query does not name. */
function placeLeftOut(entities: readonly KbEntity[], terms: string[]): Set<string> {
  const words = new Set(terms);
  const out = new Set<string>();
  for (const e of entityNames(entities)) {
    if (!e.qualified) continue;
    if (e.qualified.head.every((w) => words.has(w)) && !words.has(e.qualified.place)) out.add(`entity:${e.id}`);
  }
  return out;
}

// Ranking weights: a statement by a speaker the query names (the rest of the query is its topic), a bare heading or title.
const NAMED_SPEAKER_BOOST = 4;
const HEADING_WEIGHT = 0.35;
const QUALIFIER_WEIGHT = 0.3;

/** What ranking needs besides the index: the entities a query may name, and facts about records the index does not store. */
export interface RankContext {
  /** Entities whose names a query may contain (for boosting their statements and for qualified names). */
  entities: readonly KbEntity[];
  /** The entities that speak in this index's statements, when known (see `namedSpeakers`). */
  speakers?: Set<string>;
  /** A statement record's speaker-filter key (`speakerKey`). */
  speakerOf(record: Stored): string | undefined;
  /** A passage record's kind: headings and titles weigh less than paragraphs. */
  passageKind(id: string, stored: Record<string, unknown> | undefined): string | undefined;
  /** How many passages mention an entity (an entity the corpus says much about ranks higher). */
  mentionCount(recordId: string): number;
}

/** Where hits get their text and citation: the records behind an index's results. */
export interface HitSource {
  entity(id: string): Pick<KbEntity, 'id' | 'name' | 'kind' | 'description'> | undefined;
  statement(id: string): Statement | undefined;
  passage(id: string): Passage | undefined;
  provenance(doc: string): Provenance | undefined;
}

const contexts = new WeakMap<KnowledgeBase, { rank: RankContext; source: HitSource }>();

/** The ranking context and hit source of a whole knowledge base (built once per knowledge base). */
function kbContext(kb: KnowledgeBase): { rank: RankContext; source: HitSource } {
  let c = contexts.get(kb);
  if (!c) {
    const statements = new Map(kb.statements.map((st) => [st.id, st]));
    const passages = new Map(kb.docs.flatMap((d) => d.passages.map((p) => [p.id, p] as const)));
    const docs = new Map(kb.docs.map((d) => [d.id, d.provenance]));
    const entities = new Map(kb.entities.map((e) => [e.id, e]));
    const mentions = new Map(kb.entities.map((e) => [`entity:${e.id}`, e.mentions.length]));
    c = {
      rank: {
        entities: kb.entities,
        speakers: new Set(kb.statements.map((st) => st.speaker.id).filter((id): id is string => !!id)),
        speakerOf: (r) => {
          const st = statements.get(r.id.slice('statement:'.length));
          return st && speakerKey(st.speaker);
        },
        passageKind: (id) => passages.get(id.slice('passage:'.length))?.kind,
        mentionCount: (id) => mentions.get(id) ?? 0,
      },
      source: {
        entity: (id) => entities.get(id),
        statement: (id) => statements.get(id),
        passage: (id) => passages.get(id),
        provenance: (doc) => docs.get(doc),
      },
    };
    contexts.set(kb, c);
  }
  return c;
}

/**
 * Runs a query with prefix and fuzzy matching, then filters. Dates, months
 * and years in the query ("December 2023", "2024") are date filters; function
 * words are dropped; a statement by a speaker the query names ranks first,
 * headings below the passages they head, and entities by how much the corpus
 * says about them. With filters and no query, lists everything that passes
 * them (newest first). Throws on an inverted or invalid date range.
 */
export function search(
  index: MiniSearch<SearchDoc>,
  kb: KnowledgeBase,
  query: string,
  filters: SearchFilters = {},
  limit = 40,
): SearchHit[] {
  const { rank: context, source } = kbContext(kb);
  return toHits(rank(index, context, query, filters, limit), source);
}

/** The best `limit` results of a query (see `search`), before their records are looked up. */
export function rank(index: Searchable, context: RankContext, query: string, filters: SearchFilters = {}, limit = 40): SearchResult[] {
  const problem = rangeProblem(filters.from, filters.to);
  if (problem) throw new Error(problem);
  const dated = parseQueryDates(query);
  const withDates = dated.dateText ? { ...filters, ...intersectRange(filters, dated) } : filters;
  const hits = run(index, context, dated.text, withDates, limit);
  // "1991 Alma-Ata": when the year, read as a date, leaves nothing, it was a word of the query.
  if (hits.length === 0 && dated.dateText && dated.text) return run(index, context, query, filters, limit);
  return hits;
}

/** One index, or the segments of one (searched together, results merged by score). */
type Searchable = MiniSearch<SearchDoc> | ReadonlyArray<MiniSearch<SearchDoc>>;

function searchAll(index: Searchable, query: Parameters<MiniSearch<SearchDoc>['search']>[0], options: SearchOptions): SearchResult[] {
  if (!Array.isArray(index)) return (index as MiniSearch<SearchDoc>).search(query, options);
  return index.flatMap((ix) => ix.search(query, options)).sort((a, b) => b.score - a.score);
}

function run(index: Searchable, context: RankContext, query: string, filters: SearchFilters, limit: number): SearchResult[] {
  const filter = (r: Record<string, unknown>) => passes(r as unknown as Stored, filters, context.speakerOf);
  if (!query.trim()) {
    if (!hasFilters(filters)) return [];
    const results = searchAll(index, MiniSearch.wildcard, { filter }).sort((a, b) =>
      String(b.date ?? '').localeCompare(String(a.date ?? '')),
    );
    return results.slice(0, limit);
  }
  const { typed, folded: terms } = queryTerms(query);
  const speakers = namedSpeakers(context.entities, context.speakers, terms);
  const qualifierLeftOut = placeLeftOut(context.entities, terms);
  const boostDocument = (id: unknown, _term: string, stored?: Record<string, unknown>) => {
    const key = String(id);
    if (stored?.type === 'statement') return stored.speaker && speakers.has(String(stored.speaker)) ? NAMED_SPEAKER_BOOST : 1;
    if (stored?.type === 'passage') return context.passageKind(key, stored) === 'paragraph' ? 1 : HEADING_WEIGHT;
    // An entity the corpus says much about outranks one it names in passing; a place the query leaves out
    // of a name ("EU Monitoring Mission | in Georgia") means the reader did not ask for that place.
    return (1 + Math.log1p(context.mentionCount(key)) / 4) * (qualifierLeftOut.has(key) ? QUALIFIER_WEIGHT : 1);
  };
  return topResults(Array.isArray(index) ? index : [index as MiniSearch<SearchDoc>], typed.join(' '), {
    options: { ...SEARCH_QUERY_OPTIONS, boostDocument },
    filter: hasFilters(filters) ? filter : undefined,
    limit,
  });
}

/** Turns ranked results into hits with their text and citation; a result whose record is gone is left out. */
export function toHits(results: SearchResult[], source: HitSource): SearchHit[] {
  return results.flatMap((r): SearchHit[] => {
    const [type, ref] = String(r.id).split(/:(.*)/s) as [SearchHit['type'], string];
    const base = { id: String(r.id), type, score: r.score, terms: [...new Set([...r.terms, ...(r.queryTerms ?? [])])] };
    if (type === 'entity') {
      const e = source.entity(ref);
      return e ? [{ ...base, title: e.name, text: e.description.text, entity: e.id, kind: e.kind }] : [];
    }
    if (type === 'statement') {
      const s = source.statement(ref);
      const d = s && source.provenance(s.doc);
      if (!s || !d) return [];
      return [
        {
          ...base,
          title: s.speaker.name,
          text: s.text,
          kind: s.kind,
          speaker: speakerRef(s.speaker),
          date: s.statedOn ?? s.docDate,
          citation: citation(s.passage, d),
        },
      ];
    }
    const p = source.passage(ref);
    const d = p && source.provenance(p.doc);
    if (!p || !d) return [];
    return [{ ...base, title: d.publisher, text: p.text, date: d.date, citation: citation(p.id, d) }];
  });
}

function citation(passage: string, d: Provenance): NonNullable<SearchHit['citation']> {
  return {
    passage,
    publisher: d.publisher,
    title: d.title,
    date: d.date,
    url: d.url,
    author: d.author,
    ...(d.library ? { library: true } : {}),
  };
}

/** A speaker as results and exports show it: id (when known), name and role. */
export function speakerRef(sp: Speaker): { id?: string; name: string; role?: string } {
  return { ...(sp.id ? { id: sp.id } : {}), name: sp.name, ...(sp.role ? { role: sp.role } : {}) };
}

// A speaker that is a document ("joint statement", "U.S. National Security Strategy") quotes, it does not speak.
const DOCUMENT_WORDS = /\b(?:statement|declaration|strategy|resolution|treaty|agreement|constitution|report|letter|communiqu[eé])\b/i;

/**
 * The speakers to filter by: people, organisations and countries (their
 * governments) in the knowledge base, and unnamed speakers ("Some Western
 * diplomats", "A.A."), each with the key the speaker filter takes. Places
 * standing for a government ("Baku", "Brussels") and documents are not speakers.
 */
export function speakerChoices(kb: KnowledgeBase): Array<{ id: string; name: string; named: boolean }> {
  return speakerChoicesOf(
    kb.entities,
    kb.statements.map((st) => st.speaker),
  );
}

/** `speakerChoices` from the entities and every statement's speaker, in corpus order. */
function speakerChoicesOf(entities: Array<Pick<KbEntity, 'id' | 'kind'>>, speakers: Iterable<Speaker>) {
  const kinds = new Map(entities.map((e) => [e.id, e.kind]));
  const out = new Map<string, { id: string; name: string; named: boolean }>();
  for (const speaker of speakers) {
    const named = !!speaker.id;
    const ok = named
      ? ['person', 'organisation', 'country'].includes(kinds.get(speaker.id!) ?? '')
      : !DOCUMENT_WORDS.test(speaker.name) && !/^\p{Lu}[\p{Ll}-]+$/u.test(speaker.name);
    if (ok) out.set(speakerKey(speaker), { id: speakerKey(speaker), name: speaker.name, named });
  }
  return [...out.values()].sort((a, b) => Number(b.named) - Number(a.named) || a.name.localeCompare(b.name));
}

/** What the corpus covers, for empty and no-result states. */
export function corpusInfo(kb: KnowledgeBase) {
  return corpusInfoOf({
    docs: kb.docs,
    speakers: kb.statements.map((st) => st.speaker),
    statementDates: kb.statements.map((st) => st.statedOn ?? st.docDate),
    entities: kb.entities.map((e) => ({ id: e.id, name: e.name, kind: e.kind, mentions: e.mentions.length })),
  });
}

/** What `corpusInfo` is made of, for callers that have these without a whole knowledge base (a large library). */
export interface CorpusParts {
  docs: Array<{ id: string; provenance: Provenance }>;
  /** Every statement's speaker, in corpus order. */
  speakers: Iterable<Speaker>;
  statementDates: Iterable<string>;
  /** Every entity with its number of mentioning passages, in knowledge-base order. */
  entities: Array<{ id: string; name: string; kind: KbEntity['kind']; mentions: number }>;
}

/** `corpusInfo` from its parts. */
export function corpusInfoOf(parts: CorpusParts) {
  const dates = parts.docs.map((d) => d.provenance.date).sort();
  return {
    documents: parts.docs.map((d) => ({ id: d.id, publisher: d.provenance.publisher, title: d.provenance.title, date: d.provenance.date })),
    from: dates[0]!,
    to: dates[dates.length - 1]!,
    speakers: speakerChoicesOf(parts.entities, parts.speakers),
    /** Every date something in the corpus carries: documents and dated statements. */
    dates: [...new Set([...dates, ...parts.statementDates])].sort(),
    entities: [...parts.entities].sort((a, b) => b.mentions - a.mentions),
  };
}

import type { Provenance } from '../corpus/types';
import { codeOf, type ErrorCode } from '../i18n/errors';
import { buildCard, cardPassageIds, newestStatements, statementRefs } from '../kb/card';
import type { KbEntity, KnowledgeBase } from '../kb/types-kb';
import type { CardData, CorpusInfo, MessageApi, SearchHit } from '../messages';
import type { Statement } from '../statements/types';
import type { PipelineContext } from '../pipeline/process';
import { corpusInfo, corpusInfoOf, rank, toHits, type HitSource, type RankContext, type SearchFilters } from '../search/query';
import { prepareDocument } from './ingest';
import { makePack, readPack, type CheckedEntry } from './pack';
import { LIBRARY_INDEX_VERSION, LibraryIndex, type IndexSnapshot, type SegmentSnapshot } from './search-index';
import { mergeKnowledgeBase, toCorpusDoc, userKbEntity } from './state';
import { foldPattern } from '../match/fold';
import { isStopWord } from '../search/language';
import { SEARCH_OPTIONS } from '../search/options';
import { quoteCandidates, type QuoteIndex } from '../search/quote-check';
import { LibraryStore } from './store';
import { digestOf, type DocDigest } from './digest';
import { corpusProvenance, type DocumentBundle, type LibraryAddResult, type LibraryInput, type UserEntity } from './types';
import { checkInput, checkProvenance, urlKey } from './validate';

/** What the library needs from its host: the database, the pipeline's matcher, and optional checks. */
export interface LibraryDeps {
  openStore(): Promise<LibraryStore>;
  pipeline(): Promise<PipelineContext>;
  /** Validates a user entity (lib/kb/user-entities.ts); returns the entity to store or throws a `Backstory:` error. */
  validateEntity?(entity: unknown, context: { entities: KbEntity[]; passageExists(id: string): boolean }): UserEntity;
  /** The browser's storage estimate (navigator.storage.estimate). */
  estimate?(): Promise<{ usage?: number; quota?: number }>;
  /** Delay before the search index snapshot is written after a change (ms). */
  snapshotDelay?: number;
}

type Api = MessageApi;
type LibraryMessage = Extract<keyof Api, `library${string}`>;

interface Loaded {
  store: LibraryStore;
  /** Every document in memory, read only when a card, the quote check or an index rebuild needs them. */
  full: Promise<Map<string, DocumentBundle>> | null;
  /** Every document's digest, read when a card or the corpus info first needs them, then kept up to date. */
  digests: Promise<Map<string, DocDigest>> | null;
  count: number;
  entities: Map<string, UserEntity>;
  index: LibraryIndex;
}

const SNAPSHOT_KEY = 'searchIndex';
/** How many library documents a quote is checked against: those that share the most of its words. */
const QUOTE_DOCUMENTS = 24;
/** How many documents' provenance searches keep in memory. */
const PROVENANCE_CACHE = 5000;

/**
 * The user's library in the background: stores documents through the shared pipeline, keeps its own search
 * index next to the bundled one, and merges library content into cards and the quote check.
 */
export class LibraryService {
  private loaded: Promise<Loaded> | null = null;
  private merged: { bundled: KnowledgeBase; kb: KnowledgeBase } | null = null;
  /** The library's ranking context, until the library changes. */
  private ranking: { bundled: KnowledgeBase; context: RankContext } | null = null;
  /** Documents' provenance as hits cite it, read once per document until the library changes (`epoch`). */
  private provenance = new Map<string, Provenance>();
  private epoch = 0;
  private snapshotTimer: ReturnType<typeof setTimeout> | null = null;
  /** Serializes writes, so two imports never race on the duplicate check. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly deps: LibraryDeps) {}

  /**
   * Opens the store and loads what a search needs: the index (from its snapshot when it is current) and the user
   * entities. Documents stay in IndexedDB until a card or the quote check needs them all.
   */
  load(): Promise<Loaded> {
    if (!this.loaded) {
      this.loaded = (async () => {
        const store = await this.deps.openStore();
        const [entities, count, generation, snapshot] = await Promise.all([
          store.listEntities(),
          store.count(),
          store.generation(),
          store.getMeta<IndexSnapshot>(SNAPSHOT_KEY),
        ]);
        const state: Loaded = {
          store,
          full: null,
          digests: null,
          count,
          entities: new Map(entities.map((e) => [e.id, e])),
          index: new LibraryIndex(),
        };
        let fromSnapshot = false;
        if (snapshot?.version === LIBRARY_INDEX_VERSION && snapshot.generation === generation && Array.isArray(snapshot.segments)) {
          try {
            const saved = await Promise.all(snapshot.segments.map((k) => store.getMeta<SegmentSnapshot>(`${SNAPSHOT_KEY}:${k}`)));
            if (saved.every((x) => typeof x?.index === 'string')) {
              state.index = new LibraryIndex(saved as SegmentSnapshot[]);
              fromSnapshot = true;
            }
          } catch {
            // a snapshot of another format: rebuilt below
          }
        }
        if (!fromSnapshot && (count || entities.length)) {
          // The snapshot is missing or stale (the worker stopped before writing it): rebuild from the stored records.
          for (const b of (await this.bundles(state)).values()) state.index.addDocument(b);
          for (const e of entities) state.index.putEntity(e);
          this.scheduleSnapshot(store, state.index);
        }
        return state;
      })();
      this.loaded.catch(() => (this.loaded = null));
    }
    return this.loaded;
  }

  private bundles(state: Loaded): Promise<Map<string, DocumentBundle>> {
    if (!state.full) {
      state.full = state.store.allBundles().then((all) => new Map(all.map((b) => [b.doc.id, b])));
      state.full.catch(() => (state.full = null));
    }
    return state.full;
  }

  private changed(state: Loaded) {
    this.provenance.clear();
    this.epoch++;
    this.merged = null;
    this.ranking = null;
    this.scheduleSnapshot(state.store, state.index);
  }

  private scheduleSnapshot(store: LibraryStore, index: LibraryIndex) {
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = setTimeout(() => void this.saveSnapshot(store, index), this.deps.snapshotDelay ?? 2000);
  }

  /** Writes the index snapshot now (tests and the bench call it; otherwise it runs a moment after the last change). */
  async saveSnapshot(store?: LibraryStore, index?: LibraryIndex): Promise<void> {
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = null;
    const state = store && index ? { store, index } : await this.load();
    const generation = await state.store.generation();
    const { manifest, changed } = state.index.snapshot(generation);
    // Only the segments that changed are written, with the manifest, in one transaction. A full disk only costs the
    // snapshot: the index is rebuilt from the stored documents on the next start.
    await state.store
      .putMeta([...changed.map((c) => ({ key: `${SNAPSHOT_KEY}:${c.key}`, value: c })), { key: SNAPSHOT_KEY, value: manifest }])
      .then(() => state.index.saved(changed))
      .catch(() => {});
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => {});
    return next;
  }

  /** Runs documents through the pipeline and stores each on its own; one failure never stops the others. */
  async add(inputs: LibraryInput[], dryRun = false): Promise<LibraryAddResult[]> {
    const ctx = await this.deps.pipeline();
    const state = await this.load();
    const results: LibraryAddResult[] = [];
    for (const input of inputs) {
      try {
        const bundle = await prepareDocument(input, ctx);
        const same = await state.store.findDuplicate(bundle.doc);
        if (same) {
          results.push({ name: input.name, ok: false, duplicateOf: same.id, ...duplicate(input.name, same) });
          continue;
        }
        if (!dryRun) {
          const stored = await this.serial(() => state.store.putDocument(bundle));
          if (!stored.stored) {
            const other = (await state.store.getRecord(stored.duplicateOf))!;
            results.push({ name: input.name, ok: false, duplicateOf: other.id, ...duplicate(input.name, other) });
            continue;
          }
          if (state.full) (await state.full).set(bundle.doc.id, bundle);
          if (state.digests) (await state.digests).set(bundle.doc.id, digestOf(bundle));
          state.count++;
          state.index.addDocument(bundle);
          this.changed(state);
        }
        results.push({ name: input.name, ok: true, docId: bundle.doc.id, stats: bundle.doc.stats });
      } catch (error) {
        results.push({ name: input.name, ok: false, error: (error as Error).message, ...codeOf(error) });
      }
    }
    return results;
  }

  /** Removes documents everywhere at once: the store (one transaction), the index, cards and the quote check. */
  async remove(ids: string[]): Promise<string[]> {
    const state = await this.load();
    const before = new Map<string, DocumentBundle>();
    for (const id of ids) {
      const b = (state.full && (await state.full).get(id)) ?? (await state.store.getBundle(id));
      if (b) before.set(id, b);
    }
    const removed = await this.serial(() => state.store.removeDocuments(ids));
    for (const id of removed) {
      const b = before.get(id);
      if (b) state.index.removeDocument(b);
      if (state.full) (await state.full).delete(id);
      if (state.digests) (await state.digests).delete(id);
      state.count--;
    }
    if (removed.length) this.changed(state);
    return removed;
  }

  /**
   * Searches the library's own index; hits carry `citation.library`. Only the hits' records are read (from IndexedDB):
   * a search never needs the whole library in memory.
   */
  async search(query: string, filters: SearchFilters, limit: number, bundled: KnowledgeBase): Promise<SearchHit[]> {
    const state = await this.load();
    const results = rank(state.index.indexes, this.rankContext(state, bundled), query, filters, limit);
    if (results.length === 0) return [];
    const epoch = this.epoch;
    const known = new Map<string, Provenance>();
    const { statements, passages, docs } = await state.store.records(
      results.flatMap((r) => (String(r.id).startsWith('statement:') ? [String(r.id).slice('statement:'.length)] : [])),
      results.flatMap((r) => (String(r.id).startsWith('passage:') ? [String(r.id).slice('passage:'.length)] : [])),
      (doc) => {
        const p = this.provenance.get(doc);
        if (p) known.set(doc, p);
        return !!p;
      },
    );
    for (const d of docs.values()) known.set(d.id, corpusProvenance(d));
    // Kept for the next searches unless the library changed while these were read (bounded: cleared when full).
    if (epoch === this.epoch) {
      if (this.provenance.size + docs.size > PROVENANCE_CACHE) this.provenance.clear();
      for (const d of docs.values()) this.provenance.set(d.id, known.get(d.id)!);
    }
    const source: HitSource = {
      entity: (id) => state.entities.get(id),
      statement: (id) => statements.get(id),
      passage: (id) => passages.get(id),
      provenance: (doc) => known.get(doc),
    };
    return toHits(results, source);
  }

  /**
   * Ranking over the library index: the records store what filters and weights need (speaker key, passage kind).
   * User entities rank by their names and text alone: counting their mentions would need every document.
   */
  private rankContext(state: Loaded, bundled: KnowledgeBase): RankContext {
    if (this.ranking?.bundled !== bundled) {
      const entities = [...bundled.entities, ...[...state.entities.values()].map(userKbEntity)];
      this.ranking = {
        bundled,
        context: {
          entities,
          speakerOf: (r) => r.speaker,
          passageKind: (_id, stored) => stored?.kind as string | undefined,
          mentionCount: () => 0,
        },
      };
    }
    return this.ranking.context;
  }

  /**
   * What the quote check compares a text with: the bundled corpus and the library documents that share the most of
   * its words (by the library index), read from IndexedDB. Word weights are then those of this set, not of the whole
   * library: a check never needs every document in memory.
   */
  async quoteIndex(text: string, bundled: KnowledgeBase): Promise<QuoteIndex> {
    const state = await this.load();
    const words = (SEARCH_OPTIONS.tokenize!(text, '') as string[]).filter((w) => w && !isStopWord(foldPattern(w)));
    const ids: string[] = [];
    if (words.length) {
      const found = state.index.indexes.flatMap((ix) => ix.search(words.join(' '), { combineWith: 'OR', prefix: false, fuzzy: false }));
      for (const r of found.sort((a, b) => b.score - a.score)) {
        const doc = r.doc as string | undefined;
        if (doc && !ids.includes(doc)) ids.push(doc);
        if (ids.length === QUOTE_DOCUMENTS) break;
      }
    }
    const full = state.full && (await state.full);
    const bundles = (await Promise.all(ids.map(async (id) => full?.get(id) ?? (await state.store.getBundle(id))))).filter(
      (b): b is DocumentBundle => !!b,
    );
    return quoteCandidates({
      ...bundled,
      docs: [...bundled.docs, ...bundles.map(toCorpusDoc)],
      statements: [...bundled.statements, ...bundles.flatMap((b) => b.statements)],
    });
  }

  private digests(state: Loaded): Promise<Map<string, DocDigest>> {
    if (!state.digests) {
      state.digests = state.store.digests().then((all) => new Map(all.map((d) => [d.id, d])));
      state.digests.catch(() => (state.digests = null));
    }
    return state.digests;
  }

  /**
   * The popup's corpus info over bundled + library, from the documents' digests (never their texts). With user
   * entities it comes from the merged knowledge base: their mentions are found by matching every document.
   */
  async corpusInfo(bundled: KnowledgeBase): Promise<CorpusInfo> {
    const state = await this.load();
    if (state.entities.size) return corpusInfo(await this.knowledgeBase(bundled));
    const digests = [...(await this.digests(state)).values()];
    return corpusInfoOf({
      docs: [...bundled.docs, ...digests],
      speakers: [...bundled.statements.map((st) => st.speaker), ...digests.flatMap((d) => d.speakers)],
      statementDates: [...bundled.statements.map((st) => st.statedOn ?? st.docDate), ...digests.flatMap((d) => d.dates)],
      entities: bundled.entities.map((e) => ({
        id: e.id,
        name: e.name,
        kind: e.kind,
        mentions: digests.reduce((n, d) => n + (d.mentions[e.id] ?? 0), e.mentions.length),
      })),
    });
  }

  /**
   * A bundled entity's card over bundled + library: the newest statements by and about it are picked from the
   * digests and only those are read, with their passages. A user entity's card comes from the merged knowledge base.
   */
  async card(bundled: KnowledgeBase, entityId: string): Promise<CardData | null> {
    const state = await this.load();
    const base = buildCard(bundled, entityId);
    if (!base || state.entities.has(entityId)) return buildCard(await this.knowledgeBase(bundled), entityId);
    const digests = [...(await this.digests(state)).values()];
    const known = new Map(bundled.statements.map((st) => [st.id, st]));
    const entity = bundled.entities.find((e) => e.id === entityId)!;
    const pick = (bundledIds: string[], side: 'by' | 'about') =>
      newestStatements([...statementRefs(bundledIds, known), ...digests.flatMap((d) => d[side][entityId] ?? [])]);
    const by = pick(entity.statementsBy, 'by');
    const about = pick(entity.statementsAbout, 'about');
    const { statements } = await state.store.records(
      [...by, ...about].filter((id) => !known.has(id)),
      [],
      () => true,
    );
    const statement = (id: string) => known.get(id) ?? statements.get(id);
    const present = (ids: string[]) => ids.map(statement).filter((st): st is Statement => !!st);
    const wanted = cardPassageIds(entity, present([...by, ...about]));
    const { passages } = await state.store.records(
      [],
      [...statements.values()].map((st) => st.passage),
      () => true,
    );
    const digestOfDoc = new Map(digests.map((d) => [d.id, d]));
    const cited: CardData['passages'] = {};
    for (const [id, p] of Object.entries(base.passages)) if (wanted.has(id)) cited[id] = p;
    for (const p of passages.values()) {
      const source = digestOfDoc.get(p.doc)?.provenance;
      if (source) cited[p.id] = { ...p, source };
    }
    return {
      ...base,
      statementsBy: present(by),
      statementsAbout: present(about),
      passages: cited,
      docCount: base.docCount + digests.filter((d) => d.mentions[entityId]).length,
      totalDocs: base.totalDocs + digests.length,
    };
  }

  /** The bundled knowledge base with the library merged in (cached until the library changes). */
  async knowledgeBase(bundled: KnowledgeBase): Promise<KnowledgeBase> {
    const state = await this.load();
    if (this.merged?.bundled !== bundled) {
      const all = await this.bundles(state);
      this.merged = { bundled, kb: mergeKnowledgeBase(bundled, all.values(), [...state.entities.values()]) };
    }
    return this.merged.kb;
  }

  /** Whether the library has anything in it (so the bundled-only fast paths can be kept). */
  async isEmpty(): Promise<boolean> {
    const state = await this.load();
    return state.count === 0 && state.entities.size === 0;
  }

  /** Handles one library message; the payload is checked here, the sender by the caller. */
  async handle<K extends LibraryMessage>(type: K, payload: unknown, bundled: () => Promise<KnowledgeBase>): Promise<Api[K]['response']> {
    const p = (payload ?? {}) as Record<string, unknown>;
    const state = await this.load();
    switch (type as LibraryMessage) {
      case 'libraryAdd': {
        if (!Array.isArray(p.documents)) throw new Error('Backstory: libraryAdd: "documents" must be a list.');
        const checked = p.documents.map((d, i) => {
          try {
            return { ok: true as const, input: checkInput(d, `documents[${i}]`) };
          } catch (error) {
            const name = typeof (d as { name?: unknown })?.name === 'string' ? (d as { name: string }).name : `documents[${i}]`;
            return { ok: false as const, name, error: (error as Error).message, ...codeOf(error) };
          }
        });
        return { results: await this.addChecked(checked, p.dryRun === true) } as Api[K]['response'];
      }
      case 'libraryList': {
        const estimate = await this.deps.estimate?.().catch(() => undefined);
        return {
          documents: await state.store.listDocuments(),
          ...(estimate?.usage !== undefined ? { usage: { bytes: estimate.usage, quota: estimate.quota ?? 0 } } : {}),
        } as Api[K]['response'];
      }
      case 'libraryGet': {
        const id = requireString(p.id, 'libraryGet', 'id').split('-')[0]!;
        const b = await state.store.getBundle(id);
        if (!b) return null as Api[K]['response'];
        const { text: _t, notes: _n, textHash: _h, urlKey: _u, ...summary } = b.doc;
        return {
          summary,
          doc: { id, provenance: corpusProvenance(b.doc), passages: b.passages, notes: b.doc.notes },
          statements: b.statements,
        } as Api[K]['response'];
      }
      case 'libraryUpdateProvenance': {
        const id = requireString(p.id, 'libraryUpdateProvenance', 'id');
        let provenance;
        try {
          provenance = checkProvenance(p.provenance, id);
        } catch (error) {
          return { ok: false, error: (error as Error).message, ...codeOf(error) } as Api[K]['response'];
        }
        const ok = await this.serial(() => state.store.updateProvenance(id, provenance, urlKey));
        if (!ok) return { ok: false, error: `Backstory: no library document "${id}".` } as Api[K]['response'];
        const b = await state.store.getBundle(id);
        if (b) {
          state.index.removeDocument(b);
          state.index.addDocument(b);
          if (state.full) (await state.full).set(id, b);
          if (state.digests) (await state.digests).set(id, digestOf(b));
        }
        this.changed(state);
        return { ok: true } as Api[K]['response'];
      }
      case 'libraryRemove': {
        if (!Array.isArray(p.ids) || !p.ids.every((x) => typeof x === 'string'))
          throw new Error('Backstory: libraryRemove: "ids" must be a list of document ids.');
        return { removed: await this.remove(p.ids as string[]) } as Api[K]['response'];
      }
      case 'libraryExport':
        return makePack(await state.store.allRecords()) as Api[K]['response'];
      case 'libraryImportPack': {
        const name = typeof p.name === 'string' && p.name ? p.name : 'pack';
        const entries = readPack(p.pack, name).map((e) => (e.ok ? { ok: true as const, input: e.input } : e));
        return { results: await this.addChecked(entries, false) } as Api[K]['response'];
      }
      case 'libraryEntities':
        return [...state.entities.values()] as Api[K]['response'];
      case 'librarySaveEntity': {
        let entity: UserEntity;
        try {
          const base = await bundled();
          entity = this.checkEntity(p.entity, base, await this.knowledgeBase(base));
        } catch (error) {
          return { ok: false, error: (error as Error).message, ...codeOf(error) } as Api[K]['response'];
        }
        await this.serial(() => state.store.putEntity(entity));
        state.entities.set(entity.id, entity);
        state.index.putEntity(entity);
        this.changed(state);
        return { ok: true, id: entity.id } as Api[K]['response'];
      }
      case 'libraryRemoveEntity': {
        const id = requireString(p.id, 'libraryRemoveEntity', 'id');
        const ok = await this.serial(() => state.store.removeEntity(id));
        state.entities.delete(id);
        state.index.removeEntity(id);
        this.changed(state);
        return { ok } as Api[K]['response'];
      }
      default:
        throw new Error(`Backstory: unknown library message "${String(type)}".`);
    }
  }

  private async addChecked(entries: CheckedEntry[], dryRun: boolean): Promise<LibraryAddResult[]> {
    const good = entries.flatMap((e) => (e.ok ? [e.input] : []));
    const added = await this.add(good, dryRun);
    let next = 0;
    return entries.map((e) => (e.ok ? added[next++]! : { ...e, ok: false }));
  }

  private checkEntity(value: unknown, bundled: KnowledgeBase, kb: KnowledgeBase): UserEntity {
    if (this.deps.validateEntity) {
      const passages = new Set(kb.docs.flatMap((d) => d.passages.map((x) => x.id)));
      return this.deps.validateEntity(value, { entities: kb.entities, passageExists: (id) => passages.has(id) });
    }
    const e = value as Partial<UserEntity> | null;
    if (!e || typeof e !== 'object' || typeof e.id !== 'string' || !e.id || typeof e.name !== 'string' || !e.name) {
      throw new Error('Backstory: librarySaveEntity: an entity needs an "id" and a "name".');
    }
    if (bundled.entities.some((x) => x.id === e.id)) {
      throw new Error(`Backstory: entity id "${e.id}" is a bundled entity; choose another id.`);
    }
    return {
      id: e.id,
      name: e.name,
      kind: e.kind ?? 'person',
      description: e.description ?? { text: '', cites: [] },
      aliases: e.aliases ?? [],
      background: e.background ?? [],
      naming: e.naming ?? [],
      related: e.related ?? [],
      highlight: e.highlight ?? true,
    };
  }
}

function requireString(value: unknown, message: string, field: string): string {
  if (typeof value !== 'string' || !value) throw new Error(`Backstory: ${message}: "${field}" must be a non-empty string.`);
  return value;
}

function duplicate(name: string, same: { id: string; name: string; provenance: { title: string } }): { error: string } & ErrorCode {
  return {
    error: `Backstory: ${name}: already in your library as "${same.provenance.title}" (${same.name}); not added again.`,
    code: 'errorDuplicate',
    params: { name, title: same.provenance.title, file: same.name },
  };
}

import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Passage } from '../corpus/types';
import type { Statement } from '../statements/types';
import { digestOf, type DocDigest } from './digest';
import type { DocumentBundle, LibraryDocRecord, LibraryDocSummary, LibraryProvenance, MentionRecord, UserEntity } from './types';

/** The IndexedDB database of the user's library. */
export const LIBRARY_DB = 'backstory-library';

/** Current schema version; `MIGRATIONS[v]` takes a database from version v to v + 1. */
export const SCHEMA_VERSION = 2;

interface LibrarySchema extends DBSchema {
  meta: { key: string; value: { key: string; value: unknown } };
  documents: { key: string; value: LibraryDocRecord; indexes: { textHash: string; urlKey: string } };
  passages: { key: string; value: Passage; indexes: { doc: string } };
  statements: { key: string; value: Statement; indexes: { doc: string } };
  mentions: { key: string; value: MentionRecord; indexes: { doc: string } };
  entities: { key: string; value: UserEntity };
  digests: { key: string; value: DocDigest };
}

type Db = IDBPDatabase<LibrarySchema>;
type UpgradeTx = IDBPTransaction<LibrarySchema, StoreNames<LibrarySchema>[], 'versionchange'>;

const MIGRATIONS: Array<(db: Db, tx: UpgradeTx) => void> = [
  // 0 → 1: the first schema.
  (db) => {
    db.createObjectStore('meta', { keyPath: 'key' });
    const documents = db.createObjectStore('documents', { keyPath: 'id' });
    documents.createIndex('textHash', 'textHash', { unique: true });
    documents.createIndex('urlKey', 'urlKey');
    db.createObjectStore('passages', { keyPath: 'id' }).createIndex('doc', 'doc');
    db.createObjectStore('statements', { keyPath: 'id' }).createIndex('doc', 'doc');
    db.createObjectStore('mentions', { keyPath: 'passage' }).createIndex('doc', 'doc');
    db.createObjectStore('entities', { keyPath: 'id' });
  },
  // 1 → 2: a digest per document (what cards and the corpus info need, without the text); the digests of documents
  // stored before are made on the first read of them (`digests()`), outside the upgrade.
  (db) => {
    db.createObjectStore('digests', { keyPath: 'id' });
  },
];

const DOC_STORES = ['documents', 'passages', 'statements', 'mentions', 'digests', 'meta'] as const;

/** Turns IndexedDB's quota and disk errors into a clear message; other errors pass through. */
function storageError(error: unknown, what: string): Error {
  const name = (error as { name?: string })?.name;
  if (name === 'QuotaExceededError' || /quota|disk|space/i.test(String((error as Error)?.message))) {
    return new Error(
      `Backstory: ${what}: the browser's storage is full (${name ?? 'quota exceeded'}); nothing was written and the library is unchanged. Free disk space or remove documents, then try again.`,
      { cause: error },
    );
  }
  return error instanceof Error ? error : new Error(`Backstory: ${what}: ${String(error)}`);
}

/** Position of a statement in its document (`…-p<passage>-s<n>`): IndexedDB returns them by key, where p12 < p2. */
function statementPosition(id: string): [number, number] {
  const m = /-p(\d+)-s(\d+)$/.exec(id);
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

/** Statements in the order the pipeline made them (as a document just added has them). */
function inDocumentOrder(statements: Statement[]): Statement[] {
  const pos = new Map(statements.map((s) => [s.id, statementPosition(s.id)]));
  return statements.sort((a, b) => pos.get(a.id)![0] - pos.get(b.id)![0] || pos.get(a.id)![1] - pos.get(b.id)![1]);
}

/** One document with its passages (in order), statements (in document order) and mentions, read in `tx`. */
async function bundleIn(
  tx: IDBPTransaction<LibrarySchema, Array<'documents' | 'passages' | 'statements' | 'mentions' | 'digests' | 'meta'>, IDBTransactionMode>,
  id: string,
): Promise<DocumentBundle | undefined> {
  const [doc, passages, statements, mentions] = await Promise.all([
    tx.objectStore('documents').get(id),
    tx.objectStore('passages').index('doc').getAll(id),
    tx.objectStore('statements').index('doc').getAll(id),
    tx.objectStore('mentions').index('doc').getAll(id),
  ]);
  if (!doc) return undefined;
  return { doc, passages: passages.sort((a, b) => a.ordinal - b.ordinal), statements: inDocumentOrder(statements), mentions };
}

function summary(record: LibraryDocRecord): LibraryDocSummary {
  const { text: _t, notes: _n, textHash: _h, urlKey: _u, ...rest } = record;
  return rest;
}

/**
 * The user's library in IndexedDB: documents with provenance, their passages, statements and mentions, user
 * entities and a meta record (schema version, change counter, search-index snapshot). Every write is one
 * transaction: a failure leaves nothing half-written.
 */
export class LibraryStore {
  private constructor(private readonly db: Db) {}

  /** Opens (creating or migrating) the library database. */
  static async open(name = LIBRARY_DB): Promise<LibraryStore> {
    const db = await openDB<LibrarySchema>(name, SCHEMA_VERSION, {
      upgrade(database, oldVersion, _newVersion, tx) {
        for (let v = oldVersion; v < SCHEMA_VERSION; v++) MIGRATIONS[v]!(database, tx);
        void tx.objectStore('meta').put({ key: 'schema', value: { version: SCHEMA_VERSION, migratedAt: new Date().toISOString() } });
      },
      blocking() {
        // A newer version of the extension wants to migrate: let it.
        db.close();
      },
    });
    return new LibraryStore(db);
  }

  /** Closes the connection. */
  close(): void {
    this.db.close();
  }

  /** The schema version stored in the meta record. */
  async schemaVersion(): Promise<number> {
    return ((await this.db.get('meta', 'schema'))?.value as { version: number } | undefined)?.version ?? 0;
  }

  /** A document already stored with the same text hash or URL, if any. */
  async findDuplicate(doc: Pick<LibraryDocRecord, 'textHash' | 'urlKey'>): Promise<LibraryDocRecord | undefined> {
    const byText = await this.db.getFromIndex('documents', 'textHash', doc.textHash);
    if (byText) return byText;
    return doc.urlKey ? this.db.getFromIndex('documents', 'urlKey', doc.urlKey) : undefined;
  }

  /**
   * Stores one document with everything derived from it, in one transaction. Returns the id of an existing
   * document with the same text or URL instead of storing a second copy.
   */
  async putDocument(bundle: DocumentBundle): Promise<{ stored: true } | { stored: false; duplicateOf: string }> {
    const tx = this.db.transaction(DOC_STORES, 'readwrite');
    const writes: Array<Promise<unknown>> = [];
    try {
      const documents = tx.objectStore('documents');
      const same =
        (await documents.index('textHash').get(bundle.doc.textHash)) ??
        (bundle.doc.urlKey ? await documents.index('urlKey').get(bundle.doc.urlKey) : undefined);
      if (same) {
        tx.abort();
        await tx.done.catch(() => {});
        return { stored: false, duplicateOf: same.id };
      }
      writes.push(documents.add(bundle.doc));
      for (const p of bundle.passages) writes.push(tx.objectStore('passages').put(p));
      for (const s of bundle.statements) writes.push(tx.objectStore('statements').put(s));
      for (const m of bundle.mentions) writes.push(tx.objectStore('mentions').put(m));
      writes.push(tx.objectStore('digests').put(digestOf(bundle)));
      writes.push(this.bump(tx));
      await Promise.all([...writes, tx.done]);
      return { stored: true };
    } catch (error) {
      abort(tx, writes);
      throw storageError(error, bundle.doc.name);
    }
  }

  private async bump(tx: IDBPTransaction<LibrarySchema, typeof DOC_STORES | ['entities', 'meta'], 'readwrite'>) {
    const meta = tx.objectStore('meta');
    const current = ((await meta.get('generation'))?.value as number | undefined) ?? 0;
    await meta.put({ key: 'generation', value: current + 1 });
  }

  /** A counter that changes with every write: a saved search index is valid only for the generation it was made at. */
  async generation(): Promise<number> {
    return ((await this.db.get('meta', 'generation'))?.value as number | undefined) ?? 0;
  }

  /** Every document, without its text, oldest first. */
  async listDocuments(): Promise<LibraryDocSummary[]> {
    return (await this.db.getAll('documents')).map(summary).sort((a, b) => a.addedAt.localeCompare(b.addedAt));
  }

  /** One document's full record. */
  async getRecord(id: string): Promise<LibraryDocRecord | undefined> {
    return this.db.get('documents', id);
  }

  /** One document with its passages (in order), statements and mentions. */
  async getBundle(id: string): Promise<DocumentBundle | undefined> {
    return bundleIn(this.db.transaction(['documents', 'passages', 'statements', 'mentions'], 'readonly'), id);
  }

  /**
   * Some statements and passages by id, with their documents, in one transaction (a search's hits); `knownDoc` says
   * which documents the caller has already (they are not read again: a document record holds the whole text).
   */
  async records(
    statementIds: string[],
    passageIds: string[],
    knownDoc: (id: string) => boolean = () => false,
  ): Promise<{ statements: Map<string, Statement>; passages: Map<string, Passage>; docs: Map<string, LibraryDocRecord> }> {
    const tx = this.db.transaction(['documents', 'passages', 'statements'], 'readonly');
    const [statements, passages] = await Promise.all([
      Promise.all(statementIds.map((id) => tx.objectStore('statements').get(id))),
      Promise.all(passageIds.map((id) => tx.objectStore('passages').get(id))),
    ]);
    const present = <T>(xs: Array<T | undefined>) => xs.filter((x): x is T => !!x);
    const docIds = [...new Set([...present(statements), ...present(passages)].map((x) => x.doc))].filter((id) => !knownDoc(id));
    const docs = present(await Promise.all(docIds.map((id) => tx.objectStore('documents').get(id))));
    return {
      statements: new Map(present(statements).map((s) => [s.id, s])),
      passages: new Map(present(passages).map((p) => [p.id, p])),
      docs: new Map(docs.map((d) => [d.id, d])),
    };
  }

  /**
   * Every document's digest, oldest first. A document stored before digests existed (schema 1) gets its digest
   * made and stored here, once, each in its own transaction.
   */
  async digests(): Promise<DocDigest[]> {
    const [digests, ids] = await Promise.all([this.db.getAll('digests'), this.db.getAllKeys('documents')]);
    if (digests.length < ids.length) {
      const have = new Set(digests.map((d) => d.id));
      for (const id of ids.filter((x) => !have.has(x))) {
        // One transaction: a document removed meanwhile gets no digest.
        const tx = this.db.transaction(['documents', 'passages', 'statements', 'mentions', 'digests'], 'readwrite');
        const bundle = await bundleIn(tx, id);
        if (!bundle) continue;
        const digest = digestOf(bundle);
        await Promise.all([tx.objectStore('digests').put(digest), tx.done]);
        digests.push(digest);
      }
    }
    return digests.sort((a, b) => a.addedAt.localeCompare(b.addedAt));
  }

  /** How many documents there are. */
  async count(): Promise<number> {
    return this.db.count('documents');
  }

  /** Every document record (with its text), for export. */
  async allRecords(): Promise<LibraryDocRecord[]> {
    return (await this.db.getAll('documents')).sort((a, b) => a.addedAt.localeCompare(b.addedAt));
  }

  /** Every document with everything derived from it (for loading the background's indexes). */
  async allBundles(): Promise<DocumentBundle[]> {
    const tx = this.db.transaction(['documents', 'passages', 'statements', 'mentions'], 'readonly');
    const [docs, passages, statements, mentions] = await Promise.all([
      tx.objectStore('documents').getAll(),
      tx.objectStore('passages').getAll(),
      tx.objectStore('statements').getAll(),
      tx.objectStore('mentions').getAll(),
    ]);
    const byDoc = new Map<string, DocumentBundle>(docs.map((doc) => [doc.id, { doc, passages: [], statements: [], mentions: [] }]));
    for (const p of passages) byDoc.get(p.doc)?.passages.push(p);
    for (const s of statements) byDoc.get(s.doc)?.statements.push(s);
    for (const m of mentions) byDoc.get(m.doc)?.mentions.push(m);
    for (const b of byDoc.values()) {
      b.passages.sort((a, c) => a.ordinal - c.ordinal);
      inDocumentOrder(b.statements);
    }
    return [...byDoc.values()].sort((a, b) => a.doc.addedAt.localeCompare(b.doc.addedAt));
  }

  /** Replaces a document's provenance (and its statements' publication date), in one transaction. */
  async updateProvenance(id: string, provenance: LibraryProvenance, urlKeyOf: (url: string | null) => string): Promise<boolean> {
    const tx = this.db.transaction(DOC_STORES, 'readwrite');
    const writes: Array<Promise<unknown>> = [];
    try {
      const bundle = await bundleIn(tx, id);
      if (!bundle) {
        tx.abort();
        await tx.done.catch(() => {});
        return false;
      }
      const updated = { ...bundle.doc, provenance, urlKey: urlKeyOf(provenance.url) };
      writes.push(tx.objectStore('documents').put(updated));
      const redated = bundle.statements.map((s) => ({ ...s, docDate: provenance.date }));
      for (const s of redated) writes.push(tx.objectStore('statements').put(s));
      writes.push(tx.objectStore('digests').put(digestOf({ ...bundle, doc: updated, statements: redated })));
      writes.push(this.bump(tx));
      await Promise.all([...writes, tx.done]);
      return true;
    } catch (error) {
      abort(tx, writes);
      throw storageError(error, `document ${id}`);
    }
  }

  /** Removes documents and everything derived from them, in one transaction; returns the ids that existed. */
  async removeDocuments(ids: string[]): Promise<string[]> {
    const tx = this.db.transaction(DOC_STORES, 'readwrite');
    const removed: string[] = [];
    try {
      for (const id of ids) {
        if (!(await tx.objectStore('documents').getKey(id))) continue;
        removed.push(id);
        await tx.objectStore('documents').delete(id);
        await tx.objectStore('digests').delete(id);
        for (const store of ['passages', 'statements', 'mentions'] as const) {
          for (const key of await tx.objectStore(store).index('doc').getAllKeys(id)) await tx.objectStore(store).delete(key);
        }
      }
      if (removed.length) await this.bump(tx);
      await tx.done;
      return removed;
    } catch (error) {
      abort(tx);
      throw storageError(error, 'removing documents');
    }
  }

  /** Every user entity. */
  async listEntities(): Promise<UserEntity[]> {
    return this.db.getAll('entities');
  }

  /** Adds or replaces a user entity. */
  async putEntity(entity: UserEntity): Promise<void> {
    const tx = this.db.transaction(['entities', 'meta'], 'readwrite');
    const writes: Array<Promise<unknown>> = [];
    try {
      writes.push(tx.objectStore('entities').put(entity), this.bump(tx));
      await Promise.all([...writes, tx.done]);
    } catch (error) {
      abort(tx, writes);
      throw storageError(error, `entity ${entity.id}`);
    }
  }

  /** Removes a user entity; returns whether it existed. */
  async removeEntity(id: string): Promise<boolean> {
    const tx = this.db.transaction(['entities', 'meta'], 'readwrite');
    const existed = (await tx.objectStore('entities').getKey(id)) !== undefined;
    if (existed) {
      await tx.objectStore('entities').delete(id);
      await this.bump(tx);
    }
    await tx.done;
    return existed;
  }

  /** A value kept in the meta store (the search-index snapshot). */
  async getMeta<T>(key: string): Promise<T | undefined> {
    return (await this.db.get('meta', key))?.value as T | undefined;
  }

  /** Saves values in the meta store, all in one transaction; a full disk is reported, never thrown past the caller's data. */
  async putMeta(entries: Array<{ key: string; value: unknown }>): Promise<void> {
    const tx = this.db.transaction('meta', 'readwrite');
    const writes = entries.map((e) => tx.objectStore('meta').put(e));
    try {
      await Promise.all([...writes, tx.done]);
    } catch (error) {
      abort(tx, writes);
      throw storageError(error, `saving ${entries.map((e) => e.key).join(', ')}`);
    }
  }
}

/** Aborts a transaction after an error, so none of its writes land (it may already be aborted). */
function abort(tx: { abort(): void; done: Promise<void> }, pending: Array<Promise<unknown>> = []): void {
  // The other requests now fail with AbortError; that is expected, not a second error.
  for (const p of [tx.done, ...pending]) p.catch(() => {});
  try {
    tx.abort();
  } catch {
    // already finished or aborted
  }
}

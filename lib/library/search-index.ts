import MiniSearch from 'minisearch';
import { entitySearchDoc, SEARCH_INDEX_VERSION, SEARCH_OPTIONS, type SearchDoc } from '../search/options';
import type { DocumentBundle, UserEntity } from './types';

/** Entity ids mentioned inside [start, end) of a passage. */
function entitiesIn(bundle: DocumentBundle, passage: string, start = 0, end = Infinity): string[] {
  const record = bundle.mentions.find((m) => m.passage === passage);
  return [...new Set((record?.mentions ?? []).filter((m) => m.start >= start && m.end <= end).map((m) => m.entity))];
}

/** The search records of one library document: its statements and passages (notes are not searched). */
export function documentRecords(bundle: DocumentBundle): SearchDoc[] {
  const out: SearchDoc[] = [];
  for (const s of bundle.statements) {
    const about = entitiesIn(bundle, s.passage, s.start, s.end).filter((id) => id !== s.speaker.id);
    out.push({
      id: `statement:${s.id}`,
      type: 'statement',
      title: s.speaker.name,
      text: s.text,
      entities: [...(s.speaker.id ? [s.speaker.id] : []), ...about],
      doc: s.doc,
      date: s.statedOn ?? s.docDate,
      ...(s.speaker.id ? { speaker: s.speaker.id } : {}),
      kind: s.kind,
    });
  }
  for (const p of bundle.passages) {
    if (p.kind === 'note') continue;
    out.push({
      id: `passage:${p.id}`,
      type: 'passage',
      title: bundle.doc.provenance.title,
      text: p.text,
      entities: entitiesIn(bundle, p.id),
      doc: bundle.doc.id,
      date: bundle.doc.provenance.date,
    });
  }
  return out;
}

/** A saved library index: its format version, the library generation it reflects, and the index as JSON. */
export interface IndexSnapshot {
  version: number;
  generation: number;
  index: string;
}

/**
 * The library's own MiniSearch index, next to the bundled one (which stays read-only). Documents are added and
 * discarded one at a time; the whole index is serialized only as an occasional snapshot, not on every add.
 */
export class LibraryIndex {
  readonly index: MiniSearch<SearchDoc>;

  /** `serialized`: a snapshot's JSON text. */
  constructor(serialized?: string) {
    this.index = serialized ? MiniSearch.loadJSON(serialized, SEARCH_OPTIONS) : new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  }

  /** Adds a document's records. */
  addDocument(bundle: DocumentBundle): void {
    this.index.addAll(documentRecords(bundle));
  }

  /** Removes a document's records. */
  removeDocument(bundle: DocumentBundle): void {
    for (const r of documentRecords(bundle)) if (this.index.has(r.id)) this.index.discard(r.id);
  }

  /** Adds or replaces a user entity's record. */
  putEntity(entity: UserEntity): void {
    const record = entitySearchDoc(entity);
    if (this.index.has(record.id)) this.index.replace(record);
    else this.index.add(record);
  }

  /** Removes a user entity's record. */
  removeEntity(id: string): void {
    if (this.index.has(`entity:${id}`)) this.index.discard(`entity:${id}`);
  }

  /**
   * The snapshot stored in IndexedDB, valid for one library generation. The index is kept as one JSON string:
   * storing and reading one string is much faster than cloning the index's object tree, and JSON.parse is native.
   */
  snapshot(generation: number): IndexSnapshot {
    return { version: SEARCH_INDEX_VERSION, generation, index: JSON.stringify(this.index) };
  }
}

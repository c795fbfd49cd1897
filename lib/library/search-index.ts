import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { entitySearchDoc, SEARCH_INDEX_VERSION, SEARCH_OPTIONS, type SearchDoc } from '../search/options';
import { speakerKey } from '../search/query';
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
      // The speaker filter's key (an unnamed speaker too), so a search never needs the statement itself.
      speaker: speakerKey(s.speaker),
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
      // Headings weigh less than paragraphs; the kind filter (direct/reported) still leaves passages out.
      kind: p.kind,
    });
  }
  return out;
}

/**
 * Version of the library's index records and snapshot; a snapshot of another version is not loaded, the index is
 * rebuilt from the stored documents instead. 2: statements store their speaker key, passages their kind. 3: segments.
 * 4: a segment's terms and postings are saved apart from the rest (`SavedSegment`), and postings read when searched.
 * 5: postings one a line after the JSON, not a JSON list (loading no longer parses them).
 */
export const LIBRARY_INDEX_VERSION = SEARCH_INDEX_VERSION * 100 + 5;

/** Documents per segment: a segment is sealed (never added to again) when it holds this many. */
export const SEGMENT_DOCUMENTS = 2000;

/** The saved library index: its format version, the library generation it reflects, and its segments' keys. */
export interface IndexSnapshot {
  version: number;
  generation: number;
  segments: number[];
}

/** One segment as saved: its key, how many documents it holds, and its index as one string (see `SavedSegment`). */
export interface SegmentSnapshot {
  key: number;
  documents: number;
  index: string;
  /** The segment's change count when it was taken. */
  changes: number;
}

/**
 * A segment's MiniSearch index as saved: one line of JSON with MiniSearch's own serialization without its terms
 * (`head`) and the terms, then each term's postings (MiniSearch's `{ fieldId: { docId: frequency } }` as JSON) on a
 * line of its own, parsed only when a search, an addition or a removal reads that term. Loading then parses the head
 * and the terms, and only cuts the rest into lines (JSON never has a raw line break), instead of parsing every posting.
 */
interface SavedSegment {
  head: Record<string, unknown>;
  terms: string[];
}

type TermData = Map<number, Map<number, number>>;

/** MiniSearch's internals that loading and saving a segment touch (the same fields `MiniSearch.loadJS` sets). */
interface Internals {
  _index: SearchableMap<TermData>;
}

const internals = (index: MiniSearch<SearchDoc>) => index as unknown as Internals;

/**
 * A term's postings, parsed on first use exactly as `MiniSearch.loadJS` parses them (so results, and their order,
 * are those of an index loaded whole). Until then the saved string is kept, and saved again as it is.
 */
export class SavedTermData extends Map<number, Map<number, number>> {
  constructor(public raw: string | null) {
    super();
  }

  private load(): void {
    if (this.raw === null) return;
    const data = JSON.parse(this.raw) as Record<string, Record<string, number>>;
    this.raw = null;
    for (const fieldId of Object.keys(data)) {
      const freqs = new Map<number, number>();
      for (const docId of Object.keys(data[fieldId]!)) freqs.set(parseInt(docId, 10), data[fieldId]![docId]!);
      super.set(parseInt(fieldId, 10), freqs);
    }
  }

  override get size(): number {
    this.load();
    return super.size;
  }
  override get(key: number) {
    this.load();
    return super.get(key);
  }
  override has(key: number) {
    this.load();
    return super.has(key);
  }
  override set(key: number, value: Map<number, number>) {
    this.load();
    return super.set(key, value);
  }
  override delete(key: number) {
    this.load();
    return super.delete(key);
  }
  override clear() {
    this.raw = null;
    super.clear();
  }
  override forEach(callback: (value: Map<number, number>, key: number, map: Map<number, Map<number, number>>) => void, thisArg?: unknown) {
    this.load();
    super.forEach(callback, thisArg);
  }
  override entries() {
    this.load();
    return super.entries();
  }
  override keys() {
    this.load();
    return super.keys();
  }
  override values() {
    this.load();
    return super.values();
  }
  override [Symbol.iterator]() {
    this.load();
    return super[Symbol.iterator]();
  }
}

/** Postings as saved: a term not read since loading keeps its saved string. */
function postingsJson(data: TermData): string {
  if (data instanceof SavedTermData && data.raw !== null) return data.raw;
  const out: Record<number, Record<number, number>> = {};
  for (const [fieldId, freqs] of data) out[fieldId] = Object.fromEntries(freqs);
  return JSON.stringify(out);
}

/** A segment's index as saved (see `SavedSegment`). */
export function saveSegment(index: MiniSearch<SearchDoc>): string {
  const ix = internals(index);
  const terms: string[] = [];
  const postings: string[] = [];
  for (const [term, data] of ix._index) {
    terms.push(term);
    postings.push(postingsJson(data));
  }
  // MiniSearch's own serialization of everything but the terms: its term tree is swapped out for the call.
  const tree = ix._index;
  ix._index = new SearchableMap<TermData>();
  let head;
  try {
    head = index.toJSON() as unknown as Record<string, unknown>;
  } finally {
    ix._index = tree;
  }
  return `${JSON.stringify({ head, terms } satisfies SavedSegment)}\n${postings.join('\n')}`;
}

/** Loads a saved segment; throws on one of another format (the index is then rebuilt from the documents). */
export function loadSegment(saved: string): MiniSearch<SearchDoc> {
  const cut = saved.indexOf('\n');
  const head = cut < 0 ? null : (JSON.parse(saved.slice(0, cut)) as SavedSegment);
  const postings = head?.terms?.length ? saved.slice(cut + 1).split('\n') : [];
  if (!head?.head || !Array.isArray(head.terms) || head.terms.length !== postings.length) {
    throw new Error('Backstory: a library index segment of another format.');
  }
  const index = MiniSearch.loadJS({ ...head.head, index: [] } as never, SEARCH_OPTIONS);
  const tree = internals(index)._index;
  for (let i = 0; i < head.terms.length; i++) tree.set(head.terms[i]!, new SavedTermData(postings[i]!));
  return index;
}

interface Segment {
  key: number;
  documents: number;
  index: MiniSearch<SearchDoc>;
  /** Changes made, and changes already in the saved snapshot: it needs saving when they differ. */
  changes: number;
  saved: number;
}

/**
 * The library's own search index, next to the bundled one (which stays read-only): a list of MiniSearch segments.
 * Documents are added to the last (live) one only; older ones are sealed and change only when a document is removed.
 * A snapshot rewrites only the segments that changed, so adding an article to a large library saves a small segment,
 * not the whole index.
 */
export class LibraryIndex {
  private readonly segments: Segment[];

  /** `saved`: the segments of a snapshot, in order; `segmentDocuments`: when the live segment is sealed. */
  constructor(
    saved: SegmentSnapshot[] = [],
    private readonly segmentDocuments = SEGMENT_DOCUMENTS,
  ) {
    this.segments = saved.map((x) => ({
      key: x.key,
      documents: x.documents,
      index: loadSegment(x.index),
      changes: 0,
      saved: 0,
    }));
    if (this.segments.length === 0) this.segments.push(this.newSegment(0));
  }

  private newSegment(key: number): Segment {
    return { key, documents: 0, index: new MiniSearch<SearchDoc>(SEARCH_OPTIONS), changes: 1, saved: 0 };
  }

  /** Every segment's MiniSearch index, oldest first (search runs over all of them). */
  get indexes(): Array<MiniSearch<SearchDoc>> {
    return this.segments.map((x) => x.index);
  }

  private get live(): Segment {
    let live = this.segments[this.segments.length - 1]!;
    if (live.documents >= this.segmentDocuments) this.segments.push((live = this.newSegment(live.key + 1)));
    return live;
  }

  /** Adds a document's records (to the live segment). */
  addDocument(bundle: DocumentBundle): void {
    const live = this.live;
    live.index.addAll(documentRecords(bundle));
    live.documents++;
    live.changes++;
  }

  /** Removes a document's records from the segment that holds them. */
  removeDocument(bundle: DocumentBundle): void {
    const records = documentRecords(bundle);
    if (records.length === 0) return;
    const segment = this.segments.find((x) => x.index.has(records[0]!.id));
    if (!segment) return;
    for (const r of records) if (segment.index.has(r.id)) segment.index.discard(r.id);
    segment.documents--;
    segment.changes++;
  }

  /** Adds or replaces a user entity's record. */
  putEntity(entity: UserEntity): void {
    this.removeEntity(entity.id);
    const live = this.live;
    live.index.add(entitySearchDoc(entity));
    live.changes++;
  }

  /** Removes a user entity's record. */
  removeEntity(id: string): void {
    for (const x of this.segments) {
      if (!x.index.has(`entity:${id}`)) continue;
      x.index.discard(`entity:${id}`);
      x.changes++;
    }
  }

  /**
   * What to save for one library generation: the manifest, and the segments changed since the last save (each kept
   * as one JSON string: storing and reading one string is much faster than cloning the index's object tree).
   */
  snapshot(generation: number): { manifest: IndexSnapshot; changed: SegmentSnapshot[] } {
    return {
      manifest: { version: LIBRARY_INDEX_VERSION, generation, segments: this.segments.map((x) => x.key) },
      changed: this.segments
        .filter((x) => x.changes !== x.saved)
        .map((x) => ({ key: x.key, documents: x.documents, index: saveSegment(x.index), changes: x.changes })),
    };
  }

  /** Marks the segments of a snapshot as saved. */
  saved(changed: SegmentSnapshot[]): void {
    for (const c of changed) {
      const x = this.segments.find((y) => y.key === c.key);
      if (x) x.saved = c.changes;
    }
  }
}

/** Provenance of one seed document, as given in seeds/sources.json. */
export interface Provenance {
  file: string;
  title: string;
  publisher: string;
  author: string | null;
  date: string;
  dateBasis?: string;
  url: string | null;
  kind: string;
  chrome?: ChromeRule[];
  /** Set on documents of the user's library (never on bundled seeds). */
  library?: true;
}

/** A block of page furniture to drop: from the line matching `from` through the line matching `through` (or END). */
export interface ChromeRule {
  from: string;
  through?: string;
}

/** Runs of [cleanOffset, originalOffset]: inside a run both advance together. */
export type OffsetRuns = Array<[number, number]>;

/** What a cleaned block of text is. */
export type PassageKind = 'title' | 'heading' | 'paragraph' | 'note';

/** A sentence inside a passage, by offsets into the passage's cleaned text. */
export interface Sentence {
  start: number;
  end: number;
}

/** A reference to a numbered note, at an offset in the passage's cleaned text. */
export interface NoteRef {
  offset: number;
  note: number;
}

/** A cleaned paragraph with its mapping back to the original seed file. */
export interface Passage {
  id: string;
  doc: string;
  ordinal: number;
  kind: PassageKind;
  text: string;
  /** Character range [start, end) in the original seed file. */
  origStart: number;
  origEnd: number;
  /** 1-based line of the original file where the passage starts. */
  line: number;
  runs: OffsetRuns;
  sentences: Sentence[];
  noteRefs: NoteRef[];
  /** For note passages: the note's number. */
  noteNumber?: number;
}

/** One seed document after cleaning. */
export interface CorpusDoc {
  id: string;
  provenance: Provenance;
  passages: Passage[];
  /** Numbered notes (003's "Notes" list): number → text. */
  notes: Record<number, string>;
}

/** Who said something: an entity id when the speaker is in the knowledge base, else the text's own words. */
export interface Speaker {
  id?: string;
  name: string;
  role?: string;
  /** Number of the note that identifies an anonymous speaker (003's Notes). */
  note?: number;
}

/** One statement: a direct quotation or reported speech, attributed and cited. */
export interface Statement {
  id: string;
  kind: 'direct' | 'reported';
  speaker: Speaker;
  /** The exact words: the quotation (fragments of a split quote joined by " … "), or the reported clause. */
  text: string;
  doc: string;
  passage: string;
  /** Span in the passage's cleaned text covering the statement (for a split quote, first to last fragment). */
  start: number;
  end: number;
  /** The publication date of the document. */
  docDate: string;
  /** Whether the statement's date is one the text gives for it ('stated': dateText, statedOn) or the publication date. */
  dateSource: 'stated' | 'published';
  /**
   * A date the text gives for the statement, as written ("on 18 October", or the name of a document that speaks)
   * and resolved (YYYY-MM-DD; YYYY-MM or YYYY where only those are known).
   */
  dateText?: string;
  statedOn?: string;
  /** 0–1: how sure the attribution is (explicit "X said" is high; a pronoun or a subject guess is lower). */
  confidence: number;
}

/** A quoted word or phrase that is not a statement: a scare quote, a name, a heading or title. */
export interface QuotedTerm {
  passage: string;
  start: number;
  end: number;
  text: string;
  /** Why: a one-to-three-word scare quote, a heading or title, a name ("so-called …"), or a quotation inside a quotation. */
  reason: 'scare-quote' | 'heading' | 'name' | 'nested';
}

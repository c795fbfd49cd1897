/** Matching rules for aliases that are ambiguous on their own. */
export type AliasRule =
  /** Counts only after the entity's full name has appeared earlier in the same text. */
  | 'afterFullName'
  /** Counts only when the entity's full name appears somewhere in the same text. */
  | 'nearFullName'
  /** Must match letter case exactly (acronyms). */
  | 'caseSensitive'
  /** A surname that does not count when another capitalised first name stands right before it. */
  | 'notAfterOtherFirstName'
  /** A country name that is also a US state (Georgia). */
  | 'notUsState'
  /** A country name that is also a bird and a food (Turkey). */
  | 'notBird'
  /** A generic phrase ("lightning offensive") that counts only in a text that also names Armenia, Azerbaijan or Karabakh. */
  | 'onTopic'
  /** A longer name of another thing ("Zangezur Mountains", "Michel Barnier"): it takes its words and names nothing. */
  | 'exclude'
  /** A head noun of a description ("statement", "заявление"): counts only next to an anchor of the same entity. */
  | 'head'
  /** An anchor of a description (a date, a place, "tripartite"): counts only next to a head of the same entity. */
  | 'anchor';

/** One alias, folded at build time, as the content script receives it. */
export interface MatcherPattern {
  /** Index into MatcherTables.entities. */
  entity: number;
  /** The alias as written in the knowledge base. */
  alias: string;
  /** The folded alias the automaton looks for. */
  folded: string;
  rules: AliasRule[];
  /**
   * Where a suffix may follow a stem: [folded offset, grammar] pairs, in order (see grammar.ts).
   * The automaton looks for `folded` up to the first slot; the rest is checked word by word.
   */
  slots?: Array<[number, string]>;
}

/** Version of the matcher tables' format; bump when MatcherTables changes shape. */
export const MATCHER_TABLES_VERSION = 4;

/** The compiled, serializable matcher tables bundled into the content script. */
export interface MatcherTables {
  version: number;
  entities: Array<{ id: string; name: string; kind: string; highlight: boolean }>;
  patterns: MatcherPattern[];
  /** The automaton over `patterns[].folded`, prebuilt so a page pays no construction cost. */
  automaton?: import('./automaton').AutomatonData;
  /** The prefilter's regular expression sources (see prefilter.ts); null when the patterns allow none. */
  prefilter?: import('./prefilter').PrefilterSource | null;
}

/** One entity mention in a text, with offsets into the original (unfolded) text. */
export interface Mention {
  entity: string;
  start: number;
  end: number;
  /** Index of the alias pattern that matched. */
  pattern: number;
}

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
  | 'onTopic';

/** One alias, folded at build time, as the content script receives it. */
export interface MatcherPattern {
  /** Index into MatcherTables.entities. */
  entity: number;
  /** The alias as written in the knowledge base. */
  alias: string;
  /** The folded alias the automaton looks for. */
  folded: string;
  rules: AliasRule[];
}

/** Version of the matcher tables' format; bump when MatcherTables changes shape. */
export const MATCHER_TABLES_VERSION = 3;

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

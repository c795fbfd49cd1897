import type { AliasRule } from '../match/types';

/** Kinds of entity the knowledge base knows. */
export const ENTITY_KINDS = ['person', 'place', 'route', 'agreement', 'organisation', 'event', 'country', 'document'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Every alias rule, in the order the schema at the top of seeds/entities.yaml lists them. */
export const RULES: AliasRule[] = [
  'afterFullName',
  'nearFullName',
  'caseSensitive',
  'notAfterOtherFirstName',
  'notUsState',
  'notBird',
  'onTopic',
  'exclude',
  'head',
  'anchor',
];

/** A sentence with the passages that support it. */
export interface CitedText {
  text: string;
  cites: string[];
  /** Line of the citation list in the entity file (only while validating; not shipped). */
  line?: number;
}

/** One alias: a spelling, a translation, or an ambiguous form with its rule. */
export interface Alias {
  text: string;
  lang?: string;
  /** Language of origin of a name given in its canonical English spelling: the build derives the press's other spellings by rule. */
  origin?: string;
  rules: AliasRule[];
}

/** An entity as written by hand in seeds/entities.yaml, after validation. */
export interface Entity {
  id: string;
  name: string;
  kind: EntityKind;
  description: CitedText;
  aliases: Alias[];
  background: CitedText[];
  naming: CitedText[];
  /** For a document or agreement: when it was adopted (text is YYYY, YYYY-MM or YYYY-MM-DD), with the passage that says so. */
  date?: CitedText;
  related: string[];
  /** Whether the content script highlights it by default (countries do not). */
  highlight: boolean;
  /** Line in the entity file where the entity starts, for error messages. */
  line: number;
}

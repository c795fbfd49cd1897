import type { CorpusDoc } from '../corpus/types';
import type { QuotedTerm, Statement } from '../statements/types';
import type { Entity } from './types';

/** Version of the knowledge base's JSON format. */
export const KB_VERSION = 1;

/** An entity with what the build computed for it. */
export interface KbEntity extends Omit<Entity, 'line'> {
  /** Passage ids where the entity is mentioned. */
  mentions: string[];
  /** Document ids where it is mentioned. */
  docs: string[];
  /** Statement ids spoken by it, and statement ids that mention it. */
  statementsBy: string[];
  statementsAbout: string[];
}

/** The knowledge base the extension bundles. */
export interface KnowledgeBase {
  version: number;
  docs: CorpusDoc[];
  entities: KbEntity[];
  statements: Statement[];
  terms: QuotedTerm[];
}

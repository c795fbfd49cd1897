import { loadMatcher } from '../match/load';
import type { Matcher, MatchContext } from '../match/matcher';
import { compilePrefilter, prefilterMayMatch, type PrefilterSource } from '../match/prefilter';
import type { MatcherTables, Mention } from '../match/types';

/** Where the background keeps the user's entities compiled as matcher tables (absent when there are none). */
export const USER_MATCHER_KEY = 'backstory:userMatcher';

/** What the content script needs of a matcher: its entities, and mentions in a text. */
export interface MentionMatcher {
  readonly tables: Pick<MatcherTables, 'entities'>;
  match(text: string, context?: MatchContext): Mention[];
  /** False when `text` certainly holds no mention; asked before ready(), so it needs no tables. */
  mayMatch?(text: string): boolean;
  /** Loads what match() and tables need; the controller awaits it before the first match. */
  ready?(): Promise<void>;
}

/**
 * The bundled matcher and the user's own, run over the same text with one context (so "after the full name" and
 * "on topic" see both). Overlaps are settled as inside one matcher: the longer mention wins, the bundled one on a tie.
 */
export class CombinedMatcher implements MentionMatcher {
  readonly tables: Pick<MatcherTables, 'entities'>;

  constructor(
    private readonly bundled: Matcher,
    private readonly user: Matcher,
  ) {
    this.tables = { entities: [...bundled.tables.entities, ...user.tables.entities] };
  }

  match(text: string, context?: MatchContext): Mention[] {
    const base = this.bundled.match(text, context);
    const mine = this.user.match(text, context);
    if (mine.length === 0) return base;
    if (base.length === 0) return mine;
    const all = [...base.map((m) => ({ m, user: 0 })), ...mine.map((m) => ({ m, user: 1 }))];
    all.sort((a, b) => b.m.end - b.m.start - (a.m.end - a.m.start) || a.user - b.user || a.m.start - b.m.start);
    const used = new Uint8Array(text.length);
    const kept: Mention[] = [];
    for (const { m } of all) {
      if (used.subarray(m.start, m.end).includes(1)) continue;
      used.fill(1, m.start, m.end);
      kept.push(m);
    }
    return kept.sort((a, b) => a.start - b.start);
  }
}

/** The bundled matcher alone when the user has no entities (no extra work on any page), else both. */
export function withUserTables(bundled: Matcher, user: unknown): MentionMatcher {
  if (!user || typeof user !== 'object') return bundled;
  return new CombinedMatcher(bundled, loadMatcher(user as MatcherTables));
}

/**
 * The bundled matcher, loaded only when a page may mention something. Most pages name no entity:
 * the prefilter shipped inside the content script proves it, so they never fetch or parse the tables.
 * With the user's own entities there is no such proof to ship, and the tables load on the first scan.
 */
export class LazyMatcher implements MentionMatcher {
  private loaded: MentionMatcher | null = null;
  private loading: Promise<void> | null = null;
  private readonly gate: ReturnType<typeof compilePrefilter> | undefined;

  constructor(
    prefilter: PrefilterSource | null,
    private readonly load: () => Promise<MentionMatcher>,
    /** The user has entities of their own: the bundled prefilter cannot speak for them. */
    hasUserTables: boolean,
  ) {
    this.gate = hasUserTables ? undefined : compilePrefilter(prefilter);
  }

  get tables(): Pick<MatcherTables, 'entities'> {
    return this.loaded?.tables ?? { entities: [] };
  }

  mayMatch(text: string): boolean {
    return this.loaded !== null || this.gate === undefined || prefilterMayMatch(this.gate, text);
  }

  ready(): Promise<void> {
    this.loading ??= this.load().then(
      (matcher) => void (this.loaded = matcher),
      (error: unknown) => {
        this.loading = null;
        throw error;
      },
    );
    return this.loading;
  }

  match(text: string, context?: MatchContext): Mention[] {
    if (!this.loaded) throw new Error('Backstory: the matcher was used before ready(); await ready() first.');
    return this.loaded.match(text, context);
  }
}

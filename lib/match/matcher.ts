import { Automaton, naiveScan, type RawHit } from './automaton';
import { foldCodes, foldWithMap, isWordChar } from './fold';
import { hasOtherFirstName, isGeorgiaTheCountry, isTurkeyTheCountry } from './rules';
import type { MatcherTables, Mention } from './types';

/** Rules that need the rest of the text (an earlier or any full-name mention) rather than local context. */
const TEXT_LEVEL_RULES = new Set(['afterFullName', 'nearFullName', 'onTopic']);
/** Entities whose mention makes a text about the subject, for the onTopic rule. */
const TOPIC_ENTITIES = new Set(['armenia', 'azerbaijan', 'nagorno-karabakh']);

/** What earlier text on the same page showed: entities whose full name has appeared. Matching adds to it. */
export interface MatchContext {
  seenFull: Set<string>;
}

/** A compiled matcher: one automaton over every folded alias, plus the ambiguity rules. */
export class Matcher {
  readonly tables: MatcherTables;
  private built: Automaton | null = null;
  private readonly foldedPatterns: string[];

  constructor(tables: MatcherTables) {
    this.tables = tables;
    this.foldedPatterns = tables.patterns.map((p) => p.folded);
  }

  /** Every entity mention in `text`, with offsets into `text`, in order. */
  match(text: string, context?: MatchContext): Mention[] {
    const folded = foldCodes(text);
    return this.resolve(text, folded.map, this.automaton.scanCodes(folded.codes, folded.length), context);
  }

  /** Decoded (shipped prebuilt) or built on first use: where Backstory is off or paused, the content script never pays for it. */
  private get automaton(): Automaton {
    return (this.built ??= this.tables.automaton ? Automaton.fromData(this.tables.automaton) : Automaton.fromPatterns(this.foldedPatterns));
  }

  /** The same result as match(), from a naive indexOf scan: the property tests' reference. */
  matchNaive(text: string, context?: MatchContext): Mention[] {
    const folded = foldWithMap(text);
    return this.resolve(text, folded.map, naiveScan(this.foldedPatterns, folded.folded), context);
  }

  private resolve(text: string, map: Uint32Array, hits: RawHit[], context?: MatchContext): Mention[] {
    const candidates: Mention[] = [];
    for (const hit of hits) {
      const start = map[hit.start]!;
      const end = map[hit.end]!;
      if (isWordChar(charBefore(text, start)) || isWordChar(charAt(text, end))) continue;
      if (!this.passesLocalRules(hit.pattern, text, start, end)) continue;
      const pattern = this.tables.patterns[hit.pattern]!;
      candidates.push({ entity: this.tables.entities[pattern.entity]!.id, start, end, pattern: hit.pattern });
    }
    // Longest first, then leftmost, then lowest pattern index: deterministic whatever the scan order.
    candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.pattern - b.pattern);
    const taken: Mention[] = [];
    for (const c of candidates) {
      if (!overlapsAny(taken, c)) insertSorted(taken, c);
    }
    return this.applyTextRules(taken, context);
  }

  private passesLocalRules(index: number, text: string, start: number, end: number): boolean {
    const pattern = this.tables.patterns[index]!;
    for (const rule of pattern.rules) {
      if (rule === 'caseSensitive' && text.slice(start, end) !== pattern.alias) return false;
      if (rule === 'notAfterOtherFirstName' && hasOtherFirstName(text, start)) return false;
      if (rule === 'notUsState' && !isGeorgiaTheCountry(text, start, end)) return false;
      if (rule === 'notBird' && !isTurkeyTheCountry(text, start, end)) return false;
    }
    return true;
  }

  /** Drops surname-only and acronym mentions whose entity's full name is absent (or not yet seen). */
  private applyTextRules(mentions: Mention[], context?: MatchContext): Mention[] {
    const firstFull = new Map<string, number>();
    // A full name seen in earlier text of the same page counts as "before" everything here.
    for (const id of context?.seenFull ?? []) firstFull.set(id, -1);
    for (const m of mentions) {
      const rules = this.tables.patterns[m.pattern]!.rules;
      if (!rules.some((r) => TEXT_LEVEL_RULES.has(r)) && !firstFull.has(m.entity)) firstFull.set(m.entity, m.start);
    }
    if (context) for (const id of firstFull.keys()) context.seenFull.add(id);
    return mentions.filter((m) => {
      const rules = this.tables.patterns[m.pattern]!.rules;
      const full = firstFull.get(m.entity);
      if (rules.includes('afterFullName')) return full !== undefined && full < m.start;
      if (rules.includes('nearFullName')) return full !== undefined;
      if (rules.includes('onTopic')) return [...TOPIC_ENTITIES].some((id) => firstFull.has(id));
      return true;
    });
  }
}

function charBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const code = text.charCodeAt(index - 1);
  if (code >= 0xdc00 && code <= 0xdfff && index >= 2) return text.slice(index - 2, index);
  return text[index - 1];
}

function charAt(text: string, index: number): string | undefined {
  if (index >= text.length) return undefined;
  const cp = text.codePointAt(index)!;
  return String.fromCodePoint(cp);
}

function overlapsAny(sorted: Mention[], m: Mention): boolean {
  // Binary search for the first interval ending after m.start.
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.end <= m.start) lo = mid + 1;
    else hi = mid;
  }
  const next = sorted[lo];
  return next !== undefined && next.start < m.end;
}

function insertSorted(sorted: Mention[], m: Mention): void {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < m.start) lo = mid + 1;
    else hi = mid;
  }
  sorted.splice(lo, 0, m);
}

import { Automaton, naiveScan, type RawHit } from './automaton';
import { describe, type DescriptionToken } from './describe';
import { BLOCK_SEPARATOR, charAt, charBefore, foldCodes, foldWithMap, isWordChar } from './fold';
import { extendMatch, patternHead } from './grammar';
import { buildPrefilterSource, compilePrefilter, prefilterMayMatch, type Prefilter } from './prefilter';
import { hasOtherFirstName, hasTitleBefore, initialBefore, isGeorgiaTheCountry, isTurkeyTheCountry } from './rules';
import type { MatcherTables, Mention } from './types';

/** Rules that need the rest of the text (an earlier or any full-name mention) rather than local context. */
const TEXT_LEVEL_RULES = new Set(['afterFullName', 'nearFullName', 'onTopic', 'exclude']);
/** A first block at most this long is a headline: a surname there counts when the full name follows. */
const HEADLINE_MAX = 200;
const isWordCode = (code: number) => isWordChar(String.fromCharCode(code));
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
  /** Compiled on first use; null when the patterns allow no prefilter. */
  private prefilter: Prefilter | null | undefined;
  private readonly foldedPatterns: string[];
  /** Per entity, the folded first letters of its full names (aliases of two words or more, without rules); built on first use. */
  private initials: Map<number, Set<string>> | undefined;

  constructor(tables: MatcherTables) {
    this.tables = tables;
    this.foldedPatterns = tables.patterns.map(patternHead);
  }

  /** Every entity mention in `text`, with offsets into `text`, in order. */
  match(text: string, context?: MatchContext): Mention[] {
    return this.resolve(text, this.findHits(text), context);
  }

  /**
   * Every pattern occurrence in `text` that can count (word boundaries and local rules hold), in original offsets,
   * in blocks the prefilter flags. The whole text is folded and scanned in one pass, which costs less than running
   * the prefilter over it; the prefilter then runs only on the few blocks that hold a hit, so the result is the
   * same as matching exactly only the blocks it flags.
   */
  private findHits(text: string): RawHit[] {
    if (this.prefilter === undefined) this.prefilter = this.buildPrefilter();
    const prefilter = this.prefilter;
    const hits = this.exactHits(text).filter((hit) => this.admissible(text, hit));
    if (!prefilter || hits.length === 0) return hits;
    // Hits come in order of their end, so those of one block come together: the block's flag is kept until the next.
    let blockStart = -1;
    let blockEnd = -1;
    let flagged = false;
    return hits.filter((hit) => {
      if (hit.start < blockStart || hit.start >= blockEnd) {
        blockStart = text.lastIndexOf(BLOCK_SEPARATOR, hit.start) + 1;
        blockEnd = endOfBlock(text, hit.start);
        flagged = prefilterMayMatch(prefilter, text.slice(blockStart, blockEnd));
      }
      return flagged;
    });
  }

  /** True when a hit (in original offsets) stands on word boundaries and passes its pattern's local rules. */
  private admissible(text: string, { start, end, pattern }: RawHit): boolean {
    if (end <= start) return false;
    if (isWordChar(charBefore(text, start)) || isWordChar(charAt(text, end))) return false;
    return this.passesLocalRules(pattern, text, start, end);
  }

  /**
   * Folds and scans all of `text`; hits in original offsets. Only hits that start on a word boundary can count
   * (admissible() drops the rest), so the trie is walked only from those positions.
   */
  private exactHits(text: string): RawHit[] {
    const { codes, length, map, starts, startCount } = foldCodes(text);
    const hits = this.inflect(this.automaton.scanStarts(codes, length, starts, startCount), codes, length);
    for (const hit of hits) {
      hit.start = map[hit.start]!;
      hit.end = map[hit.end]!;
    }
    return hits;
  }

  /** Hits (in folded offsets) of patterns with suffix slots, extended to the end of their inflected form or dropped. */
  private inflect(hits: RawHit[], codes: ArrayLike<number>, length: number): RawHit[] {
    const patterns = this.tables.patterns;
    if (!hits.some((h) => patterns[h.pattern]!.slots)) return hits;
    return hits.filter((hit) => {
      const { folded, slots } = patterns[hit.pattern]!;
      if (!slots) return true;
      hit.end = extendMatch(folded, slots, codes, length, hit.end, isWordCode);
      return hit.end >= 0;
    });
  }

  private buildPrefilter(): Prefilter | null {
    return compilePrefilter(this.tables.prefilter === undefined ? buildPrefilterSource(this.tables.patterns) : this.tables.prefilter);
  }

  /** False when `text` certainly holds no mention (match() would return none): the prefilter alone, no folding or scan. */
  mayMatch(text: string): boolean {
    if (this.prefilter === undefined) this.prefilter = this.buildPrefilter();
    return prefilterMayMatch(this.prefilter, text);
  }

  /** Decoded (shipped prebuilt) or built on first use: where Backstory is off or paused, the content script never pays for it. */
  private get automaton(): Automaton {
    return (this.built ??= this.tables.automaton ? Automaton.fromData(this.tables.automaton) : Automaton.fromPatterns(this.foldedPatterns));
  }

  /** The same result as match(), from a naive indexOf scan: the property tests' reference. */
  matchNaive(text: string, context?: MatchContext): Mention[] {
    const folded = foldWithMap(text);
    // Code units, as the fast path reads them (iterating the string would merge an astral pair into one and shift every index after it).
    const codes = Array.from({ length: folded.folded.length }, (_, i) => folded.folded.charCodeAt(i));
    const hits = this.inflect(naiveScan(this.foldedPatterns, folded.folded), codes, codes.length).map((h) => ({
      ...h,
      start: folded.map[h.start]!,
      end: folded.map[h.end]!,
    }));
    return this.resolve(
      text,
      hits.filter((hit) => this.admissible(text, hit)),
      context,
    );
  }

  /** Applies the rules to admissible hits (in original offsets) and keeps the longest of overlapping ones. */
  private resolve(text: string, hits: RawHit[], context?: MatchContext): Mention[] {
    const candidates: Mention[] = [];
    const tokens: DescriptionToken[] = [];
    for (const { start, end, pattern: index } of hits) {
      const pattern = this.tables.patterns[index]!;
      const mention = { entity: this.tables.entities[pattern.entity]!.id, start, end, pattern: index };
      const role = pattern.rules.includes('head') ? 'head' : pattern.rules.includes('anchor') ? 'anchor' : null;
      if (role) tokens.push({ ...mention, role });
      else candidates.push(mention);
    }
    if (tokens.length) candidates.push(...describe(text, tokens));
    // Longest first, then leftmost, then lowest pattern index: deterministic whatever the scan order.
    candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.pattern - b.pattern);
    // A candidate is kept when none of its characters belongs to one kept before it.
    const used = new Uint8Array(text.length);
    const taken: Mention[] = [];
    candidates: for (const c of candidates) {
      for (let k = c.start; k < c.end; k++) if (used[k] === 1) continue candidates;
      used.fill(1, c.start, c.end);
      taken.push(c);
    }
    taken.sort((a, b) => a.start - b.start);
    // A longer name of another thing has taken its words; it names nothing itself.
    const named = taken.filter((m) => !this.tables.patterns[m.pattern]!.rules.includes('exclude'));
    return this.applyTextRules(text, named, context);
  }

  /** True when the surname at `start` follows the initial of one of its entity's first names ("И. Алиев"). */
  private hasOwnInitial(entity: number, text: string, start: number): boolean {
    const initial = initialBefore(text, start);
    if (!initial) return false;
    if (!this.initials) {
      this.initials = new Map();
      for (const p of this.tables.patterns) {
        if (p.rules.length || !p.folded.includes(' ')) continue;
        const set = this.initials.get(p.entity) ?? new Set();
        set.add(p.folded[0]!);
        this.initials.set(p.entity, set);
      }
    }
    return this.initials.get(entity)?.has(foldWithMap(initial).folded) ?? false;
  }

  private passesLocalRules(index: number, text: string, start: number, end: number): boolean {
    const pattern = this.tables.patterns[index]!;
    for (const rule of pattern.rules) {
      if (rule === 'caseSensitive' && text.slice(start, end) !== pattern.alias) return false;
      if (rule === 'notAfterOtherFirstName' && hasOtherFirstName(text, start) && !this.hasOwnInitial(pattern.entity, text, start))
        return false;
      if (rule === 'notUsState' && !isGeorgiaTheCountry(text, start, end)) return false;
      if (rule === 'notBird' && !isTurkeyTheCountry(text, start, end)) return false;
    }
    return true;
  }

  /** Drops surname-only and acronym mentions whose entity's full name is absent (or not yet seen). */
  private applyTextRules(text: string, mentions: Mention[], context?: MatchContext): Mention[] {
    const firstFull = new Map<string, number>();
    // A full name seen in earlier text of the same page counts as "before" everything here.
    for (const id of context?.seenFull ?? []) firstFull.set(id, -1);
    // A title before a surname ("European Council President Michel") makes it as good as the full name.
    const titled = new Set<Mention>();
    for (const m of mentions) {
      const rules = this.tables.patterns[m.pattern]!.rules;
      if (
        rules.includes('afterFullName') &&
        (hasTitleBefore(text, m.start) || this.hasOwnInitial(this.tables.patterns[m.pattern]!.entity, text, m.start))
      )
        titled.add(m);
      if ((titled.has(m) || !rules.some((r) => TEXT_LEVEL_RULES.has(r))) && !firstFull.has(m.entity)) firstFull.set(m.entity, m.start);
    }
    if (context) for (const id of firstFull.keys()) context.seenFull.add(id);
    const firstBlock = text.indexOf(BLOCK_SEPARATOR);
    const headlineEnd = firstBlock >= 0 && firstBlock <= HEADLINE_MAX ? firstBlock : -1;
    return mentions.filter((m) => {
      const rules = this.tables.patterns[m.pattern]!.rules;
      const full = firstFull.get(m.entity);
      // A surname in a headline counts when the full name follows in the article.
      if (rules.includes('afterFullName')) return titled.has(m) || (full !== undefined && (full < m.start || m.end <= headlineEnd));
      if (rules.includes('nearFullName')) return full !== undefined;
      if (rules.includes('onTopic')) return [...TOPIC_ENTITIES].some((id) => firstFull.has(id));
      return true;
    });
  }
}

/** Index of the separator that ends the block starting at `from`, or the text's length. */
function endOfBlock(text: string, from: number): number {
  const at = text.indexOf(BLOCK_SEPARATOR, from);
  return at < 0 ? text.length : at;
}

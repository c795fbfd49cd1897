/** A match of pattern `pattern` ending at folded index `end` (exclusive). */
export interface RawHit {
  pattern: number;
  start: number;
  end: number;
}

/**
 * Aho–Corasick automaton over folded strings. Its scan cost grows with the
 * text length plus the number of hits, not with the number of patterns.
 */
export class Automaton {
  private readonly goto: Array<Map<string, number>> = [new Map()];
  private readonly fail: number[] = [0];
  /** Patterns ending at each state (including through fail links), as [pattern, length]. */
  private readonly output: Array<Array<[number, number]>> = [[]];

  constructor(patterns: readonly string[]) {
    patterns.forEach((pattern, index) => {
      if (pattern.length === 0) return;
      let state = 0;
      for (let k = 0; k < pattern.length; k++) {
        const ch = pattern[k]!;
        let next = this.goto[state]!.get(ch);
        if (next === undefined) {
          next = this.goto.length;
          this.goto.push(new Map());
          this.fail.push(0);
          this.output.push([]);
          this.goto[state]!.set(ch, next);
        }
        state = next;
      }
      this.output[state]!.push([index, pattern.length]);
    });
    const queue: number[] = [];
    for (const next of this.goto[0]!.values()) queue.push(next);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [ch, next] of this.goto[state]!) {
        queue.push(next);
        let f = this.fail[state]!;
        while (f !== 0 && !this.goto[f]!.has(ch)) f = this.fail[f]!;
        const target = this.goto[f]!.get(ch);
        this.fail[next] = target !== undefined && target !== next ? target : 0;
        this.output[next]!.push(...this.output[this.fail[next]!]!);
      }
    }
  }

  /** Number of states, for benchmarks. */
  get size(): number {
    return this.goto.length;
  }

  /** Every occurrence of every pattern in `text`, in order of end position. */
  scan(text: string): RawHit[] {
    const hits: RawHit[] = [];
    let state = 0;
    // Patterns are folded strings of UTF-16 code units, so iterate code units.
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      let next = this.goto[state]!.get(ch);
      while (next === undefined && state !== 0) {
        state = this.fail[state]!;
        next = this.goto[state]!.get(ch);
      }
      state = next ?? 0;
      const out = this.output[state]!;
      for (let k = 0; k < out.length; k++) {
        const [pattern, length] = out[k]!;
        hits.push({ pattern, start: i + 1 - length, end: i + 1 });
      }
    }
    return hits;
  }
}

/** The reference matcher: indexOf for every pattern. Slow, obviously right; used by tests. */
export function naiveScan(patterns: readonly string[], text: string): RawHit[] {
  const hits: RawHit[] = [];
  patterns.forEach((pattern, index) => {
    if (pattern.length === 0) return;
    for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1)) {
      hits.push({ pattern: index, start: at, end: at + pattern.length });
    }
  });
  return hits;
}

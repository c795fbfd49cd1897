/** A match of pattern `pattern` ending at folded index `end` (exclusive). */
export interface RawHit {
  pattern: number;
  start: number;
  end: number;
}

/**
 * The automaton's tables. Edges of state s are edgeCode/edgeTarget[edgeStart[s] ..
 * edgeStart[s + 1]); patterns ending at s (including through fail links) are
 * outPattern[outStart[s] .. outStart[s + 1]); lengths[p] is pattern p's length.
 */
interface AutomatonArrays {
  edgeStart: Uint16Array | Uint32Array;
  edgeCode: Uint16Array;
  edgeTarget: Uint16Array | Uint32Array;
  fail: Uint16Array | Uint32Array;
  outStart: Uint16Array | Uint32Array;
  outPattern: Uint16Array | Uint32Array;
  lengths: Uint16Array | Uint32Array;
}
const ARRAY_NAMES = ['edgeStart', 'edgeCode', 'edgeTarget', 'fail', 'outStart', 'outPattern', 'lengths'] as const;

/** A typed array as JSON: element width in bits and little-endian bytes in base64. */
export interface EncodedArray {
  bits: 16 | 32;
  base64: string;
}
/** A prebuilt automaton, as shipped to the content script. */
export type AutomatonData = Record<(typeof ARRAY_NAMES)[number], EncodedArray>;

function encodeArray(array: Uint16Array | Uint32Array): EncodedArray {
  // Narrow to 16 bits when every value fits: the knowledge base's automaton then ships at half the size.
  const narrow = array instanceof Uint16Array || array.every((v) => v < 0x10000);
  const typed = narrow && !(array instanceof Uint16Array) ? Uint16Array.from(array) : array;
  const bytes = new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { bits: narrow ? 16 : 32, base64: btoa(binary) };
}

function decodeArray(encoded: EncodedArray): Uint16Array | Uint32Array {
  // Uint8Array.fromBase64 decodes natively (Chrome 140, Firefox 133); older browsers take the loop.
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  let bytes: Uint8Array;
  if (native) bytes = native(encoded.base64);
  else {
    const binary = atob(encoded.base64);
    bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  }
  const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
  return encoded.bits === 16 ? new Uint16Array(buffer) : new Uint32Array(buffer);
}

/** A state with at least this many edges, over codes less than DENSE_MAX_SPAN apart, gets a dense row of targets. */
const DENSE_MIN_EDGES = 4;
const DENSE_MAX_SPAN = 512;

/** Root transitions for code units below this come from a flat table; the rest (rare at the root) from a Map. */
const ROOT_TABLE_SIZE = 0x800;

/**
 * Aho–Corasick automaton over folded strings. Its scan cost grows with the
 * text length plus the number of hits, not with the number of patterns.
 * States and edges live in typed arrays (built in well under a millisecond
 * for the knowledge base's aliases), so a scan step is a table read or a
 * short linear probe rather than a hash lookup.
 */
export class Automaton {
  private readonly rootNext = new Uint32Array(ROOT_TABLE_SIZE);
  private readonly rootHigh = new Map<number, number>();

  /** The same tables, all as Uint32Array (edge codes as Uint16Array), so the scan loops see one array type whatever was decoded. */
  private readonly rows: { rowBase: Int32Array; rowMin: Uint16Array; rowLength: Uint16Array; rows: Uint32Array };
  private readonly wide: { [K in keyof AutomatonArrays]: K extends 'edgeCode' ? Uint16Array : Uint32Array };

  private constructor(private readonly arrays: AutomatonArrays) {
    const widen = (a: Uint16Array | Uint32Array) => (a instanceof Uint32Array ? a : Uint32Array.from(a));
    this.wide = {
      edgeStart: widen(arrays.edgeStart),
      edgeCode: arrays.edgeCode,
      edgeTarget: widen(arrays.edgeTarget),
      fail: widen(arrays.fail),
      outStart: widen(arrays.outStart),
      outPattern: widen(arrays.outPattern),
      lengths: widen(arrays.lengths),
    };
    // States with many edges (a trie's first levels) get a dense row over their edges' code range: one read, no probe.
    const states = this.wide.fail.length;
    const rowBase = new Int32Array(states).fill(-1);
    const rowMin = new Uint16Array(states);
    const rowLength = new Uint16Array(states);
    let cells = 0;
    const wideStart = this.wide.edgeStart;
    for (let s = 0; s < states; s++) {
      const from = wideStart[s]!;
      const to = wideStart[s + 1]!;
      if (to - from < DENSE_MIN_EDGES) continue;
      let min = 0xffff;
      let max = 0;
      for (let e = from; e < to; e++) {
        min = Math.min(min, arrays.edgeCode[e]!);
        max = Math.max(max, arrays.edgeCode[e]!);
      }
      if (max - min >= DENSE_MAX_SPAN) continue;
      rowBase[s] = cells;
      rowMin[s] = min;
      rowLength[s] = max - min + 1;
      cells += max - min + 1;
    }
    const rows = new Uint32Array(cells);
    for (let s = 0; s < states; s++) {
      if (rowBase[s]! < 0) continue;
      for (let e = wideStart[s]!; e < wideStart[s + 1]!; e++)
        rows[rowBase[s]! + arrays.edgeCode[e]! - rowMin[s]!] = this.wide.edgeTarget[e]!;
    }
    this.rows = { rowBase, rowMin, rowLength, rows };
    const { edgeStart, edgeCode, edgeTarget } = arrays;
    for (let e = edgeStart[0]!, end = edgeStart[1]!; e < end; e++) {
      const code = edgeCode[e]!;
      if (code < ROOT_TABLE_SIZE) this.rootNext[code] = edgeTarget[e]!;
      else this.rootHigh.set(code, edgeTarget[e]!);
    }
  }

  /** Builds the automaton for folded patterns (at build time, or in Node). */
  static fromPatterns(patterns: readonly string[]): Automaton {
    // The trie, as growable arrays: each state's first child, next sibling and the code unit leading into it.
    const transitions = new Map<number, number>();
    const key = (state: number, code: number) => state * 0x10000 + code;
    const firstChild: number[] = [-1];
    const nextSibling: number[] = [-1];
    const codeInto: number[] = [0];
    const ends: number[][] = [[]];
    const lengths = new Uint32Array(patterns.length);
    patterns.forEach((pattern, index) => {
      lengths[index] = pattern.length;
      if (pattern.length === 0) return;
      let state = 0;
      for (let k = 0; k < pattern.length; k++) {
        const code = pattern.charCodeAt(k);
        let next = transitions.get(key(state, code));
        if (next === undefined) {
          next = firstChild.length;
          transitions.set(key(state, code), next);
          firstChild.push(-1);
          nextSibling.push(firstChild[state]!);
          firstChild[state] = next;
          codeInto.push(code);
          ends.push([]);
        }
        state = next;
      }
      ends[state]!.push(index);
    });
    const states = firstChild.length;
    // Fail links and outputs, breadth first: a state's fail target is shallower, so its outputs are final.
    const fail = new Uint32Array(states);
    const outputs: number[][] = new Array<number[]>(states);
    outputs[0] = [];
    const order = [0];
    for (let head = 0; head < order.length; head++) {
      const state = order[head]!;
      for (let child = firstChild[state]!; child !== -1; child = nextSibling[child]!) {
        order.push(child);
        const code = codeInto[child]!;
        let target = 0;
        if (state !== 0) {
          for (let f = fail[state]!; ; f = fail[f]!) {
            const next = transitions.get(key(f, code));
            if (next !== undefined) {
              target = next;
              break;
            }
            if (f === 0) break;
          }
        }
        fail[child] = target;
        const own = ends[child]!;
        const inherited = outputs[target]!;
        outputs[child] = own.length === 0 ? inherited : inherited.length === 0 ? own : own.concat(inherited);
      }
    }
    // Flatten edges and outputs into typed arrays.
    const edgeStart = new Uint32Array(states + 1);
    const edgeCode = new Uint16Array(Math.max(states - 1, 0));
    const edgeTarget = new Uint32Array(Math.max(states - 1, 0));
    const outStart = new Uint32Array(states + 1);
    let edges = 0;
    let outs = 0;
    for (let s = 0; s < states; s++) outs += outputs[s]!.length;
    const outPattern = new Uint32Array(outs);
    outs = 0;
    for (let s = 0; s < states; s++) {
      edgeStart[s] = edges;
      for (let child = firstChild[s]!; child !== -1; child = nextSibling[child]!) {
        edgeCode[edges] = codeInto[child]!;
        edgeTarget[edges++] = child;
      }
      outStart[s] = outs;
      for (const p of outputs[s]!) outPattern[outs++] = p;
    }
    edgeStart[states] = edges;
    outStart[states] = outs;
    return new Automaton({ edgeStart, edgeCode, edgeTarget, fail, outStart, outPattern, lengths });
  }

  /** Rebuilds an automaton from toData()'s output: no construction work, only base64 decoding. */
  static fromData(data: AutomatonData): Automaton {
    const arrays = {} as Record<keyof AutomatonArrays, Uint16Array | Uint32Array>;
    for (const name of ARRAY_NAMES) arrays[name] = decodeArray(data[name]);
    return new Automaton(arrays as unknown as AutomatonArrays);
  }

  /** The automaton as serializable data, to ship it prebuilt. */
  toData(): AutomatonData {
    const data = {} as AutomatonData;
    for (const name of ARRAY_NAMES) data[name] = encodeArray(this.arrays[name]);
    return data;
  }

  /** Number of states, for benchmarks. */
  get size(): number {
    return this.arrays.fail.length;
  }

  /** Every occurrence of every pattern in `text`, in order of end position. */
  scan(text: string): RawHit[] {
    const codes = new Uint16Array(text.length);
    for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
    return this.scanCodes(codes, text.length);
  }

  /**
   * The hits of scanCodes() that start at one of starts[0 .. count) (ascending), in order of start (then of end): the
   * trie walked from each. Where few positions can start a hit (words' first letters), this reads far fewer table
   * entries than following fail links at every code unit.
   */
  scanStarts(codes: Uint16Array, length: number, starts: Uint32Array, count: number): RawHit[] {
    const hits: RawHit[] = [];
    const { rootNext, rootHigh } = this;
    const { edgeStart, edgeCode, edgeTarget, outStart, outPattern, lengths } = this.wide;
    const { rowBase, rowMin, rowLength, rows } = this.rows;
    for (let k = 0; k < count; k++) {
      const i = starts[k]!;
      const first = codes[i]!;
      let state = first < ROOT_TABLE_SIZE ? rootNext[first]! : (rootHigh.get(first) ?? 0);
      if (state === 0) continue;
      for (let j = i + 1; ; j++) {
        // Patterns ending here that start at i: the state's own, as long as the walk (shorter ones come through fail links).
        const depth = j - i;
        for (let o = outStart[state]!, end = outStart[state + 1]!; o < end; o++) {
          const pattern = outPattern[o]!;
          if (lengths[pattern] === depth) hits.push({ pattern, start: i, end: j });
        }
        if (j >= length) break;
        const code = codes[j]!;
        let next = 0;
        const base = rowBase[state]!;
        if (base >= 0) {
          const offset = code - rowMin[state]!;
          if (offset >= 0 && offset < rowLength[state]!) next = rows[base + offset]!;
        } else
          for (let e = edgeStart[state]!, end = edgeStart[state + 1]!; e < end; e++) {
            if (edgeCode[e] === code) {
              next = edgeTarget[e]!;
              break;
            }
          }
        if (next === 0) break;
        state = next;
      }
    }
    return hits;
  }

  /** scan() over the first `length` UTF-16 code units of `codes` (what foldCodes() writes). */
  scanCodes(codes: Uint16Array, length: number): RawHit[] {
    const hits: RawHit[] = [];
    const { rootNext, rootHigh } = this;
    const { edgeStart, edgeCode, edgeTarget, fail, outStart, outPattern, lengths } = this.wide;
    let state = 0;
    for (let i = 0; i < length; i++) {
      const code = codes[i]!;
      for (;;) {
        if (state === 0) {
          state = code < ROOT_TABLE_SIZE ? rootNext[code]! : (rootHigh.get(code) ?? 0);
          break;
        }
        let next = -1;
        for (let e = edgeStart[state]!, end = edgeStart[state + 1]!; e < end; e++) {
          if (edgeCode[e] === code) {
            next = edgeTarget[e]!;
            break;
          }
        }
        if (next !== -1) {
          state = next;
          break;
        }
        state = fail[state]!;
      }
      for (let o = outStart[state]!, end = outStart[state + 1]!; o < end; o++) {
        const pattern = outPattern[o]!;
        hits.push({ pattern, start: i + 1 - lengths[pattern]!, end: i + 1 });
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

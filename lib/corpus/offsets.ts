import type { OffsetRuns } from './types';

/** Builds cleaned text while remembering where each character came from. */
export class MappedTextBuilder {
  private parts: string[] = [];
  private length = 0;
  private readonly runs: OffsetRuns = [];
  private lastOrigEnd = -1;

  /** Appends `text`, taken verbatim from the original at `origStart`. */
  appendOriginal(text: string, origStart: number): void {
    if (text.length === 0) return;
    if (this.lastOrigEnd !== origStart || this.runs.length === 0) {
      this.runs.push([this.length, origStart]);
    }
    this.parts.push(text);
    this.length += text.length;
    this.lastOrigEnd = origStart + text.length;
  }

  /** Appends synthetic text (a joining space) that maps to `origAt`. */
  appendSynthetic(text: string, origAt: number): void {
    if (text.length === 0) return;
    this.runs.push([this.length, origAt]);
    this.parts.push(text);
    this.length += text.length;
    // Force the next original text to open a new run.
    this.lastOrigEnd = -1;
  }

  /** Length of the text so far (without joining it: callers check it once per word). */
  get size(): number {
    return this.length;
  }

  get text(): string {
    return this.parts.join('');
  }

  get offsetRuns(): OffsetRuns {
    return this.runs.map(([c, o]) => [c, o]);
  }
}

/** Maps an offset in cleaned text back to an offset in the original file. */
export function toOriginalOffset(runs: OffsetRuns, cleanOffset: number): number {
  let lo = 0;
  let hi = runs.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid]![0] <= cleanOffset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  const run = runs[found];
  if (!run) return cleanOffset;
  return run[1] + (cleanOffset - run[0]);
}

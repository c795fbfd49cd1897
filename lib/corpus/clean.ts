import { MappedTextBuilder } from './offsets';
import type { ChromeRule, OffsetRuns, Passage, PassageKind } from './types';

/** A cleaned block before it gets an id and sentences. */
export type CleanBlock = Omit<Passage, 'id' | 'doc' | 'ordinal' | 'sentences'>;

interface Line {
  text: string;
  start: number;
  number: number;
}

/** Lines that are page furniture in any document: "Read more" teasers, photo credits, lone agency credits. */
const GENERIC_CHROME = [/^\[Read more:.*\]$/, /^Photo by .+ via /, /^(AFP|Reuters|AP)$/];

/** Splits text into lines with their offsets and 1-based numbers. */
function splitLines(raw: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let number = 1;
  for (const piece of raw.split('\n')) {
    lines.push({ text: piece.replace(/\r$/, ''), start, number });
    start += piece.length + 1;
    number += 1;
  }
  return lines;
}

/** Marks the lines covered by chrome rules; throws on a rule that matches nothing. */
function chromeMask(lines: Line[], rules: ChromeRule[], where: string): boolean[] {
  const dropped = lines.map(() => false);
  rules.forEach((rule, index) => {
    const from = new RegExp(rule.from);
    const startLine = lines.findIndex((l) => from.test(l.text));
    if (startLine < 0) {
      throw new Error(
        `Backstory: ${where}: chrome rule ${index + 1}: 'from' /${rule.from}/ matches no line; fix the pattern or remove the rule.`,
      );
    }
    let endLine = startLine;
    if (rule.through === 'END') endLine = lines.length - 1;
    else if (rule.through) {
      const through = new RegExp(rule.through);
      endLine = lines.findIndex((l, i) => i >= startLine && through.test(l.text));
      if (endLine < 0) {
        throw new Error(
          `Backstory: ${where}: chrome rule ${index + 1}: 'through' /${rule.through}/ matches no line after line ${lines[startLine]!.number}.`,
        );
      }
    }
    for (let i = startLine; i <= endLine; i++) dropped[i] = true;
  });
  return dropped;
}

const TERMINAL = /[.!?…:;]["”’)]*\d{0,2}$/;

/** True for a block that reads as a heading: short and without closing punctuation. */
export function looksLikeHeading(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean).length;
  return words <= 14 && !TERMINAL.test(text.trim());
}

/** True when a paragraph was cut in two by a stray blank line (ends mid-sentence on a lowercase word). */
function endsMidSentence(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean).length;
  return words > 14 && /[a-z,]$/.test(text.trim());
}

/**
 * Inline cleaning of one line: markdown links and emphasis, heading markers,
 * note references after punctuation, and whitespace runs. Keeps offsets.
 */
export function cleanInline(
  text: string,
  origStart: number,
): { text: string; runs: OffsetRuns; noteRefs: Array<{ offset: number; note: number }> } {
  const out = new MappedTextBuilder();
  const noteRefs: Array<{ offset: number; note: number }> = [];
  // Tokens to drop, as [start, end) in `text`; everything else is kept verbatim.
  const drops: Array<[number, number]> = [];
  for (const m of text.matchAll(/\[([^\]\n]*)\]\((#|[^)\s]*)\)/g)) {
    const at = m.index!;
    drops.push([at, at + 1]);
    drops.push([at + 1 + m[1]!.length, at + m[0].length]);
  }
  for (const m of text.matchAll(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,;:!?])/g)) {
    const star = m.index! + m[1]!.length;
    drops.push([star, star + 1]);
    drops.push([star + 1 + m[2]!.length, star + 2 + m[2]!.length]);
  }
  const heading = /^#{1,6}\s+/.exec(text);
  if (heading) drops.push([0, heading[0].length]);
  const dashed = /^[–—-]\s+(.*\S)\s+[–—-]$/.exec(text);
  if (dashed) {
    drops.push([0, text.indexOf(dashed[1]!)]);
    drops.push([text.indexOf(dashed[1]!) + dashed[1]!.length, text.length]);
  }
  // Note markers: digits glued to sentence-final punctuation ("Armenia.1 The", "Armenia’s.”7").
  const notes: Array<[number, number, number]> = [];
  for (const m of text.matchAll(/(?<=\D)([.”"’])(\d{1,2})(?=\s|$)/g)) {
    const at = m.index! + 1;
    notes.push([at, at + m[2]!.length, Number(m[2])]);
    drops.push([at, at + m[2]!.length]);
  }
  drops.sort((a, b) => a[0] - b[0]);
  let pos = 0;
  let pendingSpace = false;
  const emit = (from: number, to: number) => {
    // Collapse whitespace runs (including no-break spaces) to one space, trimming ends.
    let i = from;
    while (i < to) {
      const ch = text[i]!;
      if (/\s/.test(ch)) {
        pendingSpace = true;
        i++;
        continue;
      }
      let j = i;
      while (j < to && !/\s/.test(text[j]!)) j++;
      if (pendingSpace && out.size > 0) out.appendSynthetic(' ', origStart + i - 1);
      pendingSpace = false;
      out.appendOriginal(text.slice(i, j), origStart + i);
      i = j;
    }
  };
  for (const [start, end] of drops) {
    if (start < pos) continue;
    emit(pos, start);
    const note = notes.find((n) => n[0] === start);
    if (note) noteRefs.push({ offset: out.size, note: note[2] });
    pos = end;
  }
  emit(pos, text.length);
  return { text: out.text, runs: out.offsetRuns, noteRefs };
}

/** Shifts runs and note offsets of a piece appended after `shift` cleaned characters. */
function shifted(runs: OffsetRuns, shift: number): OffsetRuns {
  return runs.map(([c, o]) => [c + shift, o]);
}

/**
 * Cleans one seed document into blocks: drops chrome, joins paragraphs broken
 * by stray blank lines, classifies titles, headings and notes.
 */
export function cleanDocument(raw: string, rules: ChromeRule[], where: string): CleanBlock[] {
  const lines = splitLines(raw);
  const dropped = chromeMask(lines, rules, where);
  const blocks: CleanBlock[] = [];
  let inNotes = false;
  const seenHeadings = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (dropped[i] || line.text.trim() === '') continue;
    if (GENERIC_CHROME.some((re) => re.test(line.text.trim()))) continue;
    const cleaned = cleanInline(line.text, line.start);
    if (cleaned.text === '') continue;
    const previous = blocks[blocks.length - 1];
    if (previous && previous.kind === 'paragraph' && endsMidSentence(previous.text)) {
      const shift = previous.text.length + 1;
      previous.runs.push([previous.text.length, line.start - 1]);
      previous.text += ' ' + cleaned.text;
      previous.runs.push(...shifted(cleaned.runs, shift));
      previous.noteRefs.push(...cleaned.noteRefs.map((n) => ({ ...n, offset: n.offset + shift })));
      previous.origEnd = line.start + line.text.length;
      continue;
    }
    const noteMatch = inNotes ? /^(\d{1,2})\s+\S/.exec(cleaned.text) : null;
    let kind: PassageKind = 'paragraph';
    if (noteMatch) kind = 'note';
    else if (blocks.length === 0 && cleaned.text.split(' ').length <= 14) kind = 'title';
    else if (looksLikeHeading(cleaned.text)) kind = 'heading';
    if (kind === 'heading' && cleaned.text === 'Notes') inNotes = true;
    if (kind === 'heading' || kind === 'title') {
      if (seenHeadings.has(cleaned.text)) continue;
      seenHeadings.add(cleaned.text);
    }
    blocks.push({
      kind,
      text: cleaned.text,
      origStart: line.start,
      origEnd: line.start + line.text.length,
      line: line.number,
      runs: cleaned.runs,
      noteRefs: kind === 'note' ? [] : cleaned.noteRefs,
      ...(noteMatch ? { noteNumber: Number(noteMatch[1]) } : {}),
    });
  }
  return blocks;
}

import type { Sentence } from './types';

/** Abbreviations after which Intl.Segmenter wrongly ends a sentence. */
const ABBREVIATION_END = /(?:\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Gov|Sen|Rep|Prof|No|Jr|Sr|vs|etc|Lt|Col|Maj|Capt|Sgt|Amb|Pres)\.)\s*$/;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Splits text into sentences, repairing splits after initials and abbreviations. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const seg of segmenter.segment(text)) {
    const start = seg.index;
    const end = seg.index + seg.segment.length;
    const previous = out[out.length - 1];
    if (previous && ABBREVIATION_END.test(text.slice(previous.start, previous.end))) {
      previous.end = end;
    } else {
      out.push({ start, end });
    }
  }
  // Trim trailing whitespace from each sentence.
  for (const s of out) {
    while (s.end > s.start && /\s/.test(text[s.end - 1]!)) s.end--;
  }
  return out.filter((s) => s.end > s.start);
}

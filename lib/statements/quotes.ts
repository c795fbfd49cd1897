/** A quotation mark pair found in a text. */
export interface QuoteSpan {
  /** Index of the opening mark and of the closing mark. */
  open: number;
  close: number;
  style: 'double' | 'single' | 'straight-double' | 'straight-single';
}

const LETTER = /[\p{L}\p{N}]/u;

/**
 * Pairs quotation marks in one paragraph. Apostrophes (Armenia’s, O'Brien,
 * stakeholders’) and stray marks ("James O. 'Brien") never pair.
 */
export function findQuotes(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let double = -1;
  let single = -1;
  let straightDouble = -1;
  let straightSingle = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const prev = text[i - 1];
    const next = text[i + 1];
    const letterBefore = prev !== undefined && LETTER.test(prev);
    const letterAfter = next !== undefined && LETTER.test(next);
    if (ch === '“') double = i;
    else if (ch === '”') {
      if (double >= 0) spans.push({ open: double, close: i, style: 'double' });
      double = -1;
    } else if (ch === '‘') {
      if (!letterBefore) single = i;
    } else if (ch === '’') {
      // Between letters it is an apostrophe; it closes only an open ‘ and only when no letter follows.
      if (single >= 0 && !letterAfter) {
        spans.push({ open: single, close: i, style: 'single' });
        single = -1;
      }
    } else if (ch === '"') {
      if (straightDouble >= 0 && !letterAfter) {
        spans.push({ open: straightDouble, close: i, style: 'straight-double' });
        straightDouble = -1;
      } else if (!letterBefore && next !== undefined && !/\s/.test(next)) straightDouble = i;
    } else if (ch === "'") {
      if (letterBefore && letterAfter) continue;
      if (straightSingle >= 0 && !letterAfter && letterBefore) {
        spans.push({ open: straightSingle, close: i, style: 'straight-single' });
        straightSingle = -1;
      } else if (!letterBefore && letterAfter && (prev === undefined || /[\s([—–-]/.test(prev))) {
        straightSingle = i;
      }
    }
  }
  return spans.sort((a, b) => a.open - b.open);
}

/** The words inside a quote, without edge punctuation. */
export function quoteWords(inner: string): string[] {
  return inner
    .replace(/^[\s,.;:]+|[\s,.;:]+$/g, '')
    .split(/\s+/)
    .filter(Boolean);
}

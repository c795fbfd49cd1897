/** A quotation mark pair found in a text. */
export interface QuoteSpan {
  /** Index of the opening mark and of the closing mark. */
  open: number;
  close: number;
  style: 'double' | 'single' | 'straight-double' | 'straight-single' | 'guillemet' | 'low-double' | 'single-guillemet';
}

/** A quotation that runs past its paragraph: the page lost a mark, or the quote goes on in the next paragraph. */
export interface PartialQuote {
  /** Index of the opening mark, or -1 when the paragraph starts inside the quotation. */
  open: number;
  /** Index of the closing mark, or the paragraph's length when the quotation goes on. */
  close: number;
}

const LETTER = /[\p{L}\p{N}]/u;

/**
 * Pairs quotation marks in one paragraph, in every convention the sources use:
 * “…” and ‘…’ (English, Azerbaijani, Turkish), «…» with nesting (French, Russian, Armenian),
 * „…“ (Russian, German), ‹…›, and straight marks. Apostrophes (Armenia’s, O'Brien,
 * Ermenistan'la, stakeholders’) and stray marks ("James O. 'Brien") never pair.
 */
export function findQuotes(text: string): QuoteSpan[] {
  return scan(text).spans;
}

/** The quotation a paragraph leaves open at its end, or closes without having opened (only at its start). */
export function findPartialQuotes(text: string): PartialQuote[] {
  return scan(text).partial;
}

function scan(text: string): { spans: QuoteSpan[]; partial: PartialQuote[] } {
  const spans: QuoteSpan[] = [];
  const partial: PartialQuote[] = [];
  let double = -1;
  let low = -1;
  let single = -1;
  const straightDouble: number[] = [];
  let straightSingle = -1;
  let angleSingle = -1;
  const guillemets: number[] = [];
  // Straight marks open and close alike: one is left over (a quotation that runs past the paragraph) only when their count is odd.
  const oddStraight = (text.split('"').length - 1) % 2 === 1;
  /** A closing mark before any opening one: the paragraph began inside a quotation. */
  const orphanClose = (i: number) => {
    if (spans.length === 0 && partial.length === 0 && guillemets.length === 0 && double < 0 && low < 0) {
      partial.push({ open: -1, close: i });
    }
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const prev = text[i - 1];
    const next = text[i + 1];
    const letterBefore = prev !== undefined && LETTER.test(prev);
    const letterAfter = next !== undefined && LETTER.test(next);
    if (ch === '„') low = i;
    else if ((ch === '“' || ch === '”') && low >= 0) {
      spans.push({ open: low, close: i, style: 'low-double' });
      low = -1;
    } else if (ch === '“') double = i;
    else if (ch === '”') {
      if (double >= 0) spans.push({ open: double, close: i, style: 'double' });
      // A straight mark closed by a curly one ("an offer and an agreement”): pages mix them.
      else if (straightDouble.length) spans.push({ open: straightDouble.pop()!, close: i, style: 'straight-double' });
      else if (!letterBefore && letterAfter)
        double = i; // ”…” (one mark both ways)
      else orphanClose(i);
      if (double !== i) double = -1;
    } else if (ch === '«') guillemets.push(i);
    else if (ch === '»') {
      const open = guillemets.pop();
      if (open !== undefined) spans.push({ open, close: i, style: 'guillemet' });
      else orphanClose(i);
    } else if (ch === '‹') angleSingle = i;
    else if (ch === '›') {
      if (angleSingle >= 0) spans.push({ open: angleSingle, close: i, style: 'single-guillemet' });
      angleSingle = -1;
    } else if (ch === '‘') {
      if (!letterBefore) single = i;
    } else if (ch === '’') {
      // Between letters it is an apostrophe; it closes only an open ‘ and only when no letter follows.
      if (single >= 0 && !letterAfter) {
        spans.push({ open: single, close: i, style: 'single' });
        single = -1;
      }
    } else if (ch === '"') {
      // Straight marks nest one level ("… работающих "на земле". … МИД"): an opener inside an open quotation.
      // A case ending may follow the closing mark ("Sherg.az"a, "Anadolu"ya).
      if (straightDouble.length && (!letterAfter || letterBefore) && prev !== undefined && !/\s/.test(prev)) {
        spans.push({ open: straightDouble.pop()!, close: i, style: 'straight-double' });
      } else if (!letterBefore && next !== undefined && !/\s/.test(next)) {
        if (straightDouble.length === 2) straightDouble.shift();
        straightDouble.push(i);
      } else if (oddStraight && !straightDouble.length && !letterAfter && prev !== undefined && !/\s/.test(prev)) orphanClose(i);
    } else if (ch === "'") {
      if (letterBefore && letterAfter) continue;
      // Closes after a letter or the quotation's own end punctuation ('…mı?' sorusuna).
      if (straightSingle >= 0 && !letterAfter && prev !== undefined && !/\s/.test(prev)) {
        spans.push({ open: straightSingle, close: i, style: 'straight-single' });
        straightSingle = -1;
      } else if (!letterBefore && letterAfter && (prev === undefined || /[\s([—–-]/.test(prev))) {
        straightSingle = i;
      }
    }
  }
  // A quotation still open at the paragraph's end goes on in the next paragraph.
  // A straight mark that opened after the paragraph's last pair and never closed opens such a quotation too.
  const open = [
    guillemets[0],
    double >= 0 ? double : undefined,
    low >= 0 ? low : undefined,
    oddStraight ? straightDouble[0] : undefined,
  ].filter((n) => n !== undefined);
  if (open.length) partial.push({ open: Math.min(...open), close: text.length });
  return { spans: spans.sort((a, b) => a.open - b.open), partial };
}

/** The words inside a quote, without edge punctuation. */
export function quoteWords(inner: string): string[] {
  return inner
    .replace(/^[\s,.;:]+|[\s,.;:]+$/g, '')
    .split(/\s+/)
    .filter((w) => LETTER.test(w));
}

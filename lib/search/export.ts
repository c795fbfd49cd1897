import { formatDate } from '../kb/citation';
import type { SearchHit } from '../messages';
import { matchKindLabel, NOT_ENGLISH_NOTE, verdictLabel, type DiffOp, type QuoteCheckResult } from './quote-check';

/** Formats a result can be copied in. */
export type ExportFormat = 'text' | 'markdown' | 'csv' | 'json';

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma, CR or LF. A
 * cell a spreadsheet would run as a formula (starting with =, +, -, @, tab or
 * CR) gets a leading apostrophe, so it is shown as text.
 */
export function csvCell(v: string | number | undefined | null): string {
  let s = v === undefined || v === null ? '' : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function sourceLine(h: SearchHit): string {
  const c = h.citation;
  if (!c) return '';
  return `${c.author ? `${c.author}, ` : ''}${c.publisher}, “${c.title}”, ${formatDate(c.date)}${c.url ? `, ${c.url}` : ''} [passage ${c.passage}]`;
}

/** One or more search hits with full citations, in the chosen format. */
export function exportHits(hits: SearchHit[], format: ExportFormat): string {
  if (format === 'json') {
    return JSON.stringify(
      hits.map((h) => ({
        type: h.type,
        title: h.title,
        text: h.text,
        kind: h.kind,
        speaker: h.speaker,
        date: h.date,
        citation: h.citation ?? null,
      })),
      null,
      2,
    );
  }
  if (format === 'csv') {
    const header = ['type', 'speaker', 'role', 'kind', 'date', 'text', 'publisher', 'title', 'source_date', 'url', 'passage', 'author'];
    const rows = hits.map((h) =>
      [
        h.type,
        h.speaker?.name ?? (h.type === 'entity' ? h.title : ''),
        h.speaker?.role,
        h.kind,
        h.date,
        h.text,
        h.citation?.publisher,
        h.citation?.title,
        h.citation?.date,
        h.citation?.url,
        h.citation?.passage,
        h.citation?.author,
      ]
        .map(csvCell)
        .join(','),
    );
    return [header.join(','), ...rows].join('\n');
  }
  return hits
    .map((h) => {
      const said = h.type === 'statement' ? (h.kind === 'direct' ? `“${h.text}”` : `${h.text} (reported)`) : h.text;
      const who = h.speaker
        ? ` — ${[h.speaker.name, h.speaker.role].filter(Boolean).join(', ')}${h.date ? `, ${formatDate(h.date)}` : ''}`
        : '';
      if (format === 'markdown') {
        const src = h.citation
          ? `\n  Source: ${h.citation.author ? `${h.citation.author}, ` : ''}${h.citation.url ? `[${h.citation.publisher}](${h.citation.url})` : h.citation.publisher}, “${h.citation.title}”, ${formatDate(h.citation.date)} (${h.citation.passage})`
          : '';
        return h.type === 'entity' ? `- **${h.title}**: ${h.text}` : `- ${said}${who}${src}`;
      }
      return h.type === 'entity' ? `${h.title}: ${h.text}` : `${said}${who}\n  ${sourceLine(h)}`;
    })
    .join('\n');
}

/** One difference in words, the same in every format: your words → the source's. */
export function describeDiff(d: Exclude<DiffOp, { op: 'equal' }>): string {
  const warn = d.negation ? ' (a negation: the meaning may be reversed)' : '';
  if (d.op === 'replace') return `your words “${d.checked}” → the source’s “${d.source}”${warn}`;
  if (d.op === 'missing')
    return `cut from your text: “${d.source}”${d.outside ? ' (the reporter’s words between two quoted fragments)' : ''}${warn}`;
  return `not in the source: “${d.checked}”${warn}`;
}

function differences(m: QuoteCheckResult['matches'][number]): string[] {
  const out = m.diff.filter((d): d is Exclude<DiffOp, { op: 'equal' }> => d.op !== 'equal').map(describeDiff);
  return out.length ? out : ['none: the words agree'];
}

/** A quote check's verdict, matches and differences, with full citations, in the chosen format. */
export function exportQuoteCheck(result: QuoteCheckResult, format: ExportFormat): string {
  const label = verdictLabel(result);
  const note = result.language ? NOT_ENGLISH_NOTE : '';
  if (format === 'json') return JSON.stringify({ ...result, label, ...(note ? { note } : {}) }, null, 2);
  if (format === 'csv') {
    const header = [
      'verdict',
      'label',
      'checked',
      'speaker',
      'role',
      'kind',
      'date',
      'source_wording',
      'publisher',
      'author',
      'title',
      'url',
      'passage',
      'differences',
      'not_found',
    ];
    const rows = (result.matches.length ? result.matches : [null]).map((m) =>
      [
        result.verdict,
        label,
        result.query,
        m?.speaker?.name,
        m?.speaker?.role,
        m ? matchKindLabel(m) : '',
        m?.date,
        m?.sourceText,
        m?.source.publisher,
        m?.source.author,
        m?.source.title,
        m?.source.url,
        m?.passage,
        m ? differences(m).join('; ') : result.query,
        result.unmatched.join(' … '),
      ]
        .map(csvCell)
        .join(','),
    );
    return [header.join(','), ...rows].join('\n');
  }
  const md = format === 'markdown';
  const item = md ? '- ' : '';
  const sub = md ? '  - ' : '  ';
  const lines = [md ? `**${label}**` : label, md ? `> ${result.query}` : `Checked: ${result.query}`];
  if (note) lines.push(note);
  for (const m of result.matches) {
    const who = m.speaker ? [m.speaker.name, m.speaker.role].filter(Boolean).join(', ') : 'Narration';
    const src = md && m.source.url ? `[${m.source.publisher}](${m.source.url})` : m.source.publisher;
    const by = m.source.author ? `${m.source.author}, ` : '';
    const url = !md && m.source.url ? `, ${m.source.url}` : '';
    lines.push(
      `${item}${who} (${matchKindLabel(m)}), ${formatDate(m.date)}, ${by}${src}, “${m.source.title}”${url} (${m.passage}): “${m.sourceText}”`,
    );
    for (const d of differences(m)) lines.push(`${sub}differences: ${d}`);
    if (m.context) lines.push(`${sub}context (narration, ${m.context.passage}): ${m.context.text}`);
  }
  for (const u of result.unmatched) if (result.matches.length) lines.push(`${item}not found in any source: “${u}”`);
  return lines.join('\n');
}

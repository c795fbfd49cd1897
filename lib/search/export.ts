import { formatDate } from '../kb/citation';
import type { SearchHit } from '../messages';
import { VERDICT_LABEL, type QuoteCheckResult } from './quote-check';

/** Formats a result can be copied in. */
export type ExportFormat = 'text' | 'markdown' | 'csv' | 'json';

const csvCell = (v: string | number | undefined | null) => {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function sourceLine(h: SearchHit): string {
  const c = h.citation;
  if (!c) return '';
  return `${c.publisher}, “${c.title}”, ${formatDate(c.date)}${c.url ? `, ${c.url}` : ''} [passage ${c.passage}]`;
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
    const header = ['type', 'speaker', 'role', 'kind', 'date', 'text', 'publisher', 'title', 'source_date', 'url', 'passage'];
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
          ? `\n  Source: ${h.citation.url ? `[${h.citation.publisher}](${h.citation.url})` : h.citation.publisher}, “${h.citation.title}”, ${formatDate(h.citation.date)} (${h.citation.passage})`
          : '';
        return h.type === 'entity' ? `- **${h.title}**: ${h.text}` : `- ${said}${who}${src}`;
      }
      return h.type === 'entity' ? `${h.title}: ${h.text}` : `${said}${who}\n  ${sourceLine(h)}`;
    })
    .join('\n');
}

/** A quote check's verdict, matches and differences, with citations, in the chosen format. */
export function exportQuoteCheck(result: QuoteCheckResult, format: ExportFormat): string {
  if (format === 'json') return JSON.stringify(result, null, 2);
  if (format === 'csv') {
    const header = [
      'verdict',
      'checked',
      'speaker',
      'role',
      'date',
      'source_wording',
      'publisher',
      'title',
      'url',
      'passage',
      'differences',
    ];
    const rows = (result.matches.length ? result.matches : [null]).map((m) =>
      [
        result.verdict,
        result.query,
        m?.speaker?.name,
        m?.speaker?.role,
        m?.date,
        m?.sourceText,
        m?.source.publisher,
        m?.source.title,
        m?.source.url,
        m?.passage,
        m?.diff
          .filter((d) => d.op !== 'equal')
          .map((d) =>
            d.op === 'replace' ? `${d.checked} → ${d.source}` : d.op === 'missing' ? `missing: ${d.source}` : `extra: ${d.checked}`,
          )
          .join('; '),
      ]
        .map(csvCell)
        .join(','),
    );
    return [header.join(','), ...rows].join('\n');
  }
  const md = format === 'markdown';
  const lines = [
    md ? `**${VERDICT_LABEL[result.verdict]}**` : VERDICT_LABEL[result.verdict],
    md ? `> ${result.query}` : `Checked: ${result.query}`,
  ];
  for (const m of result.matches) {
    const who = m.speaker ? [m.speaker.name, m.speaker.role].filter(Boolean).join(', ') : 'Narration';
    const src = md && m.source.url ? `[${m.source.publisher}](${m.source.url})` : m.source.publisher;
    lines.push(`${md ? '- ' : ''}${who}, ${formatDate(m.date)}, ${src}, “${m.source.title}” (${m.passage}): “${m.sourceText}”`);
    for (const d of m.diff) {
      if (d.op === 'replace') lines.push(`${md ? '  - ' : '  '}differs: “${d.checked}” → source: “${d.source}”`);
      if (d.op === 'missing') lines.push(`${md ? '  - ' : '  '}missing from the checked text: “${d.source}”`);
      if (d.op === 'extra') lines.push(`${md ? '  - ' : '  '}not in the source: “${d.checked}”`);
    }
  }
  return lines.join('\n');
}

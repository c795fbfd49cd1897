import type { Provenance } from '../corpus/types';
import { statementDateLabel } from '../statements/dates';
import type { Statement } from '../statements/types';

/** A URL to the original article that scrolls to the passage (a text fragment), when the source has a URL. */
export function textFragmentUrl(url: string | null, passageText: string): string | null {
  if (!url) return null;
  const words = passageText
    .replace(/[“”"‘’]/g, '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return url;
  const start = words.slice(0, Math.min(6, words.length)).join(' ');
  const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D');
  if (words.length <= 12) return `${url}#:~:text=${enc(start)}`;
  return `${url}#:~:text=${enc(start)},${enc(words.slice(-4).join(' '))}`;
}

/** "22 October 2024" from "2024-10-22"; "September 2022" and "1990" from the partial dates statements can carry. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number?, number?];
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  if (m === undefined) return String(y);
  return d === undefined ? `${months[m - 1]} ${y}` : `${d} ${months[m - 1]} ${y}`;
}

/** A statement's citation as plain text and as Markdown: “quote,” Speaker, Role, Publisher, Date, URL. */
export function statementCitation(statement: Statement, source: Provenance): { text: string; markdown: string } {
  const date = statementDateLabel(statement);
  const words = statement.kind === 'direct' ? `“${statement.text.replace(/[.,]$/, '')},”` : `${statement.text} (reported)`;
  const who = [statement.speaker.name, statement.speaker.role].filter(Boolean).join(', ');
  const where = [source.publisher, date].join(', ');
  const text = `${words} ${who}, ${where}${source.url ? `, ${source.url}` : ''}`;
  const markdown = `> ${words}\n> — ${who}, ${source.url ? `[${source.publisher}](${source.url})` : source.publisher}, ${date}`;
  return { text, markdown };
}

/**
 * Numbers citations in the order a reader meets them: each group is one line
 * of the card (description, naming notes, background sentences, in display
 * order). Returns the passage ids in number order and, per group, its numbers
 * in ascending order (so a line reads "[2][3]", never "[3][2]").
 */
export function numberCitations(groups: string[][]): { order: string[]; refs: number[][] } {
  const order: string[] = [];
  const refs = groups.map((cites) =>
    [
      ...new Set(
        cites.map((id) => {
          if (!order.includes(id)) order.push(id);
          return order.indexOf(id) + 1;
        }),
      ),
    ].sort((a, b) => a - b),
  );
  return { order, refs };
}

/** Source entries that would read the same (same document) get the passage number and its first words to tell them apart. */
export function passageDistinctions(passages: { id: string; doc: string; ordinal: number; text: string }[]): Map<string, string> {
  const perDoc = new Map<string, number>();
  for (const p of passages) perDoc.set(p.doc, (perDoc.get(p.doc) ?? 0) + 1);
  const out = new Map<string, string>();
  for (const p of passages) {
    if ((perDoc.get(p.doc) ?? 0) < 2) continue;
    const words = p.text.split(/\s+/).filter(Boolean);
    const snippet = words
      .slice(0, 6)
      .join(' ')
      .replace(/[,;:.]$/, '');
    out.set(p.id, `passage ${p.ordinal}: “${snippet}${words.length > 6 ? '…' : ''}”`);
  }
  return out;
}

import { useEffect } from 'preact/hooks';
import type { CorpusDoc } from '../lib/corpus/types';
import { useI18n } from '../lib/i18n/preact';
import type { Mention } from '../lib/match/types';
import type { Statement } from '../lib/statements/types';

/** Props: one source document, the passage to show, statements to mark, and how to find entity mentions. */
export interface ReaderProps {
  doc: CorpusDoc;
  passageId: string | null;
  statements: Statement[];
  mentionsOf: (text: string) => Mention[];
  entityName: (id: string) => string;
  searchHref: (entityId: string) => string;
}

interface Piece {
  start: number;
  end: number;
  statement?: Statement;
  entity?: string;
}

/** Cuts a passage at statement and mention boundaries. */
function pieces(text: string, statements: Statement[], mentions: Mention[]): Piece[] {
  const cuts = new Set([0, text.length]);
  for (const s of statements) cuts.add(s.start).add(s.end);
  for (const m of mentions) cuts.add(m.start).add(m.end);
  const sorted = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i]!;
    const end = sorted[i + 1]!;
    out.push({
      start,
      end,
      statement: statements.find((s) => s.start <= start && s.end >= end),
      entity: mentions.find((m) => m.start <= start && m.end >= end)?.entity,
    });
  }
  return out;
}

/** A source document, cleanly: provenance header, passages, the requested one highlighted, statements and mentions marked. */
export function Reader({ doc, passageId, statements, mentionsOf, entityName, searchHref }: ReaderProps) {
  const p = doc.provenance;
  const tr = useI18n();
  const { t } = tr;
  useEffect(() => {
    if (passageId) document.getElementById(passageId)?.scrollIntoView({ block: 'center' });
  }, [passageId]);
  return (
    <article class="reader">
      <header>
        <p class="publisher">
          {p.publisher}
          {p.library && <span class="library"> · {t('readerFromLibrary', { kind: p.kind })}</span>}
        </p>
        <h1>{p.title}</h1>
        <p class="meta">
          {p.author ? `${p.author} · ` : ''}
          <time dateTime={p.date}>{tr.date(p.date)}</time>
          {p.url && (
            <>
              {' · '}
              <a href={p.url} rel="noopener noreferrer">
                {t('cardOriginal')}
              </a>
            </>
          )}
        </p>
      </header>
      {doc.passages
        .filter((x) => x.kind !== 'title')
        .map((x) => {
          const Tag = x.kind === 'heading' ? 'h2' : 'p';
          const said = statements.filter((s) => s.passage === x.id);
          return (
            <Tag key={x.id} id={x.id} class={`${x.kind}${x.id === passageId ? ' target' : ''}`}>
              {pieces(x.text, said, mentionsOf(x.text)).map((piece, i) => {
                const words = x.text.slice(piece.start, piece.end);
                const inner = piece.entity ? (
                  <a href={searchHref(piece.entity)} class="entity" title={t('readerEntityTitle', { name: entityName(piece.entity) })}>
                    {words}
                  </a>
                ) : (
                  words
                );
                return piece.statement ? (
                  <span
                    key={i}
                    class={`statement ${piece.statement.kind}`}
                    title={t(piece.statement.kind === 'direct' ? 'readerQuoteBy' : 'readerReportedBy', {
                      name: piece.statement.speaker.name,
                    })}
                  >
                    {inner}
                  </span>
                ) : (
                  <span key={i}>{inner}</span>
                );
              })}
            </Tag>
          );
        })}
    </article>
  );
}

import { useEffect } from 'preact/hooks';
import type { CorpusDoc } from '../lib/corpus/types';
import { formatDate } from '../lib/kb/citation';
import type { Statement } from '../lib/statements/types';

/** Props: one source document, the passage to show, and the statements to mark. */
export interface ReaderProps {
  doc: CorpusDoc;
  passageId: string | null;
  statements: Statement[];
}

/** A source document, cleanly: provenance header, passages, the requested one highlighted and scrolled to. */
export function Reader({ doc, passageId, statements }: ReaderProps) {
  const p = doc.provenance;
  useEffect(() => {
    if (passageId) document.getElementById(passageId)?.scrollIntoView({ block: 'center' });
  }, [passageId]);
  return (
    <article class="reader">
      <header>
        <p class="publisher">{p.publisher}</p>
        <h1>{p.title}</h1>
        <p class="meta">
          {p.author ? `${p.author} · ` : ''}
          <time dateTime={p.date}>{formatDate(p.date)}</time>
          {p.url && (
            <>
              {' · '}
              <a href={p.url} rel="noopener noreferrer">
                original
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
            <Tag key={x.id} id={x.id} class={`${x.kind}${x.id === passageId ? ' target' : ''}`} data-statements={said.length || undefined}>
              {x.text}
              {said.length > 0 && (
                <span class="said">
                  {' '}
                  ({said.map((s) => `${s.kind === 'direct' ? 'quote' : 'reported'}: ${s.speaker.name}`).join('; ')})
                </span>
              )}
            </Tag>
          );
        })}
    </article>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import type { Passage, Provenance } from '../lib/corpus/types';
import { kindName, type Translator } from '../lib/i18n';
import { useI18n } from '../lib/i18n/preact';
import { CARD_STATEMENTS } from '../lib/kb/card';
import { numberCitations, passageDistinctions, statementCitation, textFragmentUrl } from '../lib/kb/citation';
import { statementDateLabel } from '../lib/statements/dates';
import type { CardData } from '../lib/messages';
import type { Statement } from '../lib/statements/types';

/** What the card can ask its host to do; the card itself touches no extension API. */
export interface CardActions {
  onClose: () => void;
  onPin: () => void;
  /** Copies text to the clipboard (the card offers plain text and Markdown); a rejected promise means it failed. */
  onCopy: (text: string) => Promise<void> | void;
  onOpenPassage: (passageId: string) => void;
  onSearchAll: (entityId: string) => void;
}

/** Props: the card data, the form the page used, and whether the card is pinned. */
export interface CardProps extends CardActions {
  data: CardData;
  pageForm?: string;
  pinned: boolean;
}

/** The kind in words, capitalised to start the line ("Person"). */
function kindLabel({ t, locale }: Translator, kind: string): string {
  const name = kindName(t, kind);
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

type Cited = Passage & { source: Provenance };

/** How long "Copied" stays on the button. */
const COPIED_MS = 2000;

/** "Copied" on the button that was used, for a moment, and the same news for screen readers. */
function useCopyStatus(onCopy: CardActions['onCopy']) {
  const [status, setStatus] = useState<{ key: string; message: string } | null>(null);
  const timer = useRef(0);
  const { t } = useI18n();
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const copy = async (key: string, text: string, what: string) => {
    let message = t('cardCopiedWhat', { what });
    try {
      await onCopy(text);
    } catch {
      message = t('cardCopyFailed');
    }
    setStatus({ key, message });
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setStatus(null), COPIED_MS);
  };
  return { status, copy };
}

/** The popover card: identity, background with numbered citations, statements by and about, counts. */
export function Card({ data, pageForm, pinned, ...actions }: CardProps) {
  const { entity } = data;
  const cardRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const { status, copy } = useCopyStatus(actions.onCopy);
  const tr = useI18n();
  const { t } = tr;
  const aka = [
    ...new Set(
      [pageForm, ...entity.aliases.filter((a) => !a.rules.length).map((a) => a.text)].filter((a): a is string => !!a && a !== entity.name),
    ),
  ].slice(0, 6);
  // Numbers in reading order: the description, then the naming notes above the background, then the background.
  const lines = [entity.description, ...entity.naming, ...entity.background];
  const { order, refs } = numberCitations(lines.map((l) => l.cites));
  const descriptionRefs = refs[0]!;
  const naming = entity.naming.map((n, i) => ({ text: n.text, refs: refs[1 + i]! }));
  const background = entity.background.map((b, i) => ({ text: b.text, refs: refs[1 + naming.length + i]! }));
  const cited = order.map((id) => data.passages[id]).filter((p): p is Cited => !!p);
  const distinctions = passageDistinctions(cited);
  // A citation number leads to its source entry inside the card; the page's own location never changes.
  const jump = (n: number) => {
    const entry = cardRef.current?.querySelector<HTMLElement>(`[data-source="${n}"]`);
    const body = bodyRef.current;
    if (!entry || !body) return;
    body.scrollTop = Math.max(0, entry.offsetTop - body.offsetTop - 8);
    entry.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
  };
  const titleId = `backstory-card-title-${entity.id}`;
  // A role is as of the newest source that states it.
  const roleDate = entity.description.cites
    .map((id) => data.passages[id]?.source.date)
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);
  return (
    <div class="card" role="dialog" aria-labelledby={titleId} data-entity={entity.id} ref={cardRef}>
      <header>
        <h2 id={titleId}>{entity.name}</h2>
        <div class="controls">
          <button
            type="button"
            class="pin"
            aria-pressed={pinned}
            title={pinned ? t('cardUnpin') : t('cardPinTitle')}
            onClick={actions.onPin}
          >
            {pinned ? t('cardPinned') : t('cardPin')}
          </button>
          <button type="button" class="close" aria-label={t('close')} onClick={actions.onClose}>
            ×
          </button>
        </div>
      </header>
      <div class="body" ref={bodyRef}>
        <p class="kind">
          {kindLabel(tr, entity.kind)}
          {entity.description.text ? ` · ${entity.description.text.replace(/\.$/, '')}` : ''}
          {entity.kind === 'person' && roleDate ? ` ${t('cardAsOf', { date: tr.date(roleDate) })}` : ''}
          {entity.description.text ? (
            <>
              {' '}
              <Refs refs={descriptionRefs} onJump={jump} />
            </>
          ) : null}
        </p>
        {aka.length > 0 && (
          <p class="aka">
            {t('cardAlso')}{' '}
            {aka
              .map((a, i) => (a === pageForm ? <strong key={i}>{a}</strong> : <span key={i}>{a}</span>))
              .reduce<preact.ComponentChild[]>((acc, el, i) => (i ? [...acc, ', ', el] : [el]), [])}
          </p>
        )}
        {naming.map((n, i) => (
          <p class="naming" key={i}>
            <span class="label">{t('cardNaming')}</span> {n.text} <Refs refs={n.refs} onJump={jump} />
          </p>
        ))}
        <section aria-label={t('cardBackground')}>
          <h3>{t('cardBackground')}</h3>
          {tr.locale !== 'en' && <p class="note">{t('sourcesLanguageNote')}</p>}
          <ul class="background">
            {background.map((b, i) => (
              <li key={i}>
                {b.text} <Refs refs={b.refs} onJump={jump} />
              </li>
            ))}
          </ul>
        </section>
        {(
          [
            [t('cardSaidBy', { name: entity.name }), data.statementsBy],
            [t('cardSaidAbout', { name: entity.name }), data.statementsAbout],
          ] as const
        ).map(([title, statements]) => (
          <StatementList
            key={title}
            title={title}
            statements={statements}
            passages={data.passages}
            actions={actions}
            copy={copy}
            copied={status?.key}
          />
        ))}
        <section aria-label={t('cardSources')} class="sources">
          <h3>{t('cardSources')}</h3>
          <ol>
            {order.map((id, i) => {
              const p = data.passages[id];
              return p ? (
                <SourceItem key={id} number={i + 1} passage={p} distinction={distinctions.get(id)} onOpen={actions.onOpenPassage} />
              ) : null;
            })}
          </ol>
        </section>
        <footer>
          {t('cardMentionedIn', { count: data.docCount, total: data.totalDocs })} ·{' '}
          <button type="button" class="link" onClick={() => actions.onSearchAll(entity.id)}>
            {t('cardSearchAll')}
          </button>
        </footer>
      </div>
      <p class="sr-only" role="status" aria-live="polite">
        {status?.message ?? ''}
      </p>
    </div>
  );
}

function Refs({ refs, onJump }: { refs: number[]; onJump: (n: number) => void }) {
  const { t } = useI18n();
  return (
    <sup class="refs">
      {refs.map((r) => (
        <a
          key={r}
          class="ref"
          href={`#backstory-source-${r}`}
          aria-label={t('cardSourceNumber', { number: r })}
          onClick={(e) => {
            e.preventDefault();
            onJump(r);
          }}
        >
          [{r}]
        </a>
      ))}
    </sup>
  );
}

function SourceItem({
  number,
  passage,
  distinction,
  onOpen,
}: {
  number: number;
  passage: Cited;
  distinction?: string;
  onOpen: (id: string) => void;
}) {
  const original = textFragmentUrl(passage.source.url, passage.text);
  const tr = useI18n();
  return (
    <li data-source={number}>
      <button type="button" class="link source" onClick={() => onOpen(passage.id)} title={tr.t('cardOpenPassage')}>
        {passage.source.publisher}, “{passage.source.title}”, {tr.date(passage.source.date)}
        {distinction ? `, ${distinction}` : ''}
      </button>
      {original && (
        <>
          {' · '}
          <a href={original} target="_blank" rel="noopener noreferrer">
            {tr.t('cardOriginal')}
          </a>
        </>
      )}
    </li>
  );
}

function StatementList({
  title,
  statements,
  passages,
  actions,
  copy,
  copied,
}: {
  title: string;
  statements: Statement[];
  passages: CardData['passages'];
  actions: CardActions;
  copy: (key: string, text: string, what: string) => Promise<void>;
  copied: string | undefined;
}) {
  const tr = useI18n();
  const { t } = tr;
  if (statements.length === 0) return null;
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      <ul class="statements">
        {statements.slice(0, CARD_STATEMENTS).map((s) => {
          const p = passages[s.passage];
          const source = p?.source;
          return (
            <li key={s.id} class={`statement ${s.kind}`} data-kind={s.kind}>
              {s.kind === 'direct' ? (
                <blockquote>“{s.text}”</blockquote>
              ) : (
                <p class="reported">
                  <span class="label">{t('cardReported')}</span> {s.text}
                </p>
              )}
              <p class="meta">
                <span class="speaker">{s.speaker.name}</span>
                {s.speaker.role ? `, ${s.speaker.role}` : ''}
                {s.kind === 'direct' ? (
                  <>
                    {' · '}
                    <span class="kindlabel">{t('badgeQuote')}</span>
                  </>
                ) : null}{' '}
                · <time dateTime={s.statedOn ?? s.docDate}>{statementDateLabel(s, tr)}</time>
                {source && (
                  <>
                    {' · '}
                    <button type="button" class="link" onClick={() => actions.onOpenPassage(s.passage)}>
                      {source.publisher}
                    </button>
                    {source.library && <span class="library"> · {t('fromYourLibrary')}</span>}
                  </>
                )}
                {source && (
                  <>
                    <button
                      type="button"
                      class="copy"
                      title={t('cardCopyTextTitle')}
                      onClick={() => void copy(`${s.id}:text`, statementCitation(s, source).text, t('cardCitation'))}
                    >
                      {copied === `${s.id}:text` ? t('cardCopied') : t('cardCopyCitation')}
                    </button>
                    <button
                      type="button"
                      class="copy"
                      title={t('cardCopyMarkdownTitle')}
                      onClick={() => void copy(`${s.id}:markdown`, statementCitation(s, source).markdown, t('cardMarkdownCitation'))}
                    >
                      {copied === `${s.id}:markdown` ? t('cardCopied') : 'Markdown'}
                    </button>
                  </>
                )}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The card's stylesheet, for its shadow root: px units, light and dark, reduced motion. */
export const CARD_CSS = `
:host { all: initial !important; }
.card { box-sizing: border-box; width: 380px; max-width: var(--backstory-max-width, calc(100vw - 16px));
  max-height: min(480px, var(--backstory-max-height, calc(100vh - 16px))); overflow: hidden; display: flex; flex-direction: column;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #ffffff;
  border: 1px solid #d0d7de; border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.18); padding: 0; text-align: left;
  animation: backstory-in 120ms ease-out; }
/* The name and the controls stay in view; everything else scrolls inside the card when space is short. */
header { flex: none; padding: 10px 14px 4px; }
.body { flex: 1 1 auto; min-height: 0; overflow: auto; overscroll-behavior: contain; padding: 0 14px 12px; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.card.dark { color: #e6edf3; background: #161b22; border-color: #30363d; }
@keyframes backstory-in { from { opacity: 0; transform: translateY(4px); } to { opacity: 1; transform: none; } }
@media (prefers-reduced-motion: reduce) { .card { animation: none; } }
* { box-sizing: border-box; }
header { display: flex; gap: 8px; justify-content: space-between; align-items: flex-start; }
.card { position: relative; }
h2 { font-size: 17px; margin: 0; font-weight: 650; }
h3 { font-size: 12px; letter-spacing: .04em; text-transform: uppercase; margin: 12px 0 4px; color: #57606a; font-weight: 600; }
.dark h3 { color: #8d96a0; }
p { margin: 2px 0; }
.kind, .aka, .meta, footer { font-size: 12.5px; color: #57606a; }
.dark .kind, .dark .aka, .dark .meta, .dark footer { color: #8d96a0; }
.note { font-size: 12px; color: #57606a; font-style: italic; }
.dark .note { color: #8d96a0; }
.naming { margin-top: 8px; font-size: 13px; background: #fff8c5; border-radius: 6px; padding: 6px 8px; }
.dark .naming { background: #3b2f00; }
.label { font-weight: 600; }
ul, ol { margin: 0; padding-left: 18px; }
li { margin: 3px 0; }
.statements { list-style: none; padding: 0; }
.statement { margin: 8px 0; }
blockquote { margin: 0; padding: 2px 0 2px 10px; border-left: 3px solid #c2410c; font-style: italic; }
.reported { padding-left: 13px; }
.reported .label { font-size: 12px; color: #57606a; }
.dark .reported .label { color: #8d96a0; }
.refs { font-size: 10.5px; margin-left: 1px; }
a.ref { color: #0969da; text-decoration: none; }
a.ref:hover { text-decoration: underline; }
.dark a.ref { color: #4493f8; }
button { font: inherit; font-size: 12.5px; cursor: pointer; border-radius: 6px; border: 1px solid #d0d7de; background: #f6f8fa; color: inherit; padding: 2px 8px; }
.dark button { background: #21262d; border-color: #30363d; }
button.link { border: 0; background: none; padding: 0; color: #0969da; text-decoration: underline; text-align: left; }
/* Source entries: left-aligned, top-aligned so the list number sits on the first line. */
button.source { vertical-align: top; display: inline; }
.sources li { padding-left: 2px; }
.dark button.link, .dark a { color: #4493f8; }
a { color: #0969da; }
button.copy { margin-left: 6px; padding: 0 6px; font-size: 11.5px; }
.controls { display: flex; gap: 4px; flex-shrink: 0; }
button.close { font-size: 16px; line-height: 1; padding: 2px 7px; }
button[aria-pressed="true"] { background: #ddf4ff; border-color: #54aeff; }
.dark button[aria-pressed="true"] { background: #0c2d6b; }
button:focus-visible, a:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
footer { margin-top: 10px; border-top: 1px solid #d0d7de; padding-top: 6px; }
.dark footer { border-color: #30363d; }
`;

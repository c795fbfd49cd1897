import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useI18n } from '../lib/i18n/preact';
import { kindName, type MessageKey } from '../lib/i18n';
import { foldPattern } from '../lib/match/fold';
import type { CorpusInfo, PageEntity, SearchHit } from '../lib/messages';
import { exportHits, exportQuoteCheck, type ExportFormat } from '../lib/search/export';
import { emptyRangeNote, parseQueryDates, rangeProblem } from '../lib/search/dates';
import type { SearchFilters } from '../lib/search/query';
import { matchKindLabel, tokenize, verdictLabel, type QuoteCheckResult, type QuoteMatch } from '../lib/search/quote-check';

/** Everything the popup asks of the extension, injected so the components hold no extension API. */
export interface PopupApi {
  search: (query: string, filters: SearchFilters) => Promise<SearchHit[]>;
  corpusInfo: () => Promise<CorpusInfo>;
  checkQuote: (text: string) => Promise<QuoteCheckResult>;
  /** Entities on the current tab, or null where the content script cannot run (or Backstory is off). */
  pageEntities: () => Promise<PageEntity[] | null>;
  scrollTo: (entityId: string) => void;
  openPassage: (passageId: string) => void;
  copy: (text: string) => Promise<void>;
}

export type PopupTab = 'search' | 'page' | 'check';

/** Props: the API, where to start, the layout (the toolbar's 400 px, or a full window for a tab), and the site switches. */
export interface PopupProps {
  api: PopupApi;
  initial?: { tab?: PopupTab; query?: string; entity?: string; check?: string };
  layout?: 'popup' | 'wide';
  children?: ComponentChildren;
}

/** Moves along a tablist: ←/→ wrap around, Home and End go to the ends. Returns null for other keys. */
export function tabKeyTarget<T>(tabs: readonly T[], current: T, key: string): T | null {
  const i = tabs.indexOf(current);
  if (key === 'ArrowRight') return tabs[(i + 1) % tabs.length]!;
  if (key === 'ArrowLeft') return tabs[(i - 1 + tabs.length) % tabs.length]!;
  if (key === 'Home') return tabs[0]!;
  if (key === 'End') return tabs[tabs.length - 1]!;
  return null;
}

/** The toolbar popup: search, what is on this page, and quote check. */
export function Popup({ api, initial = {}, layout = 'popup', children }: PopupProps) {
  const [tab, setTab] = useState<PopupTab>(initial.tab ?? (initial.check ? 'check' : 'search'));
  const [info, setInfo] = useState<CorpusInfo | null>(null);
  const { t } = useI18n();
  useEffect(() => void api.corpusInfo().then(setInfo, () => setInfo(null)), [api]);
  const tabs: Array<[PopupTab, string]> = [
    ['search', t('popupTabSearch')],
    ['page', t('popupTabPage')],
    ['check', t('popupTabCheck')],
  ];
  const tabRow = useRef<HTMLElement>(null);
  // The tablist pattern: arrows move and select, only the selected tab is in the Tab order.
  const onTabKey = (e: KeyboardEvent) => {
    const next = tabKeyTarget(
      tabs.map(([id]) => id),
      tab,
      e.key,
    );
    if (!next) return;
    e.preventDefault();
    setTab(next);
    tabRow.current?.querySelector<HTMLElement>(`#tab-${next}`)?.focus();
  };
  return (
    <main class={`popup ${layout}`}>
      <header>
        <h1>{t('extName')}</h1>
        <nav role="tablist" aria-label={t('extName')} ref={tabRow} onKeyDown={onTabKey}>
          {tabs.map(([id, label]) => (
            <button
              key={id}
              id={`tab-${id}`}
              role="tab"
              type="button"
              aria-selected={tab === id}
              aria-controls={`panel-${id}`}
              tabIndex={tab === id ? 0 : -1}
              onClick={() => setTab(id)}
            >
              {label}
            </button>
          ))}
        </nav>
      </header>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'search' && <SearchPanel api={api} info={info} initialQuery={initial.query ?? ''} initialEntity={initial.entity} />}
        {tab === 'page' && <PagePanel api={api} />}
        {tab === 'check' && <CheckPanel api={api} initialText={initial.check ?? ''} />}
      </div>
      {children}
    </main>
  );
}

/** Wraps the words that match a search term in <mark>. */
export function Highlighted({ text, terms }: { text: string; terms: string[] }) {
  const folded = terms.map((t) => foldPattern(t)).filter((t) => t.length > 1);
  if (folded.length === 0) return <>{text}</>;
  const parts = text.split(/([\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*)/u);
  return (
    <>
      {parts.map((p, i) => {
        const f = foldPattern(p);
        return i % 2 === 1 && folded.some((t) => f.startsWith(t) || t.startsWith(f.slice(0, Math.max(4, t.length - 1)))) ? (
          <mark key={i}>{p}</mark>
        ) : (
          p
        );
      })}
    </>
  );
}

function ExportButtons({ label, make, api }: { label: string; make: (f: ExportFormat) => string; api: PopupApi }) {
  const [done, setDone] = useState<string | null>(null);
  const { t } = useI18n();
  const formats: Array<[ExportFormat, string]> = [
    ['text', t('exportText')],
    ['markdown', 'Markdown'],
    ['csv', 'CSV'],
    ['json', 'JSON'],
  ];
  return (
    <div class="export" role="group" aria-label={label}>
      <span>{t('labelColon', { label })}</span>
      {formats.map(([f, name]) => (
        <button key={f} type="button" onClick={() => void api.copy(make(f)).then(() => setDone(name))}>
          {name}
        </button>
      ))}
      {done && <span role="status"> {t('exportCopiedAs', { format: done })}</span>}
    </div>
  );
}

/** One filter drop-down: the first option clears it. */
function FilterSelect(props: {
  label: string;
  any: string;
  value?: string;
  options: Array<[string, string]>;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <label>
      {props.label}{' '}
      <select
        aria-label={props.label}
        value={props.value ?? ''}
        onChange={(e) => props.onChange((e.target as HTMLSelectElement).value || undefined)}
      >
        <option value="">{props.any}</option>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

const GROUPS: Array<[SearchHit['type'], MessageKey]> = [
  ['entity', 'groupEntities'],
  ['statement', 'groupStatements'],
  ['passage', 'groupPassages'],
];

/** The result groups, ordered by their best hit; groups without hits keep the default order at the end. */
export function groupOrder(hits: SearchHit[]): typeof GROUPS {
  const first = (type: SearchHit['type']) => {
    const i = hits.findIndex((h) => h.type === type);
    return i < 0 ? Infinity : i;
  };
  return [...GROUPS].sort((a, b) => first(a[0]) - first(b[0]));
}

function SearchPanel({
  api,
  info,
  initialQuery,
  initialEntity,
}: {
  api: PopupApi;
  info: CorpusInfo | null;
  initialQuery: string;
  initialEntity?: string;
}) {
  const [query, setQuery] = useState(initialQuery);
  const [filters, setFilters] = useState<SearchFilters>(initialEntity ? { entity: initialEntity } : {});
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const tr = useI18n();
  const { t } = tr;
  useEffect(() => input.current?.focus(), []);
  const problem = rangeProblem(filters.from, filters.to, tr);
  const dated = parseQueryDates(query);
  useEffect(() => {
    let current = true;
    if (problem) {
      setHits([]);
      setError(problem);
      return;
    }
    api.search(query, filters).then(
      (h) => current && (setHits(h), setActive(0), setError(null)),
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, [query, filters, api, problem]);
  // Keep the active result in view as ↑/↓ move through a list longer than the window.
  useEffect(() => {
    const el = document.getElementById(`hit-${active}`);
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);
  // Groups in the order of their best result (hits arrive best first): a question about what someone said shows statements first.
  const groups = useMemo(() => groupOrder(hits), [hits]);
  const ordered = useMemo(() => groups.flatMap(([type]) => hits.filter((h) => h.type === type)), [groups, hits]);
  const openHit = (h: SearchHit) => {
    if (h.type === 'entity' && h.entity) setFilters({ ...filters, entity: h.entity });
    else if (h.citation) api.openPassage(h.citation.passage);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, ordered.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (e.key === 'Enter' && ordered[active]) openHit(ordered[active]!);
    else return;
    e.preventDefault();
  };
  const set = (patch: SearchFilters) => setFilters((f) => ({ ...f, ...patch }));
  const coverage = info ? t('searchCoverage', { count: info.documents.length, from: tr.date(info.from), to: tr.date(info.to) }) : '';
  const anyFilter = Object.values(filters).some(Boolean);
  return (
    <section aria-label={t('popupTabSearch')} onKeyDown={onKey}>
      <input
        ref={input}
        type="search"
        aria-label={t('searchInputLabel')}
        placeholder={t('searchPlaceholder')}
        value={query}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        aria-controls="results"
        aria-activedescendant={ordered[active] ? `hit-${active}` : undefined}
      />
      <details class="filters" open={anyFilter}>
        <summary>{anyFilter ? t('filtersOn') : t('filters')}</summary>
        <FilterSelect
          label={t('filterSpeaker')}
          any={t('filterSpeakerAny')}
          value={filters.speaker}
          options={info?.speakers.map((s) => [s.id, s.named ? s.name : t('speakerNotNamed', { name: s.name })]) ?? []}
          onChange={(speaker) => set({ speaker })}
        />
        <FilterSelect
          label={t('filterEntity')}
          any={t('filterEntityAny')}
          value={filters.entity}
          options={info?.entities.map((e) => [e.id, e.name]) ?? []}
          onChange={(entity) => set({ entity })}
        />
        <FilterSelect
          label={t('filterSource')}
          any={t('filterSourceAny')}
          value={filters.doc}
          options={info?.documents.map((d) => [d.id, `${d.publisher} (${d.date})`]) ?? []}
          onChange={(doc) => set({ doc })}
        />
        <FilterSelect
          label={t('filterDocuments')}
          any={t('filterDocumentsAny')}
          value={filters.source === 'all' ? undefined : filters.source}
          options={[
            ['bundled', t('filterDocumentsBundled')],
            ['library', t('filterDocumentsLibrary')],
          ]}
          onChange={(source) => set({ source: source as SearchFilters['source'] })}
        />
        <FilterSelect
          label={t('filterKind')}
          any={t('filterKindAny')}
          value={filters.kind}
          options={[
            ['direct', t('kindDirect')],
            ['reported', t('kindReported')],
          ]}
          onChange={(kind) => set({ kind: kind as SearchFilters['kind'] })}
        />
        <label>
          {t('filterFrom')}{' '}
          <input
            type="date"
            aria-label={t('filterFrom')}
            value={filters.from ?? ''}
            onChange={(e) => set({ from: (e.target as HTMLInputElement).value || undefined })}
          />
        </label>
        <label>
          {t('filterTo')}{' '}
          <input
            type="date"
            aria-label={t('filterTo')}
            value={filters.to ?? ''}
            onChange={(e) => set({ to: (e.target as HTMLInputElement).value || undefined })}
          />
        </label>
        {anyFilter && (
          <button type="button" onClick={() => setFilters({})}>
            {t('filtersClear')}
          </button>
        )}
      </details>
      {error && <p role="alert">{error}</p>}
      {dated.dateText && (
        <p class="dated" role="status">
          {t(dated.text ? 'datedMatching' : 'dated', {
            range: dated.from === dated.to ? tr.date(dated.from!) : t('dateRange', { from: tr.date(dated.from!), to: tr.date(dated.to!) }),
            dateText: dated.dateText,
            text: dated.text ?? '',
          })}
        </p>
      )}
      {!query && !anyFilter && (
        <div class="empty">
          <p>{t('searchIntro', { coverage })}</p>
          {tr.locale !== 'en' && <p class="note">{t('sourcesLanguageNote')}</p>}
          <p>{t('searchTry')}</p>
          <p class="suggestions">
            {info?.entities.slice(0, 8).map((e) => (
              <button key={e.id} type="button" onClick={() => setQuery(e.name)}>
                {e.name}
              </button>
            ))}
          </p>
        </div>
      )}
      {(query || anyFilter) && hits.length === 0 && !error && (
        <div class="empty" role="status">
          <p>{query ? t('noResultsFor', { query, coverage }) : t('noResults', { coverage })}</p>
          {info && (filters.from || filters.to || dated.dateText) && (
            <p>{emptyRangeNote(info.dates, filters.from ?? dated.from, filters.to ?? dated.to, tr)}</p>
          )}
          <p class="suggestions">
            {info?.entities.slice(0, 6).map((e) => (
              <button key={e.id} type="button" onClick={() => (setFilters({}), setQuery(e.name))}>
                {e.name}
              </button>
            ))}
          </p>
        </div>
      )}
      {hits.length > 0 && <ExportButtons label={t('copyAllResults')} api={api} make={(f) => exportHits(ordered, f)} />}
      <div id="results" data-testid="results" role="listbox" aria-label={t('results')}>
        {groups.map(([type, key]) => {
          const label = t(key);
          const group = hits.filter((h) => h.type === type);
          if (group.length === 0) return null;
          return (
            <section key={type} class="group" aria-label={label}>
              <h2>
                {label} <span class="count">{tr.number(group.length)}</span>
              </h2>
              <ul>
                {group.map((h) => {
                  const index = ordered.indexOf(h);
                  return (
                    <li
                      key={h.id}
                      id={`hit-${index}`}
                      role="option"
                      aria-selected={index === active}
                      data-type={h.type}
                      class={index === active ? 'active' : ''}
                      onClick={() => openHit(h)}
                      onMouseEnter={() => setActive(index)}
                    >
                      <strong>
                        <Highlighted text={h.title} terms={h.terms} />
                      </strong>
                      {h.type === 'statement' && (
                        <span class={`badge ${h.kind}`}>{h.kind === 'direct' ? t('badgeQuote') : t('badgeReported')}</span>
                      )}
                      {h.date && <small> · {tr.date(h.date)}</small>}
                      <div class={h.type === 'statement' && h.kind === 'direct' ? 'text quote' : 'text'}>
                        <Highlighted text={h.text.length > 240 ? `${h.text.slice(0, 240)}…` : h.text} terms={h.terms} />
                      </div>
                      {h.citation && (
                        <small class="source">
                          {h.citation.publisher}, “{h.citation.title}”
                          {h.citation.library && <span class="badge library"> {t('fromYourLibrary')}</span>}
                          <button
                            type="button"
                            class="copy"
                            onClick={(e) => {
                              e.stopPropagation();
                              void api.copy(exportHits([h], 'text'));
                            }}
                          >
                            {t('copy')}
                          </button>
                        </small>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}

function PagePanel({ api }: { api: PopupApi }) {
  const [entities, setEntities] = useState<PageEntity[] | null | undefined>(undefined);
  const { t } = useI18n();
  useEffect(() => void api.pageEntities().then(setEntities, () => setEntities(null)), [api]);
  if (entities === undefined) return <p>{t('pageLooking')}</p>;
  if (entities === null) return <p role="status">{t('pageNotRunning')}</p>;
  if (entities.length === 0) return <p role="status">{t('pageNothing')}</p>;
  return (
    <section aria-label={t('popupTabPage')}>
      <ul class="page-entities" data-testid="page-entities">
        {entities.map((e) => (
          <li key={e.id}>
            <button type="button" onClick={() => api.scrollTo(e.id)}>
              {e.name}
            </button>{' '}
            <small>
              {kindName(t, e.kind)} · {t('mentionCount', { count: e.count })}
            </small>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Shows the checked words against the source's: a legend, then the diff (your words struck through, the source's underlined). */
function Diff({ m }: { m: QuoteMatch }) {
  const { t } = useI18n();
  return (
    <p class="diff" aria-label={t('diffLabel')}>
      {m.diff.map((d, i) =>
        d.op === 'equal' ? (
          <span key={i}>{d.text} </span>
        ) : d.op === 'replace' ? (
          <span key={i} class={d.negation ? 'negation' : undefined}>
            <del title={t('diffYourWords')}>{d.checked}</del> <ins title={t('diffSourceWords')}>{d.source}</ins>{' '}
          </span>
        ) : d.op === 'missing' ? (
          <ins key={i} class={d.negation ? 'negation' : undefined} title={d.outside ? t('diffCutOutside') : t('diffCut')}>
            {d.source}{' '}
          </ins>
        ) : (
          <del key={i} class={d.negation ? 'negation' : undefined} title={t('diffNotInSource')}>
            {d.checked}{' '}
          </del>
        ),
      )}
    </p>
  );
}

function CheckPanel({ api, initialText }: { api: PopupApi; initialText: string }) {
  const [text, setText] = useState(initialText);
  const [result, setResult] = useState<QuoteCheckResult | null>(null);
  const [checking, setChecking] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tr = useI18n();
  const { t } = tr;
  const run = (value: string) => {
    setChecking(tokenize(value).norm.length);
    setError(null);
    api.checkQuote(value).then(
      (r) => (setResult(r), setChecking(null)),
      (e: Error) => (setError(e.message), setChecking(null)),
    );
  };
  useEffect(() => {
    if (initialText) run(initialText);
  }, []);
  return (
    <section aria-label={t('popupTabCheck')} aria-busy={checking !== null}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          run(text);
        }}
      >
        <textarea
          aria-label={t('checkInputLabel')}
          rows={4}
          placeholder={t('checkPlaceholder')}
          value={text}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        />
        <button type="submit" disabled={checking !== null}>
          {t('checkButton')}
        </button>
      </form>
      {checking !== null && (
        <p class="checking" role="status" data-testid="checking">
          <progress aria-label={t('checkingLabel')} /> {t('checkingWords', { count: checking })}
        </p>
      )}
      {error && <p role="alert">{error}</p>}
      {result && checking === null && (
        <div class="check-result" data-testid="check-result" data-verdict={result.verdict}>
          <p class={`verdict ${result.verdict}`} role="status">
            {result.tooShort ? t('checkTooShort') : verdictLabel(result, tr)}
          </p>
          {result.language && (
            <p class="note" data-testid="language-note">
              {t('checkNotEnglish')}
            </p>
          )}
          {result.matches.length > 0 && (
            <p class="legend" aria-label={t('legend')}>
              <del>{t('diffYourWords')}</del> <ins>{t('diffSourceWords')}</ins> <span class="negation">{t('legendNegation')}</span>
            </p>
          )}
          {result.matches.map((m) => (
            <div class="match" key={m.id}>
              <p class="who">
                {m.speaker ? [m.speaker.name, m.speaker.role].filter(Boolean).join(', ') : t('narrationNoSpeaker')}{' '}
                <span class={`badge ${m.statementKind ?? 'narration'}`}>{matchKindLabel(m, tr)}</span> · {tr.date(m.date)} ·{' '}
                <button type="button" class="link" onClick={() => api.openPassage(m.passage)}>
                  {m.source.author ? `${m.source.author}, ` : ''}
                  {m.source.publisher}, “{m.source.title}”
                </button>
              </p>
              {m.negation && (
                <p class="warning" role="note">
                  {t('checkNegation')}
                </p>
              )}
              <Diff m={m} />
              <p class="source-wording">
                {t('sourceWordsColon')} <q>{m.sourceText}</q>
              </p>
              {m.context && (
                <details class="context">
                  <summary>{t('narrationAround', { passage: m.context.passage })}</summary>
                  <p>{m.context.text}</p>
                </details>
              )}
            </div>
          ))}
          {result.matches.length > 0 && result.unmatched.length > 0 && (
            <p class="unmatched">{t('notFoundIn', { fragments: result.unmatched.map((u) => t('quoted', { text: u })).join(', ') })}</p>
          )}
          {!result.tooShort && <ExportButtons label={t('copyResult')} api={api} make={(f) => exportQuoteCheck(result, f)} />}
        </div>
      )}
    </section>
  );
}

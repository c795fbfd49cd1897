import { useEffect, useState } from 'preact/hooks';
import { errorText, type MessageKey, type Translator } from '../lib/i18n';
import type { ErrorCode } from '../lib/i18n/errors';
import { useI18n } from '../lib/i18n/preact';
import type { FileDraft } from '../lib/library/files';
import type { LibraryAddResult, LibraryDocSummary, LibraryInput, LibraryProvenance } from '../lib/library/types';

/** What the Library page asks of the extension, injected so the component holds no extension API. */
export interface LibraryApi {
  list: () => Promise<{ documents: LibraryDocSummary[]; usage?: { bytes: number; quota: number } }>;
  add: (documents: LibraryInput[]) => Promise<LibraryAddResult[]>;
  update: (id: string, provenance: LibraryProvenance) => Promise<{ ok: true } | ({ ok: false; error: string } & ErrorCode)>;
  remove: (ids: string[]) => Promise<string[]>;
  /** Saves the whole library as a pack file. */
  exportPack: () => Promise<void>;
  importPack: (text: string, name: string) => Promise<LibraryAddResult[]>;
  /** Reads picked or dropped files (errors name the file). */
  read: (files: File[]) => Promise<Array<FileDraft | ({ name: string; error: string } & ErrorCode)>>;
  open: (docId: string) => void;
}

type Draft = FileDraft & { provenance: LibraryProvenance };
/** One line of the report after an import: which file, and what happened. */
type Report = { name: string; ok: boolean; text: string };

const FIELDS: Array<[keyof LibraryProvenance, MessageKey, string]> = [
  ['title', 'fieldTitle', 'text'],
  ['publisher', 'fieldPublisher', 'text'],
  ['author', 'fieldAuthor', 'text'],
  ['date', 'fieldPublished', 'date'],
  ['url', 'fieldUrl', 'url'],
  ['kind', 'fieldKind', 'text'],
  ['language', 'fieldLanguage', 'text'],
];

function ProvenanceFields({
  value,
  onChange,
  prefix,
}: {
  value: LibraryProvenance;
  onChange: (p: LibraryProvenance) => void;
  prefix: string;
}) {
  const { t } = useI18n();
  return (
    <div class="fields">
      {FIELDS.map(([key, label, type]) => (
        <label key={key}>
          {t(label as 'fieldTitle')}
          <input
            name={`${prefix}-${key}`}
            type={type}
            required={key === 'title' || key === 'publisher' || key === 'date' || key === 'kind'}
            value={(value[key] as string | null | undefined) ?? ''}
            onInput={(e) =>
              onChange({ ...value, [key]: (e.target as HTMLInputElement).value || (key === 'author' || key === 'url' ? null : '') })
            }
          />
        </label>
      ))}
    </div>
  );
}

/** A document's counts in words: "120 words, 3 passages, …". */
function counts(tr: Translator, s: { words: number; passages?: number; statements: number; mentions: number }): string[] {
  return [
    tr.t('wordCount', { count: s.words }),
    ...(s.passages === undefined ? [] : [tr.t('passageCount', { count: s.passages })]),
    tr.t('statementCount', { count: s.statements }),
    tr.t('mentionCount', { count: s.mentions }),
  ];
}

function describe(tr: Translator, r: LibraryAddResult): Report {
  if (r.ok) return { name: r.name, ok: true, text: tr.t('libraryAddedStats', { stats: counts(tr, r.stats).join(', ') }) };
  return { name: r.name, ok: false, text: errorText(tr, r) };
}

/** A size in the language's own unit symbols ("12.3 MB", "12,3 МБ"). */
function bytes(tr: Translator, n: number, unit: 'megabyte' | 'gigabyte'): string {
  const value = n / 1024 / 1024 / (unit === 'gigabyte' ? 1024 : 1);
  return new Intl.NumberFormat(tr.locale, { style: 'unit', unit, maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(value);
}

/** The Library page: the user's documents with provenance, file and pack import, export, edit and remove. */
export function Library({ api }: { api: LibraryApi }) {
  const tr = useI18n();
  const { t } = tr;
  const [docs, setDocs] = useState<LibraryDocSummary[] | null>(null);
  const [usage, setUsage] = useState<{ bytes: number; quota: number } | undefined>();
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [report, setReport] = useState<Report[]>([]);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<{ id: string; provenance: LibraryProvenance; error?: string } | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);
  const [dragging, setDragging] = useState(false);

  const refresh = () =>
    api.list().then(
      (r) => (setDocs(r.documents), setUsage(r.usage)),
      (e: Error) => setReport([{ name: t('myLibrary'), ok: false, text: errorText(tr, e) }]),
    );
  useEffect(() => void refresh(), [api]);

  const run = async (work: () => Promise<Report[]>) => {
    setBusy(true);
    try {
      setReport(await work());
    } catch (e) {
      setReport([{ name: t('libraryImport'), ok: false, text: errorText(tr, e as Error) }]);
    } finally {
      setBusy(false);
      await refresh();
    }
  };

  const takeFiles = async (files: File[]) => {
    const packs = files.filter((f) => /\.json$/i.test(f.name));
    const others = files.filter((f) => !/\.json$/i.test(f.name));
    const read = await api.read(others);
    const failed: Report[] = read.flatMap((d) => ('error' in d ? [{ name: d.name, ok: false, text: errorText(tr, d) }] : []));
    setDrafts((ds) => [
      ...ds,
      ...read.flatMap((d) =>
        'error' in d
          ? []
          : [
              {
                ...d,
                provenance: { title: d.title, publisher: '', author: null, date: '', url: null, kind: 'news report', ...d.provenance },
              },
            ],
      ),
    ]);
    setReport(failed);
    for (const pack of packs) {
      const text = await pack.text();
      await run(async () => [...failed, ...(await api.importPack(text, pack.name)).map((r) => describe(tr, r))]);
    }
  };

  const importDrafts = () =>
    run(async () => {
      const results = await api.add(drafts.map(({ name, content, format, provenance }) => ({ name, content, format, provenance })));
      // Keep the drafts that failed, so their fields can be corrected.
      setDrafts((ds) => ds.filter((d) => results.some((r) => r.name === d.name && !r.ok && !('duplicateOf' in r && r.duplicateOf))));
      return results.map((r) => describe(tr, r));
    });

  return (
    <main class="library">
      <h1>{t('myLibrary')}</h1>
      <p class="note">{t('libraryNote')}</p>

      <section aria-label={t('libraryImport')}>
        <h2>{t('libraryImport')}</h2>
        <div
          class={dragging ? 'drop dragging' : 'drop'}
          data-testid="drop"
          onDragOver={(e) => (e.preventDefault(), setDragging(true))}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void takeFiles([...(e.dataTransfer?.files ?? [])]);
          }}
        >
          <p>{t('libraryDropHere')}</p>
          <label>
            {t('libraryChooseFiles')}{' '}
            <input
              type="file"
              multiple
              accept=".txt,.md,.markdown,.html,.htm,.json"
              aria-label={t('libraryChooseFiles')}
              onChange={(e) => {
                const input = e.target as HTMLInputElement;
                void takeFiles([...(input.files ?? [])]).then(() => (input.value = ''));
              }}
            />
          </label>
        </div>
        {drafts.length > 0 && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void importDrafts();
            }}
          >
            {drafts.map((d, i) => (
              <fieldset key={d.name} data-file={d.name}>
                <legend>
                  {d.name} <small>({d.encoding ? t('libraryReadAs', { format: d.format, encoding: d.encoding }) : d.format})</small>{' '}
                  <button type="button" class="link" onClick={() => setDrafts(drafts.filter((x) => x !== d))}>
                    {t('libraryDiscard')}
                  </button>
                </legend>
                <ProvenanceFields
                  prefix={`draft${i}`}
                  value={d.provenance}
                  onChange={(provenance) => setDrafts(drafts.map((x) => (x === d ? { ...x, provenance } : x)))}
                />
              </fieldset>
            ))}
            <button type="submit" disabled={busy}>
              {t('libraryAddDocuments', { count: drafts.length })}
            </button>
          </form>
        )}
        {report.length > 0 && (
          <ul class="report" data-testid="report" aria-live="polite">
            {report.map((r, i) => (
              <li key={i} class={r.ok ? 'ok' : 'error'} data-ok={r.ok}>
                {/* Errors already name the file. */}
                {r.ok ? (
                  <>
                    <strong>{r.name}</strong>: {r.text}
                  </>
                ) : (
                  r.text
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-label={t('libraryDocuments')}>
        <h2>
          {t('libraryDocuments')} <span class="count">{tr.number(docs?.length ?? 0)}</span>
        </h2>
        <p>
          <button type="button" onClick={() => void api.exportPack()} disabled={!docs?.length}>
            {t('libraryExport')}
          </button>{' '}
          {docs && docs.length > 0 && (
            <button
              type="button"
              class="danger"
              onClick={() => {
                if (!confirmAll) return setConfirmAll(true);
                setConfirmAll(false);
                void run(async () => {
                  const removed = await api.remove(docs.map((d) => d.id));
                  return [{ name: t('myLibrary'), ok: true, text: t('libraryRemovedCount', { count: removed.length }) }];
                });
              }}
            >
              {confirmAll ? t('libraryRemoveAllConfirm', { count: docs.length }) : t('libraryRemoveAll')}
            </button>
          )}
          {usage && usage.quota > 0 && (
            <small> {t('libraryStorage', { used: bytes(tr, usage.bytes, 'megabyte'), quota: bytes(tr, usage.quota, 'gigabyte') })}</small>
          )}
        </p>
        {docs?.length === 0 && <p class="empty">{t('libraryEmpty')}</p>}
        <ul class="docs" data-testid="documents">
          {docs?.map((d) => (
            <li key={d.id} data-id={d.id}>
              {editing?.id === d.id ? (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    void api
                      .update(d.id, editing.provenance)
                      .then((r) => (r.ok ? (setEditing(null), refresh()) : setEditing({ ...editing, error: errorText(tr, r) })));
                  }}
                >
                  <ProvenanceFields
                    prefix={`edit-${d.id}`}
                    value={editing.provenance}
                    onChange={(provenance) => setEditing({ ...editing, provenance })}
                  />
                  {editing.error && <p role="alert">{editing.error}</p>}
                  <button type="submit">{t('save')}</button>{' '}
                  <button type="button" onClick={() => setEditing(null)}>
                    {t('cancel')}
                  </button>
                </form>
              ) : (
                <>
                  <strong class="title">{d.provenance.title}</strong>
                  <div class="meta">
                    {d.provenance.publisher}
                    {d.provenance.author ? `, ${d.provenance.author}` : ''} · {tr.date(d.provenance.date)} · {d.provenance.kind}
                    {d.provenance.url && (
                      <>
                        {' · '}
                        <a href={d.provenance.url} target="_blank" rel="noreferrer noopener">
                          {t('cardOriginal')}
                        </a>
                      </>
                    )}
                  </div>
                  <small>
                    {[d.name, ...counts(tr, d.stats), t('libraryAddedOn', { date: tr.date(d.addedAt.slice(0, 10)) })].join(' · ')}
                  </small>
                  <div class="actions">
                    <button type="button" onClick={() => api.open(d.id)}>
                      {t('open')}
                    </button>
                    <button type="button" onClick={() => setEditing({ id: d.id, provenance: d.provenance })}>
                      {t('libraryEditProvenance')}
                    </button>
                    <button
                      type="button"
                      class="danger"
                      onClick={() =>
                        void run(async () => (await api.remove([d.id]), [{ name: d.name, ok: true, text: t('libraryRemovedOne') }]))
                      }
                    >
                      {t('remove')}
                    </button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}

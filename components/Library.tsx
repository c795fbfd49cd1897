import { useEffect, useState } from 'preact/hooks';
import { formatDate } from '../lib/kb/citation';
import type { FileDraft } from '../lib/library/files';
import type { LibraryAddResult, LibraryDocSummary, LibraryInput, LibraryProvenance } from '../lib/library/types';

/** What the Library page asks of the extension, injected so the component holds no extension API. */
export interface LibraryApi {
  list: () => Promise<{ documents: LibraryDocSummary[]; usage?: { bytes: number; quota: number } }>;
  add: (documents: LibraryInput[]) => Promise<LibraryAddResult[]>;
  update: (id: string, provenance: LibraryProvenance) => Promise<{ ok: true } | { ok: false; error: string }>;
  remove: (ids: string[]) => Promise<string[]>;
  /** Saves the whole library as a pack file. */
  exportPack: () => Promise<void>;
  importPack: (text: string, name: string) => Promise<LibraryAddResult[]>;
  /** Reads picked or dropped files (errors name the file). */
  read: (files: File[]) => Promise<Array<FileDraft | { name: string; error: string }>>;
  open: (docId: string) => void;
}

type Draft = FileDraft & { provenance: LibraryProvenance };
/** One line of the report after an import: which file, and what happened. */
type Report = { name: string; ok: boolean; text: string };

const FIELDS: Array<[keyof LibraryProvenance, string, string]> = [
  ['title', 'Title', 'text'],
  ['publisher', 'Publisher', 'text'],
  ['author', 'Author', 'text'],
  ['date', 'Published', 'date'],
  ['url', 'URL', 'url'],
  ['kind', 'Kind', 'text'],
  ['language', 'Language', 'text'],
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
  return (
    <div class="fields">
      {FIELDS.map(([key, label, type]) => (
        <label key={key}>
          {label}
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

function describe(r: LibraryAddResult): Report {
  if (r.ok) {
    const s = r.stats;
    return {
      name: r.name,
      ok: true,
      text: `added: ${s.words} words, ${s.passages} passages, ${s.statements} statements, ${s.mentions} mentions.`,
    };
  }
  return { name: r.name, ok: false, text: r.error };
}

/** The Library page: the user's documents with provenance, file and pack import, export, edit and remove. */
export function Library({ api }: { api: LibraryApi }) {
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
      (e: Error) => setReport([{ name: 'Library', ok: false, text: e.message }]),
    );
  useEffect(() => void refresh(), [api]);

  const run = async (work: () => Promise<Report[]>) => {
    setBusy(true);
    try {
      setReport(await work());
    } catch (e) {
      setReport([{ name: 'Import', ok: false, text: (e as Error).message }]);
    } finally {
      setBusy(false);
      await refresh();
    }
  };

  const takeFiles = async (files: File[]) => {
    const packs = files.filter((f) => /\.json$/i.test(f.name));
    const others = files.filter((f) => !/\.json$/i.test(f.name));
    const read = await api.read(others);
    const failed: Report[] = read.flatMap((d) => ('error' in d ? [{ name: d.name, ok: false, text: d.error }] : []));
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
      await run(async () => [...failed, ...(await api.importPack(text, pack.name)).map(describe)]);
    }
  };

  const importDrafts = () =>
    run(async () => {
      const results = await api.add(drafts.map(({ name, content, format, provenance }) => ({ name, content, format, provenance })));
      // Keep the drafts that failed, so their fields can be corrected.
      setDrafts((ds) => ds.filter((d) => results.some((r) => r.name === d.name && !r.ok && !('duplicateOf' in r && r.duplicateOf))));
      return results.map(describe);
    });

  return (
    <main class="library">
      <h1>My library</h1>
      <p class="note">
        Documents you add are searched, quote-checked and counted in cards alongside the bundled corpus. They stay in this browser
        (IndexedDB); nothing is sent anywhere.
      </p>

      <section aria-label="Import">
        <h2>Import</h2>
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
          <p>Drop .txt, .md or .html files here, or a pack (.json).</p>
          <label>
            Choose files{' '}
            <input
              type="file"
              multiple
              accept=".txt,.md,.markdown,.html,.htm,.json"
              aria-label="Choose files"
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
                  {d.name}{' '}
                  <small>
                    ({d.format}
                    {d.encoding ? `, read as ${d.encoding}` : ''})
                  </small>{' '}
                  <button type="button" class="link" onClick={() => setDrafts(drafts.filter((x) => x !== d))}>
                    drop
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
              Add {drafts.length} {drafts.length === 1 ? 'document' : 'documents'}
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

      <section aria-label="Documents">
        <h2>
          Documents <span class="count">{docs?.length ?? 0}</span>
        </h2>
        <p>
          <button type="button" onClick={() => void api.exportPack()} disabled={!docs?.length}>
            Export library as a pack
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
                  return [{ name: 'Library', ok: true, text: `removed ${removed.length} documents.` }];
                });
              }}
            >
              {confirmAll ? `Really remove all ${docs.length}?` : 'Remove all'}
            </button>
          )}
          {usage && usage.quota > 0 && (
            <small>
              {' '}
              Storage: {(usage.bytes / 1024 / 1024).toFixed(1)} MB of {(usage.quota / 1024 / 1024 / 1024).toFixed(1)} GB available.
            </small>
          )}
        </p>
        {docs?.length === 0 && (
          <p class="empty">No documents yet. Import files or a pack above, or add the page you are reading from the popup.</p>
        )}
        <ul class="docs" data-testid="documents">
          {docs?.map((d) => (
            <li key={d.id} data-id={d.id}>
              {editing?.id === d.id ? (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    void api
                      .update(d.id, editing.provenance)
                      .then((r) => (r.ok ? (setEditing(null), refresh()) : setEditing({ ...editing, error: r.error })));
                  }}
                >
                  <ProvenanceFields
                    prefix={`edit-${d.id}`}
                    value={editing.provenance}
                    onChange={(provenance) => setEditing({ ...editing, provenance })}
                  />
                  {editing.error && <p role="alert">{editing.error}</p>}
                  <button type="submit">Save</button>{' '}
                  <button type="button" onClick={() => setEditing(null)}>
                    Cancel
                  </button>
                </form>
              ) : (
                <>
                  <strong class="title">{d.provenance.title}</strong>
                  <div class="meta">
                    {d.provenance.publisher}
                    {d.provenance.author ? `, ${d.provenance.author}` : ''} · {formatDate(d.provenance.date)} · {d.provenance.kind}
                    {d.provenance.url && (
                      <>
                        {' · '}
                        <a href={d.provenance.url} target="_blank" rel="noreferrer noopener">
                          original
                        </a>
                      </>
                    )}
                  </div>
                  <small>
                    {d.name} · {d.stats.words} words · {d.stats.statements} statements · {d.stats.mentions} mentions · added{' '}
                    {d.addedAt.slice(0, 10)}
                  </small>
                  <div class="actions">
                    <button type="button" onClick={() => api.open(d.id)}>
                      Open
                    </button>
                    <button type="button" onClick={() => setEditing({ id: d.id, provenance: d.provenance })}>
                      Edit provenance
                    </button>
                    <button
                      type="button"
                      class="danger"
                      onClick={() => void run(async () => (await api.remove([d.id]), [{ name: d.name, ok: true, text: 'removed.' }]))}
                    >
                      Remove
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

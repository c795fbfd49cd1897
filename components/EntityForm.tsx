import { useEffect, useState } from 'preact/hooks';
import { ENTITY_KINDS, RULES } from '../lib/kb/types';
import { errorField } from '../lib/kb/user-entity-error';
import type { LibraryDocSummary, UserEntity } from '../lib/library/types';
import type { AliasRule } from '../lib/match/types';

/** What the entity form asks of the extension, injected so the component holds no extension API. */
export interface EntityFormApi {
  list: () => Promise<UserEntity[]>;
  save: (entity: Record<string, unknown>) => Promise<{ ok: true; id: string } | { ok: false; error: string }>;
  remove: (id: string) => Promise<{ ok: boolean }>;
  /** Library documents to cite from. */
  documents: () => Promise<LibraryDocSummary[]>;
  /** A document's passages, to pick the one that supports the description. */
  passages: (docId: string) => Promise<Array<{ id: string; text: string }>>;
}

interface AliasRow {
  text: string;
  rule: AliasRule | '';
}

interface FormState {
  id?: string;
  name: string;
  kind: string;
  aliases: AliasRow[];
  description: string;
  doc: string;
  cite: string;
}

const EMPTY: FormState = { name: '', kind: 'person', aliases: [{ text: '', rule: '' }], description: '', doc: '', cite: '' };

const RULE_LABEL: Record<AliasRule, string> = {
  afterFullName: 'only after the full name',
  nearFullName: 'only where the full name is on the page',
  caseSensitive: 'exact letter case',
  notAfterOtherFirstName: 'a surname: not after another first name',
  notUsState: 'not the US state',
  notBird: 'not the bird or the dish',
  onTopic: 'only on pages about Armenia–Azerbaijan',
  exclude: 'another thing with a longer name: never this entity',
  head: 'head noun of a description: only next to an anchor',
  anchor: 'anchor of a description (a date, a place): only next to a head noun',
};

/** The entity as the knowledge base's schema has it, from the form's fields. */
function toEntity(f: FormState): Record<string, unknown> {
  return {
    ...(f.id ? { id: f.id } : {}),
    name: f.name,
    kind: f.kind,
    aliases: f.aliases.filter((a) => a.text.trim()).map((a) => (a.rule ? { text: a.text.trim(), rule: a.rule } : a.text.trim())),
    description: { text: f.description, cites: f.cite ? [f.cite] : [] },
  };
}

function fromEntity(e: UserEntity): FormState {
  const cite = e.description.cites[0] ?? '';
  return {
    id: e.id,
    name: e.name,
    kind: e.kind,
    aliases: [...e.aliases.map((a): AliasRow => ({ text: a.text, rule: a.rules[0] ?? '' })), { text: '', rule: '' }],
    description: e.description.text,
    doc: cite.replace(/-p\d+$/, ''),
    cite,
  };
}

/**
 * Your own entities, on the Library page: add one with a name, kind, aliases (each with an ambiguity rule where
 * needed) and a description citing a passage of a library document; edit or remove it. The background validates it
 * like the bundled knowledge base, and its error is shown beside the field it names.
 */
export function EntityForm({ api }: { api: EntityFormApi }) {
  const [entities, setEntities] = useState<UserEntity[]>([]);
  const [docs, setDocs] = useState<LibraryDocSummary[]>([]);
  const [passages, setPassages] = useState<Array<{ id: string; text: string }>>([]);
  const [form, setForm] = useState<FormState>(EMPTY);
  const [error, setError] = useState<{ field: string; text: string } | null>(null);
  const [status, setStatus] = useState('');

  const refresh = () =>
    Promise.all([api.list().then(setEntities), api.documents().then(setDocs)]).catch((e: Error) => setStatus(e.message));
  useEffect(() => void refresh(), [api]);
  useEffect(() => {
    if (form.doc) void api.passages(form.doc).then(setPassages, () => setPassages([]));
    else setPassages([]);
  }, [api, form.doc]);

  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));
  const setAlias = (i: number, patch: Partial<AliasRow>) =>
    setForm((f) => {
      const aliases = f.aliases.map((a, j) => (j === i ? { ...a, ...patch } : a));
      // Always one empty row at the end to type the next alias into.
      if (aliases[aliases.length - 1]!.text.trim()) aliases.push({ text: '', rule: '' });
      return { ...f, aliases };
    });
  const fieldError = (field: string) =>
    error?.field === field ? (
      <span class="field-error" role="alert" data-error-for={field}>
        {error.text}
      </span>
    ) : null;

  const save = async (event: Event) => {
    event.preventDefault();
    setStatus('');
    const result = await api.save(toEntity(form)).catch((e: Error) => ({ ok: false as const, error: e.message }));
    if (!result.ok) {
      const field = errorField(result.error) ?? 'entity';
      // Errors about a description's citation belong beside the passage picker.
      setError({ field: field === 'description' && /cit/.test(result.error) ? 'cite' : field, text: result.error });
      return;
    }
    setError(null);
    setStatus(`Saved “${form.name}”. Open pages mark it now.`);
    setForm(EMPTY);
    await refresh();
  };

  return (
    <section class="library entities" aria-labelledby="entities-title">
      <h2 id="entities-title">My entities</h2>
      {entities.length > 0 && (
        <ul class="entity-list">
          {entities.map((e) => (
            <li key={e.id} data-entity={e.id}>
              <strong>{e.name}</strong> <small>({e.kind})</small> {e.aliases.map((a) => a.text).join(', ')}{' '}
              <button type="button" onClick={() => (setForm(fromEntity(e)), setError(null))}>
                Edit
              </button>{' '}
              <button type="button" onClick={() => void api.remove(e.id).then(() => (setStatus(`Removed “${e.name}”.`), refresh()))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="entity-form" onSubmit={(e) => void save(e)}>
        <h3>{form.id ? `Edit “${form.name}”` : 'Add an entity'}</h3>
        {fieldError('entity')}
        {fieldError('id')}
        <label>
          Name <input name="name" value={form.name} onInput={(e) => set({ name: (e.target as HTMLInputElement).value })} />
        </label>
        {fieldError('name')}
        <label>
          Kind{' '}
          <select name="kind" value={form.kind} onChange={(e) => set({ kind: (e.target as HTMLSelectElement).value })}>
            {ENTITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        {fieldError('kind')}
        <fieldset>
          <legend>Other names (aliases)</legend>
          {form.aliases.map((a, i) => (
            <div class="alias-row" key={i}>
              <input
                aria-label={`Alias ${i + 1}`}
                value={a.text}
                onInput={(e) => setAlias(i, { text: (e.target as HTMLInputElement).value })}
              />
              <select
                aria-label={`Rule for alias ${i + 1}`}
                value={a.rule}
                onChange={(e) => setAlias(i, { rule: (e.target as HTMLSelectElement).value as AliasRule | '' })}
              >
                <option value="">always</option>
                {RULES.map((r) => (
                  <option key={r} value={r}>
                    {RULE_LABEL[r]}
                  </option>
                ))}
              </select>
              {fieldError(`aliases[${i}]`)}
            </div>
          ))}
        </fieldset>
        <label>
          Description, as the source gives it
          <textarea
            name="description"
            value={form.description}
            onInput={(e) => set({ description: (e.target as HTMLTextAreaElement).value })}
          />
        </label>
        {fieldError('description')}
        <label>
          Cited document{' '}
          <select name="doc" value={form.doc} onChange={(e) => set({ doc: (e.target as HTMLSelectElement).value, cite: '' })}>
            <option value="">choose a library document</option>
            {docs.map((d) => (
              <option key={d.id} value={d.id}>
                {d.provenance.title} ({d.provenance.publisher}, {d.provenance.date})
              </option>
            ))}
          </select>
        </label>
        <label>
          Cited passage{' '}
          <select name="cite" value={form.cite} onChange={(e) => set({ cite: (e.target as HTMLSelectElement).value })}>
            <option value="">choose the passage that supports it</option>
            {passages.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id}: {p.text.slice(0, 90)}
              </option>
            ))}
          </select>
        </label>
        {fieldError('cite')}
        <p>
          <button type="submit">{form.id ? 'Save changes' : 'Add entity'}</button>{' '}
          {form.id && (
            <button type="button" onClick={() => (setForm(EMPTY), setError(null))}>
              Cancel
            </button>
          )}
        </p>
        {status && <p role="status">{status}</p>}
      </form>
    </section>
  );
}

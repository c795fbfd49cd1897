import { useEffect, useState } from 'preact/hooks';
import { errorText, kindName, type MessageKey } from '../lib/i18n';
import { codeOf, type ErrorCode } from '../lib/i18n/errors';
import { useI18n } from '../lib/i18n/preact';
import { ENTITY_KINDS, RULES } from '../lib/kb/types';
import { errorField } from '../lib/kb/user-entity-error';
import type { LibraryDocSummary, UserEntity } from '../lib/library/types';
import type { AliasRule } from '../lib/match/types';

/** What the entity form asks of the extension, injected so the component holds no extension API. */
export interface EntityFormApi {
  list: () => Promise<UserEntity[]>;
  save: (entity: Record<string, unknown>) => Promise<{ ok: true; id: string } | ({ ok: false; error: string } & ErrorCode)>;
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

/** The message of an alias rule's label in the rule menu. */
const ruleLabel = (rule: AliasRule) => `rule_${rule}` as MessageKey & `rule_${string}`;

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
  const tr = useI18n();
  const { t } = tr;
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
    const result = await api.save(toEntity(form)).catch((e: Error) => ({ ok: false as const, error: e.message, ...codeOf(e) }));
    if (!result.ok) {
      const field = errorField(result.error) ?? 'entity';
      // Errors about a description's citation belong beside the passage picker.
      const cite = result.code === 'errorEntityCitation' || (field === 'description' && /cit/.test(result.error));
      setError({ field: field === 'description' && cite ? 'cite' : field, text: errorText(tr, result) });
      return;
    }
    setError(null);
    setStatus(t('entitySaved', { name: form.name }));
    setForm(EMPTY);
    await refresh();
  };

  return (
    <section class="library entities" aria-labelledby="entities-title">
      <h2 id="entities-title">{t('entitiesTitle')}</h2>
      {entities.length > 0 && (
        <ul class="entity-list">
          {entities.map((e) => (
            <li key={e.id} data-entity={e.id}>
              <strong>{e.name}</strong> <small>({kindName(t, e.kind)})</small> {e.aliases.map((a) => a.text).join(', ')}{' '}
              <button type="button" onClick={() => (setForm(fromEntity(e)), setError(null))}>
                {t('edit')}
              </button>{' '}
              <button
                type="button"
                onClick={() => void api.remove(e.id).then(() => (setStatus(t('entityRemoved', { name: e.name })), refresh()))}
              >
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="entity-form" onSubmit={(e) => void save(e)}>
        <h3>{form.id ? t('entityEditTitle', { name: form.name }) : t('entityAddTitle')}</h3>
        {fieldError('entity')}
        {fieldError('id')}
        <label>
          {t('entityName')} <input name="name" value={form.name} onInput={(e) => set({ name: (e.target as HTMLInputElement).value })} />
        </label>
        {fieldError('name')}
        <label>
          {t('fieldKind')}{' '}
          <select name="kind" value={form.kind} onChange={(e) => set({ kind: (e.target as HTMLSelectElement).value })}>
            {ENTITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindName(t, k)}
              </option>
            ))}
          </select>
        </label>
        {fieldError('kind')}
        <fieldset>
          <legend>{t('entityAliases')}</legend>
          {form.aliases.map((a, i) => (
            <div class="alias-row" key={i}>
              <input
                aria-label={t('entityAlias', { number: i + 1 })}
                value={a.text}
                onInput={(e) => setAlias(i, { text: (e.target as HTMLInputElement).value })}
              />
              <select
                aria-label={t('entityAliasRule', { number: i + 1 })}
                value={a.rule}
                onChange={(e) => setAlias(i, { rule: (e.target as HTMLSelectElement).value as AliasRule | '' })}
              >
                <option value="">{t('ruleAlways')}</option>
                {RULES.map((r) => (
                  <option key={r} value={r}>
                    {t(ruleLabel(r))}
                  </option>
                ))}
              </select>
              {fieldError(`aliases[${i}]`)}
            </div>
          ))}
        </fieldset>
        <label>
          {t('entityDescription')}
          <textarea
            name="description"
            value={form.description}
            onInput={(e) => set({ description: (e.target as HTMLTextAreaElement).value })}
          />
        </label>
        {fieldError('description')}
        <label>
          {t('entityDocument')}{' '}
          <select name="doc" value={form.doc} onChange={(e) => set({ doc: (e.target as HTMLSelectElement).value, cite: '' })}>
            <option value="">{t('entityDocumentChoose')}</option>
            {docs.map((d) => (
              <option key={d.id} value={d.id}>
                {t('entityDocOption', { title: d.provenance.title, publisher: d.provenance.publisher, date: tr.date(d.provenance.date) })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('entityPassage')}{' '}
          <select name="cite" value={form.cite} onChange={(e) => set({ cite: (e.target as HTMLSelectElement).value })}>
            <option value="">{t('entityPassageChoose')}</option>
            {passages.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id}: {p.text.slice(0, 90)}
              </option>
            ))}
          </select>
        </label>
        {fieldError('cite')}
        <p>
          <button type="submit">{form.id ? t('entitySaveChanges') : t('entityAddButton')}</button>{' '}
          {form.id && (
            <button type="button" onClick={() => (setForm(EMPTY), setError(null))}>
              {t('cancel')}
            </button>
          )}
        </p>
        {status && <p role="status">{status}</p>}
      </form>
    </section>
  );
}

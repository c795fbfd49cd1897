import { useEffect, useState } from 'preact/hooks';
import type { PageDraft } from '../lib/background/add-page';
import { errorText } from '../lib/i18n';
import type { ErrorCode } from '../lib/i18n/errors';
import { useI18n } from '../lib/i18n/preact';
import type { LibraryAddResult, LibraryInput } from '../lib/library/types';

/** What "Add this page" asks of the extension, injected so the component holds no extension API. */
export interface AddPageApi {
  /** Reads the page (only now, on the user's request) and returns what would be stored. */
  draft: () => Promise<PageDraft>;
  save: (input: LibraryInput) => Promise<LibraryAddResult>;
}

type Step =
  | { at: 'idle' }
  | { at: 'reading' }
  | { at: 'preview'; draft: Extract<PageDraft, { ok: true }> }
  | { at: 'saving'; draft: Extract<PageDraft, { ok: true }> }
  | { at: 'saved'; title: string }
  | { at: 'error'; error: string };

/** A failure as the reader reads it. */
type Failure = ErrorCode & { error: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "Add this page to my library": reads the page on request, shows what will be stored (title, publisher, date,
 * words, statements, mentions), lets the user correct the publisher and the date, then saves.
 */
export function AddPage({ api, auto = false }: { api: AddPageApi; auto?: boolean }) {
  const tr = useI18n();
  const { t } = tr;
  const failed = (failure: Failure): Step => ({ at: 'error', error: errorText(tr, failure) });
  const [step, setStep] = useState<Step>({ at: 'idle' });
  const [publisher, setPublisher] = useState('');
  const [date, setDate] = useState('');
  const read = async () => {
    setStep({ at: 'reading' });
    try {
      const draft = await api.draft();
      if (!draft.ok) return setStep(failed(draft));
      setPublisher(draft.input.provenance.publisher);
      setDate(draft.input.provenance.date);
      setStep({ at: 'preview', draft });
    } catch (error) {
      setStep({ at: 'error', error: t('addReadFailed', { reason: (error as Error).message }) });
    }
  };
  useEffect(() => void (auto && read()), [auto]);

  if (step.at === 'idle' || step.at === 'error' || step.at === 'reading') {
    return (
      <section class="add-page" aria-label={t('addPageLabel')}>
        <button type="button" onClick={() => void read()} disabled={step.at === 'reading'}>
          {step.at === 'reading' ? t('addReading') : t('menuAddPage')}
        </button>
        {step.at === 'error' && (
          <p role="alert" class="add-error">
            {step.error}
          </p>
        )}
      </section>
    );
  }
  if (step.at === 'saved') {
    return (
      <section class="add-page" aria-label={t('addPageLabel')}>
        <p role="status">{t('addSaved', { title: step.title })}</p>
      </section>
    );
  }
  const { draft } = step;
  const dateOk = ISO_DATE.test(date) && !Number.isNaN(Date.parse(date));
  const publisherOk = publisher.trim() !== '';
  const save = async () => {
    const input: LibraryInput = { ...draft.input, provenance: { ...draft.input.provenance, publisher: publisher.trim(), date } };
    setStep({ at: 'saving', draft });
    const result = await api.save(input).catch((error: Error) => ({ ok: false as const, name: input.name, error: error.message }));
    setStep(result.ok ? { at: 'saved', title: input.provenance.title } : failed(result));
  };
  return (
    <section class="add-page" aria-label={t('addPageLabel')}>
      <h2>{t('menuAddPage')}</h2>
      <dl class="add-preview">
        <dt>{t('fieldTitle')}</dt>
        <dd data-field="title">{draft.input.provenance.title}</dd>
        <dt>
          <label for="add-publisher">{t('fieldPublisher')}</label>
        </dt>
        <dd>
          <input id="add-publisher" value={publisher} onInput={(e) => setPublisher((e.target as HTMLInputElement).value)} />
          {!publisherOk && <span class="field-error">{t('addGivePublisher')}</span>}
        </dd>
        <dt>
          <label for="add-date">{t('fieldDate')}</label>
        </dt>
        <dd>
          <input id="add-date" type="date" value={date} onInput={(e) => setDate((e.target as HTMLInputElement).value)} />
          {draft.needsDate && !dateOk && <span class="field-error">{t('addNoDate')}</span>}
          {!draft.needsDate && !dateOk && <span class="field-error">{t('addDateForm')}</span>}
        </dd>
        {draft.article.authors.length > 0 && (
          <>
            <dt>{t('addBy')}</dt>
            <dd>{draft.article.authors.join(', ')}</dd>
          </>
        )}
        <dt>{t('addWords')}</dt>
        <dd data-field="words">{tr.number(draft.article.wordCount)}</dd>
        <dt>{t('groupStatements')}</dt>
        <dd data-field="statements">{tr.number(draft.stats.statements)}</dd>
        <dt>{t('addMentions')}</dt>
        <dd data-field="mentions">{tr.number(draft.stats.mentions)}</dd>
      </dl>
      <p>
        <button type="button" onClick={() => void save()} disabled={!dateOk || !publisherOk || step.at === 'saving'}>
          {step.at === 'saving' ? t('addSaving') : t('addSave')}
        </button>{' '}
        <button type="button" onClick={() => setStep({ at: 'idle' })}>
          {t('cancel')}
        </button>
      </p>
    </section>
  );
}

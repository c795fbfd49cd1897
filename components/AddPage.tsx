import { useEffect, useState } from 'preact/hooks';
import type { PageDraft } from '../lib/background/add-page';
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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "Add this page to my library": reads the page on request, shows what will be stored (title, publisher, date,
 * words, statements, mentions), lets the user correct the publisher and the date, then saves.
 */
export function AddPage({ api, auto = false }: { api: AddPageApi; auto?: boolean }) {
  const [step, setStep] = useState<Step>({ at: 'idle' });
  const [publisher, setPublisher] = useState('');
  const [date, setDate] = useState('');
  const read = async () => {
    setStep({ at: 'reading' });
    try {
      const draft = await api.draft();
      if (!draft.ok) return setStep({ at: 'error', error: draft.error });
      setPublisher(draft.input.provenance.publisher);
      setDate(draft.input.provenance.date);
      setStep({ at: 'preview', draft });
    } catch (error) {
      setStep({ at: 'error', error: `Backstory: this page could not be read (${(error as Error).message}).` });
    }
  };
  useEffect(() => void (auto && read()), [auto]);

  if (step.at === 'idle' || step.at === 'error' || step.at === 'reading') {
    return (
      <section class="add-page" aria-label="Add this page">
        <button type="button" onClick={() => void read()} disabled={step.at === 'reading'}>
          {step.at === 'reading' ? 'Reading the page…' : 'Add this page to my library'}
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
      <section class="add-page" aria-label="Add this page">
        <p role="status">Added to your library: {step.title}</p>
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
    setStep(result.ok ? { at: 'saved', title: input.provenance.title } : { at: 'error', error: result.error });
  };
  return (
    <section class="add-page" aria-label="Add this page">
      <h2>Add this page to my library</h2>
      <dl class="add-preview">
        <dt>Title</dt>
        <dd data-field="title">{draft.input.provenance.title}</dd>
        <dt>
          <label for="add-publisher">Publisher</label>
        </dt>
        <dd>
          <input id="add-publisher" value={publisher} onInput={(e) => setPublisher((e.target as HTMLInputElement).value)} />
          {!publisherOk && <span class="field-error">Give the publisher.</span>}
        </dd>
        <dt>
          <label for="add-date">Date</label>
        </dt>
        <dd>
          <input id="add-date" type="date" value={date} onInput={(e) => setDate((e.target as HTMLInputElement).value)} />
          {draft.needsDate && !dateOk && <span class="field-error">The page states no date: give its publication date.</span>}
          {!draft.needsDate && !dateOk && <span class="field-error">A date of the form YYYY-MM-DD.</span>}
        </dd>
        {draft.article.authors.length > 0 && (
          <>
            <dt>By</dt>
            <dd>{draft.article.authors.join(', ')}</dd>
          </>
        )}
        <dt>Words</dt>
        <dd data-field="words">{draft.article.wordCount}</dd>
        <dt>Statements</dt>
        <dd data-field="statements">{draft.stats.statements}</dd>
        <dt>Entity mentions</dt>
        <dd data-field="mentions">{draft.stats.mentions}</dd>
      </dl>
      <p>
        <button type="button" onClick={() => void save()} disabled={!dateOk || !publisherOk || step.at === 'saving'}>
          {step.at === 'saving' ? 'Saving…' : 'Save to my library'}
        </button>{' '}
        <button type="button" onClick={() => setStep({ at: 'idle' })}>
          Cancel
        </button>
      </p>
    </section>
  );
}

import { describe, expect, it } from 'vitest';
import { errorText, translator } from '../../lib/i18n';
import { codeOf, UserError } from '../../lib/i18n/errors';
import { UserEntityError } from '../../lib/kb/user-entity-error';
import { validateUserEntity } from '../../lib/kb/user-entities';
import { checkFileSize, formatOf, readDraft } from '../../lib/library/files';
import { toPlainText } from '../../lib/library/formats';
import { readPack } from '../../lib/library/pack';
import { seedBuild } from './seed-data';

const ru = translator('ru');
const hy = translator('hy');

/** The error a call throws. */
function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('errors the reader sees (issue 17)', () => {
  it('keep the English Backstory: message for the command line, and carry a code the interface translates', () => {
    const empty = thrown(() => readDraft('notes.txt', new Uint8Array()));
    expect(empty).toBeInstanceOf(UserError);
    expect(empty.message).toBe('Backstory: notes.txt: the file is empty.');
    expect(codeOf(empty)).toEqual({ code: 'errorFileEmpty', params: { name: 'notes.txt' } });
    expect(errorText(ru, codeOf(empty))).toBe('notes.txt: файл пуст.');
    expect(errorText(hy, codeOf(empty))).toBe('notes.txt. ֆայլը դատարկ է։');

    expect(errorText(ru, codeOf(thrown(() => formatOf('scan.pdf'))))).toMatch(/^scan\.pdf: это не файл \.txt, \.md или \.html/);
    expect(errorText(ru, codeOf(thrown(() => readPack('{"format": "other"}', 'p.json'))))).toBe('p.json: это не пакет Backstory.');
  });

  it('fill numbers in the language: sizes with its decimal mark, word counts with its plural', () => {
    const big = thrown(() => checkFileSize('big.txt', 12.34 * 1024 * 1024));
    expect(big.message).toMatch(/too large \(12\.3 MB; the limit is \d+ MB/);
    expect(errorText(ru, codeOf(big))).toMatch(/^big\.txt: слишком большой \(12,3 МБ; предел — \d+ МБ/);
    const short = thrown(() => toPlainText('short.txt', 'Only four words here.', 'text'));
    expect(errorText(ru, codeOf(short))).toMatch(/^short\.txt: слишком короткий для статьи \(4 слова; нужно не меньше \d+\)\.$/);
    expect(errorText(translator('en'), codeOf(short))).toMatch(/\(4 words; at least \d+ are needed\)/);
  });

  it('name the field and translate what the entity form shows', () => {
    const built = seedBuild();
    const passages = new Set(built.kb.docs.flatMap((d) => d.passages.map((p) => p.id)));
    const ctx = { entities: built.kb.entities, passageExists: (id: string) => passages.has(id) };
    const base = { name: 'Test body', kind: 'organisation', description: { text: 'A body.', cites: ['nowhere-p1'] }, aliases: [] };
    const citation = thrown(() => validateUserEntity(base, ctx)) as UserEntityError;
    expect(citation.field).toBe('description');
    expect(citation.code).toBe('errorEntityCitation');
    expect(errorText(ru, codeOf(citation))).toBe(
      'Ссылается на фрагмент «nowhere-p1», которого нет ни в одном документе встроенного корпуса или вашей библиотеки.',
    );
    const missing = thrown(() => validateUserEntity({ ...base, name: undefined }, ctx)) as UserEntityError;
    expect([missing.field, missing.code, errorText(ru, codeOf(missing))]).toEqual(['name', 'errorEntityMissing', 'Заполните это поле.']);
    // The schema's other refusals a form can cause come translated too, each beside its field.
    const cited = { text: 'A body.', cites: [[...passages][0]!] };
    const ok = { ...base, description: cited };
    const refusal = (entity: object) => {
      const error = thrown(() => validateUserEntity(entity, ctx)) as UserEntityError;
      return [error.field, error.code, errorText(ru, codeOf(error))];
    };
    expect(refusal({ ...ok, background: Array.from({ length: 5 }, () => ({ text: cited.text, cites: [...cited.cites] })) })).toEqual([
      'background',
      'errorEntityTooMuchBackground',
      'Не больше 4 предложений справки (здесь 5).',
    ]);
    expect(refusal({ ...ok, description: { text: 'A body.', cites: [] } })[1]).toBe('errorEntityNoCitation');
  });

  it('without a code, show the message as it came', () => {
    expect(errorText(ru, { error: 'Backstory: something else.' })).toBe('Backstory: something else.');
    expect(errorText(ru, new Error('Backstory: thrown.'))).toBe('Backstory: thrown.');
  });
});

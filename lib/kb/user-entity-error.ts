// Kept apart from user-entities.ts so the Library page can read errors without bundling the YAML parser.
import { UserError, type ErrorParams } from '../i18n/errors';
import type { MessageKey } from '../i18n';

/** A problem with one field of a user entity; the message starts "Backstory: FIELD: ". */
export class UserEntityError extends UserError {
  constructor(
    readonly field: string,
    message: string,
    code: MessageKey = 'errorEntityInvalid',
    params: ErrorParams = {},
  ) {
    super(`Backstory: ${field}: ${message}`, code, { field, detail: message, ...params });
    this.name = 'UserEntityError';
  }
}

/** The field an error from validateUserEntity names ("name", "aliases[1]", "description"…), for showing it beside that field. */
export function errorField(message: string): string | null {
  return /^Backstory: ([a-z]+(?:\[\d+\])?)(?:\.[a-z]+)?: /.exec(message)?.[1] ?? null;
}

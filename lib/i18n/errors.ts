import type { MessageKey } from './index';

/** The values a coded error's message takes. */
export type ErrorParams = Record<string, string | number>;

/** What a result or a response carries about a failure the reader sees: the message key and its values. */
export interface ErrorCode {
  code?: MessageKey;
  params?: ErrorParams;
}

/**
 * An error the reader sees: its message stays the English `Backstory: …` sentence for the command line, logs and
 * tests; `code` (a key of the locale files) and `params` let the interface show it in the reader's language.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly code: MessageKey,
    readonly params: ErrorParams = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'UserError';
  }
}

/** The code and values of an error, to send along with its message (empty for an error without a code). */
export function codeOf(error: unknown): ErrorCode {
  const { code, params } = (error ?? {}) as ErrorCode;
  return typeof code === 'string' ? { code, params: params ?? {} } : {};
}

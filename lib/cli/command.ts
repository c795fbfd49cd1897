import type { BuildOutput } from '../build/kb';

/** Output sinks, injectable for tests: results go to `out` (stdout), messages and errors to `err` (stderr). */
export interface CliIo {
  out: (line: string) => void;
  /** Defaults to standard error. */
  err?: (line: string) => void;
  readStdin: () => string;
}

/** A usage error or bad input: printed as "Backstory: …" on stderr, exit status 2. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly status = 2,
  ) {
    super(message.startsWith('Backstory:') ? message : `Backstory: ${message}`);
  }
}

/** What a command gets: parsed flags and arguments, the sinks, and the built data (read from the cache when fresh). */
export interface CommandContext {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  io: Required<CliIo>;
  root: string;
  data: () => BuildOutput;
}

/** One CLI command: its usage line, its flags (anything else is refused), and what it does. */
export interface Command {
  /** Arguments and flags after the command name, e.g. `QUERY [--json]`. */
  usage: string;
  summary: string;
  options?: Record<string, { type: 'boolean' | 'string' }>;
  /** How many positional arguments it takes (default none). */
  positionals?: { min: number; max?: number; name: string };
  /** Returns the exit status. Import heavy dependencies inside, so other commands stay fast. */
  run: (ctx: CommandContext) => number | Promise<number>;
}

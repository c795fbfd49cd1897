import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CliError, type CliIo, type Command, type CommandContext } from './command';
import { checkQuoteCommand, entities, passages, scan, searchCommand, statements } from './commands';
import { loadBuilt } from './data';
import { extract } from './extract-command';
import { pack } from './pack';

export type { CliIo } from './command';

/** Every command: adding one is one entry here (its module exports a `Command`). */
export const COMMANDS: Record<string, Command> = {
  entities,
  statements,
  passages,
  search: searchCommand,
  scan,
  'check-quote': checkQuoteCommand,
  pack,
  extract,
};

/** The usage text, built from the table. */
export function usage(): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => [`${name} ${c.usage}`, c.summary] as const);
  const width = Math.max(...rows.map(([u]) => u.length)) + 2;
  return ['Usage: npm run --silent cli -- <command> [options]', ...rows.map(([u, s]) => `  ${u.padEnd(width)}${s}`)].join('\n');
}

function parse(name: string, command: Command, args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: command.options ?? {}, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs names the flag: "Unknown option '--frob'", "Option '--speaker <value>' argument missing".
    const why = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '.');
    throw new CliError(`${name}: ${why}\n  ${name} ${command.usage}`);
  }
  const { min = 0, max = min ? Infinity : 0, name: what = '' } = command.positionals ?? {};
  const n = parsed.positionals.length;
  if (n < min) throw new CliError(`${name} needs ${what}.\n  ${name} ${command.usage}`);
  if (n > max) throw new CliError(`${name}: unexpected argument "${parsed.positionals[max]}".\n  ${name} ${command.usage}`);
  return parsed as { values: CommandContext['values']; positionals: string[] };
}

/**
 * Runs one CLI command and returns its exit status (a promise for commands
 * that load more code, such as `scan`). Errors go to `io.err` with the
 * "Backstory:" prefix: status 2 for usage errors, 1 for bad input or a failed build.
 */
export function runCli(args: string[], io: CliIo, root = process.cwd()): number | Promise<number> {
  const sinks: Required<CliIo> = { err: (l) => process.stderr.write(`${l}\n`), ...io };
  const fail = (error: unknown) => {
    const message = (error as Error).message ?? String(error);
    sinks.err(message.startsWith('Backstory:') ? message : `Backstory: ${message}`);
    return error instanceof CliError ? error.status : 1;
  };
  try {
    const [name, ...rest] = args;
    if (name === 'help' || name === '--help' || name === '-h') {
      sinks.out(usage());
      return 0;
    }
    if (!name) throw new CliError(`give a command.\n${usage()}`);
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name]! : null;
    if (!command) throw new CliError(`unknown command "${name}".\n${usage()}`);
    const { values, positionals } = parse(name, command, rest);
    let built: ReturnType<typeof loadBuilt> | null = null;
    const status = command.run({ values, positionals, io: sinks, root, data: () => (built ??= loadBuilt(root)) });
    return status instanceof Promise ? status.catch(fail) : status;
  } catch (error) {
    return fail(error);
  }
}

/** Ends quietly when the reader of stdout goes away (`… | head`): a closed pipe is not an error. */
export function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  quietOnClosedPipe(process.stdout);
  const io: CliIo = { out: (l) => void process.stdout.write(`${l}\n`), readStdin: () => readFileSync(0, 'utf8') };
  void Promise.resolve(runCli(process.argv.slice(2), io)).then((status) => (process.exitCode = status));
}

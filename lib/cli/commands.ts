import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { exportQuoteCheck } from '../search/export';
import { loadSearchIndex, search, speakerRef } from '../search/query';
import { checkQuote, NOT_ENGLISH_NOTE } from '../search/quote-check';
import { CliError, type Command, type CommandContext } from './command';

const JSON_FLAG = { json: { type: 'boolean' } } as const;

/** Prints rows, or says on stderr that there are none (stdout stays clean for scripts). */
function print<T>(ctx: CommandContext, rows: T[], line: (row: T) => string, empty: string): number {
  if (rows.length === 0) ctx.io.err(`Backstory: ${empty}`);
  for (const row of rows) ctx.io.out(ctx.values.json ? JSON.stringify(row) : line(row));
  return 0;
}

/** `entities`: every entity with id, name, kind and aliases. */
export const entities: Command = {
  usage: '[--json]',
  summary: 'every entity: id, name, kind, aliases',
  options: JSON_FLAG,
  run: (ctx) =>
    print(
      ctx,
      ctx.data().kb.entities.map((e) => ({ id: e.id, name: e.name, kind: e.kind, aliases: e.aliases.map((a) => a.text) })),
      (r) => `${r.id}\t${r.kind}\t${r.name}\t${r.aliases.join(', ')}`,
      'no entities.',
    ),
};

/** `statements`: every statement, or one speaker's. */
export const statements: Command = {
  usage: '[--speaker ID] [--json]',
  summary: 'every statement, or one speaker’s',
  options: { ...JSON_FLAG, speaker: { type: 'string' } },
  run: (ctx) => {
    const { kb } = ctx.data();
    const speaker = ctx.values.speaker as string | undefined;
    if (speaker !== undefined) {
      const known = [...new Set(kb.statements.map((s) => s.speaker.id).filter(Boolean))];
      if (!known.includes(speaker)) throw new CliError(`no statements by "${speaker}"; speakers with statements: ${known.join(', ')}.`);
    }
    const rows = kb.statements
      .filter((s) => speaker === undefined || s.speaker.id === speaker)
      .map((s) => ({
        id: s.id,
        kind: s.kind,
        speaker: speakerRef(s.speaker),
        text: s.text,
        doc: s.doc,
        passage: s.passage,
        date: s.statedOn ?? s.docDate,
      }));
    return print(ctx, rows, (r) => `${r.date}\t${r.kind}\t${r.speaker.name}\t“${r.text}”\t[${r.passage}]`, 'no statements.');
  },
};

/** `passages`: passage ids with their first words, for citing. */
export const passages: Command = {
  usage: '[--doc ID] [--json]',
  summary: 'passage ids with their first words (for citing)',
  options: { ...JSON_FLAG, doc: { type: 'string' } },
  run: (ctx) => {
    const { kb } = ctx.data();
    const doc = ctx.values.doc as string | undefined;
    if (doc !== undefined && !kb.docs.some((d) => d.id === doc))
      throw new CliError(`no document "${doc}"; documents: ${kb.docs.map((d) => d.id).join(', ')}.`);
    const rows = kb.docs
      .filter((d) => doc === undefined || d.id === doc)
      .flatMap((d) => d.passages.map((p) => ({ id: p.id, doc: d.id, kind: p.kind, line: p.line, text: p.text })));
    return print(ctx, rows, (r) => `${r.id}\t${r.kind}\tline ${r.line}\t${r.text.slice(0, 80)}`, 'no passages.');
  },
};

/** `search`: entities, statements and passages for a query. */
export const searchCommand: Command = {
  usage: 'QUERY [--json]',
  summary: 'search entities, statements and passages',
  options: JSON_FLAG,
  positionals: { min: 1, name: 'a QUERY, e.g. npm run --silent cli -- search Zangezur' },
  run: (ctx) => {
    const query = ctx.positionals.join(' ');
    const { kb, searchIndex } = ctx.data();
    const hits = search(loadSearchIndex(searchIndex), kb, query);
    return print(ctx, hits, (h) => `${h.type}\t${h.score.toFixed(2)}\t${h.title}\t${h.text.slice(0, 100)}`, `no results for “${query}”.`);
  },
};

/** Reads a page for `scan`, refusing what is missing or not text. */
function readPage(ctx: CommandContext, file: string): string {
  if (file === '-') return ctx.io.readStdin();
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : code;
    throw new CliError(`cannot read ${file}: ${why}.`, 1);
  }
  const head = bytes.subarray(0, 8192);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  if (head.includes(0) || (text.match(/\uFFFD/g)?.length ?? 0) > head.length / 100)
    throw new CliError(`${file} is not an HTML or text file (it holds binary data).`, 1);
  return bytes.toString('utf8');
}

/** `scan`: entity mentions in a page's visible text, with the content script's walker. */
export const scan: Command = {
  usage: 'FILE.html|- [--json]',
  summary: 'entity mentions in a page’s visible text',
  options: JSON_FLAG,
  positionals: { min: 1, max: 1, name: 'FILE.html or - for standard input' },
  run: async (ctx) => {
    const html = readPage(ctx, ctx.positionals[0]!);
    // Loaded here, not at start-up: the DOM library takes longer to load than every other command takes to run.
    const [{ Window }, { scanNode }, { Matcher }] = await Promise.all([
      import('happy-dom'),
      import('../dom/scan'),
      import('../match/matcher'),
    ]);
    const window = new Window({
      settings: {
        disableJavaScriptEvaluation: true,
        disableJavaScriptFileLoading: true,
        disableCSSFileLoading: true,
        navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
      },
    });
    try {
      window.document.write(html);
      const result = scanNode(window.document.body as unknown as Node, new Matcher(ctx.data().matcher));
      const rows = result.mentions.map((m) => ({
        entity: m.entity,
        text: result.map.text.slice(m.start, m.end),
        start: m.start,
        end: m.end,
      }));
      return print(ctx, rows, (r) => `${r.start}\t${r.end}\t${r.entity}\t${r.text}`, 'no entity mentions in the page’s visible text.');
    } finally {
      void window.happyDOM.close();
    }
  },
};

/** `check-quote`: is this quote in the corpus, and with which wording? */
export const checkQuoteCommand: Command = {
  usage: '"TEXT"|- [--json]',
  summary: 'is this quote in the corpus, and with which wording?',
  options: JSON_FLAG,
  positionals: { min: 1, name: 'the quote, e.g. npm run --silent cli -- check-quote "the most serious obstacle"' },
  run: (ctx) => {
    const text = ctx.positionals.length === 1 && ctx.positionals[0] === '-' ? ctx.io.readStdin() : ctx.positionals.join(' ');
    if (!text.trim())
      throw new CliError('check-quote needs the quote, e.g. npm run --silent cli -- check-quote "the most serious obstacle"');
    const result = checkQuote(ctx.data().kb, text);
    if (result.tooShort) throw new CliError('give at least three words to check.');
    if (result.language) ctx.io.err(`Backstory: ${NOT_ENGLISH_NOTE}`);
    if (ctx.values.json) {
      // The match as the popup sees it, with its source under the documented name "citation".
      const matches = result.matches.map(({ source, matchedWords: _matched, ...match }) => ({ ...match, citation: source }));
      ctx.io.out(JSON.stringify({ verdict: result.verdict, words: result.words, matches, unmatched: result.unmatched }));
    } else ctx.io.out(exportQuoteCheck(result, 'text'));
    return 0;
  },
};

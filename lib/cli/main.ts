import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { buildAll } from '../build/kb';
import { scanNode } from '../dom/scan';
import { Matcher } from '../match/matcher';
import { loadSearchIndex, search } from '../search/query';
import { exportQuoteCheck } from '../search/export';
import { checkQuote } from '../search/quote-check';
import { runPack } from './pack';

/** Output sink, injectable for tests. */
export interface CliIo {
  out: (line: string) => void;
  readStdin: () => string;
}

const USAGE = `Usage: npm run --silent cli -- <command> [options]
  entities [--json]                     every entity: id, name, kind, aliases
  statements [--speaker ID] [--json]    every statement, or one speaker's
  passages [--doc ID]                   passage ids with their first words (for citing)
  search QUERY [--json]                 search entities, statements and passages
  scan FILE.html|- [--json]             entity mentions in a page's visible text
  check-quote "TEXT" [--json]           is this quote in the corpus, and with which wording?
  pack DIR [--out FILE]                 a library pack from a folder of .txt/.md/.html files and its sources.json`;

/** Runs one CLI command; returns the exit code. */
export function runCli(args: string[], io: CliIo, root = process.cwd()): number {
  const [command, ...rest] = args;
  const json = rest.includes('--json');
  const positional = rest.filter(
    (a, i) => !a.startsWith('--') && !(i > 0 && rest[i - 1] === '--speaker') && !(i > 0 && rest[i - 1] === '--doc'),
  );
  const option = (name: string) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  if (!command || command === '--help' || command === 'help') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  // Packs need no knowledge base: answer before building it.
  if (command === 'pack') return runPack(rest, io, root);
  const built = buildAll(resolve(root, 'seeds'), root);
  const { kb } = built;
  switch (command) {
    case 'entities':
      for (const e of kb.entities) {
        const row = { id: e.id, name: e.name, kind: e.kind, aliases: e.aliases.map((a) => a.text) };
        io.out(json ? JSON.stringify(row) : `${e.id}\t${e.kind}\t${e.name}\t${row.aliases.join(', ')}`);
      }
      return 0;
    case 'statements': {
      const speaker = option('--speaker');
      for (const s of kb.statements) {
        if (speaker && s.speaker.id !== speaker) continue;
        const row = {
          id: s.id,
          kind: s.kind,
          speaker: {
            ...(s.speaker.id ? { id: s.speaker.id } : {}),
            name: s.speaker.name,
            ...(s.speaker.role ? { role: s.speaker.role } : {}),
          },
          text: s.text,
          doc: s.doc,
          passage: s.passage,
          date: s.statedOn ?? s.docDate,
        };
        io.out(json ? JSON.stringify(row) : `${row.date}\t${s.kind}\t${s.speaker.name}\t“${s.text}”\t[${s.passage}]`);
      }
      return 0;
    }
    case 'passages': {
      const doc = option('--doc');
      for (const d of kb.docs) {
        if (doc && d.id !== doc) continue;
        for (const p of d.passages) io.out(`${p.id}\t${p.kind}\tline ${p.line}\t${p.text.slice(0, 80)}`);
      }
      return 0;
    }
    case 'search': {
      const query = positional.join(' ');
      if (!query) {
        io.out('Backstory: search needs a QUERY, e.g. npm run --silent cli -- search Zangezur');
        return 2;
      }
      const hits = search(loadSearchIndex(built.searchIndex), kb, query);
      for (const h of hits) io.out(json ? JSON.stringify(h) : `${h.type}\t${h.score.toFixed(2)}\t${h.title}\t${h.text.slice(0, 100)}`);
      return 0;
    }
    case 'scan': {
      const file = positional[0];
      if (!file) {
        io.out('Backstory: scan needs FILE.html or - for standard input.');
        return 2;
      }
      const html = file === '-' ? io.readStdin() : readFileSync(resolve(file), 'utf8');
      const window = new Window({
        settings: {
          disableJavaScriptEvaluation: true,
          disableJavaScriptFileLoading: true,
          disableCSSFileLoading: true,
          navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
        },
      });
      window.document.write(html);
      const result = scanNode(window.document.body as unknown as Node, new Matcher(built.matcher));
      for (const m of result.mentions) {
        const row = { entity: m.entity, text: result.map.text.slice(m.start, m.end), start: m.start, end: m.end };
        io.out(json ? JSON.stringify(row) : `${m.start}\t${m.end}\t${m.entity}\t${row.text}`);
      }
      void window.happyDOM.close();
      return 0;
    }
    case 'check-quote': {
      const text = positional.join(' ');
      if (!text.trim()) {
        io.out('Backstory: check-quote needs the quote, e.g. npm run --silent cli -- check-quote "the most serious obstacle"');
        return 2;
      }
      const result = checkQuote(kb, text);
      if (json) {
        // The match as the popup sees it, with its source under the documented name "citation".
        const matches = result.matches.map(({ source, matchedWords: _matched, ...match }) => ({ ...match, citation: source }));
        io.out(JSON.stringify({ verdict: result.verdict, words: result.words, matches }));
      } else {
        io.out(result.tooShort ? 'Backstory: give at least three words to check.' : exportQuoteCheck(result, 'text'));
      }
      return 0;
    }
    default:
      io.out(`Backstory: unknown command "${command}".\n${USAGE}`);
      return 2;
  }
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  try {
    process.exitCode = runCli(process.argv.slice(2), { out: (l) => console.log(l), readStdin: () => readFileSync(0, 'utf8') });
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}

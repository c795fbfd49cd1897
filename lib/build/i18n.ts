import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMessage, placeholders, pluralForms } from '../i18n/format';
import { LOCALES } from '../i18n/locales';

/** Where the message files live (WXT copies components/public into the package). */
export const LOCALES_DIR = 'components/public/_locales';
/** The generated placeholder types, from the English file. */
export const PARAMS_FILE = 'lib/i18n/params.ts';

type Messages = Record<string, { message?: unknown }>;

function readMessages(root: string, locale: string): { file: string; messages: Messages } {
  const file = join(root, LOCALES_DIR, locale, 'messages.json');
  const shown = relative(root, file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new Error(`Backstory: ${shown} is missing; copy ${LOCALES_DIR}/en/messages.json there and translate it.`, { cause });
  }
  try {
    return { file: shown, messages: JSON.parse(text) as Messages };
  } catch (error) {
    throw new Error(`Backstory: ${shown} is not valid JSON (${(error as Error).message}); fix it and build again.`, { cause: error });
  }
}

/**
 * Every problem of the message files, as "Backstory: file: key: what is wrong; what to do": a key missing from a
 * locale or not in English, a message that does not parse, placeholders that differ from the English ones, a plural
 * without the forms the language needs (Intl.PluralRules). Empty when all is well.
 */
export function checkLocales(root: string): string[] {
  const problems: string[] = [];
  const en = readMessages(root, 'en');
  const shape = new Map<string, string[]>();
  for (const [key, entry] of Object.entries(en.messages)) {
    if (!/^[A-Za-z0-9_@]+$/.test(key))
      problems.push(`Backstory: ${en.file}: "${key}": a key may hold only A–Z, a–z, 0–9, _ and @ (browser.i18n).`);
    try {
      shape.set(key, placeholders(parseMessage(String(entry.message))));
    } catch (error) {
      problems.push(`Backstory: ${en.file}: "${key}": ${(error as Error).message}.`);
    }
  }
  for (const locale of LOCALES) {
    const { file, messages } = readMessages(root, locale);
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
    for (const [key, names] of shape) {
      const entry = messages[key];
      if (!entry || typeof entry.message !== 'string') {
        problems.push(`Backstory: ${file}: "${key}" is missing; add it (the English is ${JSON.stringify(en.messages[key]!.message)}).`);
        continue;
      }
      let parts;
      try {
        parts = parseMessage(entry.message);
      } catch (error) {
        problems.push(`Backstory: ${file}: "${key}": ${(error as Error).message}.`);
        continue;
      }
      const got = placeholders(parts);
      if (got.join() !== names.join())
        problems.push(
          `Backstory: ${file}: "${key}" has placeholders {${got.join('}, {')}} but English has {${names.join('}, {')}}; use the same ones.`,
        );
      for (const plural of pluralForms(parts)) {
        const missing = categories.filter((c) => !plural.forms.includes(c));
        if (missing.length)
          problems.push(
            `Backstory: ${file}: "${key}": plural {${plural.arg}} lacks the form(s) ${missing.join(', ')} that ${locale} needs.`,
          );
      }
    }
    for (const key of Object.keys(messages))
      if (!shape.has(key) && !en.messages[key]) problems.push(`Backstory: ${file}: "${key}" is not in English; add it there or remove it.`);
  }
  return problems;
}

/** The TypeScript of lib/i18n/params.ts: for each English message with placeholders, the values it takes. */
export function paramsSource(root: string): string {
  const { messages } = readMessages(root, 'en');
  const lines = Object.entries(messages).flatMap(([key, entry]) => {
    const names = placeholders(parseMessage(String(entry.message)));
    return names.length ? [`  ${key}: { ${names.map((n) => `${n}: string | number`).join('; ')} };`] : [];
  });
  return `// Generated from ${LOCALES_DIR}/en/messages.json by \`npm run i18n\`; do not edit (a test checks it is current).\n\n/** The placeholders of each message that has any. */\nexport interface MessageParams {\n${lines.join('\n')}\n}\n`;
}

/** Fails the build on any problem of the message files. */
export function assertLocales(root: string): void {
  const problems = checkLocales(root);
  if (problems.length) throw new Error(problems.join('\n'));
  const file = join(root, PARAMS_FILE);
  if (readFileSync(file, 'utf8') !== paramsSource(root))
    throw new Error(`Backstory: ${PARAMS_FILE} is out of date with ${LOCALES_DIR}/en/messages.json; run "npm run i18n".`);
}

// `npm run i18n`: regenerate the placeholder types, then check every locale.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(fileURLToPath(import.meta.url), '../../..');
  writeFileSync(join(root, PARAMS_FILE), paramsSource(root));
  const problems = checkLocales(root);
  for (const p of problems) console.error(p);
  process.exitCode = problems.length ? 1 : 0;
}

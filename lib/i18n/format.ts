/**
 * The message syntax of the locale files: `{name}` is a placeholder, and `{name, plural, one {…} few {…} other {…}}`
 * picks a form by the CLDR plural category of the number (Intl.PluralRules), `#` standing for the number. A small
 * subset of ICU MessageFormat, so translators meet a notation they know; browser.i18n leaves both untouched.
 */

/** A part of a parsed message. */
export type Part = string | { arg: string } | { arg: string; plural: Record<string, Part[]> };

/** Parses a message; throws with the offset of what is wrong. */
export function parseMessage(text: string): Part[] {
  const [parts, end] = parseParts(text, 0, false);
  if (end !== text.length) throw new Error(`unmatched "}" at character ${end + 1}`);
  return parts;
}

function parseParts(text: string, start: number, nested: boolean): [Part[], number] {
  const parts: Part[] = [];
  let literal = '';
  let i = start;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '}') {
      if (!nested) throw new Error(`unmatched "}" at character ${i + 1}`);
      break;
    }
    if (c !== '{') {
      literal += c === '#' && nested ? HASH : c;
      i++;
      continue;
    }
    if (literal) parts.push(...splitHash(literal));
    literal = '';
    const close = text.indexOf('}', i);
    const comma = text.indexOf(',', i);
    if (close < 0) throw new Error(`unclosed "{" at character ${i + 1}`);
    if (comma < 0 || comma > close) {
      const arg = text.slice(i + 1, close).trim();
      if (!/^\w+$/.test(arg)) throw new Error(`"{${arg}}" at character ${i + 1} is not a placeholder name`);
      parts.push({ arg });
      i = close + 1;
      continue;
    }
    const head = /^\{\s*(\w+)\s*,\s*plural\s*,/.exec(text.slice(i));
    if (!head) throw new Error(`"{" at character ${i + 1} starts neither a placeholder nor a plural`);
    const plural: Record<string, Part[]> = {};
    i += head[0].length;
    for (;;) {
      const form = /^\s*(\w+)\s*\{/.exec(text.slice(i));
      if (!form) break;
      const [inner, end] = parseParts(text, i + form[0].length, true);
      plural[form[1]!] = inner;
      i = end + 1;
    }
    const tail = /^\s*\}/.exec(text.slice(i));
    if (!tail) throw new Error(`plural "${head[1]}" is not closed at character ${i + 1}`);
    if (!plural.other) throw new Error(`plural "${head[1]}" has no "other" form`);
    parts.push({ arg: head[1]!, plural });
    i += tail[0].length;
  }
  if (literal) parts.push(...splitHash(literal));
  return [parts, i];
}

/** Inside a plural form, `#` is the number: marked while parsing, split out here. */
function splitHash(literal: string): Part[] {
  return literal.split(HASH).flatMap((s, i): Part[] => [...(i ? [{ arg: '#' }] : []), ...(s ? [s] : [])]);
}

/** A `#` inside a plural form, told apart from the text around it by a character no message holds. */
const HASH = '\uFFFF#';

/** The placeholder names a message uses (a plural's own argument included), sorted. */
export function placeholders(parts: Part[]): string[] {
  const names = new Set<string>();
  const walk = (ps: Part[]) => {
    for (const p of ps) {
      if (typeof p === 'string' || p.arg === '#') continue;
      names.add(p.arg);
      if ('plural' in p) Object.values(p.plural).forEach(walk);
    }
  };
  walk(parts);
  return [...names].sort();
}

/** The plural categories each plural in a message gives forms for. */
export function pluralForms(parts: Part[]): Array<{ arg: string; forms: string[] }> {
  return parts.flatMap((p) => (typeof p !== 'string' && 'plural' in p ? [{ arg: p.arg, forms: Object.keys(p.plural).sort() }] : []));
}

/** Fills a parsed message: numbers through Intl.NumberFormat, plural forms through Intl.PluralRules of the locale. */
export function fill(parts: Part[], values: Record<string, string | number>, locale: string, hash?: number): string {
  // Four-digit numbers stay ungrouped ("2000 words"), as style guides in all five languages allow; longer ones group.
  const numbers = new Intl.NumberFormat(locale, { useGrouping: 'min2' });
  const show = (v: string | number | undefined) => (typeof v === 'number' ? numbers.format(v) : (v ?? ''));
  return parts
    .map((p) => {
      if (typeof p === 'string') return p;
      if (p.arg === '#') return show(hash);
      const value = values[p.arg];
      if (!('plural' in p)) return show(value);
      const n = Number(value);
      const form = p.plural[`=${n}`] ?? p.plural[new Intl.PluralRules(locale).select(n)] ?? p.plural.other!;
      return fill(form, values, locale, n);
    })
    .join('');
}

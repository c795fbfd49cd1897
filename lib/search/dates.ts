import { EN, type Translator } from '../i18n';
import { foldPattern } from '../match/fold';

/** A query with the dates it names taken out as an inclusive ISO range. */
export interface DatedQuery {
  /** The query without its dates. */
  text: string;
  from?: string;
  to?: string;
  /** The words that were read as a date, as written. */
  dateText?: string;
}

// Month names (folded) in the press languages with Latin or Cyrillic script: English, French, Russian (nominative and genitive), Turkish, Azerbaijani.
const MONTHS: string[][] = [
  ['january', 'jan', 'janvier', 'январь', 'января', 'ocak', 'yanvar'],
  ['february', 'feb', 'fevrier', 'февраль', 'февраля', 'subat', 'fevral'],
  ['march', 'mar', 'mars', 'март', 'марта', 'mart'],
  ['april', 'apr', 'avril', 'апрель', 'апреля', 'nisan', 'aprel'],
  ['may', 'mai', 'май', 'мая', 'mayis'],
  ['june', 'jun', 'juin', 'июнь', 'июня', 'haziran', 'iyun'],
  ['july', 'jul', 'juillet', 'июль', 'июля', 'temmuz', 'iyul'],
  ['august', 'aug', 'aout', 'август', 'августа', 'agustos', 'avqust'],
  ['september', 'sep', 'sept', 'septembre', 'сентябрь', 'сентября', 'eylul', 'sentyabr'],
  ['october', 'oct', 'octobre', 'октябрь', 'октября', 'ekim', 'oktyabr'],
  ['november', 'nov', 'novembre', 'ноябрь', 'ноября', 'kasim', 'noyabr'],
  ['december', 'dec', 'decembre', 'декабрь', 'декабря', 'aralik', 'dekabr'],
];
const MONTH_OF = new Map(MONTHS.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const month = (word: string | undefined) => (word ? MONTH_OF.get(foldPattern(word).replace(/\.$/, '')) : undefined);
const validDay = (y: number, m: number, d: number) => d >= 1 && d <= lastDay(y, m);

const WORD = String.raw`[\p{L}]+\.?`;
// Most specific first: an ISO date, "7 December 2023", "December 7, 2023", "December 2023", "2023".
const PATTERNS: Array<{ re: RegExp; range: (m: RegExpExecArray) => [string, string] | null }> = [
  {
    re: /(?<![\p{L}\p{N}-])(\d{4})-(\d{2})-(\d{2})(?![\p{L}\p{N}])/u,
    range: (m) => {
      const [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
      return mo >= 1 && mo <= 12 && validDay(y, mo, d) ? [m[0], m[0]] : null;
    },
  },
  {
    re: new RegExp(String.raw`(?<![\p{L}\p{N}])(\d{1,2})(?:st|nd|rd|th)?\s+(${WORD})\s+((?:19|20)\d{2})(?![\p{L}\p{N}])`, 'u'),
    range: (m) => day(+m[3]!, month(m[2]), +m[1]!),
  },
  {
    re: new RegExp(String.raw`(?<![\p{L}\p{N}])(${WORD})\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})(?![\p{L}\p{N}])`, 'u'),
    range: (m) => day(+m[3]!, month(m[1]), +m[2]!),
  },
  {
    re: new RegExp(String.raw`(?<![\p{L}\p{N}])(${WORD})\s+((?:19|20)\d{2})(?![\p{L}\p{N}])`, 'u'),
    range: (m) => {
      const mo = month(m[1]);
      const y = +m[2]!;
      return mo ? [`${y}-${pad(mo)}-01`, `${y}-${pad(mo)}-${pad(lastDay(y, mo))}`] : null;
    },
  },
  {
    re: /(?<![\p{L}\p{N}-])((?:19|20)\d{2})(?![\p{L}\p{N}-])/u,
    range: (m) => [`${m[1]}-01-01`, `${m[1]}-12-31`],
  },
];

function day(y: number, mo: number | undefined, d: number): [string, string] | null {
  if (!mo || !validDay(y, mo, d)) return null;
  const iso = `${y}-${pad(mo)}-${pad(d)}`;
  return [iso, iso];
}

/** Reads the first date, month or year a query names as a date range, and returns the rest as the text to search. */
export function parseQueryDates(query: string): DatedQuery {
  for (const { re, range } of PATTERNS) {
    const m = re.exec(query);
    const r = m && range(m);
    if (!m || !r) continue;
    const text = `${query.slice(0, m.index)} ${query.slice(m.index + m[0].length)}`
      .replace(/\s+(?:in|on|of|from|during|en|le|в)\s*$/iu, '')
      .replace(/\s+/g, ' ')
      .trim();
    return { text, from: r[0], to: r[1], dateText: m[0] };
  }
  return { text: query };
}

/** What is wrong with a date range, or null: an inverted range, or a date that is not a calendar date. */
export function rangeProblem(from?: string, to?: string, tr: Translator = EN): string | null {
  const { t } = tr;
  for (const [name, v] of [
    ['filterFrom', from],
    ['filterTo', to],
  ] as const) {
    if (v && (!/^\d{4}-\d{2}-\d{2}$/.test(v) || !validDay(+v.slice(0, 4), +v.slice(5, 7), +v.slice(8, 10))))
      return t('errorNotADate', { name: t(name), value: v });
  }
  if (from && to && from > to) return t('errorRangeInverted', { from: tr.date(from), to: tr.date(to) });
  return null;
}

/** The intersection of two inclusive ranges (either end may be open). */
export function intersectRange(a: { from?: string; to?: string }, b: { from?: string; to?: string }): { from?: string; to?: string } {
  const from = [a.from, b.from].filter(Boolean).sort().pop();
  const to = [a.to, b.to].filter(Boolean).sort()[0];
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** Says what an empty date range means: nothing in the corpus is dated then, and which dates it has. */
export function emptyRangeNote(dates: string[], from?: string, to?: string, tr: Translator = EN): string {
  const { t, date } = tr;
  const span =
    from && to
      ? t('spanFromTo', { from: date(from), to: date(to) })
      : from
        ? t('spanFrom', { from: date(from) })
        : t('spanTo', { to: date(to!) });
  const sorted = [...new Set(dates)].sort();
  return t('emptyRangeNote', { span, first: date(sorted[0]!), last: date(sorted[sorted.length - 1]!) });
}

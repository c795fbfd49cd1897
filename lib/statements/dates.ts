import type { Translator } from '../i18n';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH = `(${MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1)).join('|')})`;
const WEEKDAY = `(${WEEKDAYS.map((d) => d[0]!.toUpperCase() + d.slice(1)).join('|')})`;

const YEAR = String.raw`(?:,?\s+(\d{4}))?`;

/** Date forms, most precise first; each yields a month (0-based), and a day, a weekday or a year where the text gives them. */
const PATTERNS: Array<{
  other?: true;
  re: RegExp;
  parse: (m: RegExpExecArray) => { month?: number; day?: number; weekday?: number; year?: number };
}> = [
  {
    re: new RegExp(`\\b${WEEKDAY},\\s+${MONTH}\\s+(\\d{1,2})\\b${YEAR}`),
    parse: (m) => ({ month: MONTHS.indexOf(m[2]!.toLowerCase()), day: Number(m[3]), year: m[4] ? Number(m[4]) : undefined }),
  },
  {
    re: new RegExp(`\\b[Oo]n\\s+(\\d{1,2})\\s+${MONTH}\\b${YEAR}`),
    parse: (m) => ({ month: MONTHS.indexOf(m[2]!.toLowerCase()), day: Number(m[1]), year: m[3] ? Number(m[3]) : undefined }),
  },
  {
    re: new RegExp(`\\b[Oo]n\\s+${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b${YEAR}`),
    parse: (m) => ({ month: MONTHS.indexOf(m[1]!.toLowerCase()), day: Number(m[2]), year: m[3] ? Number(m[3]) : undefined }),
  },
  { re: new RegExp(`\\b[Oo]n\\s+${WEEKDAY}\\b`), parse: (m) => ({ weekday: WEEKDAYS.indexOf(m[1]!.toLowerCase()) }) },
  {
    // A month without a day only where it dates what follows or names an event: "In September 2021, …", "The September skirmishes".
    re: new RegExp(
      `(?:^In\\s+${MONTH}(?:\\s+(\\d{4}))?,|\\b[Tt]he\\s+${MONTH}\\s+(?:clashes|skirmishes|fighting|escalation|offensive|attack|war|meeting|talks|summit)\\b)`,
    ),
    parse: (m) => ({ month: MONTHS.indexOf((m[1] ?? m[3])!.toLowerCase()), year: m[2] ? Number(m[2]) : undefined }),
  },
];

/** Month names of the other languages of the press, in the case a date gives them ("21 апреля", "le 26 septembre", "18 Kasım'da", "dekabrın 14-də", "օգոստոսի 8-ին"). */
const MONTHS_OF: string[][] = [
  ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  ['ocak', 'şubat', 'mart', 'nisan', 'mayıs', 'haziran', 'temmuz', 'ağustos', 'eylül', 'ekim', 'kasım', 'aralık'],
  ['yanvar', 'fevral', 'mart', 'aprel', 'may', 'iyun', 'iyul', 'avqust', 'sentyabr', 'oktyabr', 'noyabr', 'dekabr'],
  [
    'հունվարի',
    'փետրվարի',
    'մարտի',
    'ապրիլի',
    'մայիսի',
    'հունիսի',
    'հուլիսի',
    'օգոստոսի',
    'սեպտեմբերի',
    'հոկտեմբերի',
    'նոյեմբերի',
    'դեկտեմբերի',
  ],
];
const monthOf = (name: string) => {
  const lower = name.toLowerCase();
  for (const months of MONTHS_OF) if (months.includes(lower)) return months.indexOf(lower);
  return -1;
};
const DAY_MONTH = MONTHS_OF.slice(0, 4).flat().join('|');
const AZ_MONTH = MONTHS_OF[3]!.join('|');
const HY_MONTH = MONTHS_OF[4]!.join('|');
const NB = '(?<![\\p{L}\\d])';
const NE = '(?![\\p{L}])';
PATTERNS.push(
  {
    // "21 апреля", "le 26 septembre 2024", "18 Kasım'da", "14 dekabr".
    other: true,
    re: new RegExp(`${NB}(\\d{1,2})(?:er)?\\s+(${DAY_MONTH})(?:${NE}|(?=['’]|da|də|de|te|ta))(?:\\s+(\\d{4}))?`, 'iu'),
    parse: (m) => ({ month: monthOf(m[2]!), day: Number(m[1]), year: m[3] ? Number(m[3]) : undefined }),
  },
  {
    // "dekabrın 14-də", "iyunun 7-nə".
    other: true,
    re: new RegExp(`${NB}(${AZ_MONTH})[ıiuü]n\\s+(\\d{1,2})-\\p{L}{0,3}`, 'iu'),
    parse: (m) => ({ month: monthOf(m[1]!), day: Number(m[2]) }),
  },
  {
    // "օգոստոսի 8-ին", "Փետրվարի 13-ին".
    other: true,
    re: new RegExp(`${NB}(${HY_MONTH})\\s+(\\d{1,2})(?:-ին|-ը|-ի)?${NE}`, 'iu'),
    parse: (m) => ({ month: monthOf(m[1]!), day: Number(m[2]) }),
  },
);

const FUTURE_BEFORE = /\b(?:will|shall|later|is to|are to|is due to|are due to|is expected to|are expected to|plans? to)\b[^.;]*$/i;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Finds a date the text gives for an event ("on 18 October", "On September 27", "on Monday", "In September 2021,";
 * "21 апреля", "le 26 septembre", "18 Kasım'da", "dekabrın 14-də", "օգոստոսի 8-ին")
 * and resolves it against the document's date: a year the text gives, else the latest such date not after it.
 * A month without a day resolves to YYYY-MM.
 */
export function findStatedDate(
  text: string,
  docDate: string,
  /** English forms only (with their "on"), or only the other languages' day-and-month forms. */
  forms: 'english' | 'other' | 'all' = 'all',
): { dateText: string; statedOn: string } | null {
  const [y, mo, d] = docDate.split('-').map(Number) as [number, number, number];
  const published = Date.UTC(y, mo - 1, d);
  // Without a publication date, only a date with its own year can be resolved ("on Monday" cannot).
  const dated = /^\d{4}-\d{2}-\d{2}$/.test(docDate) && !Number.isNaN(published);
  for (const { re, parse, other } of PATTERNS) {
    if ((forms === 'english' && other) || (forms === 'other' && !other)) continue;
    const m = re.exec(text);
    if (!m) continue;
    const parsed = parse(m);
    if (!dated && (parsed.weekday !== undefined || parsed.year === undefined)) continue;
    // A date of something still to come ("lands in Kenya later on Friday", "will travel on Sunday") dates no statement.
    if (FUTURE_BEFORE.test(text.slice(Math.max(0, m.index - 80), m.index))) continue;
    if (parsed.weekday !== undefined) {
      const back = (new Date(published).getUTCDay() - parsed.weekday + 7) % 7;
      return { dateText: m[0], statedOn: iso(new Date(published - back * 86_400_000)) };
    }
    const month = parsed.month!;
    if (parsed.day === undefined) {
      const year = parsed.year ?? (month > mo - 1 ? y - 1 : y);
      return { dateText: m[0], statedOn: `${year}-${pad(month + 1)}` };
    }
    let when = Date.UTC(parsed.year ?? y, month, parsed.day);
    if (parsed.year === undefined && when > published) when = Date.UTC(y - 1, month, parsed.day);
    return { dateText: m[0], statedOn: iso(new Date(when)) };
  }
  return null;
}

const iso = (date: Date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date of any precision the statements carry (YYYY, YYYY-MM, YYYY-MM-DD) as "21 Oct 2024", "Nov 2020" or "1990". */
export function formatShortDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (m === undefined) return String(y);
  const month = SHORT_MONTHS[m - 1]!;
  return d === undefined ? `${month} ${y}` : `${d} ${month} ${y}`;
}

/**
 * A statement's date as the card and citations show it: the date the text gives for it, or the publication
 * date said to be one ("published 22 Oct 2024"), so a reader never takes the one for the other.
 */
export function statementDateLabel(
  s: { dateSource?: 'stated' | 'published'; statedOn?: string; docDate: string },
  tr?: Pick<Translator, 't' | 'shortDate'>,
): string {
  // Citations (no translator) keep their fixed English form; the interface passes the reader's language.
  if (s.dateSource !== 'published' && s.statedOn) return tr ? tr.shortDate(s.statedOn) : formatShortDate(s.statedOn);
  return tr ? tr.t('publishedOn', { date: tr.shortDate(s.docDate) }) : `published ${formatShortDate(s.docDate)}`;
}

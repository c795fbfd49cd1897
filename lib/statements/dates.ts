const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH = `(${MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1)).join('|')})`;
const WEEKDAY = `(${WEEKDAYS.map((d) => d[0]!.toUpperCase() + d.slice(1)).join('|')})`;

const PATTERNS: Array<{ re: RegExp; parse: (m: RegExpExecArray) => { month?: number; day?: number; weekday?: number } }> = [
  {
    re: new RegExp(`\\b${WEEKDAY},\\s+${MONTH}\\s+(\\d{1,2})\\b`),
    parse: (m) => ({ month: MONTHS.indexOf(m[2]!.toLowerCase()), day: Number(m[3]) }),
  },
  {
    re: new RegExp(`\\b[Oo]n\\s+(\\d{1,2})\\s+${MONTH}\\b`),
    parse: (m) => ({ month: MONTHS.indexOf(m[2]!.toLowerCase()), day: Number(m[1]) }),
  },
  {
    re: new RegExp(`\\b[Oo]n\\s+${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`),
    parse: (m) => ({ month: MONTHS.indexOf(m[1]!.toLowerCase()), day: Number(m[2]) }),
  },
  { re: new RegExp(`\\b[Oo]n\\s+${WEEKDAY}\\b`), parse: (m) => ({ weekday: WEEKDAYS.indexOf(m[1]!.toLowerCase()) }) },
];

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Finds a date the text gives for an event ("on 18 October", "On September 27",
 * "on Monday") and resolves it against the document's date: never after it.
 */
export function findStatedDate(text: string, docDate: string): { dateText: string; statedOn: string } | null {
  const [y, mo, d] = docDate.split('-').map(Number) as [number, number, number];
  const published = Date.UTC(y, mo - 1, d);
  for (const { re, parse } of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const parsed = parse(m);
    let when: number;
    if (parsed.weekday !== undefined) {
      const back = (new Date(published).getUTCDay() - parsed.weekday + 7) % 7;
      when = published - back * 86_400_000;
    } else {
      when = Date.UTC(y, parsed.month!, parsed.day!);
      if (when > published) when = Date.UTC(y - 1, parsed.month!, parsed.day!);
    }
    const date = new Date(when);
    return {
      dateText: m[0],
      statedOn: `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`,
    };
  }
  return null;
}

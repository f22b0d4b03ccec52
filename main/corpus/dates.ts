/**
 * Calendar dates stated in article text: "23 July 2020", "July 23, 2020",
 * "2017-02-21", and year-less "Nov. 15" / "February 23" / "15 November".
 * Only day-precise dates count as a publication date; "June 2021" or "2019" do not.
 */
import type { ArticleDate } from '../../shared/domain/article';

export interface StatedDate {
  /** The words the date was read from. */
  surface: string;
  /** null when the text does not give the year ("Nov. 15"). */
  year: number | null;
  month: number; // 1–12
  day: number;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};
// Capitalised month names only: "may" and "march" are also ordinary words.
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';
// A number right after the match would make it something else ("May 10,000 prisoners").
const NOT_NUMBER = '(?![\\d,.]?\\d)';

const PATTERNS: Array<{ re: RegExp; parts: (m: RegExpExecArray) => [string | undefined, string | undefined, string | undefined] }> = [
  { re: new RegExp(`\\b${YEAR}-(\\d{2})-(\\d{2})\\b`, 'g'), parts: (m) => [m[1], m[2], m[3]] },
  { re: new RegExp(`\\b${DAY}\\s+${MONTH},?\\s+${YEAR}\\b`, 'g'), parts: (m) => [m[3], m[2], m[1]] },
  { re: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'g'), parts: (m) => [m[3], m[1], m[2]] },
  { re: new RegExp(`\\b${MONTH}\\s+${DAY}\\b${NOT_NUMBER}`, 'g'), parts: (m) => [undefined, m[1], m[2]] },
  { re: new RegExp(`\\b${DAY}\\s+${MONTH}(?!\\w)${NOT_NUMBER}`, 'g'), parts: (m) => [undefined, m[2], m[1]] },
];

function monthNumber(value: string): number | undefined {
  if (/^\d+$/.test(value)) return Number(value);
  return MONTHS[value.toLowerCase().replace(/\.$/, '')];
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Every day-precise date in the text, in order of position (longest form wins at a position). */
export function findDates(text: string): Array<StatedDate & { index: number }> {
  const found: Array<StatedDate & { index: number; end: number }> = [];
  for (const { re, parts } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const [y, mo, d] = parts(m);
      const year = y === undefined ? null : Number(y);
      const month = mo === undefined ? undefined : monthNumber(mo);
      const day = Number(d);
      if (!month || month > 12 || !day || day > daysIn(year ?? 2000, month)) continue;
      const end = m.index + m[0].length;
      // Skip a match inside a longer one already found ("July 23" inside "July 23, 2020").
      if (found.some((f) => m!.index < f.end && end > f.index)) continue;
      found.push({ surface: m[0].trim(), year, month, day, index: m.index, end });
    }
  }
  return found.sort((a, b) => a.index - b.index).map(({ end: _end, ...rest }) => rest);
}

/** A date written in a metadata field ("2020-07-23T08:00:00Z", "July 23, 2020"). */
export function parseDeclaredDate(value: string): StatedDate | null {
  const iso = /^\s*((?:19|20)\d{2})-(\d{2})-(\d{2})/.exec(value);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)) return { surface: value.trim(), year, month, day };
  }
  const first = findDates(value)[0];
  return first && first.year !== null ? { surface: first.surface, year: first.year, month: first.month, day: first.day } : null;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const localIso = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/**
 * The article's date: the stated one (a missing year is the file's modification year,
 * or the year before when that would put the date after the file was saved, and is
 * flagged yearInferred so nobody mistakes it for a stated year), else
 * the modification date itself, marked as such.
 */
export function resolveDate(stated: StatedDate | null, mtimeMs: number): ArticleDate {
  const mtime = new Date(mtimeMs);
  if (!stated) return { iso: localIso(mtime), source: 'mtime' };
  let year = stated.year;
  if (year === null) {
    year = mtime.getFullYear();
    const candidate = `${year}-${pad(stated.month)}-${pad(stated.day)}`;
    if (candidate > localIso(mtime)) year -= 1;
    return { iso: `${year}-${pad(stated.month)}-${pad(stated.day)}`, source: 'text', surface: stated.surface, yearInferred: true };
  }
  return { iso: `${year}-${pad(stated.month)}-${pad(stated.day)}`, source: 'text', surface: stated.surface };
}

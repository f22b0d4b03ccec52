/**
 * Filtering and sorting the claims table's rows: plain data in, plain data out, so the
 * component stays a view and this stays testable without a DOM. Written for 100,000 rows:
 * the text each row is searched in is built once per row object, and nothing is copied
 * when no filter or sort applies.
 */
import { claimKey, type ClaimRow } from '../../../../shared/domain/crosscheck';

export type ColumnId = 'article' | 'figure' | 'unit' | 'quantity' | 'time' | 'verdict' | 'discrepancy';
export type SortDirection = 'ascending' | 'descending';
export interface RowSort {
  column: ColumnId;
  direction: SortDirection;
}

/** Which rows the verdict quick filter keeps: all, those without a verdict yet, or one verdict (by label). */
export type VerdictFilter = { type: 'any' } | { type: 'none' } | { type: 'label'; label: string };

export interface RowFilterOptions {
  /** Words that must all appear somewhere in the row (any column), in any case. */
  text?: string;
  /** Keep one claim kind ('count', 'percent', …); absent: every kind. */
  kind?: string;
  /** 'yes': only rows with a discrepancy; 'no': only rows without; absent or 'any': all. */
  discrepancy?: 'any' | 'yes' | 'no';
  verdict?: VerdictFilter;
  /** claimKey → verdict label, for the verdict filter, the text filter and the verdict sort. */
  verdicts?: ReadonlyMap<string, string>;
  sort?: RowSort | null;
}

// Search text of each row object, built on first use: the rows are immutable data, and
// typing in the filter box would otherwise rebuild 100,000 strings per keystroke.
const searchTextCache = new WeakMap<ClaimRow, string>();

function searchText(row: ClaimRow): string {
  let text = searchTextCache.get(row);
  if (text === undefined) {
    text = [
      row.articleTitle,
      row.text,
      String(row.value),
      row.unit,
      row.kind,
      row.qualifier,
      row.quantity,
      row.time,
      row.discrepancy ? 'discrepancy' : '',
    ]
      .join('\n')
      .toLowerCase();
    searchTextCache.set(row, text);
  }
  return text;
}

/** The words of a filter text, lower case; empty when there is nothing to filter on. */
export function filterWords(text: string | undefined): string[] {
  return (text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_PATTERN = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?/;

/**
 * A chronological sort key for a time label ("March 2020", "end of 2016", "article date,
 * 23 Jul 2020"): year, then month; words like "end of" stand for a month. The row carries
 * only the label, so this reads it; a label without a year has no key (sorted after the dated).
 */
export function timeSortKey(label: string): number | null {
  const lower = label.toLowerCase();
  const year = /\b(1[5-9]\d\d|2\d\d\d)\b/.exec(lower);
  if (!year) return null;
  let month = 0;
  const named = MONTH_PATTERN.exec(lower);
  if (named) month = MONTHS.indexOf(named[1]!) + 1;
  else if (/\b(end|late)\b/.test(lower)) month = 12;
  else if (/\bmid/.test(lower)) month = 6;
  else if (/\b(start|early|beginning)\b/.test(lower)) month = 1;
  return Number(year[1]) * 100 + month;
}

type Compare = (a: ClaimRow, b: ClaimRow) => number;

/** Text columns: empty values last whatever the direction, so a sort never opens on blanks. */
function byText(get: (row: ClaimRow) => string, direction: number): Compare {
  return (a, b) => {
    const x = get(a);
    const y = get(b);
    if (!x || !y) return x ? -1 : y ? 1 : 0;
    return direction * collator.compare(x, y);
  };
}

function comparator(sort: RowSort, verdicts: ReadonlyMap<string, string> | undefined): Compare {
  const direction = sort.direction === 'ascending' ? 1 : -1;
  switch (sort.column) {
    case 'article':
      return byText((row) => row.articleTitle, direction);
    case 'figure':
      return (a, b) => direction * (a.value - b.value) || collator.compare(a.unit, b.unit);
    case 'unit':
      return byText((row) => row.unit, direction);
    case 'quantity':
      return byText((row) => row.quantity, direction);
    case 'verdict':
      return byText((row) => verdicts?.get(claimKey(row.ref)) ?? '', direction);
    case 'discrepancy':
      return (a, b) => direction * (Number(a.discrepancy) - Number(b.discrepancy) || a.links - b.links);
    case 'time': {
      const byLabel = byText((row) => row.time, direction);
      return (a, b) => {
        const x = timeSortKey(a.time);
        const y = timeSortKey(b.time);
        if (x === null || y === null) return x !== null ? -1 : y !== null ? 1 : byLabel(a, b);
        return direction * (x - y) || byLabel(a, b);
      };
    }
  }
}

/** Ties keep reading order: article, then place in the article. */
const readingOrder: Compare = (a, b) =>
  collator.compare(a.ref.articleId, b.ref.articleId) || a.ref.start - b.ref.start || a.ref.end - b.ref.end;

/** The rows the table shows, in the order it shows them. Returns `rows` itself when nothing filters or sorts. */
export function filterAndSortRows(rows: readonly ClaimRow[], options: RowFilterOptions = {}): readonly ClaimRow[] {
  const words = filterWords(options.text);
  const { kind, verdicts, sort } = options;
  const discrepancy = options.discrepancy ?? 'any';
  const verdict = options.verdict ?? { type: 'any' };
  const verdictOf = (row: ClaimRow) => verdicts?.get(claimKey(row.ref));

  const filtering = words.length > 0 || Boolean(kind) || discrepancy !== 'any' || verdict.type !== 'any';
  let result: readonly ClaimRow[] = rows;
  if (filtering) {
    result = rows.filter((row) => {
      if (kind && row.kind !== kind) return false;
      if (discrepancy === 'yes' && !row.discrepancy) return false;
      if (discrepancy === 'no' && row.discrepancy) return false;
      if (verdict.type !== 'any') {
        const label = verdictOf(row);
        if (verdict.type === 'none' ? label !== undefined : label !== verdict.label) return false;
      }
      if (words.length === 0) return true;
      const haystack = searchText(row);
      const label = verdictOf(row)?.toLowerCase();
      return words.every((word) => haystack.includes(word) || (label !== undefined && label.includes(word)));
    });
  }
  if (sort) {
    const compare = comparator(sort, verdicts);
    // Array.prototype.sort is stable; copy first when the filter did not.
    result = (result === rows ? [...rows] : (result as ClaimRow[])).sort((a, b) => compare(a, b) || readingOrder(a, b));
  }
  return result;
}

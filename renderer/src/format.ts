/** Display formatting shared by the panes. Dates are calendar dates: format in UTC so they never shift a day. */
import type { ArticleDate } from '../../shared/domain/article';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

const dayMonthFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** A date as the text gives it: without a year when the text gave none. */
export function formatDate(date: ArticleDate): string {
  const parsed = new Date(`${date.iso}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date.iso;
  return date.yearInferred ? dayMonthFormat.format(parsed) : dateFormat.format(parsed);
}

/** Tooltip explaining where a date came from. */
export function describeDateSource(date: ArticleDate): string {
  if (date.source === 'mtime') return 'No date found in the text: this is the file’s modification time';
  const stated = date.surface ? `Stated in the text: “${date.surface}”` : 'Stated in the text';
  return date.yearInferred ? `${stated}, with no year (sorted as ${date.iso.slice(0, 4)}, the file’s year)` : stated;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const integer = new Intl.NumberFormat('en-GB');
export const formatCount = (n: number): string => integer.format(n);

export { plural } from '../../shared/claims/describe';

/** The last segment of a path, for display ("…/sample-corpus" → "sample-corpus"). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]+/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

/** Display formatting shared by the panes. Dates are calendar dates: format in UTC so they never shift a day. */
import type { ArticleDate } from '../../shared/domain/article';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function formatDate(date: ArticleDate): string {
  const parsed = new Date(`${date.iso}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? date.iso : dateFormat.format(parsed);
}

/** Tooltip explaining where a date came from. */
export function describeDateSource(date: ArticleDate): string {
  return date.source === 'text'
    ? date.surface
      ? `Stated in the text: “${date.surface}”`
      : 'Stated in the text'
    : 'No date found in the text: this is the file’s modification time';
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const integer = new Intl.NumberFormat('en-GB');
export const formatCount = (n: number): string => integer.format(n);

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** The last segment of a path, for display ("…/sample-corpus" → "sample-corpus"). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]+/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

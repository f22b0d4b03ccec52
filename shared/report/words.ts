/**
 * Words every report format shares, so that the HTML, Markdown and CSV reports give a date,
 * a count, a selection or an arithmetic check the same way, and the way the UI does
 * (shared/claims/describe.ts). Plain text out: each renderer escapes it for its own syntax.
 */
import { formatFigure, plural } from '../claims/describe';
import { formatSpan } from '../crosscheck/time';
import type { VerdictOption } from '../domain/annotation';
import type { ArticleDate } from '../domain/article';
import { NO_VERDICT, type Report, type ReportCheck, type ReportEvidence, type ReportLink } from '../domain/report';

export { plural };

export const NO_VERDICT_LABEL = 'No verdict';

/** The appendix of a report that covers no article (an empty folder, or no article chosen). */
export const NO_SOURCES = 'No article in this report.';

export const verdictLabel = (verdict: VerdictOption | null): string => (verdict ? verdict.label : NO_VERDICT_LABEL);

/** How evidence is introduced in a list. */
export const EVIDENCE_KIND: Readonly<Record<ReportEvidence['kind'], string>> = { claim: 'Figure', article: 'Article', url: 'Web' };

/** An http(s) address, the only kind a report makes a link of (never javascript:, file: or a typo). */
const WEB_ADDRESS = /^https?:\/\/\S+$/i;
export const isWebAddress = (url: string): boolean => WEB_ADDRESS.test(url);

/** "2026-11-21T14:05:09.000Z" → "21 Nov 2026, 14:05 UTC" (UTC, so the same file everywhere). */
export function formatGenerated(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${formatSpan(match[1], match[1])}, ${match[2]} UTC` : iso;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An article's date for a reader: "23 Jul 2020"; "15 Nov" when the text gave no year (the
 * year would be a guess); "12 Mar 2024 (date from file)" when the text gave none at all.
 */
export function formatSourceDate(date: ArticleDate): string {
  const day = ISO_DAY.test(date.iso) ? formatSpan(date.iso, date.iso) : date.iso;
  const shown = date.yearInferred ? day.replace(/ \d{4}$/, '') : day;
  return date.source === 'mtime' ? `${shown} (date from file)` : shown;
}

/** The dates of the report's sources by article id: a link carries only its article's ISO day, which may hide a guessed year. */
export type SourceDates = ReadonlyMap<string, ArticleDate>;

export const sourceDatesOf = (report: Pick<Report, 'sources'>): SourceDates => new Map(report.sources.map((source) => [source.id, source.date]));

/** A linked figure's article date as that article's own section gives it, or its day in words when the article is outside the report. */
export function linkSourceDate(link: Pick<ReportLink, 'ref' | 'sourceDate'>, dates: SourceDates): string {
  const date = dates.get(link.ref.articleId);
  if (date) return formatSourceDate(date);
  return ISO_DAY.test(link.sourceDate) ? formatSpan(link.sourceDate, link.sourceDate) : link.sourceDate;
}

/** The filter in words ("2 chosen articles; verdicts: Accurate, No verdict"), or '' when the report covers everything. */
export function describeFilter(report: Pick<Report, 'filter' | 'verdictScale'>): string {
  const parts: string[] = [];
  if (report.filter.articleIds) parts.push(plural(report.filter.articleIds.length, 'chosen article'));
  if (report.filter.verdicts) {
    const labels = report.filter.verdicts.map((id) => report.verdictScale.find((v) => v.id === id)?.label ?? (id === NO_VERDICT ? NO_VERDICT_LABEL : id));
    parts.push(`verdicts: ${labels.join(', ')}`);
  }
  return parts.join('; ');
}

/** "38,990 ÷ 26,593 × 100 = 146.62%": the check's formula and what it comes to, as the claim inspector shows it. */
export const checkWorking = (check: Pick<ReportCheck, 'formula' | 'computed' | 'unit'>): string => `${check.formula} = ${formatFigure(check.computed, check.unit)}`;

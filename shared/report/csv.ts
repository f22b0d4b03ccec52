/**
 * The report as a spreadsheet: one row per annotation, RFC 4180 (CRLF line ends, fields with a
 * comma, quote or line break quoted, quotes doubled), UTF-8 with a byte-order mark because
 * Excel and LibreOffice otherwise guess a legacy code page and mangle accents.
 */
import type { Report, ReportArticle, ReportEntry } from '../domain/report';
import { checkVerdictLabel, relationLabel } from '../claims/describe';
import { checkWorking } from './words';

const BOM = '\uFEFF';
const CRLF = '\r\n';

type Column = { header: string; cell: (entry: ReportEntry, article: ReportArticle) => string | number };

const COLUMNS: readonly Column[] = [
  { header: 'Article ID', cell: (_, a) => a.source.id },
  { header: 'Article title', cell: (_, a) => a.source.title },
  // ISO so that a spreadsheet sorts it; where it came from in the next column.
  { header: 'Source date', cell: (_, a) => a.source.date.iso },
  { header: 'Date from', cell: (_, a) => (a.source.date.source === 'text' ? (a.source.date.yearInferred ? 'text (year from file)' : 'text') : 'file') },
  { header: 'Quote', cell: (e) => e.quote },
  { header: 'Quote as annotated', cell: (e) => e.originalQuote ?? '' },
  { header: 'Figure', cell: (e) => e.claim?.text ?? '' },
  { header: 'Value', cell: (e) => e.claim?.value ?? '' },
  { header: 'Unit', cell: (e) => e.claim?.unit ?? '' },
  { header: 'Interval', cell: (e) => e.claim?.interval ?? '' },
  { header: 'What it counts', cell: (e) => e.claim?.quantity ?? '' },
  { header: 'Time', cell: (e) => e.claim?.time.label ?? '' },
  { header: 'Verdict', cell: (e) => e.verdict?.label ?? '' },
  { header: 'Rating', cell: (e) => e.verdict?.rating ?? '' },
  { header: 'Note', cell: (e) => e.note },
  { header: 'Tags', cell: (e) => e.tags.join('; ') },
  { header: 'Evidence', cell: (e) => e.evidence.map((item) => item.label).join('; ') },
  // "agrees: 38,990 (Title, 2020-03-05); differs by 2.6%: …": the linked figures in one readable cell.
  { header: 'Other sources', cell: (e) => e.links.map((link) => `${relationLabel(link.relation)}: ${link.text} (${link.sourceTitle}, ${link.sourceDate})`).join('; ') },
  { header: 'Discrepancy', cell: (e) => (e.claim ? (e.claim.discrepancy ? 'yes' : 'no') : '') },
  { header: 'Arithmetic checks', cell: (e) => e.checks.map((c) => `${checkVerdictLabel(c.verdict)}: ${checkWorking(c)}`).join('; ') },
  { header: 'Anchor', cell: (e) => e.anchor },
  { header: 'Created', cell: (e) => e.created },
  { header: 'Modified', cell: (e) => e.modified },
  { header: 'Annotation ID', cell: (e) => e.annotationId },
];

/** The column headers, in order (tests and readers of the file can rely on them). */
export const REPORT_CSV_HEADERS: readonly string[] = COLUMNS.map((column) => column.header);

export function renderReportCsv(report: Report): string {
  const rows = [REPORT_CSV_HEADERS.map(csvField)];
  for (const article of report.articles) {
    for (const entry of article.entries) rows.push(COLUMNS.map((column) => csvField(column.cell(entry, article))));
  }
  return BOM + rows.map((row) => row.join(',') + CRLF).join('');
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r\n]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One field. Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that begins
 * with = + - or @ (and, after a tab, CR or LF it may strip, the same) as a formula, so an article's
 * "-5%" or a note "=HYPERLINK(…)" would be evaluated, or worse. A leading apostrophe makes it text.
 * A cell that is wholly a plain number ("-5", the Value column) is spared: it cannot be a formula,
 * and the spreadsheet should read it as the number it is.
 */
function csvField(value: string | number): string {
  let text = String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Reports: one model (build.ts), rendered to each export format. PDF is the HTML printed
 * by a browser engine, which only main/ has (Electron's printToPDF, or headless Chromium).
 */
import type { Report, ReportFile, ReportFormat } from '../domain/report';
import { renderClaimReview } from './claimreview';
import { renderReportCsv } from './csv';
import { renderReportHtml } from './html';
import { renderReportJson } from './json';
import { renderReportMarkdown } from './markdown';
import { renderWebAnnotations } from './w3c';

export { buildReport, type ReportInput } from './build';

export type TextReportFormat = Exclude<ReportFormat, 'pdf'>;

const FORMATS: Record<ReportFormat, { suffix: string; mimeType: string }> = {
  html: { suffix: '.html', mimeType: 'text/html;charset=utf-8' },
  pdf: { suffix: '.pdf', mimeType: 'application/pdf' },
  md: { suffix: '.md', mimeType: 'text/markdown;charset=utf-8' },
  csv: { suffix: '.csv', mimeType: 'text/csv;charset=utf-8' },
  json: { suffix: '.json', mimeType: 'application/json' },
  w3c: { suffix: '.annotations.jsonld', mimeType: 'application/ld+json' },
  claimreview: { suffix: '.claimreview.jsonld', mimeType: 'application/ld+json' },
};

const RENDERERS: Record<TextReportFormat, (report: Report) => string> = {
  html: renderReportHtml,
  md: renderReportMarkdown,
  csv: renderReportCsv,
  json: renderReportJson,
  w3c: renderWebAnnotations,
  claimreview: renderClaimReview,
};

export const reportMimeType = (format: ReportFormat): string => FORMATS[format].mimeType;

/** "reckon-report-sample-corpus-2026-11-21.html": safe on every file system. */
export function reportFileName(report: Pick<Report, 'corpusName' | 'generated'>, format: ReportFormat): string {
  const slug =
    report.corpusName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'corpus';
  return `reckon-report-${slug}-${report.generated.slice(0, 10)}${FORMATS[format].suffix}`;
}

/** Every format but PDF, as a file. */
export function renderReport(report: Report, format: TextReportFormat): ReportFile {
  return {
    format,
    fileName: reportFileName(report, format),
    mimeType: FORMATS[format].mimeType,
    encoding: 'utf8',
    content: RENDERERS[format](report),
  };
}

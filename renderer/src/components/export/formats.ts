import type { ReportFormat } from '../../../../shared/domain/report';

export interface FormatChoice {
  id: ReportFormat;
  label: string;
  /** One line: what the file is for. */
  description: string;
}

/** The export formats in the order the dialog offers them: for reading first, then for other tools. */
export const FORMAT_CHOICES: FormatChoice[] = [
  { id: 'html', label: 'HTML', description: 'One self-contained page to read or print: the report previewed here.' },
  { id: 'pdf', label: 'PDF', description: 'The same report as pages, to send or print.' },
  { id: 'md', label: 'Markdown', description: 'The same content as plain text with markup, for notes and wikis.' },
  { id: 'csv', label: 'CSV', description: 'One row per annotation, for a spreadsheet.' },
  { id: 'json', label: 'JSON', description: 'Everything in the report, with a schema version, for other programs.' },
  { id: 'w3c', label: 'W3C Web Annotation', description: 'JSON-LD that annotation tools such as Hypothesis read, and Reckon imports back.' },
  { id: 'claimreview', label: 'ClaimReview', description: 'schema.org JSON-LD for each verdict, for publishing fact checks.' },
];

export const formatLabel = (format: ReportFormat): string => FORMAT_CHOICES.find((choice) => choice.id === format)?.label ?? format;

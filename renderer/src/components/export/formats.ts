import type { ReportFormat } from '../../../../shared/domain/report';

export interface FormatChoice {
  id: ReportFormat;
  label: string;
  /** One line: what the file is for. */
  description: string;
}

/** The export formats in the order the dialog offers them: for reading first, then for other tools. */
export const FORMAT_CHOICES: FormatChoice[] = [
  { id: 'html', label: 'HTML', description: 'A page to read or print, as previewed.' },
  { id: 'pdf', label: 'PDF', description: 'The same report as printable pages.' },
  { id: 'md', label: 'Markdown', description: 'The same content as text, for notes and wikis.' },
  { id: 'csv', label: 'CSV', description: 'One row per annotation, for spreadsheets.' },
  { id: 'json', label: 'JSON', description: 'Everything, with a schema version, for programs.' },
  { id: 'w3c', label: 'W3C Web Annotation', description: 'JSON-LD for Hypothesis and other annotation tools.' },
  { id: 'claimreview', label: 'ClaimReview', description: 'schema.org JSON-LD of each verdict, to publish.' },
];

export const formatLabel = (format: ReportFormat): string => FORMAT_CHOICES.find((choice) => choice.id === format)?.label ?? format;

/**
 * The report as JSON: the Report model itself, checked against its zod schema so that a file
 * Reckon writes always reads back, and the JSON Schema other tools can validate it with
 * (committed as resources/report.schema.json; a unit test keeps it in step with the model).
 */
import { z } from 'zod';
import { Report, REPORT_SCHEMA_VERSION } from '../domain/report';

/**
 * A URN rather than a web address: the schema ships inside the app and is never fetched, and a
 * URN cannot be mistaken for something to download. The version names the model it describes.
 */
export const REPORT_SCHEMA_ID = `urn:reckon:schema:report:${REPORT_SCHEMA_VERSION}`;

/** The report, pretty-printed. Throws if it does not match the schema (a bug in the model builder). */
export function renderReportJson(report: Report): string {
  const parsed = Report.safeParse(report);
  if (!parsed.success) throw new Error(`The report does not match its schema, so it was not written:\n${z.prettifyError(parsed.error)}`);
  return `${JSON.stringify(parsed.data, null, 2)}\n`;
}

/** The JSON Schema (draft 2020-12) of the JSON export, as the text of resources/report.schema.json. */
export function renderReportJsonSchema(): string {
  const { $schema, ...body } = z.toJSONSchema(Report, { target: 'draft-2020-12' });
  const schema = {
    $schema,
    $id: REPORT_SCHEMA_ID,
    title: 'Reckon annotated report',
    description: `The JSON export of a Reckon report (schemaVersion ${REPORT_SCHEMA_VERSION}): the articles, their annotated claims with verdicts, notes, evidence, other sources' figures and arithmetic checks, and an appendix of sources.`,
    ...body,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

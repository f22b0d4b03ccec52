import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Report, REPORT_SCHEMA_VERSION } from '../../../../shared/domain/report';
import { REPORT_SCHEMA_ID, renderReportJson, renderReportJsonSchema } from '../../../../shared/report/json';
import { expectGolden } from '../../../support/golden';
import { makeReportFixture, type ReportFixture } from '../../../support/report-fixture';

const SCHEMA_FILE = resolve('resources/report.schema.json');

describe('renderReportJson', () => {
  let fixture: ReportFixture;
  beforeAll(async () => {
    fixture = await makeReportFixture();
  });
  afterAll(() => fixture?.dispose());

  it('matches the golden file', () => {
    expectGolden('report/sample.json', renderReportJson(fixture.report));
  });

  it('round-trips through Report.parse, schema version included', () => {
    const json = renderReportJson(fixture.report);
    const parsed = Report.parse(JSON.parse(json));
    expect(parsed).toEqual(fixture.report);
    expect(parsed.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(json.endsWith('}\n')).toBe(true);
  });

  it('refuses a report that does not match the schema, saying where', () => {
    const broken = structuredClone(fixture.report);
    (broken.summary as { annotations: number }).annotations = -1;
    expect(() => renderReportJson(broken)).toThrow(/does not match its schema[\s\S]*summary\.annotations/);
  });

  it('validates against the committed JSON Schema, which rejects a broken report', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
    const exported = JSON.parse(renderReportJson(fixture.report));
    expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
    exported.articles[0].entries[0].anchor = 'lost';
    expect(validate(exported)).toBe(false);
  });
});

describe('resources/report.schema.json', () => {
  it('is the JSON Schema generated from the zod model (RECKON_UPDATE_GOLDEN=1 rewrites it)', () => {
    const generated = renderReportJsonSchema();
    if (process.env.RECKON_UPDATE_GOLDEN === '1') writeFileSync(SCHEMA_FILE, generated);
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(
      committed,
      'resources/report.schema.json is out of date with shared/domain/report.ts: run `RECKON_UPDATE_GOLDEN=1 npx vitest run test/unit/shared/report/json.test.ts`, review the diff, and bump REPORT_SCHEMA_VERSION if the model changed',
    ).toBe(generated);
  });

  it('names its draft and an offline identifier', () => {
    const schema = JSON.parse(renderReportJsonSchema());
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(REPORT_SCHEMA_ID);
    expect(schema.$id).toMatch(/^urn:/);
    expect(schema.properties.schemaVersion.const).toBe(REPORT_SCHEMA_VERSION);
  });
});

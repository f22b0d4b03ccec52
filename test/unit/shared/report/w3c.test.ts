import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AnnotationBody } from '../../../../shared/domain/annotation';
import type { Report } from '../../../../shared/domain/report';
import {
  ANNOTATION_CONTEXT,
  nameBasedUuid,
  parseWebAnnotations,
  RECKON_NAMESPACE,
  renderWebAnnotations,
} from '../../../../shared/report/w3c';
import { expectGolden } from '../../../support/golden';
import { makeReportFixture, type ReportFixture } from '../../../support/report-fixture';

/** The shape Reckon's export promises (the W3C model's required parts, plus Reckon's terms). */
const Exported = z.object({
  '@context': z.tuple([z.literal(ANNOTATION_CONTEXT), z.object({ reckon: z.literal(RECKON_NAMESPACE) })]),
  id: z.string().regex(/^urn:uuid:[0-9a-f-]{36}$/),
  type: z.literal('AnnotationCollection'),
  label: z.string().min(1),
  total: z.number().int(),
  first: z.object({
    id: z.string().regex(/^urn:uuid:/),
    type: z.literal('AnnotationPage'),
    startIndex: z.literal(0),
    items: z.array(
      z.object({
        id: z.string().regex(/^urn:uuid:[0-9a-f-]{36}$/),
        type: z.literal('Annotation'),
        motivation: z.literal('assessing'),
        created: z.string().datetime(),
        modified: z.string().datetime(),
        body: z.array(z.object({ type: z.enum(['TextualBody', 'SpecificResource']), purpose: z.enum(['assessing', 'commenting', 'tagging', 'linking']) }).passthrough()),
        target: z.object({
          type: z.literal('SpecificResource'),
          source: z.object({ id: z.string().regex(/^urn:sha256:[0-9a-f]{64}$/), 'dc:title': z.string(), 'reckon:fileName': z.string() }),
          selector: z.tuple([
            z.object({ type: z.literal('TextQuoteSelector'), exact: z.string().min(1), prefix: z.string(), suffix: z.string() }),
            z.object({ type: z.literal('TextPositionSelector'), start: z.number().int(), end: z.number().int() }),
          ]),
        }),
      }),
    ),
  }),
});

const entriesOf = (report: Report) => report.articles.flatMap((a) => a.entries);

describe('renderWebAnnotations', () => {
  let fixture: ReportFixture;
  beforeAll(async () => {
    fixture = await makeReportFixture();
  });
  afterAll(() => fixture?.dispose());

  it('matches the golden file', () => {
    expectGolden('report/sample.w3c.jsonld', renderWebAnnotations(fixture.report));
  });

  it('is an AnnotationCollection with every annotation inline, selectors as stored, source named by its content hash', () => {
    const exported = Exported.parse(JSON.parse(renderWebAnnotations(fixture.report)));
    const entries = entriesOf(fixture.report);
    expect(exported.total).toBe(entries.length);
    expect(exported.first.items).toHaveLength(entries.length);
    for (const [i, entry] of entries.entries()) {
      const item = exported.first.items[i]!;
      expect(item.id).toBe(`urn:uuid:${entry.annotationId}`);
      expect(item.target.source.id).toBe(`urn:sha256:${entry.target.contentHash}`);
      expect(item.target.source['reckon:fileName']).toBe(entry.articleId);
      expect(item.target.selector[0]).toEqual(entry.target.quote);
      expect(item.target.selector[1]).toEqual(entry.target.position);
    }
  });

  it('gives the verdict, note, each tag and each piece of evidence a body', () => {
    const exported = Exported.parse(JSON.parse(renderWebAnnotations(fixture.report)));
    const entry = entriesOf(fixture.report).find((e) => e.verdict?.id === 'mostly-accurate')!;
    const item = exported.first.items.find((a) => a.id === `urn:uuid:${entry.annotationId}`)!;
    expect(item.body.filter((b) => b.purpose === 'assessing')).toEqual([
      {
        type: 'TextualBody',
        purpose: 'assessing',
        value: 'Mostly accurate',
        format: 'text/plain',
        'reckon:verdict': 'mostly-accurate',
        'schema:ratingValue': 5,
        'schema:bestRating': 6,
        'schema:worstRating': 1,
      },
    ]);
    expect(item.body.filter((b) => b.purpose === 'commenting').map((b) => b.value)).toEqual([entry.note]);
    expect(item.body.filter((b) => b.purpose === 'tagging').map((b) => b.value)).toEqual(entry.tags);
    expect(item.body.filter((b) => b.purpose === 'linking')).toHaveLength(entry.evidence.length);
    expect(item.body).toContainEqual({ type: 'SpecificResource', purpose: 'linking', source: 'https://www.licadho-cambodia.org/prisons/' });
    // An annotation without a verdict has no assessing body.
    const noVerdict = entriesOf(fixture.report).find((e) => !e.verdict)!;
    const plain = exported.first.items.find((a) => a.id === `urn:uuid:${noVerdict.annotationId}`)!;
    expect(plain.body.map((b) => b.purpose)).toEqual(['commenting', 'tagging']);
  });

  it('names the author and organisation as creators', () => {
    const exported = JSON.parse(renderWebAnnotations(fixture.report));
    const creators = [
      { type: 'Person', name: 'Dara Sok' },
      { type: 'Organization', name: 'Mekong Fact Desk' },
    ];
    expect(exported.creator).toEqual(creators);
    expect(exported.first.items[0].creator).toEqual(creators);
    const anonymous = JSON.parse(renderWebAnnotations({ ...fixture.report, author: '', organisation: ' ' }));
    expect(anonymous.creator).toBeUndefined();
    expect(anonymous.first.items[0].creator).toBeUndefined();
  });

  it('has a stable collection id that depends on the annotations in it', () => {
    const all = JSON.parse(renderWebAnnotations(fixture.report));
    expect(JSON.parse(renderWebAnnotations(structuredClone(fixture.report))).id).toBe(all.id);
    const some = JSON.parse(renderWebAnnotations(fixture.reportFor({ verdicts: ['accurate'] })));
    expect(some.id).not.toBe(all.id);
    expect(some.total).toBe(2);
  });

  it('leaves out the page of an empty collection (a page must hold an annotation)', () => {
    const empty = JSON.parse(renderWebAnnotations(fixture.reportFor({ verdicts: ['misleading'], articleIds: ['000_083e109e7a8c2a9d.txt'] })));
    expect(empty.total).toBe(0);
    expect(empty.first).toBeUndefined();
    expect(parseWebAnnotations(empty)).toEqual({ dialect: 'reckon', items: [], skipped: [], unrecognised: null });
  });

  it('reads back as Reckon’s dialect with ids, selectors and bodies kept', () => {
    const parsed = parseWebAnnotations(JSON.parse(renderWebAnnotations(fixture.report)));
    expect(parsed.dialect).toBe('reckon');
    expect(parsed.skipped).toEqual([]);
    const entries = entriesOf(fixture.report);
    expect(parsed.items.map((i) => i.id)).toEqual(entries.map((e) => e.annotationId));
    for (const [i, item] of parsed.items.entries()) {
      const entry = entries[i]!;
      const annotation = fixture.annotations.find((a) => a.id === entry.annotationId)!;
      expect(item.source).toMatchObject({ hash: entry.target.contentHash, fileName: entry.articleId });
      expect(item.quote).toEqual(entry.target.quote);
      expect(item.position).toEqual(entry.target.position);
      expect(item.created).toBe(entry.created);
      expect(item.body).toEqual({ verdict: annotation.verdict, note: annotation.note, tags: annotation.tags, evidence: annotation.evidence });
    }
  });
});

describe('parseWebAnnotations', () => {
  const quote = { type: 'TextQuoteSelector', exact: 'over 38,990', prefix: 'end of 2016 to ', suffix: ' in March 2020' };
  const annotation = (extra: Record<string, unknown> = {}) => ({
    '@context': ANNOTATION_CONTEXT,
    id: 'https://annotations.example.org/a/1',
    type: 'Annotation',
    body: [
      { type: 'TextualBody', purpose: 'assessing', value: 'False' },
      { type: 'TextualBody', purpose: 'tagging', value: 'prisons' },
      { type: 'TextualBody', value: 'Compare with the GDP count.', format: 'text/plain' },
      'https://www.licadho-cambodia.org/prisons/',
    ],
    target: { source: 'https://www.amnesty.org/en/documents/asa23/2778/2020/en/', selector: [quote, { type: 'TextPositionSelector', start: 40, end: 51 }] },
    created: '2020-07-24T10:00:00+07:00',
    ...extra,
  });

  it('reads a bare W3C annotation: a foreign assessment becomes part of the note, the verdict stays empty', () => {
    const parsed = parseWebAnnotations(annotation());
    expect(parsed).toMatchObject({ dialect: 'w3c', skipped: [], unrecognised: null });
    expect(parsed.items).toHaveLength(1);
    const [item] = parsed.items;
    expect(item).toMatchObject({
      id: null,
      externalId: 'https://annotations.example.org/a/1',
      source: { hash: null, fileName: null, uri: 'https://www.amnesty.org/en/documents/asa23/2778/2020/en/', title: null },
      quote,
      position: { type: 'TextPositionSelector', start: 40, end: 51 },
      created: '2020-07-24T03:00:00.000Z',
      modified: null,
    });
    expect(item!.body).toEqual({
      verdict: null,
      note: 'Assessment: False\n\nCompare with the GDP count.',
      tags: ['prisons'],
      evidence: [{ kind: 'url', url: 'https://www.licadho-cambodia.org/prisons/' }],
    });
  });

  it('reads a list of annotations, a page, and a collection with its pages inline', () => {
    const items = [annotation(), annotation({ id: 'urn:uuid:2B1E3F7C-0D4A-4C8E-9F10-A1B2C3D4E5F6' })];
    expect(parseWebAnnotations(items).items).toHaveLength(2);
    const page = { type: 'AnnotationPage', items: [items[0]], next: { type: 'AnnotationPage', items: [items[1]] } };
    const fromPage = parseWebAnnotations(page);
    expect(fromPage.items.map((i) => i.id)).toEqual([null, '2b1e3f7c-0d4a-4c8e-9f10-a1b2c3d4e5f6']);
    expect(parseWebAnnotations({ type: 'AnnotationCollection', first: page }).items).toHaveLength(2);
  });

  it('says why a document holds no annotations it can read', () => {
    expect(parseWebAnnotations({ type: 'AnnotationCollection', first: 'https://example.org/page1' }).unrecognised).toMatch(/only linked.*fetches nothing/);
    expect(parseWebAnnotations({ name: 'reckon', version: '0.1.0' }).unrecognised).toMatch(/no annotations in it.*keys name, version/);
    expect(parseWebAnnotations(42).unrecognised).toBe('expected a JSON object or list, found a number (42)');
    expect(parseWebAnnotations(null).unrecognised).toBe('expected a JSON object or list, found null');
    expect(parseWebAnnotations({ type: 'AnnotationPage', items: 'none' }).unrecognised).toMatch(/without an items list/);
  });

  it('skips items it cannot anchor, naming each and saying why', () => {
    const parsed = parseWebAnnotations([
      annotation({ id: 'urn:uuid:00000000-0000-4000-8000-00000000000a' }),
      annotation({ id: 'no-selector', target: 'https://example.org/story' }),
      annotation({ id: 'css-only', target: { source: 'https://example.org/story', selector: { type: 'CssSelector', value: '#p3' } } }),
      annotation({ id: 'empty-quote', target: { source: 'x', selector: { ...quote, exact: '  ' } } }),
      annotation({ id: 'long-quote', target: { source: 'x', selector: { ...quote, exact: 'x'.repeat(10_001) } } }),
      annotation({ id: 'a-video', type: 'Video' }),
      'just a string',
      annotation({ id: 'no-target', target: undefined }),
    ]);
    expect(parsed.items.map((i) => i.index)).toEqual([0]);
    expect(parsed.skipped).toEqual([
      { index: 1, reason: 'annotation 2 of 8 (no-selector): no selector: it annotates a whole document, not a passage' },
      { index: 2, reason: 'annotation 3 of 8 (css-only): no TextQuoteSelector (only CssSelector); Reckon finds a passage by its quoted text' },
      { index: 3, reason: 'annotation 4 of 8 (empty-quote): its TextQuoteSelector quotes nothing' },
      { index: 4, reason: 'annotation 5 of 8 (long-quote): its quote has 10001 characters; at most 10000 can be anchored' },
      { index: 5, reason: 'annotation 6 of 8 (a-video): not an Annotation (type "Video")' },
      { index: 6, reason: 'annotation 7 of 8: not an annotation object but a string ("just a string")' },
      { index: 7, reason: 'annotation 8 of 8 (no-target): no target' },
    ]);
  });

  it('finds a quote refining another selector, and ignores a position that does not span the quote', () => {
    const refined = annotation({
      target: { source: 'x', selector: { type: 'FragmentSelector', value: 'p=3', refinedBy: [quote, { type: 'TextPositionSelector', start: 0, end: 3 }] } },
    });
    const [item] = parseWebAnnotations(refined).items;
    expect(item!.quote).toEqual(quote);
    expect(item!.position).toBeNull();
  });

  it('takes no offsets from a refinement: they count from the part it refines, not from the document', () => {
    const inParagraph = annotation({
      target: { source: 'x', selector: { type: 'FragmentSelector', value: 'p=3', refinedBy: [quote, { type: 'TextPositionSelector', start: 4, end: 15 }] } },
    });
    const [item] = parseWebAnnotations(inParagraph).items;
    expect(item!.quote).toEqual(quote);
    expect(item!.position).toBeNull();
  });

  it('reads annotations put straight on a collection, and says why a collection that counts some includes none', () => {
    const items = [annotation(), annotation({ id: 'urn:uuid:2b1e3f7c-0d4a-4c8e-9f10-a1b2c3d4e5f6' })];
    const onCollection = parseWebAnnotations({ '@context': ANNOTATION_CONTEXT, type: 'AnnotationCollection', total: 2, items });
    expect(onCollection).toMatchObject({ dialect: 'w3c', skipped: [], unrecognised: null });
    expect(onCollection.items).toHaveLength(2);
    expect(parseWebAnnotations({ type: 'AnnotationCollection', total: 3 }).unrecognised).toBe(
      'the collection says it holds 3 annotations but includes none (no first page, no items)',
    );
    expect(parseWebAnnotations({ type: 'AnnotationCollection', total: 0 })).toMatchObject({ items: [], skipped: [], unrecognised: null });
  });

  it('reads JSON-LD’s own @type, @id and @graph as the context’s type and id', () => {
    const { type: _type, id: _id, target: _target, ...rest } = annotation();
    const keyworded = {
      ...rest,
      '@type': 'Annotation',
      '@id': 'urn:uuid:2b1e3f7c-0d4a-4c8e-9f10-a1b2c3d4e5f6',
      target: { source: { '@id': `urn:sha256:${'d'.repeat(64)}` }, selector: [{ ...quote, type: undefined, '@type': 'TextQuoteSelector' }, { '@type': 'TextPositionSelector', start: 40, end: 51 }] },
    };
    const [item] = parseWebAnnotations(keyworded).items;
    expect(item).toMatchObject({ id: '2b1e3f7c-0d4a-4c8e-9f10-a1b2c3d4e5f6', source: { hash: 'd'.repeat(64) }, quote: { exact: 'over 38,990' }, position: { start: 40, end: 51 } });
    const graph = parseWebAnnotations({ '@context': [ANNOTATION_CONTEXT, { reckon: RECKON_NAMESPACE }], '@graph': [annotation(), annotation()] });
    expect(graph).toMatchObject({ dialect: 'reckon', unrecognised: null });
    expect(graph.items).toHaveLength(2);
    const graphOfCollection = parseWebAnnotations({ '@context': ANNOTATION_CONTEXT, '@graph': [{ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [annotation()] } }] });
    expect(graphOfCollection.items).toHaveLength(1);
  });

  it('keeps a plain-text string body as the note, a web address as a link, and drops other IRIs', () => {
    const [item] = parseWebAnnotations(annotation({ body: ['Figure checked against the census.', 'https://example.org/census', 'urn:isbn:0451450523'] })).items;
    expect(item!.body).toEqual({ verdict: null, note: 'Figure checked against the census.', tags: [], evidence: [{ kind: 'url', url: 'https://example.org/census' }] });
    const [single] = parseWebAnnotations(annotation({ body: { type: 'TextualBody', value: 'One body, not a list.' } })).items;
    expect(single!.body.note).toBe('One body, not a list.');
  });

  it('says an item that is only linked is not included', () => {
    const parsed = parseWebAnnotations({ type: 'AnnotationPage', items: ['https://example.org/annotations/7'] });
    expect(parsed.skipped).toEqual([{ index: 0, reason: 'annotation 1 of 1: only linked (https://example.org/annotations/7), not included, and Reckon fetches nothing' }]);
  });

  it('clips a huge note to the schema and says so at its end', () => {
    const huge = 'Seven. '.repeat(5000);
    const [item] = parseWebAnnotations(annotation({ body: [{ type: 'TextualBody', purpose: 'commenting', value: huge }] })).items;
    const max = AnnotationBody.shape.note.maxLength!;
    expect(item!.body.note.length).toBeLessThanOrEqual(max);
    expect(item!.body.note.startsWith('Seven. Seven.')).toBe(true);
    expect(item!.body.note).toMatch(/…\n\n\[Imported by Reckon: note cut from 35,000 characters, at most 20,000 fit\.\]$/);
    expect(AnnotationBody.safeParse(item!.body).success).toBe(true);
  });

  it('keeps at most 50 tags of at most 64 characters, saying what was left out', () => {
    const tags = Array.from({ length: 52 }, (_, i) => ({ type: 'TextualBody', purpose: 'tagging', value: i === 0 ? 'x'.repeat(70) : `tag-${i}` }));
    const [item] = parseWebAnnotations(annotation({ body: tags })).items;
    expect(item!.body.tags).toHaveLength(50);
    expect(item!.body.tags[0]).toBe('x'.repeat(64));
    // A cut never leaves half a surrogate pair.
    const [emoji] = parseWebAnnotations(annotation({ body: { type: 'TextualBody', purpose: 'tagging', value: `${'x'.repeat(63)}😀` } })).items;
    expect(emoji!.body.tags).toEqual(['x'.repeat(63)]);
    expect(item!.body.note).toBe(
      '[Imported by Reckon: tag "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" cut to 64 characters; 2 tags over the limit of 50 left out: tag-50, tag-51.]',
    );
  });

  it('maps Reckon’s verdict back only when it is a verdict id', () => {
    const withVerdict = (verdict: unknown) =>
      parseWebAnnotations(annotation({ body: { type: 'TextualBody', purpose: 'assessing', value: 'Accurate', 'reckon:verdict': verdict } })).items[0]!.body;
    expect(withVerdict('accurate')).toMatchObject({ verdict: 'accurate', note: '' });
    expect(withVerdict('Not An Id!')).toMatchObject({ verdict: null, note: 'Assessment: Accurate' });
    expect(withVerdict({ id: 'accurate' })).toMatchObject({ verdict: null, note: 'Assessment: Accurate' });
  });

  it('reads Reckon’s evidence bodies back: web address, article, and a claim with its position', () => {
    const body = [
      { type: 'SpecificResource', purpose: 'linking', source: 'https://example.org/data.csv' },
      { type: 'SpecificResource', purpose: 'linking', source: { type: 'Text', 'reckon:fileName': 'b.txt' } },
      { type: 'SpecificResource', purpose: 'linking', source: { 'reckon:fileName': 'c.txt' }, selector: { type: 'TextPositionSelector', start: 5, end: 9 } },
      { type: 'SpecificResource', purpose: 'linking', source: 'javascript:alert(1)' },
    ];
    expect(parseWebAnnotations(annotation({ body })).items[0]!.body.evidence).toEqual([
      { kind: 'url', url: 'https://example.org/data.csv' },
      { kind: 'article', articleId: 'b.txt' },
      { kind: 'claim', ref: { articleId: 'c.txt', start: 5, end: 9 } },
    ]);
  });

  it('reads Hypothesis’s client export and a list of its annotations', () => {
    const hypothesis = {
      id: 'Qk7vYPx9Ee2kZ2uBn3b2Qw',
      created: '2022-03-01T09:14:22.418726+00:00',
      updated: '2022-03-01T09:20:05.102311+00:00',
      user: 'acct:dara_sok@hypothes.is',
      uri: 'https://www.phnompenhpost.com/national/story',
      text: 'Round-up of 38,990.',
      tags: ['prisons', 7, ''],
      target: [{ source: 'https://www.phnompenhpost.com/national/story', selector: [{ type: 'RangeSelector', startContainer: '/p[3]', startOffset: 0, endContainer: '/p[3]', endOffset: 6 }, quote] }],
      document: { title: ['Ministries meet | Phnom Penh Post'] },
    };
    const exported = parseWebAnnotations({ export_date: '2022-03-05T00:00:00Z', export_userid: 'acct:dara_sok@hypothes.is', client_version: '1.1400.0', annotations: [hypothesis] });
    expect(exported.dialect).toBe('hypothesis');
    expect(exported.items[0]).toMatchObject({
      id: null,
      externalId: 'Qk7vYPx9Ee2kZ2uBn3b2Qw',
      source: { uri: 'https://www.phnompenhpost.com/national/story', title: 'Ministries meet | Phnom Penh Post' },
      quote,
      position: null,
      body: { verdict: null, note: 'Round-up of 38,990.', tags: ['prisons'], evidence: [] },
      created: '2022-03-01T09:14:22.418Z',
      modified: '2022-03-01T09:20:05.102Z',
    });
    expect(parseWebAnnotations([hypothesis]).dialect).toBe('hypothesis');
    expect(parseWebAnnotations(hypothesis).items).toHaveLength(1);
    const broken = parseWebAnnotations({ rows: [{ ...hypothesis, target: 'nowhere' }] });
    expect(broken.skipped[0]!.reason).toMatch(/^annotation 1 of 1 \(Qk7vYPx9Ee2kZ2uBn3b2Qw\): not a Hypothesis annotation \(target: /);
  });

  it('never throws, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed = parseWebAnnotations(value);
        expect(parsed.items.length + parsed.skipped.length).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
    // Shapes near real documents, with anything inside.
    const near = fc.oneof(
      fc.record({ type: fc.constant('AnnotationCollection'), first: fc.anything() }),
      fc.record({ type: fc.constant('AnnotationPage'), items: fc.array(fc.anything()) }),
      fc.record({ rows: fc.array(fc.record({ target: fc.array(fc.anything()), text: fc.anything(), tags: fc.anything(), created: fc.anything() })) }),
      fc.array(fc.record({ type: fc.constant('Annotation'), target: fc.anything(), body: fc.anything(), id: fc.anything() })),
    );
    fc.assert(fc.property(near, (value) => void parseWebAnnotations(value)), { numRuns: 500 });
  });
});

describe('nameBasedUuid', () => {
  it('is a version 8, RFC 9562 variant UUID, the same for the same name', () => {
    const id = nameBasedUuid('reckon collection');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(nameBasedUuid('reckon collection')).toBe(id);
    expect(nameBasedUuid('reckon collection ')).not.toBe(id);
    // Only the version and variant bits differ from the name's SHA-256 (of its UTF-8 bytes).
    for (const name of ['reckon collection', 'Cambodia’s 😀 prisons']) {
      expect(nameBasedUuid(name).replace(/-/g, '').slice(0, 12)).toBe(createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 12));
    }
  });
});

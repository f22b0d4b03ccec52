/**
 * Importing W3C Web Annotation files: Reckon's own export back into a fresh store (also after an
 * edit above the annotations), a hand-written Hypothesis export, and malformed files.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openCorpus } from '../../../../main/corpus';
import type { Corpus } from '../../../../main/corpus/types';
import { importAnnotationFile } from '../../../../main/report/import';
import { openConfAnnotations, type AnnotationStore } from '../../../../main/store/annotations';
import { ApiError } from '../../../../shared/api';
import { anchorTarget } from '../../../../shared/anchoring';
import type { Annotation } from '../../../../shared/domain/annotation';
import type { Article } from '../../../../shared/domain/article';
import { renderWebAnnotations } from '../../../../shared/report/w3c';
import { ARTICLES, makeReportFixture, type ReportFixture } from '../../../support/report-fixture';

const NOW = new Date('2026-11-22T08:00:00.000Z');
const HYPOTHESIS_FILE = resolve('test/fixtures/import/hypothesis-export.json');

const dirs: string[] = [];
const freshStore = (corpusRoot: string): AnnotationStore => {
  const dir = mkdtempSync(join(tmpdir(), 'reckon-import-'));
  dirs.push(dir);
  return openConfAnnotations(dir, corpusRoot);
};
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const articlesOf = (corpus: Corpus): Article[] => corpus.info().articles.map((a) => corpus.getArticle(a.id));

/** An article held in memory, for cases the sample corpus does not have. */
function article(id: string, text: string, title = id): Article {
  const hash = createHash('sha256').update(text).digest('hex');
  return { id, title, publisher: null, byline: null, date: { iso: '2020-07-23', source: 'text' }, format: 'txt', bytes: text.length, chars: text.length, hash, text };
}

/** Where each imported annotation anchors in the current texts. */
function statesOf(annotations: Annotation[], articles: readonly Article[]): Record<string, string> {
  return Object.fromEntries(
    annotations.map((a) => {
      const current = articles.find((x) => x.id === a.target.articleId)!;
      return [a.id, anchorTarget(a.target, { text: current.text, contentHash: current.hash }).state];
    }),
  );
}


describe('importAnnotationFile: Reckon’s W3C export', () => {
  let fixture: ReportFixture;
  let articles: Article[];
  beforeAll(async () => {
    fixture = await makeReportFixture();
    articles = articlesOf(fixture.backend.current()!);
  });
  afterAll(() => fixture?.dispose());

  it('re-imports into a fresh store with every annotation where the report had it and its body kept', () => {
    const store = freshStore(fixture.folder);
    const result = importAnnotationFile(renderWebAnnotations(fixture.report), 'sample.annotations.jsonld', articles, store, NOW);
    expect(result).toEqual({ dialect: 'reckon', imported: 8, anchored: 6, moved: 0, changed: 1, orphaned: 1, skipped: [] });

    const imported = store.list();
    expect(imported.map((a) => a.id).sort()).toEqual(fixture.annotations.map((a) => a.id).sort());
    const entries = fixture.report.articles.flatMap((a) => a.entries);
    expect(statesOf(imported, articles)).toEqual(Object.fromEntries(entries.map((e) => [e.annotationId, e.anchor])));
    for (const original of fixture.annotations) {
      const copy = imported.find((a) => a.id === original.id)!;
      expect({ ...copy, evidence: undefined }).toMatchObject({
        verdict: original.verdict,
        note: original.note,
        tags: original.tags,
        created: original.created,
        modified: original.modified,
      });
      expect(copy.evidence).toEqual(original.evidence);
      expect(copy.target.articleId).toBe(original.target.articleId);
    }
    // The changed figure keeps the quote as annotated, so old and new can still be shown.
    const changed = imported.find((a) => a.target.articleId === ARTICLES.drugs && a.verdict === 'unverifiable')!;
    expect(changed.target.quote.exact).toBe('720 kilogrammes');
  });

  it('does not duplicate when the same file is imported again', () => {
    const store = freshStore(fixture.folder);
    const content = renderWebAnnotations(fixture.report);
    const first = importAnnotationFile(content, 'a.jsonld', articles, store, NOW);
    const before = store.list();
    const second = importAnnotationFile(content, 'a.jsonld', articles, store, NOW);
    expect(second).toEqual(first);
    expect(store.list()).toEqual(before);
  });

  it('never replaces an annotation edited here since the file was exported', () => {
    const store = freshStore(fixture.folder);
    const exported = renderWebAnnotations(fixture.report);
    importAnnotationFile(exported, 'a.jsonld', articles, store, NOW);
    const [edited, ...rest] = store.list();
    store.addMany([{ ...edited!, note: 'Edited after the export.', modified: '2026-12-01T10:00:00.000Z' }]);

    const again = importAnnotationFile(exported, 'a.jsonld', articles, store, NOW);
    expect(again.imported).toBe(rest.length);
    expect(again.skipped).toHaveLength(1);
    expect(again.skipped[0]!.reason).toMatch(
      new RegExp(`\\(urn:uuid:${edited!.id}\\): this folder's copy was edited after the file's \\(modified 2026-12-01T10:00:00\\.000Z, the file's 2026-11-20T\\d\\d:\\d\\d:00\\.000Z\\), so it is kept$`),
    );
    expect(store.list().find((a) => a.id === edited!.id)!.note).toBe('Edited after the export.');
  });

  it('writes everything with one store call', () => {
    const store = freshStore(fixture.folder);
    const calls: number[] = [];
    const counting = { list: () => store.list(), addMany: (all: Annotation[]) => (calls.push(all.length), store.addMany(all)) };
    importAnnotationFile(renderWebAnnotations(fixture.report), 'a.jsonld', articles, counting, NOW);
    expect(calls).toEqual([8]);
  });
});

describe('importAnnotationFile: after an edit on disk', () => {
  let fixture: ReportFixture;
  afterEach(() => fixture?.dispose());

  it('still anchors the annotations below a paragraph inserted above them (moved)', async () => {
    fixture = await makeReportFixture();
    const exported = renderWebAnnotations(fixture.report);
    const file = join(fixture.folder, ARTICLES.statement);
    const inserted = 'Editor’s note: this statement was corrected on 24 July 2020; the figures below are unchanged.\n\n';
    writeFileSync(file, inserted + readFileSync(file, 'utf8'));
    await fixture.backend.openCorpus({ dir: fixture.folder });
    const articles = articlesOf(fixture.backend.current()!);

    const store = freshStore(fixture.folder);
    const result = importAnnotationFile(exported, 'sample.annotations.jsonld', articles, store, NOW);
    expect(result).toEqual({ dialect: 'reckon', imported: 8, anchored: 4, moved: 2, changed: 1, orphaned: 1, skipped: [] });

    const statement = articles.find((a) => a.id === ARTICLES.statement)!;
    const moved = store.list().filter((a) => a.target.articleId === ARTICLES.statement);
    expect(moved.map((a) => a.target.quote.exact).sort()).toEqual(['26,593', 'almost 75%']);
    for (const annotation of moved) {
      const before = fixture.annotations.find((a) => a.id === annotation.id)!;
      expect(annotation.target.contentHash).toBe(statement.hash);
      expect(annotation.target.position.start).toBe(before.target.position.start + inserted.length);
      expect(statement.text.slice(annotation.target.position.start, annotation.target.position.end)).toBe(annotation.target.quote.exact);
      expect(anchorTarget(annotation.target, { text: statement.text, contentHash: statement.hash }).state).toBe('anchored');
    }
  });
});

describe('importAnnotationFile: a Hypothesis export', () => {
  let corpus: Corpus;
  let articles: Article[];
  beforeAll(async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'reckon-import-cache-'));
    dirs.push(cacheDir);
    corpus = await openCorpus(resolve('resources/sample-corpus'), { cacheDir, watch: false });
    articles = articlesOf(corpus);
  });
  afterAll(() => corpus?.close());

  it('imports the annotations whose quotes are in the folder, and says why the others were skipped', () => {
    const store = freshStore('/sample');
    const result = importAnnotationFile(readFileSync(HYPOTHESIS_FILE, 'utf8'), 'hypothesis-export.json', articles, store, NOW);
    expect(result).toMatchObject({ dialect: 'hypothesis', imported: 6, anchored: 4, moved: 1, changed: 0, orphaned: 1 });
    expect(result.skipped.map((s) => s.index)).toEqual([5, 6, 7, 8]);
    const [nowhere, rangeOnly, pageNote, reply] = result.skipped.map((s) => s.reason);
    expect(nowhere).toBe(
      'annotation 6 of 10 (VnL8sPx9Ee2x0h9d4cWk1A): https://www.voacambodia.com/a/cambodia-prison-population-2021/6465123.html is not in this folder, ' +
        'and its quote "the prison population passed 41,000 by the end of 2021" is in none of its 5 articles',
    );
    expect(rangeOnly).toBe('annotation 7 of 10 (WcY1ePx9Ee2T3r7mKq9ZpQ): no TextQuoteSelector (only RangeSelector); Reckon finds a passage by its quoted text');
    expect(pageNote).toBe('annotation 8 of 10 (XaD4kPx9Ee2o1m6VbS7eHg): a page note, not attached to a passage');
    expect(reply).toBe('annotation 9 of 10 (YbE5lPx9Ee2p2n7WcT8fIh): a reply to another annotation, not attached to a passage');

    const imported = store.list();
    const byNote = (start: string) => imported.find((a) => a.note.startsWith(start))!;
    const rounding = byNote('The GDP');
    expect(rounding).toMatchObject({ verdict: null, tags: ['prisons', 'rounding'], evidence: [], created: '2022-03-01T09:14:22.418Z', modified: '2022-03-01T09:20:05.102Z' });
    expect(rounding.target).toMatchObject({ articleId: ARTICLES.prisons, quote: { exact: '40,000 prisoners in detention' } });
    // A straight apostrophe on the web page, a curly one in the file: found, and described as the file has it.
    const apostrophe = byNote('Chan Kimseng');
    expect(apostrophe.target.quote.exact).toBe('Ministry of Interior’s director-general');
    // Found by its page title though its quote is gone: kept as an orphan with its quote.
    const orphan = byNote('This line was in the first version');
    expect(orphan.target).toMatchObject({ articleId: ARTICLES.drugs, quote: { exact: 'more than two tonnes of drugs were seized in 2020' } });
    expect(statesOf([orphan], articles)[orphan.id]).toBe('orphan');
    for (const annotation of imported.filter((a) => a !== orphan)) {
      const text = articles.find((a) => a.id === annotation.target.articleId)!.text;
      expect(text.slice(annotation.target.position.start, annotation.target.position.end)).toBe(annotation.target.quote.exact);
    }
  });

  it('gives each Hypothesis annotation a stable id, so importing it again replaces rather than duplicates', () => {
    const store = freshStore('/sample');
    const content = readFileSync(HYPOTHESIS_FILE, 'utf8');
    importAnnotationFile(content, 'hypothesis-export.json', articles, store, NOW);
    const first = store.list();
    importAnnotationFile(content, 'hypothesis-export.json', articles, store, new Date('2027-01-01T00:00:00Z'));
    expect(store.list()).toEqual(first);
    expect(first).toHaveLength(6);
  });
});

describe('importAnnotationFile: odd files', () => {
  const text = 'The prison population has risen from 21,900 at the end of 2016 to over 38,990 in March 2020, despite the fact that the prisons have an estimated capacity of just 26,593.';
  const articles = [article('a.txt', `Joint statement.\n\n${text}`), article('b.txt', 'Another story about something else entirely.')];
  const quote = (exact: string) => {
    const at = text.indexOf(exact);
    return { type: 'TextQuoteSelector', exact, prefix: text.slice(Math.max(0, at - 32), at), suffix: text.slice(at + exact.length, at + exact.length + 32) };
  };
  const w3c = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    type: 'Annotation',
    body: { type: 'TextualBody', value: 'Checked.' },
    target: { source: 'https://example.org/story', selector: quote('over 38,990') },
    ...extra,
  });
  const run = (content: string, store: Pick<AnnotationStore, 'list' | 'addMany'> = freshStore('/odd'), in_ = articles) =>
    importAnnotationFile(content, 'upload.json', in_, store, NOW);
  const failure = (content: string): ApiError => {
    try {
      run(content);
    } catch (err) {
      if (err instanceof ApiError) return err;
      throw err;
    }
    throw new Error('expected an ApiError');
  };

  it('refuses a file that is not JSON, naming it', () => {
    const err = failure('{"rows": [');
    expect(err.code).toBe('invalid-args');
    expect(err.message).toMatch(/^upload\.json: not JSON \(.+\)$/);
  });

  it('refuses JSON that holds no annotations, saying what it found', () => {
    expect(failure('{"name": "reckon", "version": "0.1.0"}').message).toBe(
      'upload.json: not an annotation file: no annotations in it: expected a W3C Web Annotation (Annotation, AnnotationPage or AnnotationCollection) or a Hypothesis export (found an object with keys name, version)',
    );
    expect(failure('"hello"').message).toBe('upload.json: not an annotation file: expected a JSON object or list, found a string ("hello")');
    expect(failure('{"type": "AnnotationCollection", "first": "https://example.org/p/1"}').code).toBe('invalid-args');
  });

  it('reads a file saved with a byte-order mark', () => {
    expect(run(`\uFEFF${JSON.stringify([w3c('https://example.org/a/1')])}`).imported).toBe(1);
  });

  it('skips items without selectors or of the wrong shape, naming each, and imports the rest', () => {
    const result = run(JSON.stringify([1, w3c('no-quote', { target: 'https://example.org/story' }), w3c('good')]));
    expect(result).toMatchObject({ dialect: 'w3c', imported: 1, anchored: 1 });
    expect(result.skipped).toEqual([
      { index: 0, reason: 'annotation 1 of 3: not an annotation object but a number (1)' },
      { index: 1, reason: 'annotation 2 of 3 (no-quote): no selector: it annotates a whole document, not a passage' },
    ]);
  });

  it('imports a collection that carries its annotations itself rather than on a page', () => {
    const store = freshStore('/odd');
    const collection = { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 2, items: [w3c('one'), w3c('two', { target: { source: 'x', selector: quote('26,593') } })] };
    expect(run(JSON.stringify(collection), store)).toMatchObject({ dialect: 'w3c', imported: 2, anchored: 2, skipped: [] });
    expect(store.list().map((a) => a.target.quote.exact).sort()).toEqual(['26,593', 'over 38,990']);
    expect(failure('{"type": "AnnotationCollection", "total": 2}').message).toBe(
      'upload.json: not an annotation file: the collection says it holds 2 annotations but includes none (no first page, no items)',
    );
  });

  it('imports a huge note clipped to the store’s limit', () => {
    const store = freshStore('/odd');
    const result = run(JSON.stringify(w3c('huge', { body: { type: 'TextualBody', value: 'x'.repeat(100_000) } })), store);
    expect(result.imported).toBe(1);
    const [annotation] = store.list();
    expect(annotation!.note.length).toBeLessThanOrEqual(20_000);
    expect(annotation!.note).toMatch(/note cut from 100,000 characters, at most 20,000 fit\.\]$/);
  });

  it('does not guess between articles that both hold the quote in the same words', () => {
    const twins = [article('a.txt', text), article('copy/a-syndicated.txt', `Syndicated.\n\n${text}`)];
    const result = run(JSON.stringify([w3c('twin')]), freshStore('/odd'), twins);
    expect(result.imported).toBe(0);
    expect(result.skipped[0]!.reason).toBe(
      'annotation 1 of 1 (twin): https://example.org/story is not in this folder, and its quote "over 38,990" fits 2 articles (a.txt, copy/a-syndicated.txt); not guessing which',
    );
  });

  it('finds the article by a file: address naming the file', () => {
    const store = freshStore('/odd');
    const local = w3c('local', { target: { source: 'file:///home/dara/Downloads/a.txt', selector: quote('26,593') } });
    expect(run(JSON.stringify(local), store)).toMatchObject({ imported: 1, anchored: 1 });
    expect(store.list()[0]!.target.articleId).toBe('a.txt');
  });

  it('keeps what this folder has when an undated item comes again: nothing shows the file’s copy is newer', () => {
    const store = freshStore('/odd');
    const undated = JSON.stringify([w3c('urn:uuid:00000000-0000-4000-8000-0000000000bb')]);
    expect(run(undated, store).imported).toBe(1);
    const again = run(undated, store);
    expect(again.imported).toBe(0);
    expect(again.skipped[0]!.reason).toBe(
      `annotation 1 of 1 (urn:uuid:00000000-0000-4000-8000-0000000000bb): this folder already has this annotation (modified ${NOW.toISOString()}), and the file's copy has no date to show it is newer`,
    );
  });

  it('takes an annotation that appears twice in one file once', () => {
    const result = run(JSON.stringify([w3c('urn:uuid:00000000-0000-4000-8000-0000000000aa'), w3c('urn:uuid:00000000-0000-4000-8000-0000000000aa')]));
    expect(result.imported).toBe(1);
    expect(result.skipped).toEqual([
      { index: 1, reason: 'annotation 2 of 2 (urn:uuid:00000000-0000-4000-8000-0000000000aa): the same annotation as annotation 1 of 2 (urn:uuid:00000000-0000-4000-8000-0000000000aa)' },
    ]);
  });

  it('never fails but with a clear ApiError, whatever the file holds', () => {
    const store = { list: () => [], addMany: (all: Annotation[]) => void all };
    const content = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.array(fc.record({ type: fc.constant('Annotation'), id: fc.string(), target: fc.anything(), body: fc.anything() })).map((v) => JSON.stringify(v)),
      fc.array(fc.record({ uri: fc.string(), text: fc.string(), target: fc.array(fc.record({ selector: fc.anything() })) })).map((v) => JSON.stringify({ rows: v })),
    );
    fc.assert(
      fc.property(content, (file) => {
        try {
          const result = run(file, store);
          expect(result.imported + result.skipped.length).toBeGreaterThanOrEqual(0);
        } catch (err) {
          expect(err).toBeInstanceOf(ApiError);
          expect((err as ApiError).code).toBe('invalid-args');
        }
      }),
      { numRuns: 300 },
    );
  });
});

import { cp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/api/contract';
import { CorpusInfo, IndexProgress, SearchResult } from '../../../../shared/domain/corpus';
import { openCorpus } from '../../../../main/corpus';
import type { Corpus } from '../../../../main/corpus/types';
import { minimalDocx, minimalPdf, PNG_BYTES, SAMPLE_CORPUS, tempDir } from './fixtures';

let cacheDir: string;
let work: string;
const cleanups: Array<() => Promise<void>> = [];
const open: Corpus[] = [];

beforeEach(async () => {
  const cache = await tempDir('reckon-cache-');
  const folder = await tempDir('reckon-work-');
  cacheDir = cache.dir;
  work = folder.dir;
  cleanups.push(cache.cleanup, folder.cleanup);
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
  await Promise.all(cleanups.splice(0).map((f) => f()));
});

async function openIt(root: string, extra: Partial<Parameters<typeof openCorpus>[1]> = {}): Promise<Corpus> {
  const corpus = await openCorpus(root, { cacheDir, ...extra });
  open.push(corpus);
  return corpus;
}

describe('the sample corpus', () => {
  it('lists the five articles with their titles, valid against the contract', async () => {
    const corpus = await openIt(SAMPLE_CORPUS);
    const info = corpus.info();
    expect(CorpusInfo.parse(info)).toEqual(info);
    expect(info.name).toBe('sample-corpus');
    expect(info.errors).toEqual([]);
    expect(info.stats).toMatchObject({ files: 5, indexed: 5, fromCache: 0, errors: 0 });
    expect(info.articles.map((a) => [a.id, a.title])).toEqual([
      ['000_083e109e7a8c2a9d.txt', 'Minister of Interior Sar Kheng led a meeting with other ministries on Friday to tackle the issue of overcrowded prisons'],
      ['001_45ad8d4c2d59c9f0.txt', 'Minister of Interior Sar Kheng has advised that municipal and provincial governors consult with relevant ministries to…'],
      ['002_131d7aa2d4a58d4a.txt', 'Sar Kheng cautions against freeing suspects in minor drug crimes'],
      ['003_78519aec2665b739.txt', 'CAMBODIAN AUTHORITIES MUST KEEP THEIR PROMISE TO RELEASE 10,000 PRISONERS'],
      ['004_deb5ea4405a2ed8d.txt', 'Justice Ministry Denies “Pressure” Led to Release of 27 Activists'],
    ]);
    const article = corpus.getArticle('003_78519aec2665b739.txt');
    expect(article.chars).toBe(article.text.length);
    expect(article.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(article.bytes).toBe((await readFile(join(SAMPLE_CORPUS, article.id))).length);
  });

  it('search "capacity" finds exactly the two articles that give the prisons’ capacity, with offsets at the word', async () => {
    const corpus = await openIt(SAMPLE_CORPUS);
    const result = corpus.search('capacity');
    expect(SearchResult.parse(result)).toEqual(result);
    expect(result.hits.map((h) => h.id).sort()).toEqual(['003_78519aec2665b739.txt', '004_deb5ea4405a2ed8d.txt']);
    for (const hit of result.hits) {
      const text = corpus.getArticle(hit.id).text;
      expect(hit.matches.length).toBeGreaterThan(0);
      for (const m of hit.matches) expect(text.slice(m.start, m.end).toLowerCase()).toBe('capacity');
      expect(hit.snippets.length).toBeGreaterThan(0);
      for (const s of hit.snippets) {
        expect(text.slice(s.offset, s.offset + s.text.length)).toBe(s.text);
        for (const h of s.highlights) expect(s.text.slice(h.start, h.end).toLowerCase()).toBe('capacity');
      }
    }
    const text003 = corpus.getArticle('003_78519aec2665b739.txt').text;
    const m003 = result.hits.find((h) => h.id.startsWith('003'))!.matches[0]!;
    expect(text003.slice(m003.start - 10, m003.end + 15)).toBe('estimated capacity of just 26,593');
    expect(corpus.getArticle('004_deb5ea4405a2ed8d.txt').text).toContain('27,000');
  });

  it('finds figures written with thousands separators', async () => {
    const corpus = await openIt(SAMPLE_CORPUS);
    expect(corpus.search('26,593').hits.map((h) => h.id)).toEqual(['003_78519aec2665b739.txt']);
    expect(corpus.search('27000').hits.map((h) => h.id)).toEqual(['004_deb5ea4405a2ed8d.txt']);
  });

  it('returns an error, not an exception, for a query lunr cannot parse', async () => {
    const corpus = await openIt(SAMPLE_CORPUS);
    const result = corpus.search('foo:');
    expect(result.hits).toEqual([]);
    expect(result.error).toBeTruthy();
  });

  it('throws ApiError not-found for an unknown id', async () => {
    const corpus = await openIt(SAMPLE_CORPUS);
    expect(() => corpus.getArticle('nope.txt')).toThrow(ApiError);
    try {
      corpus.getArticle('../etc/passwd');
    } catch (err) {
      expect((err as ApiError).code).toBe('not-found');
    }
  });

  it('reports progress: scanning, reading, indexing, done', async () => {
    const events: IndexProgress[] = [];
    await openIt(SAMPLE_CORPUS, { onProgress: (p) => events.push(p) });
    for (const e of events) expect(IndexProgress.parse(e)).toEqual(e);
    expect([...new Set(events.map((e) => e.phase))]).toEqual(['scanning', 'reading', 'indexing', 'done']);
    expect(events.filter((e) => e.phase === 'reading').at(-1)).toMatchObject({ done: 5, total: 5 });
    expect(events.at(-1)).toEqual({ root: SAMPLE_CORPUS, phase: 'done', done: 5, total: 5 });
  });
});

describe('bad files', () => {
  it('lists each bad file with its reason and indexes the rest', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('UTF-16 headline here\n\nIts capacity is 1,200.', 'utf16le')]);
    await writeFile(join(work, 'empty.txt'), '');
    await writeFile(join(work, 'picture.txt'), PNG_BYTES);
    await writeFile(join(work, 'latin1.txt'), Buffer.from([...Buffer.from('Caf'), 0xe9, 0x0a]));
    await writeFile(join(work, 'utf16.txt'), utf16);
    await writeFile(join(work, 'huge.txt'), 'x'.repeat(5000));
    await writeFile(join(work, 'corrupt.pdf'), '%PDF-1.4\ngarbage');
    await writeFile(join(work, 'corrupt.docx'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('junk')]));
    await writeFile(join(work, 'real.pdf'), minimalPdf(['PDF headline about capacity', null, 'The capacity is 2,000 places.']));
    await writeFile(join(work, 'real.docx'), await minimalDocx(['DOCX headline about prisons', 'Capacity of 3,000 places.']));
    await writeFile(join(work, 'good.txt'), 'Good headline for the test\n\nThe capacity is 26,593.');
    await writeFile(join(work, 'ignored.jpg'), PNG_BYTES);

    const corpus = await openIt(work, { maxFileBytes: 4096 });
    const info = corpus.info();
    expect(Object.fromEntries(info.errors.map((e) => [e.path, e.code]))).toEqual({
      'corrupt.docx': 'malformed',
      'corrupt.pdf': 'malformed',
      'empty.txt': 'empty',
      'huge.txt': 'too-large',
      'latin1.txt': 'encoding',
      'picture.txt': 'binary',
    });
    expect(info.errors.find((e) => e.path === 'picture.txt')!.reason).toContain('PNG image');
    expect(info.errors.find((e) => e.path === 'latin1.txt')!.reason).toContain('offset 3');
    expect(info.articles.map((a) => a.id)).toEqual(['good.txt', 'real.docx', 'real.pdf', 'utf16.txt']);
    expect(info.stats).toMatchObject({ files: 10, indexed: 4, errors: 6 });
    expect(corpus.search('capacity').hits.map((h) => h.id).sort()).toEqual(['good.txt', 'real.docx', 'real.pdf', 'utf16.txt']);
    expect(corpus.getArticle('utf16.txt').text).toBe('UTF-16 headline here\n\nIts capacity is 1,200.');
    expect(() => corpus.getArticle('picture.txt')).toThrow(/PNG image/);
  });

  it('opens an empty folder', async () => {
    const corpus = await openIt(work);
    expect(corpus.info()).toMatchObject({ articles: [], errors: [], stats: { files: 0, indexed: 0 } });
    expect(corpus.search('anything').hits).toEqual([]);
  });
});

describe('cache', () => {
  it('a second open of an unchanged folder extracts and indexes nothing and answers the same', async () => {
    await cp(SAMPLE_CORPUS, work, { recursive: true });
    const first = await openIt(work);
    const firstInfo = first.info();
    const firstSearch = first.search('capacity prisons');
    await first.close();

    const progress: IndexProgress[] = [];
    const second = await openIt(work, { onProgress: (p) => progress.push(p) });
    expect(second.info().stats).toMatchObject({ files: 5, indexed: 5, fromCache: 5, errors: 0 });
    expect(progress.some((p) => p.phase === 'indexing')).toBe(false);
    expect(second.info().articles).toEqual(firstInfo.articles);
    expect({ ...second.search('capacity prisons'), ms: 0 }).toEqual({ ...firstSearch, ms: 0 });
  });

  it('after an edit only that file is read again; a renamed file is not extracted again', async () => {
    await cp(SAMPLE_CORPUS, work, { recursive: true });
    await (await openIt(work)).close();

    const edited = join(work, '000_083e109e7a8c2a9d.txt');
    await writeFile(edited, `${await readFile(edited, 'utf8')}\n\nA new paragraph about warehouse capacity.`);
    await rm(join(work, '001_45ad8d4c2d59c9f0.txt'));
    await cp(join(SAMPLE_CORPUS, '001_45ad8d4c2d59c9f0.txt'), join(work, 'renamed.txt'));

    const progress: IndexProgress[] = [];
    const again = await openIt(work, { onProgress: (p) => progress.push(p) });
    // 5 files: 3 untouched + the renamed one (same content hash) come from the cache.
    expect(again.info().stats).toMatchObject({ files: 5, fromCache: 4 });
    expect(progress.some((p) => p.phase === 'indexing')).toBe(true);
    expect(again.search('warehouse').hits.map((h) => h.id)).toEqual(['000_083e109e7a8c2a9d.txt']);
    expect(again.search('capacity').hits.map((h) => h.id).sort()).toEqual(['000_083e109e7a8c2a9d.txt', '003_78519aec2665b739.txt', '004_deb5ea4405a2ed8d.txt']);
    expect(again.info().articles.map((a) => a.id)).toContain('renamed.txt');
  });

  it('a touched file with unchanged content is hashed, not extracted', async () => {
    await cp(SAMPLE_CORPUS, work, { recursive: true });
    await (await openIt(work)).close();
    const later = new Date(Date.now() + 60_000);
    await utimes(join(work, '002_131d7aa2d4a58d4a.txt'), later, later);
    const again = await openIt(work);
    expect(again.info().stats.fromCache).toBe(5);
  });

  it('reopens from the per-file texts when the one-file pack is corrupt', async () => {
    await cp(SAMPLE_CORPUS, work, { recursive: true });
    const first = await openIt(work);
    const expected = first.info().articles;
    await first.close();
    const [folder] = await readdir(join(cacheDir, 'corpora'));
    await writeFile(join(cacheDir, 'corpora', folder!, 'pack.json'), 'not json');
    const second = await openIt(work);
    expect(second.info().stats).toMatchObject({ files: 5, fromCache: 5 });
    expect(second.info().articles).toEqual(expected);
    await second.close();
    expect(JSON.parse(await readFile(join(cacheDir, 'corpora', folder!, 'pack.json'), 'utf8')).texts).toBeTruthy();
  });

  it('ignores corrupt cache files and rebuilds them', async () => {
    await cp(SAMPLE_CORPUS, work, { recursive: true });
    const first = await openIt(work);
    const expected = first.search('capacity').hits.map((h) => h.id);
    await first.close();
    const [folder] = await readdir(join(cacheDir, 'corpora'));
    const base = join(cacheDir, 'corpora', folder!);
    await writeFile(join(base, 'manifest.json'), '{"version": 1, "root": ');
    await writeFile(join(base, 'pack.json'), '{"texts": ');
    for (const name of await readdir(join(base, 'texts'))) await writeFile(join(base, 'texts', name), 'not json');
    for (const name of await readdir(join(base, 'index'))) await writeFile(join(base, 'index', name), JSON.stringify({ version: 1, key: name.replace('.json', ''), index: { bogus: true } }));

    const second = await openIt(work);
    expect(second.info().stats).toMatchObject({ files: 5, indexed: 5, fromCache: 0 });
    expect(second.search('capacity').hits.map((h) => h.id)).toEqual(expected);
    await second.close();
    const third = await openIt(work);
    expect(third.info().stats.fromCache).toBe(5);
  });

  it('keeps working when the cache folder cannot be written', async () => {
    const blocker = join(work, 'not-a-folder');
    await writeFile(blocker, 'a file where the cache folder should be');
    const corpus = await openCorpus(SAMPLE_CORPUS, { cacheDir: blocker });
    open.push(corpus);
    expect(corpus.info().stats).toMatchObject({ files: 5, indexed: 5 });
  });
});

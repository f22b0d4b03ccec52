import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CorpusChanged } from '../../../../shared/domain/corpus';
import { openCorpus } from '../../../../main/corpus';
import type { Corpus } from '../../../../main/corpus/types';
import { watchFolder, type ChangeBatch } from '../../../../main/corpus/watch';
import { tempDir, waitFor } from './fixtures';

let work: string;
let cacheDir: string;
const cleanups: Array<() => Promise<void>> = [];

beforeEach(async () => {
  const a = await tempDir('reckon-watch-');
  const b = await tempDir('reckon-watch-cache-');
  work = a.dir;
  cacheDir = b.dir;
  cleanups.push(a.cleanup, b.cleanup);
});
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((f) => f()));
});

describe('watchFolder', () => {
  it('batches events for supported files and ignores hidden and unsupported ones', async () => {
    const batches: ChangeBatch[] = [];
    const watcher = await watchFolder(work, async (batch) => {
      batches.push(batch);
    });
    try {
      await writeFile(join(work, 'one.txt'), 'one');
      await writeFile(join(work, 'two.md'), 'two');
      await writeFile(join(work, 'photo.png'), 'png');
      await mkdir(join(work, '.hidden'));
      await writeFile(join(work, '.hidden', 'secret.txt'), 'secret');
      await waitFor(() => {
        const seen = new Set(batches.flatMap((b) => [...b.files]));
        return seen.has(join(work, 'one.txt')) && seen.has(join(work, 'two.md'));
      });
      const seen = batches.flatMap((b) => [...b.files]);
      expect(seen.sort()).toEqual([join(work, 'one.txt'), join(work, 'two.md')]);
    } finally {
      await watcher.close();
    }
  }, 30_000);
});

describe('openCorpus with watch', () => {
  let corpus: Corpus;
  const changes: CorpusChanged[] = [];
  afterEach(async () => {
    await corpus?.close();
    changes.length = 0;
  });

  it('re-indexes added, changed and removed files and reports each change', async () => {
    await writeFile(join(work, 'first.txt'), 'First headline about ferries\n\nThe ferry carries 120 people.');
    corpus = await openCorpus(work, { cacheDir, watch: true, onChange: (c) => changes.push(c) });
    expect(corpus.search('ferry').hits.map((h) => h.id)).toEqual(['first.txt']);

    // add
    await mkdir(join(work, 'sub'));
    await writeFile(join(work, 'sub', 'second.txt'), 'Second headline about bridges\n\nThe bridge has capacity for 4,000 cars.');
    await waitFor(() => corpus.search('bridge').hits.length === 1);
    expect(corpus.search('4,000').hits.map((h) => h.id)).toEqual(['sub/second.txt']);
    expect(changes.flatMap((c) => c.added)).toContain('sub/second.txt');
    expect(corpus.info().articles.map((a) => a.id)).toEqual(['first.txt', 'sub/second.txt']);

    // change
    await writeFile(join(work, 'first.txt'), 'First headline about trains now\n\nThe train carries 900 people.');
    await waitFor(() => corpus.search('train').hits.length === 1);
    expect(corpus.search('ferry').hits).toEqual([]);
    expect(changes.flatMap((c) => c.changed)).toContain('first.txt');
    expect(corpus.getArticle('first.txt').title).toBe('First headline about trains now');

    // remove
    await rm(join(work, 'sub', 'second.txt'));
    await waitFor(() => corpus.search('bridge').hits.length === 0);
    expect(changes.flatMap((c) => c.removed)).toContain('sub/second.txt');
    expect(() => corpus.getArticle('sub/second.txt')).toThrow();
    expect(corpus.info().articles.map((a) => a.id)).toEqual(['first.txt']);
    for (const c of changes) expect(c.root).toBe(work);
  }, 60_000);

  it('lists a bad file that appears, and removes a folder’s articles when it goes', async () => {
    await mkdir(join(work, 'folder'));
    await writeFile(join(work, 'folder', 'a.txt'), 'Folder article headline\n\nAbout tunnels.');
    corpus = await openCorpus(work, { cacheDir, watch: true, onChange: (c) => changes.push(c) });
    await writeFile(join(work, 'broken.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    await waitFor(() => corpus.info().errors.some((e) => e.path === 'broken.txt'));
    expect(corpus.info().errors.find((e) => e.path === 'broken.txt')).toMatchObject({ code: 'binary' });
    await rm(join(work, 'folder'), { recursive: true });
    await waitFor(() => corpus.info().articles.length === 0);
    expect(corpus.search('tunnels').hits).toEqual([]);
  }, 60_000);

  it('stops reporting after close', async () => {
    corpus = await openCorpus(work, { cacheDir, watch: true, onChange: (c) => changes.push(c) });
    await corpus.close();
    await writeFile(join(work, 'late.txt'), 'Late headline words\n\nBody.');
    // Give a (wrongly) running watcher every chance to fire: longer than its debounce and write-finish delay.
    await new Promise((r) => setTimeout(r, 1000));
    expect(changes).toEqual([]);
    expect(corpus.info().articles).toEqual([]);
  }, 30_000);
});

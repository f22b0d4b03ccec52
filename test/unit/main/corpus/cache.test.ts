import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CACHE_VERSION, CorpusCache, indexKey } from '../../../../main/corpus/cache';
import type { Extraction } from '../../../../main/corpus/read';
import { tempDir } from './fixtures';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('reckon-cache-unit-')));
afterEach(() => cleanup());

const extraction: Extraction = {
  ok: true,
  text: 'Title\n\nBody',
  format: 'txt',
  meta: { title: 'Title', publisher: null, byline: null, statedDate: { surface: 'Nov. 15', year: null, month: 11, day: 15 } },
};

describe('CorpusCache', () => {
  it('keeps one folder per root and round-trips extractions, manifests and indexes', async () => {
    const a = new CorpusCache(dir, '/data/a');
    const b = new CorpusCache(dir, '/data/b');
    expect(a.dir).not.toBe(b.dir);
    await a.writeExtraction('ab'.repeat(32), 'txt', extraction);
    expect(await a.readExtraction('ab'.repeat(32), 'txt')).toEqual(extraction);
    expect(await a.readExtraction('ab'.repeat(32), 'md')).toBeNull();
    expect(await b.readExtraction('ab'.repeat(32), 'txt')).toBeNull();

    await a.writeManifest({ 'x.txt': { size: 3, mtimeMs: 5, hash: 'h', format: 'txt' } });
    expect(await a.readManifest()).toEqual({ version: CACHE_VERSION, root: '/data/a', files: { 'x.txt': { size: 3, mtimeMs: 5, hash: 'h', format: 'txt' } } });
    await a.writeIndex('k1', { some: 'index' });
    expect(await a.readIndex('k1')).toEqual({ some: 'index' });
    expect(await a.readIndex('k2')).toBeNull();
  });

  it('treats corrupt, foreign-version and missing files as misses', async () => {
    const cache = new CorpusCache(dir, '/data/a');
    expect(await cache.readManifest()).toBeNull();
    await cache.writeManifest({});
    await writeFile(join(cache.dir, 'manifest.json'), JSON.stringify({ version: CACHE_VERSION + 1, root: '/data/a', files: {} }));
    expect(await cache.readManifest()).toBeNull();
    await writeFile(join(cache.dir, 'manifest.json'), '{ truncated');
    expect(await cache.readManifest()).toBeNull();
    await cache.writeExtraction('cd'.repeat(32), 'txt', extraction);
    await writeFile(join(cache.dir, 'texts', `${'cd'.repeat(32)}.txt.json`), JSON.stringify({ version: CACHE_VERSION, extraction: { ok: true } }));
    expect(await cache.readExtraction('cd'.repeat(32), 'txt')).toBeNull();
  });

  it('packs every extraction in one file, trusting no malformed entry and no other root', async () => {
    const cache = new CorpusCache(dir, '/data/a');
    expect((await cache.readPack()).size).toBe(0);
    const failed: Extraction = { ok: false, error: { code: 'encoding', reason: 'bad byte' } };
    await cache.writePack(new Map<string, Extraction>([['k1.txt', extraction], ['k2.txt', failed]]));
    expect(await cache.readPack()).toEqual(new Map<string, Extraction>([['k1.txt', extraction], ['k2.txt', failed]]));

    const path = join(cache.dir, 'pack.json');
    const packed = JSON.parse(await readFile(path, 'utf8'));
    packed.texts['k3.txt'] = { ok: true, meta: {} }; // no text: not an extraction
    packed.texts['k4.txt'] = 'nonsense';
    await writeFile(path, JSON.stringify(packed));
    expect([...(await cache.readPack()).keys()]).toEqual(['k1.txt', 'k2.txt']);

    expect((await new CorpusCache(dir, '/data/b').readPack()).size).toBe(0);
    await writeFile(path, '{ truncated');
    expect((await cache.readPack()).size).toBe(0);
  });

  it('writes atomically (no temp files left) and prunes what is no longer referenced', async () => {
    const cache = new CorpusCache(dir, '/data/a');
    await cache.writeExtraction('11'.repeat(32), 'txt', extraction);
    await cache.writeExtraction('22'.repeat(32), 'txt', extraction);
    await cache.writeIndex('old', {});
    await cache.writeIndex('new', {});
    await cache.prune(new Set([CorpusCache.textKey('11'.repeat(32), 'txt')]), 'new');
    expect(await readdir(join(cache.dir, 'texts'))).toEqual([`${'11'.repeat(32)}.txt.json`]);
    expect(await readdir(join(cache.dir, 'index'))).toEqual(['new.json']);
    expect(JSON.parse(await readFile(join(cache.dir, 'texts', `${'11'.repeat(32)}.txt.json`), 'utf8')).version).toBe(CACHE_VERSION);
  });
});

describe('indexKey', () => {
  it('depends on the set of (id, hash) pairs, not their order', () => {
    const k = indexKey([{ id: 'a', hash: '1' }, { id: 'b', hash: '2' }]);
    expect(indexKey([{ id: 'b', hash: '2' }, { id: 'a', hash: '1' }])).toBe(k);
    expect(indexKey([{ id: 'a', hash: '1' }, { id: 'b', hash: '3' }])).not.toBe(k);
    expect(indexKey([{ id: 'a', hash: '1' }, { id: 'c', hash: '2' }])).not.toBe(k);
  });
});

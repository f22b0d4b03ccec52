import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import {
  asidePath,
  compareVersions,
  copyFileAtomic,
  DamagedStoreError,
  formatVersionOf,
  isDamagedContentError,
  lastGoodPathOf,
  openDurableStore,
  removeStaleTemps,
  STALE_TEMP_AGE_MS,
  writeFileAtomic,
  type StoreFactory,
  type StoreOptions,
} from '../../../../main/store/durable';

type Data = { items: string[]; count?: number };

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'reckon-durable-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const confFactory: StoreFactory<Data> = (options) => new Conf<Data>(options);

function options(cwd: string, extra: Partial<StoreOptions<Data>> = {}): StoreOptions<Data> {
  return {
    cwd,
    configName: 'things',
    name: 'things',
    projectVersion: '1.0.0',
    schema: { items: { type: 'array', items: { type: 'string' } } } as never,
    defaults: { items: [] },
    ...extra,
  };
}

const open = (cwd: string, extra: Partial<StoreOptions<Data>> = {}, factory = confFactory) =>
  openDurableStore<Data>({ factory, options: options(cwd, extra), warn: () => {} });

const json = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

describe('atomic file writes', () => {
  it('writeFileAtomic replaces the content and leaves no temp file', () => {
    const dir = tempDir();
    const path = join(dir, 'a.json');
    writeFileAtomic(path, 'old');
    const before = statSync(path).ino;
    writeFileAtomic(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    // A rename, not an overwrite in place: the file is a new inode.
    expect(statSync(path).ino).not.toBe(before);
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('copyFileAtomic copies whole files, and a failed copy leaves the target and no temp behind', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'from.json'), 'content');
    writeFileSync(join(dir, 'to.json'), 'previous');
    copyFileAtomic(join(dir, 'from.json'), join(dir, 'to.json'));
    expect(readFileSync(join(dir, 'to.json'), 'utf8')).toBe('content');
    expect(() => copyFileAtomic(join(dir, 'missing.json'), join(dir, 'to.json'))).toThrow(/ENOENT/);
    expect(readFileSync(join(dir, 'to.json'), 'utf8')).toBe('content');
    expect(readdirSync(dir).sort()).toEqual(['from.json', 'to.json']);
  });
});

describe('file names', () => {
  it('asidePath never reuses a name taken in the same millisecond', () => {
    const dir = tempDir();
    const store = join(dir, 'things.json');
    const first = asidePath(store, 'corrupt', 1000);
    writeFileSync(first, '');
    const second = asidePath(store, 'corrupt', 1000);
    expect(first).toBe(join(dir, 'things.corrupt-1000.json'));
    expect(second).toBe(join(dir, 'things.corrupt-1001.json'));
    expect(lastGoodPathOf(store)).toBe(join(dir, 'things.last-good.json'));
  });

  it('removeStaleTemps removes only old temp files of that file', () => {
    const dir = tempDir();
    const store = join(dir, 'things.json');
    const old = join(dir, 'things.json.tmp-17000000001a2b3c');
    const young = join(dir, 'things.json.tmp-17000000002a2b3c');
    const other = join(dir, 'other.json.tmp-17000000001a2b3c');
    for (const path of [old, young, other, store]) writeFileSync(path, '{}');
    const longAgo = (Date.now() - STALE_TEMP_AGE_MS - 5000) / 1000;
    utimesSync(old, longAgo, longAgo);
    utimesSync(other, longAgo, longAgo);
    expect(removeStaleTemps(store)).toEqual([old]);
    expect(existsSync(young)).toBe(true);
    expect(existsSync(other)).toBe(true);
    expect(existsSync(store)).toBe(true);
  });
});

describe('isDamagedContentError', () => {
  it.each([
    [new SyntaxError('Unexpected end of JSON input'), true],
    [new Error('Config schema violation: `items` must be array'), true],
    [new Error('Something went wrong during the migration! boom'), true],
    [new DamagedStoreError('duplicate id'), true],
    [Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }), false],
    ['a string', false],
  ])('%s → %s', (err, expected) => {
    expect(isDamagedContentError(err)).toBe(expected);
  });
});

describe('openDurableStore', () => {
  it('writes a last good copy after opening and after each save', () => {
    const dir = tempDir();
    const { store, recoveredFrom, saved } = open(dir);
    expect(recoveredFrom).toBeNull();
    const lastGood = join(dir, 'things.last-good.json');
    expect(json(lastGood)).toEqual(json(store.path));
    store.set('items', ['a']);
    saved();
    expect(json(lastGood)).toMatchObject({ items: ['a'] });
  });

  it('loads the last good copy when the file is damaged, keeping the damaged bytes aside', () => {
    const dir = tempDir();
    const first = open(dir);
    first.store.set('items', ['kept']);
    first.saved();
    writeFileSync(first.store.path, '{"items": ["kept", ');
    const { store, recoveredFrom } = open(dir);
    expect(store.get('items')).toEqual(['kept']);
    expect(recoveredFrom).toMatch(/things\.corrupt-\d+\.json$/);
    expect(readFileSync(recoveredFrom!, 'utf8')).toBe('{"items": ["kept", ');
  });

  it('restores a store file that went missing from its last good copy', () => {
    const dir = tempDir();
    const first = open(dir);
    first.store.set('items', ['x', 'y']);
    first.saved();
    rmSync(first.store.path);
    const { store, recoveredFrom } = open(dir);
    expect(store.get('items')).toEqual(['x', 'y']);
    expect(recoveredFrom).toBeNull();
  });

  it('keeps both aside when the last good copy is damaged too, and opens fresh', () => {
    const dir = tempDir();
    open(dir);
    writeFileSync(join(dir, 'things.json'), 'not json');
    writeFileSync(join(dir, 'things.last-good.json'), '{"items": 3}');
    const { store, recoveredFrom } = open(dir);
    expect(store.get('items')).toEqual([]);
    expect(readFileSync(recoveredFrom!, 'utf8')).toBe('not json');
    const kept = readdirSync(dir).filter((name) => name.includes('corrupt')).map((name) => readFileSync(join(dir, name), 'utf8'));
    expect(kept.sort()).toEqual(['not json', '{"items": 3}']);
  });

  it('passes the damaged text to salvage when there is no last good copy', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'things.json'), '{"items": ["good", 7, "also good"]}');
    const { store, recoveredFrom } = openDurableStore<Data>({
      factory: confFactory,
      options: options(dir),
      salvage(text, fresh) {
        const items = (JSON.parse(text) as { items: unknown[] }).items.filter((item) => typeof item === 'string');
        fresh.set('items', items as string[]);
      },
    });
    expect(store.get('items')).toEqual(['good', 'also good']);
    expect(json(recoveredFrom!)).toEqual({ items: ['good', 7, 'also good'] });
  });

  it('treats a failed extra check as damage', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'things.json'), '{"items": ["a", "a"]}');
    const { store, recoveredFrom } = openDurableStore<Data>({
      factory: confFactory,
      options: options(dir),
      check(opened) {
        const items = opened.get('items');
        if (new Set(items).size !== items.length) throw new DamagedStoreError('duplicate items');
      },
    });
    expect(store.get('items')).toEqual([]);
    expect(recoveredFrom).not.toBeNull();
  });

  it('lets an error that is not about the content through, and moves nothing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'things.json'), '{"items": []}');
    const refusing: StoreFactory<Data> = () => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    };
    expect(() => open(dir, {}, refusing)).toThrow(/EACCES/);
    expect(readdirSync(dir)).toEqual(['things.json']);
  });

  it('refuses an engine that writes somewhere else than the name it was given', () => {
    const dir = tempDir();
    // What electron-store does with `configName` alone: it names the file after `name`, default "config".
    const misnaming: StoreFactory<Data> = (opts) => new Conf<Data>({ ...opts, configName: 'config' });
    expect(() => open(dir, {}, misnaming)).toThrow(/config\.json, expected .*things\.json/);
  });

  it('keeps the file as it was before the first migration step', () => {
    const dir = tempDir();
    const original = '{"items": ["a"], "count": 2}';
    writeFileSync(join(dir, 'things.json'), original);
    const migrations = {
      '2.0.0': (store: Conf<Data>) => {
        store.set('items', [...store.get('items'), 'from 2.0.0']);
      },
      '3.0.0': (store: Conf<Data>) => {
        store.delete('count');
      },
    };
    const { store } = open(dir, { projectVersion: '3.0.0', migrations: migrations as never });
    expect(store.store).toMatchObject({ items: ['a', 'from 2.0.0'] });
    expect(store.store).not.toHaveProperty('count');
    expect(readFileSync(join(dir, 'things.before-2.0.0.json'), 'utf8')).toBe(original);
    expect(existsSync(join(dir, 'things.before-3.0.0.json'))).toBe(false);
  });

  it('keeps a file from a newer Reckon aside untouched instead of rewriting its version down', () => {
    const dir = tempDir();
    const newer = JSON.stringify({ items: ['from the future'], __internal__: { migrations: { version: '3.1.0' } } });
    writeFileSync(join(dir, 'things.json'), newer);
    const { store, recoveredFrom } = open(dir, { projectVersion: '2.0.0', migrations: {} as never });
    expect(recoveredFrom).toMatch(/things\.newer-3\.1\.0-\d+\.json$/);
    expect(readFileSync(recoveredFrom!, 'utf8')).toBe(newer);
    expect(store.get('items')).toEqual([]);
  });
});

describe('format versions', () => {
  it('reads the version conf recorded, if any', () => {
    expect(formatVersionOf('{"__internal__": {"migrations": {"version": "2.0.0"}}}')).toBe('2.0.0');
    expect(formatVersionOf(Buffer.from('{"items": []}'))).toBeUndefined();
    expect(formatVersionOf('not json')).toBeUndefined();
  });

  it.each([
    ['2.0.0', '10.0.0', -1],
    ['2.0.0', '2.0.0', 0],
    ['2.1', '2.0.9', 1],
    ['3.0.0', '2.99.99', 1],
  ])('compareVersions(%s, %s) = %d', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });
});


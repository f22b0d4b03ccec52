import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  closeSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Conf from 'conf';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ANNOTATIONS_VERSION,
  annotationStorePath,
  openAnnotationStore,
  openConfAnnotations,
  type AnnotationFileData,
  type AnnotationStoreFactory,
} from '../../../../main/store/annotations';
import { ApiError } from '../../../../shared/api';
import type { Annotation, AnnotationBody, AnnotationTarget } from '../../../../shared/domain/annotation';
import { stateAnnotations, stateOf } from '../../../fixtures/store/kill-states';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../../..');
const fixtures = join(repoRoot, 'test/fixtures/store');
const CORPUS = '/home/reporter/cambodia-prisons';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'reckon-annotations-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const target = (start = 310, exact = '40,000'): AnnotationTarget => ({
  articleId: 'cambodia-prisons-2020.txt',
  contentHash: 'c0ffee'.repeat(10) + 'c0ff',
  position: { type: 'TextPositionSelector', start, end: start + exact.length },
  quote: { type: 'TextQuoteSelector', exact, prefix: 'a prison population of almost ', suffix: ' in facilities' },
});

const body = (note = 'Rounded up from 38,990.'): AnnotationBody => ({
  verdict: 'mostly-accurate',
  note,
  tags: ['population'],
  evidence: [{ kind: 'article', articleId: 'licadho-release-2021.md' }],
});

const annotation = (id: string, created: string, note = 'imported'): Annotation => ({
  id,
  target: target(),
  ...body(note),
  created,
  modified: created,
});

const fileData = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

function expectApiError(run: () => unknown, code: string, message?: RegExp): void {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe(code);
    if (message) expect((err as ApiError).message).toMatch(message);
    return;
  }
  throw new Error(`expected ApiError(${code})`);
}

/** A store whose notes and verdicts are in the file, then the same file damaged. */
function storeWithTwo(dir: string) {
  const store = openConfAnnotations(dir, CORPUS);
  store.create(target(), body('first'));
  store.create(target(500, '26,593'), body('second'));
  return store;
}

describe('annotation store: create, read, update, delete', () => {
  it('creates annotations with a new uuid and created = modified = now', () => {
    const store = openConfAnnotations(tempDir(), CORPUS);
    const before = Date.now();
    const created = store.create(target(), body());
    expect(created.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(created.created).toBe(created.modified);
    expect(Date.parse(created.created)).toBeGreaterThanOrEqual(before - 1);
    expect(created).toMatchObject({ target: target(), ...body() });
    expect(store.get(created.id)).toEqual(created);
    expect(store.create(target(), body()).id).not.toBe(created.id);
  });

  it('lists in creation order and hands out copies, not its own objects', () => {
    const store = openConfAnnotations(tempDir(), CORPUS);
    const ids = ['one', 'two', 'three'].map((note) => store.create(target(), body(note)).id);
    expect(store.list().map((a) => a.id)).toEqual(ids);
    store.list()[0]!.note = 'changed by a caller';
    store.get(ids[1]!)!.tags.push('changed');
    expect(store.get(ids[0]!)!.note).toBe('one');
    expect(store.get(ids[1]!)!.tags).toEqual(['population']);
  });

  it('updates only the fields given, and sets modified', async () => {
    const store = openConfAnnotations(tempDir(), CORPUS);
    const original = store.create(target(), body());
    await new Promise((r) => setTimeout(r, 5));
    const updated = store.update({ id: original.id, verdict: null, tags: ['population', 'rounding'] });
    expect(updated).toEqual({ ...original, verdict: null, tags: ['population', 'rounding'], modified: updated.modified });
    expect(Date.parse(updated.modified)).toBeGreaterThan(Date.parse(original.created));
    expect(store.get(original.id)).toEqual(updated);
  });

  it('retargets: a new target, same id, body and created, new modified', async () => {
    const store = openConfAnnotations(tempDir(), CORPUS);
    const original = store.create(target(), body());
    await new Promise((r) => setTimeout(r, 5));
    const moved = store.retarget(original.id, target(420));
    expect(moved).toEqual({ ...original, target: target(420), modified: moved.modified });
    expect(moved.modified).not.toBe(original.modified);
  });

  it('removes and restores: the removed annotation comes back as it was, in its place', () => {
    const store = openConfAnnotations(tempDir(), CORPUS);
    const [a, b, c] = ['a', 'b', 'c'].map((note) => store.create(target(), body(note)));
    const removed = store.remove(b!.id);
    expect(removed).toEqual(b);
    expect(store.get(b!.id)).toBeUndefined();
    expect(store.list().map((x) => x.note)).toEqual(['a', 'c']);
    expect(store.restore(removed)).toEqual(b);
    expect(store.list()).toEqual([a, b, c]);
    // Undo twice is harmless: still one of it.
    store.restore(removed);
    expect(store.list()).toHaveLength(3);
  });

  it('answers not-found for unknown ids', () => {
    const store = openConfAnnotations(tempDir(), CORPUS);
    const unknown = '00000000-0000-4000-8000-000000000001';
    expectApiError(() => store.update({ id: unknown, note: 'x' }), 'not-found', /00000000-0000-4000-8000-000000000001/);
    expectApiError(() => store.retarget(unknown, target()), 'not-found');
    expectApiError(() => store.remove(unknown), 'not-found');
  });

  it('refuses invalid input with invalid-args and writes nothing', () => {
    const dir = tempDir();
    const store = openConfAnnotations(dir, CORPUS);
    const kept = store.create(target(), body());
    const fileBefore = readFileSync(store.path, 'utf8');
    expectApiError(() => store.create({ ...target(), contentHash: 'nope' }, body()), 'invalid-args', /contentHash/);
    expectApiError(() => store.create(target(), { ...body(), note: 'x'.repeat(20_001) }), 'invalid-args', /note/);
    expectApiError(() => store.update({ id: kept.id, tags: [''] }), 'invalid-args', /tags/);
    expectApiError(() => store.retarget(kept.id, { ...target(), position: { type: 'TextPositionSelector', start: -1, end: 2 } }), 'invalid-args');
    expectApiError(() => store.restore({ ...kept, created: 'yesterday' }), 'invalid-args', /created/);
    expect(readFileSync(store.path, 'utf8')).toBe(fileBefore);
    expect(store.list()).toEqual([kept]);
  });

  it('addMany adds and replaces by id in one write, in creation order', () => {
    const dir = tempDir();
    let writes = 0;
    const counting: AnnotationStoreFactory = (options) => {
      const conf = new Conf<AnnotationFileData>(options);
      return {
        path: conf.path,
        get store() {
          return conf.store;
        },
        get: (key) => conf.get(key),
        set: (key, value) => {
          writes++;
          conf.set(key, value);
        },
      };
    };
    const store = openAnnotationStore(counting, dir, CORPUS);
    const mine = store.create(target(), body('mine'));
    writes = 0;
    const older = annotation('11111111-1111-4111-8111-111111111111', '2020-01-01T00:00:00.000Z', 'older');
    const replacement = { ...mine, note: 'replaced by import' };
    store.addMany([replacement, older]);
    expect(writes).toBe(1);
    expect(store.list()).toEqual([older, replacement]);
    expectApiError(() => store.addMany([older, older]), 'invalid-args', /appears twice/);
    expectApiError(() => store.addMany([{ ...older, id: 'not-a-uuid' }]), 'invalid-args');
    expect(writes).toBe(1);
  });

  it('keeps memory as it was when the disk write fails, and says so (io)', () => {
    let failWrites = false;
    const flaky: AnnotationStoreFactory = (options) => {
      const conf = new Conf<AnnotationFileData>(options);
      return {
        path: conf.path,
        get store() {
          return conf.store;
        },
        get: (key) => conf.get(key),
        set: (key, value) => {
          if (failWrites) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          conf.set(key, value);
        },
      };
    };
    const store = openAnnotationStore(flaky, tempDir(), CORPUS);
    const kept = store.create(target(), body());
    failWrites = true;
    expectApiError(() => store.create(target(), body('lost?')), 'io', /ENOSPC/);
    expectApiError(() => store.remove(kept.id), 'io');
    expect(store.list()).toEqual([kept]);
  });
});

describe('annotation store: files', () => {
  it('persists across reopening, one file per corpus named from a hash, the root stored inside', () => {
    const dir = tempDir();
    const store = storeWithTwo(dir);
    const other = openConfAnnotations(dir, '/elsewhere/other-corpus');
    other.create(target(), body('other corpus'));
    expect(store.path).toBe(annotationStorePath(dir, CORPUS));
    expect(store.path).toMatch(/annotations[/\\][0-9a-f]{32}\.json$/);
    expect(other.path).not.toBe(store.path);
    const reopened = openConfAnnotations(dir, `${CORPUS}/`); // same folder, spelled differently
    expect(reopened.path).toBe(store.path);
    expect(reopened.list()).toEqual(store.list());
    expect(reopened.recoveredFrom).toBeNull();
    expect(fileData(store.path)).toMatchObject({
      corpusRoot: CORPUS,
      __internal__: { migrations: { version: ANNOTATIONS_VERSION } },
    });
    expect(openConfAnnotations(dir, '/elsewhere/other-corpus').list().map((a) => a.note)).toEqual(['other corpus']);
  });

  it('writes atomically: each save replaces the file by rename, a reader of the old file sees it whole', () => {
    const dir = tempDir();
    const store = openConfAnnotations(dir, CORPUS);
    store.addMany(stateAnnotations(1));
    const oldInode = statSync(store.path).ino;
    const oldContent = readFileSync(store.path);
    const reader = openSync(store.path, 'r');
    try {
      store.addMany(stateAnnotations(2));
      expect(statSync(store.path).ino).not.toBe(oldInode);
      // The reader still holds the old file, complete: the new one was written elsewhere and renamed over it.
      const seen = Buffer.alloc(oldContent.length + 16);
      const length = readSync(reader, seen, 0, seen.length, 0);
      expect(seen.subarray(0, length).equals(oldContent)).toBe(true);
    } finally {
      closeSync(reader);
    }
    expect(readdirSync(dirname(store.path)).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('keeps the last good copy equal to the store after every save', () => {
    const dir = tempDir();
    const store = storeWithTwo(dir);
    const lastGood = store.path.replace(/\.json$/, '.last-good.json');
    expect(fileData(lastGood)).toEqual(fileData(store.path));
    store.remove(store.list()[0]!.id);
    expect(fileData(lastGood)).toEqual(fileData(store.path));
  });

  it('works with an engine that names files as electron-store does (from `name`)', () => {
    const dir = tempDir();
    const electronStoreLike: AnnotationStoreFactory = (options) => {
      const { name, ...rest } = options;
      return new Conf<AnnotationFileData>({ ...rest, configName: name ?? 'config' });
    };
    const store = openAnnotationStore(electronStoreLike, dir, CORPUS);
    store.create(target(), body());
    expect(store.path).toBe(annotationStorePath(dir, CORPUS));
    expect(openConfAnnotations(dir, CORPUS).list()).toEqual(store.list());
  });
});

describe('annotation store: migration', () => {
  it('migrates a version-1 file (map by id) to version 2 (list in creation order), keeping the original', () => {
    const dir = tempDir();
    const path = annotationStorePath(dir, CORPUS);
    mkdirSync(dirname(path), { recursive: true });
    copyFileSync(join(fixtures, 'annotations-v1.json'), path);
    const v1 = fileData(path) as { annotations: Record<string, Annotation> };

    const store = openConfAnnotations(dir, CORPUS);
    expect(store.recoveredFrom).toBeNull();
    const expected = Object.values(v1.annotations).sort((a, b) => a.created.localeCompare(b.created));
    expect(store.list()).toEqual(expected);
    expect(store.list().map((a) => a.note)).toEqual([
      'Rounded up from 38,990.',
      'Capacity; the 2022 article says 27,000.',
      'Ministry figure; other sources round it to 39,000 or 40,000.',
    ]);
    const migrated = fileData(path);
    expect(migrated.annotations).toEqual(expected);
    expect(migrated.__internal__).toEqual({ migrations: { version: '2.0.0' } });
    expect(readFileSync(path.replace(/\.json$/, '.before-2.0.0.json'), 'utf8')).toBe(
      readFileSync(join(fixtures, 'annotations-v1.json'), 'utf8'),
    );
    // Version 2 from then on: edits work and survive a reopen.
    store.update({ id: expected[0]!.id, verdict: 'accurate' });
    expect(openConfAnnotations(dir, CORPUS).get(expected[0]!.id)?.verdict).toBe('accurate');
  });

  it('a version-1 entry that fails validation is not dropped: the file is kept aside and the rest salvaged', () => {
    const dir = tempDir();
    const path = annotationStorePath(dir, CORPUS);
    mkdirSync(dirname(path), { recursive: true });
    const v1 = fileData(join(fixtures, 'annotations-v1.json')) as { annotations: Record<string, Record<string, unknown>> };
    const broken = '1b2c3d4e-5f60-4718-9a0b-1c2d3e4f5a6b';
    v1.annotations[broken]!.verdict = 42;
    writeFileSync(path, JSON.stringify(v1));

    const store = openConfAnnotations(dir, CORPUS);
    expect(store.recoveredFrom).toMatch(/\.corrupt-\d+\.json$/);
    expect(store.list().map((a) => a.id)).toEqual(['a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c0d', '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b']);
    const keptAside = fileData(store.recoveredFrom!) as typeof v1;
    expect(keptAside.annotations[broken]).toMatchObject({ verdict: 42, note: 'Rounded up from 38,990.' });
  });
});

describe('annotation store: damaged files', () => {
  it.each([
    ['truncated JSON', (text: string) => text.slice(0, text.length / 2)],
    ['an empty file', () => ''],
    ['an annotation the schema refuses', (text: string) => text.replace('"verdict": "mostly-accurate"', '"verdict": 42')],
    ['annotations that are not a list', (text: string) => text.replace(/"annotations": \[/, '"annotations": "oops", "x": [')],
    ['an id that appears twice', (text: string) => {
      const data = JSON.parse(text) as { annotations: unknown[] };
      data.annotations.push(data.annotations[0]);
      return JSON.stringify(data);
    }],
    ['another corpus root', (text: string) => text.replace(CORPUS, '/somewhere/else')],
  ])('%s: kept aside as found, last good state loaded, recoveredFrom set', (_label, damage) => {
    const dir = tempDir();
    const before = storeWithTwo(dir).list();
    const path = annotationStorePath(dir, CORPUS);
    const damaged = damage(readFileSync(path, 'utf8'));
    writeFileSync(path, damaged);

    const store = openConfAnnotations(dir, CORPUS);
    expect(store.list()).toEqual(before);
    expect(store.recoveredFrom).toMatch(/[0-9a-f]{32}\.corrupt-\d+\.json$/);
    expect(readFileSync(store.recoveredFrom!, 'utf8')).toBe(damaged);
    // The recovered store is a normal store again: edits persist, nothing more is moved aside.
    store.create(target(), body('after recovery'));
    const reopened = openConfAnnotations(dir, CORPUS);
    expect(reopened.recoveredFrom).toBeNull();
    expect(reopened.list().map((a) => a.note)).toEqual(['first', 'second', 'after recovery']);
    expect(readdirSync(dirname(path)).filter((name) => name.includes('corrupt'))).toHaveLength(1);
  });

  it('with no last good copy, keeps the annotations that pass validation; the refused one stays in the file aside', () => {
    const dir = tempDir();
    storeWithTwo(dir);
    const path = annotationStorePath(dir, CORPUS);
    rmSync(path.replace(/\.json$/, '.last-good.json'));
    const damaged = readFileSync(path, 'utf8').replace('"note": "first"', '"note": 17');
    writeFileSync(path, damaged);

    const store = openConfAnnotations(dir, CORPUS);
    expect(store.list().map((a) => a.note)).toEqual(['second']);
    expect(readFileSync(store.recoveredFrom!, 'utf8')).toBe(damaged);
    expect(openConfAnnotations(dir, CORPUS).list().map((a) => a.note)).toEqual(['second']);
  });
});

/*
 * A save interrupted by SIGKILL must leave the store readable with the old or the new state.
 * The child (test/fixtures/store/save-loop-child.ts) saves ~2 MB states in a loop with the real store
 * code; each round kills it at a random moment; the next child reports what it found on opening.
 * The child is bundled once with vite (a declared dev dependency): started through tsx, each child
 * took 0.4 s idle and over 1.5 s on a loaded machine to start, a bundle 0.2 s.
 */
describe('annotation store: killed mid-save', () => {
  const ROUNDS = 20;
  let bundleDir = '';
  let childScript = '';

  beforeAll(async () => {
    bundleDir = mkdtempSync(join(tmpdir(), 'reckon-kill-child-'));
    const { build } = await import('vite');
    await build({
      configFile: false,
      logLevel: 'silent',
      root: repoRoot,
      ssr: { noExternal: true },
      build: {
        ssr: join(fixtures, 'save-loop-child.ts'),
        outDir: bundleDir,
        minify: false,
        target: 'node20',
        rollupOptions: { output: { format: 'es', entryFileNames: 'save-loop-child.mjs' } },
      },
    });
    childScript = join(bundleDir, 'save-loop-child.mjs');
  }, 30_000);
  afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

  interface Child {
    process: ChildProcessWithoutNullStreams;
    lines: string[];
    waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
    closed: Promise<void>;
  }

  function startChild(dir: string, extraArgs: string[], extraEnv: NodeJS.ProcessEnv = {}): Child {
    const childProcess = spawn(process.execPath, [childScript, dir, CORPUS, ...extraArgs], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...extraEnv },
    });
    const lines: string[] = [];
    const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
    let stderr = '';
    childProcess.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: childProcess.stdout }).on('line', (line) => {
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.pattern.test(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    });
    const closed = new Promise<void>((resolveClosed) => childProcess.on('close', () => resolveClosed()));
    return {
      process: childProcess,
      lines,
      closed,
      waitFor(pattern, timeoutMs = 15_000) {
        const seen = lines.find((line) => pattern.test(line));
        if (seen) return Promise.resolve(seen);
        return new Promise((resolveLine, reject) => {
          const timer = setTimeout(() => reject(new Error(`child never said ${pattern}; stderr: ${stderr}`)), timeoutMs);
          waiters.push({ pattern, resolve: (line) => (clearTimeout(timer), resolveLine(line)) });
          void closed.then(() => setTimeout(() => reject(new Error(`child exited before ${pattern}; stderr: ${stderr}`)), 50));
        });
      },
    };
  }

  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it(`stays readable, with the last saved state or the one being saved, over ${ROUNDS} kills`, async () => {
    const dir = tempDir();
    const storePath = annotationStorePath(dir, CORPUS);
    const tempFiles = () => (existsSync(dirname(storePath)) ? readdirSync(dirname(storePath)) : []).filter((name) => name.startsWith(`${basename(storePath)}.tmp-`));
    /** The newest state some child said was on disk (saved, or found on opening). */
    let confirmed = -1;
    let saves = 0;
    // Odd rounds pause the child inside its 1st or 2nd atomic write of the store file and kill it there.
    const argsFor = (round: number) => (round % 2 ? ['pause-in-write', String(1 + (((round - 1) / 2) % 2))] : []);
    let next = startChild(dir, argsFor(0));
    for (let round = 0; round < ROUNDS; round++) {
      const child = next;
      const pausing = round % 2 === 1;
      await child.waitFor(/^ready$/);
      child.process.stdin.write('go\n');
      // Start the next child now: its start-up overlaps this round.
      if (round + 1 < ROUNDS) next = startChild(dir, argsFor(round + 1));
      const tempsBefore = new Set(tempFiles());
      if (pausing) await child.waitFor(/^in-write$/);
      else {
        // Other rounds: a random moment after opening (in the save loop), or every other time from the
        // start (mostly while opening, which writes the last good copy).
        if (round % 4 === 0) await child.waitFor(/^open /);
        await sleep(Math.random() * 300);
      }
      child.process.kill('SIGKILL');
      await child.closed;

      const opened = child.lines.find((line) => line.startsWith('open '));
      if (opened) {
        const [, state, integrity, recoveredFrom] = opened.split(' ');
        // What this child found is whole, is the newest confirmed state or the one being saved when the
        // last child died, and needed no recovery: no interrupted write ever damaged the store file itself.
        expect(integrity, `round ${round}: ${opened}`).toBe('intact');
        expect(recoveredFrom, `round ${round}: ${opened}`).toBe('-');
        expect([confirmed, confirmed + 1], `round ${round}: ${opened}`).toContain(Number(state));
        confirmed = Number(state);
      }
      for (const line of child.lines.filter((l) => l.startsWith('saved '))) {
        const state = Number(line.slice('saved '.length));
        expect(state).toBe(confirmed + 1);
        confirmed = state;
        saves++;
      }
      if (pausing) {
        // Killed between writing the new state to a temp file and renaming it: the store still holds the old one.
        const newTemps = tempFiles().filter((name) => !tempsBefore.has(name));
        expect(newTemps, `round ${round}: one temp file left by the killed write`).toHaveLength(1);
        const onDisk = existsSync(storePath) ? stateOf((fileData(storePath) as unknown as AnnotationFileData).annotations) : -1;
        expect(onDisk, `round ${round}`).toBe(confirmed);
      }
    }

    const store = openConfAnnotations(dir, CORPUS);
    expect(store.recoveredFrom).toBeNull();
    const found = store.list();
    const state = stateOf(found);
    expect([confirmed, confirmed + 1]).toContain(state);
    expect(found).toEqual(stateAnnotations(state));
    expect(saves).toBeGreaterThanOrEqual(ROUNDS / 5);
  }, 60_000);

  it('a torn in-place write (conf without atomic writes, as under Snap) is kept aside and the last good state loaded', async () => {
    const dir = tempDir();
    const storePath = annotationStorePath(dir, CORPUS);
    // $SNAP makes conf write in place; the child stops half way through writing state 2.
    const child = startChild(dir, ['tear-write', '2'], { SNAP: '1' });
    await child.waitFor(/^ready$/);
    child.process.stdin.write('go\n');
    await child.waitFor(/^in-write$/);
    child.process.kill('SIGKILL');
    await child.closed;
    expect(child.lines).toContain('saved 1');
    const torn = readFileSync(storePath, 'utf8');
    expect(() => JSON.parse(torn)).toThrow(SyntaxError);

    const store = openConfAnnotations(dir, CORPUS);
    expect(store.recoveredFrom).toMatch(/\.corrupt-\d+\.json$/);
    expect(readFileSync(store.recoveredFrom!, 'utf8')).toBe(torn);
    expect(store.list()).toEqual(stateAnnotations(1));
  });
});

import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type Conf from 'conf';

/*
 * One way to open a store file so that nothing in it is ever lost:
 * - conf / electron-store validate the file (JSON schema) and migrate it (projectVersion + migrations),
 *   and write it atomically (temp file, fsync, rename: the `atomically` package);
 * - after every good load and every save, `<name>.last-good.json` is written atomically too;
 * - a damaged file (bad JSON, schema violation, failed migration, failed extra check) is kept aside
 *   as `<name>.corrupt-<time>.json` with its bytes exactly as found, and the last good copy is loaded;
 * - before the first migration step, the file as it was is kept as `<name>.before-<version>.json`;
 * - a file from a newer Reckon (a higher format version) is kept aside untouched as
 *   `<name>.newer-<version>-<time>.json` and reported like a damaged one, since this version cannot read it.
 */

/** conf's own constraint on a store's shape (its types say Record<string, any>; `unknown` values do not satisfy it). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type StoreShape = Record<string, any>;

/** conf's constructor options. */
type ConfOptions<T extends StoreShape> = NonNullable<ConstructorParameters<typeof Conf<T>>[0]>;

/**
 * Options for either engine. electron-store names the file after `name` and ignores `configName`;
 * conf does the opposite; so both are given, always equal.
 */
export type StoreOptions<T extends StoreShape> = ConfOptions<T> & {
  cwd: string;
  configName: string;
  name: string;
  projectVersion: string;
};

/** The part of conf / electron-store that the stores need; both satisfy it. */
export interface KeyValueStore<T> {
  readonly path: string;
  /** Everything at once (one read of the file; `get` reads it whole too). */
  readonly store: T;
  get<K extends keyof T>(key: K): T[K];
  set<K extends keyof T>(key: K, value: T[K]): void;
}

/** Makes the engine: `(options) => new Conf(options)` or `(options) => new ElectronStore(options)`. */
export type StoreFactory<T extends StoreShape> = (options: StoreOptions<T>) => KeyValueStore<T>;

/** Thrown by a store's own checks (beyond the JSON schema) to mark its file as damaged. */
export class DamagedStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DamagedStoreError';
  }
}

/** Errors that mean "the file's content is bad", as opposed to "the disk refused" (which must propagate). */
export function isDamagedContentError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return (
    err.name === 'SyntaxError' ||
    err instanceof DamagedStoreError ||
    err.message.startsWith('Config schema violation') ||
    err.message.startsWith('Something went wrong during the migration')
  );
}

export const lastGoodPathOf = (storePath: string): string => storePath.replace(/\.json$/, '.last-good.json');

/** Temp files older than this are leftovers of a killed writer (a live write takes milliseconds). */
export const STALE_TEMP_AGE_MS = 60_000;

/** fsync a folder so a rename in it survives a power cut; not possible on every platform, so best effort. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for fsync; its renames are journalled by NTFS anyway.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const tempPathFor = (path: string): string => `${path}.tmp-${Date.now()}${randomBytes(3).toString('hex')}`;

function replaceWith(tempPath: string, path: string): void {
  try {
    renameSync(tempPath, path);
  } catch (err) {
    rmSync(tempPath, { force: true });
    throw err;
  }
  syncDirectory(dirname(path));
}

/** Write a file so that readers see either the old content or the new, never a mix: temp file, fsync, rename. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const tempPath = tempPathFor(path);
  const fd = openSync(tempPath, 'w', 0o666);
  try {
    writeFileSync(fd, data);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tempPath, { force: true });
    throw err;
  }
  closeSync(fd);
  replaceWith(tempPath, path);
}

/** Why a file could not be written, in words rather than errno codes and temp-file names. */
export function writeFailureInWords(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'its folder does not exist';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOSPC') return 'the disk is full';
  return err instanceof Error ? err.message : String(err);
}

/** Copy a file atomically (same guarantee as writeFileAtomic). */
export function copyFileAtomic(from: string, to: string): void {
  const tempPath = tempPathFor(to);
  try {
    copyFileSync(from, tempPath);
    const fd = openSync(tempPath, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    rmSync(tempPath, { force: true });
    throw err;
  }
  replaceWith(tempPath, to);
}

/** `<name>.<label>-<time>.json`, unique in its folder (the time is bumped rather than overwriting a file). */
export function asidePath(storePath: string, label: string, now = Date.now()): string {
  let stamp = now;
  let candidate: string;
  do candidate = storePath.replace(/\.json$/, `.${label}-${stamp++}.json`);
  while (existsSync(candidate));
  return candidate;
}

/**
 * Remove `<file>.tmp-*` files that a killed writer (conf's `atomically` or writeFileAtomic) left behind.
 * Only old ones: a young temp file may belong to a write in progress in another process.
 */
export function removeStaleTemps(path: string, maxAgeMs = STALE_TEMP_AGE_MS, now = Date.now()): string[] {
  const dir = dirname(path);
  const prefix = `${basename(path)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const tempPath = join(dir, name);
    try {
      if (now - statSync(tempPath).mtimeMs < maxAgeMs) continue;
      unlinkSync(tempPath);
      removed.push(tempPath);
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed;
}

/** The format version conf recorded in a store file (`__internal__.migrations.version`), if readable. */
export function formatVersionOf(bytes: Uint8Array | string): string | undefined {
  try {
    const data = JSON.parse(typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8')) as {
      __internal__?: { migrations?: { version?: unknown } };
    };
    const version = data?.__internal__?.migrations?.version;
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined; // not JSON: conf reports that, and the file is kept aside as corrupt
  }
}

/** Compare dotted numeric versions ("2.0.0" < "10.0.0"); a part that is not a number counts as 0. */
export function compareVersions(a: string, b: string): number {
  const parts = (version: string) => version.split('.').map((part) => Number.parseInt(part, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const difference = (x[i] ?? 0) - (y[i] ?? 0);
    if (difference) return Math.sign(difference);
  }
  return 0;
}

export interface DurableStoreSpec<T extends StoreShape> {
  factory: StoreFactory<T>;
  options: StoreOptions<T>;
  /** Checks beyond the JSON schema (unique ids, ...): throw DamagedStoreError to mark the file damaged. */
  check?: (store: KeyValueStore<T>) => void;
  /**
   * When the damaged file has no usable last good copy, take what is still sound from its text into
   * the fresh store (e.g. the annotations that pass validation). The damaged file is kept either way.
   */
  salvage?: (damagedText: string, freshStore: KeyValueStore<T>) => void;
  /** Reports problems that must not fail the caller (a last-good copy that could not be written). */
  warn?: (message: string) => void;
}

export interface DurableStore<T> {
  store: KeyValueStore<T>;
  /** The damaged file kept aside when this open had to recover, else null. */
  recoveredFrom: string | null;
  /** Call after every successful write: refreshes the last good copy. */
  saved(): void;
}

/** Open a store file through its engine, recovering from damage as described at the top of this file. */
export function openDurableStore<T extends StoreShape>(spec: DurableStoreSpec<T>): DurableStore<T> {
  const { cwd, configName } = spec.options;
  const storePath = resolve(cwd, `${configName}.json`); // as conf resolves it
  const lastGoodPath = lastGoodPathOf(storePath);
  const warn = spec.warn ?? ((message: string) => console.warn(`Reckon: ${message}`));
  removeStaleTemps(storePath);
  removeStaleTemps(lastGoodPath);

  // The store file never goes missing on its own (writes rename over it); if it has, the copy is still ours.
  if (!existsSync(storePath) && existsSync(lastGoodPath)) copyFileAtomic(lastGoodPath, storePath);

  /** The store, or where its damaged file was kept aside (then the store file is gone). */
  const open = (): { store: KeyValueStore<T> } | { keptAt: string } => {
    // The bytes as found: conf rewrites the file (defaults, migration steps) before it has validated it.
    const original = existsSync(storePath) ? readFileSync(storePath) : null;
    let backedUp = false;
    const options: StoreOptions<T> = {
      ...spec.options,
      beforeEachMigration: (store, context) => {
        if (original && !backedUp) {
          const backupPath = storePath.replace(/\.json$/, `.before-${context.toVersion}.json`);
          if (!existsSync(backupPath)) writeFileAtomic(backupPath, original);
          backedUp = true;
        }
        spec.options.beforeEachMigration?.(store, context);
      },
    };
    // conf would open a file from a newer Reckon, rewrite its version down and let that Reckon migrate it
    // again later: keep such a file aside untouched instead.
    const storedVersion = original ? formatVersionOf(original) : undefined;
    if (storedVersion && compareVersions(storedVersion, spec.options.projectVersion) > 0) {
      const keptAt = asidePath(storePath, `newer-${storedVersion}`);
      writeFileAtomic(keptAt, original!);
      rmSync(storePath, { force: true });
      return { keptAt };
    }
    try {
      const store = spec.factory(options);
      if (store.path !== storePath) {
        throw new Error(`store engine wrote to ${store.path}, expected ${storePath} (is \`name\` passed on?)`);
      }
      spec.check?.(store);
      return { store };
    } catch (err) {
      if (!original || !isDamagedContentError(err)) throw err;
      // Keep the damaged bytes exactly as found, then clear the way for a clean open.
      const keptAt = asidePath(storePath, 'corrupt');
      writeFileAtomic(keptAt, original);
      rmSync(storePath, { force: true });
      return { keptAt };
    }
  };

  let recoveredFrom: string | null = null;
  let opened = open();
  if ('keptAt' in opened) {
    recoveredFrom = opened.keptAt;
    if (existsSync(lastGoodPath)) {
      copyFileAtomic(lastGoodPath, storePath);
      opened = open();
      // A damaged last good copy has just been kept aside (as another corrupt-<time> file): drop the original.
      if ('keptAt' in opened) rmSync(lastGoodPath, { force: true });
    }
    if ('keptAt' in opened) {
      opened = open(); // no file now: a fresh store, or a thrown error
      if ('keptAt' in opened) throw new Error(`cannot create a fresh store at ${storePath}`);
      try {
        spec.salvage?.(readFileSync(recoveredFrom, 'utf8'), opened.store);
      } catch (err) {
        warn(`could not salvage from ${recoveredFrom}: ${(err as Error).message}`);
      }
    }
  }
  const { store } = opened;

  const saved = (): void => {
    try {
      copyFileAtomic(storePath, lastGoodPath);
    } catch (err) {
      warn(`could not write the last good copy ${lastGoodPath}: ${(err as Error).message}`);
    }
  };
  saved();
  return { store, recoveredFrom, saved };
}

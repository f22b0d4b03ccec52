/**
 * Watch a corpus folder with chokidar and hand over batches of changed paths.
 * Events are collected until the folder has been quiet for `debounceMs` (or at most
 * `maxWaitMs`, so a folder that never stops changing is still re-indexed), and
 * batches are processed one after another, never concurrently.
 */
import { watch, type FSWatcher } from 'chokidar';
import { basename, relative } from 'node:path';
import { formatOf } from './formats';
import { isSkippedPath } from './scan';

export interface ChangeBatch {
  /** Absolute paths of files added, changed or removed. */
  files: Set<string>;
  /** Absolute paths of folders removed (every article under them is gone). */
  removedDirs: Set<string>;
}

export interface FolderWatcher {
  close(): Promise<void>;
}

export async function watchFolder(
  root: string,
  onBatch: (batch: ChangeBatch) => Promise<void>,
  { debounceMs = 200, maxWaitMs = 2000, readyTimeoutMs = 15_000 } = {},
): Promise<FolderWatcher> {
  let pending: ChangeBatch = { files: new Set(), removedDirs: new Set() };
  let timer: NodeJS.Timeout | null = null;
  let firstEventAt = 0;
  let chain: Promise<void> = Promise.resolve();
  let closed = false;

  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    followSymlinks: false,
    // Files are read only once their size has been stable for a moment (editors write in steps).
    awaitWriteFinish: { stabilityThreshold: debounceMs, pollInterval: 50 },
    ignored: (path, stats) => {
      const rel = relative(root, path);
      if (!rel) return false;
      if (isSkippedPath(rel)) return true;
      return Boolean(stats?.isFile() && !formatOf(basename(path)));
    },
  });

  const flush = (): void => {
    timer = null;
    const batch = pending;
    pending = { files: new Set(), removedDirs: new Set() };
    if (closed || (batch.files.size === 0 && batch.removedDirs.size === 0)) return;
    chain = chain.then(() => (closed ? undefined : onBatch(batch))).catch(() => undefined);
  };

  const schedule = (): void => {
    const now = Date.now();
    if (!timer) firstEventAt = now;
    else clearTimeout(timer);
    const wait = Math.max(0, Math.min(debounceMs, firstEventAt + maxWaitMs - now));
    timer = setTimeout(flush, wait);
  };

  watcher.on('all', (event, path) => {
    if (closed) return;
    if (event === 'unlinkDir') pending.removedDirs.add(path);
    else if (event === 'add' || event === 'change' || event === 'unlink') {
      if (!formatOf(basename(path))) return;
      pending.files.add(path);
    } else return;
    schedule();
  });
  watcher.on('error', () => {
    // A transient watch error (a folder vanishing mid-scan) is not worth stopping for.
  });

  await new Promise<void>((resolve) => {
    const giveUp = setTimeout(resolve, readyTimeoutMs);
    watcher.once('ready', () => {
      clearTimeout(giveUp);
      resolve();
    });
  });

  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await watcher.close();
      await chain;
    },
  };
}

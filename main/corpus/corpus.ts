/**
 * openCorpus: scan a folder, read every article (from the cache when its content has
 * been seen before), index them with lunr (or load the cached index), and keep it
 * up to date while the folder changes. Searches always run against a complete
 * index: a rebuild after a change is prepared aside and swapped in when ready.
 */
import { lstat, realpath } from 'node:fs/promises';
import { basename, resolve, sep } from 'node:path';
import { ApiError } from '../../shared/api/contract';
import type { Article, ArticleFormat, ArticleSummary, FileError } from '../../shared/domain/article';
import type { CorpusInfo, SearchResult } from '../../shared/domain/corpus';
import { CorpusCache, indexKey, type ManifestEntry } from './cache';
import { formatOf } from './formats';
import { progressReporter } from './progress';
import { checkSize, DEFAULT_MAX_FILE_BYTES, extractDocument, readBytes, sha256, toReadResult, type Extraction } from './read';
import { isInside, isSkippedPath, scanFolder, toId, type ScannedFile } from './scan';
import { buildIndex, buildIndexSync, loadIndex, searchIndex, type DocIndex } from './search-index';
import type { Corpus, CorpusOptions } from './types';
import { watchFolder, type ChangeBatch, type FolderWatcher } from './watch';

const READ_CONCURRENCY = 8;
export const DEFAULT_SEARCH_LIMIT = 50;

/** One file of the corpus: an article, or the reason it could not be read. */
interface FileRecord extends ManifestEntry {
  id: string;
  absPath: string;
  article: Article | null;
  error: FileError | null;
}

interface State {
  records: Map<string, FileRecord>;
  /** Problems found while scanning (unreadable folders, links leaving the folder). */
  scanErrors: FileError[];
  index: IndexHandle;
  info: CorpusInfo;
}

/**
 * A state's lunr index: built just now, or cached on disk. A cached index is loaded
 * on first use (or by a prefetch right after opening), so reopening an unchanged
 * corpus costs no more than reading its manifest and texts.
 */
interface IndexHandle {
  get(): DocIndex;
  prefetch(): void;
}

const readyIndex = (index: DocIndex): IndexHandle => ({ get: () => index, prefetch: () => undefined });

async function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function toSummary(article: Article): ArticleSummary {
  const { text: _text, ...summary } = article;
  return summary;
}

export async function openCorpus(rootPath: string, options: CorpusOptions): Promise<Corpus> {
  const started = performance.now();
  const root = resolve(rootPath);
  const name = basename(root) || root;
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const cache = new CorpusCache(options.cacheDir, root);
  const report = progressReporter(root, options.onProgress);
  // Cache writes never fail an open: a read-only or full disk only costs speed next time.
  const pendingWrites: Promise<void>[] = [];
  const background = (write: Promise<void>): void => {
    pendingWrites.push(write.catch(() => undefined));
  };
  const flushWrites = async (): Promise<void> => {
    while (pendingWrites.length) await Promise.all(pendingWrites.splice(0));
  };

  // Extractions by text key: those in the one-file pack, and those of the files read since
  // (trimmed to the live files at each save, so edits do not pile up old texts in memory).
  let packed = new Map<string, Extraction>();
  let extractions = new Map<string, Extraction>();
  let packStale = false;

  /** A cached extraction by content hash: the pack first, then the per-file text. */
  async function cachedExtraction(hash: string, format: ArticleFormat): Promise<Extraction | null> {
    const packedExtraction = packed.get(CorpusCache.textKey(hash, format));
    if (packedExtraction) return packedExtraction;
    packStale = true;
    return cache.readExtraction(hash, format);
  }

  /** Read one file, from the cache when its size and mtime (or failing that, its content hash) are known. */
  async function readRecord(file: ScannedFile, previous: ManifestEntry | undefined): Promise<{ record: FileRecord; fromCache: boolean }> {
    const base = { id: file.id, absPath: file.absPath, size: file.size, mtimeMs: file.mtimeMs, format: file.format };
    const unchanged = previous && previous.size === file.size && previous.mtimeMs === file.mtimeMs && previous.format === file.format;
    const fail = (error: { code: FileError['code']; reason: string }, hash: string | null, fromCache: boolean) => ({
      record: { ...base, hash, article: null, error: { path: file.id, ...error } },
      fromCache,
    });

    const sizeProblem = checkSize(file.size, maxFileBytes);
    if (sizeProblem) return fail(sizeProblem, null, Boolean(unchanged));

    let hash: string | null = unchanged ? previous.hash : null;
    let extraction = hash ? await cachedExtraction(hash, file.format) : null;
    let fromCache = extraction !== null;
    if (!extraction) {
      const read = await readBytes(file.absPath, maxFileBytes);
      if (!read.ok) return fail(read.error, null, false);
      hash = sha256(read.bytes);
      extraction = await cachedExtraction(hash, file.format);
      fromCache = extraction !== null;
      if (!extraction) {
        extraction = await extractDocument(read.bytes, file.format, basename(file.absPath));
        background(cache.writeExtraction(hash, file.format, extraction));
      }
    }
    if (hash) extractions.set(CorpusCache.textKey(hash, file.format), extraction);
    const result = toReadResult(extraction, file.mtimeMs);
    if (!result.ok) return fail(result.error, hash, fromCache);
    const article: Article = {
      id: file.id,
      title: result.meta.title,
      publisher: result.meta.publisher,
      byline: result.meta.byline,
      date: result.meta.date,
      format: result.format,
      bytes: file.size,
      chars: result.text.length,
      hash: hash!,
      text: result.text,
    };
    return { record: { ...base, hash, article, error: null }, fromCache };
  }

  /** The index for these articles: from the cache when the same (id, hash) set was indexed before. */
  async function indexFor(records: Map<string, FileRecord>): Promise<IndexHandle> {
    const articles = [...records.values()].flatMap((r) => (r.article ? [r.article] : []));
    const key = indexKey(articles);
    if (await cache.hasIndex(key)) {
      let index: DocIndex | null = null;
      const fromData = (data: object | null): DocIndex | null => {
        try {
          return data ? loadIndex(data) : null;
        } catch {
          return null; // valid JSON but not a lunr index
        }
      };
      return {
        get() {
          if (index) return index;
          index = fromData(cache.readIndexSync(key));
          if (!index) {
            // The cached index was unusable: build it now, and replace it on disk.
            index = buildIndexSync(articles);
            background(cache.writeIndex(key, index.toJSON()));
          }
          return index;
        },
        prefetch() {
          if (closed || index) return;
          void cache.readIndex(key, () => !closed && !index).then((data) => {
            if (!index && !closed) index = fromData(data);
          });
        },
      };
    }
    report('indexing', 0, articles.length);
    const index = await buildIndex(articles, (done, total) => report('indexing', done, total));
    background(cache.writeIndex(key, index.toJSON()));
    return readyIndex(index);
  }

  function makeState(records: Map<string, FileRecord>, scanErrors: FileError[], index: IndexHandle, fromCache: number, since: number): State {
    const sorted = [...records.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    const articles = sorted.flatMap((r) => (r.article ? [toSummary(r.article)] : []));
    const errors = [...scanErrors, ...sorted.flatMap((r) => (r.error ? [r.error] : []))].sort((a, b) => (a.path < b.path ? -1 : 1));
    return {
      records,
      scanErrors,
      index,
      info: {
        root,
        name,
        articles,
        errors,
        stats: { files: records.size, indexed: articles.length, fromCache, errors: errors.length, ms: Math.round(performance.now() - since) },
      },
    };
  }

  const manifestOf = (records: Map<string, FileRecord>): Record<string, ManifestEntry> =>
    Object.fromEntries([...records.values()].map((r) => [r.id, { size: r.size, mtimeMs: r.mtimeMs, hash: r.hash, format: r.format }]));
  /** The manifest as last read or written, to skip rewriting (and fsyncing) an unchanged one. */
  let savedManifest = '';
  const sortedManifestJson = (files: Record<string, ManifestEntry>): string =>
    JSON.stringify(Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))));

  /** Write what changed; true if anything did. */
  async function saveCache(state: State): Promise<boolean> {
    await flushWrites();
    const files = manifestOf(state.records);
    const manifestJson = sortedManifestJson(files);
    const manifestChanged = manifestJson !== savedManifest;
    if (manifestChanged) {
      await cache.writeManifest(files).catch(() => undefined);
      savedManifest = manifestJson;
    }
    const live = new Map<string, Extraction>();
    for (const r of state.records.values()) {
      const key = r.hash ? CorpusCache.textKey(r.hash, r.format) : null;
      const extraction = key ? extractions.get(key) : undefined;
      if (key && extraction) live.set(key, extraction);
    }
    extractions = live;
    const packChanged = packStale || live.size !== packed.size;
    if (packChanged) {
      await cache.writePack(live).catch(() => undefined);
      packed = live;
      packStale = false;
    }
    return manifestChanged || packChanged;
  }

  // Watch from the start, so nothing that changes while we read is missed; batches wait for the first index.
  let state: State | null = null;
  let closed = false;
  let initialDone!: () => void;
  const initialReady = new Promise<void>((r) => (initialDone = r));
  let watcher: FolderWatcher | null = null;
  const watching = options.watch ? watchFolder(root, async (batch) => {
    await initialReady;
    if (!closed) await applyBatch(batch);
  }) : null;

  try {
    report('scanning', 0, 0);
    const scanned = await scanFolder(root);
    const [manifest, pack] = await Promise.all([cache.readManifest(), cache.readPack()]);
    packed = pack;
    savedManifest = manifest ? sortedManifestJson(manifest.files) : '';
    const records = new Map<string, FileRecord>();
    let fromCache = 0;
    let done = 0;
    report('reading', 0, scanned.files.length);
    await mapLimit(scanned.files, READ_CONCURRENCY, async (file) => {
      const { record, fromCache: hit } = await readRecord(file, manifest?.files[file.id]);
      records.set(file.id, record);
      if (hit) fromCache++;
      report('reading', ++done, scanned.files.length, file.id);
    });
    const index = await indexFor(records);
    state = makeState(records, scanned.errors, index, fromCache, started);
    if (await saveCache(state)) {
      // Something changed since the last open: sweep texts and indexes nothing refers to any more.
      const keepTexts = new Set([...records.values()].flatMap((r) => (r.hash ? [CorpusCache.textKey(r.hash, r.format)] : [])));
      await cache.prune(keepTexts, indexKey([...records.values()].flatMap((r) => (r.article ? [r.article] : [])))).catch(() => undefined);
    }
    state.info.stats.ms = Math.round(performance.now() - started);
    report('done', records.size, records.size);
    watcher = watching ? await watching : null;
    const opened = state;
    setImmediate(() => opened.index.prefetch());
  } catch (err) {
    closed = true;
    await (await watching)?.close();
    throw err;
  } finally {
    initialDone();
  }

  /** Re-read what a watcher batch touched, rebuild the index aside, swap it in, tell the listener. */
  async function applyBatch(batch: ChangeBatch): Promise<void> {
    const since = performance.now();
    const before = state!;
    const records = new Map(before.records);
    const added: string[] = [];
    const changed: string[] = [];
    const removed: string[] = [];
    let fromCache = 0;

    for (const dir of batch.removedDirs) {
      for (const record of records.values()) {
        if (record.absPath.startsWith(dir + sep)) {
          records.delete(record.id);
          removed.push(record.id);
        }
      }
    }
    const files = [...batch.files];
    let done = 0;
    report('reading', 0, files.length);
    for (const absPath of files) {
      const id = toId(root, absPath);
      const format = formatOf(basename(absPath));
      report('reading', ++done, files.length, id);
      if (!id || isSkippedPath(id) || !format) continue;
      const previous = records.get(id);
      const info = await lstat(absPath).catch(() => null);
      let target = info;
      if (info?.isSymbolicLink()) {
        const real = await realpath(absPath).catch(() => null);
        target = real && isInside(await realpath(root), real) ? await lstat(real).catch(() => null) : null;
      }
      if (!target || !target.isFile()) {
        if (previous) {
          records.delete(id);
          removed.push(id);
        }
        continue;
      }
      const { record, fromCache: hit } = await readRecord({ id, absPath, format, size: target.size, mtimeMs: target.mtimeMs }, previous);
      if (hit) fromCache++;
      records.set(id, record);
      if (!previous) added.push(id);
      else if (describe(previous) !== describe(record)) changed.push(id);
    }
    if (closed || (added.length === 0 && changed.length === 0 && removed.length === 0)) {
      if (!closed) state = { ...before, records };
      report('done', records.size, records.size);
      return;
    }
    const index = await indexFor(records);
    if (closed) return;
    state = makeState(records, before.scanErrors, index, fromCache, since);
    report('done', records.size, records.size);
    try {
      options.onChange?.({ root, added: added.sort(), changed: changed.sort(), removed: removed.sort() });
    } catch {
      // A failing listener must not stop the watcher.
    }
    await saveCache(state);
  }

  const current = (): State => state!;

  const corpus: Corpus = {
    root,
    info: () => current().info,
    getArticle(id: string): Article {
      const record = current().records.get(id);
      if (record?.article) return record.article;
      if (record?.error) throw new ApiError('not-found', `${id} could not be read: ${record.error.reason}`);
      throw new ApiError('not-found', `No article ${JSON.stringify(id)} in ${name}`);
    },
    search(query: string, limit = DEFAULT_SEARCH_LIMIT): SearchResult {
      const t0 = performance.now();
      const { records, index } = current();
      const outcome = searchIndex(index.get(), query, Math.max(1, limit), (id) => records.get(id)?.article ?? undefined);
      const result: SearchResult = { query, hits: outcome.hits, ms: Math.round((performance.now() - t0) * 100) / 100 };
      if (outcome.error) result.error = outcome.error;
      return result;
    },
    async close() {
      if (closed) return;
      closed = true;
      await watcher?.close();
      await flushWrites();
    },
  };
  return corpus;
}

/** What a reader sees of a file: enough to tell whether a watcher event changed anything. */
function describe(record: FileRecord): string {
  if (record.error) return `error:${record.hash}:${record.error.code}:${record.error.reason}`;
  const { text: _text, bytes: _bytes, ...rest } = record.article!;
  return JSON.stringify(rest);
}

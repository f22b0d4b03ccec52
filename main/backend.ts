import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ApiError, type Api, type EventName, type EventPayload } from '../shared/api';
import type { CorpusInfo } from '../shared/domain/corpus';
import { openCorpus } from './corpus';
import type { Corpus } from './corpus/types';
import type { SettingsStore } from './store/settings';

export type EventSink = <K extends EventName>(name: K, payload: EventPayload<K>) => void;

export interface BackendOptions {
  version: string;
  /** Cache for extracted texts and indexes (user-data/cache). */
  cacheDir: string;
  sampleCorpusDir: string;
  settings: SettingsStore;
  /** Delivers events to every connected UI (IPC to windows, or server-sent events). */
  emit: EventSink;
  /** Native folder dialog; absent in browser mode. */
  pickFolder?: () => Promise<string | null>;
  /** Watch the open folder for changes. Default true. */
  watch?: boolean;
}

/** The back end behind every transport: one open corpus at a time, plus settings. */
export interface Backend extends Api {
  /** The corpus open now (for in-process callers such as the CLI and tests). */
  current(): Corpus | null;
  close(): Promise<void>;
}

export function createBackend(options: BackendOptions): Backend {
  let corpus: Corpus | null = null;
  // Opening is slow; if the user opens another folder meanwhile, the last request wins.
  let generation = 0;

  const requireCorpus = (): Corpus => {
    if (!corpus) throw new ApiError('no-corpus', 'No folder is open. Open a folder of articles first.');
    return corpus;
  };

  async function open(dir: string): Promise<CorpusInfo> {
    const root = resolve(dir);
    const info = await stat(root).catch(() => null);
    if (!info) throw new ApiError('not-found', `Folder not found: ${root}`);
    if (!info.isDirectory()) throw new ApiError('invalid-args', `Not a folder: ${root}`);
    const mine = ++generation;
    const opened = await openCorpus(root, {
      cacheDir: options.cacheDir,
      watch: options.watch ?? true,
      onProgress: (progress) => options.emit('indexProgress', progress),
      onChange: (change) => options.emit('corpusChanged', change),
    });
    if (mine !== generation) {
      await opened.close();
      throw new ApiError('io', `Opening ${root} was superseded by another folder`);
    }
    const previous = corpus;
    corpus = opened;
    await previous?.close();
    options.settings.rememberFolder(root);
    return opened.info();
  }

  return {
    async getAppState() {
      return {
        version: options.version,
        canPickFolder: Boolean(options.pickFolder),
        sampleCorpus: options.sampleCorpusDir,
        recentFolders: options.settings.recentFolders(),
        corpus: corpus?.info() ?? null,
      };
    },
    openCorpus: ({ dir }) => open(dir),
    openSampleCorpus: () => open(options.sampleCorpusDir),
    async pickFolder() {
      return { dir: options.pickFolder ? await options.pickFolder() : null };
    },
    async getCorpus() {
      return requireCorpus().info();
    },
    async getArticle({ id }) {
      return requireCorpus().getArticle(id);
    },
    async search({ query, limit }) {
      return requireCorpus().search(query, limit);
    },
    current: () => corpus,
    async close() {
      generation++;
      await corpus?.close();
      corpus = null;
    },
  };
}

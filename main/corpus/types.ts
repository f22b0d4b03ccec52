import type { Article } from '../../shared/domain/article';
import type { CorpusChanged, CorpusInfo, IndexProgress, SearchResult } from '../../shared/domain/corpus';

export interface CorpusOptions {
  /** Per-user cache folder (the app's user-data folder + /cache). Extracted texts and the index live here. */
  cacheDir: string;
  /** Watch the folder and re-index added, changed and removed files. Default false. */
  watch?: boolean;
  /** Files larger than this are skipped with code 'too-large'. Default 20 MB. */
  maxFileBytes?: number;
  onProgress?: (progress: IndexProgress) => void;
  /** Called after the watcher has re-indexed. */
  onChange?: (change: CorpusChanged) => void;
}

/** An open, indexed folder of articles. */
export interface Corpus {
  readonly root: string;
  /** Articles, per-file errors and what the last (re)index did. */
  info(): CorpusInfo;
  /** One article by id (its path relative to the root). Throws ApiError('not-found'). */
  getArticle(id: string): Article;
  /** lunr search over title and body; a query lunr cannot parse yields `error`, not a throw. */
  search(query: string, limit?: number): SearchResult;
  /** Stop watching; release resources. */
  close(): Promise<void>;
}

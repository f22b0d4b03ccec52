/**
 * An in-memory ApiClient for renderer tests: a few articles, a plain substring search
 * that reports real offsets, events the test can emit, and every call recorded.
 */
import { vi } from 'vitest';
import { ApiError, type ApiClient, type AppState, type EventName, type EventPayload } from '../../../shared/api';
import type { Article } from '../../../shared/domain/article';
import type { CorpusInfo, SearchHit, SearchResult } from '../../../shared/domain/corpus';

export function makeArticle(id: string, title: string, body: string, extra: Partial<Article> = {}): Article {
  const text = `${title}\n\n${body}`;
  return {
    id,
    title,
    publisher: 'The Test Post',
    byline: null,
    date: { iso: '2020-07-23', source: 'text', surface: '23 July 2020' },
    format: 'txt',
    bytes: text.length,
    chars: text.length,
    hash: 'ab'.repeat(32),
    text,
    ...extra,
  };
}

export const SAMPLE_ARTICLES: Article[] = [
  makeArticle('a.txt', 'Prisons hold 39,000', 'The prisons have a capacity of 26,593.\n\nThey hold 39,000 people, far over capacity.'),
  makeArticle('b.txt', 'Ministry plans centres', 'Drug centres should reduce overcrowding.', {
    publisher: null,
    date: { iso: '2022-02-24', source: 'mtime' },
  }),
  makeArticle('c.txt', 'Activists freed', 'The ministry released 27 activists. Capacity was 27,000.'),
];

export interface FakeOptions {
  articles?: Article[];
  errors?: CorpusInfo['errors'];
  canPickFolder?: boolean;
  recentFolders?: string[];
  /** Folders that exist; openCorpus of anything else fails with not-found. */
  folders?: Record<string, Article[]>;
  openCorpusAtStart?: boolean;
}

export type FakeClient = ApiClient & {
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void;
  calls: Array<{ name: string; args: unknown }>;
  fail: Partial<Record<keyof ApiClient, ApiError>>;
};

export const SAMPLE_DIR = '/app/resources/sample-corpus';

export function createFakeClient(options: FakeOptions = {}): FakeClient {
  const folders: Record<string, Article[]> = { [SAMPLE_DIR]: options.articles ?? SAMPLE_ARTICLES, ...options.folders };
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: FakeClient['calls'] = [];
  const fail: FakeClient['fail'] = {};
  let open: { root: string; articles: Article[] } | null = options.openCorpusAtStart ? { root: SAMPLE_DIR, articles: folders[SAMPLE_DIR]! } : null;
  let recent = [...(options.recentFolders ?? [])];

  const info = (): CorpusInfo => {
    if (!open) throw new ApiError('no-corpus', 'No folder is open.');
    const errors = open.root === SAMPLE_DIR ? (options.errors ?? []) : [];
    return {
      root: open.root,
      name: open.root.split('/').pop()!,
      articles: open.articles.map(({ text: _text, ...summary }) => summary),
      errors,
      stats: { files: open.articles.length + errors.length, indexed: open.articles.length, fromCache: 0, errors: errors.length, ms: 12 },
    };
  };

  const record = <T>(name: keyof ApiClient, args: unknown, run: () => T): Promise<T> => {
    calls.push({ name, args });
    const failure = fail[name];
    if (failure) return Promise.reject(failure);
    try {
      return Promise.resolve(run());
    } catch (err) {
      return Promise.reject(err);
    }
  };

  const openDir = (dir: string) => {
    const articles = folders[dir];
    if (!articles) throw new ApiError('not-found', `Folder not found: ${dir}`);
    open = { root: dir, articles };
    recent = [dir, ...recent.filter((r) => r !== dir)];
    return info();
  };

  return {
    calls,
    fail,
    emit(name, payload) {
      for (const listener of listeners.get(name) ?? []) listener(payload);
    },
    on(name, listener) {
      if (!listeners.has(name)) listeners.set(name, new Set());
      listeners.get(name)!.add(listener as (payload: unknown) => void);
      return () => listeners.get(name)!.delete(listener as (payload: unknown) => void);
    },
    getAppState: (args) =>
      record('getAppState', args, (): AppState => ({
        version: '0.1.0-test',
        canPickFolder: options.canPickFolder ?? false,
        sampleCorpus: SAMPLE_DIR,
        recentFolders: recent,
        corpus: open ? info() : null,
      })),
    openCorpus: (args) => record('openCorpus', args, () => openDir(args.dir)),
    openSampleCorpus: (args) => record('openSampleCorpus', args, () => openDir(SAMPLE_DIR)),
    pickFolder: (args) => record('pickFolder', args, () => ({ dir: null })),
    getCorpus: (args) => record('getCorpus', args, info),
    getArticle: (args) =>
      record('getArticle', args, () => {
        const article = open?.articles.find((a) => a.id === args.id);
        if (!article) throw new ApiError('not-found', `No article ${args.id}`);
        return article;
      }),
    search: vi.fn((args: { query: string; limit?: number }) => record('search', args, () => substringSearch(open?.articles ?? [], args.query))),
  } as FakeClient;
}

/** Case-insensitive substring search; a query starting with ':' is a syntax error, like lunr's field syntax gone wrong. */
function substringSearch(articles: Article[], query: string): SearchResult {
  if (query.startsWith(':')) return { query, hits: [], error: `Cannot parse “${query}”: expected a field name before ':'`, ms: 1 };
  const needle = query.toLowerCase();
  const hits: SearchHit[] = [];
  for (const article of articles) {
    const haystack = article.text.toLowerCase();
    const matches = [];
    for (let at = haystack.indexOf(needle); at >= 0 && needle; at = haystack.indexOf(needle, at + needle.length)) {
      matches.push({ start: at, end: at + needle.length });
    }
    if (matches.length === 0) continue;
    const first = matches[0]!;
    const offset = Math.max(0, first.start - 10);
    const snippetText = article.text.slice(offset, first.end + 10);
    hits.push({
      id: article.id,
      title: article.title,
      score: matches.length,
      matches,
      titleMatch: article.title.toLowerCase().includes(needle),
      snippets: [{ text: snippetText, offset, highlights: [{ start: first.start - offset, end: first.end - offset }] }],
    });
  }
  return { query, hits, ms: 2 };
}

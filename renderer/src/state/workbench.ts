/**
 * The workbench's state and the actions that change it. Components read slices with
 * useWorkbench(selector) and call actions; only actions talk to the ApiClient, so a
 * test can drive the whole UI with a fake client.
 */
import type { ApiClient, AppState } from '../../../shared/api';
import type { Article, ArticleSummary } from '../../../shared/domain/article';
import type { CorpusChanged, CorpusInfo, IndexProgress, SearchHit, SearchResult } from '../../../shared/domain/corpus';
import { createStore, type Store } from './store';

export type NavView = 'sources' | 'results';

export interface Banner {
  id: number;
  kind: 'error' | 'notice';
  message: string;
}

export interface WorkbenchState {
  /** App facts from getAppState (version, folder dialog, sample path, recent folders). */
  app: Omit<AppState, 'corpus'> | null;
  /** True until the first corpus is open (or has failed to open). */
  booting: boolean;
  corpus: CorpusInfo | null;
  /** The folder being opened now, for the loading state. */
  opening: string | null;
  /** Latest indexing progress; null when idle. */
  progress: IndexProgress | null;
  selectedId: string | null;
  article: Article | null;
  articleLoading: boolean;
  /** The last search that completed (null when the search box is empty). */
  search: SearchResult | null;
  searching: boolean;
  /** Which list the navigation pane shows. */
  navView: NavView;
  /** Index of the focused search hit within the open article's matches. */
  activeHit: number;
  /** Browser mode: the "Open folder" path field is showing. */
  folderPrompt: boolean;
  banners: Banner[];
}

export const initialState: WorkbenchState = {
  app: null,
  booting: true,
  corpus: null,
  opening: null,
  progress: null,
  selectedId: null,
  article: null,
  articleLoading: false,
  search: null,
  searching: false,
  navView: 'sources',
  activeHit: 0,
  folderPrompt: false,
  banners: [],
};

const SEARCH_LIMIT = 100;

/** The search hit for the open article, if the current search matched it. */
export function hitForArticle(state: WorkbenchState): SearchHit | undefined {
  const id = state.article?.id;
  return id ? state.search?.hits.find((hit) => hit.id === id) : undefined;
}

/** The ids of the list the navigation pane shows, in order (what j/k walk through). */
export function visibleIds(state: WorkbenchState): string[] {
  if (state.navView === 'results' && state.search) return state.search.hits.map((hit) => hit.id);
  return state.corpus?.articles.map((article) => article.id) ?? [];
}

export function summaryOf(state: WorkbenchState, id: string | null): ArticleSummary | undefined {
  return id ? state.corpus?.articles.find((article) => article.id === id) : undefined;
}

export type Workbench = ReturnType<typeof createWorkbench>;

export function createWorkbench(client: ApiClient) {
  const store: Store<WorkbenchState> = createStore(initialState);
  let bannerId = 0;
  // Responses can arrive out of order; only the latest request of each kind may land.
  let articleRequest = 0;
  let searchRequest = 0;
  let openRequest = 0;

  const get = store.get;
  const update = store.update;

  function addBanner(kind: Banner['kind'], message: string) {
    update((s) => ({ banners: [...s.banners, { id: ++bannerId, kind, message }] }));
  }

  function reportError(err: unknown, context?: string) {
    const message = err instanceof Error ? err.message : String(err);
    addBanner('error', context ? `${context}: ${message}` : message);
  }

  async function refreshAppState() {
    const { corpus: _corpus, ...app } = await client.getAppState({});
    update({ app });
  }

  /** Make `corpus` current: reset search, open its first article. */
  function showCorpus(corpus: CorpusInfo) {
    searchRequest++;
    update({ corpus, search: null, searching: false, navView: 'sources', selectedId: null, article: null, activeHit: 0 });
    const first = corpus.articles[0];
    if (first) void openArticle(first.id);
  }

  /** Open a folder (or the sample corpus when dir is null). Throws so callers can decide on fallbacks. */
  async function openCorpusOrThrow(dir: string | null): Promise<CorpusInfo> {
    const mine = ++openRequest;
    update({ opening: dir ?? get().app?.sampleCorpus ?? 'sample corpus', progress: null });
    try {
      const corpus = dir === null ? await client.openSampleCorpus({}) : await client.openCorpus({ dir });
      if (mine === openRequest) showCorpus(corpus);
      void refreshAppState().catch(() => undefined);
      return corpus;
    } finally {
      if (mine === openRequest) update({ opening: null, progress: null, booting: false });
    }
  }

  async function openFolder(dir: string | null) {
    try {
      await openCorpusOrThrow(dir);
    } catch (err) {
      reportError(err, dir === null ? 'Could not open the sample corpus' : `Could not open ${dir}`);
    }
  }

  async function openArticle(id: string) {
    const mine = ++articleRequest;
    update({ selectedId: id, articleLoading: true, activeHit: 0 });
    try {
      const article = await client.getArticle({ id });
      if (mine === articleRequest) update({ article, activeHit: 0 });
    } catch (err) {
      if (mine === articleRequest) {
        update({ article: null });
        reportError(err, `Could not open ${id}`);
      }
    } finally {
      if (mine === articleRequest) update({ articleLoading: false });
    }
  }

  let started: Promise<void> | null = null;

  async function boot(): Promise<void> {
    let state: AppState;
    try {
      state = await client.getAppState({});
    } catch (err) {
      update({ booting: false });
      reportError(err, 'Could not reach the Reckon back end');
      return;
    }
    const { corpus, ...app } = state;
    update({ app });
    if (corpus) {
      showCorpus(corpus);
      update({ booting: false });
      return;
    }
    const recent = app.recentFolders[0];
    if (recent) {
      try {
        await openCorpusOrThrow(recent);
        return;
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        addBanner('notice', `Could not reopen ${recent} (${why}). Showing the sample corpus instead.`);
      }
    }
    await openFolder(null);
  }

  return {
    store,

    /**
     * First run: show the open corpus, else reopen the most recent folder, else the sample
     * corpus. Idempotent (React's StrictMode mounts twice in development).
     */
    start(): Promise<void> {
      started ??= boot();
      return started;
    },

    openFolder: (dir: string) => openFolder(dir),
    openSampleCorpus: () => openFolder(null),

    /** "Open folder…": the native dialog where there is one, else (browser mode) the path field. */
    async chooseFolder(): Promise<void> {
      if (!get().app?.canPickFolder) {
        update({ folderPrompt: true });
        return;
      }
      try {
        const { dir } = await client.pickFolder({});
        if (dir) await openFolder(dir);
      } catch (err) {
        reportError(err, 'Could not open the folder dialog');
      }
    },

    setFolderPrompt(folderPrompt: boolean) {
      update({ folderPrompt });
    },

    openArticle,

    /** j/k: open the next (+1) or previous (-1) article of the visible list. */
    moveSelection(delta: 1 | -1) {
      const ids = visibleIds(get());
      if (ids.length === 0) return;
      const current = ids.indexOf(get().selectedId ?? '');
      const next = current < 0 ? (delta > 0 ? 0 : ids.length - 1) : Math.min(ids.length - 1, Math.max(0, current + delta));
      const id = ids[next];
      if (id && (id !== get().selectedId || !get().article)) void openArticle(id);
    },

    async search(query: string) {
      const mine = ++searchRequest;
      if (query.trim() === '') {
        update({ search: null, searching: false, navView: 'sources', activeHit: 0 });
        return;
      }
      if (!get().corpus) return;
      update({ searching: true });
      try {
        const result = await client.search({ query, limit: SEARCH_LIMIT });
        if (mine === searchRequest) update({ search: result, navView: 'results', activeHit: 0 });
      } catch (err) {
        if (mine === searchRequest) reportError(err, 'Search failed');
      } finally {
        if (mine === searchRequest) update({ searching: false });
      }
    },

    clearSearch() {
      searchRequest++;
      update({ search: null, searching: false, navView: 'sources', activeHit: 0 });
    },

    setNavView(navView: NavView) {
      update({ navView });
    },

    /** Move to the next (+1) or previous (-1) search hit in the open article, wrapping around. */
    stepHit(delta: 1 | -1) {
      const count = hitForArticle(get())?.matches.length ?? 0;
      if (count === 0) return;
      update((s) => ({ activeHit: (s.activeHit + delta + count) % count }));
    },

    dismissBanner(id: number) {
      update((s) => ({ banners: s.banners.filter((b) => b.id !== id) }));
    },

    reportError,

    onIndexProgress(progress: IndexProgress) {
      update({ progress: progress.phase === 'done' && !get().opening ? null : progress });
    },

    /** The watcher re-indexed: refresh the list, the open article and the search (offsets may have moved). */
    async onCorpusChanged(change: CorpusChanged) {
      const state = get();
      if (!state.corpus || change.root !== state.corpus.root) return;
      try {
        const corpus = await client.getCorpus({});
        update({ corpus });
        const open = get().selectedId;
        if (open && change.removed.includes(open)) {
          articleRequest++;
          update({ selectedId: null, article: null, articleLoading: false });
          addBanner('notice', `${open} was removed from the folder.`);
        } else if (open && (change.changed.includes(open) || change.added.includes(open))) {
          void openArticle(open);
        }
        const query = get().search?.query;
        if (query) {
          const result = await client.search({ query, limit: SEARCH_LIMIT });
          update({ search: result });
        }
      } catch (err) {
        reportError(err, 'Could not refresh the folder');
      }
    },
  };
}

/**
 * The workbench's state and the actions that change it. Components read slices with
 * useWorkbench(selector) and call actions; only actions talk to the ApiClient, so a
 * test can drive the whole UI with a fake client.
 */
import type { ApiClient, AppState } from '../../../shared/api';
import type { AnchoredAnnotation } from '../../../shared/domain/annotation';
import type { Article, ArticleSummary } from '../../../shared/domain/article';
import type { CorpusChanged, CorpusInfo, IndexProgress, SearchHit, SearchResult } from '../../../shared/domain/corpus';
import type { ArithmeticCheck, ClaimLinks, ClaimMark, ClaimRef, ClaimRow, Series } from '../../../shared/domain/crosscheck';
import { DEFAULT_USER_SETTINGS, type Theme, type UserSettings } from '../../../shared/domain/settings';
import { createAnnotationActions, type EditorState, type UndoState } from './annotations';
import { createClaimActions } from './claims';
import { createReportActions } from './report';
import { createStore, type Store } from './store';

export type NavView = 'sources' | 'results' | 'orphans';

/** What the centre pane shows: the open article, or the corpus-wide claims table. */
export type MainView = 'reader' | 'table';

/** The claim inspector: the selected claim's links and its quantity's series, as they load. */
export interface InspectorState {
  ref: ClaimRef;
  links: ClaimLinks | null;
  series: Series | null;
  loading: boolean;
  /** Why the links could not be loaded. */
  error: string | null;
}

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

  /** The claim marks of article `claimsFor` (the open one once loaded), in reading order. */
  claims: ClaimMark[];
  claimsFor: string | null;
  /** The open article's arithmetic checks. */
  checks: ArithmeticCheck[];
  /** The selected claim (n/p, a click, a link followed); the inspector shows it. */
  activeClaim: ClaimRef | null;
  inspector: InspectorState | null;
  /** The corpus's annotations, anchored in the current texts (orphans included). */
  annotations: AnchoredAnnotation[];
  editor: EditorState | null;
  undo: UndoState | null;
  settings: UserSettings;
  view: MainView;
  /** The claims table's rows (listClaims), loaded when the table is shown. */
  claimRows: ClaimRow[] | null;
  claimRowsLoading: boolean;
  helpOpen: boolean;
  /** The Export dialog (header button or `x`) is open. */
  exportOpen: boolean;
  /** An annotation to bring into view in the reader (from the orphans list or the details panel). */
  focusAnnotation: string | null;
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
  claims: [],
  claimsFor: null,
  checks: [],
  activeClaim: null,
  inspector: null,
  annotations: [],
  editor: null,
  undo: null,
  settings: DEFAULT_USER_SETTINGS,
  view: 'reader',
  claimRows: null,
  claimRowsLoading: false,
  helpOpen: false,
  exportOpen: false,
  focusAnnotation: null,
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

/** What the action modules (claims, annotations) share with the workbench. */
export interface ActionContext {
  client: ApiClient;
  store: Store<WorkbenchState>;
  reportError(err: unknown, context?: string): void;
  addBanner(kind: Banner['kind'], message: string): void;
}

export function createWorkbench(client: ApiClient) {
  const store: Store<WorkbenchState> = createStore(initialState);
  let bannerId = 0;
  // Responses can arrive out of order; only the latest request of each kind may land.
  let articleRequest = 0;
  let searchRequest = 0;
  let openRequest = 0;

  const get = store.get;
  const update = store.update;

  /** Show a banner; the same message twice is shown once (e.g. a call that fails for every article). */
  function addBanner(kind: Banner['kind'], message: string) {
    update((s) => (s.banners.some((b) => b.kind === kind && b.message === message) ? {} : { banners: [...s.banners, { id: ++bannerId, kind, message }] }));
  }

  function reportError(err: unknown, context?: string) {
    const message = err instanceof Error ? err.message : String(err);
    addBanner('error', context ? `${context}: ${message}` : message);
  }

  const ctx: ActionContext = { client, store, reportError, addBanner };
  const claims = createClaimActions(ctx);
  const annotations = createAnnotationActions(ctx);
  const reports = createReportActions(ctx, annotations.loadAnnotations);

  async function refreshAppState() {
    const { corpus: _corpus, ...app } = await client.getAppState({});
    update({ app });
  }

  /** Make `corpus` current: reset search and claims, load its annotations, open its first article. */
  function showCorpus(corpus: CorpusInfo) {
    searchRequest++;
    articleRequest++;
    claims.resetClaims();
    update({ corpus, search: null, searching: false, navView: 'sources', selectedId: null, article: null, activeHit: 0, annotations: [], editor: null, undo: null, view: 'reader' });
    void annotations.loadAnnotations();
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

  /**
   * Open an article, with its claims and checks; `focus` selects one of its claims (a link
   * followed, a table row, a search that should land on a figure).
   */
  async function openArticle(id: string, focus: ClaimRef | null = null) {
    const mine = ++articleRequest;
    update({ selectedId: id, articleLoading: true, activeHit: 0, focusAnnotation: null });
    claims.selectClaim(focus && focus.articleId === id ? focus : null);
    void claims.loadArticleClaims(id, () => mine === articleRequest);
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

  async function loadSettings(): Promise<void> {
    try {
      update({ settings: await client.getSettings({}) });
    } catch (err) {
      reportError(err, 'Could not read the settings (using the defaults)');
    }
  }

  async function boot(): Promise<void> {
    void loadSettings();
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

    /** Open a claim: in the reader, in its article (already open or not), selected and in view. */
    openClaim(ref: ClaimRef) {
      update({ view: 'reader' });
      if (get().selectedId === ref.articleId && get().article?.id === ref.articleId) claims.selectClaim(ref);
      else void openArticle(ref.articleId, ref);
    },

    selectClaim: claims.selectClaim,
    stepClaim: claims.stepClaim,
    setView: claims.setView,
    toggleView() {
      claims.setView(get().view === 'table' ? 'reader' : 'table');
    },

    loadAnnotations: annotations.loadAnnotations,
    startAnnotation: annotations.startAnnotation,
    editAnnotation: annotations.editAnnotation,
    closeEditor: annotations.closeEditor,
    saveEditor: annotations.saveEditor,
    deleteAnnotation: annotations.deleteAnnotation,
    undoDelete: annotations.undoDelete,
    dismissUndo: annotations.dismissUndo,
    setClaimVerdict: annotations.setClaimVerdict,
    editClaimNote: annotations.editClaimNote,

    /** Change the theme now, then keep it in the settings (a failed save is reported, the choice stays). */
    async setTheme(theme: Theme): Promise<void> {
      update((s) => ({ settings: { ...s.settings, theme } }));
      try {
        const saved = await client.updateSettings({ theme });
        if (get().settings.theme === theme) update({ settings: saved });
      } catch (err) {
        reportError(err, 'Could not save the theme');
      }
    },

    /** Open an annotation's article in the reader with the annotation in view. */
    showAnnotation(id: string) {
      const annotation = get().annotations.find((a) => a.id === id);
      if (!annotation) return;
      if (get().selectedId !== annotation.target.articleId) void openArticle(annotation.target.articleId);
      update({ view: 'reader', focusAnnotation: id });
    },

    setHelpOpen(helpOpen: boolean) {
      update({ helpOpen });
    },

    setExportOpen(exportOpen: boolean) {
      update({ exportOpen });
    },
    reportPreview: reports.reportPreview,
    exportReport: reports.exportReport,
    saveReport: reports.saveReport,
    importAnnotations: reports.importAnnotations,

    /** Esc outside fields and dialogs: let go of the selected claim. */
    clearSelection() {
      if (get().activeClaim) claims.selectClaim(null);
    },

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
          claims.selectClaim(null);
          update({ selectedId: null, article: null, articleLoading: false, claims: [], claimsFor: null, checks: [] });
          addBanner('notice', `${open} was removed from the folder.`);
        } else if (open && (change.changed.includes(open) || change.added.includes(open))) {
          // Offsets may have moved: reload the text and claims; the selected claim stays selected and its links reload.
          const keep = get().activeClaim;
          claims.selectClaim(null);
          void openArticle(open, keep && keep.articleId === open ? keep : null);
        }
        // Anchors follow the edited texts; the table's rows are stale.
        void annotations.loadAnnotations();
        if (get().view === 'table') void claims.loadClaimRows();
        else update({ claimRows: null });
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

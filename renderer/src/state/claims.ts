/**
 * Claims in the reader and the claim inspector: loading an article's claim marks and
 * arithmetic checks, selecting and stepping through claims, the inspector's links and
 * series, opening a claim in another article, and the corpus-wide claims table.
 */
import type { ClaimMark, ClaimRef } from '../../../shared/domain/crosscheck';
import type { ActionContext, WorkbenchState } from './workbench';

export const sameRef = (a: ClaimRef | null | undefined, b: ClaimRef | null | undefined): boolean =>
  Boolean(a && b && a.articleId === b.articleId && a.start === b.start && a.end === b.end);

export const refOfMark = (articleId: string, mark: ClaimMark): ClaimRef => ({ articleId, start: mark.claim.start, end: mark.claim.end });

/** The open article's claim marks (empty until they have loaded for it). */
export function claimsOfOpenArticle(state: WorkbenchState): ClaimMark[] {
  return state.article && state.claimsFor === state.article.id ? state.claims : NO_CLAIMS;
}
const NO_CLAIMS: ClaimMark[] = [];

/** The selected claim's mark in the open article, if it is one of its claims. */
export function activeClaimMark(state: WorkbenchState): ClaimMark | undefined {
  const active = state.activeClaim;
  if (!active || active.articleId !== state.article?.id) return undefined;
  return claimsOfOpenArticle(state).find((m) => m.claim.start === active.start && m.claim.end === active.end);
}

export function createClaimActions(ctx: ActionContext) {
  const { client, store } = ctx;
  const { get, update } = store;
  // Only the latest request of each kind may land.
  let inspectorRequest = 0;
  let rowsRequest = 0;

  /** Load the claim marks and checks of an article; `current` says whether the request is still wanted. */
  async function loadArticleClaims(id: string, current: () => boolean): Promise<void> {
    update({ claimsFor: null, claims: [], checks: [] });
    const [claims, checks] = await Promise.allSettled([client.articleClaims({ id }), client.articleChecks({ id })]);
    if (!current()) return;
    const sorted = claims.status === 'fulfilled' ? [...claims.value.claims].sort((a, b) => a.claim.start - b.claim.start || a.claim.end - b.claim.end) : [];
    update({ claimsFor: id, claims: sorted, checks: checks.status === 'fulfilled' ? checks.value.checks : [] });
    // Not naming the article: a back end that cannot do this fails for every article, and one banner says it.
    if (claims.status === 'rejected') ctx.reportError(claims.reason, 'Could not find the claims');
    if (checks.status === 'rejected') ctx.reportError(checks.reason, 'Could not check the arithmetic');
  }

  async function loadInspector(ref: ClaimRef): Promise<void> {
    const mine = ++inspectorRequest;
    update({ inspector: { ref, links: null, series: null, loading: true, error: null } });
    const patch = (changes: Partial<NonNullable<WorkbenchState['inspector']>>) => {
      if (mine === inspectorRequest) update((s) => ({ inspector: s.inspector && { ...s.inspector, ...changes } }));
    };
    try {
      const links = await client.claimLinks(ref);
      patch({ links, loading: links.quantityId !== null });
      if (links.quantityId) patch({ series: await client.quantitySeries({ quantityId: links.quantityId }), loading: false });
    } catch (err) {
      patch({ loading: false, error: err instanceof Error ? err.message : String(err) });
    }
  }

  /** Select a claim of the open article (null: none); the inspector follows. */
  function selectClaim(ref: ClaimRef | null) {
    if (sameRef(ref, get().activeClaim) && get().inspector) return;
    update({ activeClaim: ref });
    if (ref) void loadInspector(ref);
    else {
      inspectorRequest++;
      update({ inspector: null });
    }
  }

  async function loadClaimRows(): Promise<void> {
    const mine = ++rowsRequest;
    update({ claimRowsLoading: true });
    try {
      const { rows } = await client.listClaims({});
      if (mine === rowsRequest) update({ claimRows: rows });
    } catch (err) {
      if (mine === rowsRequest) ctx.reportError(err, 'Could not list the claims');
    } finally {
      if (mine === rowsRequest) update({ claimRowsLoading: false });
    }
  }

  return {
    loadArticleClaims,
    selectClaim,

    /** n/p: select the next (+1) or previous (-1) claim of the open article, wrapping around. */
    stepClaim(delta: 1 | -1) {
      const state = get();
      const marks = claimsOfOpenArticle(state);
      if (!state.article || marks.length === 0) return;
      const current = marks.findIndex((m) => sameRef(refOfMark(state.article!.id, m), state.activeClaim));
      const next = current < 0 ? (delta > 0 ? 0 : marks.length - 1) : (current + delta + marks.length) % marks.length;
      selectClaim(refOfMark(state.article.id, marks[next]!));
    },

    /** Forget the inspector's state (a new corpus, a closed article). */
    resetClaims() {
      inspectorRequest++;
      rowsRequest++;
      update({ claims: [], claimsFor: null, checks: [], activeClaim: null, inspector: null, claimRows: null, claimRowsLoading: false });
    },

    loadClaimRows,

    /**
     * Show the reader or the claims table. The table's rows load the first time it is shown and
     * are kept until the folder changes (onCorpusChanged, a new corpus): for a large folder they
     * are tens of megabytes of JSON, and parsing them again would freeze the table just shown.
     */
    setView(view: WorkbenchState['view']) {
      if (view === get().view) return;
      update({ view });
      if (view === 'table' && !get().claimRows && !get().claimRowsLoading) void loadClaimRows();
    },
  };
}

export type ClaimActions = ReturnType<typeof createClaimActions>;


import { useMemo } from 'react';
import { plural } from '../../format';
import { useActions, useWorkbench } from '../../state/context';
import { claimsOfOpenArticle } from '../../state/claims';

/** "12 claims · 2 flagged", and "claim 3 of 12" with previous/next while one is selected. */
export function ClaimNavigator() {
  const actions = useActions();
  const claims = useWorkbench(claimsOfOpenArticle);
  const article = useWorkbench((s) => s.article);
  const activeClaim = useWorkbench((s) => s.activeClaim);
  const flagged = useMemo(() => claims.filter((m) => m.discrepancy).length, [claims]);
  if (!article || claims.length === 0) return null;
  const index = activeClaim?.articleId === article.id ? claims.findIndex((m) => m.claim.start === activeClaim.start && m.claim.end === activeClaim.end) : -1;

  return (
    <div className="claim-navigator" role="toolbar" aria-label="Claims in this article">
      <span className="claim-count">
        {plural(claims.length, 'claim')}
        {flagged > 0 && <span className="claim-flagged"> · ⚑ {flagged} flagged</span>}
      </span>
      {index >= 0 && (
        <span className="claim-position" aria-live="polite">
          claim {index + 1} of {claims.length}
          <span className="visually-hidden">: {claims[index]!.claim.text}</span>
        </span>
      )}
      <button type="button" className="button button-small" aria-label="Previous claim" title="Previous claim (P)" onClick={() => actions.stepClaim(-1)}>
        ‹
      </button>
      <button type="button" className="button button-small" aria-label="Next claim" title="Next claim (N)" onClick={() => actions.stepClaim(1)}>
        ›
      </button>
    </div>
  );
}

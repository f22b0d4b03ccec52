import { useActions, useWorkbench } from '../../state/context';
import { hitForArticle } from '../../state/workbench';

/** "hit 2 of 5" with previous/next buttons, shown while the open article has search hits. */
export function HitNavigator() {
  const actions = useActions();
  const hit = useWorkbench(hitForArticle);
  const query = useWorkbench((s) => s.search?.query);
  const activeHit = useWorkbench((s) => s.activeHit);
  const count = hit?.matches.length ?? 0;
  if (count === 0) return null;

  return (
    <div className="hit-navigator" role="toolbar" aria-label="Search hits in this article">
      <span className="hit-query">
        Search hits for “{query}”
      </span>
      <span className="hit-position" aria-live="polite">
        hit {Math.min(activeHit, count - 1) + 1} of {count}
      </span>
      <button type="button" className="button button-small" aria-label="Previous hit" title="Previous hit ([)" onClick={() => actions.stepHit(-1)}>
        ↑
      </button>
      <button type="button" className="button button-small" aria-label="Next hit" title="Next hit (])" onClick={() => actions.stepHit(1)}>
        ↓
      </button>
    </div>
  );
}

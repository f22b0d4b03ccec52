import { useActions, useWorkbench } from '../../state/context';
import type { NavView } from '../../state/workbench';
import { useMemo } from 'react';
import { needsReview } from '../../state/annotations';
import { OrphansList } from './OrphansList';
import { SearchResults } from './SearchResults';
import { SkippedFiles } from './SkippedFiles';
import { SourcesList } from './SourcesList';

/** Left pane: the folder's articles, or the search results while a search is shown. */
export function NavigationPane() {
  const actions = useActions();
  const navView = useWorkbench((s) => s.navView);
  const articleCount = useWorkbench((s) => s.corpus?.articles.length);
  const resultCount = useWorkbench((s) => (s.search ? s.search.hits.length : undefined));
  const opening = useWorkbench((s) => s.opening);
  const booting = useWorkbench((s) => s.booting);
  const annotations = useWorkbench((s) => s.annotations);
  const reviewCount = useMemo(() => annotations.filter(needsReview).length, [annotations]);
  const view: NavView = navView === 'results' && resultCount !== undefined ? 'results' : navView === 'orphans' ? 'orphans' : 'sources';

  const tab = (id: NavView, label: string, count: number | undefined) => (
    <button
      type="button"
      role="tab"
      id={`nav-tab-${id}`}
      aria-selected={view === id}
      aria-controls="nav-panel"
      className="nav-tab"
      disabled={count === undefined || (id === 'orphans' && count === 0 && view !== 'orphans')}
      onClick={() => actions.setNavView(id)}
    >
      {label}
      {count !== undefined && (count > 0 || id !== 'orphans') && <span className="nav-tab-count">{count}</span>}
    </button>
  );

  return (
    <nav className="pane nav-pane" aria-label="Sources">
      <div className="pane-toolbar" role="tablist" aria-label="Show">
        {tab('sources', 'Sources', articleCount)}
        {tab('results', 'Results', resultCount)}
        {tab('orphans', 'Orphans', reviewCount)}
      </div>
      <div className="pane-body" id="nav-panel" role="tabpanel" aria-labelledby={`nav-tab-${view}`}>
        {view === 'results' ? (
          <SearchResults />
        ) : view === 'orphans' ? (
          <OrphansList />
        ) : (
          <>
            {articleCount === 0 && <p className="list-empty">No readable articles in this folder.</p>}
            {articleCount === undefined && (
              <p className="list-empty">{opening || booting ? 'Opening…' : 'No folder open.'}</p>
            )}
            <SourcesList />
            <SkippedFiles />
          </>
        )}
      </div>
    </nav>
  );
}

import { useMemo } from 'react';
import { useActions, useWorkbench } from '../../state/context';
import { verdictLabels } from '../../state/annotations';
import { ClaimsTable } from '../table/ClaimsTable';

/** The centre pane's table view: every claim of the corpus, with the user's verdicts; a row opens the reader at it. */
export function ClaimsView() {
  const actions = useActions();
  const rows = useWorkbench((s) => s.claimRows);
  const loading = useWorkbench((s) => s.claimRowsLoading);
  const corpusName = useWorkbench((s) => s.corpus?.name);
  const annotations = useWorkbench((s) => s.annotations);
  const scale = useWorkbench((s) => s.settings.verdictScale);
  const verdicts = useMemo(() => verdictLabels(annotations, scale), [annotations, scale]);

  return (
    <section className="claims-view" aria-labelledby="claims-view-title" aria-busy={loading || undefined}>
      <header className="claims-view-head">
        <h1 className="claims-view-title" id="claims-view-title">
          Claims{corpusName ? ` in ${corpusName}` : ''}
        </h1>
        <span className="claims-view-count" aria-live="polite">
          {loading ? 'Loading…' : ''}
        </span>
        <button type="button" className="button button-small" title="Back to the reader (T)" onClick={() => actions.setView('reader')}>
          Back to the reader
        </button>
      </header>
      <div className="claims-view-body">
        {rows ? (
          <ClaimsTable rows={rows} verdicts={verdicts} onOpen={(ref) => actions.openClaim(ref)} />
        ) : (
          <p className="list-empty">{loading ? 'Finding the claims in every article…' : 'No claims to show.'}</p>
        )}
      </div>
    </section>
  );
}

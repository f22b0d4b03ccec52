import { useMemo } from 'react';
import type { AnchoredAnnotation } from '../../../../shared/domain/annotation';
import { useActions, useWorkbench } from '../../state/context';
import { needsReview, verdictOption } from '../../state/annotations';

/**
 * Annotations that lost their place: orphans (nothing in the current text matches; kept,
 * never dropped) and annotations whose figure changed (old and new quote side by side).
 */
export function OrphansList() {
  const annotations = useWorkbench((s) => s.annotations);
  const review = useMemo(() => annotations.filter(needsReview), [annotations]);
  if (review.length === 0) return <p className="list-empty">Every annotation is in its place.</p>;
  const orphans = review.filter((a) => a.anchor.state === 'orphan');
  const changed = review.filter((a) => a.anchor.state === 'changed');
  return (
    <div className="orphans">
      {orphans.length > 0 && (
        <>
          <p className="list-caption">Not found in the current texts</p>
          <ul className="item-list" aria-label="Orphaned annotations">
            {orphans.map((a) => (
              <OrphanItem key={a.id} annotation={a} />
            ))}
          </ul>
        </>
      )}
      {changed.length > 0 && (
        <>
          <p className="list-caption">The text changed</p>
          <ul className="item-list" aria-label="Annotations whose text changed">
            {changed.map((a) => (
              <OrphanItem key={a.id} annotation={a} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function OrphanItem({ annotation }: { annotation: AnchoredAnnotation }) {
  const actions = useActions();
  const scale = useWorkbench((s) => s.settings.verdictScale);
  const title = useWorkbench((s) => s.corpus?.articles.find((a) => a.id === annotation.target.articleId)?.title);
  const verdict = verdictOption(scale, annotation.verdict)?.label;
  const { state, start, end, currentQuote } = annotation.anchor;
  const placed = state === 'changed' && start !== undefined && end !== undefined && title !== undefined;
  return (
    <li className="orphan-item" data-testid="orphan-item" data-state={state}>
      <span className="orphan-article">{title ?? `${annotation.target.articleId} (no longer in the folder)`}</span>
      {state === 'changed' ? (
        <span className="orphan-quotes">
          <del className="orphan-old" aria-label="Was">
            {annotation.target.quote.exact}
          </del>
          <span aria-hidden="true"> → </span>
          <ins className="orphan-new" aria-label="Now">
            {currentQuote ?? '(unknown)'}
          </ins>
        </span>
      ) : (
        <q className="orphan-quote">{annotation.target.quote.exact}</q>
      )}
      {verdict && <span className={`verdict-badge verdict-${annotation.verdict}`}>{verdict}</span>}
      {annotation.note && <span className="orphan-note">{annotation.note}</span>}
      <span className="inline-actions">
        {placed && (
          <button
            type="button"
            className="button button-small"
            onClick={() => actions.showAnnotation(annotation.id)}
          >
            Show in text
          </button>
        )}
        <button type="button" className="button button-small" onClick={() => actions.editAnnotation(annotation.id)}>
          Edit
        </button>
        <button type="button" className="button button-small button-danger" onClick={() => void actions.deleteAnnotation(annotation.id)}>
          Delete
        </button>
      </span>
    </li>
  );
}

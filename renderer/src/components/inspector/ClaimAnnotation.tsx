import { useMemo } from 'react';
import type { ClaimRef } from '../../../../shared/domain/crosscheck';
import { useActions, useWorkbench } from '../../state/context';
import { annotationOnSpan, verdictOption } from '../../state/annotations';
import { AnnotationBodyView } from '../annotations/AnnotationBodyView';

/**
 * The selected claim's verdict and note. The verdict buttons do what keys 1–n do; the
 * annotation on the claim's span is created on the first verdict or note.
 */
export function ClaimAnnotation({ claimRef }: { claimRef: ClaimRef }) {
  const actions = useActions();
  const annotations = useWorkbench((s) => s.annotations);
  const scale = useWorkbench((s) => s.settings.verdictScale);
  const annotation = useMemo(() => annotationOnSpan(annotations, claimRef), [annotations, claimRef]);
  const current = verdictOption(scale, annotation?.verdict);

  return (
    <section className="details-section" aria-labelledby="inspector-verdict">
      <h2 className="details-heading" id="inspector-verdict">
        Your verdict
      </h2>
      <div className="verdict-buttons" role="group" aria-label="Set the verdict">
        {scale.map((option, index) => (
          <button
            key={option.id}
            type="button"
            className={`verdict-button verdict-${option.id}`}
            aria-pressed={current?.id === option.id}
            aria-keyshortcuts={index < 9 ? String(index + 1) : undefined}
            title={index < 9 ? `${option.label} (${index + 1})` : option.label}
            onClick={() => void actions.setClaimVerdict(index + 1)}
          >
            {index < 9 && <kbd aria-hidden="true">{index + 1}</kbd>}
            {option.label}
          </button>
        ))}
      </div>
      {annotation ? (
        <>
          <AnnotationBodyView annotation={annotation} showVerdict={false} />
          <div className="inline-actions">
            <button type="button" className="button button-small" title="Edit the note (E)" onClick={() => actions.editAnnotation(annotation.id, 'note')}>
              Edit note
            </button>
            <button type="button" className="button button-small button-danger" onClick={() => void actions.deleteAnnotation(annotation.id)}>
              Delete
            </button>
          </div>
        </>
      ) : (
        <div className="inline-actions">
          <button type="button" className="button button-small" title="Add a note (E)" onClick={() => actions.editClaimNote()}>
            Add a note
          </button>
        </div>
      )}
    </section>
  );
}

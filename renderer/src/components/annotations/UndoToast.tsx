import { useEffect } from 'react';
import { useActions, useWorkbench } from '../../state/context';

/** How long the Undo offer stays up. */
export const UNDO_MS = 10_000;

/** "Annotation deleted. Undo": the last deletion can be taken back for a few seconds. */
export function UndoToast() {
  const actions = useActions();
  const undo = useWorkbench((s) => s.undo);

  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => actions.dismissUndo(undo.id), UNDO_MS);
    return () => clearTimeout(timer);
  }, [undo, actions]);

  if (!undo) return null;
  return (
    <div className="toast" role="status" data-testid="undo-toast">
      <span className="toast-message">{undo.message}</span>
      <button type="button" className="button button-small" onClick={() => void actions.undoDelete()}>
        Undo
      </button>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => actions.dismissUndo(undo.id)}>
        ×
      </button>
    </div>
  );
}

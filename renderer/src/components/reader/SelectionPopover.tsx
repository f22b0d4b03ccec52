import { useEffect, useState, type RefObject } from 'react';
import type { Article } from '../../../../shared/domain/article';
import { useActions } from '../../state/context';
import { selectionToRange, type TextRange } from '../../text/selection';

interface Pending extends TextRange {
  /** Where to show the button, relative to the article element. */
  top: number;
  left: number;
}

/**
 * A small "Annotate" button that appears next to a text selection in the reader (any span,
 * a claim or not). The selection is mapped to text offsets when it is made, so the button
 * keeps working even if clicking it moves the DOM selection.
 */
export function SelectionPopover({ textRoot, article }: { textRoot: RefObject<HTMLDivElement | null>; article: Article }) {
  const actions = useActions();
  const [pending, setPending] = useState<Pending | null>(null);

  useEffect(() => {
    const root = textRoot.current;
    if (!root) return;
    const read = () => {
      const selection = window.getSelection();
      const range = selectionToRange(root, selection, article.text);
      if (!range || !selection) return setPending(null);
      setPending({ ...range, ...placeBelow(selection.getRangeAt(0), root.closest('.reader-article')) });
    };
    // A selection is made with the mouse or with Shift+arrows; read it when either ends.
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.shiftKey || event.key === 'Shift') read();
    };
    const onSelectionChange = () => {
      if (window.getSelection()?.isCollapsed) setPending(null);
    };
    // On the document: a drag that starts in the text may end in the margin.
    document.addEventListener('mouseup', read);
    document.addEventListener('keyup', onKeyUp);
    document.addEventListener('selectionchange', onSelectionChange);
    return () => {
      document.removeEventListener('mouseup', read);
      document.removeEventListener('keyup', onKeyUp);
      document.removeEventListener('selectionchange', onSelectionChange);
    };
  }, [textRoot, article]);

  // A new article starts with no selection.
  useEffect(() => setPending(null), [article]);

  if (!pending) return null;
  const quote = article.text.slice(pending.start, pending.end);
  return (
    <div className="selection-popover" style={{ top: pending.top, left: pending.left }} data-testid="selection-popover">
      <button
        type="button"
        className="button button-primary button-small"
        aria-label={`Annotate “${quote.length > 60 ? `${quote.slice(0, 59)}…` : quote}”`}
        // Keep the text selected while the button is pressed.
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => {
          actions.startAnnotation(pending);
          window.getSelection()?.removeAllRanges();
          setPending(null);
        }}
      >
        Annotate
      </button>
    </div>
  );
}

/** Just below the selection's last line, in the article element's coordinates (0,0 where layout is unknown, as in jsdom). */
function placeBelow(range: Range, frame: Element | null): { top: number; left: number } {
  const rects = typeof range.getClientRects === 'function' ? range.getClientRects() : null;
  const last = rects && rects.length > 0 ? rects[rects.length - 1] : null;
  const origin = frame?.getBoundingClientRect();
  if (!last || !origin) return { top: 0, left: 0 };
  return { top: last.bottom - origin.top + 6, left: Math.max(0, last.right - origin.left - 40) };
}

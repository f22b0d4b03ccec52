import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UNDO_MS } from '../../../../../renderer/src/components/annotations/UndoToast';
import { CROSSCHECK_ARTICLES, makeAnnotation, spanOf } from '../../fakeClient';
import { renderCrosscheck } from '../../renderApp';

afterEach(() => {
  vi.useRealTimers();
  cleanup();
});

const RFA = CROSSCHECK_ARTICLES[0]!;

describe('undo toast', () => {
  it('offers Undo for a while after a deletion, then goes away', async () => {
    const a = makeAnnotation(RFA, spanOf(RFA, '8,018'), { note: 'n' });
    const { workbench } = await renderCrosscheck({ annotations: [a] });
    vi.useFakeTimers();
    await act(() => workbench.deleteAnnotation(a.id));
    const toast = screen.getByTestId('undo-toast');
    expect(toast.getAttribute('role')).toBe('status');
    act(() => vi.advanceTimersByTime(UNDO_MS - 100));
    expect(screen.getByTestId('undo-toast')).toBeTruthy();
    act(() => vi.advanceTimersByTime(200));
    expect(screen.queryByTestId('undo-toast')).toBeNull();
  });

  it('can be dismissed, which keeps the deletion', async () => {
    const a = makeAnnotation(RFA, spanOf(RFA, '8,018'));
    const { client, workbench } = await renderCrosscheck({ annotations: [a] });
    await act(() => workbench.deleteAnnotation(a.id));
    fireEvent.click(within(screen.getByTestId('undo-toast')).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByTestId('undo-toast')).toBeNull());
    expect(client.annotations).toHaveLength(0);
    expect(client.calls.some((c) => c.name === 'restoreAnnotation')).toBe(false);
  });
});

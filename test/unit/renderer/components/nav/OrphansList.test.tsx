import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CROSSCHECK_ARTICLES, makeAnnotation, spanOf } from '../../fakeClient';
import { renderCrosscheck } from '../../renderApp';

afterEach(cleanup);

const [RFA, VOD] = CROSSCHECK_ARTICLES as [(typeof CROSSCHECK_ARTICLES)[0], (typeof CROSSCHECK_ARTICLES)[0]];

/** An annotation whose passage is gone from the text. */
const orphan = () =>
  makeAnnotation(RFA, spanOf(RFA, 'more than 38,990'), { verdict: 'misleading', note: 'The count was for May.' }, { state: 'orphan' });

/** An annotation whose figure changed: "About 40,000" now reads "About 41,000" (same offsets). */
function changed() {
  const span = spanOf(VOD, 'About 40,000');
  return makeAnnotation(VOD, span, { note: 'Rounded up?' }, { state: 'changed', start: span.start, end: span.end, currentQuote: 'About 41,000', score: 0.8 });
}

async function openOrphans() {
  const tab = screen.getByRole('tab', { name: /Orphans/ });
  await waitFor(() => expect((tab as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(tab);
  return screen.getByRole('tabpanel');
}

describe('orphans list', () => {
  it('lists orphaned annotations with their quote and note, and changed ones with the old and new quote', async () => {
    await renderCrosscheck({ annotations: [orphan(), changed()] });
    await waitFor(() => expect(within(screen.getByRole('tab', { name: /Orphans/ })).getByText('2')).toBeTruthy());
    const panel = await openOrphans();
    const items = within(panel).getAllByTestId('orphan-item');
    expect(items.map((i) => i.dataset.state)).toEqual(['orphan', 'changed']);
    const [lost, moved] = items as [HTMLElement, HTMLElement];
    expect(within(lost).getByText('more than 38,990', { selector: 'q' })).toBeTruthy();
    expect(lost.textContent).toContain('The count was for May.');
    expect(lost.textContent).toContain('Misleading');
    expect(lost.textContent).toContain('Cambodia’s prisons at 300 percent');
    expect(within(moved).getByText('About 40,000', { selector: 'del' })).toBeTruthy();
    expect(within(moved).getByText('About 41,000', { selector: 'ins' })).toBeTruthy();
    expect(within(moved).queryByRole('button', { name: 'Show in text' })).not.toBeNull();
    expect(within(lost).queryByRole('button', { name: 'Show in text' })).toBeNull();
  });

  it('does not highlight an orphan in the reader; a changed one is highlighted where it now is', async () => {
    const lost = orphan();
    const moved = changed();
    const { workbench } = await renderCrosscheck({ annotations: [lost, moved] });
    expect(screen.getByTestId('reader').querySelector(`[data-annotation-id="${lost.id}"]`)).toBeNull();
    Element.prototype.scrollIntoView = vi.fn();
    const panel = await openOrphans();
    fireEvent.click(within(panel).getByRole('button', { name: 'Show in text' }));
    await waitFor(() => expect(screen.getByTestId('reader').dataset.id).toBe('vod.txt'));
    const mark = await waitFor(() => {
      const found = screen.getByTestId('reader').querySelector<HTMLElement>(`[data-annotation-id="${moved.id}"]`);
      expect(found).not.toBeNull();
      return found!;
    });
    expect(mark.className).toContain('note-changed');
    expect(mark.className).toContain('is-focused');
    expect(mark.title).toContain('was “About 40,000”');
    expect(Element.prototype.scrollIntoView).toHaveBeenCalled();
    expect(workbench.store.get().view).toBe('reader');
  });

  it('edits and deletes an orphan from the list', async () => {
    const lost = orphan();
    const { client } = await renderCrosscheck({ annotations: [lost] });
    const panel = await openOrphans();
    fireEvent.click(within(panel).getByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit annotation' });
    expect(within(dialog).getByText('“more than 38,990”')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(client.annotations).toHaveLength(0));
    expect(within(screen.getByRole('tabpanel')).getByText('Every annotation is in its place.')).toBeTruthy();
  });

  it('keeps the tab disabled while nothing needs review', async () => {
    await renderCrosscheck();
    expect((screen.getByRole('tab', { name: /Orphans/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says so in a banner when the annotations file was damaged and recovered', async () => {
    await renderCrosscheck({ recoveredFrom: '/data/annotations.json.damaged-2024' });
    const banner = await screen.findByTestId('banner-notice');
    expect(banner.textContent).toMatch(/annotations file could not be read.*\/data\/annotations\.json\.damaged-2024/);
  });
});

import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../shared/api';
import { parseTags } from '../../../../../renderer/src/components/annotations/AnnotationEditor';
import { CROSSCHECK_ARTICLES, makeAnnotation, spanOf } from '../../fakeClient';
import { claimMarks, renderCrosscheck, selectInReader } from '../../renderApp';

afterEach(() => {
  window.getSelection()?.removeAllRanges();
  cleanup();
});

const RFA = CROSSCHECK_ARTICLES[0]!;
const reader = () => screen.getByTestId('reader');

describe('annotating a selection', () => {
  it('offers Annotate for any selected text and saves verdict, note and tags on exactly that span', async () => {
    const { client } = await renderCrosscheck();
    selectInReader('prison population having grown fast');
    const button = await screen.findByRole('button', { name: 'Annotate “prison population having grown fast”' });
    fireEvent.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Annotate' });
    expect(within(dialog).getByText('“prison population having grown fast”')).toBeTruthy();
    // Focus starts in the dialog, on the verdicts.
    expect(dialog.contains(document.activeElement)).toBe(true);
    fireEvent.click(within(dialog).getByLabelText(/Needs context/));
    fireEvent.change(within(dialog).getByLabelText('Note'), { target: { value: 'Grown from what?' } });
    fireEvent.change(within(dialog).getByLabelText(/Tags/), { target: { value: 'prisons, trend, prisons' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const span = spanOf(RFA, 'prison population having grown fast');
    expect(client.calls.find((c) => c.name === 'createAnnotation')!.args).toEqual({
      ...span,
      verdict: 'needs-context',
      note: 'Grown from what?',
      tags: ['prisons', 'trend'],
      evidence: [],
    });
    const mark = await waitFor(() => {
      const found = reader().querySelector<HTMLElement>('mark.note');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(mark.textContent).toBe('prison population having grown fast');
    expect(screen.queryByTestId('selection-popover')).toBeNull();
    // The details panel lists it.
    expect(screen.getByTestId('article-annotation').textContent).toContain('Grown from what?');
  });

  it('maps a selection across claim and hit marks to the right offsets', async () => {
    const { client } = await renderCrosscheck();
    selectInReader('rose by 19 percent from 8,018');
    fireEvent.click(await screen.findByRole('button', { name: /^Annotate/ }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(client.annotations).toHaveLength(1));
    expect(client.annotations[0]!.target.quote.exact).toBe('rose by 19 percent from 8,018');
  });

  it('hides the button when the selection is gone and offers nothing for a selection outside the text', async () => {
    await renderCrosscheck();
    selectInReader('prisoners were held');
    expect(await screen.findByTestId('selection-popover')).toBeTruthy();
    act(() => {
      window.getSelection()!.removeAllRanges();
      document.dispatchEvent(new Event('selectionchange'));
    });
    expect(screen.queryByTestId('selection-popover')).toBeNull();
    // From the byline into the text: not a span of the article's text.
    const byline = reader().querySelector('.reader-byline')!;
    const text = screen.getByTestId('reader-text');
    const range = document.createRange();
    range.setStart(byline.firstChild!, 0);
    range.setEnd(text.querySelector('p')!.firstChild!, 4);
    window.getSelection()!.addRange(range);
    fireEvent.mouseUp(text);
    expect(screen.queryByTestId('selection-popover')).toBeNull();
  });

  it('attaches linked claims, articles and addresses as evidence', async () => {
    const { client } = await renderCrosscheck();
    fireEvent.click(claimMarks().find((m) => m.textContent === 'more than 38,990')!);
    const inspector = await screen.findByTestId('claim-inspector');
    await waitFor(() => expect(within(inspector).getAllByTestId('link-row')).toHaveLength(2));
    fireEvent.click(within(inspector).getByRole('button', { name: 'Add a note' }));
    const dialog = await screen.findByRole('dialog', { name: 'Annotate' });
    const linked = within(dialog).getByRole('group', { name: 'Linked claims' });
    fireEvent.click(within(linked).getByLabelText(/“some 39,000” in Prison numbers/));
    fireEvent.change(within(dialog).getByLabelText('Article to add as evidence'), { target: { value: 'vod.txt' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add article' }));
    fireEvent.change(within(dialog).getByLabelText('Address to add as evidence'), { target: { value: 'https://example.org/report.pdf' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add address' }));
    expect(within(within(dialog).getByRole('list', { name: 'Evidence attached' })).getAllByRole('listitem')).toHaveLength(3);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(client.annotations).toHaveLength(1));
    expect(client.annotations[0]!.evidence).toEqual([
      { kind: 'claim', ref: spanOf(CROSSCHECK_ARTICLES[2]!, 'some 39,000') },
      { kind: 'article', articleId: 'vod.txt' },
      { kind: 'url', url: 'https://example.org/report.pdf' },
    ]);
    // The inspector shows the evidence; the claim one opens the figure.
    const evidence = await within(screen.getByTestId('claim-inspector')).findByRole('list', { name: 'Evidence' });
    expect(evidence.textContent).toContain('“some 39,000” in Prison numbers');
    fireEvent.click(within(evidence).getByRole('button', { name: /some 39,000/ }));
    await waitFor(() => expect(reader().dataset.id).toBe('khmer.txt'));
  });

  it('Escape cancels without saving', async () => {
    const { client } = await renderCrosscheck();
    selectInReader('prisoners were held');
    fireEvent.click(await screen.findByRole('button', { name: /^Annotate/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.keyDown(within(dialog).getByLabelText('Note'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(client.calls.some((c) => c.name === 'createAnnotation')).toBe(false);
  });

  it('keeps the editor open with the text when saving fails', async () => {
    await renderCrosscheck({}, (client) => {
      client.fail.createAnnotation = new ApiError('io', 'disk full');
    });
    selectInReader('prisoners were held');
    fireEvent.click(await screen.findByRole('button', { name: /^Annotate/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Note'), { target: { value: 'keep me' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Could not save the annotation: disk full/);
    expect((within(screen.getByRole('dialog')).getByLabelText('Note') as HTMLTextAreaElement).value).toBe('keep me');
  });
});

describe('editing and deleting', () => {
  it('deletes an annotation and brings it back with Undo', async () => {
    const note = makeAnnotation(RFA, spanOf(RFA, '8,018'), { verdict: 'inaccurate', note: 'Was 8,108 in the report.', tags: ['typo'] });
    const { client } = await renderCrosscheck({ annotations: [note] });
    fireEvent.click(claimMarks().find((m) => m.textContent === '8,018')!);
    const inspector = await screen.findByTestId('claim-inspector');
    expect(within(inspector).getByText('Was 8,108 in the report.')).toBeTruthy();
    fireEvent.click(within(inspector).getByRole('button', { name: 'Delete' }));

    const toast = await screen.findByTestId('undo-toast');
    expect(toast.textContent).toMatch(/Annotation on “8,018” deleted/);
    expect(client.annotations).toHaveLength(0);
    await waitFor(() => expect(reader().querySelector('mark.note')).toBeNull());
    expect(claimMarks().find((m) => m.textContent === '8,018')!.dataset.verdict).toBeUndefined();

    fireEvent.click(within(toast).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(screen.queryByTestId('undo-toast')).toBeNull());
    expect(client.calls.find((c) => c.name === 'restoreAnnotation')!.args).toEqual({
      annotation: expect.objectContaining({ id: note.id, note: 'Was 8,108 in the report.', tags: ['typo'] }),
    });
    await waitFor(() => expect(reader().querySelector(`mark.note[data-annotation-id="${note.id}"]`)).not.toBeNull());
    expect(claimMarks().find((m) => m.textContent === '8,018')!.dataset.verdict).toBe('Inaccurate');
  });

  it('deletes from the editor, and edits keep the fields not changed', async () => {
    const note = makeAnnotation(RFA, spanOf(RFA, '9,572'), { verdict: 'accurate', note: 'ok', evidence: [{ kind: 'article', articleId: 'vod.txt' }] });
    const { client, workbench } = await renderCrosscheck({ annotations: [note] });
    act(() => workbench.editAnnotation(note.id));
    let dialog = await screen.findByRole('dialog', { name: 'Edit annotation' });
    expect((within(dialog).getByLabelText(/Accurate/) as HTMLInputElement).checked).toBe(true);
    fireEvent.change(within(dialog).getByLabelText(/Tags/), { target: { value: 'checked' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(client.annotations[0]!.tags).toEqual(['checked']));
    expect(client.annotations[0]!.evidence).toEqual([{ kind: 'article', articleId: 'vod.txt' }]);
    expect(client.annotations[0]!.verdict).toBe('accurate');

    act(() => workbench.editAnnotation(note.id));
    dialog = await screen.findByRole('dialog', { name: 'Edit annotation' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.annotations).toHaveLength(0);
    expect(await screen.findByTestId('undo-toast')).toBeTruthy();
  });
});

describe('parseTags', () => {
  it('splits on commas, trims, drops empties and duplicates', () => {
    expect(parseTags(' prisons,  , drugs,prisons ')).toEqual(['prisons', 'drugs']);
    expect(parseTags('')).toEqual([]);
    expect(parseTags('x'.repeat(80))).toEqual(['x'.repeat(64)]);
  });
});

import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CROSSCHECK_ARTICLES, makeAnnotation, makeArticle, spanOf } from '../../fakeClient';
import { claimMarks, claimTexts, renderApp, renderCrosscheck } from '../../renderApp';

afterEach(cleanup);

const ALL_KINDS = makeArticle(
  'kinds.txt',
  'Seizures',
  'Police seized 720 kilogrammes of drugs worth $6.6 billion, 19 percent more than the 26 tonnes seized over three years. The 52-year-old officer said 27 people were held at 40C.',
);

const reader = () => screen.getByTestId('reader');
const [RFA, VOD] = CROSSCHECK_ARTICLES as [(typeof CROSSCHECK_ARTICLES)[0], (typeof CROSSCHECK_ARTICLES)[0]];

describe('claim highlights', () => {
  it('marks every claim the back end reports, at its exact characters, coloured by kind', async () => {
    renderApp({ articles: [ALL_KINDS] });
    await waitFor(() => expect(claimMarks()).toHaveLength(8));
    expect(claimTexts()).toEqual(['720 kilogrammes', '$6.6 billion', '19 percent', '26 tonnes', 'over three years', '52-year', '27', '40C']);
    expect(claimMarks().map((m) => m.className.split(' ').find((c) => c.startsWith('claim-')))).toEqual([
      'claim-measure',
      'claim-money',
      'claim-percent',
      'claim-measure',
      'claim-duration',
      'claim-age',
      'claim-count',
      'claim-temperature',
    ]);
    // The reader still holds exactly the article's text.
    expect([...reader().querySelectorAll('p.reader-paragraph')].map((p) => p.textContent).join('\n\n')).toBe(ALL_KINDS.text);
  });

  it('shows the normalised value, unit, quantity and time on hover', async () => {
    await renderCrosscheck();
    const more = claimMarks().find((m) => m.textContent === 'more than 38,990')!;
    expect(more.title.split('\n')[0]).toBe('38,990 < x, count, prisoner, March 2020');
  });

  it('marks flagged claims with a wavy underline class, a ⚑ badge and words in the tooltip, not colour alone', async () => {
    await renderCrosscheck();
    // 8,018 and 9,572 count the same cases and differ: both flagged. "more than 38,990" agrees with its links.
    const flagged = claimMarks().filter((m) => m.dataset.flagged === 'true');
    expect(flagged.map((m) => m.textContent)).toEqual(['8,018', '9,572']);
    for (const mark of flagged) {
      expect(mark.classList.contains('is-flagged')).toBe(true);
      expect(mark.dataset.badge).toBe('⚑');
      expect(mark.title).toMatch(/Flagged: another source differs/);
    }
    const calm = claimMarks().find((m) => m.textContent === 'more than 38,990')!;
    expect(calm.classList.contains('is-flagged')).toBe(false);
    expect(calm.dataset.badge).toBeUndefined();
    expect(screen.getByRole('toolbar', { name: 'Claims in this article' }).textContent).toMatch(/⚑ 2 flagged/);
  });

  it('marks claims with a verdict with the verdict’s label', async () => {
    const annotated = makeAnnotation(RFA, spanOf(RFA, 'more than 38,990'), { verdict: 'needs-context', note: 'Which month?' });
    await renderCrosscheck({ annotations: [annotated] });
    await waitFor(() => expect(claimMarks().find((m) => m.textContent === 'more than 38,990')?.dataset.verdict).toBe('Needs context'));
    const mark = claimMarks().find((m) => m.textContent === 'more than 38,990')!;
    expect(mark.classList.contains('has-verdict')).toBe(true);
    expect(mark.dataset.badge).toBe('Needs context');
    expect(mark.title).toMatch(/Verdict: Needs context/);
    // The annotation's own highlight wraps the claim.
    expect(mark.closest('mark.note')?.getAttribute('data-annotation-id')).toBe(annotated.id);
  });

  it('nests search hits inside claims and splits a claim cut by an annotation’s edge', async () => {
    const note = makeAnnotation(RFA, { articleId: RFA.id, start: spanOf(RFA, 'In March').start, end: spanOf(RFA, 'more than').end });
    await renderCrosscheck({ annotations: [note] });
    const input = screen.getByTestId('search-input');
    fireEvent.change(input, { target: { value: '38,9' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(reader().querySelectorAll('mark.claim mark.hit')).toHaveLength(1));
    expect(reader().querySelector('mark.claim mark.hit')!.textContent).toBe('38,9');
    // The claim is cut in three pieces (annotation edge, hit): one badge at most, on the last piece.
    const pieces = [...reader().querySelectorAll<HTMLElement>('mark.claim')].filter((m) => m.dataset.claimIndex === claimMarks()[1]!.dataset.claimIndex);
    expect(pieces.map((p) => p.textContent).join('')).toBe('more than 38,990');
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    expect(pieces[0]!.closest('mark.note')).not.toBeNull();
    expect(pieces[pieces.length - 1]!.closest('mark.note')).toBeNull();
  });

  it('selects a claim on click and shows the claim inspector', async () => {
    await renderCrosscheck();
    fireEvent.click(claimMarks().find((m) => m.textContent === '8,018')!);
    const inspector = await screen.findByTestId('claim-inspector');
    expect(within(inspector).getByTestId('inspector-surface').textContent).toMatch(/“8,018”/);
    expect(screen.getByRole('complementary', { name: 'Claim inspector' })).toBeTruthy();
    const selected = reader().querySelector('mark.claim[aria-current="true"]');
    expect(selected?.textContent).toBe('8,018');
  });

  it('highlights annotated spans that are not claims, and a click opens them for editing', async () => {
    const note = makeAnnotation(VOD, spanOf(VOD, 'prisoners are held'), { note: 'Held where?' });
    const { workbench } = await renderCrosscheck({ annotations: [note] });
    await act(() => workbench.openArticle(VOD.id));
    const mark = await waitFor(() => {
      const found = reader().querySelector<HTMLElement>(`mark.note[data-annotation-id="${note.id}"]`);
      expect(found).not.toBeNull();
      return found!;
    });
    expect(mark.textContent).toBe('prisoners are held');
    expect(mark.title).toMatch(/Note: Held where\?/);
    fireEvent.click(mark);
    const dialog = await screen.findByRole('dialog', { name: 'Edit annotation' });
    expect((within(dialog).getByLabelText('Note') as HTMLTextAreaElement).value).toBe('Held where?');
  });

  it('says how many claims the article has and steps through them with the toolbar', async () => {
    await renderCrosscheck();
    const toolbar = screen.getByRole('toolbar', { name: 'Claims in this article' });
    expect(toolbar.textContent).toMatch(/5 claims/);
    fireEvent.click(within(toolbar).getByRole('button', { name: 'Next claim' }));
    // Announced politely with the figure, for those who cannot see the outline move.
    await waitFor(() => expect(toolbar.querySelector('[aria-live="polite"]')?.textContent).toBe('claim 1 of 5: 300 percent'));
    fireEvent.click(within(toolbar).getByRole('button', { name: 'Previous claim' }));
    expect(toolbar.querySelector('[aria-live="polite"]')?.textContent).toBe('claim 5 of 5: 9,572');
  });
});

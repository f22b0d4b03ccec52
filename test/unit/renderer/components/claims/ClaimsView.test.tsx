import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../../shared/api';
import { CROSSCHECK_ARTICLES, makeAnnotation, spanOf } from '../../fakeClient';
import { renderCrosscheck } from '../../renderApp';

afterEach(cleanup);

const KHMER = CROSSCHECK_ARTICLES[2]!;

async function showTable() {
  fireEvent.click(screen.getByRole('button', { name: 'Claims', pressed: false }));
  const main = await screen.findByRole('main', { name: 'All claims' });
  await waitFor(() => expect(within(main).getAllByRole('row').length).toBeGreaterThan(1));
  return main;
}

const rowWith = (main: HTMLElement, text: string) => within(main).getAllByRole('row').find((row) => row.textContent?.includes(text))!;

describe('claims table view', () => {
  it('shows every claim of the corpus from listClaims, with the user’s verdicts', async () => {
    const verdict = makeAnnotation(KHMER, spanOf(KHMER, 'some 39,000'), { verdict: 'mostly-accurate' });
    const { client } = await renderCrosscheck({ annotations: [verdict] });
    const main = await showTable();
    expect(client.calls.filter((c) => c.name === 'listClaims')).toHaveLength(1);
    expect(within(main).getByTestId('claims-count').textContent).toBe('7 claims');
    expect(rowWith(main, 'some 39,000').textContent).toContain('Mostly accurate');
    expect(screen.getByRole('button', { name: 'Claims' }).getAttribute('aria-pressed')).toBe('true');
    // The table takes the details panel's room.
    expect(screen.queryByRole('complementary')).toBeNull();
  });

  it('opens the reader at a claim when its row is clicked', async () => {
    Element.prototype.scrollIntoView = vi.fn();
    await renderCrosscheck();
    const main = await showTable();
    fireEvent.click(rowWith(main, 'some 39,000'));
    await waitFor(() => expect(screen.getByRole('main', { name: 'Reader' })).toBeTruthy());
    await waitFor(() => expect(screen.getByTestId('reader').dataset.id).toBe('khmer.txt'));
    await waitFor(() => expect(screen.getByTestId('reader').querySelector('mark.claim[aria-current="true"]')?.textContent).toBe('some 39,000'));
    expect(await screen.findByTestId('claim-inspector')).toBeTruthy();
  });

  it('goes back to the reader with the header toggle, and keeps the rows for when it is shown again', async () => {
    const { client } = await renderCrosscheck();
    await showTable();
    fireEvent.click(screen.getByRole('button', { name: 'Reader' }));
    expect(screen.getByRole('main', { name: 'Reader' })).toBeTruthy();
    const main = await showTable();
    expect(within(main).getByTestId('claims-count').textContent).toBe('7 claims');
    expect(client.calls.filter((c) => c.name === 'listClaims')).toHaveLength(1);
  });

  it('reports a failure to list the claims', async () => {
    await renderCrosscheck({}, (client) => {
      client.fail.listClaims = new ApiError('internal', 'index gone');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Claims' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Could not list the claims: index gone/);
    expect(screen.getByText('No claims to show.')).toBeTruthy();
  });
});

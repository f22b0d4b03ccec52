import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../../shared/api';
import { claimMarks, renderCrosscheck } from '../../renderApp';

afterEach(cleanup);

/** Record which marks were scrolled into view (jsdom has no layout, so no scrollIntoView). */
let scrolled: Element[] = [];
beforeEach(() => {
  scrolled = [];
  Element.prototype.scrollIntoView = vi.fn(function (this: Element) {
    scrolled.push(this);
  });
});

async function openInspectorOn(figure: string) {
  fireEvent.click(claimMarks().find((m) => m.textContent === figure)!);
  const inspector = await screen.findByTestId('claim-inspector');
  await waitFor(() => expect(within(inspector).queryByText(/Looking for the same figure/)).toBeNull());
  return inspector;
}

const rowsOf = (inspector: HTMLElement) =>
  within(inspector)
    .queryAllByTestId('link-row')
    .map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));

describe('claim inspector', () => {
  it('describes the claim: surface, value and unit, interval and qualifier in words, time with its basis, what it counts', async () => {
    await renderCrosscheck();
    const inspector = await openInspectorOn('more than 38,990');
    const row = (label: string) => within(inspector).getByText(label, { selector: 'dt' }).nextElementSibling!.textContent;
    expect(within(inspector).getByTestId('inspector-surface').textContent).toBe('“more than 38,990”');
    expect(row('Value')).toBe('38,990 (count)');
    expect(row('Interval')).toBe('more than 38,990');
    expect(row('Qualifier')).toBe('“more than” (more than)');
    expect(row('Time')).toBe('March 2020stated in the text');
    expect(row('Counts')).toMatch(/^prisoners/);
    expect(within(inspector).getByText(/In March 2020 more than 38,990 prisoners were held/, { selector: 'blockquote' })).toBeTruthy();
  });

  it('lists the other sources with their date, figure and relation badge', async () => {
    await renderCrosscheck();
    const inspector = await openInspectorOn('more than 38,990');
    expect(rowsOf(inspector)).toEqual([
      ['Overcrowded prisons', 'article date, 2020-05-02', 'About 40,000', 'agrees'],
      ['Prison numbers', 'June 2021', 'some 39,000', 'other time'],
    ]);
    const badges = within(inspector).getAllByTestId('relation-badge');
    expect(badges.map((b) => b.className)).toEqual(['relation relation-agrees', 'relation relation-other-time']);
  });

  it('shows a difference in per cent, and the arithmetic that uses the claim with its formula and verdict', async () => {
    await renderCrosscheck();
    const inspector = await openInspectorOn('8,018');
    expect(rowsOf(inspector)).toEqual([['This article', 'article date, 2020-07-23', '9,572', 'differs by 16%']]);
    expect(within(inspector).getByText('⚑ flagged')).toBeTruthy();
    const [check] = within(inspector).getAllByTestId('check-item');
    expect(check!.textContent).toContain('(9,572 − 8,018) ÷ 8,018 × 100 = 19.4%');
    expect(check!.textContent).toContain('adds up');
    expect(check!.textContent).toContain('this figure is an input');
    expect(check!.textContent).toContain('19 percent is consistent');
  });

  it('says so when no other source reports the quantity and no calculation uses it', async () => {
    await renderCrosscheck();
    const inspector = await openInspectorOn('300 percent');
    expect(within(inspector).getByText('No other source reports this quantity.')).toBeTruthy();
    expect(within(inspector).getByText('No calculation in this article uses this figure.')).toBeTruthy();
  });

  it('opens a linked claim’s article at that figure, selected and scrolled into view', async () => {
    const { client } = await renderCrosscheck();
    const inspector = await openInspectorOn('more than 38,990');
    fireEvent.click(within(inspector).getAllByTestId('link-row')[1]!);
    await waitFor(() => expect(screen.getByTestId('reader').dataset.id).toBe('khmer.txt'));
    await waitFor(() => expect(screen.getByTestId('reader').querySelector('mark.claim[aria-current="true"]')?.textContent).toBe('some 39,000'));
    expect(scrolled.some((element) => element.textContent === 'some 39,000')).toBe(true);
    // The inspector follows: now on the Khmer Times figure, linking back.
    const next = await screen.findByTestId('claim-inspector');
    expect(within(next).getByTestId('inspector-surface').textContent).toBe('“some 39,000”');
    await waitFor(() => expect(rowsOf(next).map((r) => r[0])).toEqual(['Cambodia’s prisons at 300 percent', 'Overcrowded prisons']));
    expect(client.calls.filter((c) => c.name === 'getArticle').map((c) => (c.args as { id: string }).id)).toEqual(['rfa.txt', 'khmer.txt']);
    // The sources list follows the open article.
    expect(screen.getAllByTestId('source-item').find((item) => item.getAttribute('aria-current') === 'true')?.dataset.id).toBe('khmer.txt');
  });

  it('draws the quantity’s series with this claim marked, and a point opens its claim', async () => {
    await renderCrosscheck();
    const inspector = await openInspectorOn('more than 38,990');
    const chart = await within(inspector).findByTestId('timeline-chart');
    const points = within(chart).getAllByTestId('timeline-point');
    expect(points).toHaveLength(3);
    const current = points.filter((p) => p.getAttribute('aria-current') === 'true');
    expect(current).toHaveLength(1);
    expect(current[0]!.getAttribute('aria-label')).toMatch(/38,990.*\(this claim\)/);
    expect(within(inspector).getByRole('heading', { name: 'Over time: prisoner' })).toBeTruthy();
    fireEvent.click(points.find((p) => /40,000/.test(p.getAttribute('aria-label') ?? ''))!);
    await waitFor(() => expect(screen.getByTestId('reader').dataset.id).toBe('vod.txt'));
    await waitFor(() => expect(screen.getByTestId('reader').querySelector('mark.claim[aria-current="true"]')?.textContent).toBe('About 40,000'));
  });

  it('draws no chart for a claim without linked claims', async () => {
    await renderCrosscheck();
    const inspector = await openInspectorOn('300 percent');
    expect(within(inspector).queryByTestId('timeline-chart')).toBeNull();
  });

  it('reports a failure to link inline and keeps the rest of the inspector', async () => {
    await renderCrosscheck({}, (client) => {
      client.fail.claimLinks = new ApiError('internal', 'linker crashed');
    });
    fireEvent.click(claimMarks().find((m) => m.textContent === '8,018')!);
    const inspector = await screen.findByTestId('claim-inspector');
    expect((await within(inspector).findByRole('alert')).textContent).toMatch(/Could not link this claim: linker crashed/);
    expect(within(inspector).getByTestId('inspector-surface').textContent).toMatch(/^“8,018”/);
    expect(within(inspector).getAllByTestId('check-item')).toHaveLength(1);
  });

  it('closes, returning the panel to the article details', async () => {
    await renderCrosscheck();
    const inspector = await openInspectorOn('8,018');
    fireEvent.click(within(inspector).getByRole('button', { name: 'Close the claim inspector' }));
    expect(screen.queryByTestId('claim-inspector')).toBeNull();
    expect(screen.getByRole('complementary', { name: 'Details' })).toBeTruthy();
    expect(screen.getByTestId('reader').querySelector('mark.claim[aria-current="true"]')).toBeNull();
  });
});

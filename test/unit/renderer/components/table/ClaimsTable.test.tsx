import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { claimKey, type ClaimRow } from '../../../../../shared/domain/crosscheck';
import { ClaimsTable, ROW_HEIGHT } from '../../../../../renderer/src/components/table/ClaimsTable';
import { makeRow, makeRows } from './makeRows';

afterEach(cleanup);

// jsdom has no layout. The virtualiser reads the scroller's size (clientHeight/Width), how
// far it can scroll (scrollHeight) and scrolls with Element.scrollTo: give the scroller a
// 480 px viewport over its rows' full height, and a scrollTo that moves scrollTop and fires
// the scroll event a browser would.
const VIEWPORT = { width: 960, height: 480 };
let layoutOn = true;
const isScroller = (el: Element) => layoutOn && el instanceof HTMLElement && el.dataset.testid === 'claims-scroll';
const layoutProperties = {
  clientHeight(this: HTMLElement) {
    return isScroller(this) ? VIEWPORT.height : 0;
  },
  clientWidth(this: HTMLElement) {
    return isScroller(this) ? VIEWPORT.width : 0;
  },
  scrollHeight(this: HTMLElement) {
    const body = this.firstElementChild as HTMLElement | null;
    return isScroller(this) ? Math.max(VIEWPORT.height, parseFloat(body?.style.height ?? '') || 0) : 0;
  },
};
beforeAll(() => {
  for (const [name, get] of Object.entries(layoutProperties)) {
    Object.defineProperty(HTMLElement.prototype, name, { get, configurable: true });
  }
  Element.prototype.scrollTo = function scrollTo(this: Element, options?: ScrollToOptions | number) {
    if (typeof options === 'object' && options.top !== undefined) this.scrollTop = options.top;
    this.dispatchEvent(new Event('scroll'));
  } as Element['scrollTo'];
});
afterAll(() => {
  for (const name of Object.keys(layoutProperties)) delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name];
  delete (Element.prototype as Partial<Element>).scrollTo;
});

const bodyRows = () => screen.queryAllByTestId('claims-row');
const grid = () => screen.getByTestId('claims-grid');
const activeRow = () => document.getElementById(grid().getAttribute('aria-activedescendant') ?? '');
const cellTexts = (row: HTMLElement) => within(row).getAllByRole('gridcell').map((cell) => cell.textContent);

function scrollTo(top: number) {
  const scroller = screen.getByTestId('claims-scroll');
  act(() => {
    scroller.scrollTop = top;
    fireEvent.scroll(scroller);
  });
}

describe('ClaimsTable with 100,000 rows', () => {
  const rows = makeRows(100_000);

  it('renders only the rows in view, with grid semantics for the whole set', () => {
    const started = performance.now();
    render(<ClaimsTable rows={rows} onOpen={() => {}} />);
    const ms = performance.now() - started;
    console.log(`ClaimsTable: first render of 100,000 rows in jsdom took ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(10_000); // sanity only: a non-virtualised table takes minutes here

    const rendered = bodyRows();
    expect(rendered.length).toBeGreaterThan(10);
    expect(rendered.length).toBeLessThan(100);
    expect(grid().getAttribute('role')).toBe('grid');
    expect(grid().getAttribute('aria-rowcount')).toBe('100001');
    expect(rendered[0]!.getAttribute('aria-rowindex')).toBe('2');
    expect(cellTexts(rendered[0]!)).toHaveLength(7);
    expect(screen.getByTestId('claims-count').textContent).toBe('100,000 claims');
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent?.replace(/[▲▼↕]/g, ''))).toEqual([
      'Article',
      'Figure',
      'Unit',
      'What it counts',
      'Time',
      'Verdict',
      'Discrepancy',
    ]);
  });

  it('scrolling far down renders the rows there and drops the first ones', () => {
    render(<ClaimsTable rows={rows} onOpen={() => {}} />);
    scrollTo(50_000 * ROW_HEIGHT);
    const indices = bodyRows().map((row) => Number(row.getAttribute('aria-rowindex')));
    expect(indices).toContain(50_002);
    expect(Math.min(...indices)).toBeGreaterThan(49_900);
    expect(bodyRows().length).toBeLessThan(100);
    const row = bodyRows().find((r) => r.getAttribute('aria-rowindex') === '50002')!;
    expect(row.dataset.key).toBe(claimKey(rows[50_000]!.ref));
  });

  it('sorts 100,000 rows by value from the header, and says so with aria-sort', () => {
    render(<ClaimsTable rows={rows} onOpen={() => {}} />);
    const header = screen.getByTestId('claims-sort-figure');
    fireEvent.click(header);
    expect(header.closest('[role="columnheader"]')!.getAttribute('aria-sort')).toBe('ascending');
    const min = Math.min(...rows.map((r) => r.value));
    const max = Math.max(...rows.map((r) => r.value));
    expect(bodyRows()[0]!.querySelector('.claims-figure')!.textContent).toBe(min.toLocaleString('en-GB'));
    fireEvent.click(header);
    expect(header.closest('[role="columnheader"]')!.getAttribute('aria-sort')).toBe('descending');
    expect(bodyRows()[0]!.querySelector('.claims-figure')!.textContent).toBe(max.toLocaleString('en-GB'));
    // Other columns are unsorted.
    expect(screen.getByTestId('claims-sort-article').closest('[role="columnheader"]')!.getAttribute('aria-sort')).toBe('none');
  });

  it('filters 100,000 rows by text and by the quick filters', async () => {
    render(<ClaimsTable rows={rows} onOpen={() => {}} />);
    fireEvent.change(screen.getByTestId('claims-filter'), { target: { value: 'prisons population' } });
    const expected = rows.filter((r) => r.articleTitle.startsWith('Prisons') && r.quantity === 'prison population').length;
    await waitFor(() =>
      expect(screen.getByTestId('claims-count').textContent).toBe(`${expected.toLocaleString('en-GB')} of 100,000 claims`),
    );
    expect(grid().getAttribute('aria-rowcount')).toBe(String(expected + 1));
    for (const row of bodyRows()) expect(cellTexts(row)[3]).toBe('prison population');

    fireEvent.change(screen.getByTestId('claims-filter'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('claims-filter-kind'), { target: { value: 'money' } });
    await waitFor(() => expect(screen.getByTestId('claims-count').textContent).toBe('20,000 of 100,000 claims'));
    expect(bodyRows().every((row) => row.querySelector('.claims-figure')!.getAttribute('data-kind') === 'money')).toBe(true);

    fireEvent.change(screen.getByTestId('claims-filter-discrepancy'), { target: { value: 'yes' } });
    const flaggedMoney = rows.filter((r) => r.kind === 'money' && r.discrepancy).length;
    expect(screen.getByTestId('claims-count').textContent).toBe(`${flaggedMoney.toLocaleString('en-GB')} of 100,000 claims`);
    expect(bodyRows().every((row) => cellTexts(row)[6] === '⚠ Discrepancy')).toBe(true);
  });
});

describe('ClaimsTable interaction', () => {
  const rows = makeRows(200);

  it('renders rows before any layout (a 0×0 scroller), from an assumed viewport', () => {
    layoutOn = false;
    try {
      render(<ClaimsTable rows={rows} onOpen={() => {}} />);
      expect(screen.getByTestId('claims-scroll').clientHeight).toBe(0);
      expect(bodyRows().length).toBeGreaterThan(10);
      expect(bodyRows().length).toBeLessThan(40);
    } finally {
      layoutOn = true;
    }
  });

  it('offers the kinds present, in the contract order', () => {
    render(<ClaimsTable rows={rows} onOpen={() => {}} />);
    const options = within(screen.getByTestId('claims-filter-kind')).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['All kinds', 'count', 'percent', 'money', 'measure', 'duration']);
  });

  it('shows verdicts and filters on them', () => {
    const verdicts = new Map([
      [claimKey(rows[0]!.ref), 'Accurate'],
      [claimKey(rows[2]!.ref), 'Mostly accurate'],
    ]);
    render(<ClaimsTable rows={rows} verdicts={verdicts} onOpen={() => {}} />);
    const chip = bodyRows()[2]!.querySelector('.claims-verdict')!;
    expect(chip.textContent).toBe('Mostly accurate');
    expect(chip.getAttribute('data-verdict')).toBe('mostly-accurate');
    const select = screen.getByTestId('claims-filter-verdict');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Any verdict',
      'No verdict yet',
      'Accurate',
      'Mostly accurate',
    ]);
    fireEvent.change(select, { target: { value: 'label:Accurate' } });
    expect(bodyRows().map((r) => r.dataset.key)).toEqual([claimKey(rows[0]!.ref)]);
    fireEvent.change(select, { target: { value: 'none' } });
    expect(screen.getByTestId('claims-count').textContent).toBe('198 of 200 claims');
  });

  it('clicking a row opens its claim and makes it active', () => {
    const onOpen = vi.fn();
    render(<ClaimsTable rows={rows} onOpen={onOpen} />);
    fireEvent.click(within(bodyRows()[3]!).getAllByRole('gridcell')[1]!);
    expect(onOpen).toHaveBeenCalledWith(rows[3]!.ref);
    expect(activeRow()).toBe(bodyRows()[3]);
    expect(bodyRows()[3]!.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(grid());
  });

  it('arrow keys, Page and Home/End move the active row; Enter opens it', () => {
    const onOpen = vi.fn();
    render(<ClaimsTable rows={rows} onOpen={onOpen} />);
    grid().focus();
    expect(activeRow()?.getAttribute('aria-rowindex')).toBe('2');
    fireEvent.keyDown(grid(), { key: 'ArrowDown' });
    fireEvent.keyDown(grid(), { key: 'ArrowDown' });
    fireEvent.keyDown(grid(), { key: 'ArrowUp' });
    expect(activeRow()?.getAttribute('aria-rowindex')).toBe('3');
    fireEvent.keyDown(grid(), { key: 'Enter' });
    expect(onOpen).toHaveBeenLastCalledWith(rows[1]!.ref);

    fireEvent.keyDown(grid(), { key: 'ArrowUp' });
    fireEvent.keyDown(grid(), { key: 'ArrowUp' }); // stops at the first row
    expect(activeRow()?.getAttribute('aria-rowindex')).toBe('2');

    fireEvent.keyDown(grid(), { key: 'End' });
    // The last row was scrolled into the DOM and is the active descendant.
    expect(activeRow()?.getAttribute('aria-rowindex')).toBe('201');
    fireEvent.keyDown(grid(), { key: 'Enter' });
    expect(onOpen).toHaveBeenLastCalledWith(rows[199]!.ref);

    fireEvent.keyDown(grid(), { key: 'Home' });
    fireEvent.keyDown(grid(), { key: 'PageDown' });
    const afterPage = Number(activeRow()?.getAttribute('aria-rowindex'));
    expect(afterPage).toBeGreaterThan(5);
    fireEvent.keyDown(grid(), { key: 'PageUp' });
    expect(activeRow()?.getAttribute('aria-rowindex')).toBe('2');
  });

  it('keys on a header button sort, and do not move or open rows', () => {
    const onOpen = vi.fn();
    render(<ClaimsTable rows={rows} onOpen={onOpen} />);
    const button = screen.getByTestId('claims-sort-time');
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    fireEvent.keyDown(button, { key: 'Enter' });
    expect(onOpen).not.toHaveBeenCalled();
    expect(activeRow()?.getAttribute('aria-rowindex')).toBe('2');
  });

  it('the active row follows its claim when the order changes', () => {
    render(<ClaimsTable rows={rows} onOpen={() => {}} />);
    grid().focus();
    fireEvent.keyDown(grid(), { key: 'ArrowDown' });
    const key = activeRow()!.dataset.key;
    fireEvent.click(screen.getByTestId('claims-sort-figure'));
    expect(activeRow()?.dataset.key).toBe(key);
  });

  it('says when nothing matches, and when there is nothing at all', async () => {
    const { rerender } = render(<ClaimsTable rows={rows} onOpen={() => {}} />);
    fireEvent.change(screen.getByTestId('claims-filter'), { target: { value: 'no-such-thing' } });
    await waitFor(() => expect(screen.getByText('No claims match the filters.')).toBeTruthy());
    expect(bodyRows()).toHaveLength(0);
    expect(grid().getAttribute('aria-activedescendant')).toBeNull();
    rerender(<ClaimsTable rows={[] as ClaimRow[]} onOpen={() => {}} />);
    fireEvent.change(screen.getByTestId('claims-filter'), { target: { value: '' } });
    await waitFor(() => expect(screen.getByText('No claims yet.')).toBeTruthy());
    expect(screen.getByTestId('claims-count').textContent).toBe('0 claims');
  });

  it('marks a claim with a discrepancy in words, and counts links otherwise', () => {
    render(<ClaimsTable rows={[makeRow(0), makeRow(1), makeRow(4)]} onOpen={() => {}} />);
    expect(bodyRows().map((row) => cellTexts(row)[6])).toEqual(['⚠ Discrepancy', '1 linked', '—']);
  });
});

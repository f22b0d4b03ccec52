import { observeElementRect, useVirtualizer, type Rect, type Virtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ClaimKind } from '../../../../shared/domain/claim';
import { claimKey, type ClaimRef, type ClaimRow } from '../../../../shared/domain/crosscheck';
import { formatCount } from '../../format';
import { filterAndSortRows, type ColumnId, type RowSort, type VerdictFilter } from './rows';
import './claimsTable.css';

export { filterAndSortRows, timeSortKey, type ColumnId, type RowFilterOptions, type RowSort, type VerdictFilter } from './rows';

export interface ClaimsTableProps {
  rows: ClaimRow[];
  /** claimKey → verdict label. */
  verdicts?: Map<string, string>;
  onOpen(ref: ClaimRef): void;
}

/** Fixed row height: the virtualiser places rows by arithmetic instead of measuring 100,000 of them. */
export const ROW_HEIGHT = 30;

const COLUMNS: ReadonlyArray<{ id: ColumnId; label: string }> = [
  { id: 'article', label: 'Article' },
  { id: 'figure', label: 'Figure' },
  { id: 'unit', label: 'Unit' },
  { id: 'quantity', label: 'What it counts' },
  { id: 'time', label: 'Time' },
  { id: 'verdict', label: 'Verdict' },
  { id: 'discrepancy', label: 'Discrepancy' },
];

/** Before the first layout (and in a test DOM, which has none) assume a viewport of this size. */
const INITIAL_VIEWPORT: Rect = { width: 960, height: 16 * ROW_HEIGHT };

/**
 * The library's size observer, except that a 0×0 reading (an element not laid out yet, or
 * hidden) keeps the last size: otherwise the table would render no rows until it is resized.
 */
function observeLaidOutRect(instance: Virtualizer<HTMLDivElement, Element>, onRect: (rect: Rect) => void) {
  return observeElementRect(instance, (rect) => {
    if (rect.width > 0 && rect.height > 0) onRect(rect);
  });
}

const verdictSlug = (label: string) => label.toLowerCase().replace(/[^a-z0-9]+/g, '-');

function verdictFilterValue(filter: VerdictFilter): string {
  return filter.type === 'label' ? `label:${filter.label}` : filter.type;
}

function parseVerdictFilter(value: string): VerdictFilter {
  if (value.startsWith('label:')) return { type: 'label', label: value.slice('label:'.length) };
  return value === 'none' ? { type: 'none' } : { type: 'any' };
}

/**
 * Every claim of the corpus in one sortable, filterable grid. Virtualised: only the rows in
 * view (and a few either side) are in the DOM, so 100,000 rows cost what 30 do. Keyboard: the
 * grid holds focus and points at its active row (aria-activedescendant); arrows, Page Up/Down,
 * Home/End move it, Enter opens it.
 */
export function ClaimsTable({ rows, verdicts, onOpen }: ClaimsTableProps) {
  const [filterText, setFilterText] = useState('');
  const [kind, setKind] = useState('');
  const [discrepancy, setDiscrepancy] = useState<'any' | 'yes' | 'no'>('any');
  const [verdictFilter, setVerdictFilter] = useState<VerdictFilter>({ type: 'any' });
  const [sort, setSort] = useState<RowSort | null>(null);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  // Typing stays responsive: the 100,000-row filter runs on the deferred text.
  const deferredText = useDeferredValue(filterText);

  const visible = useMemo(
    () => filterAndSortRows(rows, { text: deferredText, kind, discrepancy, verdict: verdictFilter, verdicts, sort }),
    [rows, deferredText, kind, discrepancy, verdictFilter, verdicts, sort],
  );

  // The quick filters offer what the rows hold: kinds in the contract's order, verdicts as labelled.
  const kinds = useMemo(() => {
    const present = new Set(rows.map((row) => row.kind));
    return [...ClaimKind.options.filter((k) => present.delete(k)), ...[...present].sort()];
  }, [rows]);
  const verdictLabels = useMemo(() => [...new Set(verdicts?.values() ?? [])].sort(), [verdicts]);

  // The active row follows its claim through sorting and filtering; if filtered out, the first row.
  const activeIndex = useMemo(() => {
    if (visible.length === 0) return -1;
    const found = activeKey === null ? -1 : visible.findIndex((row) => claimKey(row.ref) === activeKey);
    return found === -1 ? 0 : found;
  }, [visible, activeKey]);

  const gridRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer<HTMLDivElement, Element>({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: INITIAL_VIEWPORT,
    observeElementRect: observeLaidOutRect,
    // React 19 batches the scroll updates well without it, and flushSync during the first
    // layout effect only earns a warning.
    useFlushSync: false,
  });

  const baseId = useId();
  const rowId = (index: number) => `${baseId}-row-${index}`;

  const activate = (index: number) => {
    const row = visible[index];
    if (!row) return;
    setActiveKey(claimKey(row.ref));
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onGridKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys pressed on the header's sort buttons belong to the buttons.
    if (event.target !== event.currentTarget || visible.length === 0) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight || INITIAL_VIEWPORT.height) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + page,
      PageUp: activeIndex - page,
      Home: 0,
      End: visible.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      activate(Math.min(visible.length - 1, Math.max(0, moves[event.key]!)));
    } else if (event.key === 'Enter') {
      const row = visible[activeIndex];
      if (row) {
        event.preventDefault();
        onOpen(row.ref);
      }
    }
  };

  const toggleSort = (column: ColumnId) =>
    setSort((current) =>
      current?.column === column
        ? { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { column, direction: 'ascending' },
    );

  const items = virtualizer.getVirtualItems();
  const activeRendered = items.some((item) => item.index === activeIndex);

  return (
    <section className="claims-table" aria-label="Claims table" data-testid="claims-table">
      <div className="claims-table-toolbar" role="search">
        <input
          type="search"
          className="text-input claims-filter"
          placeholder="Filter claims…"
          aria-label="Filter claims (all columns)"
          data-testid="claims-filter"
          value={filterText}
          onChange={(event) => setFilterText(event.target.value)}
        />
        <select
          className="claims-quick-filter"
          aria-label="Kind"
          data-testid="claims-filter-kind"
          value={kind}
          onChange={(event) => setKind(event.target.value)}
        >
          <option value="">All kinds</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
        <select
          className="claims-quick-filter"
          aria-label="Discrepancy"
          data-testid="claims-filter-discrepancy"
          value={discrepancy}
          onChange={(event) => setDiscrepancy(event.target.value as 'any' | 'yes' | 'no')}
        >
          <option value="any">Any discrepancy</option>
          <option value="yes">With a discrepancy</option>
          <option value="no">Without</option>
        </select>
        <select
          className="claims-quick-filter"
          aria-label="Verdict"
          data-testid="claims-filter-verdict"
          value={verdictFilterValue(verdictFilter)}
          onChange={(event) => setVerdictFilter(parseVerdictFilter(event.target.value))}
        >
          <option value="any">Any verdict</option>
          <option value="none">No verdict yet</option>
          {verdictLabels.map((label) => (
            <option key={label} value={`label:${label}`}>
              {label}
            </option>
          ))}
        </select>
        <span className="claims-count muted" role="status" data-testid="claims-count">
          {visible.length === rows.length
            ? `${formatCount(rows.length)} ${rows.length === 1 ? 'claim' : 'claims'}`
            : `${formatCount(visible.length)} of ${formatCount(rows.length)} claims`}
        </span>
      </div>

      <div
        ref={gridRef}
        className="claims-grid"
        role="grid"
        aria-label="Claims"
        aria-rowcount={visible.length + 1}
        aria-colcount={COLUMNS.length}
        aria-activedescendant={activeIndex >= 0 && activeRendered ? rowId(activeIndex) : undefined}
        tabIndex={0}
        data-testid="claims-grid"
        onKeyDown={onGridKeyDown}
      >
        <div role="rowgroup" className="claims-head">
          <div role="row" aria-rowindex={1} className="claims-row claims-head-row">
            {COLUMNS.map((column) => {
              const direction = sort?.column === column.id ? sort.direction : 'none';
              return (
                <div
                  key={column.id}
                  role="columnheader"
                  aria-sort={direction}
                  className={`claims-cell claims-col-${column.id}`}
                >
                  <button
                    type="button"
                    className="claims-sort"
                    data-testid={`claims-sort-${column.id}`}
                    onClick={() => toggleSort(column.id)}
                  >
                    {column.label}
                    <span className="claims-sort-mark" aria-hidden="true">
                      {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
                    </span>
                  </button>
                </div>
              );
            })}
          </div>
        </div>

        <div ref={scrollRef} className="claims-scroll" data-testid="claims-scroll">
          {visible.length === 0 ? (
            <p className="claims-empty muted">{rows.length === 0 ? 'No claims yet.' : 'No claims match the filters.'}</p>
          ) : (
            <div role="rowgroup" className="claims-body" style={{ height: virtualizer.getTotalSize() }}>
              {items.map((item) => {
                const row = visible[item.index]!;
                const key = claimKey(row.ref);
                const verdict = verdicts?.get(key);
                const active = item.index === activeIndex;
                return (
                  <div
                    key={key}
                    id={rowId(item.index)}
                    role="row"
                    aria-rowindex={item.index + 2}
                    aria-selected={active}
                    className={`claims-row${active ? ' is-active' : ''}`}
                    data-testid="claims-row"
                    data-key={key}
                    style={{ transform: `translateY(${item.start}px)` }}
                    onClick={() => {
                      setActiveKey(key);
                      gridRef.current?.focus({ preventScroll: true });
                      onOpen(row.ref);
                    }}
                  >
                    <div role="gridcell" className="claims-cell claims-col-article" title={row.articleTitle}>
                      {row.articleTitle}
                    </div>
                    <div role="gridcell" className="claims-cell claims-col-figure" title={`${row.kind}: ${row.text}`}>
                      <span className="claims-figure" data-kind={row.kind}>
                        {row.text}
                      </span>
                    </div>
                    <div role="gridcell" className="claims-cell claims-col-unit">
                      {row.unit}
                    </div>
                    <div role="gridcell" className="claims-cell claims-col-quantity" title={row.quantity || undefined}>
                      {row.quantity || <span className="muted">—</span>}
                    </div>
                    <div role="gridcell" className="claims-cell claims-col-time" title={row.time || undefined}>
                      {row.time || <span className="muted">no date</span>}
                    </div>
                    <div role="gridcell" className="claims-cell claims-col-verdict">
                      {verdict ? (
                        <span className="claims-verdict" data-verdict={verdictSlug(verdict)}>
                          {verdict}
                        </span>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </div>
                    <div role="gridcell" className="claims-cell claims-col-discrepancy">
                      {row.discrepancy ? (
                        <span className="claims-discrepancy">
                          <span aria-hidden="true">⚠ </span>Discrepancy
                        </span>
                      ) : (
                        <span className="muted">{row.links > 0 ? `${row.links} linked` : '—'}</span>
                      )}
                    </div>
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}

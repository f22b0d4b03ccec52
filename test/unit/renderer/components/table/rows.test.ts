import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimKey, type ClaimRow } from '../../../../../shared/domain/crosscheck';
import { filterAndSortRows, filterWords, timeSortKey, type ColumnId } from '../../../../../renderer/src/components/table/rows';
import { makeRow, makeRows } from './makeRows';

const texts = (rows: readonly ClaimRow[]) => rows.map((row) => row.text);

describe('filterAndSortRows: filters', () => {
  const rows = makeRows(50);

  it('returns the very same array when nothing filters or sorts', () => {
    expect(filterAndSortRows(rows)).toBe(rows);
    expect(filterAndSortRows(rows, { text: '   ', discrepancy: 'any', verdict: { type: 'any' }, sort: null })).toBe(rows);
  });

  it('text: every word must appear somewhere in the row, in any case and any column', () => {
    const found = filterAndSortRows(rows, { text: 'PRISONS   population' });
    expect(found.length).toBeGreaterThan(0);
    for (const row of found) {
      expect(row.articleTitle.toLowerCase()).toContain('prisons');
      expect(row.quantity).toBe('prison population');
    }
    // Exactly the rows that match, none left out.
    expect(found).toEqual(rows.filter((r) => r.articleTitle.startsWith('Prisons') && r.quantity === 'prison population'));
    // Time, unit and the figure's digits are searched too.
    expect(filterAndSortRows(rows, { text: 'june' }).every((r) => r.time === 'June 2021')).toBe(true);
    expect(filterAndSortRows(rows, { text: 'usd' }).every((r) => r.unit === 'USD')).toBe(true);
    const one = rows[7]!;
    expect(filterAndSortRows(rows, { text: String(one.value) })).toContain(one);
    expect(filterAndSortRows(rows, { text: 'prisons zzz-not-there' })).toEqual([]);
  });

  it('text also finds the verdict label', () => {
    const verdicts = new Map([[claimKey(rows[3]!.ref), 'Misleading']]);
    expect(filterAndSortRows(rows, { text: 'mislead', verdicts })).toEqual([rows[3]]);
  });

  it('kind, discrepancy and verdict quick filters', () => {
    const percent = filterAndSortRows(rows, { kind: 'percent' });
    expect(percent.length).toBe(10);
    expect(percent.every((r) => r.kind === 'percent')).toBe(true);

    const flagged = filterAndSortRows(rows, { discrepancy: 'yes' });
    expect(flagged.map((r) => r.ref.start / 10)).toEqual([0, 11, 22, 33, 44]);
    expect(filterAndSortRows(rows, { discrepancy: 'no' })).toHaveLength(45);

    const verdicts = new Map([
      [claimKey(rows[1]!.ref), 'Accurate'],
      [claimKey(rows[2]!.ref), 'Inaccurate'],
      [claimKey(rows[5]!.ref), 'Accurate'],
    ]);
    expect(filterAndSortRows(rows, { verdicts, verdict: { type: 'label', label: 'Accurate' } })).toEqual([rows[1], rows[5]]);
    const without = filterAndSortRows(rows, { verdicts, verdict: { type: 'none' } });
    expect(without).toHaveLength(47);
    expect(without).not.toContain(rows[2]);
  });

  it('combines filters', () => {
    const found = filterAndSortRows(rows, { kind: 'count', discrepancy: 'yes', text: 'prison' });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((r) => r.kind === 'count' && r.discrepancy && r.quantity.includes('prison'))).toBe(true);
  });
});

describe('filterAndSortRows: sorting', () => {
  it('sorts the figure by value, not by its text', () => {
    const rows = [makeRow(0, { value: 100, text: '100' }), makeRow(1, { value: 9, text: '9' }), makeRow(2, { value: 10, text: '10' })];
    expect(texts(filterAndSortRows(rows, { sort: { column: 'figure', direction: 'ascending' } }))).toEqual(['9', '10', '100']);
    expect(texts(filterAndSortRows(rows, { sort: { column: 'figure', direction: 'descending' } }))).toEqual(['100', '10', '9']);
    // The input is not reordered.
    expect(texts(rows)).toEqual(['100', '9', '10']);
  });

  it('puts empty text last in both directions', () => {
    const rows = [makeRow(0, { quantity: '' }), makeRow(1, { quantity: 'capacity' }), makeRow(2, { quantity: 'arrests' })];
    const asc = filterAndSortRows(rows, { sort: { column: 'quantity', direction: 'ascending' } });
    const desc = filterAndSortRows(rows, { sort: { column: 'quantity', direction: 'descending' } });
    expect(asc.map((r) => r.quantity)).toEqual(['arrests', 'capacity', '']);
    expect(desc.map((r) => r.quantity)).toEqual(['capacity', 'arrests', '']);
  });

  it('sorts time labels chronologically, undated last', () => {
    const labels = ['June 2021', 'end of 2016', 'March 2020', '', '2019', 'article date, 23 Jul 2020'];
    const rows = labels.map((time, i) => makeRow(i, { time }));
    const asc = filterAndSortRows(rows, { sort: { column: 'time', direction: 'ascending' } }).map((r) => r.time);
    expect(asc).toEqual(['end of 2016', '2019', 'March 2020', 'article date, 23 Jul 2020', 'June 2021', '']);
    const desc = filterAndSortRows(rows, { sort: { column: 'time', direction: 'descending' } }).map((r) => r.time);
    expect(desc).toEqual(['June 2021', 'article date, 23 Jul 2020', 'March 2020', '2019', 'end of 2016', '']);
  });

  it('sorts by verdict label (none last) and by discrepancy (flagged first when descending)', () => {
    const rows = makeRows(6);
    const verdicts = new Map([
      [claimKey(rows[4]!.ref), 'Misleading'],
      [claimKey(rows[2]!.ref), 'Accurate'],
    ]);
    const byVerdict = filterAndSortRows(rows, { verdicts, sort: { column: 'verdict', direction: 'ascending' } });
    expect(byVerdict.slice(0, 2)).toEqual([rows[2], rows[4]]);
    const flaggedFirst = filterAndSortRows(rows, { sort: { column: 'discrepancy', direction: 'descending' } });
    expect(flaggedFirst[0]).toBe(rows[0]);
    expect(flaggedFirst.slice(1).every((r) => !r.discrepancy)).toBe(true);
  });

  it('keeps reading order (article, then position) among equal values', () => {
    const rows = [
      makeRow(0, { value: 5, unit: 'count', ref: { articleId: 'b.txt', start: 10, end: 12 } }),
      makeRow(1, { value: 5, unit: 'count', ref: { articleId: 'a.txt', start: 50, end: 52 } }),
      makeRow(2, { value: 5, unit: 'count', ref: { articleId: 'a.txt', start: 5, end: 7 } }),
    ];
    const sorted = filterAndSortRows(rows, { sort: { column: 'figure', direction: 'descending' } });
    expect(sorted.map((r) => claimKey(r.ref))).toEqual(['a.txt#5-7', 'a.txt#50-52', 'b.txt#10-12']);
  });

  it('property: sorting by figure returns the filtered rows, each once, in value order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ value: fc.double({ min: -1e9, max: 1e9, noNaN: true }), discrepancy: fc.boolean() }), { maxLength: 60 }),
        fc.constantFrom('ascending' as const, 'descending' as const),
        fc.constantFrom('any' as const, 'yes' as const, 'no' as const),
        (specs, direction, discrepancy) => {
          const rows = specs.map((spec, i) => makeRow(i, spec));
          const result = filterAndSortRows(rows, { discrepancy, sort: { column: 'figure', direction } });
          const expected = rows.filter((r) => discrepancy === 'any' || r.discrepancy === (discrepancy === 'yes'));
          expect(new Set(result)).toEqual(new Set(expected));
          expect(result).toHaveLength(expected.length);
          for (let i = 1; i < result.length; i++) {
            const step = result[i]!.value - result[i - 1]!.value;
            expect(direction === 'ascending' ? step >= 0 : step <= 0).toBe(true);
          }
        },
      ),
    );
  });
});

describe('filterAndSortRows: sorting against a comparator of whole rows', () => {
  // The straightforward definition of each column's order (what the table promised before it
  // sorted on precomputed keys): text by the collator, empty text last, ties in reading order.
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  function reference(rows: ClaimRow[], column: ColumnId, direction: 1 | -1, verdicts: Map<string, string>): ClaimRow[] {
    const text = (get: (row: ClaimRow) => string) => (a: ClaimRow, b: ClaimRow) => {
      const x = get(a);
      const y = get(b);
      if (!x || !y) return x ? -1 : y ? 1 : 0;
      return direction * collator.compare(x, y);
    };
    const byColumn: Record<ColumnId, (a: ClaimRow, b: ClaimRow) => number> = {
      article: text((r) => r.articleTitle),
      figure: (a, b) => direction * (a.value - b.value) || collator.compare(a.unit, b.unit),
      unit: text((r) => r.unit),
      quantity: text((r) => r.quantity),
      verdict: text((r) => verdicts.get(claimKey(r.ref)) ?? ''),
      discrepancy: (a, b) => direction * (Number(a.discrepancy) - Number(b.discrepancy) || a.links - b.links),
      time: (a, b) => {
        const x = timeSortKey(a.time);
        const y = timeSortKey(b.time);
        if (x === null || y === null) return x !== null ? -1 : y !== null ? 1 : text((r) => r.time)(a, b);
        return direction * (x - y) || text((r) => r.time)(a, b);
      },
    };
    const reading = (a: ClaimRow, b: ClaimRow) => collator.compare(a.ref.articleId, b.ref.articleId) || a.ref.start - b.ref.start || a.ref.end - b.ref.end;
    return [...rows].sort((a, b) => byColumn[column](a, b) || reading(a, b));
  }

  it('property: every column, both directions, gives the reference order', () => {
    const word = fc.constantFrom('', 'Arrests', 'arrests', 'capacity', 'Capacity 2', 'capacity 10', 'kg', 'USD', 'prisoners');
    const label = fc.constantFrom('', 'March 2020', 'end of 2016', '2019', 'June 2021', 'article date, 23 Jul 2020', 'last year');
    const spec = fc.record({
      value: fc.integer({ min: -5, max: 5 }),
      unit: word,
      quantity: word,
      articleTitle: word,
      time: label,
      discrepancy: fc.boolean(),
      links: fc.nat(3),
      ref: fc.record({ articleId: fc.constantFrom('a.txt', 'A.txt', 'b.txt', 'a10.txt', 'a9.txt'), start: fc.nat(50), end: fc.nat(60) }),
    });
    fc.assert(
      fc.property(
        fc.array(spec, { maxLength: 40 }),
        fc.constantFrom<ColumnId>('article', 'figure', 'unit', 'quantity', 'verdict', 'discrepancy', 'time'),
        fc.constantFrom(1 as const, -1 as const),
        (specs, column, direction) => {
          const rows = specs.map((s, i) => makeRow(i, s));
          const verdicts = new Map(rows.filter((_, i) => i % 3 === 0).map((r, i) => [claimKey(r.ref), ['Accurate', 'misleading', 'Misleading'][i % 3]!]));
          const sorted = filterAndSortRows(rows, { verdicts, sort: { column, direction: direction === 1 ? 'ascending' : 'descending' } });
          // Rows equal in every key and place (same ref) may come in either order: compare what the table would show.
          const shown = (list: readonly ClaimRow[]) => list.map((r) => [claimKey(r.ref), r.value, r.unit, r.quantity, r.articleTitle, r.time, r.discrepancy, r.links, verdicts.get(claimKey(r.ref))].join('|'));
          expect(shown(sorted)).toEqual(shown(reference(rows, column, direction, verdicts)));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('helpers', () => {
  it('filterWords splits on whitespace and lowers the case', () => {
    expect(filterWords('  Prison   POPULATION ')).toEqual(['prison', 'population']);
    expect(filterWords(undefined)).toEqual([]);
  });

  it('timeSortKey reads a year and a month from the label', () => {
    expect(timeSortKey('March 2020')).toBe(202003);
    expect(timeSortKey('end of 2016')).toBe(201612);
    expect(timeSortKey('mid-2019')).toBe(201906);
    expect(timeSortKey('2019')).toBe(201900);
    expect(timeSortKey('article date, 23 Jul 2020')).toBe(202007);
    expect(timeSortKey('Sept. 2021')).toBe(202109);
    expect(timeSortKey('last week')).toBeNull();
    expect(timeSortKey('')).toBeNull();
  });
});

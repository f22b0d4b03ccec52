import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimKey, type ClaimRow } from '../../../../../shared/domain/crosscheck';
import { filterAndSortRows, filterWords, timeSortKey } from '../../../../../renderer/src/components/table/rows';
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

/** Generated claims-table rows for tests: deterministic, varied enough to sort and filter. */
import type { ClaimRow } from '../../../../../shared/domain/crosscheck';

const TITLES = ['Prisons hold 39,000', 'Ministry plans centres', 'Activists freed', 'Budget rises', 'Drug seizures up'];
const KINDS: Array<[kind: string, unit: string]> = [
  ['count', 'count'],
  ['percent', 'percent'],
  ['money', 'USD'],
  ['measure', 'kg'],
  ['duration', 'years'],
];
const QUANTITIES = ['prison population', 'capacity', 'drug crime', '', 'activist'];
const TIMES = ['March 2020', 'end of 2016', '', 'June 2021', '2019'];

export function makeRow(i: number, overrides: Partial<ClaimRow> = {}): ClaimRow {
  const [kind, unit] = KINDS[i % KINDS.length]!;
  // A multiplicative hash spreads values so value order differs from index order.
  const value = ((i * 7919) % 100_003) + 1;
  return {
    ref: { articleId: `a${i % 97}.txt`, start: i * 10, end: i * 10 + 6 },
    articleTitle: `${TITLES[i % TITLES.length]} ${i % 97}`,
    text: value.toLocaleString('en-GB'),
    value,
    unit,
    kind,
    qualifier: 'exact',
    quantity: QUANTITIES[i % QUANTITIES.length]!,
    time: TIMES[i % TIMES.length]!,
    discrepancy: i % 11 === 0,
    links: i % 4,
    ...overrides,
  };
}

export const makeRows = (n: number): ClaimRow[] => Array.from({ length: n }, (_, i) => makeRow(i));

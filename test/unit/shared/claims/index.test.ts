import { describe, expect, it } from 'vitest';
import { analyseNumbers, extractClaims } from '../../../../shared/claims';
import { Claim } from '../../../../shared/domain/claim';

describe('extractClaims', () => {
  const text = 'Between Nov. 5 and Nov. 15, Cambodia released 27 activists. In 2019, police seized more than one tonne of drugs.';
  it('returns schema-valid claims sorted by start with the public fields', () => {
    const claims = extractClaims(text, { documentDate: '2021-11-20' });
    expect(claims.map((c) => c.text)).toEqual(['27', 'more than one tonne']);
    for (const c of claims) expect(Claim.parse(c)).toEqual(c);
    expect(claims[1]).toMatchObject({ value: 1000, unit: 'kg', kind: 'measure', qualifier: 'gt', low: 1000, high: null, quantity: { key: 'drug' }, time: { text: 'In 2019', from: '2019-01-01', to: '2019-12-31' } });
    expect(text.slice(claims[0]!.sentence.start, claims[0]!.sentence.end)).toBe('Between Nov. 5 and Nov. 15, Cambodia released 27 activists.');
  });
  it('explains what it rejected', () => {
    expect(analyseNumbers(text).rejected.map((r) => [r.text, r.reason])).toEqual([['5', 'date'], ['15', 'date'], ['2019', 'year-as-time']]);
  });
});

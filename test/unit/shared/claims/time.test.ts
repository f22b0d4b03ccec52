import { describe, expect, it } from 'vitest';
import { findTimeRefs, pickTimeRef } from '../../../../shared/claims/time';

const refs = (t: string, doc?: string) => findTimeRefs(t, 0, t.length, doc).map((r) => [r.text, r.from, r.to]);

describe('findTimeRefs', () => {
  it('resolves absolute references', () => {
    expect(refs('in 2019 and as of June 2020 and at the end of 2015')).toEqual([
      ['in 2019', '2019-01-01', '2019-12-31'], ['as of June 2020', '2020-06-01', '2020-06-30'], ['at the end of 2015', '2015-12-01', '2015-12-31'],
    ]);
  });
  it('joins "between January 2017 and March 2020"', () => {
    expect(refs('between January 2017 and March 2020')).toEqual([['between January 2017 and March 2020', '2017-01-01', '2020-03-31']]);
  });
  it('resolves relative references against the document date', () => {
    expect(refs('last year', '2021-11-20')).toEqual([['last year', '2020-01-01', '2020-12-31']]);
    expect(refs('since 2017', '2021-11-20')).toEqual([['since 2017', '2017-01-01', '2021-11-20']]);
    expect(refs('in July', '2021-11-20')).toEqual([['in July', '2021-07-01', '2021-07-31']]);
    expect(refs('last year')).toEqual([['last year', undefined, undefined]]);
  });
  it('leaves the verb "may" alone', () => expect(refs('prices may rise')).toEqual([]));
});

describe('pickTimeRef', () => {
  it('prefers the nearest reference, looking right first', () => {
    const t = 'from 21,900 at the end of 2016 to over 38,990 in March 2020';
    const all = findTimeRefs(t, 0, t.length);
    expect(pickTimeRef(all, 5, 11)?.text).toBe('at the end of 2016');
    expect(pickTimeRef(all, t.indexOf('over'), t.indexOf('over') + 11)?.text).toBe('in March 2020');
  });
});

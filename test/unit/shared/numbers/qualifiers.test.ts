import { describe, expect, it } from 'vitest';
import { readQualifierAfter, readQualifierBefore } from '../../../../shared/numbers/qualifiers';

describe('readQualifierBefore', () => {
  it.each([
    ['more than 5', 'gt'], ['over 5', 'gt'], ['at least 5', 'gte'], ['nearly 5', 'approx'], ['some 5', 'approx'],
    ['an estimated 5', 'approx'], ['up to 5', 'lte'], ['as many as 5', 'lte'], ['less than 5', 'lt'], ['under 5', 'lt'],
    ['just 5', 'exact'], ['only 5', 'exact'], ['just over 5', 'gt'],
  ])('%s → %s', (t, q) => {
    const r = readQualifierBefore(t, t.length - 1);
    expect(r?.qualifier).toBe(q);
    expect(t.slice(r!.start, r!.end)).toBe(r!.phrase);
  });
  it('needs the phrase to touch the figure', () => {
    expect(readQualifierBefore('more than the 5', 14)).toBeNull();
    expect(readQualifierBefore('moreover 5', 9)).toBeNull();
  });
});

describe('readQualifierAfter', () => {
  it('reads "or more", "-plus", "or so"', () => {
    expect(readQualifierAfter('5 or more', 1)?.qualifier).toBe('gte');
    expect(readQualifierAfter('40-plus', 2)?.qualifier).toBe('gte');
    expect(readQualifierAfter('200 or so', 3)?.qualifier).toBe('approx');
  });
  it('leaves arithmetic alone', () => expect(readQualifierAfter('5 plus 3', 1)).toBeNull());
});

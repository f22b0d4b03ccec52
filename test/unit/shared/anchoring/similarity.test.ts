import { describe, expect, it } from 'vitest';
import { approximateMatches, clamp01, containedSimilarity, stringSimilarity } from '../../../../shared/anchoring/similarity';

describe('approximateMatches', () => {
  it('finds the lowest-error occurrences only', () => {
    const text = 'there are 41,000 prisoners and 40,000 guards';
    expect(approximateMatches(text, '40,000', 1)).toEqual([{ start: 31, end: 37, errors: 0 }]);
    expect(approximateMatches(text.replace('40,000', '40.5'), '40,000', 1)).toEqual([{ start: 10, end: 16, errors: 1 }]);
  });
  it('returns nothing for an empty pattern or text', () => {
    expect(approximateMatches('', 'a', 1)).toEqual([]);
    expect(approximateMatches('abc', '', 1)).toEqual([]);
  });
});

describe('containedSimilarity', () => {
  it('is 1 when the pattern occurs in the window, less per edit', () => {
    expect(containedSimilarity('told The Post last week that', 'The Post last week')).toBe(1);
    expect(containedSimilarity('told The Psot last week that', 'The Post last week')).toBeCloseTo(1 - 2 / 18, 6);
  });
  it('counts missing characters when the window is short (near the start of the text)', () => {
    expect(containedSimilarity('week', 'last week')).toBeCloseTo(4 / 9, 6);
    expect(containedSimilarity('', 'last week')).toBe(0);
    expect(containedSimilarity('anything', '')).toBe(1);
  });
});

describe('stringSimilarity', () => {
  it('is 1 − edits / longer length', () => {
    expect(stringSimilarity('40,000', '40,000')).toBe(1);
    expect(stringSimilarity('40,000', '41,000')).toBeCloseTo(5 / 6, 6);
    expect(stringSimilarity('prisonners', 'prisoners')).toBeCloseTo(0.9, 6);
    expect(stringSimilarity('27', '1,027')).toBeCloseTo(2 / 5, 6);
  });
  it('counts the extra characters of the second string', () => {
    expect(stringSimilarity('40,000', '40,000 prisoners')).toBeCloseTo(6 / 16, 6);
  });
  it('is 0 against an empty string', () => {
    expect(stringSimilarity('', 'x')).toBe(0);
    expect(stringSimilarity('x', '')).toBe(0);
  });
  it('clamps', () => {
    expect([clamp01(-1), clamp01(0.5), clamp01(2)]).toEqual([0, 0.5, 1]);
  });
});

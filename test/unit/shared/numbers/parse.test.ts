import { describe, expect, it } from 'vitest';
import { parseDigits, parseFractionWords, parseNumberWords } from '../../../../shared/numbers/parse';

describe('parseDigits', () => {
  it.each([
    ['40,000', 40000, 0, 4, 1], ['38,990', 38990, 0, 1, 4], ['3,554.13', 3554.13, 2, 0, 6], ['.5', 0.5, 1, 0, 1],
    ['1 234', 1234, 0, 0, 4], ['1\u00A0234', 1234, 0, 0, 4], ['1\u2009234', 1234, 0, 0, 4], ['-7', -7, 0, 0, 1], ['\u22122.4', -2.4, 1, 0, 2],
  ])('%s → %d', (s, value, decimals, trailingZeros, significant) => {
    expect(parseDigits(s)).toEqual({ value, decimals, trailingZeros, significant });
  });
  it('reads the eu convention', () => {
    expect(parseDigits('1.234,5', 'eu')?.value).toBe(1234.5);
    expect(parseDigits('1.234,5', 'en')?.value).not.toBe(1234.5);
  });
  it('rejects non-numbers', () => {
    expect(parseDigits('abc')).toBeNull();
    expect(parseDigits('')).toBeNull();
  });
});

describe('parseNumberWords', () => {
  it.each([
    ['twenty-five', 25], ['two hundred and fifty', 250], ['a dozen', 12], ['two dozen', 24], ['three thousand', 3000],
    ['ninety-nine', 99], ['fifteen hundred', 1500], ['one million', 1e6],
  ])('%s → %d', (s, v) => expect(parseNumberWords(s)?.value).toBe(v));
  it('rejects other words', () => expect(parseNumberWords('prisoners')).toBeNull());
});

describe('parseFractionWords', () => {
  it.each([['half', 0.5], ['one-third', 1 / 3], ['three quarters', 0.75], ['a quarter', 0.25], ['two thirds', 2 / 3]])('%s', (s, v) => {
    expect(parseFractionWords(s)).toBeCloseTo(v);
  });
});

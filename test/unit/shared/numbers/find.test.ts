import { describe, expect, it } from 'vitest';
import { detectConvention, findNumbers } from '../../../../shared/numbers/find';

const surfaces = (t: string): string[] => findNumbers(t, detectConvention(t)).map((n) => t.slice(n.start, n.end));

describe('findNumbers', () => {
  it('finds digits with separators, decimals, signs and scale words', () => {
    expect(surfaces('40,000 and 3,554.13kg, -5 and $6.6 billion, US$12m, 1 234 people')).toEqual(['40,000', '3,554.13', '-5', '6.6 billion', '12m', '1 234']);
  });
  it('finds number words, vague magnitudes and fractions', () => {
    expect(surfaces('Twenty-five men, a dozen boats, tens of thousands of people, one-third of them, half of all')).toEqual(['Twenty-five', 'a dozen', 'tens of thousands', 'one-third', 'half']);
  });
  it('does not treat a hyphen between figures or after letters as a minus', () => {
    const t = '400-500 and COVID-19';
    expect(findNumbers(t).map((n) => n.value)).toEqual([400, 500, 19]);
  });
  it('reads scale words into the value', () => {
    expect(findNumbers('$6.6 billion')[0]?.value).toBe(6.6e9);
    expect(findNumbers('5 lakh')[0]?.value).toBe(5e5);
  });
  it('detects the 1.234,5 convention only when the text uses it', () => {
    expect(detectConvention('It reached 1.234,5 tonnes')).toBe('eu');
    expect(detectConvention('It reached 1,234.5 tonnes')).toBe('en');
  });
  it('ignores "hundred" without a number or "a"', () => {
    expect(surfaces('The Hundred Years War')).toEqual([]);
  });
});

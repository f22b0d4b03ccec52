import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../../../shared/claims';
import type { Range } from '../../../../../shared/crosscheck/arithmetic/interval';
import { add, allowedOf, allows, div, isLooseFraction, meets, mul, point, rangeOf, scale, sub } from '../../../../../shared/crosscheck/arithmetic/interval';

/** The one claim the engine reads in a short text. */
function only(text: string) {
  const claims = extractClaims(text);
  expect(claims, text).toHaveLength(1);
  return claims[0]!;
}

describe('rangeOf', () => {
  it('reads the rounding and the qualifier the engine gives', () => {
    expect(rangeOf(only('Crime rose 19 percent.'))).toEqual({ lo: 18.5, hi: 19.5 });
    expect(rangeOf(only('It counted more than 3,500 cases.'))).toEqual({ lo: 3500, hi: Infinity });
    expect(rangeOf(only('It was less than 10% of them.'))).toEqual({ lo: 0, hi: 10 });
    expect(rangeOf(only('Police recorded 9,572 cases.'))).toEqual({ lo: 9572, hi: 9572 });
  });

  it('takes a bare fraction word as rounded: within 5% of its value', () => {
    const third = only('A third of them left.');
    expect(isLooseFraction(third)).toBe(true);
    expect(rangeOf(third).lo).toBeCloseTo(31.667, 3);
    expect(rangeOf(third).hi).toBeCloseTo(35, 6);
    expect(isLooseFraction(only('Almost half of them left.'))).toBe(false);
  });
});

describe('allowedOf', () => {
  it('excludes the upper end of a rounded figure: 19.5 is "20 percent"', () => {
    const allowed = allowedOf(only('Crime rose 19 percent.'));
    expect(allowed).toEqual({ low: 18.5, high: 19.5, lowInclusive: true, highInclusive: false });
    expect(allows(allowed, 18.5)).toBe(true);
    expect(allows(allowed, 19.4999)).toBe(true);
    expect(allows(allowed, 19.5)).toBe(false);
  });

  it('keeps "3.07 per cent" to [3.065, 3.075)', () => {
    const allowed = allowedOf(only('The price jumped 3.07 per cent.'));
    expect(allowed.low).toBeCloseTo(3.065, 9);
    expect(allowed.high).toBeCloseTo(3.075, 9);
    expect(allowed.highInclusive).toBe(false);
  });

  it('opens the ends the qualifier opens', () => {
    expect(allowedOf(only('It rose more than 35 percent.'))).toMatchObject({ low: 35, high: null, lowInclusive: false });
    expect(allowedOf(only('It was less than 10% of them.'))).toMatchObject({ low: 0, high: 10, highInclusive: false });
    expect(allowedOf(only('Up to 10,000 prisoners may go.'))).toMatchObject({ high: 10000, highInclusive: true });
    expect(allowedOf(only('Almost 75% of them wait.'))).toMatchObject({ lowInclusive: true, highInclusive: true });
  });
});

describe('meets', () => {
  const allowed = { low: 18.5, high: 19.5, lowInclusive: true, highInclusive: false };
  it('is true when some value of the range is allowed', () => {
    expect(meets({ lo: 10, hi: 18.5 }, allowed)).toBe(true);
    expect(meets({ lo: 19.4, hi: 30 }, allowed)).toBe(true);
    expect(meets({ lo: 19.5, hi: 30 }, allowed)).toBe(false);
    expect(meets({ lo: 0, hi: 18.49 }, allowed)).toBe(false);
    expect(meets({ lo: -Infinity, hi: Infinity }, allowed)).toBe(true);
  });

  it('forgives floating-point noise at a closed end, not at an open one', () => {
    expect(meets(point(18.499999999999996), allowed)).toBe(true);
    expect(meets(point(19.499999999999996), allowed)).toBe(false);
    expect(meets({ lo: Number.NaN, hi: 1 }, allowed)).toBe(false);
  });
});

describe('range arithmetic', () => {
  const positive = fc.tuple(fc.double({ min: 0.001, max: 1e6, noNaN: true }), fc.double({ min: 0.001, max: 1e6, noNaN: true }))
    .map(([a, b]): Range => ({ lo: Math.min(a, b), hi: Math.max(a, b) }));
  const inside = (r: Range, t: number): number => r.lo + (r.hi - r.lo) * t;
  const contains = (r: Range, x: number): boolean => x >= r.lo - 1e-9 * Math.max(1, Math.abs(x)) && x <= r.hi + 1e-9 * Math.max(1, Math.abs(x));

  it('contains every result of values taken inside the ranges', () => {
    fc.assert(fc.property(positive, positive, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b, s, t) => {
      const x = inside(a, s);
      const y = inside(b, t);
      expect(contains(add(a, b), x + y)).toBe(true);
      expect(contains(sub(a, b), x - y)).toBe(true);
      expect(contains(mul(a, b), x * y)).toBe(true);
      expect(contains(div(a, b), x / y)).toBe(true);
      expect(contains(scale(a, -2), -2 * x)).toBe(true);
    }), { numRuns: 300 });
  });

  it('handles unbounded ends and divisors that touch zero', () => {
    expect(div({ lo: 3500, hi: Infinity }, { lo: 0, hi: 0.1 })).toEqual({ lo: 35000, hi: Infinity });
    expect(div(point(1), { lo: -1, hi: 1 })).toEqual({ lo: -Infinity, hi: Infinity });
    expect(mul({ lo: 0, hi: 2 }, { lo: 1, hi: Infinity })).toEqual({ lo: 0, hi: Infinity });
    expect(sub(point(1), { lo: 0.5, hi: Infinity })).toEqual({ lo: -Infinity, hi: 0.5 });
  });
});

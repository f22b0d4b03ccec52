import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../../shared/claims';

const iv = (t: string) => { const [c] = extractClaims(t); return [c?.qualifier, c?.low, c?.high, c?.precision.round]; };

describe('interval', () => {
  it('reads the rounding of exact figures', () => {
    expect(iv('40,000 prisoners')).toEqual(['exact', 35000, 45000, true]);
    expect(iv('38,990 prisoners')).toEqual(['exact', 38990, 38990, false]);
    expect(iv('19 percent')).toEqual(['exact', 18.5, 19.5, false]);
  });
  it('opens the interval for bounds', () => {
    expect(iv('more than 20,000 suspects')).toEqual(['gt', 20000, null, true]);
    expect(iv('up to 10,000 prisoners')).toEqual(['lte', 0, 10000, true]);
    expect(iv('less than 10% of cases')).toEqual(['lt', null, 10, false]);
  });
  it('approaches from below for "nearly"', () => {
    const [q, low, high] = iv('nearly 1.5 tonnes');
    expect(q).toBe('approx');
    expect(low).toBeCloseTo(1350);
    expect(high).toBeCloseTo(1550);
  });
});

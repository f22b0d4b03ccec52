import { describe, expect, it } from 'vitest';
import { readCurrencyBefore, readUnitAfter } from '../../../../shared/numbers/units';

describe('readUnitAfter', () => {
  it.each([
    ['5 percent', 'percent', 1], ['5%', 'percent', 1], ['5 per cent', 'percent', 1], ['5 percentage points', 'percentage-points', 1],
    ['5 tonnes', 'kg', 1000], ['5kg', 'kg', 1], ['5 grammes', 'kg', 0.001], ['5 km/h', 'km/h', 1], ['5 hectares', 'm2', 1e4],
    ['5 days', 'days', 1], ['5-month', 'months', 1], ['5°C', 'celsius', 1], ['5 riel', 'KHR', 1], ['5 U.S. dollars', 'USD', 1],
  ])('%s → %s ×%d', (t, unit, factor) => {
    const u = readUnitAfter(t, 1);
    expect(u?.unit).toBe(unit);
    expect(u?.factor).toBe(factor);
  });
  it('needs single-letter units attached and lower case', () => {
    expect(readUnitAfter('5 g', 1)).toBeNull();
    expect(readUnitAfter('5G', 1)).toBeNull();
    expect(readUnitAfter('5g', 1)?.unit).toBe('kg');
  });
  it('does not read a word that merely starts like a unit', () => expect(readUnitAfter('5 great', 1)).toBeNull());
});

describe('readCurrencyBefore', () => {
  it.each([['$5', 'USD', 0], ['US$5', 'USD', 0], ['€5', 'EUR', 0], ['£5', 'GBP', 0], ['A$5', 'AUD', 0], ['to KHR 5', 'KHR', 3], ['USD 5', 'USD', 0]])('%s', (t, unit, start) => {
    expect(readCurrencyBefore(t, t.length - 1)).toEqual({ unit, start });
  });
  it('returns null without a currency', () => expect(readCurrencyBefore('about 5', 6)).toBeNull());
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseNumbers, extractClaims } from '../../../../shared/claims';

// Pieces that stress the scanner: figures, separators, signs, units, qualifiers, dates,
// markup, unicode spaces and quotes, lone surrogates.
const PIECES = [
  '40,000', '3,554.13kg', '1 234', '1\u00A0234', '1\u2009234', '.5', '-7', '\u22127', '1.234,5', '$6.6 billion', 'US$12m',
  '€5', '£3bn', '¥100', 'KHR 500', '19 percent', '10%', 'per cent', 'tonnes', 'more than', 'nearly', 'up to', 'some',
  'between 10 and 40 million', 'two or three days', 'tens of thousands', 'one-third', 'half of', '27 of 28', 'COVID-19',
  '<sup>1</sup>', 'Nov. 15', '23 July 2020', 'in 2019', 'since 2017', 'last year', '34th', 'top 25', 'Centers 1 and 2',
  'https://x.org/a/5425872.html', '012 345 678', '+855', '10:30', '3pm', '°C', 'km/h', 'six-month', '\n', ' ', '.', ',',
  '-', '–', '“', '”', '’s', '(', ')', '[1]', 'and', 'or', 'to', 'of', 'a dozen', 'hundred', 'bn', 'm', 'k', '\uD800', '\uDC00',
  '0', '9', '99999999999999999999', '1e400', '1,', ',000', '1..2', '1.2.3', '2017-2020', 'a', 'A', '$', '%',
];

const adversarial = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((xs) => xs.join(''));
const spaced = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((xs) => xs.join(' '));

function checkInvariants(text: string): void {
  const { claims, rejected } = analyseNumbers(text);
  for (const c of claims) {
    expect(c.start).toBeGreaterThanOrEqual(0);
    expect(c.end).toBeLessThanOrEqual(text.length);
    expect(c.start).toBeLessThan(c.end);
    expect(c.text).toBe(text.slice(c.start, c.end));
    expect(c.number.start).toBeGreaterThanOrEqual(c.start);
    expect(c.number.end).toBeLessThanOrEqual(c.end);
    expect(Number.isFinite(c.value)).toBe(true);
    if (c.low !== null) expect(c.low).toBeLessThanOrEqual(c.value);
    if (c.high !== null) expect(c.high).toBeGreaterThanOrEqual(c.value);
    expect(c.sentence.start).toBeLessThanOrEqual(c.start);
    expect(c.sentence.end).toBeLessThanOrEqual(text.length);
    if (c.time) { expect(c.time.start).toBeGreaterThanOrEqual(0); expect(c.time.end).toBeLessThanOrEqual(text.length); }
    if (c.quantity) { expect(c.quantity.start).toBeGreaterThanOrEqual(0); expect(c.quantity.end).toBeLessThanOrEqual(text.length); }
    // JSON-serialisable without loss
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  }
  for (const r of rejected) {
    expect(r.start).toBeGreaterThanOrEqual(0);
    expect(r.end).toBeLessThanOrEqual(text.length);
    expect(r.start).toBeLessThan(r.end);
  }
  const starts = claims.map((c) => c.start);
  expect(starts).toEqual([...starts].sort((a, b) => a - b));
}

describe('extractClaims properties', () => {
  it('never throws and keeps offsets inside the text on random strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => checkInvariants(s)), { numRuns: 400 });
  });
  it('holds on full-unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => checkInvariants(s)), { numRuns: 300 });
  });
  it('holds on adversarial concatenations of number-like pieces', () => {
    fc.assert(fc.property(adversarial, (s) => checkInvariants(s)), { numRuns: 600 });
    fc.assert(fc.property(spaced, (s) => checkInvariants(s)), { numRuns: 600 });
  });
  it('handles the empty string and long digit runs', () => {
    expect(extractClaims('')).toEqual([]);
    checkInvariants('9'.repeat(5000));
    checkInvariants(`${'1,000 '.repeat(2000)}`);
  });
});

import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../../shared/claims';
import type { Claim } from '../../../../shared/domain/claim';
import {
  claimTooltip,
  formatFigure,
  intervalInWords,
  intervalSymbol,
  qualifierInWords,
  relationLabel,
  shorten,
  timeBasisInWords,
  unitInWords,
} from '../../../../shared/claims/describe';

/** The claim the real engine finds for `surface` in `text`. */
function claimIn(text: string, surface: string): Claim {
  const claim = extractClaims(text, { documentDate: '2020-07-23' }).find((c) => c.text === surface);
  if (!claim) throw new Error(`no claim “${surface}” in “${text}”`);
  return claim;
}

describe('formatFigure', () => {
  it('writes each canonical unit the way a reader expects', () => {
    expect(formatFigure(38990, 'count')).toBe('38,990');
    expect(formatFigure(19, 'percent')).toBe('19%');
    expect(formatFigure(1, 'percentage-points')).toBe('1 percentage point');
    expect(formatFigure(2.5, 'percentage-points')).toBe('2.5 percentage points');
    expect(formatFigure(6_600_000_000, 'USD')).toBe('US$6,600,000,000');
    expect(formatFigure(4.35, 'USD')).toBe('US$4.35');
    expect(formatFigure(3554.13, 'kg')).toBe('3,554.13 kg');
    expect(formatFigure(40, 'celsius')).toBe('40 °C');
    expect(formatFigure(23933.666, 'count')).toBe('23,933.67');
  });

  it('names units in words, keeping the code for currencies', () => {
    expect(unitInWords('USD')).toBe('US Dollar (USD)');
    expect(unitInWords('percentage-points')).toBe('percentage points');
    expect(unitInWords('kg')).toBe('kg');
  });
});

describe('intervals', () => {
  it('says what the qualifier and the precision allow, in words and as a formula', () => {
    const more = claimIn('In March 2020 more than 38,990 prisoners were held.', 'more than 38,990');
    expect(intervalInWords(more)).toBe('more than 38,990');
    expect(intervalSymbol(more)).toBe('38,990 < x');

    const rounded = claimIn('The prisons hold 40,000 inmates.', '40,000');
    expect(intervalInWords(rounded)).toBe('between 35,000 and 45,000 (rounded)');
    expect(intervalSymbol(rounded)).toBe('35,000 ≤ x ≤ 45,000');

    const exact = claimIn('The prisons have a capacity of 26,593 places.', '26,593');
    expect(intervalInWords(exact)).toBe('exactly 26,593');
    expect(intervalSymbol(exact)).toBe('x = 26,593');

    const upTo = claimIn('Up to 200 people attended.', 'Up to 200');
    expect(intervalInWords(upTo)).toBe('at most 200');
    expect(intervalSymbol(upTo)).toBe('x ≤ 200');
  });

  it('reads ranges as their two ends', () => {
    const range = claimIn('Some 200 to 300 people were detained.', 'Some 200 to 300');
    expect(range.range).not.toBeNull();
    expect(intervalInWords(range)).toBe('between 200 and 300');
    expect(intervalSymbol(range)).toBe('200 ≤ x ≤ 300');
  });

  it('quotes the qualifier as written, or says there was none', () => {
    expect(qualifierInWords({ qualifier: 'gt', qualifierText: 'more than' })).toBe('“more than” (more than)');
    expect(qualifierInWords({ qualifier: 'exact', qualifierText: null })).toBe('none (taken as written)');
    expect(qualifierInWords({ qualifier: 'approx', qualifierText: null })).toBe('about');
  });
});

describe('claimTooltip', () => {
  it('gives the normalised value, unit, quantity and time', () => {
    const claim = claimIn('In March 2020 more than 38,990 prisoners were held.', 'more than 38,990');
    expect(claimTooltip(claim, { label: 'March 2020', basis: 'stated', from: '2020-03-01', to: '2020-03-31' })).toBe(
      '38,990 < x, count, prisoner, March 2020',
    );
  });

  it('leaves out what is unknown', () => {
    const claim = claimIn('It rose 19 percent.', '19 percent');
    expect(claimTooltip({ ...claim, quantity: null }, { label: '', basis: 'unknown' })).toBe('18.5 ≤ x ≤ 19.5, percent');
  });
});

describe('relation and time words', () => {
  it('labels each relation kind; differences to one decimal below 10%', () => {
    expect(relationLabel({ kind: 'agrees', difference: 0.3 })).toBe('agrees');
    expect(relationLabel({ kind: 'differs', difference: 2.5641 })).toBe('differs by 2.6%');
    expect(relationLabel({ kind: 'differs', difference: 16.23 })).toBe('differs by 16%');
    expect(relationLabel({ kind: 'differs', difference: null })).toBe('differs');
    expect(relationLabel({ kind: 'other-time', difference: 4 })).toBe('other time');
    expect(relationLabel({ kind: 'related', difference: null })).toBe('related');
  });

  it('explains where a time comes from', () => {
    expect(timeBasisInWords('stated')).toBe('stated in the text');
    expect(timeBasisInWords('publication')).toBe('not stated; taken from the article date');
  });

  it('shortens long titles at a word boundary', () => {
    expect(shorten('Short title')).toBe('Short title');
    expect(shorten('Cambodia’s prisons are at 300 percent of their capacity, the report says', 40)).toBe('Cambodia’s prisons are at 300 percent…');
  });
});

import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../../../shared/claims';
import {
  capitalise, describeAllowed, describeRange, figure, formatDerivedPercent, formatLike, formatNumber, formatPercent, written, writtenLevel,
} from '../../../../../shared/crosscheck/arithmetic/format';

/** The claim written as `surface` in `text`. */
function claimOf(text: string, surface: string) {
  const c = extractClaims(text).find((x) => x.text === surface);
  if (!c) throw new Error(`no claim ${surface} in ${JSON.stringify(extractClaims(text).map((x) => x.text))}`);
  return c;
}

describe('figure: the number as written, with its currency and an attached %', () => {
  it.each([
    ['Exports rose to $6.6 billion in 2020.', '$6.6 billion', '$6.6 billion'],
    ['The population reached over 38,990 in March.', 'over 38,990', '38,990'],
    ['Inflation was 5.4% in May.', '5.4%', '5.4%'],
    ['Crime rose 19 percent last year.', '19 percent', '19'],
    ['The fund grew to €3.5 billion.', '€3.5 billion', '€3.5 billion'],
    ['Police arrested seven women.', 'seven', 'seven'],
  ])('%s → %s', (text, surface, expected) => {
    expect(figure(text, claimOf(text, surface))).toBe(expected);
  });
});

describe('written', () => {
  it('keeps the claim as written, lowering a capital that only opened the sentence', () => {
    expect(written(claimOf('Almost half of the 8,500 detainees, 4,100, wait.', 'Almost half'))).toBe('almost half');
    expect(written(claimOf('More than 3,500 cases were cleared.', 'More than 3,500'))).toBe('more than 3,500');
    expect(written(claimOf('It fell by US$12 million.', 'US$12 million'))).toBe('US$12 million');
    expect(writtenLevel(claimOf('It was 19% higher than 8,018 in 2018.', 'higher than 8,018'))).toBe('8,018');
    expect(writtenLevel(claimOf('It reached over 38,990 in March.', 'over 38,990'))).toBe('over 38,990');
  });
});

describe('numbers for a reader', () => {
  it('groups thousands, drops trailing zeros unless asked, writes a true minus', () => {
    expect(formatNumber(35000, 0)).toBe('35,000');
    expect(formatNumber(19.3814, 1)).toBe('19.4');
    expect(formatNumber(78.0365, 1)).toBe('78');
    expect(formatNumber(78.0365, 1, true)).toBe('78.0');
    expect(formatNumber(-5.6, 1)).toBe('−5.6');
    expect(formatNumber(-0.001, 1)).toBe('0');
    expect(formatNumber(Infinity, 1)).toBe('∞');
  });

  it('gives a computed percentage one decimal more than the stated figure', () => {
    const text = 'The price jumped 3.07 per cent.';
    expect(formatPercent(3.0712, claimOf(text, '3.07 per cent'))).toBe('3.071%');
    expect(formatPercent(19.3814)).toBe('19.4%');
    expect(formatDerivedPercent(146.6175)).toBe('146.6%');
    expect(formatDerivedPercent(250)).toBe('250%');
  });

  it('writes a derived value like the figure it comes from', () => {
    const exports = 'Exports rose to $6.6 billion in 2020.';
    expect(formatLike(exports, claimOf(exports, '$6.6 billion'), 2315789474)).toBe('$2.3 billion');
    const cases = 'More than 3,500 cases were cleared.';
    expect(formatLike(cases, claimOf(cases, 'More than 3,500'), 35000)).toBe('35,000');
    expect(formatLike(cases, claimOf(cases, 'More than 3,500'), 8018, Infinity)).toBe('8,018');
    const oil = 'Production rose to 230,000 barrels a day.';
    const barrels = claimOf(oil, '230,000 barrels');
    expect(formatLike(oil, barrels, barrels.value / 1.15)).toBe('200,000 barrels');
    const rice = 'Exports fell to 2.1 million tonnes.';
    expect(formatLike(rice, claimOf(rice, '2.1 million tonnes'), 2.8e9)).toBe('2.8 million tonnes');
    const words = 'They seized five tonnes of rice.';
    expect(formatLike(words, claimOf(words, 'five tonnes'), 6000)).toBe('6,000 kg');
  });
});

describe('describing ranges and allowed intervals', () => {
  const show = (x: number): string => formatNumber(x, 1);
  it('says "more than" for a range open above, "about" for a bounded one', () => {
    expect(describeRange({ lo: 35000, hi: Infinity }, 35000, show)).toBe('more than 35,000');
    expect(describeRange({ lo: 0, hi: 12 }, 10, show)).toBe('less than 12');
    expect(describeRange({ lo: 2.29e9, hi: 2.34e9 }, 2.3e9, (x) => `$${formatNumber(x / 1e9, 1)} billion`)).toBe('about $2.3 billion');
  });

  it('writes the interval a wording allows', () => {
    expect(describeAllowed({ low: 18.5, high: 19.5, lowInclusive: true, highInclusive: false }, show)).toBe('18.5 to 19.5');
    expect(describeAllowed({ low: 40, high: 40, lowInclusive: true, highInclusive: true }, show)).toBe('exactly 40');
    expect(describeAllowed({ low: 35, high: null, lowInclusive: false, highInclusive: false }, show)).toBe('above 35');
    expect(describeAllowed({ low: null, high: 10, lowInclusive: true, highInclusive: true }, show)).toBe('at most 10');
    expect(capitalise('over 38,990')).toBe('Over 38,990');
  });
});

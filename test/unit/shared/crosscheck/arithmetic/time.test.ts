import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../../../shared/claims';
import { buildView } from '../../../../../shared/crosscheck/arithmetic/context';
import { fits, periodOf, sameTime } from '../../../../../shared/crosscheck/arithmetic/time';

const DAY = 86_400_000;
const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY;

/** The period of the change `surface` in `text`, and the article's claims. */
function period(text: string, surface: string, documentDate?: string) {
  const claims = extractClaims(text, { documentDate });
  const view = buildView('a', text, claims);
  const change = claims.find((c) => c.text === surface)!;
  return { period: periodOf(text, change, view.place.get(change)!.sentence), claims };
}

describe('periodOf', () => {
  it('"between January 2017 and March 2020": both ends, a month either side', () => {
    const { period: p } = period('The prison population has skyrocketed by 78% between January 2017 and March 2020.', '78%');
    expect(p.start).toEqual({ from: day('2017-01-01'), to: day('2017-01-01'), slack: 31, label: 'January 2017' });
    expect(p.end).toEqual({ from: day('2020-03-31'), to: day('2020-03-31'), slack: 31, label: 'March 2020' });
  });

  it('"since 2010": the start year, no end', () => {
    const { period: p } = period('Exports rose to $6.6 billion in 2020, a 185 percent increase since 2010.', '185 percent');
    expect(p.start).toEqual({ from: day('2010-01-01'), to: day('2010-12-31'), slack: 0, label: '2010' });
    expect(p.end).toBeNull();
    const resolved = period('Exports rose to $6.6 billion in 2020, a 185 percent increase since 2010.', '185 percent', '2021-11-20');
    expect(resolved.period.start!.label).toBe('2010');
    expect(resolved.period.end).toBeNull();
  });

  it('"in 2019 … from the previous year": 2018 to 2019, read from the sentence', () => {
    const { period: p } = period('The number of drug-related crimes in 2019 rose by 19 percent from the previous year.', '19 percent');
    expect(p.start).toMatchObject({ from: day('2018-01-01'), to: day('2018-12-31'), label: '2018' });
    expect(p.end).toMatchObject({ from: day('2019-01-01'), to: day('2019-12-31'), label: '2019' });
  });

  it('knows no period when the sentence does not state one', () => {
    expect(period('Burglaries rose 8 percent last year.', '8 percent').period).toEqual({ start: null, end: null });
    expect(period('Crime rose 4% in 2019 and 6% in 2020 from the previous year.', '4%').period).toEqual({ start: null, end: null });
  });
});

describe('fits', () => {
  const text = "Cambodia's prison population has risen from 21,900 at the end of 2016 to over 38,990 in March 2020, and from 30 at the end of 2015 to 101 as of June 2020 last year.";
  const claims = extractClaims(text);
  const at = (surface: string) => claims.find((c) => c.text === surface)!;
  const start = { from: day('2017-01-01'), to: day('2017-01-01'), slack: 31, label: 'January 2017' };
  const end = { from: day('2020-03-31'), to: day('2020-03-31'), slack: 31, label: 'March 2020' };

  it('matches a time within the slack of an end, contradicts one outside it', () => {
    expect(fits(at('21,900'), start)).toBe('match');
    expect(fits(at('over 38,990'), end)).toBe('match');
    expect(fits(at('30'), start)).toBe('contradict');
    expect(fits(at('over 38,990'), start)).toBe('contradict');
  });

  it('knows nothing of a relative time, a missing time or a missing end', () => {
    const relative = extractClaims('Police recorded 9,572 cases last year.', { documentDate: '2020-01-09' })[0]!;
    expect(relative.time?.from).toBe('2019-01-01');
    expect(fits(relative, end)).toBe('unknown');
    expect(fits(at('21,900'), null)).toBe('unknown');
    expect(fits(extractClaims('Police recorded 9,572 cases.')[0]!, start)).toBe('unknown');
  });

  it('compares two claims\' stated times', () => {
    expect(sameTime(at('over 38,990'), at('101'))).toBe('contradict');
    expect(sameTime(at('21,900'), at('21,900'))).toBe('match');
    expect(sameTime(at('21,900'), extractClaims('It was 5.')[0]!)).toBe('unknown');
  });
});

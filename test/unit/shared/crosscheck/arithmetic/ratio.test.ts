import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../../../shared/claims';
import type { Claim } from '../../../../../shared/domain/claim';
import { buildView } from '../../../../../shared/crosscheck/arithmetic/context';
import { ratioChecks } from '../../../../../shared/crosscheck/arithmetic/ratio';
import { readSentence } from '../../../../../shared/crosscheck/arithmetic/reading';

/** The ratio checks of `text`, in surfaces, and the percentages they used. */
function ratios(text: string) {
  const view = buildView('a', text, extractClaims(text));
  const used = new Set<Claim>();
  const checks = ratioChecks(view, view.sentences.map(readSentence), used).map((c) => ({
    subject: text.slice(c.subject.start, c.subject.end),
    inputs: c.inputs.map((r) => text.slice(r.start, r.end)),
    verdict: c.verdict,
    computed: Number(c.computed.toFixed(4)),
    allowed: c.allowed,
    formula: c.formula,
    sentence: c.sentence,
  }));
  return { checks, used: [...used].map((c) => c.text) };
}

describe('multiples', () => {
  it('reads a multiple in apposition, with what its qualifier allows', () => {
    expect(ratios('Exports reached $12 billion, more than double the $5.1 billion recorded in 2015.').checks).toEqual([{
      subject: 'more than double', inputs: ['$12 billion', '$5.1 billion'], verdict: 'consistent', computed: 2.3529,
      allowed: { low: 2, high: null, lowInclusive: false, highInclusive: false },
      formula: '$12 billion ÷ $5.1 billion', sentence: '$12 billion ÷ $5.1 billion = 2.35: consistent with “more than double”.',
    }]);
    expect(ratios('He earned $320,000 last year, nearly three times the $150,000 he made in 2019.').checks).toMatchObject([{
      subject: 'nearly three', verdict: 'inconsistent', allowed: { low: 2.7, high: 3 },
      sentence: '$320,000 ÷ $150,000 = 2.13, not “nearly three times” (which allows 2.7 to 3).',
    }]);
  });

  it('allows a bare multiple 10% either way', () => {
    const [check] = ratios('The prison holds 3,000 inmates, three times its capacity of 1,000.').checks;
    expect(check!.allowed!.low).toBeCloseTo(2.7, 9);
    expect(check!.allowed!.high).toBeCloseTo(3.3, 9);
  });

  it('reads a multiple verb with the two values of its clause', () => {
    expect(ratios('Arrests halved, from 1,800 in 2019 to 900 in 2021.').checks).toMatchObject([{ subject: 'halved', inputs: ['900', '1,800'], computed: 0.5, verdict: 'consistent' }]);
    expect(ratios('The number of deaths more than tripled, from 45 to 120.').checks).toMatchObject([{ subject: 'more than tripled', verdict: 'inconsistent' }]);
  });

  it('reads "fell by half" and "by a third" as the size of the fall', () => {
    expect(ratios('Donations fell by nearly half, from $2.4 million to $1.3 million.').checks).toMatchObject([{
      subject: 'nearly half', inputs: ['$2.4 million', '$1.3 million'], verdict: 'consistent', formula: '($2.4 million − $1.3 million) ÷ $2.4 million',
    }]);
    expect(ratios('Oil output fell by a third, from 1.5 million barrels a day to 1 million barrels a day.').checks).toMatchObject([{ subject: 'a third', computed: 0.3333 }]);
  });

  it('reads no multiple where the words do not make one', () => {
    expect(ratios('Sales rose from 1,200 units in the first half to 1,500 units in the second.').checks).toEqual([]);
    expect(ratios('Protests rose three times, from 40 to 52.').checks).toEqual([]);
    expect(ratios('Cases doubled and deaths tripled, from 45 to 160.').checks).toEqual([]);
    expect(ratios('In 2020, 9,572 cases were recorded, up 19% from 8,018 in 2019 and more than double the 4,200 of 2015.').checks).toEqual([]);
    expect(ratios('The double murder left 2 dead and 14 injured.').checks).toEqual([]);
  });
});

describe('occupancy', () => {
  it('derives a population against a capacity, using the later value of a change', () => {
    const text = "Cambodia's prison population has risen from 21,900 at the end of 2016 to over 38,990 in March 2020, despite the fact that Cambodia's prisons have an estimated capacity of just 26,593.";
    expect(ratios(text).checks).toEqual([{
      subject: 'over 38,990', inputs: ['just 26,593'], verdict: 'derived', computed: 146.6175, allowed: null,
      formula: '38,990 ÷ 26,593 × 100', sentence: 'Over 38,990 against a capacity of 26,593: more than 146.6% of capacity (38,990 ÷ 26,593 × 100).',
    }]);
  });

  it('checks a stated occupancy and marks its percentage as used', () => {
    const { checks, used } = ratios('The hospital, built for 400 patients, treated 620, or 155% of its capacity.');
    expect(checks).toMatchObject([{ subject: '155%', inputs: ['620', '400'], verdict: 'consistent', computed: 155 }]);
    expect(used).toEqual(['155%']);
    expect(ratios('Battambang prison, designed to hold 900 inmates, held 2,120 in March, or 180 percent of capacity.').checks)
      .toMatchObject([{ verdict: 'inconsistent', sentence: '2,120 against a capacity of 900 is 235.6%, not the stated 180 percent (which allows 179.5% to 180.5%).' }]);
  });

  it('derives nothing under capacity, with two capacities, or across times', () => {
    expect(ratios('The clinic, built for 80 patients, treated 64 last week.').checks).toEqual([]);
    expect(ratios('The jail, built for 500 inmates and designed to hold 450 more, held 1,250.').checks).toEqual([]);
    expect(ratios('The jail held 1,250 inmates in 2021 but had a capacity of 500 in 2015.').checks).toEqual([]);
  });
});

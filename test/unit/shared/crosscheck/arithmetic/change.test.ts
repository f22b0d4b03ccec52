import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../../../shared/claims';
import { changeChecks } from '../../../../../shared/crosscheck/arithmetic/change';
import { buildView } from '../../../../../shared/crosscheck/arithmetic/context';
import { readSentence } from '../../../../../shared/crosscheck/arithmetic/reading';

/** The change checks of `text`, in surfaces. */
function changes(text: string, documentDate?: string) {
  const view = buildView('a', text, extractClaims(text, { documentDate }));
  return changeChecks(view, view.sentences.map(readSentence)).map((c) => ({
    kind: c.kind,
    subject: text.slice(c.subject.start, c.subject.end),
    inputs: c.inputs.map((r) => text.slice(r.start, r.end)),
    verdict: c.verdict,
    computed: Number(c.computed.toFixed(4)),
    formula: c.formula,
    sentence: c.sentence,
  }));
}

describe('a change and its two values in one clause', () => {
  it('checks a percentage change, naming the later value first as the formula does', () => {
    expect(changes('Burglaries rose 8 percent from 1,200 to 1,296 last year.')).toEqual([{
      kind: 'percent-change', subject: '8 percent', inputs: ['1,296', '1,200'], verdict: 'consistent', computed: 8,
      formula: '(1,296 − 1,200) ÷ 1,200 × 100', sentence: 'Up 8.0% from 1,200 to 1,296: matches the stated 8 percent.',
    }]);
  });

  it('says how a wrong percentage is wrong: not allowed, the other way, on the later value, in points', () => {
    expect(changes('Reported burglaries rose 15 percent, from 4,312 in 2021 to 4,738 in 2022.')[0]!.sentence)
      .toBe('Up 9.9% from 4,312 to 4,738, not the stated 15 percent (which allows 14.5% to 15.5%).');
    expect(changes("The city's homicide count rose 6 percent, from 412 in 2021 to 389 in 2022.")[0]!.sentence)
      .toBe('Down 5.6% from 412 to 389, yet the text states an increase of 6 percent.');
    expect(changes('Spending rose 20%, from $5,120 to $6,400.')[0]!.sentence)
      .toBe('Up 25.0% from $5,120 to $6,400, not the stated 20% (which allows 19.5% to 20.5%). The stated figure is the change taken on the later value (20.0% of $6,400) instead of the earlier $5,120.');
    expect(changes('The jobless rate rose 2% from 5.1% to 7.1% over the year.')[0]!.sentence)
      .toContain('The stated figure is the difference in percentage points (2), not the percent change.');
  });

  it('checks an absolute change and its twin percentage against both values', () => {
    expect(changes('Enrolment rose by 1,454, or 18%, from 8,018 to 9,572.').map((c) => [c.kind, c.verdict, c.computed, c.sentence])).toEqual([
      ['percent-change', 'inconsistent', 19.3814, 'Up 19.4% from 8,018 to 9,572, not the stated 18% (which allows 17.5% to 18.5%).'],
      ['absolute-change', 'inconsistent', 1554, '9,572 − 8,018 = 1,554, not the stated 1,454 (which allows exactly 1,454).'],
    ]);
  });

  it('checks twins against one value: the percentage is on the earlier level', () => {
    expect(changes('Enrolment increased by 1,554, or 19%, from 8,018.')).toMatchObject([
      { subject: '19%', inputs: ['1,554', '8,018'], verdict: 'consistent', formula: '1,554 ÷ 8,018 × 100', computed: 19.3814 },
    ]);
    expect(changes('Enrolment increased by 1,554, or 16%, to 9,572 students.')[0]!.sentence)
      .toBe('An increase of 1,554 to 9,572 is 19.4% of the earlier 8,018, not the stated 16% (which allows 15.5% to 16.5%). The stated figure is the change taken on the later value (16.2% of 9,572) instead of the earlier one.');
    expect(changes('Crime fell by 340 cases, or 4.1%, to 7,960 last year.')[0]!.sentence)
      .toBe('A fall of 340 to 7,960 is 4.10% of the earlier 8,300: rounds to the stated 4.1%.');
    expect(changes('Arrests rose by 9,572, or 19%, to 1,554.')).toEqual([]);
  });
});

describe('derived values', () => {
  it('derives the earlier value from the later one, labelled with the change\'s start', () => {
    expect(changes('Cambodian exports to the US rose to $6.6 billion in 2020, a 185 percent increase since 2010.')).toEqual([{
      kind: 'implied', subject: '185 percent', inputs: ['$6.6 billion'], verdict: 'derived', computed: 2315789473.6842,
      formula: '$6.6 billion ÷ (1 + 185 ÷ 100)',
      sentence: 'The 185 percent increase to $6.6 billion implies about $2.3 billion in 2010 ($6.6 billion ÷ (1 + 185 ÷ 100)).',
    }]);
  });

  it('derives the later value from the earlier one, and the base of a twin with no level', () => {
    expect(changes('Sales of electric cars rose 20% from 5,000 units.')[0]).toMatchObject({ computed: 6000, formula: '5,000 × (1 + 20 ÷ 100)' });
    expect(changes('Arrests rose by 1,200, or 15%, last year.')[0]).toMatchObject({ kind: 'implied', computed: 8000, formula: '1,200 ÷ 15 × 100' });
  });

  it('derives nothing from a fall of 100% or from rates', () => {
    expect(changes('Sales fell 100% to $0.')).toEqual([]);
    expect(changes('Prices rose 5.2% in the year to March, up from 4.8% in February.')).toEqual([]);
  });
});

describe('values in another sentence', () => {
  it('takes a bare comparison next door whose earlier value is at the start of the change\'s period', () => {
    const text = 'According to a report, the number of drug-related crimes in 2019 rose by 19 percent from the previous year.\n\nIt said more than 20,000 suspects were arrested in 9,572 cases last year compared with 8,018 recorded in 2018.';
    expect(changes(text)).toMatchObject([{ subject: '19 percent', inputs: ['9,572', '8,018'], verdict: 'consistent', computed: 19.3814 }]);
  });

  it('takes a pair of the same quantity two sentences away, but not three', () => {
    const two = 'Car sales rose 20% last year. Dealers were pleased. Car sales rose from 1,000 to 1,200.';
    expect(changes(two)).toMatchObject([{ subject: '20%', inputs: ['1,200', '1,000'], verdict: 'consistent' }]);
    const three = 'Car sales rose 20% last year. Dealers were pleased with 5 new shops. They hired 30 staff. Car sales rose from 1,000 to 1,200.';
    expect(changes(three)).toEqual([]);
  });

  it('takes no pair that moved the other way, counts another thing, or has a rival', () => {
    expect(changes('Car sales rose 20% last year. Car sales rose from 1,200 to 1,000.')).toEqual([]);
    expect(changes('Car sales rose 8% in 2022 from the previous year. Truck sales totalled 1,300 in 2022, compared with 1,000 in 2021.')).toEqual([]);
    expect(changes('Car sales rose from 500 to 600 in May. Car sales rose 20% last year. Car sales rose from 1,000 to 1,200.')).toEqual([]);
  });

  it('finds the same quantity at both ends of the period anywhere in the article', () => {
    const text = 'The prison population grew 64% between January 2015 and December 2020. Officials blamed the drug war. Reporters visited 12 prisons in 2019. The prison population stood at 12,500 at the end of 2014, according to the ministry. By December 2020 the prison population had reached 20,480.';
    expect(changes(text)).toMatchObject([{ subject: '64%', inputs: ['20,480', '12,500'], verdict: 'consistent', computed: 63.84 }]);
    const rival = text.replace('Officials blamed the drug war.', 'The prison population was 11,000 at the end of 2014, a rival count said.');
    expect(changes(rival)).toEqual([]);
  });
});

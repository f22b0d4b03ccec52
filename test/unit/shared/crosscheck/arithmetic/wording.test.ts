import { describe, expect, it } from 'vitest';
import { normalise } from '../../../../../shared/crosscheck/arithmetic/context';
import {
  CAPACITY_BEFORE_RE, INCLUDING_RE, MADE_UP_OF_RE, OCCUPANCY_AFTER_RE, OCCUPANCY_BEFORE_RE, PARTS_OPENER_RE, TOTAL_AFTER_LIST_RE,
  appositionBeforeChange, changeAfter, changeBefore, clauseBreak, compareAfter, hasChangeWord, newAfterTo, oldBefore, twinGlue,
} from '../../../../../shared/crosscheck/arithmetic/wording';

// Glues as the checks see them: normalised text between two figures.
const g = normalise;

describe('change wording', () => {
  it.each([
    ['the number of drug-related crimes in 2019 rose by ', 'up', true],
    ['prison population has skyrocketed by ', 'up', true],
    ['burglaries rose ', 'up', false],
    ['sales were $4.2 million, down ', 'down', true],
    ['cases declined to 7,500, a drop of ', 'down', true],
    ['an increase of ', 'up', true],
    ['enrolment was up ', 'up', true],
    ['prices edged down ', 'down', false],
  ])('before: %j → %s (explicit: %s)', (glue, direction, explicit) => {
    expect(changeBefore(g(glue))).toEqual({ direction, explicit });
  });

  it.each(['police arrested ', 'it signed up ', 'the share of ', 'rose to '])('before: %j is no change', (glue) => {
    expect(changeBefore(g(glue))).toBeNull();
  });

  it.each([
    [' increase since 2010', 'up'], [' year-on-year rise', 'up'], [' more than in 2020', 'up'],
    [' drop in arrests', 'down'], [' lower than', 'down'], [' fewer cases', 'down'],
  ])('after: %j → %s', (glue, direction) => {
    expect(changeAfter(g(glue))).toBe(direction);
  });

  it('after: a share or a plain noun is no change', () => {
    expect(changeAfter(' of the pending cases')).toBeNull();
    expect(changeAfter(' of capacity')).toBeNull();
  });
});

describe('the two values of a change', () => {
  it('earlier value: from, compared with, versus, than; on/over only right after a change', () => {
    for (const glue of [' from ', ' compared with ', ", compared with last year's ", ' versus the ', ' than the ']) expect(oldBefore(g(glue), false), glue).toBe(true);
    expect(oldBefore(" on last year's ", true)).toBe(true);
    expect(oldBefore(" on last year's ", false)).toBe(false);
    expect(oldBefore(' to ', false)).toBe(false);
  });

  it('later value: "to" after a change, an earlier value or a change word; never "compared to", "according to"', () => {
    expect(newAfterTo(' to ', true)).toBe(true);
    expect(newAfterTo(' in 2019 to ', true)).toBe(true);
    expect(newAfterTo('exports to the us rose to ', false)).toBe(true);
    expect(newAfterTo('has risen steadily to ', false)).toBe(true);
    expect(newAfterTo('he was sentenced to ', false)).toBe(false);
    expect(newAfterTo(' compared to ', true)).toBe(false);
    expect(newAfterTo('according to ', true)).toBe(false);
    expect(newAfterTo(', at ', true)).toBe(true);
    expect(newAfterTo(', at ', false)).toBe(false);
    expect(newAfterTo(' people at ', true)).toBe(false);
  });

  it('later value before a comparison or an appositive change', () => {
    expect(compareAfter(' cases last year compared with ')).toBe(true);
    expect(compareAfter(' murders, up from ')).toBe(true);
    expect(compareAfter(' cases were recorded by police, who said that most of them were minor, compared with ')).toBe(false);
    expect(appositionBeforeChange(', down ')).toBe(true);
    expect(appositionBeforeChange(' in 2020, a ')).toBe(true);
    expect(appositionBeforeChange(' and ')).toBe(false);
  });

  it('twins: an amount and its percentage side by side', () => {
    expect(twinGlue(', or ')).toBe(true);
    expect(twinGlue(' cases, or ')).toBe(true);
    expect(twinGlue(' (')).toBe(true);
    expect(twinGlue(' and ')).toBe(false);
  });
});

describe('clauses', () => {
  it.each([
    [' while burglaries fell from ', true], ['; thefts ', true], [', but ', true],
    [' and thefts fell ', true], [', burglaries rose ', true],
    [', up ', false], [' in 2019 to ', false], [', a ', false], [', which rose ', false], [' cases last year compared with ', false],
  ])('%j breaks the clause: %s', (glue, expected) => {
    expect(clauseBreak(g(glue))).toBe(expected);
  });

  it('movement words', () => {
    expect(hasChangeWord('truck sales rose from ')).toBe(true);
    expect(hasChangeWord('it said more than ')).toBe(false);
  });
});

describe('lists, capacities and occupancy', () => {
  it('reads the words that introduce parts and totals', () => {
    expect(INCLUDING_RE.test(' people, including ')).toBe(true);
    expect(INCLUDING_RE.test(' people, among them ')).toBe(true);
    expect(MADE_UP_OF_RE.test(' victims were ')).toBe(true);
    expect(MADE_UP_OF_RE.test(' seats were split between ')).toBe(true);
    expect(MADE_UP_OF_RE.test(' members: ')).toBe(true);
    expect(MADE_UP_OF_RE.test(' victims were taken to ')).toBe(false);
    expect(PARTS_OPENER_RE.test('these included prominent trade unionist rong chhun, along with ')).toBe(true);
    expect(PARTS_OPENER_RE.test('they said ')).toBe(false);
    expect(TOTAL_AFTER_LIST_RE.test(' children, a total of ')).toBe(true);
  });

  it('reads capacities and occupancy', () => {
    expect(CAPACITY_BEFORE_RE.test("cambodia's prisons have an estimated capacity of ")).toBe(true);
    expect(CAPACITY_BEFORE_RE.test('said facilities were designed to hold ')).toBe(true);
    expect(CAPACITY_BEFORE_RE.test('the jail, built for ')).toBe(true);
    expect(CAPACITY_BEFORE_RE.test('the jail was built in ')).toBe(false);
    expect(OCCUPANCY_AFTER_RE.test(' of its capacity')).toBe(true);
    expect(OCCUPANCY_AFTER_RE.test(' occupancy')).toBe(true);
    expect(OCCUPANCY_BEFORE_RE.test('were operating at ')).toBe(true);
  });
});

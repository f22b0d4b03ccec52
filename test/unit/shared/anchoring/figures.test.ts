import { describe, expect, it } from 'vitest';
import {
  continuesFigureLeft,
  continuesFigureRight,
  figureShape,
  figuresDiffer,
  figuresIn,
  widenToWholeFigures,
} from '../../../../shared/anchoring/figures';

describe('figuresIn / figuresDiffer / figureShape', () => {
  it('reads figures as written, with group separators', () => {
    expect(figuresIn('from 8,018 to 9,572 cases, 19 percent, 3.5kg, 1\u00A0234 and 2020.')).toEqual(['8,018', '9,572', '19', '3.5', '1\u00A0234', '2020']);
    expect(figuresIn('no figures here')).toEqual([]);
  });
  it('tells a changed figure from changed wording', () => {
    expect(figuresDiffer('there are 40,000 prisoners', 'there are 41,000 prisoners')).toBe(true);
    expect(figuresDiffer('there are 40,000 prisoners', 'there were 40,000 inmates')).toBe(false);
    expect(figuresDiffer('40,000', '40000')).toBe(true);
    expect(figuresDiffer('27 of 28', '27')).toBe(true);
  });
  it('keeps the wording around figures', () => {
    expect(figureShape('rose 19 percent from 8,018 to 9,572')).toBe('rose # percent from # to #');
  });
});

describe('figure boundaries', () => {
  it('knows when a position is inside a figure', () => {
    const t = 'held 140,000 men, 3.5 tonnes, 2020, 27';
    const i = t.indexOf('40,000');
    expect(continuesFigureLeft(t, i)).toBe(true);
    expect(continuesFigureLeft(t, t.indexOf('140'))).toBe(false);
    expect(continuesFigureLeft(t, t.indexOf('5 tonnes'))).toBe(true); // after "3."
    expect(continuesFigureLeft(t, t.indexOf('27'))).toBe(false); // ", 27" is a list, not "2020,27"
    expect(continuesFigureRight(t, t.indexOf(',000'))).toBe(true);
    expect(continuesFigureRight(t, t.indexOf(' men'))).toBe(false);
    expect(continuesFigureRight(t, t.indexOf(', 27'))).toBe(false);
    expect(continuesFigureRight(t, t.length)).toBe(false);
  });
  it('widens a span to whole figures unless told to keep a side', () => {
    const t = 'there are 140,000.5 prisoners';
    const i = t.indexOf('40,000');
    expect(widenToWholeFigures(t, i, i + 6)).toEqual({ start: t.indexOf('140'), end: t.indexOf(' prisoners') });
    expect(widenToWholeFigures(t, i, i + 6, { start: true })).toEqual({ start: i, end: t.indexOf(' prisoners') });
    expect(widenToWholeFigures(t, i, i + 6, { start: true, end: true })).toEqual({ start: i, end: i + 6 });
    expect(widenToWholeFigures(t, 0, 5)).toEqual({ start: 0, end: 5 });
  });
});

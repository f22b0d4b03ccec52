import { describe, expect, it } from 'vitest';
import { findDates, parseDeclaredDate, resolveDate } from '../../../../main/corpus/dates';

describe('findDates', () => {
  it.each([
    ['on 23 July 2020 the', { surface: '23 July 2020', year: 2020, month: 7, day: 23 }],
    ['date 2017-02-21', { surface: '2017-02-21', year: 2017, month: 2, day: 21 }],
    ['Published February 23, 2022.', { surface: 'February 23, 2022', year: 2022, month: 2, day: 23 }],
    ['Malin on Nov. 15 reiterated', { surface: 'Nov. 15', year: null, month: 11, day: 15 }],
    ['came on February 23 at a meeting', { surface: 'February 23', year: null, month: 2, day: 23 }],
    ['since 15 November, officials', { surface: '15 November', year: null, month: 11, day: 15 }],
  ])('reads %j', (text, expected) => {
    expect(findDates(text)[0]).toMatchObject(expected);
  });
  it.each(['in June 2021', 'in 2019', 'May 10,000 prisoners be freed', 'may 5 of them', 'COVID-19', 'February 30, 2021', '2020-13-01'])(
    'finds no day-precise date in %j',
    (text) => {
      expect(findDates(text)).toEqual([]);
    },
  );
  it('reports the longest form once, in text order', () => {
    expect(findDates('Between Nov. 5 and July 23, 2020').map((d) => d.surface)).toEqual(['Nov. 5', 'July 23, 2020']);
  });
});

describe('parseDeclaredDate', () => {
  it('reads ISO timestamps and written dates; needs a year', () => {
    expect(parseDeclaredDate('2020-07-23T08:00:00+07:00')).toMatchObject({ year: 2020, month: 7, day: 23 });
    expect(parseDeclaredDate('July 23, 2020')).toMatchObject({ year: 2020, month: 7, day: 23 });
    expect(parseDeclaredDate('July 23')).toBeNull();
    expect(parseDeclaredDate('soon')).toBeNull();
  });
});

describe('resolveDate', () => {
  const mtime = new Date(2021, 11, 1, 12).getTime(); // 1 December 2021, local time
  it('uses the stated date', () => {
    expect(resolveDate({ surface: '23 July 2020', year: 2020, month: 7, day: 23 }, mtime)).toEqual({ iso: '2020-07-23', source: 'text', surface: '23 July 2020' });
  });
  it("gives a year-less date the file's year", () => {
    expect(resolveDate({ surface: 'Nov. 15', year: null, month: 11, day: 15 }, mtime)).toEqual({ iso: '2021-11-15', source: 'text', surface: 'Nov. 15', yearInferred: true });
  });
  it('takes the previous year when the date would fall after the file was saved', () => {
    expect(resolveDate({ surface: 'Dec. 24', year: null, month: 12, day: 24 }, mtime).iso).toBe('2020-12-24');
  });
  it('falls back to the modification date, marked as such', () => {
    expect(resolveDate(null, mtime)).toEqual({ iso: '2021-12-01', source: 'mtime' });
  });
});

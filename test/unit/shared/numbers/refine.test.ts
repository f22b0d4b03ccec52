import { describe, expect, it } from 'vitest';
import { scanNumbers } from '../../../../shared/numbers';

const reasons = (t: string): Array<[string, string]> => scanNumbers(t).rejected.map((r) => [r.text, r.reason]);

describe('refineNumbers', () => {
  it('rejects non-claims with their reason', () => {
    expect(reasons('In 2019, on Nov. 15, during COVID-19, see <sup>1</sup>, the 34th, top 25, Correctional Centers 1 and 2, at 10:30.')).toEqual([
      ['2019', 'year-as-time'], ['15', 'date'], ['19', 'identifier'], ['1', 'footnote'], ['34', 'ordinal'], ['25', 'rank'],
      ['1', 'name'], ['2', 'name'], ['10', 'time-of-day'], ['30', 'time-of-day'],
    ]);
  });
  it('rejects URL digits and document codes', () => {
    expect(reasons('<https://www.voacambodia.com/a/x-/5425872.html> and ASA2322202020ENGLISH')).toEqual([['5425872', 'url'], ['2322202020', 'identifier']]);
  });
  it('keeps a four-digit figure with a unit or a qualifier', () => {
    expect(scanNumbers('more than 2000 and 1999 tonnes').mentions.map((m) => m.value)).toEqual([2000, 1999000]);
  });
  it('merges ranges and applies the upper end’s unit and scale', () => {
    const [m] = scanNumbers('between 10 and 40 million people').mentions;
    expect([m?.value, m?.rangeTo?.value]).toEqual([10e6, 40e6]);
    const [d] = scanNumbers('two or three days').mentions;
    expect([d?.value, d?.unit, d?.rangeTo?.value]).toEqual([2, 'days', 3]);
  });
  it('does not merge a change "from A to B"', () => {
    expect(scanNumbers('rose from 8,018 to 9,572').mentions).toHaveLength(2);
  });
  it('reads "27 of 28" as a share', () => {
    expect(scanNumbers('27 of Cambodia’s 28 prisons').mentions[0]?.outOf?.value).toBe(28);
  });
  it('normalises units', () => {
    const [m] = scanNumbers('nearly 1.5 tonnes').mentions;
    expect([m?.value, m?.unit, m?.kind]).toEqual([1500, 'kg', 'measure']);
  });
});

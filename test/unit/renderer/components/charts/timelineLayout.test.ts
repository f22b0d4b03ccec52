import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Series, SeriesPoint } from '../../../../../shared/domain/crosscheck';
import {
  formatTick,
  labelSize,
  layoutTimeline,
  niceTicks,
  parseDay,
  shortenTitle,
  timeExtent,
  textWidth,
  timeTicks,
  type Box,
  type TimelineLayout,
} from '../../../../../renderer/src/components/charts/timelineLayout';
import { crowdedSeries, samplePrisonSeries, TITLES } from './sampleSeries';

const DAY = 86_400_000;

function labelBox(p: TimelineLayout['points'][number]): Box | null {
  if (!p.label) return null;
  return { x: p.label.x, y: p.label.y, ...labelSize(p.label.figure, p.label.source) };
}

const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** What every layout must satisfy, whatever the data: finite numbers in the box, each point labelled or keyed, no two labels on top of each other. */
function expectSoundLayout(layout: TimelineLayout, width: number, height: number) {
  const numbers: number[] = [];
  JSON.stringify(layout, (_key, value) => {
    if (typeof value === 'number') numbers.push(value);
    return value;
  });
  expect(numbers.every(Number.isFinite)).toBe(true);
  const boxes: Box[] = [];
  for (const p of layout.points) {
    expect(p.x).toBeGreaterThanOrEqual(0);
    expect(p.x).toBeLessThanOrEqual(width);
    expect(p.y).toBeGreaterThanOrEqual(layout.plot.top);
    expect(p.y).toBeLessThanOrEqual(layout.plot.bottom);
    expect(p.label !== null || p.keyNumber !== null).toBe(true);
    expect(p.label !== null && p.keyNumber !== null).toBe(false);
    const box = labelBox(p);
    if (box) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(height);
      for (const other of boxes) expect(intersects(box, other)).toBe(false);
      // No label covers a marker.
      for (const q of layout.points) expect(box.x < q.x && q.x < box.x + box.width && box.y < q.y && q.y < box.y + box.height).toBe(false);
      boxes.push(box);
    }
  }
  const keys = layout.points.map((p) => p.keyNumber).filter((k): k is number => k !== null);
  expect([...keys].sort((a, b) => a - b)).toEqual(keys.map((_, i) => i + 1));
}

describe('time', () => {
  it('parses days and spans (the last day included)', () => {
    expect(parseDay('2020-03-01')).toBe(Date.UTC(2020, 2, 1));
    expect(parseDay('March 2020')).toBeNull();
    const month = timeExtent({ from: '2020-03-01', to: '2020-03-31', label: 'March 2020', basis: 'stated' })!;
    expect(month.start).toBe(Date.UTC(2020, 2, 1));
    expect(month.end).toBe(Date.UTC(2020, 3, 1));
    expect(new Date(month.mid).toISOString().slice(0, 10)).toBe('2020-03-16');
    expect(timeExtent({ from: '2019-05-04', label: '4 May 2019', basis: 'stated' })).toEqual({
      start: Date.UTC(2019, 4, 4),
      end: Date.UTC(2019, 4, 5),
      mid: Date.UTC(2019, 4, 4) + DAY / 2,
    });
    expect(timeExtent({ label: 'no date', basis: 'unknown' })).toBeNull();
  });

  it('ticks years for long spans and months for short ones, never more than asked', () => {
    const years = timeTicks(Date.UTC(2016, 9, 1), Date.UTC(2021, 8, 1), 6);
    expect(years.map((t) => t.label)).toEqual(['2017', '2018', '2019', '2020', '2021']);
    expect(timeTicks(Date.UTC(2016, 9, 1), Date.UTC(2021, 8, 1), 3).map((t) => t.label)).toEqual(['2018', '2020']);
    const months = timeTicks(Date.UTC(2020, 0, 15), Date.UTC(2020, 6, 15), 6);
    expect(months.map((t) => t.label)).toEqual(['Feb 2020', 'Mar 2020', 'Apr 2020', 'May 2020', 'Jun 2020', 'Jul 2020']);
    expect(timeTicks(Date.UTC(2020, 0, 15), Date.UTC(2020, 6, 15), 3).map((t) => t.label)).toEqual(['Mar 2020', 'May 2020', 'Jul 2020']);
    expect(timeTicks(Date.UTC(1900, 0, 1), Date.UTC(2020, 0, 1), 4).length).toBeLessThanOrEqual(4);
  });
});

describe('value axis', () => {
  it('picks round steps covering the data', () => {
    expect(niceTicks(0, 45_000, 5)).toEqual({ domain: [0, 50_000], ticks: [0, 10_000, 20_000, 30_000, 40_000, 50_000], step: 10_000 });
    const fine = niceTicks(0.1, 0.7, 3);
    expect(fine.ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    const flat = niceTicks(40_000, 40_000, 4);
    expect(flat.domain[0]).toBeLessThan(40_000);
    expect(flat.domain[1]).toBeGreaterThan(40_000);
  });

  it('writes readable tick labels', () => {
    expect(formatTick(40_000, 10_000, 'count')).toBe('40k');
    expect(formatTick(42_500, 2_500, 'count')).toBe('42.5k');
    expect(formatTick(2_500, 500, 'count')).toBe('2,500');
    expect(formatTick(1_500_000, 500_000, 'USD')).toBe('1.5M');
    expect(formatTick(6_600_000_000, 200_000_000, 'USD')).toBe('6.6bn');
    expect(formatTick(12.5, 2.5, 'percent')).toBe('12.5%');
    expect(formatTick(0, 10_000, 'count')).toBe('0');
    expect(formatTick(0.3, 0.1, 'kg')).toBe('0.3');
  });
});

describe('textWidth', () => {
  it('counts capitals and digits wider than lower case, and bold wider than regular', () => {
    expect(textWidth('CAMBODIAN', 10)).toBeGreaterThan(textWidth('cambodian', 10));
    expect(textWidth('38,990', 11, true)).toBeGreaterThan(textWidth('38,990', 11));
    expect(textWidth('', 10)).toBe(0);
    // About right for the system UI font: 'over 38,990' in 11 px bold is 60-75 px.
    expect(textWidth('over 38,990', 11, true)).toBeGreaterThan(55);
    expect(textWidth('over 38,990', 11, true)).toBeLessThan(75);
  });
});

describe('shortenTitle', () => {
  it('cuts at a word with an ellipsis, and leaves short titles alone', () => {
    expect(shortenTitle(TITLES['003'], 28)).toBe('CAMBODIAN AUTHORITIES MUST…');
    expect(shortenTitle(TITLES['004'], 18)).toBe('Justice Ministry…');
    expect(shortenTitle('Short title', 18)).toBe('Short title');
    expect(shortenTitle('Supercalifragilisticexpialidocious', 10)).toBe('Supercali…');
    for (const n of [10, 18, 28]) expect(shortenTitle(TITLES['000'], n).length).toBeLessThanOrEqual(n);
  });
});

describe('layoutTimeline with the sample prison-population series', () => {
  const series = samplePrisonSeries();
  const [p2016, p2020, p2021, undated] = [0, 1, 2, 3];

  for (const [width, height] of [
    [340, 220],
    [560, 260],
  ] as const) {
    it(`places time left to right and undated points in their column (${width}×${height})`, () => {
      const layout = layoutTimeline(series, width, height, p2020);
      const pts = layout.points;
      expectSoundLayout(layout, width, height);
      expect(pts[p2016]!.x).toBeLessThan(pts[p2020]!.x);
      expect(pts[p2020]!.x).toBeLessThan(pts[p2021]!.x);
      expect(pts[p2021]!.x).toBeLessThan(layout.plot.right);
      expect(pts[undated]!.dated).toBe(false);
      expect(layout.undated).not.toBeNull();
      expect(pts[undated]!.x).toBeGreaterThan(layout.undated!.left);
      expect(pts[undated]!.x).toBeLessThan(layout.undated!.right);
      expect(layout.plot.right).toBeLessThan(layout.undated!.left);
      // Higher values higher up: 21,900 lowest.
      expect(pts[p2016]!.y).toBeGreaterThan(pts[p2020]!.y);
      // The axis starts at zero and reads in thousands.
      expect(layout.yTicks[0]!.label).toBe('0');
      expect(layout.yTicks.map((t) => t.label)).toContain('40k');
      expect(layout.xTicks.map((t) => t.label)).toContain('2020');
      // 'over 38,990' is open above: its bar runs to the top with an arrow; '21,900' has a tiny interval, no bar.
      expect(pts[p2020]!.interval).toMatchObject({ openHigh: true, openLow: false, y2: layout.plot.top });
      expect(pts[p2016]!.interval).toBeNull();
      expect(pts[p2021]!.interval).toMatchObject({ openHigh: false, openLow: false });
      // Month-long times are whiskers centred on the point.
      const span = pts[p2020]!.span!;
      expect(span.x1).toBeLessThan(pts[p2020]!.x);
      expect(span.x2).toBeGreaterThan(pts[p2020]!.x);
      expect(pts[undated]!.span).toBeNull();
      // The current claim's label always has room.
      expect(pts[p2020]!.label).toMatchObject({ figure: 'over 38,990' });
    });
  }

  it('labels every point of the sample at the default size with figure and shortened source', () => {
    const layout = layoutTimeline(series, 560, 260, p2020);
    const labelled = layout.points.filter((p) => p.label);
    expect(labelled.length).toBeGreaterThanOrEqual(3);
    for (const p of labelled) {
      expect(p.label!.figure).toBe(p.point.text);
      expect(p.label!.source).toBe(shortenTitle(p.point.articleTitle, 28));
    }
  });

  it('a label next to its point is nearer it than any other point', () => {
    for (const [w, h] of [
      [340, 220],
      [560, 260],
      [800, 300],
    ] as const) {
      const layout = layoutTimeline(series, w, h, p2020);
      for (const p of layout.points) {
        const box = labelBox(p);
        if (!box || p.label!.leader) continue;
        const distance = (q: { x: number; y: number }) =>
          Math.hypot(Math.max(box.x - q.x, 0, q.x - box.x - box.width), Math.max(box.y - q.y, 0, q.y - box.y - box.height));
        for (const q of layout.points) if (q !== p) expect(distance(q)).toBeGreaterThan(distance(p));
      }
    }
  });
});

describe('layoutTimeline edge cases', () => {
  it('one point', () => {
    const one: Series = { ...samplePrisonSeries(), points: [samplePrisonSeries().points[1]!] };
    const layout = layoutTimeline(one, 340, 220, 0);
    expectSoundLayout(layout, 340, 220);
    expect(layout.undated).toBeNull();
    expect(layout.points[0]!.label).not.toBeNull();
    expect(layout.xTicks.length).toBeGreaterThanOrEqual(2);
    expect(layout.yTicks.length).toBeGreaterThanOrEqual(2);
  });

  it('one undated point takes the whole width', () => {
    const one: Series = { ...samplePrisonSeries(), points: [samplePrisonSeries().points[3]!] };
    const layout = layoutTimeline(one, 340, 220);
    expectSoundLayout(layout, 340, 220);
    expect(layout.xTicks).toEqual([]);
    expect(layout.undated!.left).toBe(layout.plot.left);
  });

  it('no points', () => {
    const layout = layoutTimeline({ ...samplePrisonSeries(), points: [] }, 340, 220);
    expect(layout.points).toEqual([]);
    expectSoundLayout(layout, 340, 220);
  });

  it('50 points: everything placed, crowded labels become numbered key entries', () => {
    for (const [w, h] of [
      [340, 220],
      [800, 320],
    ] as const) {
      const layout = layoutTimeline(crowdedSeries(50), w, h);
      expectSoundLayout(layout, w, h);
      expect(layout.points.filter((p) => p.label).length).toBeGreaterThan(0);
      expect(layout.points.filter((p) => p.keyNumber !== null).length).toBeGreaterThan(0);
    }
  });

  it('property: any series lays out soundly', () => {
    const point = fc.record({
      value: fc.double({ min: -1e7, max: 1e9, noNaN: true, noDefaultInfinity: true }),
      spread: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true })),
      openLow: fc.boolean(),
      openHigh: fc.boolean(),
      day: fc.option(fc.integer({ min: 0, max: 20_000 })),
      length: fc.integer({ min: 0, max: 400 }),
    });
    fc.assert(
      fc.property(fc.array(point, { maxLength: 30 }), fc.integer({ min: 200, max: 900 }), fc.integer({ min: 140, max: 400 }), (specs, w, h) => {
        const points: SeriesPoint[] = specs.map((s, i) => {
          const from = s.day === null ? undefined : new Date(Date.UTC(1990, 0, 1) + s.day * DAY).toISOString().slice(0, 10);
          const to = s.day === null ? undefined : new Date(Date.UTC(1990, 0, 1) + (s.day + s.length) * DAY).toISOString().slice(0, 10);
          return {
            ref: { articleId: `a${i}`, start: i, end: i + 1 },
            value: s.value,
            low: s.openLow ? null : s.value - (s.spread ?? 0),
            high: s.openHigh ? null : s.value + (s.spread ?? 0),
            text: String(s.value),
            time: from ? { from, to, label: from, basis: 'stated' } : { label: 'no date', basis: 'unknown' },
            articleTitle: `Article ${i} with a title of some length`,
          };
        });
        expectSoundLayout(layoutTimeline({ id: 'x', label: 'x', unit: 'count', points }, w, h, points.length ? 0 : -1), w, h);
      }),
      { numRuns: 150 },
    );
  });
});

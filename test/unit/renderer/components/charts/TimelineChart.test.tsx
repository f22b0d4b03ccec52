import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Series } from '../../../../../shared/domain/crosscheck';
import { describePoint, summariseSeries, TimelineChart } from '../../../../../renderer/src/components/charts/TimelineChart';
import { crowdedSeries, samplePrisonSeries, TITLES } from './sampleSeries';

afterEach(cleanup);

const series = samplePrisonSeries();
const [p2016, p2020, p2021, pUndated] = series.points as [
  Series['points'][number],
  Series['points'][number],
  Series['points'][number],
  Series['points'][number],
];
const points = () => screen.getAllByTestId('timeline-point');
const pointFor = (text: string) => points().find((p) => p.getAttribute('aria-label')!.startsWith(`${text},`))!;

/** Every number-valued attribute in the chart is a finite number (no NaN from an empty or flat axis). */
function expectNoNaN(container: HTMLElement) {
  for (const el of container.querySelectorAll('*')) {
    for (const attr of ['x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'width', 'height', 'd', 'viewBox']) {
      const value = el.getAttribute(attr);
      if (value !== null) expect(value, `${el.tagName} ${attr}`).not.toMatch(/NaN|Infinity|undefined/);
    }
  }
}

describe('TimelineChart with the sample prison-population series', () => {
  it('is one image with a summary, a title and a full description', () => {
    render(<TimelineChart series={series} current={p2020.ref} width={340} height={220} />);
    const img = screen.getByRole('img');
    const label = img.getAttribute('aria-label')!;
    expect(label).toBe(
      'Timeline of prison population (count): 4 values, 3 dated, from 21,900 (end of 2016) to some 39,000 (June 2021), ' +
        '1 without a date. This claim: over 38,990, March 2020.',
    );
    expect(img.querySelector('title')!.textContent).toBe(label);
    const desc = document.getElementById(img.getAttribute('aria-describedby')!)!;
    expect(desc.tagName.toLowerCase()).toBe('desc');
    for (const p of series.points) {
      expect(desc.textContent).toContain(p.text);
      expect(desc.textContent).toContain(p.articleTitle);
    }
    expect(desc.textContent).toContain('40,000, no date');
  });

  it('marks the current claim by shape: one filled diamond, hollow circles for the rest', () => {
    render(<TimelineChart series={series} current={p2020.ref} />);
    const shapes = points().map((p) => p.getAttribute('data-shape'));
    expect(shapes).toEqual(['circle', 'diamond', 'circle', 'circle']);
    const current = pointFor('over 38,990');
    expect(current.getAttribute('aria-current')).toBe('true');
    expect(current.querySelector('path.timeline-marker.is-current')).not.toBeNull();
    expect(pointFor('21,900').querySelector('circle.timeline-marker')).not.toBeNull();
    expect(current.getAttribute('aria-label')).toBe(`over 38,990, March 2020, in “${TITLES['003']}” (this claim)`);
  });

  it('puts dated points in time order and the undated one in the "no date" column', () => {
    const { container } = render(<TimelineChart series={series} current={p2020.ref} width={340} height={220} />);
    const x = (text: string) => Number(pointFor(text).getAttribute('data-x'));
    expect(x('21,900')).toBeLessThan(x('over 38,990'));
    expect(x('over 38,990')).toBeLessThan(x('some 39,000'));
    const column = screen.getByTestId('timeline-undated-column');
    expect(column.textContent).toBe('no date');
    const rect = column.querySelector('rect')!;
    const left = Number(rect.getAttribute('x'));
    expect(x('some 39,000')).toBeLessThan(left);
    expect(x('40,000')).toBeGreaterThan(left);
    expect(x('40,000')).toBeLessThan(left + Number(rect.getAttribute('width')));
    expect(pointFor('40,000').getAttribute('data-dated')).toBe('false');
    expectNoNaN(container);
  });

  it('draws readable axes, whiskers for month-long times and an arrow for "over"', () => {
    render(<TimelineChart series={series} current={p2020.ref} />);
    const yLabels = screen.getAllByTestId('timeline-y-tick').map((t) => t.textContent);
    expect(yLabels).toEqual(['0', '10k', '20k', '30k', '40k', '50k']);
    const xLabels = screen.getAllByTestId('timeline-x-tick').map((t) => t.textContent);
    expect(xLabels).toEqual(['2017', '2018', '2019', '2020', '2021']);
    expect(screen.getAllByTestId('timeline-span')).toHaveLength(3); // the three dated months
    expect(screen.getAllByTestId('timeline-arrow-up')).toHaveLength(1);
    expect(screen.queryAllByTestId('timeline-arrow-down')).toHaveLength(0);
    // 21,900's interval (±50) is too small to draw; 39,000's and 40,000's rounding is shown.
    expect(screen.getAllByTestId('timeline-interval')).toHaveLength(3);
  });

  it('labels every point with its figure and shortened source, on the chart or in the key', () => {
    for (const [width, height] of [
      [340, 220],
      [560, 260],
    ] as const) {
      const { unmount } = render(<TimelineChart series={series} current={p2020.ref} width={width} height={height} />);
      const labels = screen.queryAllByTestId('timeline-label').map((l) => l.textContent!);
      const key = screen.queryByTestId('timeline-key');
      const keyItems = key ? within(key).getAllByRole('listitem').map((li) => li.textContent!) : [];
      expect(labels.length + keyItems.length).toBe(4);
      for (const p of series.points) {
        const onChart = labels.find((l) => l.startsWith(p.text));
        const inKey = keyItems.find((k) => k.startsWith(`${p.text} ·`));
        expect(Boolean(onChart) !== Boolean(inKey), p.text).toBe(true);
        const shortSource = (onChart ?? inKey)!.slice(p.text.length).replace(/^ · /, '');
        expect(p.articleTitle.startsWith(shortSource.replace(/….*$/, '')), shortSource).toBe(true);
      }
      // The current claim is always labelled on the chart.
      expect(labels.some((l) => l.startsWith('over 38,990'))).toBe(true);
      // Each key entry has its number beside its point.
      expect(screen.queryAllByTestId('timeline-key-number').map((n) => n.textContent)).toEqual(keyItems.map((_, i) => String(i + 1)));
      unmount();
    }
  });

  it('Enter, Space and a click select a point; one tab stop, arrows move between points', () => {
    const onSelect = vi.fn();
    render(<TimelineChart series={series} current={p2020.ref} onSelect={onSelect} />);
    expect(points().map((p) => p.getAttribute('tabindex'))).toEqual(['-1', '0', '-1', '-1']);
    expect(points().every((p) => p.getAttribute('role') === 'button')).toBe(true);

    const current = pointFor('over 38,990');
    current.focus();
    expect(document.activeElement).toBe(current);
    fireEvent.keyDown(current, { key: 'Enter' });
    expect(onSelect).toHaveBeenLastCalledWith(p2020.ref);

    fireEvent.keyDown(current, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(pointFor('some 39,000'));
    fireEvent.keyDown(document.activeElement!, { key: ' ' });
    expect(onSelect).toHaveBeenLastCalledWith(p2021.ref);
    expect(points().map((p) => p.getAttribute('tabindex'))).toEqual(['-1', '-1', '0', '-1']);

    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(pointFor('40,000'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' }); // stays on the last
    expect(document.activeElement).toBe(pointFor('40,000'));
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(pointFor('21,900'));

    fireEvent.click(pointFor('40,000'));
    expect(onSelect).toHaveBeenLastCalledWith(pUndated.ref);
    expect(onSelect).toHaveBeenCalledTimes(3);
  });

  it('without a current claim: all circles, the first point is the tab stop, no "this claim"', () => {
    render(<TimelineChart series={series} />);
    expect(points().every((p) => p.getAttribute('data-shape') === 'circle')).toBe(true);
    expect(points()[0]!.getAttribute('tabindex')).toBe('0');
    expect(screen.getByRole('img').getAttribute('aria-label')).not.toContain('This claim');
  });

  it('explains its marks in a legend that does not rely on colour', () => {
    render(<TimelineChart series={series} current={p2016.ref} />);
    const legend = screen.getByTestId('timeline-chart').querySelector('figcaption')!;
    expect(legend.textContent).toContain('◆ this claim');
    expect(legend.textContent).toContain('○ other sources');
  });
});

describe('TimelineChart sizes', () => {
  it('one point', () => {
    const one: Series = { ...series, points: [p2020] };
    const { container } = render(<TimelineChart series={one} current={p2020.ref} width={340} height={220} />);
    expect(points()).toHaveLength(1);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Timeline of prison population (count): 1 value, 1 dated: over 38,990 (March 2020). This claim: over 38,990, March 2020.',
    );
    expect(screen.getAllByTestId('timeline-label')).toHaveLength(1);
    expect(screen.queryByTestId('timeline-undated-column')).toBeNull();
    expectNoNaN(container);
  });

  it('50 points: all drawn and focusable, all named, and every one labelled or keyed', () => {
    const crowded = crowdedSeries(50);
    const onSelect = vi.fn();
    const { container } = render(<TimelineChart series={crowded} current={crowded.points[20]!.ref} onSelect={onSelect} width={340} height={220} />);
    expect(points()).toHaveLength(50);
    expect(points().filter((p) => p.getAttribute('tabindex') === '0')).toHaveLength(1);
    expect(points().map((p) => p.getAttribute('aria-label')!.replace(' (this claim)', ''))).toEqual(crowded.points.map(describePoint));
    const labelled = screen.queryAllByTestId('timeline-label').length;
    const keyed = within(screen.getByTestId('timeline-key')).getAllByRole('listitem').length;
    expect(labelled + keyed).toBe(50);
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('50 values');
    expectNoNaN(container);
    fireEvent.keyDown(points()[20]!, { key: 'Enter' });
    expect(onSelect).toHaveBeenCalledWith(crowded.points[20]!.ref);
  });

  it('no points: says so and draws no point', () => {
    const { container } = render(<TimelineChart series={{ ...series, points: [] }} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Timeline of prison population (count): no values.');
    expect(screen.queryAllByTestId('timeline-point')).toHaveLength(0);
    expectNoNaN(container);
  });
});

describe('summariseSeries', () => {
  it('counts undated points and names the highlighted one', () => {
    expect(summariseSeries({ ...series, points: [pUndated] }, pUndated.ref)).toBe(
      'Timeline of prison population (count): 1 value, 1 without a date. This claim: 40,000, no date.',
    );
  });
});

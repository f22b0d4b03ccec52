import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { claimKey, type ClaimRef, type Series, type SeriesPoint } from '../../../../shared/domain/crosscheck';
import { layoutTimeline, shortenTitle, timeExtent, type PointLayout } from './timelineLayout';
import './timelineChart.css';

export interface TimelineChartProps {
  series: Series;
  /** The claim being inspected: drawn as a filled diamond, the others as hollow circles. */
  current?: ClaimRef;
  onSelect?(ref: ClaimRef): void;
  width?: number;
  height?: number;
}

const sameRef = (a: ClaimRef, b: ClaimRef | undefined) =>
  b !== undefined && a.articleId === b.articleId && a.start === b.start && a.end === b.end;

/** "over 38,990, March 2020, in “Title”": one point in words. */
export function describePoint(point: SeriesPoint): string {
  const when = timeExtent(point.time) ? point.time.label : `no date${point.time.label && point.time.label !== 'no date' ? ` (${point.time.label})` : ''}`;
  return `${point.text}, ${when}, in “${point.articleTitle}”`;
}

/** The chart in one sentence, for its aria-label. */
export function summariseSeries(series: Series, current?: ClaimRef): string {
  const what = `${series.label} (${series.unit})`;
  if (series.points.length === 0) return `Timeline of ${what}: no values.`;
  const dated = series.points.filter((p) => timeExtent(p.time));
  const undatedCount = series.points.length - dated.length;
  const parts = [`Timeline of ${what}: ${series.points.length} ${series.points.length === 1 ? 'value' : 'values'}`];
  if (dated.length > 0) {
    const first = dated[0]!;
    const last = dated[dated.length - 1]!;
    parts.push(
      dated.length === 1
        ? `1 dated: ${first.text} (${first.time.label})`
        : `${dated.length} dated, from ${first.text} (${first.time.label}) to ${last.text} (${last.time.label})`,
    );
  }
  if (undatedCount > 0) parts.push(`${undatedCount} without a date`);
  const highlighted = series.points.find((p) => sameRef(p.ref, current));
  const sentence = parts.join(', ') + '.';
  return highlighted ? `${sentence} This claim: ${highlighted.text}, ${highlighted.time.label}.` : sentence;
}

/** Points in series order (oldest first, undated last), each in words: the chart's long description. */
function describeAll(series: Series): string {
  return series.points.map((p, i) => `${i + 1}. ${describePoint(p)}.`).join(' ');
}

function Marker({ layout, isCurrent }: { layout: PointLayout; isCurrent: boolean }) {
  const { x, y } = layout;
  return isCurrent ? (
    <path className="timeline-marker is-current" d={`M${x} ${y - 8}L${x + 8} ${y}L${x} ${y + 8}L${x - 8} ${y}Z`} />
  ) : (
    <circle className="timeline-marker" cx={x} cy={y} r={5} />
  );
}

/** An arrowhead at (x, y) pointing up or down: the interval is open on that side. */
const arrow = (x: number, y: number, up: boolean) =>
  up ? `M${x - 4} ${y + 6}L${x} ${y}L${x + 4} ${y + 6}` : `M${x - 4} ${y - 6}L${x} ${y}L${x + 4} ${y - 6}`;

/**
 * One quantity over time across sources. Time runs left to right (a point sits at the middle
 * of the time it refers to; a span longer than a day is a horizontal whisker); values run up,
 * with the interval the wording allows as a vertical bar (an arrow where it is open: "over
 * 38,990"). Undated points stand in a "no date" column at the right. Every point carries its
 * figure and source (or, where there is no room, a number in the key below).
 *
 * Two layers: the drawing is one `role="img"` with a summary and a full description; the
 * points are buttons above it (one tab stop; arrows move between points; Enter selects).
 */
export function TimelineChart({ series, current, onSelect, width = 560, height = 260 }: TimelineChartProps) {
  const id = useId();
  const currentIndex = series.points.findIndex((p) => sameRef(p.ref, current));
  const layout = useMemo(() => layoutTimeline(series, width, height, currentIndex), [series, width, height, currentIndex]);
  const summary = summariseSeries(series, current);
  const keyed = layout.points.filter((p) => p.keyNumber !== null).sort((a, b) => a.keyNumber! - b.keyNumber!);
  const { plot, undated } = layout;

  // Roving tab stop: the current claim's point, else the first; arrows move it.
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const tabStop = focusIndex !== null && focusIndex < series.points.length ? focusIndex : Math.max(0, currentIndex);
  const pointRefs = useRef<Array<SVGGElement | null>>([]);

  const onPointKey = (event: KeyboardEvent<SVGGElement>, index: number) => {
    const count = series.points.length;
    const target =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? Math.min(count - 1, index + 1)
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? Math.max(0, index - 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? count - 1
              : null;
    if (target !== null) {
      event.preventDefault();
      setFocusIndex(target);
      pointRefs.current[target]?.focus();
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect?.(series.points[index]!.ref);
    }
  };

  return (
    <figure className="timeline-chart" data-testid="timeline-chart">
      <div className="timeline-canvas" style={{ maxWidth: width }}>
        <svg
          className="timeline-drawing"
          role="img"
          aria-label={summary}
          aria-describedby={`${id}-desc`}
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
        >
          <title>{summary}</title>
          <desc id={`${id}-desc`}>{describeAll(series)}</desc>

          <g className="timeline-axis" aria-hidden="true">
            {layout.yTicks.map((tick) => (
              <g key={`y${tick.label}`} data-testid="timeline-y-tick">
                <line className="timeline-grid" x1={plot.left} x2={undated ? undated.right : plot.right} y1={tick.y} y2={tick.y} />
                <text className="timeline-tick-label" x={plot.left - 6} y={tick.y} textAnchor="end" dominantBaseline="middle">
                  {tick.label}
                </text>
              </g>
            ))}
            {layout.xTicks.map((tick) => (
              <g key={`x${tick.label}`} data-testid="timeline-x-tick">
                <line className="timeline-tick" x1={tick.x} x2={tick.x} y1={plot.bottom} y2={plot.bottom + 4} />
                <text className="timeline-tick-label" x={tick.x} y={plot.bottom + 15} textAnchor="middle">
                  {tick.label}
                </text>
              </g>
            ))}
            <line className="timeline-baseline" x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />
            {undated && (
              <g data-testid="timeline-undated-column">
                <rect
                  className="timeline-undated"
                  x={undated.left}
                  y={plot.top}
                  width={undated.right - undated.left}
                  height={plot.bottom - plot.top}
                />
                <text className="timeline-tick-label" x={(undated.left + undated.right) / 2} y={plot.bottom + 15} textAnchor="middle">
                  no date
                </text>
              </g>
            )}
          </g>

          {layout.points.map((p) => (
            <g key={claimKey(p.point.ref)} className="timeline-point-drawing" data-basis={p.point.time.basis} aria-hidden="true">
              {p.span && (
                <g className="timeline-span" data-testid="timeline-span">
                  <line x1={p.span.x1} x2={p.span.x2} y1={p.y} y2={p.y} />
                  <line x1={p.span.x1} x2={p.span.x1} y1={p.y - 4} y2={p.y + 4} />
                  <line x1={p.span.x2} x2={p.span.x2} y1={p.y - 4} y2={p.y + 4} />
                </g>
              )}
              {p.interval && (
                <g className="timeline-interval" data-testid="timeline-interval" data-open-low={p.interval.openLow} data-open-high={p.interval.openHigh}>
                  <line x1={p.x} x2={p.x} y1={p.interval.y1} y2={p.interval.y2} />
                  {p.interval.openHigh ? (
                    <path className="timeline-arrow" d={arrow(p.x, p.interval.y2, true)} data-testid="timeline-arrow-up" />
                  ) : (
                    <line x1={p.x - 4} x2={p.x + 4} y1={p.interval.y2} y2={p.interval.y2} />
                  )}
                  {p.interval.openLow ? (
                    <path className="timeline-arrow" d={arrow(p.x, p.interval.y1, false)} data-testid="timeline-arrow-down" />
                  ) : (
                    <line x1={p.x - 4} x2={p.x + 4} y1={p.interval.y1} y2={p.interval.y1} />
                  )}
                </g>
              )}
              {p.label?.leader && (
                <line
                  className="timeline-leader"
                  x1={p.label.leader.x1}
                  y1={p.label.leader.y1}
                  x2={p.label.leader.x2}
                  y2={p.label.leader.y2}
                />
              )}
              {p.label && (
                <text className="timeline-label" x={p.label.x} y={p.label.y} data-testid="timeline-label">
                  <tspan className="timeline-label-figure" x={p.label.x} dy="11">
                    {p.label.figure}
                  </tspan>
                  <tspan className="timeline-label-source" x={p.label.x} dy="12">
                    {p.label.source}
                  </tspan>
                </text>
              )}
              {p.keyNumber !== null && p.badge && (
                <text className="timeline-key-number" x={p.badge.x + 1} y={p.badge.y + 9} data-testid="timeline-key-number">
                  {p.keyNumber}
                </text>
              )}
            </g>
          ))}
        </svg>

        <svg className="timeline-points" role="group" aria-label={`Points of ${series.label}`} viewBox={`0 0 ${width} ${height}`}>
          {layout.points.map((p) => {
            const isCurrent = p.index === currentIndex;
            return (
              <g
                key={claimKey(p.point.ref)}
                ref={(el) => {
                  pointRefs.current[p.index] = el;
                }}
                className="timeline-point"
                role="button"
                tabIndex={p.index === tabStop ? 0 : -1}
                aria-label={`${describePoint(p.point)}${isCurrent ? ' (this claim)' : ''}`}
                aria-current={isCurrent ? 'true' : undefined}
                data-testid="timeline-point"
                data-shape={isCurrent ? 'diamond' : 'circle'}
                data-dated={p.dated}
                data-x={p.x.toFixed(1)}
                data-y={p.y.toFixed(1)}
                onClick={() => onSelect?.(p.point.ref)}
                onFocus={() => setFocusIndex(p.index)}
                onKeyDown={(event) => onPointKey(event, p.index)}
              >
                <title>{describePoint(p.point)}</title>
                <circle className="timeline-focus" cx={p.x} cy={p.y} r={11} />
                <Marker layout={p} isCurrent={isCurrent} />
              </g>
            );
          })}
        </svg>
      </div>

      {keyed.length > 0 && (
        <ol className="timeline-key" data-testid="timeline-key">
          {keyed.map((p) => (
            <li key={claimKey(p.point.ref)} value={p.keyNumber!}>
              <strong>{p.point.text}</strong> · {shortenTitle(p.point.articleTitle, 60)} · {p.dated ? p.point.time.label : 'no date'}
            </li>
          ))}
        </ol>
      )}
      <figcaption className="timeline-legend">
        <span>
          <span aria-hidden="true">◆</span> this claim
        </span>
        <span>
          <span aria-hidden="true">○</span> other sources
        </span>
        <span>
          <span aria-hidden="true">│</span> range the wording allows, <span aria-hidden="true">↑</span> open-ended
        </span>
        <span>
          <span aria-hidden="true">├┤</span> period
        </span>
      </figcaption>
    </figure>
  );
}

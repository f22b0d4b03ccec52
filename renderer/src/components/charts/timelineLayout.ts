/**
 * Geometry of the timeline chart, as plain numbers: scales, ticks, where each point, time
 * span, interval and label goes. The component only draws what this returns, so the layout
 * is testable without a DOM (and without measuring text: widths are estimated per character).
 */
import type { EffectiveTime, Series, SeriesPoint } from '../../../../shared/domain/crosscheck';

const DAY = 86_400_000;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TimeExtent {
  /** First millisecond covered. */
  start: number;
  /** First millisecond after the span (the `to` day is included). */
  end: number;
  mid: number;
}

/** A YYYY-MM-DD day as UTC milliseconds, or null when it is not one. */
export function parseDay(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(ms) ? null : ms;
}

/** The span a point's time covers; null for an undated point (it goes to the "no date" column). */
export function timeExtent(time: EffectiveTime): TimeExtent | null {
  const from = time.from ? parseDay(time.from) : null;
  const to = time.to ? parseDay(time.to) : null;
  if (from === null && to === null) return null;
  const start = Math.min(from ?? to!, to ?? from!);
  const end = Math.max(from ?? to!, to ?? from!) + DAY;
  return { start, end, mid: (start + end) / 2 };
}

/** Ticks at round values covering [min, max], about `count` of them; the domain is widened to the outer ticks. */
export function niceTicks(min: number, max: number, count: number): { domain: [number, number]; ticks: number[]; step: number } {
  // A flat range (or one too thin to tell from rounding noise) gets room around it.
  const scale = Math.max(Math.abs(min), Math.abs(max));
  if (!(max - min > 16 * Number.EPSILON * Math.max(scale, 1))) {
    const pad = scale > 1e-9 ? scale * 0.1 : 1;
    min -= pad;
    max += pad;
  }
  const raw = (max - min) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normalised = raw / magnitude;
  const step = (normalised < 1.5 ? 1 : normalised < 3 ? 2 : normalised < 7 ? 5 : 10) * magnitude;
  const low = Math.floor(min / step) * step;
  const high = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  // Multiply rather than accumulate, so 0.1 steps do not drift.
  for (let i = 0; low + i * step <= high + step / 1e6; i++) ticks.push(Number((low + i * step).toPrecision(12)));
  return { domain: [low, high], ticks, step };
}

/** An axis label: 40k, 1.5M, 2bn, 2,500, 12.5%; decimals only as many as the step needs. */
export function formatTick(value: number, step: number, unit: string): string {
  if (value === 0) return unit === 'percent' ? '0%' : '0';
  const largest = Math.max(Math.abs(value), Math.abs(step));
  const [scale, suffix] = largest >= 1e9 ? [1e9, 'bn'] : largest >= 1e6 ? [1e6, 'M'] : largest >= 1e4 ? [1e3, 'k'] : [1, ''];
  // As many decimals as the step has (a 2.5k step: one), at most three.
  const scaledStep = Math.abs(step) / scale;
  let decimals = 0;
  while (decimals < 3 && Math.abs(Math.round(scaledStep * 10 ** decimals) - scaledStep * 10 ** decimals) > 1e-9 * 10 ** decimals) decimals++;
  const text = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
    value / scale,
  );
  return `${text}${suffix}${unit === 'percent' ? '%' : ''}`;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Year ticks (1, 2, 5, 10… years apart) for long spans, month ticks for short ones; at most `maxTicks`. */
export function timeTicks(start: number, end: number, maxTicks: number): Array<{ t: number; label: string }> {
  const limit = Math.max(1, Math.floor(maxTicks));
  const first = new Date(start);
  const last = new Date(end);
  const firstMonth = first.getUTCFullYear() * 12 + first.getUTCMonth();
  const lastMonth = last.getUTCFullYear() * 12 + last.getUTCMonth();

  for (const months of [1, 2, 3, 6]) {
    const ticks: Array<{ t: number; label: string }> = [];
    for (let m = Math.ceil(firstMonth / months) * months; m <= lastMonth; m += months) {
      const t = Date.UTC(Math.floor(m / 12), m % 12, 1);
      if (t >= start && t <= end) ticks.push({ t, label: `${MONTH_NAMES[m % 12]} ${Math.floor(m / 12)}` });
    }
    if (ticks.length <= limit && ticks.length >= 2) return ticks;
    if (ticks.length < 2 && months === 1) return ticks; // shorter than two months: at most one tick
  }
  for (const years of [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000]) {
    const ticks: Array<{ t: number; label: string }> = [];
    for (let y = Math.ceil(first.getUTCFullYear() / years) * years; y <= last.getUTCFullYear(); y += years) {
      const t = Date.UTC(y, 0, 1);
      if (t >= start && t <= end) ticks.push({ t, label: String(y) });
    }
    if (ticks.length <= limit) return ticks;
  }
  return [];
}

/** A title short enough to sit beside a point: cut at a word, with an ellipsis. */
export function shortenTitle(title: string, maxChars: number): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxChars) return clean;
  const cut = clean.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

const LABEL_HEIGHT = 26;

/**
 * Estimated width of a line of text in the system UI font, in px: capitals and digits are
 * wider than lower case, spaces and punctuation narrower; bold adds about 10%. Measured
 * against DejaVu Sans (a wide fallback), so real system fonts come out a little narrower.
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const ch of text) {
    if (/[\s.,:;'’|!ilj]/.test(ch)) ems += 0.3;
    else if (/[MW]/.test(ch)) ems += 0.85;
    else if (/[A-Z]/.test(ch)) ems += 0.68;
    else if (/[0-9]/.test(ch)) ems += 0.64;
    else if (/[mw]/.test(ch)) ems += 0.8;
    else if (/[a-z]/.test(ch)) ems += 0.57;
    else ems += 0.62;
  }
  return ems * fontSize * (bold ? 1.1 : 1);
}

/** The box a two-line label takes: the figure (11 px bold) over the source (10 px). */
export function labelSize(figure: string, source: string): { width: number; height: number } {
  return { width: Math.max(textWidth(figure, 11, true), textWidth(source, 10)) + 2, height: LABEL_HEIGHT };
}

const MARKER_RADIUS = 6;
/** Space between a marker's centre and its label. */
const LABEL_GAP = MARKER_RADIUS + 5;
/** How much nearer its own point than any other a label must be. */
const LABEL_CLEARANCE = 4;
const BADGE_HEIGHT = 11;

export interface PointLayout {
  point: SeriesPoint;
  /** Index in series.points. */
  index: number;
  x: number;
  y: number;
  dated: boolean;
  /** Horizontal whisker of a time span longer than a day. */
  span: { x1: number; x2: number } | null;
  /** Vertical interval bar; an open side runs to the plot's edge with an arrow. */
  interval: { y1: number; y2: number; openLow: boolean; openHigh: boolean } | null;
  /** Where its two-line label (figure, source) goes; null: no room, see keyNumber. */
  label: { x: number; y: number; figure: string; source: string; leader: { x1: number; y1: number; x2: number; y2: number } | null } | null;
  /** When the label did not fit: its number in the key below the chart, and where the number goes (top left). */
  keyNumber: number | null;
  badge: { x: number; y: number } | null;
}

export interface TimelineLayout {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  /** The "no date" column at the right, when some points are undated. */
  undated: { left: number; right: number } | null;
  xTicks: Array<{ x: number; label: string }>;
  yTicks: Array<{ y: number; label: string }>;
  points: PointLayout[];
}

/** Distance from a point to the nearest edge of a box (0 inside it). */
function distanceToBox(x: number, y: number, box: Box): number {
  const dx = Math.max(box.x - x, 0, x - (box.x + box.width));
  const dy = Math.max(box.y - y, 0, y - (box.y + box.height));
  return Math.hypot(dx, dy);
}

/** A line from just outside a marker to the nearest point of its label's box. */
function leaderLine(x: number, y: number, box: Box): { x1: number; y1: number; x2: number; y2: number } {
  const x2 = Math.min(Math.max(x, box.x), box.x + box.width);
  const y2 = Math.min(Math.max(y, box.y), box.y + box.height);
  const length = Math.hypot(x2 - x, y2 - y) || 1;
  const start = MARKER_RADIUS + 3;
  return { x1: x + ((x2 - x) / length) * start, y1: y + ((y2 - y) / length) * start, x2, y2 };
}

/** Whether two boxes come closer than `margin` (text that touches reads as one word). */
const overlaps = (a: Box, b: Box, margin = 2) =>
  a.x < b.x + b.width + margin && b.x < a.x + a.width + margin && a.y < b.y + b.height + margin && b.y < a.y + a.height + margin;

/**
 * Lays the series out in a width × height box. The current claim's label is placed first,
 * then the others left to right; each takes the first free spot around its point (see
 * findLabelSpot); a label with no free spot becomes a number by its point and an entry in the key.
 */
export function layoutTimeline(series: Series, width: number, height: number, currentIndex = -1): TimelineLayout {
  const points = series.points;
  const extents = points.map((p) => timeExtent(p.time));
  const undatedCount = extents.filter((e) => e === null).length;
  const datedCount = points.length - undatedCount;

  // Y: every finite value and bound, from zero when zero is not far off (honest magnitudes).
  const finite = points.flatMap((p) => [p.value, p.low, p.high]).filter((v): v is number => v !== null && Number.isFinite(v));
  let yMin = finite.length ? Math.min(...finite) : 0;
  const yMax = finite.length ? Math.max(...finite) : 1;
  if (yMin >= 0 && yMin <= yMax * 0.5) yMin = 0;
  const top = 12;
  const bottom = height - 24;
  const y = niceTicks(yMin, yMax, Math.max(2, Math.floor((bottom - top) / 40)));
  const yTickLabels = y.ticks.map((v) => formatTick(v, y.step, series.unit));
  const left = Math.max(34, Math.max(...yTickLabels.map((l) => l.length)) * 6.2 + 12);
  const right = width - 10;
  const yOf = (v: number) =>
    Math.min(bottom, Math.max(top, bottom - ((v - y.domain[0]) / (y.domain[1] - y.domain[0])) * (bottom - top)));

  // X: the dated points' spans, padded; undated points in their own column at the right.
  const columnWidth = undatedCount > 0 ? (datedCount > 0 ? Math.min(120, Math.max(56, width * 0.18)) : right - left) : 0;
  const undated = undatedCount > 0 ? { left: right - columnWidth, right } : null;
  const plotRight = undated && datedCount > 0 ? undated.left - 10 : right;
  const dated = extents.filter((e): e is TimeExtent => e !== null);
  let xStart = dated.length ? Math.min(...dated.map((e) => e.start)) : 0;
  let xEnd = dated.length ? Math.max(...dated.map((e) => e.end)) : 1;
  const pad = Math.max((xEnd - xStart) * 0.06, 45 * DAY);
  xStart -= pad;
  xEnd += pad;
  const xOf = (t: number) => left + ((t - xStart) / (xEnd - xStart)) * (plotRight - left);
  const xTicks =
    datedCount > 0
      ? timeTicks(xStart, xEnd, (plotRight - left) / 62).map((tick) => ({ x: xOf(tick.t), label: tick.label }))
      : [];

  let undatedSeen = 0;
  const laid: PointLayout[] = points.map((point, index) => {
    const extent = extents[index] ?? null;
    const x = extent
      ? xOf(extent.mid)
      : undated!.left + ((undatedSeen++ + 1) * (undated!.right - undated!.left)) / (undatedCount + 1);
    const span = extent && extent.end - extent.start > DAY ? { x1: xOf(extent.start), x2: xOf(extent.end) } : null;
    const openLow = point.low === null;
    const openHigh = point.high === null;
    const y1 = openLow ? bottom : yOf(point.low!);
    const y2 = openHigh ? top : yOf(point.high!);
    const interval = Math.abs(y1 - y2) > 1 || openLow || openHigh ? { y1, y2, openLow, openHigh } : null;
    return { point, index, x, y: yOf(point.value), dated: extent !== null, span, interval, label: null, keyNumber: null, badge: null };
  });

  // Labels: obstacles first (the markers), then the current point, then left to right.
  // Bars and whiskers are not obstacles: labels carry a halo and stay readable over a line.
  const maxChars = width < 480 ? 18 : 28;
  const obstacles: Box[] = laid.map((p) => ({
    x: p.x - MARKER_RADIUS - 2,
    y: p.y - MARKER_RADIUS - 2,
    width: 2 * MARKER_RADIUS + 4,
    height: 2 * MARKER_RADIUS + 4,
  }));
  const bounds: Box = { x: left + 2, y: 0, width: right - left - 2, height: bottom };
  // The first free spot for a label. One next to its point must be clearly nearer it than
  // any other point, or it would read as another point's. One further off (straight above or
  // below, with a leader line) must have its column to itself: no other point under it.
  const adjacent = (owner: PointLayout, box: Box) => distanceToBox(owner.x, owner.y, box) <= LABEL_GAP + 2;
  const fits = (box: Box) =>
    box.x >= bounds.x &&
    box.y >= bounds.y &&
    box.x + box.width <= bounds.x + bounds.width &&
    box.y + box.height <= bounds.y + bounds.height &&
    !obstacles.some((o) => overlaps(box, o));
  const nearestIsOwn = (owner: PointLayout, box: Box, clearance: number) => {
    const own = distanceToBox(owner.x, owner.y, box);
    return !laid.some((q) => q !== owner && distanceToBox(q.x, q.y, box) < own + clearance);
  };
  const columnToItself = (owner: PointLayout, box: Box) =>
    !laid.some((q) => q !== owner && q.x > box.x - 2 * LABEL_CLEARANCE && q.x < box.x + box.width + 2 * LABEL_CLEARANCE);
  const findLabelSpot = (owner: PointLayout, candidates: Box[]) =>
    candidates.find(
      (box) => fits(box) && (adjacent(owner, box) ? nearestIsOwn(owner, box, LABEL_CLEARANCE) : columnToItself(owner, box)),
    );

  const order = [...laid].sort((a, b) => (a.index === currentIndex ? -1 : b.index === currentIndex ? 1 : a.x - b.x));
  const unplaced: PointLayout[] = [];
  for (const p of order) {
    const figure = p.point.text;
    const source = shortenTitle(p.point.articleTitle, maxChars);
    const { width: w, height: h } = labelSize(figure, source);
    const gap = LABEL_GAP;
    // Beside the point (centred, raised, lowered, further off), then above and below it,
    // then further above or below (with a leader line back to the point).
    const spots: Box[] = [];
    const at = (x: number, yTop: number) => spots.push({ x, y: yTop, width: w, height: h });
    for (const dy of [-h / 2, -h + 2, -2, -1.5 * h, 0.5 * h]) {
      at(p.x + gap, p.y + dy);
      at(p.x - gap - w, p.y + dy);
    }
    at(p.x - w / 2, p.y - gap - h);
    at(p.x - w / 2, p.y + gap);
    for (let k = 1; k <= 4; k++) {
      at(p.x - w / 2, p.y + gap + k * h);
      at(p.x - w / 2, p.y - gap - (k + 1) * h);
    }
    const spot = findLabelSpot(p, spots);
    if (spot) {
      obstacles.push(spot);
      p.label = { x: spot.x, y: spot.y, figure, source, leader: adjacent(p, spot) ? null : leaderLine(p.x, p.y, spot) };
    } else {
      unplaced.push(p);
    }
  }

  // Key numbers in series order, so the key reads like the chart; each number goes in a free
  // corner by its point when there is one, else top right of it over whatever is there.
  let keyNumber = 0;
  for (const p of unplaced.sort((a, b) => a.index - b.index)) {
    p.keyNumber = ++keyNumber;
    const w = textWidth(String(keyNumber), 10, true) + 2;
    const h = BADGE_HEIGHT;
    const d = MARKER_RADIUS + 4;
    const corners: Box[] = [
      { x: p.x + d, y: p.y - d - h, width: w, height: h },
      { x: p.x - d - w, y: p.y - d - h, width: w, height: h },
      { x: p.x + d, y: p.y + d, width: w, height: h },
      { x: p.x - d - w, y: p.y + d, width: w, height: h },
      { x: p.x - w / 2, y: p.y - d - h - 2, width: w, height: h },
      { x: p.x - w / 2, y: p.y + d + 2, width: w, height: h },
    ];
    const spot = corners.find((box) => fits(box) && nearestIsOwn(p, box, 0)) ?? corners[0]!;
    obstacles.push(spot);
    p.badge = { x: spot.x, y: spot.y };
  }

  return {
    width,
    height,
    plot: { left, top, right: plotRight, bottom },
    undated,
    xTicks,
    yTicks: y.ticks.map((v, i) => ({ y: yOf(v), label: yTickLabels[i]! })),
    points: laid,
  };
}

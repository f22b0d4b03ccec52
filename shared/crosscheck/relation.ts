/**
 * The relation of two linked claims: agrees / differs / other-time / related, from their
 * comparison intervals (qualifier and rounding) and their effective times.
 */
import type { Relation } from '../domain/crosscheck';
import type { ClaimFeatures } from './features';
import { formatFigure, formatNumber } from './format';
import { isTrustedTime, timeRange } from './time';

/** Beyond this ratio, two figures of one quantity at one time are a part and a whole, not a disagreement. */
const PART_RATIO = 2.2;

export interface PairFacts {
  /** The text itself relates the two as a change ("9,572 … compared with 8,018", "from 21,900 … to over 38,990"). */
  statedChange: boolean;
  /** The text presents one as a part of the other (a share "27 of 28", a listed part of a total). */
  statedPart: boolean;
}

export function intervalGap(a: ClaimFeatures, b: ClaimFeatures): { absolute: number; percent: number } {
  const absolute = Math.max(0, Math.max(a.low, b.low) - Math.min(a.high, b.high));
  const scale = Math.max(Math.abs(a.center), Math.abs(b.center));
  return { absolute, percent: scale > 0 ? (100 * absolute) / scale : 0 };
}

export function centralDifference(a: ClaimFeatures, b: ClaimFeatures): number {
  const scale = Math.max(Math.abs(a.center), Math.abs(b.center));
  return scale > 0 ? (100 * Math.abs(a.center - b.center)) / scale : 0;
}

/** Extra words in one key that the other claim's context never mentions: "youth activists" within "activists". */
function isSubgroup(a: ClaimFeatures, b: ClaimFeatures): boolean {
  if (!a.keyTerms.length || !b.keyTerms.length || !a.headTerm || a.headTerm !== b.headTerm) return false;
  const [longer, shorter] = a.keyTerms.length >= b.keyTerms.length ? [a, b] : [b, a];
  const extra = longer.keyTerms.filter((t) => !shorter.keyTerms.includes(t));
  return extra.length > 0 && extra.every((t) => !shorter.context.has(t)) && Math.abs(longer.center) < Math.abs(shorter.center);
}

/**
 * How two times compare. A period open at one end ("since 2017", "by May") is read as its stated
 * end: cumulative totals by May and by September are two points in time, not nested periods.
 */
function overlapOrContain(a: ClaimFeatures, b: ClaimFeatures): 'disjoint' | 'overlap' | 'contains' {
  const ra = closedRange(a);
  const rb = closedRange(b);
  if (!ra || !rb) return 'overlap';
  if (ra[1] < rb[0] || rb[1] < ra[0]) return 'disjoint';
  const aInB = ra[0] >= rb[0] && ra[1] <= rb[1];
  const bInA = rb[0] >= ra[0] && rb[1] <= ra[1];
  if (aInB !== bInA) return 'contains';
  return 'overlap';
}

function closedRange(f: ClaimFeatures): [number, number] | null {
  const r = timeRange(f.time);
  if (!r) return null;
  if (!Number.isFinite(r[0]) && !Number.isFinite(r[1])) return null;
  if (!Number.isFinite(r[0])) return [r[1], r[1]];
  if (!Number.isFinite(r[1])) return [r[0], r[0]];
  return r;
}

/** The distance between the central values in the claims' unit; percentages are apart by points. */
function apart(a: ClaimFeatures, b: ClaimFeatures): string {
  const distance = Math.abs(a.center - b.center);
  return a.claim.unit === 'percent' ? `${formatNumber(distance)} percentage points` : formatFigure(a.claim, distance);
}

const pct = (p: number): string => `${p < 10 ? p.toFixed(1) : Math.round(p)}%`;

export function relate(a: ClaimFeatures, b: ClaimFeatures, facts: PairFacts): Relation {
  const gap = intervalGap(a, b);
  const difference = centralDifference(a, b);
  const fa = formatFigure(a.claim);
  const fb = formatFigure(b.claim);
  if (facts.statedPart || isSubgroup(a, b) || (a.claim.outOf !== null && a.claim.outOf === b.claim.value) || (b.claim.outOf !== null && b.claim.outOf === a.claim.value)) {
    return { kind: 'related', gap: null, difference, sentence: `${fa} and ${fb} are linked but not comparable: one is a part of the other.` };
  }
  if (gap.absolute === 0) {
    const within = difference > 0 ? `; the figures differ by ${pct(difference)}, within what rounding and the qualifiers allow` : '';
    return { kind: 'agrees', gap, difference, sentence: `${fa} and ${fb} agree${within}.` };
  }
  const times = overlapOrContain(a, b);
  if (facts.statedChange) {
    return { kind: 'other-time', gap, difference, sentence: `The article gives ${fa} and ${fb} as a change over time, not a conflict.` };
  }
  if (isTrustedTime(a.time) && isTrustedTime(b.time)) {
    if (times === 'disjoint') {
      return { kind: 'other-time', gap, difference, sentence: `${fa} (${a.time.label}) and ${fb} (${b.time.label}) refer to different times: points in a series, not a conflict.` };
    }
    if (times === 'contains') {
      return { kind: 'related', gap, difference, sentence: `${fa} (${a.time.label}) and ${fb} (${b.time.label}) cover different periods, one inside the other.` };
    }
  }
  const ratio = Math.abs(a.center) > 0 && Math.abs(b.center) > 0 ? Math.max(a.center / b.center, b.center / a.center) : Infinity;
  if (ratio > PART_RATIO) {
    return { kind: 'related', gap, difference, sentence: `${fa} and ${fb} are too far apart to be one figure: probably a part and a whole, or two measures.` };
  }
  const untrusted = [a, b].filter((f) => !isTrustedTime(f.time)).map((f) => `${formatFigure(f.claim)} gives no date of its own (${f.time.label})`);
  const why = untrusted.length ? ` ${untrusted.join('; ')}, so the gap is not explained by time.` : '';
  return {
    kind: 'differs',
    gap,
    difference,
    sentence: `${fa} and ${fb} differ by ${pct(difference)} (${apart(a, b)} apart), beyond rounding.${why}`,
  };
}

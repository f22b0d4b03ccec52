/**
 * From a figure, its precision and its qualifier to the interval [low, high] it claims.
 * A round figure stated exactly (40,000) stands for an interval (35,000–45,000); an exact
 * count (38,990) for itself. "nearly"/"almost" approach from below; "more than" has no upper
 * bound (null).
 */
import type { Qualifier } from '../numbers/lexicon';
import type { NumberMention } from '../numbers/refine';

export interface Interval { low: number | null; high: number | null; halfStep: number; round: boolean }

/** Half the rounding step the written figure implies, in the canonical unit. */
export function halfStep(m: NumberMention): { halfStep: number; round: boolean } {
  const r = m.raw;
  const factor = Math.abs(m.factor);
  if (r.form === 'vague') return { halfStep: 0, round: true };
  if (r.form === 'fraction') return { halfStep: 0, round: true };
  if (r.decimals > 0) return { halfStep: 0.5 * 10 ** -r.decimals * r.scale * factor, round: false };
  if (r.scale > 1) return { halfStep: 0.5 * 10 ** r.trailingZeros * r.scale * factor, round: true };
  if (m.kind === 'count' || m.kind === 'age' || m.kind === 'duration') {
    if (r.form === 'digits' && r.trailingZeros >= 2) return { halfStep: 0.5 * 10 ** r.trailingZeros * factor, round: true };
    return { halfStep: 0, round: false };
  }
  if (m.kind === 'percent') return { halfStep: 0.5 * factor, round: false };
  const zeros = r.form === 'digits' && r.trailingZeros >= 2 ? r.trailingZeros : 0;
  return { halfStep: 0.5 * 10 ** zeros * factor, round: zeros > 0 };
}

const NON_NEGATIVE = new Set(['count', 'money', 'measure', 'duration', 'age']);

export function interval(m: NumberMention, qualifier: Qualifier, phrase: string | null): Interval {
  const { halfStep: h, round } = halfStep(m);
  const v = m.value;
  const floor = NON_NEGATIVE.has(m.kind) && v >= 0 ? 0 : null;
  if (m.rangeTo) return { low: v, high: m.rangeTo.value, halfStep: h, round };
  if (m.raw.vague) {
    const f = m.factor;
    return { low: m.raw.vague.low * f, high: m.raw.vague.high * f, halfStep: h, round: true };
  }
  switch (qualifier) {
    case 'exact': return { low: v - h, high: v + h, halfStep: h, round };
    case 'gt': case 'gte': return { low: v, high: null, halfStep: h, round };
    case 'lt': case 'lte': return { low: floor === null ? null : Math.min(floor, v), high: v, halfStep: h, round };
    case 'approx': {
      const spread = Math.max(h, Math.abs(v) * 0.1);
      const p = phrase?.toLowerCase() ?? '';
      if (p === 'nearly' || p === 'almost' || p === 'close to' || p === 'just under') return { low: v - spread, high: v + h, halfStep: h, round };
      return { low: v - spread, high: v + spread, halfStep: h, round };
    }
  }
}

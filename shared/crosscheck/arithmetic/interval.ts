/**
 * Interval arithmetic for the checks: every figure in a news text stands for a range of values
 * (its rounding and its qualifier), so a recomputed figure is a range too. A check is consistent
 * when the range the inputs allow meets the interval the checked figure's wording allows.
 */
import type { Claim } from '../../domain/claim';
import type { AllowedInterval } from '../../domain/crosscheck';

/** A closed range; unbounded ends are ±Infinity. */
export interface Range { lo: number; hi: number }

/** Kinds whose values cannot be negative: an unbounded low end stops at zero ("less than 10%"). */
const NON_NEGATIVE = new Set(['count', 'money', 'measure', 'percent']);

/** Fraction words the engine reads as exact ("a third", "half") are rounded in the writing: within 5% of the value. */
const FRACTION_WORD_RE = /\b(?:half|halves|thirds?|quarters?|fourths?|fifths?|tenths?)\b/i;
const FRACTION_SLACK = 0.05;

/** A fraction word with no qualifier at all ("a third", not "exactly a third", not "almost half"). */
export function isLooseFraction(claim: Claim): boolean {
  return claim.qualifier === 'exact' && claim.qualifierText === null && claim.precision.halfStep === 0
    && FRACTION_WORD_RE.test(claim.number.text);
}

/** The values a claim's figure stands for. */
export function rangeOf(claim: Claim): Range {
  if (isLooseFraction(claim)) return { lo: claim.value * (1 - FRACTION_SLACK), hi: claim.value * (1 + FRACTION_SLACK) };
  const floor = NON_NEGATIVE.has(claim.kind) ? 0 : -Infinity;
  return {
    lo: claim.low === null ? floor : Math.max(floor, claim.low),
    hi: claim.high === null ? Infinity : claim.high,
  };
}

/**
 * What a claim's wording allows: "19 percent" → [18.5, 19.5); "more than 35 percent" → (35, ∞);
 * "less than 10%" → [0, 10); "almost 75%" → the engine's [67.5, 75.5].
 */
export function allowedOf(claim: Claim): AllowedInterval {
  const range = rangeOf(claim);
  if (isLooseFraction(claim)) return { low: range.lo, high: range.hi, lowInclusive: true, highInclusive: true };
  const rounded = claim.qualifier === 'exact' && claim.precision.halfStep > 0;
  return {
    low: Number.isFinite(range.lo) ? range.lo : null,
    high: Number.isFinite(range.hi) ? range.hi : null,
    lowInclusive: claim.qualifier !== 'gt',
    // A rounded figure's upper end rounds up to the next figure: 19.5 is "20 percent".
    highInclusive: !(claim.qualifier === 'lt' || rounded),
  };
}

const EPSILON = 1e-9;
const slack = (x: number): number => EPSILON * Math.max(1, Math.abs(x));

/** Whether some value of the range is allowed (floating-point noise at the ends forgiven). */
export function meets(range: Range, allowed: AllowedInterval): boolean {
  if (Number.isNaN(range.lo) || Number.isNaN(range.hi)) return false;
  if (allowed.high !== null) {
    const limit = allowed.high + (allowed.highInclusive ? slack(allowed.high) : -slack(allowed.high));
    if (allowed.highInclusive ? range.lo > limit : range.lo >= limit) return false;
  }
  if (allowed.low !== null) {
    const limit = allowed.low - (allowed.lowInclusive ? slack(allowed.low) : -slack(allowed.low));
    if (allowed.lowInclusive ? range.hi < limit : range.hi <= limit) return false;
  }
  return true;
}

/** Whether a single value is allowed. */
export function allows(allowed: AllowedInterval, value: number): boolean {
  return meets({ lo: value, hi: value }, allowed);
}

// 0 × ∞ is 0 here: a bound of zero times an unbounded end contributes nothing.
const times = (a: number, b: number): number => (a === 0 || b === 0 ? 0 : a * b);

export function add(a: Range, b: Range): Range {
  return { lo: a.lo + b.lo, hi: a.hi + b.hi };
}

export function sub(a: Range, b: Range): Range {
  return { lo: a.lo - b.hi, hi: a.hi - b.lo };
}

export function mul(a: Range, b: Range): Range {
  const products = [times(a.lo, b.lo), times(a.lo, b.hi), times(a.hi, b.lo), times(a.hi, b.hi)];
  return { lo: Math.min(...products), hi: Math.max(...products) };
}

/** a ÷ b; unbounded when b may be zero. */
export function div(a: Range, b: Range): Range {
  if (b.lo <= 0 && b.hi >= 0) {
    // b touches zero: only a strictly positive b with a zero low end is still usable.
    if (b.lo === 0 && b.hi > 0) return mul(a, { lo: 1 / b.hi, hi: Infinity });
    return { lo: -Infinity, hi: Infinity };
  }
  return mul(a, { lo: 1 / b.hi, hi: 1 / b.lo });
}

export const point = (x: number): Range => ({ lo: x, hi: x });

export function scale(a: Range, k: number): Range {
  return k >= 0 ? { lo: times(a.lo, k), hi: times(a.hi, k) } : { lo: times(a.hi, k), hi: times(a.lo, k) };
}

/**
 * Words and symbols for a claim's normalised value, as the reader's tooltips, the claim
 * inspector and the links table show them. Pure: no React, no DOM.
 */
import type { Claim } from '../domain/claim';
import type { ArithmeticCheck, EffectiveTime, Relation, TimeBasis } from '../domain/crosscheck';

const plainNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const ISO_CURRENCY = /^[A-Z]{3}$/;

/** A bare number as a reader writes it: 38,990 / 23,933.7. */
export const formatNumber = (value: number): string => plainNumber.format(value);

/** "1 annotation", "1,204 annotations". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${formatNumber(n)} ${n === 1 ? one : many}`;

/** A value in its canonical unit: "38,990", "19%", "US$6,600,000,000", "3,554.13 kg". */
export function formatFigure(value: number, unit: string): string {
  if (unit === 'count') return formatNumber(value);
  if (unit === 'percent') return `${formatNumber(value)}%`;
  if (unit === 'percentage-points') return `${formatNumber(value)} percentage ${Math.abs(value) === 1 ? 'point' : 'points'}`;
  if (unit === 'celsius') return `${formatNumber(value)} °C`;
  if (ISO_CURRENCY.test(unit)) {
    try {
      // Cents only when the figure has them: $6.6 billion is US$6,600,000,000, not …000.00.
      const cents = Number.isInteger(value) ? 0 : 2;
      return new Intl.NumberFormat('en-GB', { style: 'currency', currency: unit, minimumFractionDigits: cents, maximumFractionDigits: cents }).format(value);
    } catch {
      return `${formatNumber(value)} ${unit}`;
    }
  }
  return `${formatNumber(value)} ${unit}`;
}

/** A unit for people: "count", "percent", "US dollars"… (the canonical code where there is no better word). */
export function unitInWords(unit: string): string {
  if (unit === 'percentage-points') return 'percentage points';
  if (unit === 'celsius') return 'degrees Celsius';
  if (ISO_CURRENCY.test(unit)) {
    try {
      const name = new Intl.DisplayNames(['en'], { type: 'currency' }).of(unit);
      return name && name !== unit ? `${name} (${unit})` : unit;
    } catch {
      return unit;
    }
  }
  return unit;
}

type IntervalClaim = Pick<Claim, 'value' | 'unit' | 'qualifier' | 'low' | 'high' | 'range'>;

/** The interval the claim allows, in words: "more than 38,990", "between 35,000 and 45,000 (rounded)". */
export function intervalInWords(claim: IntervalClaim): string {
  const f = (v: number) => formatFigure(v, claim.unit);
  const between = (low: number, high: number) => `between ${f(low)} and ${f(high)}`;
  if (claim.range) {
    const base = between(claim.range.low, claim.range.high);
    return claim.qualifier === 'approx' || claim.qualifier === 'exact' ? base : `${qualifierWords[claim.qualifier]} ${base}`;
  }
  switch (claim.qualifier) {
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return `${qualifierWords[claim.qualifier]} ${f(claim.value)}`;
    case 'approx':
      return claim.low !== null && claim.high !== null
        ? `about ${f(claim.value)} (${between(claim.low, claim.high)})`
        : `about ${f(claim.value)}`;
    case 'exact':
      return claim.low !== null && claim.high !== null && claim.low !== claim.high
        ? `${between(claim.low, claim.high)} (rounded)`
        : `exactly ${f(claim.value)}`;
  }
}

const qualifierWords: Record<Claim['qualifier'], string> = {
  exact: 'exactly',
  approx: 'about',
  gt: 'more than',
  gte: 'at least',
  lt: 'less than',
  lte: 'at most',
};

/** The qualifier for a label: “more than” (as written) or, when none was written, the kind ("exact", "approximate"). */
export function qualifierInWords(claim: Pick<Claim, 'qualifier' | 'qualifierText'>): string {
  if (claim.qualifierText) return `“${claim.qualifierText}” (${qualifierWords[claim.qualifier]})`;
  return claim.qualifier === 'exact' ? 'none (taken as written)' : qualifierWords[claim.qualifier];
}

/** The interval as a short formula: "38,990 < x", "x ≤ 200", "35,000 ≤ x ≤ 45,000", "x = 26,593". */
export function intervalSymbol(claim: IntervalClaim): string {
  const n = formatNumber;
  const low = claim.range?.low ?? claim.low;
  const high = claim.range?.high ?? claim.high;
  switch (claim.qualifier) {
    case 'gt':
      return `${n(low ?? claim.value)} < x`;
    case 'gte':
      return `${n(low ?? claim.value)} ≤ x`;
    case 'lt':
      return `x < ${n(high ?? claim.value)}`;
    case 'lte':
      return `x ≤ ${n(high ?? claim.value)}`;
    default:
      if (low !== null && high !== null && low !== high) return `${n(low)} ≤ x ≤ ${n(high)}`;
      if (low === null && high !== null) return `x ≤ ${n(high)}`;
      if (high === null && low !== null) return `${n(low)} ≤ x`;
      return `x = ${n(claim.value)}`;
  }
}

/** The reader's tooltip for a claim: "38,990 < x, count, prisoner, March 2020". */
export function claimTooltip(claim: Claim, time: EffectiveTime): string {
  const parts = [intervalSymbol(claim), claim.unit];
  if (claim.quantity) parts.push(claim.quantity.key || claim.quantity.phrase);
  if (time.basis !== 'unknown' && time.label) parts.push(time.label);
  return parts.join(', ');
}

const BASIS_WORDS: Record<TimeBasis, string> = {
  stated: 'stated in the text',
  relative: 'worked out from the article date',
  agreement: 'not stated; agrees with dated figures',
  publication: 'not stated; taken from the article date',
  unknown: 'unknown',
};

/** Where a claim's time comes from, for a reader. */
export const timeBasisInWords = (basis: TimeBasis): string => BASIS_WORDS[basis];

/** The badge for a link's relation: "agrees", "differs by 2.6%", "other time", "related". */
export function relationLabel(relation: Pick<Relation, 'kind' | 'difference'>): string {
  switch (relation.kind) {
    case 'agrees':
      return 'agrees';
    case 'differs':
      return relation.difference === null ? 'differs' : `differs by ${formatNumber(roundPercent(relation.difference))}%`;
    case 'other-time':
      return 'other time';
    case 'related':
      return 'related';
  }
}

/** Percentages shown to one decimal below 10 (2.6%), whole above (16%). */
function roundPercent(value: number): number {
  return Math.abs(value) < 10 ? Math.round(value * 10) / 10 : Math.round(value);
}

const CHECK_VERDICT_WORDS: Record<ArithmeticCheck['verdict'], string> = {
  consistent: 'adds up',
  inconsistent: 'does not add up',
  derived: 'derived',
};

export const checkVerdictLabel = (verdict: ArithmeticCheck['verdict']): string => CHECK_VERDICT_WORDS[verdict];

/** A title cut to `max` characters at a word boundary, for narrow table cells. */
export function shorten(text: string, max = 48): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}

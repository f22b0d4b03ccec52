/** Figures in sentences a journalist reads: as written, or a computed value in the claim's unit. */
import type { Claim } from '../domain/claim';

const CURRENCY_SIGN: Readonly<Record<string, string>> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥' };

/** 9572 → "9,572"; 19.3846 → "19.4"; 2315789474 → "2,315,789,474". */
export function formatNumber(value: number, maxDecimals?: number): string {
  const abs = Math.abs(value);
  const decimals = maxDecimals ?? (abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3);
  return value.toLocaleString('en-US', { maximumFractionDigits: decimals });
}

/** A value in a canonical unit, for a reader: "$2.3 billion", "1,500 kg", "19.4%", "35,000". */
export function formatValue(value: number, unit: string): string {
  if (unit === 'percent') return `${formatNumber(value)}%`;
  if (unit === 'percentage-points') return `${formatNumber(value)} percentage points`;
  if (unit === 'count') return formatNumber(value);
  const sign = CURRENCY_SIGN[unit];
  const abs = Math.abs(value);
  const scaled = abs >= 1e9 ? `${formatNumber(value / 1e9, 1)} billion` : abs >= 1e6 ? `${formatNumber(value / 1e6, 1)} million` : formatNumber(value);
  if (sign) return `${sign}${scaled}`;
  if (/^[A-Z]{3}$/.test(unit)) return `${scaled} ${unit}`;
  return `${formatNumber(value)} ${unit}`;
}

/** The claim as written ("over 38,990"), or `value` in the claim's unit. */
export function formatFigure(claim: Claim, value?: number): string {
  return value === undefined ? claim.text : formatValue(value, claim.unit);
}

/**
 * Figures for formulas and sentences: inputs as the text writes them ("$6.6 billion", "9,572"),
 * computed values in the same style as the figure they derive from ("about $2.3 billion").
 */
import type { Claim } from '../../domain/claim';
import type { AllowedInterval } from '../../domain/crosscheck';
import type { Range } from './interval';

const CURRENCY_BEFORE_RE = /(?:[A-Z]{1,3})?[$€£¥₹₩₱]\s?$|\b(?:Rs\.?|KHR|USD|EUR|GBP|CHF)\s?$/;
const SCALE_WORDS: ReadonlyArray<readonly [RegExp, number, string]> = [
  [/\s?(?:trillion|tn)$/i, 1e12, ' trillion'],
  [/\s?(?:billion|bn|b)$/i, 1e9, ' billion'],
  [/\s?(?:million|mn|m)$/i, 1e6, ' million'],
  [/\s?(?:thousand|k)$/i, 1e3, ' thousand'],
];

/** Collapses runs of whitespace, so a figure broken over a line reads as one. */
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The figure as written, with its currency sign and an attached % ("$6.6 billion", "38,990", "5.4%"). */
export function figure(text: string, claim: Claim): string {
  const before = text.slice(claim.start, claim.number.start);
  const currency = CURRENCY_BEFORE_RE.exec(before)?.[0] ?? '';
  const percent = text.charAt(claim.number.end) === '%' ? '%' : '';
  return squash(`${currency}${claim.number.text}${percent}`);
}

/** The claim as written, for "the stated 19 percent", "to over 38,990" (a capital that only opened the sentence lowered). */
export const written = (claim: Claim): string => squash(claim.text).replace(/^(?:A(?= )|[A-Z](?=[a-z]))/, (c) => c.toLowerCase());

/** A level as written, without a comparative the engine read as its qualifier ("19% higher than 8,018" → "8,018"). */
export const writtenLevel = (claim: Claim): string => written(claim).replace(/^(?:higher|lower|greater|more|less|fewer) than\s+/i, '');

/** Digits grouped by thousands, at most `decimals` decimals, trailing zeros dropped unless kept: 35000 → "35,000", 19.38 → "19.4". */
export function formatNumber(value: number, decimals: number, keepZeros = false): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const fixed = Math.abs(value).toFixed(Math.max(0, Math.min(decimals, 10)));
  const [whole = '0', fraction = ''] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const trimmed = keepZeros ? fraction : fraction.replace(/0+$/, '');
  const sign = value < 0 && Number(fixed) !== 0 ? '−' : '';
  return `${sign}${grouped}${trimmed ? `.${trimmed}` : ''}`;
}

/** Decimals written in a figure ("3.07" → 2). */
export const writtenDecimals = (claim: Claim): number => claim.precision.decimals;

/** A derived percentage, for "about 147% of capacity": at most one decimal. */
export const formatDerivedPercent = (value: number): string => `${formatNumber(value, 1)}%`;

/** A computed percentage, one decimal more than the stated figure has (at least one): "19.4%". */
export function formatPercent(value: number, stated?: Claim): string {
  return `${formatNumber(value, Math.max(1, (stated ? writtenDecimals(stated) : 0) + 1), true)}%`;
}

/** Rounds to `digits` significant digits (keeps small numbers' decimals). */
function roundSignificant(value: number, digits: number): number {
  if (value === 0 || !Number.isFinite(value) || !Number.isFinite(digits)) return value;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const factor = 10 ** (magnitude - digits + 1);
  return Math.round(value / factor) * factor;
}

/** How a figure is written: currency sign, scale word, unit word, and what one written unit is in canonical units. */
interface Style { prefix: string; scaleWord: string; scale: number; suffix: string; perUnit: number; decimals: number }

function styleOf(text: string, claim: Claim): Style {
  const before = text.slice(claim.start, claim.number.start);
  const prefix = CURRENCY_BEFORE_RE.exec(before)?.[0] ?? '';
  let digits = claim.number.text.replace(/\s+/g, ' ').trim();
  let scale = 1;
  let scaleWord = '';
  for (const [re, factor, word] of SCALE_WORDS) {
    if (re.test(digits) && /\d/.test(digits)) { digits = digits.replace(re, ''); scale = factor; scaleWord = word; break; }
  }
  const numeric = Number(digits.replace(/,/g, ''));
  const suffix = squash(text.slice(claim.number.end, claim.end));
  // One written unit ("tonnes", "billion") in the claim's canonical unit (kg, USD): derived values are written back in it.
  const readable = Number.isFinite(numeric) && numeric !== 0 && /^\d[\d,]*(?:\.\d+)?$/.test(digits);
  if (!readable) {
    // A figure in words ("five tonnes"): write the value in the canonical unit instead.
    const unit = claim.unit === 'count' ? '' : claim.unit === 'percent' ? '%' : ` ${claim.unit}`;
    return { prefix: '', scaleWord: '', scale: 1, suffix: unit, perUnit: 1, decimals: claim.precision.decimals };
  }
  const perUnit = claim.value / (numeric * scale);
  return { prefix, scaleWord, scale, suffix: suffix ? (suffix === '%' ? '%' : ` ${suffix}`) : '', perUnit, decimals: claim.precision.decimals };
}

/**
 * A value in the style of a figure it was computed from: 2315789474 like "$6.6 billion" → "$2.3 billion";
 * 35000 like "more than 3,500" → "35,000". Three significant digits at most: the result of rounded inputs.
 */
export function formatLike(text: string, like: Claim, value: number, significant = 3): string {
  const style = styleOf(text, like);
  const inWritten = value / style.perUnit;
  if (style.scaleWord) {
    const scaled = inWritten / style.scale;
    return `${style.prefix}${formatNumber(roundSignificant(scaled, significant), Math.max(1, style.decimals))}${style.scaleWord}${style.suffix}`;
  }
  const rounded = Math.abs(inWritten) >= 1000 ? roundSignificant(inWritten, significant) : inWritten;
  return `${style.prefix}${formatNumber(rounded, Math.abs(inWritten) >= 100 ? 0 : Math.max(1, style.decimals))}${style.suffix}`;
}

/** A derived range in words: "more than 35,000", "less than 12", "about $2.3 billion", "between 40 and 60". */
export function describeRange(range: Range, central: number, show: (x: number) => string): string {
  const loOpen = !Number.isFinite(range.lo) || range.lo <= 0;
  const hiOpen = !Number.isFinite(range.hi);
  if (hiOpen && !loOpen) return `more than ${show(range.lo)}`;
  if (loOpen && !hiOpen && range.hi < central * 1.5) return `less than ${show(range.hi)}`;
  return `about ${show(central)}`;
}

/** The interval a wording allows, for a reader: "18.5% to 19.5%", "above 35%", "below 10%". */
export function describeAllowed(allowed: AllowedInterval, show: (x: number) => string): string {
  const { low, high } = allowed;
  if (low !== null && high !== null) return low === high ? `exactly ${show(low)}` : `${show(low)} to ${show(high)}`;
  if (low !== null) return `${allowed.lowInclusive ? 'at least' : 'above'} ${show(low)}`;
  if (high !== null) return `${allowed.highInclusive ? 'at most' : 'below'} ${show(high)}`;
  return 'any value';
}

/** First letter upper case. */
export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

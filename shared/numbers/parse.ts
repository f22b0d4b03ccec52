/**
 * Step 2 of the pipeline: the value of a number surface found by find.ts, and the precision
 * it was written with. Pure functions of a string.
 */
import { SCALE_WORDS, TENS_WORDS, UNIT_WORDS, FRACTION_WORDS } from './lexicon';

/** How figures are written: 1,234.5 ('en') or 1.234,5 ('eu'). */
export type Convention = 'en' | 'eu';

export interface ParsedNumber {
  value: number;
  /** Digits written after the decimal mark. */
  decimals: number;
  /** Zeros at the end of the written integer part (40,000 → 4), 0 for number words. */
  trailingZeros: number;
  /** Significant digits as written (38,990 → 4; 40,000 → 1; 1.50 → 3). */
  significant: number;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Value of a digit surface: "40,000", "3,554.13", "1 234" (any space kind), ".5", "−7",
 * "1.234,5" under the 'eu' convention. Returns null for a surface that is not a number.
 */
export function parseDigits(surface: string, convention: Convention = 'en'): ParsedNumber | null {
  const decimalMark = convention === 'en' ? 46 /* . */ : 44 /* , */;
  let sign = 1;
  let digits = '';
  let fraction = '';
  let inFraction = false;
  for (let i = 0; i < surface.length; i++) {
    const c = surface.charCodeAt(i);
    if (isDigit(c)) {
      if (inFraction) fraction += surface[i];
      else digits += surface[i];
    } else if (c === decimalMark && !inFraction) {
      inFraction = true;
    } else if (i === 0 && (c === 45 || c === 0x2212)) {
      sign = -1;
    } else if (c === 44 || c === 46 || c === 32 || c === 0xa0 || c === 0x2009 || c === 0x202f) {
      // group separator
    } else {
      return null;
    }
  }
  if (digits === '' && fraction === '') return null;
  const value = sign * Number(`${digits || '0'}.${fraction || '0'}`);
  if (!Number.isFinite(value)) return null;
  let trailingZeros = 0;
  if (fraction === '') for (let i = digits.length - 1; i > 0 && digits[i] === '0'; i--) trailingZeros++;
  const stripped = (digits + fraction).replace(/^0+/, '');
  const significant = fraction === '' ? Math.max(1, stripped.length - trailingZeros) : Math.max(1, stripped.length);
  return { value, decimals: fraction.length, trailingZeros, significant };
}

const WORD_RE = /[A-Za-z]+/y;

/**
 * Value of a run of number words: "twenty-five", "two hundred and fifty", "three thousand",
 * "a dozen", "two dozen", "one and a half". Returns null if the surface is not one.
 */
export function parseNumberWords(surface: string): ParsedNumber | null {
  let total = 0;
  let current = 0;
  let seen = false;
  let i = 0;
  const lower = surface.toLowerCase();
  while (i < lower.length) {
    WORD_RE.lastIndex = i;
    const m = WORD_RE.exec(lower);
    if (!m) { i++; continue; }
    const w = m[0];
    i = m.index + w.length;
    const unit = UNIT_WORDS.get(w) ?? TENS_WORDS.get(w);
    if (unit !== undefined) { current += unit; seen = true; continue; }
    if (w === 'a' || w === 'an' || w === 'and') continue;
    if (w === 'dozen') { current = (current || 1) * 12; seen = true; continue; }
    if (w === 'half') { current += 0.5; seen = true; continue; }
    const scale = SCALE_WORDS.get(w);
    if (scale !== undefined) {
      if (scale === 100) current = (current || 1) * 100;
      else { total += (current || 1) * scale; current = 0; }
      seen = true;
      continue;
    }
    return null;
  }
  if (!seen) return null;
  const value = total + current;
  return { value, decimals: value % 1 === 0 ? 0 : 1, trailingZeros: 0, significant: String(value).replace(/\.|0+$/g, '').length || 1 };
}

/** A fraction written in words as a share: "one-third" → 1/3, "three quarters" → 3/4, "half" → 1/2. */
export function parseFractionWords(surface: string): number | null {
  const words = surface.toLowerCase().split(/[\s\u00A0-]+/).filter((w) => w !== 'a' && w !== 'an');
  if (words.length === 1) {
    const f = FRACTION_WORDS.get(words[0]!);
    return f === undefined ? null : f;
  }
  if (words.length === 2) {
    const n = UNIT_WORDS.get(words[0]!);
    const f = FRACTION_WORDS.get(words[1]!);
    if (n === undefined || f === undefined) return null;
    return n * f;
  }
  return null;
}

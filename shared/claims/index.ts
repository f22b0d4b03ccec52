/**
 * The numeric claim engine's public entry points.
 *
 *   extractClaims(text, { documentDate })  → Claim[] sorted by start (what `reckon claims` prints)
 *   analyseNumbers(text, { documentDate }) → { claims, rejected } (every figure not reported, with why)
 *
 * Pipeline: shared/numbers finds figures, parses them and rejects non-claims; this module
 * describes each remaining figure: qualifier and interval, quantity, time and sentence.
 */
import type { Claim, NumberAnalysis, TimeRef } from '../domain/claim';
import type { Span } from '../domain/article';
import { scanNumbers } from '../numbers';
import type { Convention } from '../numbers/parse';
import type { NumberMention } from '../numbers/refine';
import { readQualifierAfter, readQualifierBefore } from '../numbers/qualifiers';
import type { Qualifier } from '../numbers/lexicon';
import { interval } from './interval';
import { quantityAfter, quantityBefore } from './quantity';
import { sentenceAt } from './sentence';
import { findTimeRefs, pickTimeRef } from './time';

export interface ExtractOptions {
  /** The article's date (ISO YYYY-MM-DD), to resolve "last year", "in July", "since 2017". */
  documentDate?: string;
  /** Force the number convention; by default it is detected from the text (1,234.5 vs 1.234,5). */
  convention?: Convention;
}

export { sentenceAt } from './sentence';
export { findTimeRefs, pickTimeRef } from './time';
export { quantityAfter, quantityBefore, singular } from './quantity';
export { interval, halfStep } from './interval';

const AGE_AFTER_RE = /^(?:-|[ \u00A0])old\b|^[ \u00A0]of[ \u00A0]age\b/;
const PERSONS_BEFORE_RE = /\b(?:women|men|people|persons|adults|children|those|anyone|citizens|residents|voters|workers|who[ \u00A0]+(?:are|were|is|was))[ \u00A0]+(?:over|under|above|below|aged[ \u00A0]+over|aged[ \u00A0]+under)[ \u00A0]+$/i;
const AGE_BEFORE_RE = /(?:\baged|\bages?[ \u00A0]of|\bage)[ \u00A0]+$/i;

export function analyseNumbers(text: string, options: ExtractOptions = {}): NumberAnalysis {
  const { mentions, rejected } = scanNumbers(text, options.convention);
  const claims: Claim[] = [];
  let sentence: Span = { start: -1, end: -1 };
  let times: TimeRef[] = [];
  for (const m of mentions) {
    if (!(m.start >= sentence.start && m.start < sentence.end)) {
      sentence = sentenceAt(text, m.start);
      times = findTimeRefs(text, sentence.start, sentence.end, options.documentDate);
    }
    const claim = describe(text, m, sentence, times);
    if (!claim) continue;
    if (claim.kind === 'duration' && times.some((t) => t.start <= claim.start && claim.end <= t.end)) {
      rejected.push({ text: claim.text, start: claim.start, end: claim.end, reason: 'date' });
      continue;
    }
    const previous = claims[claims.length - 1];
    if (previous && previous.sentence.start === sentence.start) inheritComparedQuantity(text, claim, previous);
    claims.push(claim);
  }
  rejected.sort((a, b) => a.start - b.start);
  return {
    claims,
    rejected: rejected.map((r) => ({ text: r.text, start: r.start, end: r.end, reason: r.reason })),
  };
}

/** "9,572 cases last year compared with 8,018 recorded in 2018": the figure after the comparison word counts what the one before it counts. */
const COMPARED_BEFORE_RE = /(?:\bcompared[ \u00A0]+(?:with|to)|\bup[ \u00A0]+from|\bdown[ \u00A0]+from|\bagainst|\bversus|\bvs\.?|\bfrom)[ \u00A0]+$/i;

function inheritComparedQuantity(text: string, claim: Claim, previous: Claim): void {
  if (!previous.quantity || previous.unit !== claim.unit) return;
  // Only when nothing follows the figure to say what it counts (the quantity, if any, came from before it).
  if (claim.quantity && claim.quantity.start >= claim.end) return;
  if (!COMPARED_BEFORE_RE.test(text.slice(Math.max(previous.end, claim.start - 20), claim.start))) return;
  claim.quantity = previous.quantity;
}

export function extractClaims(text: string, options: ExtractOptions = {}): Claim[] {
  return analyseNumbers(text, options).claims;
}

function describe(text: string, m: NumberMention, sentence: Span, times: readonly TimeRef[]): Claim | null {
  const before = readQualifierBefore(text, m.start);
  const after = readQualifierAfter(text, m.end);
  let qualifier: Qualifier = 'exact';
  let qualifierText: string | null = null;
  if (before) { qualifier = before.qualifier; qualifierText = before.phrase; }
  else if (after) { qualifier = after.qualifier; qualifierText = after.phrase; }
  // Ranges and vague magnitudes are approximate unless bounded ("up to 200-300").
  if ((m.rangeTo || m.raw.vague) && (qualifier === 'exact')) qualifier = 'approx';
  let kind = m.kind;
  let unit = m.unit;
  // Ages: "25-year-old", "aged 25", "detainees who are under 18", "Rong Chhun, 52,"
  const afterText = text.slice(m.end, m.end + 12);
  if (unit === 'years' && AGE_AFTER_RE.test(afterText)) kind = 'age';
  else if (unit === 'count' && m.raw.decimals === 0 && m.value > 0 && m.value < 120) {
    const left = text.slice(Math.max(0, m.start - 12), m.start);
    const bareEnd = /^[.,;:)!?]|^$|^[ \u00A0]*\n/.test(afterText);
    // "The monk, 71, died": a bare figure set off by commas after a word
    const apposition = /[A-Za-z],[ \u00A0]$/.test(left) && afterText.startsWith(',');
    const overUnder = (before?.qualifier === 'lt' || before?.qualifier === 'gt') && m.value >= 12
      && (bareEnd || PERSONS_BEFORE_RE.test(text.slice(Math.max(0, m.start - 40), m.start)));
    if (AGE_BEFORE_RE.test(left) || overUnder || apposition) {
      kind = 'age';
      unit = 'years';
    }
  }
  if (kind === 'age') m = { ...m, kind, unit };
  const iv = interval(m, qualifier, qualifierText);
  const start = before ? before.start : m.start;
  const end = !before && after ? after.end : m.end;
  const numberStart = m.raw.start;
  const numberEnd = m.rangeTo ? m.rangeTo.end : m.raw.end;
  // quantity: the phrase after the claim (or after "of" for measures), else the phrase before it
  let quantity = null;
  if (kind === 'count' || kind === 'money' || kind === 'measure' || kind === 'percent') {
    const from = m.outOf ? m.outOf.end : end;
    quantity = quantityAfter(text, from, sentence.end, kind !== 'count' || m.raw.form !== 'digits' || !m.outOf);
    if (!quantity) quantity = quantityBefore(text, sentence.start, start);
  } else if (kind === 'age') {
    quantity = { phrase: 'age', key: 'age', head: 'age', start: numberStart, end: numberEnd };
  }
  const time = pickTimeRef(times, start, end);
  const value = m.value;
  let low = iv.low;
  let high = iv.high;
  // keep low <= value <= high against floating point drift
  if (low !== null && low > value) low = value;
  if (high !== null && high < value) high = value;
  return {
    text: text.slice(start, end),
    start,
    end,
    number: { text: text.slice(numberStart, numberEnd), start: numberStart, end: numberEnd },
    value,
    unit,
    kind,
    qualifier,
    qualifierText,
    low,
    high,
    precision: { decimals: m.raw.decimals, significant: Math.max(1, m.raw.significant), halfStep: iv.halfStep, round: iv.round },
    range: m.rangeTo ? { low: value, high: m.rangeTo.value } : null,
    outOf: m.outOf ? m.outOf.value : null,
    quantity,
    time,
    sentence: { start: sentence.start, end: sentence.end },
  };
}

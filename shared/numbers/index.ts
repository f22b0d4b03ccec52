/**
 * The number pipeline: find (find.ts) → parse (parse.ts) → refine (refine.ts).
 * scanNumbers runs all three over a text.
 */
import { detectConvention, findNumbers } from './find';
import type { Convention } from './parse';
import { refineNumbers, type NumberMention, type RejectedNumber } from './refine';

export { detectConvention, findNumbers, type RawNumber, type NumberForm } from './find';
export { parseDigits, parseNumberWords, parseFractionWords, type Convention, type ParsedNumber } from './parse';
export { refineNumbers, type NumberMention, type RejectedNumber, type RejectReason } from './refine';
export { readUnitAfter, readCurrencyBefore, type ClaimKind, type UnitReading } from './units';
export { readQualifierBefore, readQualifierAfter, type QualifierReading } from './qualifiers';

export function scanNumbers(text: string, convention?: Convention): { mentions: NumberMention[]; rejected: RejectedNumber[] } {
  const conv = convention ?? detectConvention(text);
  return refineNumbers(text, findNumbers(text, conv));
}

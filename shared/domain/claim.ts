import { z } from 'zod';
import { Span } from './article';

/**
 * What kind of quantity a claim states. 'duration' (three years, six-month) is kept apart
 * from 'measure' so that the cross-checker never compares a period with a weight.
 */
export const ClaimKind = z.enum(['count', 'percent', 'money', 'measure', 'age', 'temperature', 'duration']);
export type ClaimKind = z.infer<typeof ClaimKind>;

/** How the figure is qualified. Names follow the gold file: "more than" → gt, "up to" → lte, "nearly" → approx. */
export const Qualifier = z.enum(['exact', 'approx', 'gt', 'gte', 'lt', 'lte']);
export type Qualifier = z.infer<typeof Qualifier>;

/** A piece of the text: its surface and half-open UTF-16 span. */
export const TextPiece = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type TextPiece = z.infer<typeof TextPiece>;

/** The precision a figure was written with: 40,000 is round (granularity 10,000), 38,990 is not. */
export const Precision = z.object({
  /** Digits after the decimal mark as written. */
  decimals: z.number().int().nonnegative(),
  /** Significant digits as written (40,000 → 1; 38,990 → 4). */
  significant: z.number().int().positive(),
  /** Half the rounding step the written figure implies, in the canonical unit (0: exact count). */
  halfStep: z.number().nonnegative(),
  /** Whether the figure looks rounded (trailing zeros, scale word, vague magnitude). */
  round: z.boolean(),
});
export type Precision = z.infer<typeof Precision>;

/** What is counted or measured. */
export const QuantityRef = z.object({
  /** The words as written ("drug crimes", "suspects arrested", "capacity"). */
  phrase: z.string(),
  /** Normalised for matching: lower case, singular, possessives and determiners dropped ("drug crime"). */
  key: z.string(),
  /** The head noun alone, normalised ("crime"). */
  head: z.string(),
  /** Where the phrase is: after the figure, before it (subject of "rose by"), or the "of" phrase. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type QuantityRef = z.infer<typeof QuantityRef>;

/** The time a claim refers to, as written, and resolved to ISO dates when possible. */
export const TimeRef = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** First day covered (YYYY-MM-DD), when it could be resolved. */
  from: z.string().optional(),
  /** Last day covered (YYYY-MM-DD), when it could be resolved. */
  to: z.string().optional(),
});
export type TimeRef = z.infer<typeof TimeRef>;

export const Claim = z.object({
  /** The claim's surface: qualifier, currency, figure and unit ("more than 20,000", "$6.6 billion"). */
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The figure itself within the claim ("20,000", "6.6 billion"). */
  number: TextPiece,
  /** Normalised value in the canonical unit (1.5 tonnes → 1500; $6.6 billion → 6600000000). For a range, its lower end. */
  value: z.number(),
  /** Canonical unit: 'count', 'percent', 'percentage-points', 'kg', 'm', 'm2', 'l', 'km/h', 'celsius', 'USD', 'EUR', 'KHR', 'days', 'months', 'years', … */
  unit: z.string(),
  kind: ClaimKind,
  qualifier: Qualifier,
  /** The qualifying words as written ("more than", "or more"), or null. */
  qualifierText: z.string().nullable(),
  /** The interval the qualifier and the figure's precision imply; null where unbounded. */
  low: z.number().nullable(),
  high: z.number().nullable(),
  precision: Precision,
  /** For a range ("200 to 300", "two or three days"): its two ends. */
  range: z.object({ low: z.number(), high: z.number() }).nullable(),
  /** For a share ("27 of 28 prisons"): the whole. */
  outOf: z.number().nullable(),
  quantity: QuantityRef.nullable(),
  time: TimeRef.nullable(),
  /** The sentence the claim is in. */
  sentence: Span,
});
export type Claim = z.infer<typeof Claim>;

/** Why a number found in the text is not reported as a claim. */
export const RejectReason = z.enum([
  'year-as-time', 'year', 'date', 'time-of-day', 'identifier', 'phone', 'url', 'ordinal', 'rank', 'footnote', 'name',
  'list', 'idiom',
]);
export type RejectReason = z.infer<typeof RejectReason>;

export const RejectedNumber = TextPiece.extend({ reason: RejectReason });
export type RejectedNumber = z.infer<typeof RejectedNumber>;

export const NumberAnalysis = z.object({
  claims: z.array(Claim),
  rejected: z.array(RejectedNumber),
});
export type NumberAnalysis = z.infer<typeof NumberAnalysis>;

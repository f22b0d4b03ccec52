import { z } from 'zod';
import { ArticleDate } from './article';
import { Claim } from './claim';

/**
 * A claim's address: its article and its span in the article's normalised text.
 * Offsets, not ordinals, so a reference stays meaningful while the text is unchanged.
 */
export const ClaimRef = z.object({
  articleId: z.string().min(1).max(4096),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type ClaimRef = z.infer<typeof ClaimRef>;

/** A stable string key for a claim reference (maps, React keys, CLI output). */
export const claimKey = (ref: ClaimRef): string => `${ref.articleId}#${ref.start}-${ref.end}`;

/**
 * How sure we are of the time a claim refers to:
 * - `stated`: the sentence names it ("in March 2020", "at the end of 2016");
 * - `relative`: "last year", "this month", resolved against the article's stated date;
 * - `agreement`: the claim gives no time, but agrees with dated claims of the same quantity;
 * - `publication`: no time in the text; taken to be the article's date;
 * - `unknown`: none of the above.
 * Only stated, relative and agreement times excuse a difference as "another time".
 */
export const TimeBasis = z.enum(['stated', 'relative', 'agreement', 'publication', 'unknown']);
export type TimeBasis = z.infer<typeof TimeBasis>;

export const EffectiveTime = z.object({
  /** First and last day covered (YYYY-MM-DD); absent when unknown. */
  from: z.string().optional(),
  to: z.string().optional(),
  /** Words for a reader: "March 2020", "end of 2016", "article date, 23 Jul 2020". */
  label: z.string(),
  basis: TimeBasis,
});
export type EffectiveTime = z.infer<typeof EffectiveTime>;

/** A claim with where it comes from, as the cross-checker, the UI and the reports show it. */
export const ClaimInContext = z.object({
  ref: ClaimRef,
  claim: Claim,
  articleTitle: z.string(),
  articleDate: ArticleDate,
  /** The sentence, whitespace collapsed, cut to about 300 characters around the claim. */
  context: z.string(),
  time: EffectiveTime,
});
export type ClaimInContext = z.infer<typeof ClaimInContext>;

export const RelationKind = z.enum(['agrees', 'differs', 'other-time', 'related']);
export type RelationKind = z.infer<typeof RelationKind>;

export const Relation = z.object({
  kind: RelationKind,
  /** Smallest distance between the two intervals (0 when they overlap), in the canonical unit, and relative to the larger value, in %. */
  gap: z.object({ absolute: z.number(), percent: z.number() }).nullable(),
  /** Difference of the central values, relative to the larger one, in % ("differs by 2.6%"). */
  difference: z.number().nullable(),
  /** One sentence a journalist can read. */
  sentence: z.string(),
});
export type Relation = z.infer<typeof Relation>;

export const Link = z.object({
  /** The linked claim. */
  to: ClaimInContext,
  /** 0–1: how likely the two claims measure the same thing. */
  score: z.number().min(0).max(1),
  /** Why they were linked, most important first ("same quantity: prison population", "same unit: count"). */
  reasons: z.array(z.string()),
  relation: Relation,
});
export type Link = z.infer<typeof Link>;

export const ClaimLinks = z.object({
  claim: ClaimInContext,
  /** Best first. */
  links: z.array(Link),
  /** The quantity this claim measures, when it has linked claims: the id to ask for its series. */
  quantityId: z.string().nullable(),
  ms: z.number().nonnegative(),
});
export type ClaimLinks = z.infer<typeof ClaimLinks>;

export const SeriesPoint = z.object({
  ref: ClaimRef,
  /** Central value, and the interval the text allows (null: unbounded on that side). */
  value: z.number(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  text: z.string(),
  time: EffectiveTime,
  articleTitle: z.string(),
});
export type SeriesPoint = z.infer<typeof SeriesPoint>;

/** One quantity's values across all sources, oldest first (undated points last). */
export const Series = z.object({
  id: z.string(),
  /** What is measured, in words ("prison population"). */
  label: z.string(),
  unit: z.string(),
  points: z.array(SeriesPoint),
});
export type Series = z.infer<typeof Series>;

export const CheckKind = z.enum(['percent-change', 'absolute-change', 'share', 'ratio', 'parts-total', 'implied']);
export type CheckKind = z.infer<typeof CheckKind>;

export const CheckVerdict = z.enum(['consistent', 'inconsistent', 'derived']);
export type CheckVerdict = z.infer<typeof CheckVerdict>;

/** An interval with open or closed ends; null bounds are unbounded. */
export const AllowedInterval = z.object({
  low: z.number().nullable(),
  high: z.number().nullable(),
  lowInclusive: z.boolean(),
  highInclusive: z.boolean(),
});
export type AllowedInterval = z.infer<typeof AllowedInterval>;

/** One piece of arithmetic inside an article, recomputed (statcheck's idea, for news). */
export const ArithmeticCheck = z.object({
  /** Stable within the article: kind and the claims' spans. */
  id: z.string(),
  articleId: z.string(),
  kind: CheckKind,
  /** The claim whose figure is checked or derived from ("19 percent", "less than 10%"). */
  subject: ClaimRef,
  /** The other claims the computation used, in the order the formula names them. */
  inputs: z.array(ClaimRef),
  /** Human-readable formula with the figures ("(9,572 − 8,018) ÷ 8,018 × 100"). */
  formula: z.string(),
  computed: z.number(),
  /** Unit of the computed value ('percent', 'count', 'USD', …). */
  unit: z.string(),
  /** What the text's wording allows for the checked figure ("19 percent" → [18.5, 19.5)); null for derived values. */
  allowed: AllowedInterval.nullable(),
  verdict: CheckVerdict,
  /** A sentence a journalist can read. */
  sentence: z.string(),
});
export type ArithmeticCheck = z.infer<typeof ArithmeticCheck>;

/** Everything `reckon check` prints for a folder. */
export const CorpusCheck = z.object({
  root: z.string(),
  /** Per claim with at least one link: its links. */
  links: z.array(z.object({ ref: ClaimRef, quantityId: z.string().nullable(), links: z.array(Link) })),
  series: z.array(Series),
  checks: z.array(ArithmeticCheck),
  stats: z.object({
    articles: z.number().int().nonnegative(),
    claims: z.number().int().nonnegative(),
    links: z.number().int().nonnegative(),
    discrepancies: z.number().int().nonnegative(),
    ms: z.number().nonnegative(),
  }),
});
export type CorpusCheck = z.infer<typeof CorpusCheck>;

/** A claim as the reader highlights it: what it links to and whether anything is flagged. */
export const ClaimMark = z.object({
  claim: Claim,
  time: EffectiveTime,
  /** Number of linked claims (all relations). */
  links: z.number().int().nonnegative(),
  /** A `differs` link, or an `inconsistent` arithmetic check, involves this claim. */
  discrepancy: z.boolean(),
  /** Arithmetic checks that use this claim (as subject or input). */
  checks: z.number().int().nonnegative(),
});
export type ClaimMark = z.infer<typeof ClaimMark>;

/** One row of the corpus-wide claims table: flat, so 100,000 of them stay cheap. */
export const ClaimRow = z.object({
  ref: ClaimRef,
  articleTitle: z.string(),
  text: z.string(),
  value: z.number(),
  unit: z.string(),
  kind: z.string(),
  qualifier: z.string(),
  /** What it counts ("prison population"), or ''. */
  quantity: z.string(),
  /** Time label, or ''. */
  time: z.string(),
  discrepancy: z.boolean(),
  links: z.number().int().nonnegative(),
});
export type ClaimRow = z.infer<typeof ClaimRow>;

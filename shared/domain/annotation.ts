import { z } from 'zod';
import { ClaimRef } from './crosscheck';

/** W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors), as Hypothesis stores them. */
export const TextPositionSelector = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type TextPositionSelector = z.infer<typeof TextPositionSelector>;

export const TextQuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(10_000),
  /** Up to 32 characters before and after the quote. */
  prefix: z.string().max(200),
  suffix: z.string().max(200),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;

/** What an annotation is attached to: a span of one article's normalised text. */
export const AnnotationTarget = z.object({
  /** The article's id (path relative to the corpus root). */
  articleId: z.string().min(1).max(4096),
  /** sha256 (hex) of the article file's content when the annotation was anchored (ArticleSummary.hash). */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  position: TextPositionSelector,
  quote: TextQuoteSelector,
});
export type AnnotationTarget = z.infer<typeof AnnotationTarget>;

/** A piece of evidence: another claim, another article, or an outside address the user typed. */
export const Evidence = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('claim'), ref: ClaimRef }),
  z.object({ kind: z.literal('article'), articleId: z.string().min(1).max(4096) }),
  z.object({ kind: z.literal('url'), url: z.string().min(1).max(2048) }),
]);
export type Evidence = z.infer<typeof Evidence>;

/** One step of the verdict scale. `rating` is its place on the numeric scale (ClaimReview's ratingValue). */
export const VerdictOption = z.object({
  // 'none' is the report filter's id for "no verdict" (NO_VERDICT in report.ts).
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9-]+$/)
    .refine((id) => id !== 'none', 'the id "none" is reserved for "no verdict"'),
  label: z.string().min(1).max(64),
  rating: z.number().int().min(1).max(10),
});
export type VerdictOption = z.infer<typeof VerdictOption>;

export const VerdictScale = z.array(VerdictOption).min(2).max(10);
export type VerdictScale = z.infer<typeof VerdictScale>;

/** The default scale, best (6) to worst; ClaimReview needs every step on one numeric scale, so Unverifiable is its lowest. */
export const DEFAULT_VERDICT_SCALE: VerdictScale = [
  { id: 'accurate', label: 'Accurate', rating: 6 },
  { id: 'mostly-accurate', label: 'Mostly accurate', rating: 5 },
  { id: 'needs-context', label: 'Needs context', rating: 4 },
  { id: 'misleading', label: 'Misleading', rating: 3 },
  { id: 'inaccurate', label: 'Inaccurate', rating: 2 },
  { id: 'unverifiable', label: 'Unverifiable', rating: 1 },
];

/** What the user edits. */
export const AnnotationBody = z.object({
  /** A VerdictOption id, or null for a note without a verdict. */
  verdict: z.string().max(64).nullable(),
  note: z.string().max(20_000),
  tags: z.array(z.string().min(1).max(64)).max(50),
  evidence: z.array(Evidence).max(100),
});
export type AnnotationBody = z.infer<typeof AnnotationBody>;

/** A new annotation as the UI asks for it: a span of an article; the back end builds the selectors from the text it holds. */
export const AnnotationDraft = AnnotationBody.extend({
  articleId: z.string().min(1).max(4096),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type AnnotationDraft = z.infer<typeof AnnotationDraft>;

/** A change to an annotation's body; absent fields are kept. */
export const AnnotationPatch = AnnotationBody.partial().extend({ id: z.string().uuid() });
export type AnnotationPatch = z.infer<typeof AnnotationPatch>;

export const Annotation = AnnotationBody.extend({
  id: z.string().uuid(),
  target: AnnotationTarget,
  created: z.string().datetime(),
  modified: z.string().datetime(),
});
export type Annotation = z.infer<typeof Annotation>;

/**
 * Where an annotation sits in the article's current text:
 * - `anchored`: the stored position still holds the quote;
 * - `moved`: the quote was found elsewhere (exactly or fuzzily) and the anchor follows it;
 * - `changed`: the passage was found but the figure in it changed (`currentQuote` shows the new text);
 * - `orphan`: nothing matches well enough; kept, listed under Orphans, never dropped.
 */
export const AnchorState = z.enum(['anchored', 'moved', 'changed', 'orphan']);
export type AnchorState = z.infer<typeof AnchorState>;

export const Anchor = z.object({
  state: AnchorState,
  /** Current span in the article text; absent for orphans and for annotations of missing articles. */
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
  /** The text now at the anchor, when it differs from the stored quote. */
  currentQuote: z.string().optional(),
  /** 0–1 match quality for moved / changed anchors. */
  score: z.number().min(0).max(1).optional(),
});
export type Anchor = z.infer<typeof Anchor>;

export const AnchoredAnnotation = Annotation.extend({ anchor: Anchor });
export type AnchoredAnnotation = z.infer<typeof AnchoredAnnotation>;

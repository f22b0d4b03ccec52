/**
 * Scoring and accepting a candidate span for a stored quote, weighted like Hypothesis's
 * `match-quote.ts` (quote 50, prefix 20, suffix 20, position 2), plus the acceptance rules
 * Reckon adds because its quotes are often bare figures ("40,000", "27"), which the quote
 * alone cannot place: a wrong match is worse than an orphan.
 *
 * The thresholds are checked against realistic edits and decoys in
 * test/unit/shared/anchoring/score.test.ts (calibration) and anchoring.test.ts (behaviour).
 */
import { figureShape, figuresDiffer, figuresIn } from './figures';
import { clamp01, containedSimilarity, stringSimilarity } from './similarity';

export const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;

export const THRESHOLDS = {
  /**
   * Weighted score (0–1) any accepted candidate needs. The exact quote in unrelated surroundings
   * scores 0.68–0.72 (taken only if the quote is long, see below); the same with more than about
   * 5% of the quote edited falls below.
   */
  score: 0.65,
  /**
   * Mean prefix/suffix similarity a short quote needs. Unrelated 32-character windows of English
   * reach 0.5 in one pair of sides out of a thousand; one side intact and the other unrelated gives about 0.65.
   */
  context: 0.6,
  /**
   * Or one side of context kept nearly whole (a paragraph inserted or deleted right against the
   * quote replaces the other side): this many stored characters at this similarity.
   */
  intactSideLength: 16,
  intactSideSimilarity: 0.95,
  /** A quote this long is evidence on its own (as much text as one side of context), so context is not required. */
  distinctiveQuoteLength: 32,
  /** Mean context similarity needed to call a span whose figure differs the same passage (`changed`). */
  changedContext: 0.8,
} as const;

/** What is being looked for: the stored quote and where it was. */
export interface Sought {
  exact: string;
  prefix: string;
  suffix: string;
  /** The stored start offset, if any: candidates nearer to it win ties. */
  hint: number | undefined;
}

export interface Candidate {
  start: number;
  end: number;
  /** The text of the candidate span. */
  text: string;
  /** A figure of the quote reads differently here: a `changed` anchor if accepted. */
  figuresChanged: boolean;
  /** 0–1; for a changed figure, the similarity of the wording around the figures. */
  quoteSimilarity: number;
  /** Mean prefix/suffix similarity, or undefined when the stored quote had no context (it was the whole text). */
  context: number | undefined;
  /** Weighted 0–1 score. */
  score: number;
  accepted: boolean;
}

export function scoreCandidate(text: string, start: number, end: number, sought: Sought): Candidate {
  const { exact, prefix, suffix, hint } = sought;
  const span = text.slice(start, end);
  const figuresChanged = figuresIn(exact).length > 0 && figuresDiffer(exact, span);
  // A changed figure is the news, not a mismatch: compare the wording around the figures.
  const quoteSimilarity =
    span === exact ? 1 : figuresChanged ? stringSimilarity(figureShape(exact), figureShape(span)) : stringSimilarity(exact, span);

  const prefixSimilarity = prefix ? containedSimilarity(text.slice(Math.max(0, start - prefix.length), start), prefix) : undefined;
  const suffixSimilarity = suffix ? containedSimilarity(text.slice(end, end + suffix.length), suffix) : undefined;
  const positionSimilarity = hint === undefined ? 1 : 1 - Math.min(1, Math.abs(start - hint) / Math.max(1, text.length));

  // Context the stored quote did not have (it touched the start or end of the text) is left out, not counted as agreement.
  let raw = WEIGHTS.quote * quoteSimilarity + WEIGHTS.position * positionSimilarity;
  let max = WEIGHTS.quote + WEIGHTS.position;
  const sides: number[] = [];
  if (prefixSimilarity !== undefined) {
    raw += WEIGHTS.prefix * prefixSimilarity;
    max += WEIGHTS.prefix;
    sides.push(prefixSimilarity);
  }
  if (suffixSimilarity !== undefined) {
    raw += WEIGHTS.suffix * suffixSimilarity;
    max += WEIGHTS.suffix;
    sides.push(suffixSimilarity);
  }
  const score = clamp01(raw / max);
  const context = sides.length ? sides.reduce((a, b) => a + b, 0) / sides.length : undefined;
  const intactSide = isIntact(prefixSimilarity, prefix.length) || isIntact(suffixSimilarity, suffix.length);
  return { start, end, text: span, figuresChanged, quoteSimilarity, context, score, accepted: accepts(score, context, intactSide, figuresChanged, exact.length) };
}

function isIntact(similarity: number | undefined, storedLength: number): boolean {
  return similarity !== undefined && similarity >= THRESHOLDS.intactSideSimilarity && storedLength >= THRESHOLDS.intactSideLength;
}

function accepts(score: number, context: number | undefined, intactSide: boolean, figuresChanged: boolean, quoteLength: number): boolean {
  if (score < THRESHOLDS.score) return false;
  // Only the surrounding passage can say a different figure is the same claim.
  if (figuresChanged) return context !== undefined && context >= THRESHOLDS.changedContext;
  return context === undefined || context >= THRESHOLDS.context || intactSide || quoteLength >= THRESHOLDS.distinctiveQuoteLength;
}

/** The quote itself with its whole stored context: no other place can score higher, only tie. */
export function isPerfect(c: Candidate): boolean {
  return c.accepted && c.quoteSimilarity === 1 && !c.figuresChanged && (c.context === undefined || c.context === 1);
}

/** The best accepted candidate: highest score, then nearest to the stored position. */
export function bestAccepted(candidates: Candidate[], hint: number | undefined): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of candidates) {
    if (!c.accepted) continue;
    if (!best || c.score > best.score + 1e-12) best = c;
    else if (Math.abs(c.score - best.score) <= 1e-12 && hint !== undefined && Math.abs(c.start - hint) < Math.abs(best.start - hint)) best = c;
  }
  return best;
}

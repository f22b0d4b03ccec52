/**
 * Anchoring annotations so that they survive edits to the article, the Hypothesis way:
 * store the span's position and its quote with up to 32 characters of context; on a new
 * text, trust the position only if the quote is still there, else look for the quote
 * (exactly, then fuzzily) and for its context, score every candidate on quote, context and
 * distance (score.ts), and keep the annotation as an orphan when nothing is good enough.
 */
import type { Anchor, AnnotationTarget } from '../domain/annotation';
import { continuesFigureLeft, continuesFigureRight, widenToWholeFigures } from './figures';
import { bestAccepted, isPerfect, scoreCandidate, type Candidate, type Sought } from './score';
import { approximateMatches, type ApproxMatch } from './similarity';

/** Characters of context stored on each side of the quote. */
const CONTEXT_LENGTH = 32;
/** TextQuoteSelector.exact's limit in the domain schema. */
const MAX_QUOTE_LENGTH = 10_000;
/** Shortest context side worth searching for on its own (to find a passage whose figure changed). */
const MIN_BRACKET_CONTEXT = 8;
/** Caps on candidates scored per anchor, nearest to the stored position first, so a one-character quote cannot stall the UI. */
const MAX_EXACT_CANDIDATES = 1000;
const MAX_FUZZY_CANDIDATES = 100;
const MAX_BRACKET_CANDIDATES = 20;

const ORPHAN: Anchor = { state: 'orphan' };

type Span = { start: number; end: number };

/** Build the selectors for text[start,end): position, quote with up to 32 chars of prefix/suffix. Throws RangeError on a bad span or empty quote. */
export function describeTarget(args: { articleId: string; contentHash: string; text: string; start: number; end: number }): AnnotationTarget {
  const { articleId, contentHash, text, start, end } = args;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start > end) {
    throw new RangeError(`Bad span [${start}, ${end}) for a text of ${text.length} characters`);
  }
  if (start === end) throw new RangeError(`Empty quote at ${start}: an annotation needs at least one character`);
  if (end - start > MAX_QUOTE_LENGTH) throw new RangeError(`Quote of ${end - start} characters; at most ${MAX_QUOTE_LENGTH} can be stored`);

  // Never cut a surrogate pair in two at the far edge of the context.
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd -= 1;

  return {
    articleId,
    contentHash,
    position: { type: 'TextPositionSelector', start, end },
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
  };
}

/** Find the target in the article's current text. */
export function anchorTarget(target: AnnotationTarget, current: { text: string; contentHash: string }): Anchor {
  try {
    return locate(target, current);
  } catch {
    // Malformed input from disk or a pathological text: keeping the annotation as an orphan loses nothing.
    return ORPHAN;
  }
}

function locate(target: AnnotationTarget, current: { text: string; contentHash: string }): Anchor {
  const text = current?.text;
  const quote = target?.quote;
  if (typeof text !== 'string' || !quote || typeof quote.exact !== 'string' || quote.exact.length === 0) return ORPHAN;
  const stored = storedSpan(target.position, text.length);
  const hintStart = target.position?.start;
  const sought: Sought = {
    exact: quote.exact,
    prefix: typeof quote.prefix === 'string' ? quote.prefix : '',
    suffix: typeof quote.suffix === 'string' ? quote.suffix : '',
    hint: Number.isInteger(hintStart) && hintStart >= 0 ? hintStart : undefined,
  };

  // 1. The same file: the stored span is the answer.
  const storedHoldsQuote = stored !== undefined && text.slice(stored.start, stored.end) === sought.exact;
  if (stored && storedHoldsQuote && current.contentHash === target.contentHash) return { state: 'anchored', start: stored.start, end: stored.end };

  const evaluate = candidateScorer(text, sought);

  // 2. The stored position, if the quote is still there exactly, is not now part of a bigger figure, and its
  //    context agrees as the acceptance rules require (a short quote like "27" can land there by chance).
  const here = stored && storedHoldsQuote ? evaluate([stored])[0] : undefined;
  if (here && stored && here.start === stored.start && here.end === stored.end && here.accepted) {
    return { state: 'anchored', start: stored.start, end: stored.end };
  }

  // 3. Exact occurrences of the quote, chosen by context then distance.
  const exactSpans = exactOccurrences(text, sought.exact, sought.hint);
  const best = bestAccepted([...(here ? [here] : []), ...evaluate(exactSpans)], sought.hint)
    // 4. Else fuzzy occurrences of the quote, and spans framed by the stored prefix and suffix (a figure
    //    rewritten beyond the quote's error budget, or hidden by an exact decoy the fuzzy search prefers).
    ?? bestAccepted(evaluate([...fuzzyOccurrences(text, sought), ...bracketedSpans(text, sought)]), sought.hint);
  return best ? toAnchor(best, sought, stored, text.length) : ORPHAN;
}

/** The stored span if it is a well-formed span of the current text. */
function storedSpan(position: AnnotationTarget['position'] | undefined, length: number): Span | undefined {
  const start = position?.start;
  const end = position?.end;
  if (typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end)) return undefined;
  return start >= 0 && start < end && end <= length ? { start, end } : undefined;
}

/**
 * Adjusts each span to whole words and figures as the quote had them, drops duplicates, and scores
 * the rest. Spans come nearest-first, so scoring stops at the first perfect one: none further can beat it.
 */
function candidateScorer(text: string, sought: Sought): (spans: Span[]) => Candidate[] {
  const seen = new Set<string>();
  const keep = {
    // The user quoted part of a figure on this side: leave that side as it falls.
    start: continuesFigureLeft(sought.prefix + sought.exact, sought.prefix.length),
    end: continuesFigureRight(sought.exact + sought.suffix, sought.exact.length),
  };
  const trimStart = !/^\s/.test(sought.exact);
  const trimEnd = !/\s$/.test(sought.exact);
  return (spans) => {
    const out: Candidate[] = [];
    for (const span of spans) {
      let { start, end } = span;
      if (trimStart) while (start < end && /\s/.test(text[start] as string)) start += 1;
      if (trimEnd) while (end > start && /\s/.test(text[end - 1] as string)) end -= 1;
      if (start >= end) continue;
      ({ start, end } = widenToWholeFigures(text, start, end, keep));
      const key = `${start}:${end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const candidate = scoreCandidate(text, start, end, sought);
      out.push(candidate);
      if (isPerfect(candidate)) break;
    }
    return out;
  };
}

function exactOccurrences(text: string, exact: string, hint: number | undefined): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) spans.push({ start: at, end: at + exact.length });
  return nearestFirst(spans, hint, MAX_EXACT_CANDIDATES);
}

/** Approximate occurrences with up to a quarter of the quote's length in edits (at least one). */
function fuzzyOccurrences(text: string, sought: Sought): Span[] {
  const maxErrors = Math.max(1, Math.floor(sought.exact.length / 4));
  const matches = approximateMatches(text, sought.exact, maxErrors).filter((m) => m.errors > 0);
  return nearestFirst(matches, sought.hint, MAX_FUZZY_CANDIDATES);
}

/**
 * Spans that sit between a fuzzy occurrence of the stored prefix and one of the stored suffix, at
 * most about twice the quote's length apart: the passage is there even if the quote in it is not.
 */
function bracketedSpans(text: string, sought: Sought): Span[] {
  const { exact, prefix, suffix } = sought;
  if (prefix.length < MIN_BRACKET_CONTEXT || suffix.length < MIN_BRACKET_CONTEXT) return [];
  const maxGap = exact.length * 2 + 16;
  const suffixErrors = Math.floor(suffix.length / 4);
  const prefixHits = approximateMatches(text, prefix, Math.floor(prefix.length / 4)).map((m) => ({ ...m, start: m.end }));
  const spans: Span[] = [];
  for (const { end: from } of nearestFirst(prefixHits, sought.hint, MAX_BRACKET_CANDIDATES)) {
    const window = text.slice(from, from + maxGap + suffix.length + suffixErrors);
    let closing: ApproxMatch | undefined;
    for (const m of approximateMatches(window, suffix, suffixErrors)) {
      if (m.start === 0 || m.start > maxGap) continue;
      if (!closing || Math.abs(m.start - exact.length) < Math.abs(closing.start - exact.length)) closing = m;
    }
    if (closing) spans.push({ start: from, end: from + closing.start });
  }
  return spans;
}

/** Up to `limit` spans, those starting nearest the stored position first (earlier first on a tie). */
function nearestFirst<T extends Span>(spans: T[], hint: number | undefined, limit: number): T[] {
  if (hint === undefined) return spans.slice(0, limit);
  return [...spans].sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint) || a.start - b.start).slice(0, limit);
}

function toAnchor(c: Candidate, sought: Sought, stored: Span | undefined, textLength: number): Anchor {
  // Last guard: a span outside the text would break every consumer.
  if (!(Number.isInteger(c.start) && Number.isInteger(c.end) && c.start >= 0 && c.start < c.end && c.end <= textLength)) return ORPHAN;
  const unchanged = c.text === sought.exact;
  if (unchanged && stored && c.start === stored.start && c.end === stored.end) return { state: 'anchored', start: c.start, end: c.end };
  const anchor: Anchor = { state: c.figuresChanged ? 'changed' : 'moved', start: c.start, end: c.end, score: c.score };
  if (!unchanged) anchor.currentQuote = c.text;
  return anchor;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Text similarity for re-anchoring, on top of approx-string-match (Myers' bit-parallel
 * search, the library Hypothesis uses). Every score is 0–1, 1 meaning identical.
 */
import approxSearch from 'approx-string-match';

export type ApproxMatch = { start: number; end: number; errors: number };

/**
 * All the lowest-error occurrences of `pattern` in `text` with at most `maxErrors` edits.
 * The library reports only the best error count found, so an exact occurrence hides
 * every approximate one (callers that need the others search around their context).
 */
export function approximateMatches(text: string, pattern: string, maxErrors: number): ApproxMatch[] {
  if (pattern.length === 0 || text.length === 0) return [];
  return approxSearch(text, pattern, Math.max(0, Math.floor(maxErrors)));
}

/**
 * How well `pattern` occurs somewhere inside `window`: 1 − (edits of its best occurrence) / its length.
 * This is Hypothesis's `textMatchScore`, used for the prefix and suffix windows around a candidate.
 */
export function containedSimilarity(window: string, pattern: string): number {
  if (pattern.length === 0) return 1;
  if (window.length === 0) return 0;
  if (window.includes(pattern)) return 1;
  const best = lowestErrors(approxSearch(window, pattern, pattern.length));
  return best === undefined ? 0 : clamp01(1 - best / pattern.length);
}

/**
 * How alike two whole strings are: 1 − (edit cost) / (the longer length). The cost is that of
 * the best occurrence of `a` inside `b` plus the characters of `b` it leaves out, an upper
 * bound on the edit distance that equals it whenever the strings line up end to end.
 */
export function stringSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  let cost = Infinity;
  for (const m of approxSearch(b, a, a.length)) cost = Math.min(cost, m.errors + b.length - (m.end - m.start));
  return Number.isFinite(cost) ? clamp01(1 - cost / Math.max(a.length, b.length)) : 0;
}

function lowestErrors(matches: ApproxMatch[]): number | undefined {
  let best: number | undefined;
  for (const m of matches) if (best === undefined || m.errors < best) best = m.errors;
  return best;
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

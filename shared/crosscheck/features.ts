/**
 * What the linker compares for each claim, computed once per corpus: the dimension (only
 * claims of one dimension can measure the same thing), the terms of what it counts, a
 * weighted bag of the words around it, its magnitude and its effective time.
 */
import type { ArticleSummary } from '../domain/article';
import type { Claim } from '../domain/claim';
import type { ClaimRef, EffectiveTime } from '../domain/crosscheck';
import { keyTerms, termsOf } from './terms';
import { effectiveTime } from './time';

export interface ClaimFeatures {
  /** Position in the corpus-wide claim list. */
  index: number;
  ref: ClaimRef;
  claim: Claim;
  article: ArticleSummary;
  /** 'count', 'percent', 'percent-change', 'money:USD', 'measure:kg', … or null: never linked (ages, durations). */
  dimension: string | null;
  /** Terms of the quantity key (concepts and stems). */
  keyTerms: string[];
  /** Head noun's term, if any. */
  headTerm: string | null;
  /** Context terms → weight (nearer words weigh more; the previous sentence a little). */
  context: Map<string, number>;
  contextNorm: number;
  /** Central value and the interval used for comparing (open ends closed at a plausible distance). */
  center: number;
  low: number;
  high: number;
  time: EffectiveTime;
}

/** Percentages that measure a change ("rose by 19 percent", "a 185 percent increase") are not shares. */
const CHANGE_BEFORE_RE = /\b(?:rose|risen|rise|rises|increased?|increases|grew|grown|jumped|climbed|surged|soared|skyrocketed|fell|fallen|falls|dropped|declined?|decreased?|plunged|slumped|up|down|by)[ \u00A0]+(?:[a-z]+[ \u00A0]+){0,2}$/i;
const CHANGE_AFTER_RE = /^[ \u00A0-]*(?:increase|rise|jump|growth|drop|decline|decrease|fall|reduction|cut|hike|higher|lower|more|less|up|down)\b/i;

export function dimensionOf(claim: Claim, text: string): string | null {
  switch (claim.kind) {
    case 'count':
      return 'count';
    case 'percent': {
      if (claim.unit === 'percentage-points') return 'percentage-points';
      const before = text.slice(Math.max(0, claim.start - 40), claim.start);
      const after = text.slice(claim.end, claim.end + 20);
      return CHANGE_BEFORE_RE.test(before) || CHANGE_AFTER_RE.test(after) ? 'percent-change' : 'percent';
    }
    case 'money':
      return `money:${claim.unit}`;
    case 'measure':
      return `measure:${claim.unit}`;
    case 'temperature':
      return 'temperature';
    default:
      return null;
  }
}

/**
 * "More than 35 percent" is read as a little more than 35: at most a quarter beyond the
 * figure, since a writer with 45% in hand would say "more than 40". Likewise "less than",
 * "up to", "as many as" read as at most a quarter below.
 */
const OPEN_END_FACTOR = 0.25;

export function comparisonInterval(claim: Claim): { center: number; low: number; high: number } {
  const v = claim.value;
  let low = claim.low;
  let high = claim.high;
  if (claim.range) {
    low = low ?? claim.range.low;
    high = high ?? claim.range.high;
  }
  if (claim.qualifier === 'gt' || claim.qualifier === 'gte') {
    low = low ?? v;
    if (high === null) high = low + Math.abs(low) * OPEN_END_FACTOR;
  } else if (claim.qualifier === 'lt' || claim.qualifier === 'lte') {
    high = high ?? v;
    if (low === null || (low === 0 && high > 0)) low = high - Math.abs(high) * OPEN_END_FACTOR;
  }
  low = low ?? v;
  high = high ?? v;
  const center = claim.range ? (claim.range.low + claim.range.high) / 2 : claim.qualifier === 'lt' || claim.qualifier === 'lte' ? high : claim.qualifier === 'gt' || claim.qualifier === 'gte' ? low : v;
  return { center, low: Math.min(low, high), high: Math.max(low, high) };
}

const CAPACITY = '@capacity';
/** About 25 characters: the capacity phrase introduces the figure itself. */
const CAPACITY_CUE_WEIGHT = 0.9;

/** Context window: words within this many characters of the claim, in its sentence. */
const WINDOW = 160;
const PREVIOUS_SENTENCE_WEIGHT = 0.3;

export interface ArticleInput {
  summary: ArticleSummary;
  text: string;
  claims: Claim[];
}

/** Features of every claim of one article. `startIndex` is the corpus-wide index of its first claim. */
export function articleFeatures(article: ArticleInput, startIndex: number): ClaimFeatures[] {
  const { text, summary } = article;
  const sentenceTerms = new Map<number, Array<{ term: string; at: number }>>();
  const termsOfSentence = (start: number, end: number) => {
    let terms = sentenceTerms.get(start);
    if (!terms) {
      terms = termsOf(text.slice(start, end)).map((t) => ({ term: t.term, at: t.at + start }));
      sentenceTerms.set(start, terms);
    }
    return terms;
  };
  // Sentence starts in order, to find each sentence's predecessor.
  const starts = [...new Set(article.claims.map((c) => c.sentence.start))].sort((a, b) => a - b);
  return article.claims.map((claim, i) => {
    const { start, end } = claim.sentence;
    const context = new Map<string, number>();
    const add = (term: string, weight: number) => context.set(term, Math.max(context.get(term) ?? 0, weight));
    for (const t of termsOfSentence(start, end)) {
      if (t.at >= claim.number.start && t.at < claim.number.end) continue;
      const distance = t.at < claim.start ? claim.start - t.at : Math.max(0, t.at - claim.end);
      if (distance > WINDOW) continue;
      add(t.term, 1 - (0.6 * distance) / WINDOW);
    }
    const previousStart = previousSentenceStart(text, start, starts);
    if (previousStart !== null) for (const t of termsOfSentence(previousStart, start)) add(t.term, PREVIOUS_SENTENCE_WEIGHT);
    const key = claim.quantity ? keyTerms(claim.quantity.key) : [];
    // "designed for 26,600 inmates": a count right after a capacity phrase is a capacity, whatever it counts.
    if (claim.kind === 'count' && (context.get(CAPACITY) ?? 0) >= CAPACITY_CUE_WEIGHT && !key.includes(CAPACITY)) key.unshift(CAPACITY);
    for (const term of key) add(term, 1);
    let norm = 0;
    for (const w of context.values()) norm += w * w;
    const { center, low, high } = comparisonInterval(claim);
    const nearby = text.slice(previousStart ?? start, end);
    return {
      index: startIndex + i,
      ref: { articleId: summary.id, start: claim.start, end: claim.end },
      claim,
      article: summary,
      dimension: dimensionOf(claim, text),
      keyTerms: key,
      headTerm: claim.quantity ? (keyTerms(claim.quantity.head)[0] ?? null) : null,
      context,
      contextNorm: Math.sqrt(norm),
      center,
      low,
      high,
      time: effectiveTime(claim, summary.date, nearby, text.slice(start, end)),
    };
  });
}

/** Start of the sentence before the one at `start`: the nearest claim sentence after the last full stop before it. */
function previousSentenceStart(text: string, start: number, claimSentenceStarts: number[]): number | null {
  let end = start;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  end--; // the previous sentence's own full stop
  if (end <= 0) return null;
  const from = Math.max(0, end - 400);
  const before = text.slice(from, end);
  const stop = Math.max(before.lastIndexOf('. '), before.lastIndexOf('.\n'), before.lastIndexOf('\n\n'));
  const candidate = stop >= 0 ? from + stop + 2 : from;
  const known = claimSentenceStarts.filter((s) => s < start && s >= candidate);
  return known.length ? known[0]! : candidate;
}

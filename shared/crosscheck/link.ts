/**
 * Finding the claims that measure the same thing as a given claim. An inverted index from
 * (dimension, term) to claims gives the candidates; each is scored on what it counts (the
 * quantity key's terms), the words around it (tf-idf cosine), and magnitude. Time does not
 * decide a link, only its relation: a figure from 2016 is still the same quantity.
 */
import type { ClaimFeatures } from './features';
import { EVENT_CONCEPTS } from './terms';

/** Weights of the three signals; they sum to 1. */
const KEY_WEIGHT = 0.45;
const CONTEXT_WEIGHT = 0.35;
const MAGNITUDE_WEIGHT = 0.2;
/** Candidates scored per claim at most: real folders stay far below; a folder of 10,000 near-identical reports does not. */
const MAX_CANDIDATES = 600;
/** Below this score, a candidate is not reported. */
export const LINK_THRESHOLD = 0.5;
/** Two claims that both say what they count, and count different things, link only with this much context in common. */
const DIFFERENT_KEYS_MIN_CONTEXT = 0.4;
/** Keyless claims are indexed by the context terms this close to the figure (weight ≥). */
const NEAR_TERM_WEIGHT = 0.75;
/** A concept this close to the figure (weight ≥, about 40 characters) is about the figure itself. */
const ADJACENT_WEIGHT = 0.85;
/** What happened to the counted things differs: "release 10,000 prisoners" is not the prison population. */
const EVENT_PENALTY = 0.1;
/** Both figures sit next to the same concept ("75% … yet to stand trial", "35 percent … their day in court"). */
const SHARED_CONCEPT_BONUS = 0.04;
const MAX_SHARED_CONCEPT_BONUS = 0.08;

export interface ScoredCandidate {
  feature: ClaimFeatures;
  score: number;
  reasons: string[];
}

export class LinkIndex {
  private readonly postings = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();
  /** Per claim: context weights × idf, and the vector's norm. */
  private readonly vectors: Array<Map<string, number>> = [];
  private readonly norms: number[] = [];

  constructor(private readonly features: readonly ClaimFeatures[]) {
    const df = new Map<string, number>();
    for (const f of features) for (const term of f.context.keys()) df.set(term, (df.get(term) ?? 0) + 1);
    const n = Math.max(1, features.length);
    for (const [term, count] of df) this.idf.set(term, Math.log(1 + n / count));
    for (const f of features) {
      const vector = new Map<string, number>();
      let norm = 0;
      for (const [term, w] of f.context) {
        const weighted = w * (this.idf.get(term) ?? 0);
        vector.set(term, weighted);
        norm += weighted * weighted;
      }
      this.vectors[f.index] = vector;
      this.norms[f.index] = Math.sqrt(norm);
      if (!f.dimension) continue;
      const bucket = magnitudeBucket(f.center);
      for (const term of this.indexTerms(f)) {
        const key = `${f.dimension}|${term}|${bucket}`;
        let list = this.postings.get(key);
        if (!list) this.postings.set(key, (list = []));
        list.push(f.index);
      }
    }
  }

  /** Posting terms: the key's terms and the concepts right next to the figure; for a keyless claim, every nearby term. */
  private indexTerms(f: ClaimFeatures): string[] {
    const terms = new Set(f.keyTerms);
    for (const [term, w] of f.context) {
      if (f.keyTerms.length ? term.startsWith('@') && w >= ADJACENT_WEIGHT : w >= NEAR_TERM_WEIGHT) terms.add(term);
    }
    return [...terms];
  }

  /** Candidates for one claim, best first, above the threshold: figures within a factor of about ten that share a posting term. */
  candidates(f: ClaimFeatures, limit: number): ScoredCandidate[] {
    if (!f.dimension) return [];
    const seen = new Set<number>([f.index]);
    const kept: Array<{ other: ClaimFeatures; m: Measure }> = [];
    const bucket = magnitudeBucket(f.center);
    const terms = this.indexTerms(f);
    // Nearest magnitudes first, so the cap (a guard against vague quantities in huge folders) drops the least likely.
    scan: for (const distance of [0, 1, -1, 2, -2]) {
      for (const term of terms) {
        const list = this.postings.get(`${f.dimension}|${term}|${bucket + distance}`);
        if (!list) continue;
        for (const i of list) {
          if (seen.has(i)) continue;
          seen.add(i);
          if (seen.size > MAX_CANDIDATES) break scan;
          const other = this.features[i]!;
          const m = this.measure(f, other);
          if (m) kept.push({ other, m });
        }
      }
    }
    kept.sort((x, y) => y.m.score - x.m.score || x.other.index - y.other.index);
    return kept.slice(0, limit).map(({ other, m }) => ({ feature: other, score: m.score, reasons: this.explain(f, other, m) }));
  }

  /** Score a pair with its reasons, or null when they cannot be the same quantity. Symmetric. */
  score(a: ClaimFeatures, b: ClaimFeatures): ScoredCandidate | null {
    const m = this.measure(a, b);
    return m ? { feature: b, score: m.score, reasons: this.explain(a, b, m) } : null;
  }

  /** The numbers behind a score; no strings, so scanning thousands of candidates stays cheap. */
  measure(a: ClaimFeatures, b: ClaimFeatures): Measure | null {
    if (!a.dimension || a.dimension !== b.dimension) return null;
    if (a.article.id === b.article.id && a.claim.start === b.claim.start) return null;
    const key = keySimilarity(a, b);
    // "5,974 drug crimes involving 12,672 people": two figures of one sentence that say what they count, and count different things.
    if ((key.value === 0 || key.how === 'beside') && a.keyTerms.length && b.keyTerms.length && a.article.id === b.article.id && a.claim.sentence.start === b.claim.sentence.start) return null;
    const context = this.cosine(a.index, b.index);
    if (a.keyTerms.length && b.keyTerms.length && key.value === 0 && context < DIFFERENT_KEYS_MIN_CONTEXT) return null;
    const magnitude = magnitudeSimilarity(a.center, b.center);
    const concepts = adjacentConcepts(a, b);
    const raw =
      KEY_WEIGHT * key.value + CONTEXT_WEIGHT * context + MAGNITUDE_WEIGHT * magnitude
      + Math.min(MAX_SHARED_CONCEPT_BONUS, SHARED_CONCEPT_BONUS * concepts.shared.length) - EVENT_PENALTY * concepts.eventsApart.length;
    if (raw < LINK_THRESHOLD) return null;
    return { score: Math.min(1, Math.round(raw * 1000) / 1000), key, magnitude, concepts };
  }

  private explain(a: ClaimFeatures, b: ClaimFeatures, m: Measure): string[] {
    const phrase = (f: ClaimFeatures) => f.claim.quantity?.phrase ?? '';
    const reasons: string[] = [];
    const { key, concepts, magnitude } = m;
    if (key.how === 'same') reasons.push(phrase(a).toLowerCase() === phrase(b).toLowerCase() ? `same quantity: ${phrase(a)}` : `same quantity: ${phrase(a)} / ${phrase(b)}`);
    else if (key.how === 'head') reasons.push(`same kind of thing: ${phrase(a)} / ${phrase(b)}`);
    else if (key.how === 'overlap') reasons.push(`overlapping quantity: ${phrase(a)} / ${phrase(b)}`);
    else if (key.how === 'beside' || key.how === 'keyless') {
      const [keyed, other] = key.from === 'a' ? [a, b] : [b, a];
      reasons.push(key.how === 'beside' ? `"${phrase(keyed)}" is said right next to ${other.claim.text}` : `"${phrase(keyed)}" is what the words around ${other.claim.text} speak of`);
    }
    if (concepts.shared.length) reasons.push(`both next to: ${concepts.shared.map((c) => c.slice(1)).join(', ')}`);
    if (concepts.eventsApart.length) reasons.push(`but only one is about: ${concepts.eventsApart.map((c) => c.slice(1)).join(', ')}`);
    const shared = this.sharedTerms(a.index, b.index, 4);
    if (shared.length) reasons.push(`words around both: ${shared.join(', ')}`);
    reasons.push(`same unit: ${unitWords(a.dimension!)}`);
    reasons.push(magnitude >= 0.9 ? 'same order of magnitude' : `magnitudes ${magnitude >= 0.5 ? 'close' : 'apart'} (×${(Math.max(a.center, b.center) / Math.max(1e-9, Math.min(a.center, b.center))).toFixed(1)})`);
    return reasons;
  }

  private cosine(i: number, j: number): number {
    const a = this.vectors[i]!;
    const b = this.vectors[j]!;
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    let dot = 0;
    for (const [term, w] of small) {
      const v = large.get(term);
      if (v !== undefined) dot += w * v;
    }
    const denominator = this.norms[i]! * this.norms[j]!;
    return denominator > 0 ? dot / denominator : 0;
  }

  private sharedTerms(i: number, j: number, max: number): string[] {
    const a = this.vectors[i]!;
    const b = this.vectors[j]!;
    const shared: Array<[string, number]> = [];
    for (const [term, w] of a) {
      const v = b.get(term);
      if (v !== undefined) shared.push([term, w * v]);
    }
    return shared
      .sort((x, y) => y[1] - x[1])
      .slice(0, max)
      .map(([term]) => (term.startsWith('@') ? term.slice(1) : term));
  }
}

/** Concepts adjacent to both figures, and event concepts adjacent to one and absent from the other's sentence. */
function adjacentConcepts(a: ClaimFeatures, b: ClaimFeatures): { shared: string[]; eventsApart: string[] } {
  const shared: string[] = [];
  const eventsApart: string[] = [];
  for (const [term, w] of a.context) {
    if (!term.startsWith('@')) continue;
    const v = b.context.get(term) ?? 0;
    if (w >= ADJACENT_WEIGHT && v >= ADJACENT_WEIGHT) shared.push(term);
    else if (EVENT_CONCEPTS.has(term) && w >= ADJACENT_WEIGHT && v < 0.5) eventsApart.push(term);
  }
  for (const [term, v] of b.context) {
    if (EVENT_CONCEPTS.has(term) && v >= ADJACENT_WEIGHT && (a.context.get(term) ?? 0) < 0.5) eventsApart.push(term);
  }
  return { shared, eventsApart };
}

interface KeyMatch {
  value: number;
  /** same key; same head noun; overlapping words; one key said right beside the other figure; one side has no key. */
  how: 'same' | 'head' | 'overlap' | 'beside' | 'keyless' | 'none';
  /** For 'beside' and 'keyless': which claim's key was used. */
  from?: 'a' | 'b';
}

interface Measure {
  score: number;
  key: KeyMatch;
  magnitude: number;
  concepts: { shared: string[]; eventsApart: string[] };
}

function keySimilarity(a: ClaimFeatures, b: ClaimFeatures): KeyMatch {
  if (!a.keyTerms.length || !b.keyTerms.length) {
    const [keyed, keyless, from] = a.keyTerms.length ? [a, b, 'a' as const] : [b, a, 'b' as const];
    if (!keyed.keyTerms.length) return { value: 0, how: 'none' };
    const hits = keyed.keyTerms.filter((t) => keyless.context.has(t)).length;
    return hits ? { value: (0.8 * hits) / keyed.keyTerms.length, how: 'keyless', from } : { value: 0, how: 'none' };
  }
  const mine = new Set(a.keyTerms);
  const common = b.keyTerms.filter((t) => mine.has(t)).length;
  if (common === mine.size && common === b.keyTerms.length) return { value: 1, how: 'same' };
  const jaccard = common / (mine.size + b.keyTerms.length - common);
  if (a.headTerm && a.headTerm === b.headTerm) {
    // Same head, different modifiers: the same thing if each side's extra words are in the other's context.
    const covered = a.keyTerms.every((t) => b.context.has(t)) && b.keyTerms.every((t) => a.context.has(t));
    return { value: covered ? 0.9 : Math.max(0.6, jaccard), how: 'head' };
  }
  if (jaccard > 0) return { value: jaccard, how: 'overlap' };
  // "capacity of just 26,593" and "facilities designed to hold just 27,000": one's key sits right next to the other
  // figure, whose own key was only guessed from the words before it (the sentence's subject).
  const beside = (x: ClaimFeatures, y: ClaimFeatures) =>
    isKeyFromBefore(y) ? x.keyTerms.filter((t) => (y.context.get(t) ?? 0) >= ADJACENT_WEIGHT && !y.keyTerms.includes(t)).length / x.keyTerms.length : 0;
  const ab = beside(a, b);
  const ba = beside(b, a);
  if (ab > 0 || ba > 0) return { value: 0.7 * Math.max(ab, ba), how: 'beside', from: ab >= ba ? 'a' : 'b' };
  return { value: 0, how: 'none' };
}

const isKeyFromBefore = (f: ClaimFeatures): boolean => f.claim.quantity !== null && f.claim.quantity.start < f.claim.start;

/** Half-decade buckets of magnitude: candidates are looked up two buckets (a factor of 10) each way. */
function magnitudeBucket(x: number): number {
  return x === 0 ? -1000 : Math.floor(Math.log10(Math.abs(x)) * 2);
}

/** 1 for equal magnitudes, 0 at a factor of 10 apart or more. */
function magnitudeSimilarity(x: number, y: number): number {
  if (x === 0 && y === 0) return 1;
  if (x === 0 || y === 0 || Math.sign(x) !== Math.sign(y)) return 0;
  return Math.max(0, 1 - Math.abs(Math.log10(Math.abs(x) / Math.abs(y))));
}

function unitWords(dimension: string): string {
  if (dimension.startsWith('money:')) return dimension.slice(6);
  if (dimension.startsWith('measure:')) return dimension.slice(8);
  return dimension === 'percent-change' ? 'percent change' : dimension;
}

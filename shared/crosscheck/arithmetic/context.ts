/**
 * An article as the checks read it: its usable claims grouped by sentence, and the normalised
 * text between neighbouring claims (the "glue" the wording tests read).
 */
import type { Claim, QuantityRef } from '../../domain/claim';
import { singular } from '../../claims';
import type { ClaimRef } from '../../domain/crosscheck';

export interface SentenceView {
  /** Position among the sentences that hold claims. */
  order: number;
  start: number;
  end: number;
  /** Usable claims, by start. */
  claims: Claim[];
  /** glue[i]: normalised text before claims[i] (from the sentence start or the previous claim); glue[n]: after the last. */
  glue: string[];
}

export interface ArticleView {
  articleId: string;
  text: string;
  sentences: SentenceView[];
  /** Where each usable claim is: its sentence and its index there. */
  place: Map<Claim, { sentence: SentenceView; index: number }>;
}

/** Kinds the arithmetic can use; durations, ages and temperatures are never parts of these sums. */
const ARITHMETIC_KINDS = new Set(['count', 'money', 'measure', 'percent']);

/** Glue longer than this keeps its two ends: the tests read only the words next to each figure. */
const MAX_GLUE = 240;

export function normalise(text: string): string {
  // Only the words near each end are ever read: cut a long stretch before the work on it.
  const raw = text.length > 4 * MAX_GLUE ? `${text.slice(0, 2 * MAX_GLUE)} … ${text.slice(-2 * MAX_GLUE)}` : text;
  let s = raw.toLowerCase()
    .replace(/[\u2018\u2019\u02BC`]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014\u2212]/g, '–')
    .replace(/\s+/g, ' ');
  if (s.length > MAX_GLUE) s = `${s.slice(0, MAX_GLUE / 2)} … ${s.slice(-MAX_GLUE / 2)}`;
  return s;
}

/** A claim the caller passed that the checks can rely on: a span inside the text, finite numbers. */
function usable(claim: Claim, textLength: number): boolean {
  if (!claim || typeof claim !== 'object' || !claim.number || !claim.sentence || !claim.precision) return false;
  const { start, end, sentence, number } = claim;
  const ints = [start, end, sentence.start, sentence.end, number.start, number.end];
  if (!ints.every((n) => Number.isInteger(n) && n >= 0 && n <= textLength)) return false;
  if (!(start < end && sentence.start <= start && end <= sentence.end && start <= number.start && number.end <= end)) return false;
  if (!Number.isFinite(claim.value) || typeof claim.text !== 'string' || typeof number.text !== 'string') return false;
  if (claim.low !== null && !Number.isFinite(claim.low)) return false;
  if (claim.high !== null && !Number.isFinite(claim.high)) return false;
  return ARITHMETIC_KINDS.has(claim.kind) && typeof claim.unit === 'string';
}

export function buildView(articleId: string, text: string, claims: readonly Claim[]): ArticleView {
  const sorted = claims.filter((c) => usable(c, text.length)).sort((a, b) => a.start - b.start || b.end - a.end);
  const sentences: SentenceView[] = [];
  const place = new Map<Claim, { sentence: SentenceView; index: number }>();
  let current: SentenceView | null = null;
  let lastEnd = -1;
  for (const claim of sorted) {
    if (claim.start < lastEnd) continue; // overlapping claims: keep the first
    lastEnd = claim.end;
    if (!current || claim.sentence.start !== current.start || claim.start >= current.end) {
      current = { order: sentences.length, start: claim.sentence.start, end: claim.sentence.end, claims: [], glue: [] };
      sentences.push(current);
    }
    place.set(claim, { sentence: current, index: current.claims.length });
    current.claims.push(claim);
  }
  for (const s of sentences) {
    let from = s.start;
    for (const c of s.claims) { s.glue.push(normalise(text.slice(from, c.start))); from = c.end; }
    s.glue.push(normalise(text.slice(from, Math.max(from, s.end))));
  }
  return { articleId, text, sentences, place };
}

export const refOf = (view: ArticleView, span: { start: number; end: number }): ClaimRef => ({ articleId: view.articleId, start: span.start, end: span.end });

/** A claim's own quantity noun: written right after the figure ("9,572 cases"), not borrowed from the sentence's subject. */
export function ownQuantityHead(claim: Claim): string | null {
  const q = claim.quantity;
  if (!q || q.start < claim.end || q.start - claim.end > 3) return null;
  return q.head;
}

/** Two levels of one change must measure the same thing: both figures' own nouns, where written, agree. */
export function sameQuantity(a: Claim, b: Claim): boolean {
  if (a.unit !== b.unit) return false;
  const ha = ownQuantityHead(a);
  const hb = ownQuantityHead(b);
  return ha === null || hb === null || ha === hb;
}

/** Range claims ("200 to 300") are never an end of a computation: which end would it be? */
export const isRange = (claim: Claim): boolean => claim.range !== null;

/** Nouns that count anything: "9,572 cases" can be cases of any crime. */
const GENERIC_HEADS = new Set(['case', 'incident', 'instance', 'occurrence', 'event', 'record', 'report', 'people', 'person', 'one', 'figure', 'total', 'number']);
const NOT_A_MODIFIER = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those', 'all', 'total', 'overall', 'nationwide', 'national', 'annual', 'new']);
const PREPOSITION_RE = /\s(?:in|of|at|from|for|on|across|by|with|to|under|among|between)\s.*$/;

const phrases = new WeakMap<QuantityRef, { head: string; modifiers: string[] } | null>();

/** A quantity's head noun and its modifiers: "Cambodia's prison population" → population, [prison]. Read once per quantity. */
function nounPhrase(q: QuantityRef): { head: string; modifiers: string[] } | null {
  let read = phrases.get(q);
  if (read === undefined) { read = readNounPhrase(q); phrases.set(q, read); }
  return read;
}

function readNounPhrase(q: QuantityRef): { head: string; modifiers: string[] } | null {
  const words = q.phrase.toLowerCase().replace(/[\u2019]/g, "'")
    .replace(/^(?:the\s+)?(?:number|total|amount|count|share|level)\s+of\s+/, '')
    .replace(PREPOSITION_RE, '')
    .split(/\s+/).filter((w) => w && !/'s?$/.test(w) && /^[a-z][a-z-]*$/.test(w));
  if (!words.length) return null;
  const head = singular(words[words.length - 1]!);
  return { head, modifiers: words.slice(0, -1).filter((w) => !NOT_A_MODIFIER.has(w)) };
}

/**
 * Two quantities that cannot be the same thing: different head nouns ("crime" vs "arrest"), or one
 * head with different modifiers ("car sales" vs "truck sales"). Generic counters never conflict.
 */
export function quantitiesConflict(a: QuantityRef | null, b: QuantityRef | null): boolean {
  if (!a || !b) return false;
  const x = nounPhrase(a);
  const y = nounPhrase(b);
  if (!x || !y || GENERIC_HEADS.has(x.head) || GENERIC_HEADS.has(y.head)) return false;
  if (x.head !== y.head) return true;
  return x.modifiers.length > 0 && y.modifiers.length > 0 && !x.modifiers.some((m) => y.modifiers.includes(m));
}

/** Two quantities that name the same thing: one head noun, no conflicting modifier. */
export function quantitiesAgree(a: QuantityRef | null, b: QuantityRef | null): boolean {
  if (!a || !b) return false;
  const x = nounPhrase(a);
  const y = nounPhrase(b);
  return !!x && !!y && x.head === y.head && !GENERIC_HEADS.has(x.head) && !quantitiesConflict(a, b);
}

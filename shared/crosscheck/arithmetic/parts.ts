/**
 * Parts against a stated total. "27 activists … These included seven …, five …, two …" lists a
 * subset: the parts may not add up to more than the total. "The 40 victims were 25 men, 10 women
 * and 5 children" lists all of it: the parts must add up to the total.
 */
import type { Claim } from '../../domain/claim';
import type { AllowedInterval, ArithmeticCheck } from '../../domain/crosscheck';
import type { ArticleView, SentenceView } from './context';
import { isRange } from './context';
import { judge, makeCheck } from './check';
import { describeAllowed, figure, formatLike, written } from './format';
import type { Range } from './interval';
import { add, allowedOf, point, rangeOf } from './interval';
import type { SentenceReading } from './reading';
import { INCLUDING_RE, MADE_UP_OF_RE, PARTS_OPENER_RE, TOTAL_AFTER_LIST_RE } from './wording';

const LIST_SEPARATOR_RE = /,|\band\b|;|\bas well as\b|\bplus\b/;
const LIST_BREAK_RE = /\b(?:but|while|whereas|although|compared|versus|than)\b|[.:]/;
const LIST_END_RE = /\b(?:and|as well as|plus)\b/;
const MAX_WORDS_BETWEEN_PARTS = 20;
const TOTAL_AFTER_RE = /^ ?(?:[a-z'-]+ ){0,2}?(?:in all|in total|altogether)\b/;
const TOTAL_WORDS_RE = /\b(?:total|totalling|totaling|making|bringing)\b/;

/** Adjacent sentences of a paragraph: at most this many characters apart. */
const NEXT_SENTENCE_GAP = 12;

interface Run { from: number; to: number; complete: boolean }

const wordCount = (s: string): number => s.trim().split(/\s+/).filter(Boolean).length;

/** Runs of figures listed together ("seven …, five …, two … and five …"): indices [from, to). */
function listRuns(s: SentenceView, reading: SentenceReading): Run[] {
  const runs: Run[] = [];
  const member = (i: number): boolean => {
    const c = s.claims[i]!;
    return !isRange(c) && c.unit !== 'percent' && c.unit !== 'percentage-points' && !reading.changes.has(i) && c.outOf === null;
  };
  let i = 0;
  while (i < s.claims.length) {
    if (!member(i)) { i++; continue; }
    let j = i + 1;
    while (j < s.claims.length && member(j) && s.claims[j]!.unit === s.claims[i]!.unit) {
      const glue = s.glue[j]!;
      // "…, a total of 33": the total that closes the list is not one of its parts.
      if (/\btotal\b/i.test(s.claims[j]!.qualifierText ?? '') || TOTAL_WORDS_RE.test(glue)) break;
      // "27 people, including seven …": the word that introduces the parts ends the run before them.
      if (!LIST_SEPARATOR_RE.test(glue) || LIST_BREAK_RE.test(glue) || INCLUDING_RE.test(glue) || MADE_UP_OF_RE.test(glue)) break;
      if (wordCount(glue) > MAX_WORDS_BETWEEN_PARTS) break;
      j++;
    }
    if (j - i >= 2) runs.push({ from: i, to: j, complete: LIST_END_RE.test(s.glue[j - 1]!) });
    i = j;
  }
  return runs;
}

export function partsChecks(view: ArticleView, readings: readonly SentenceReading[]): ArithmeticCheck[] {
  const out: ArithmeticCheck[] = [];
  readings.forEach((reading, r) => {
    const s = reading.sentence;
    for (const run of listRuns(s, reading)) {
      const parts = s.claims.slice(run.from, run.to);
      const unit = parts[0]!.unit;
      const total = run.from > 0 ? s.claims[run.from - 1]! : null;
      // The total just before the list: "27 people, including …" (a subset), "The 40 victims were …" (all of it).
      if (total && total.unit === unit && !isRange(total) && !reading.changes.has(run.from - 1)) {
        const glue = s.glue[run.from]!;
        const firstGlue = glue.slice(0, 120);
        if (INCLUDING_RE.test(firstGlue)) { push(out, view, total, parts, 'subset'); continue; }
        if (run.complete && MADE_UP_OF_RE.test(firstGlue)) { push(out, view, total, parts, 'all'); continue; }
      }
      // The total just after it: "25 men, 10 women and 5 children, a total of 40".
      const after = run.to < s.claims.length ? s.claims[run.to]! : null;
      if (after && run.complete && after.unit === unit && !isRange(after) && !reading.changes.has(run.to)) {
        const glue = s.glue[run.to]!;
        const named = /\btotal\b/i.test(after.qualifierText ?? '') || TOTAL_WORDS_RE.test(glue) || TOTAL_AFTER_RE.test(s.glue[run.to + 1]!);
        if (named && TOTAL_AFTER_LIST_RE.test(glue) && wordCount(glue) <= 5) { push(out, view, after, parts, 'all'); continue; }
      }
      // The previous sentence's total: "… released 27 activists. These included seven …".
      if (run.from === 0 && PARTS_OPENER_RE.test(s.glue[0]!) && r > 0) {
        const previous = readings[r - 1]!;
        if (s.start - previous.sentence.end > NEXT_SENTENCE_GAP) continue;
        const totals = previous.sentence.claims.filter((c, i) => c.unit === unit && !isRange(c) && !previous.changes.has(i) && c.unit !== 'percent');
        const heads = new Set(parts.map((p) => p.quantity?.head).filter(Boolean));
        const named = totals.filter((c) => c.quantity && heads.has(c.quantity.head));
        const chosen = totals.length === 1 ? totals[0]! : named.length === 1 ? named[0]! : null;
        if (chosen) push(out, view, chosen, parts, 'subset');
      }
    }
  });
  return out;
}

function push(out: ArithmeticCheck[], view: ArticleView, total: Claim, parts: Claim[], how: 'subset' | 'all'): void {
  const totalRange = rangeOf(total);
  // A part bigger than the whole says the figures are not parts of it: nothing to check.
  if (parts.some((p) => p.value > total.value && rangeOf(p).lo > totalRange.hi)) return;
  out.push(partsCheck(view, total, parts, how));
}

function partsCheck(view: ArticleView, total: Claim, parts: Claim[], how: 'subset' | 'all'): ArithmeticCheck {
  const { text } = view;
  const sum: Range = parts.reduce<Range>((acc, p) => add(acc, rangeOf(p)), point(0));
  const computed = parts.reduce((acc, p) => acc + p.value, 0);
  const totalAllowed = allowedOf(total);
  const allowed: AllowedInterval = how === 'all'
    ? totalAllowed
    : { low: null, high: totalAllowed.high, lowInclusive: true, highInclusive: totalAllowed.highInclusive };
  const verdict = judge(sum, allowed);
  const formula = parts.map((p) => figure(text, p)).join(' + ');
  const show = (x: number): string => formatLike(text, total, x, Infinity);
  // "a total of 33" reads "the stated total of 33"; a qualified total keeps its words ("about 1,200").
  const t = total.qualifier === 'exact' ? figure(text, total) : written(total);
  let sentence: string;
  if (how === 'subset') {
    sentence = verdict === 'consistent'
      ? `The parts listed add up to ${show(computed)} (${formula}), within the total of ${t}.`
      : `The parts listed add up to ${show(computed)} (${formula}), more than the total of ${t}.`;
  } else {
    sentence = verdict === 'consistent'
      ? `The parts add up to ${show(computed)} (${formula}): ${computed === total.value ? 'matches' : 'consistent with'} the stated total of ${t}.`
      : `The parts add up to ${show(computed)} (${formula}), not the stated total of ${t} (which allows ${describeAllowed(allowed, show)}).`;
  }
  return makeCheck(view, { kind: 'parts-total', subject: total, inputs: parts, formula, computed, unit: total.unit, allowed, verdict, sentence });
}

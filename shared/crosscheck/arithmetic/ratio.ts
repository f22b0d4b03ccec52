/**
 * Ratios: multiples ("more than double the $5.1 billion", "tripled, from 45 to 160", "nearly three
 * times the $150,000") and occupancy (a population against a capacity: "over 38,990 … capacity of
 * just 26,593" → about 147% of capacity; "620 patients, 155% of its capacity").
 */
import type { Claim } from '../../domain/claim';
import type { AllowedInterval, ArithmeticCheck } from '../../domain/crosscheck';
import type { ArticleView, SentenceView } from './context';
import { isRange, normalise, sameQuantity } from './context';
import { judge, makeCheck } from './check';
import { capitalise, describeAllowed, describeRange, figure, formatDerivedPercent, formatNumber, formatPercent, written } from './format';
import { allowedOf, div, meets, point, rangeOf, scale, sub } from './interval';
import type { SentenceReading } from './reading';
import { sameTime } from './time';
import type { Direction } from './wording';
import { CAPACITY_BEFORE_RE, OCCUPANCY_AFTER_RE, OCCUPANCY_BEFORE_RE, TIMES_AFTER_RE, changeBefore } from './wording';

const QUALIFIER = '(?:more than|well over|just over|over|at least|almost|nearly|close to|just under|about|roughly|around|some|less than)';
const COUNT_WORD: Readonly<Record<string, number>> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const NUMBER = `(?:\\d+(?:\\.\\d+)?|${Object.keys(COUNT_WORD).join('|')})`;
/** A multiple as a verb ("tripled", "rose fivefold") or as a noun phrase ("twice", "three times", "double"). */
const MULTIPLE_VERB_RE = new RegExp(`\\b(?:(${QUALIFIER})\\s+)?(doubled|tripled|trebled|quadrupled|halved|(?:increased|risen|rose|grew|grown|jumped|climbed)\\s+(${NUMBER})(?:-|\\s)?fold)(?![-\\w])`, 'gi');
const IS_VERB_MULTIPLE_RE = new RegExp(MULTIPLE_VERB_RE.source, 'i');
// Not "first half", "a half", "double-digit", "triple-A".
const HALF = '(?<!\\b(?:first|second|latter|former|other|each|per|a|one|the)\\s)half';
const FRACTION = '(?:a|one)\\s+third|(?:a|one)\\s+quarter|two-thirds|two\\s+thirds|three-quarters|three\\s+quarters';
const MULTIPLE_NOUN_RE = new RegExp(`\\b(?:(${QUALIFIER})\\s+)?(twice|double|triple|treble|quadruple|${HALF}|${FRACTION}|(${NUMBER})(?:\\s+times|-fold|\\s+fold))(?![-\\w])`, 'gi');

const FACTOR: Readonly<Record<string, number>> = {
  doubled: 2, tripled: 3, trebled: 3, quadrupled: 4, halved: 0.5,
  twice: 2, double: 2, triple: 3, treble: 3, quadruple: 4, half: 0.5,
};

interface Multiple { start: number; end: number; factor: number; qualifier: string | null; words: string }

const FRACTION_FACTOR: ReadonlyArray<readonly [RegExp, number]> = [[/third/i, 1 / 3], [/quarter/i, 1 / 4]];

function factorOf(words: string, number: string | undefined): number | null {
  if (number !== undefined) return COUNT_WORD[number.toLowerCase()] ?? Number(number);
  const fraction = FRACTION_FACTOR.find(([re]) => re.test(words));
  if (fraction) return (/^(?:two|three)/i.test(words) ? Number(/^two/i.test(words) ? 2 : 3) : 1) * fraction[1];
  return FACTOR[words.split(/\s/)[0]!.toLowerCase()] ?? null;
}

/** Every multiple wording in text[from, to), with its span. */
function multiplesIn(text: string, from: number, to: number, re: RegExp): Multiple[] {
  const out: Multiple[] = [];
  const slice = text.slice(from, to);
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice)) !== null) {
    const factor = factorOf(m[2]!, m[3]);
    if (factor === null || !(factor > 0)) continue;
    out.push({ start: from + m.index, end: from + m.index + m[0].length, factor, qualifier: m[1]?.toLowerCase() ?? null, words: m[0].replace(/\s+/g, ' ') });
  }
  return out;
}

/**
 * What a multiple's wording allows. Multiples are round by nature: a bare "three times" is within
 * 10% of 3; "more than double" is above 2; "nearly three times" is 2.7 to 3.
 */
function allowedMultiple(factor: number, qualifier: string | null): AllowedInterval {
  switch (qualifier) {
    case 'more than': case 'over': case 'well over': case 'just over':
      return { low: factor, high: null, lowInclusive: false, highInclusive: false };
    case 'at least':
      return { low: factor, high: null, lowInclusive: true, highInclusive: false };
    case 'almost': case 'nearly': case 'close to': case 'just under':
      return { low: factor * 0.9, high: factor, lowInclusive: true, highInclusive: true };
    case 'less than':
      return { low: 0, high: factor, lowInclusive: true, highInclusive: false };
    default:
      return { low: factor * 0.9, high: factor * 1.1, lowInclusive: true, highInclusive: true };
  }
}

function multipleCheck(view: ArticleView, subject: { start: number; end: number }, words: string, allowed: AllowedInterval, a: Claim, b: Claim): ArithmeticCheck | null {
  if (!(b.value > 0)) return null;
  const { text } = view;
  const range = div(rangeOf(a), rangeOf(b));
  const computed = a.value / b.value;
  const verdict = judge(range, allowed);
  const fa = figure(text, a);
  const fb = figure(text, b);
  const formula = `${fa} ÷ ${fb}`;
  const show = (x: number): string => formatNumber(x, 2);
  const sentence = verdict === 'consistent'
    ? `${formula} = ${show(computed)}: consistent with “${words}”.`
    : `${formula} = ${show(computed)}, not “${words}” (which allows ${describeAllowed(allowed, show)}).`;
  return makeCheck(view, { kind: 'ratio', subject, inputs: [a, b], formula, computed, unit: 'ratio', allowed, verdict, sentence });
}

/** The engine reads "three times" as a count of three "times": that claim is the multiple. */
function isTimesClaim(s: SentenceView, i: number): boolean {
  return s.claims[i]!.kind === 'count' && TIMES_AFTER_RE.test(s.glue[i + 1]!);
}

/** Between a figure and the multiple that describes it: a comma, a dash or a copula ("$12 billion, more than double"). */
const APPOSITION_BEFORE_RE = /^(?: [a-z0-9'.-]+){0,5}?(?:,| –| —| is| was| are| were|, or) ?$/;
const MULTIPLE_TO_FIGURE_RE = /^(?: as (?:many|much|high|large|big|long|great) as)? (?:that of )?(?:the |its |their |his |her |a |an )?(?:[a-z'-]+ ){0,2}?(?:of )?$/;

export function ratioChecks(view: ArticleView, readings: readonly SentenceReading[], usedPercents: Set<Claim>): ArithmeticCheck[] {
  const out: ArithmeticCheck[] = [];
  for (const reading of readings) {
    out.push(...pairMultiples(view, reading), ...appositionMultiples(view, reading), ...occupancy(view, reading, usedPercents));
  }
  return out;
}

/** A multiple found in a clause: its span, words and what it states. */
interface Candidate { span: { start: number; end: number }; words: string; allowed: AllowedInterval; fraction: Direction | null }

/**
 * "tripled, from 45 to 160", "twice as many … : 400 compared with 200", "rose from 30 to 101, more
 * than three times as many": a multiple and the two values of its clause. "fell by nearly half"
 * states the size of the fall, not the ratio: 1 − 1.3 ÷ 2.4 is checked against "nearly half".
 */
function pairMultiples(view: ArticleView, reading: SentenceReading): ArithmeticCheck[] {
  const out: ArithmeticCheck[] = [];
  const s = reading.sentence;
  const { text } = view;
  for (const clause of reading.clauses) {
    if (clause.ambiguous || clause.percent || clause.absolute || !clause.old || !clause.new) continue;
    const from = clause.from === 0 ? s.start : s.claims[clause.from - 1]!.end;
    const to = clause.to === s.claims.length ? s.end : s.claims[clause.to]!.start;
    const candidates: Candidate[] = [];
    const found = [...multiplesIn(text, from, to, MULTIPLE_VERB_RE), ...multiplesIn(text, from, to, MULTIPLE_NOUN_RE)]
      .filter((m, i, all) => all.findIndex((o) => o.start < m.end && m.start < o.end) === i)
      .filter((m) => !s.claims.some((c) => c.start < m.end && m.start < c.end));
    for (const m of found) {
      // After a change verb a noun multiple is the size of the change: "fell by half", "by a third" (kept), "rose three times"
      // (a count of rises: skipped). A fraction with no change verb is a share ("a third of"), not a multiple.
      const change = IS_VERB_MULTIPLE_RE.test(m.words) ? null : changeBefore(normalise(text.slice(from, m.start)));
      if (change ? m.factor >= 1 : m.factor < 1 && m.factor !== 0.5) continue;
      candidates.push({ span: m, words: m.words, allowed: allowedMultiple(m.factor, m.qualifier), fraction: change ? change.direction : null });
    }
    for (let i = clause.from; i < clause.to; i++) {
      const k = s.claims[i]!;
      // "rose three times" counts rises; "more than three times as many" is a multiple.
      if (k === clause.old || k === clause.new || !isTimesClaim(s, i) || changeBefore(s.glue[i]!)) continue;
      candidates.push({ span: k, words: `${written(k)} times`, allowed: allowedMultiple(k.value, k.qualifierText?.toLowerCase() ?? null), fraction: null });
    }
    if (candidates.length !== 1) continue;
    const c = candidates[0]!;
    const check = c.fraction ? fractionCheck(view, c, clause.new, clause.old, c.fraction) : multipleCheck(view, c.span, c.words, c.allowed, clause.new, clause.old);
    if (check) out.push(check);
  }
  return out;
}

/** "fell by nearly half, from $2.4 million to $1.3 million": the fall as a fraction of the earlier value. */
function fractionCheck(view: ArticleView, c: Candidate, next: Claim, old: Claim, direction: Direction): ArithmeticCheck | null {
  if (!(old.value > 0)) return null;
  const { text } = view;
  const ratio = div(rangeOf(next), rangeOf(old));
  const range = direction === 'down' ? sub(point(1), ratio) : sub(ratio, point(1));
  const computed = direction === 'down' ? 1 - next.value / old.value : next.value / old.value - 1;
  const verdict = judge(range, c.allowed);
  const a = figure(text, old);
  const b = figure(text, next);
  const formula = direction === 'down' ? `(${a} − ${b}) ÷ ${a}` : `(${b} − ${a}) ÷ ${a}`;
  const show = (x: number): string => formatNumber(x, 2);
  const sentence = verdict === 'consistent'
    ? `${formula} = ${show(computed)}: consistent with “${c.words}”.`
    : `${formula} = ${show(computed)}, not “${c.words}” (which allows ${describeAllowed(c.allowed, show)}).`;
  return makeCheck(view, { kind: 'ratio', subject: c.span, inputs: [old, next], formula, computed, unit: 'ratio', allowed: c.allowed, verdict, sentence });
}

/** "$12 billion, more than double the $5.1 billion", "3,000 inmates, three times its capacity of 1,000". */
function appositionMultiples(view: ArticleView, reading: SentenceReading): ArithmeticCheck[] {
  const out: ArithmeticCheck[] = [];
  const s = reading.sentence;
  const n = s.claims.length;
  for (let i = 0; i + 1 < n; i++) {
    const a = s.claims[i]!;
    // The figure a multiple describes is a current level, never the earlier value of a change ("from 8,018 … and more than double").
    if (isRange(a) || a.unit === 'percent' || reading.roles[i] === 'old') continue;
    // The engine's "three" (times) claim, or a multiple in the words between two figures.
    if (i + 2 < n && isTimesClaim(s, i + 1)) {
      const k = s.claims[i + 1]!;
      const b = s.claims[i + 2]!;
      const after = s.glue[i + 2]!.replace(/^ ?(?:times|-fold|fold)/, '');
      if (APPOSITION_BEFORE_RE.test(s.glue[i + 1]!) && MULTIPLE_TO_FIGURE_RE.test(after) && fitsAsMultiple(a, b)) {
        const suffix = TIMES_AFTER_RE.exec(s.glue[i + 2]!)![0].trim();
        const words = `${written(k)}${suffix.startsWith('-') ? '' : ' '}${suffix}`;
        const qualifier = k.qualifierText?.toLowerCase() ?? null;
        const check = multipleCheck(view, k, words, allowedMultiple(k.value, qualifier), a, b);
        if (check) out.push(check);
      }
      continue;
    }
    const b = s.claims[i + 1]!;
    if (!fitsAsMultiple(a, b)) continue;
    const found = multiplesIn(view.text, a.end, b.start, MULTIPLE_NOUN_RE);
    if (found.length !== 1) continue;
    const m = found[0]!;
    const before = normalise(view.text.slice(a.end, m.start));
    const after = normalise(view.text.slice(m.end, b.start));
    if (!APPOSITION_BEFORE_RE.test(before) || !MULTIPLE_TO_FIGURE_RE.test(after)) continue;
    const check = multipleCheck(view, m, m.words, allowedMultiple(m.factor, m.qualifier), a, b);
    if (check) out.push(check);
  }
  return out;
}

function fitsAsMultiple(a: Claim, b: Claim): boolean {
  return !isRange(b) && a.unit === b.unit && b.unit !== 'percent' && sameQuantity(a, b);
}

/** A population against a capacity, in one sentence: checked against a stated occupancy, or derived. */
function occupancy(view: ArticleView, reading: SentenceReading, usedPercents: Set<Claim>): ArithmeticCheck[] {
  const s = reading.sentence;
  const { text } = view;
  const capacities = s.claims.filter((c, i) => c.kind === 'count' && !isRange(c) && !reading.changes.has(i) && CAPACITY_BEFORE_RE.test(s.glue[i]!));
  if (capacities.length !== 1) return [];
  const capacity = capacities[0]!;
  // The population: the later value of a change in the sentence, or its one other count.
  const laterValues = reading.clauses.filter((c) => !c.ambiguous && c.new && c.new.unit === capacity.unit).map((c) => c.new!);
  const others = s.claims.filter((c, i) => c !== capacity && c.unit === capacity.unit && !isRange(c) && !reading.changes.has(i) && c.outOf === null);
  const population = laterValues.length === 1 ? laterValues[0]! : others.length === 1 ? others[0]! : null;
  if (!population || !(capacity.value > 0) || !(population.value > 0)) return [];
  if (sameTime(population, capacity) === 'contradict') return [];
  const range = scale(div(rangeOf(population), rangeOf(capacity)), 100);
  const computed = (population.value / capacity.value) * 100;
  const p = figure(text, population);
  const k = figure(text, capacity);
  const formula = `${p} ÷ ${k} × 100`;
  const stated = s.claims.filter((c, i) => c.unit === 'percent' && !reading.changes.has(i) && (OCCUPANCY_AFTER_RE.test(s.glue[i + 1]!) || OCCUPANCY_BEFORE_RE.test(s.glue[i]!)));
  if (stated.length === 1) {
    const occ = stated[0]!;
    usedPercents.add(occ);
    const allowed = allowedOf(occ);
    const verdict = judge(range, allowed);
    const sentence = verdict === 'consistent'
      ? `${p} against a capacity of ${k} is ${formatPercent(computed, occ)}: consistent with the stated ${written(occ)}.`
      : `${p} against a capacity of ${k} is ${formatPercent(computed, occ)}, not the stated ${written(occ)} (which allows ${describeAllowed(allowed, (x) => formatPercent(x, occ))}).`;
    return [makeCheck(view, { kind: 'ratio', subject: occ, inputs: [population, capacity], formula, computed, unit: 'percent', allowed, verdict, sentence })];
  }
  if (stated.length > 1 || meets(range, { low: null, high: 100, lowInclusive: true, highInclusive: true })) {
    // Under capacity is no news; an occupancy stated twice is ambiguous.
    return [];
  }
  const value = describeRange(range, computed, formatDerivedPercent);
  const sentence = `${capitalise(written(population))} against a capacity of ${k}: ${value} of capacity (${formula}).`;
  return [makeCheck(view, { kind: 'ratio', subject: population, inputs: [capacity], formula, computed, unit: 'percent', allowed: null, verdict: 'derived', sentence })];
}

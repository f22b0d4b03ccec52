/**
 * Changes: a percentage or an absolute change checked against its two values, wherever the text
 * puts them. Same clause first ("rose 8 percent from 1,200 to 1,296"), then a neighbouring
 * sentence whose two values match the change's period or quantity ("rose by 19 percent from the
 * previous year. … 9,572 cases last year compared with 8,018 recorded in 2018"), then the same
 * quantity at the change's two ends anywhere in the article. With one value only, the other is
 * derived ("$6.6 billion in 2020, a 185 percent increase since 2010" → about $2.3 billion in 2010).
 */
import type { ArithmeticCheck } from '../../domain/crosscheck';
import type { Claim } from '../../domain/claim';
import type { ArticleView, SentenceView } from './context';
import { quantitiesAgree, quantitiesConflict } from './context';
import { judge, makeCheck } from './check';
import { describeAllowed, describeRange, figure, formatLike, formatNumber, formatPercent, written, writtenLevel } from './format';
import type { Range } from './interval';
import { add, allowedOf, allows, div, meets, point, rangeOf, scale, sub } from './interval';
import type { Change, Clause, Pair, SentenceReading } from './reading';
import { freePair } from './reading';
import type { Period } from './time';
import { claimDays, fits, periodOf, within } from './time';

/** How far a change looks for its values in other sentences (sentences that hold figures). */
const NEIGHBOUR_SENTENCES = 2;
const NEIGHBOUR_CHARS = 1500;

const noun = (c: Change): string => (c.direction === 'up' ? 'increase' : 'fall');
const percentFigure = (c: Claim): string => c.number.text.replace(/\s+/g, ' ').trim();

/** Levels a change may be computed from: a percentage of any levels; an amount of levels in its unit. */
function unitsFit(change: Change, old: Claim, next: Claim): boolean {
  if (old.unit !== next.unit) return false;
  if (!change.absolute) return true;
  const points = change.claim.unit === 'percentage-points' || change.claim.unit === 'points';
  return points ? old.unit === 'percent' : change.claim.unit === old.unit;
}

/** A percentage change against its two values. */
function percentCheck(view: ArticleView, change: Change, old: Claim, next: Claim): ArithmeticCheck {
  const { text } = view;
  const p = change.claim;
  const up = change.direction === 'up';
  const oldR = rangeOf(old);
  const newR = rangeOf(next);
  const ratio = div(newR, oldR);
  const range = up ? scale(sub(ratio, point(1)), 100) : scale(sub(point(1), ratio), 100);
  const signed = ((next.value - old.value) / old.value) * 100;
  const computed = up ? signed : -signed;
  const allowed = allowedOf(p);
  const verdict = judge(range, allowed);
  const a = figure(text, old);
  const b = figure(text, next);
  const formula = up ? `(${b} − ${a}) ÷ ${a} × 100` : `(${a} − ${b}) ÷ ${a} × 100`;
  const moved = `${signed >= 0 ? 'Up' : 'Down'} ${formatPercent(Math.abs(signed), p)} from ${writtenLevel(old)} to ${writtenLevel(next)}`;
  let sentence: string;
  if (verdict === 'consistent') {
    const fit = Math.abs(computed - p.value) < 1e-9 ? 'matches' : allows(allowed, computed) ? 'rounds to' : "is within the figures' rounding of";
    sentence = `${moved}: ${fit} the stated ${written(p)}.`;
  } else if (Math.sign(computed) < 0 && Math.abs(signed) > 1e-9) {
    sentence = `${moved}, yet the text states ${up ? 'an increase' : 'a fall'} of ${written(p)}.`;
  } else {
    const show = (x: number): string => formatPercent(x, p);
    sentence = `${moved}, not the stated ${written(p)} (which allows ${describeAllowed(allowed, show)}).`;
    const onNewBase = scale(div(up ? sub(newR, oldR) : sub(oldR, newR), newR), 100);
    if (meets(onNewBase, allowed)) {
      sentence += ` The stated figure is the change taken on the later value (${formatPercent((Math.abs(next.value - old.value) / next.value) * 100, p)} of ${b}) instead of the earlier ${a}.`;
    } else if (old.unit === 'percent') {
      const points = up ? sub(newR, oldR) : sub(oldR, newR);
      if (meets(points, allowed)) sentence += ` The stated figure is the difference in percentage points (${formatNumber(Math.abs(next.value - old.value), 2)}), not the percent change.`;
    }
  }
  return makeCheck(view, { kind: 'percent-change', subject: p, inputs: [next, old], formula, computed, unit: 'percent', allowed, verdict, sentence });
}

/** An absolute change against its two values: "up 1,554" from 8,018 to 9,572. */
function absoluteCheck(view: ArticleView, change: Change, old: Claim, next: Claim): ArithmeticCheck {
  const { text } = view;
  const d = change.claim;
  const up = change.direction === 'up';
  const range = up ? sub(rangeOf(next), rangeOf(old)) : sub(rangeOf(old), rangeOf(next));
  const computed = up ? next.value - old.value : old.value - next.value;
  const allowed = allowedOf(d);
  const verdict = judge(range, allowed);
  const a = figure(text, old);
  const b = figure(text, next);
  const formula = up ? `${b} − ${a}` : `${a} − ${b}`;
  const show = (x: number): string => (d.unit === 'percentage-points' || d.unit === 'points' ? `${formatNumber(x, Math.max(1, d.precision.decimals + 1))} points` : formatLike(text, d, x, Infinity));
  let sentence: string;
  if (verdict === 'consistent') sentence = `${formula} = ${show(computed)}: ${allows(allowed, computed) ? 'matches' : "within the figures' rounding of"} the stated ${written(d)}.`;
  else if (computed < 0) sentence = `${formula} = ${show(computed)}: the figures moved the other way from the stated ${up ? 'increase' : 'fall'} of ${written(d)}.`;
  else sentence = `${formula} = ${show(computed)}, not the stated ${written(d)} (which allows ${describeAllowed(allowed, show)}).`;
  return makeCheck(view, { kind: 'absolute-change', subject: d, inputs: [next, old], formula, computed, unit: d.unit, allowed, verdict, sentence });
}

/** "up 1,554, or 19%, to 9,572" (later value) or "… from 8,018" (earlier value): the percentage on the earlier value. */
function twinCheck(view: ArticleView, percent: Change, amount: Change, level: Claim, levelIsNew: boolean): ArithmeticCheck | null {
  const { text } = view;
  const p = percent.claim;
  const d = amount.claim;
  const up = percent.direction === 'up';
  const dR = rangeOf(d);
  const levelR = rangeOf(level);
  const oldR = levelIsNew ? (up ? sub(levelR, dR) : add(levelR, dR)) : levelR;
  const oldValue = levelIsNew ? (up ? level.value - d.value : level.value + d.value) : level.value;
  if (!(oldValue > 0)) return null; // a rise bigger than the level it reached: not a reading of these figures
  const range = scale(div(dR, oldR), 100);
  const computed = (d.value / oldValue) * 100;
  const allowed = allowedOf(p);
  const verdict = judge(range, allowed);
  const dd = figure(text, d);
  const l = figure(text, level);
  const formula = levelIsNew ? `${dd} ÷ (${l} ${up ? '−' : '+'} ${dd}) × 100` : `${dd} ÷ ${l} × 100`;
  // The earlier level is exact when both figures are: show it whole (8,018, not 8,020).
  const exact = [d, level].every((c) => c.qualifier === 'exact' && c.precision.halfStep === 0);
  const earlier = levelIsNew ? `the earlier ${formatLike(text, level, oldValue, exact ? Infinity : 3)}` : l;
  const base = `${up ? 'An increase' : 'A fall'} of ${dd} ${levelIsNew ? 'to' : 'from'} ${l} is ${formatPercent(computed, p)} of ${earlier}`;
  let sentence: string;
  if (verdict === 'consistent') sentence = `${base}: ${allows(allowed, computed) ? 'rounds to' : "within the figures' rounding of"} the stated ${written(p)}.`;
  else {
    sentence = `${base}, not the stated ${written(p)} (which allows ${describeAllowed(allowed, (x) => formatPercent(x, p))}).`;
    if (levelIsNew && meets(scale(div(dR, levelR), 100), allowed)) {
      sentence += ` The stated figure is the change taken on the later value (${formatPercent((d.value / level.value) * 100, p)} of ${l}) instead of the earlier one.`;
    }
  }
  return makeCheck(view, { kind: 'percent-change', subject: p, inputs: [d, level], formula, computed, unit: 'percent', allowed, verdict, sentence });
}

/** One value and a percentage change: the other value, derived. */
function impliedCheck(view: ArticleView, change: Change, level: Claim, levelIsNew: boolean, period: Period): ArithmeticCheck | null {
  const { text } = view;
  const p = change.claim;
  const up = change.direction === 'up';
  const pR = scale(rangeOf(p), 0.01);
  const factorR: Range = up ? add(point(1), pR) : sub(point(1), pR);
  const factor = up ? 1 + p.value / 100 : 1 - p.value / 100;
  if (!(factor > 0) || !(factorR.lo > 0)) return null; // "fell 100%": nothing to divide by
  const levelR = rangeOf(level);
  const range = levelIsNew ? div(levelR, factorR) : { lo: levelR.lo * factorR.lo, hi: levelR.hi * factorR.hi };
  const computed = levelIsNew ? level.value / factor : level.value * factor;
  const l = figure(text, level);
  const pf = percentFigure(p);
  const formula = levelIsNew ? `${l} ÷ (1 ${up ? '+' : '−'} ${pf} ÷ 100)` : `${l} × (1 ${up ? '+' : '−'} ${pf} ÷ 100)`;
  const value = describeRange(range, computed, (x) => formatLike(text, level, x));
  const when = levelIsNew ? (period.start ? ` in ${period.start.label}` : ` before the ${noun(change)}`) : (period.end ? ` in ${period.end.label}` : ' after it');
  const sentence = `The ${written(p)} ${noun(change)} ${levelIsNew ? 'to' : 'from'} ${l} implies ${value}${when} (${formula}).`;
  return makeCheck(view, { kind: 'implied', subject: p, inputs: [level], formula, computed, unit: level.unit, allowed: null, verdict: 'derived', sentence });
}

/** "up 1,554, or 19%" and no level: the earlier level the two imply. */
function impliedBase(view: ArticleView, percent: Change, amount: Change): ArithmeticCheck | null {
  const { text } = view;
  const p = percent.claim;
  const d = amount.claim;
  if (!(p.value > 0)) return null;
  const range = scale(div(rangeOf(d), rangeOf(p)), 100);
  const computed = (d.value / p.value) * 100;
  const formula = `${figure(text, d)} ÷ ${percentFigure(p)} × 100`;
  const value = describeRange(range, computed, (x) => formatLike(text, d, x));
  const sentence = `An ${noun(percent)} of ${figure(text, d)} that is ${written(p)} implies an earlier level of ${value} (${formula}).`;
  return makeCheck(view, { kind: 'implied', subject: p, inputs: [d], formula, computed, unit: d.unit, allowed: null, verdict: 'derived', sentence });
}

/** The checks a change gets from its two values. */
function checksFor(view: ArticleView, clause: Pick<Clause, 'percent' | 'absolute'>, old: Claim, next: Claim): ArithmeticCheck[] {
  const out: ArithmeticCheck[] = [];
  if (clause.percent && unitsFit(clause.percent, old, next) && old.value !== 0) out.push(percentCheck(view, clause.percent, old, next));
  if (clause.absolute && unitsFit(clause.absolute, old, next)) out.push(absoluteCheck(view, clause.absolute, old, next));
  return out;
}

interface Pending { clause: Clause; change: Change }

export function changeChecks(view: ArticleView, readings: readonly SentenceReading[]): ArithmeticCheck[] {
  const out: ArithmeticCheck[] = [];
  const pending: Pending[] = [];
  for (const reading of readings) {
    for (const clause of reading.clauses) {
      if (clause.ambiguous || (!clause.percent && !clause.absolute)) continue;
      const { percent, absolute, old, new: next } = clause;
      const twin = percent && absolute ? { percent, absolute } : null;
      if (old && next) { out.push(...checksFor(view, clause, old, next)); continue; }
      const level = next ?? old;
      if (level && twin && level.unit === absolute!.claim.unit) {
        const check = twinCheck(view, twin.percent, twin.absolute, level, level === next);
        if (check) out.push(check);
        continue;
      }
      // A percentage change of a rate needs both rates: "rose 5.2%, … 4.8%" too often states two rates.
      if (level && percent && !absolute && level.unit !== 'percent') {
        const implied = impliedCheck(view, percent, level, level === next, periodOf(view.text, percent.claim, clause.sentence));
        if (implied) out.push(implied);
        continue;
      }
      if (!level) pending.push({ clause, change: (percent ?? absolute)! });
    }
  }
  if (pending.length === 0) return out;

  // Values stated elsewhere: free pairs of neighbouring sentences (indexed by sentence), then the quantity's own figures.
  const pairs = new Map<number, Pair[]>();
  for (const reading of readings) {
    for (const clause of reading.clauses) {
      const pair = freePair(clause);
      if (!pair) continue;
      const list = pairs.get(pair.sentence.order);
      if (list) list.push(pair); else pairs.set(pair.sentence.order, [pair]);
    }
  }
  const buckets = bucketByKey(view);
  for (const { clause, change } of pending) {
    const period = periodOf(view.text, change.claim, clause.sentence);
    const found = neighbourPair(change, clause.sentence, period, pairs) ?? quantityPair(change, period, buckets);
    if (found) { out.push(...checksFor(view, clause, found.old, found.new)); continue; }
    if (clause.percent && clause.absolute) {
      const base = impliedBase(view, clause.percent, clause.absolute);
      if (base) out.push(base);
    }
  }
  return out;
}

/** The values moved the way the change says. */
function movesAsStated(change: Change, old: Claim, next: Claim): boolean {
  return change.direction === 'up' ? next.value > old.value : next.value < old.value;
}

/**
 * A free pair in a sentence near the change: its values moved the stated way, no stated time
 * contradicts the change's period, and its quantity does not contradict the change's. Then either
 * the quantity is the same, or a time matches an end of the period and the pair is a bare
 * comparison that details the change ("… 9,572 cases last year compared with 8,018 recorded in
 * 2018"). Exactly one such pair at the nearest distance, or none is taken.
 */
function neighbourPair(change: Change, sentence: SentenceView, period: Period, pairs: ReadonlyMap<number, readonly Pair[]>): Pair | null {
  const quantity = change.claim.quantity;
  for (let distance = 1; distance <= NEIGHBOUR_SENTENCES; distance++) {
    const near = [...(pairs.get(sentence.order - distance) ?? []), ...(pairs.get(sentence.order + distance) ?? [])];
    const candidates = near.filter((pair) => {
      const gap = pair.sentence.start > sentence.start ? pair.sentence.start - sentence.end : sentence.start - pair.sentence.end;
      if (gap > NEIGHBOUR_CHARS) return false;
      if (!unitsFit(change, pair.old, pair.new) || !movesAsStated(change, pair.old, pair.new)) return false;
      // The later value names what the pair counts; the earlier one often borrows a noun from elsewhere.
      const counted = pair.new.quantity ?? pair.old.quantity;
      if (quantitiesConflict(quantity, counted)) return false;
      const atStart = fits(pair.old, period.start);
      const atEnd = fits(pair.new, period.end);
      if (atStart === 'contradict' || atEnd === 'contradict') return false;
      return quantitiesAgree(quantity, counted) || ((atStart === 'match' || atEnd === 'match') && pair.bare);
    });
    if (candidates.length === 1) return candidates[0]!;
    if (candidates.length > 1) return null;
  }
  return null;
}

function bucketByKey(view: ArticleView): Map<string, Claim[]> {
  const buckets = new Map<string, Claim[]>();
  for (const s of view.sentences) {
    for (const c of s.claims) {
      const key = c.quantity?.key;
      if (!key || c.range !== null) continue;
      const list = buckets.get(key);
      if (list) list.push(c); else buckets.set(key, [c]);
    }
  }
  return buckets;
}

/**
 * The same quantity, stated at both ends of the change's period, once each (repeats of one value
 * count once). Scans the quantity's bucket only, and stops as soon as an end has two values.
 */
function quantityPair(change: Change, period: Period, buckets: Map<string, Claim[]>): { old: Claim; new: Claim } | null {
  const key = change.claim.quantity?.key;
  const { start, end } = period;
  if (!key || !start || !end) return null;
  const atStart = new Map<number, Claim>();
  const atEnd = new Map<number, Claim>();
  for (const c of buckets.get(key) ?? []) {
    if (c === change.claim || c.unit === 'percentage-points') continue;
    const days = claimDays(c);
    if (!days) continue;
    const isStart = within(days, start);
    const isEnd = within(days, end);
    if ((!isStart && !isEnd) || quantitiesConflict(change.claim.quantity, c.quantity)) continue;
    if (isStart && !atStart.has(c.value)) atStart.set(c.value, c);
    if (isEnd && !atEnd.has(c.value)) atEnd.set(c.value, c);
    if (atStart.size > 1 || atEnd.size > 1) return null;
  }
  const old = [...atStart.values()][0];
  const next = [...atEnd.values()][0];
  if (!old || !next || old === next) return null;
  return unitsFit(change, old, next) && movesAsStated(change, old, next) ? { old, new: next } : null;
}

/**
 * How the figures of one sentence relate, read from the words between them: which figure is a
 * change ("rose by 19 percent"), which are the earlier and later values of a change ("from 21,900
 * … to 38,990", "9,572 … compared with 8,018"), and where one clause ends and the next begins.
 * A clause with two changes, or two candidate values for one end, is left unread: a wrong
 * pairing would produce a wrong verdict.
 */
import type { Claim } from '../../domain/claim';
import type { SentenceView } from './context';
import { isRange, sameQuantity } from './context';
import type { Direction } from './wording';
import {
  DET, TIMES_AFTER_RE, appositionBeforeChange, changeAfter, changeBefore, clauseBreak, compareAfter, hasChangeWord, newAfterTo, oldBefore, twinGlue,
} from './wording';

export interface Change {
  claim: Claim;
  index: number;
  direction: Direction;
  /** The figure is the size of the change in the levels' unit ("by 1,554"), not a percentage. */
  absolute: boolean;
}

/** The earlier and later values of one change. */
export interface Pair {
  sentence: SentenceView;
  old: Claim;
  new: Claim;
  /** A bare comparison ("9,572 … compared with 8,018"), with no movement word of its own: it may detail a change stated nearby. */
  bare: boolean;
}

export interface Clause {
  sentence: SentenceView;
  /** Token indices [from, to) in the sentence. */
  from: number;
  to: number;
  /** One percentage change and/or one absolute change (twins: "up 1,554, or 19%"). */
  percent: Change | null;
  absolute: Change | null;
  old: Claim | null;
  new: Claim | null;
  /** More than one change or more than one candidate for an end: nothing here may be checked. */
  ambiguous: boolean;
}

export interface SentenceReading {
  sentence: SentenceView;
  clauses: Clause[];
  /** Indices of the claims read as changes. */
  changes: Set<number>;
  /** Each claim's role as a level of a change: the earlier value, the later one, or neither. */
  roles: ReadonlyArray<'old' | 'new' | null>;
}

const isPercent = (c: Claim): boolean => c.unit === 'percent';
const COMPARATIVE_QUALIFIER_RE = /^(?:higher|lower|greater|more|less|fewer) than$/i;
const RATE_COMPARED_RE = new RegExp(`^(?: [a-z0-9'.-]+){0,6}?,? (?:up from|down from|compared (?:with|to)|versus|vs\\.?|against) ${DET}$`);
/** Differences of percentages: "0.6 percentage points", "three points lower". */
const isPoints = (c: Claim): boolean => c.unit === 'percentage-points' || c.unit === 'points';

/** Whether a figure can be a level of a change (not a change itself, not a range). */
const levelKind = (c: Claim): boolean => !isRange(c) && !isPoints(c);

/** "19% higher than 8,018", the comparative read into the next claim: its direction. */
function comparativeNext(s: SentenceView, i: number): Direction | null {
  const next = s.claims[i + 1];
  if (!next || !/^\s*$/.test(s.glue[i + 1]!) || !COMPARATIVE_QUALIFIER_RE.test(next.qualifierText ?? '')) return null;
  return /^(?:higher|greater|more)/i.test(next.qualifierText!) ? 'up' : 'down';
}

export function readSentence(s: SentenceView): SentenceReading {
  const n = s.claims.length;
  const changeAt: Array<Change | null> = new Array<Change | null>(n).fill(null);

  for (let i = 0; i < n; i++) {
    const c = s.claims[i]!;
    if (isRange(c)) continue;
    const before = changeBefore(s.glue[i]!);
    const after = changeAfter(s.glue[i + 1]!) ?? comparativeNext(s, i);
    if (isPercent(c)) {
      const direction = before?.direction ?? after;
      if (direction) changeAt[i] = { claim: c, index: i, direction, absolute: false };
      continue;
    }
    // An amount is a change only when the wording says so ("by 340", "up 1,554", "an increase of 300"),
    // or a bare verb is followed by the level it reached ("fell 12 cents to $4.35").
    if (before && (before.explicit || /^ to /.test(s.glue[i + 1]!) || isPoints(c))) {
      changeAt[i] = { claim: c, index: i, direction: before.direction, absolute: true };
    } else if (after && isPoints(c)) {
      changeAt[i] = { claim: c, index: i, direction: after, absolute: true };
    }
  }
  // "Prices rose 5.2%, up from 4.8%": a percentage compared with another one is a rate, a level, not a change.
  for (let i = 0; i + 1 < n; i++) {
    if (changeAt[i] && !changeAt[i]!.absolute && s.claims[i + 1]!.unit === 'percent' && RATE_COMPARED_RE.test(s.glue[i + 1]!)) changeAt[i] = null;
  }
  // Twins: "by 1,554, or 19%", "19% (1,554 cases)": the second takes the first's direction.
  for (let i = 0; i + 1 < n; i++) {
    const first = changeAt[i];
    const second = s.claims[i + 1]!;
    if (!first || changeAt[i + 1] || isRange(second) || !twinGlue(s.glue[i + 1]!)) continue;
    if (isPercent(first.claim) === isPercent(second)) continue;
    changeAt[i + 1] = { claim: second, index: i + 1, direction: first.direction, absolute: !isPercent(second) };
  }

  // Roles of the other figures: the earlier value, the later value, or neither.
  const role: Array<'old' | 'new' | null> = new Array<'old' | 'new' | null>(n).fill(null);
  for (let i = 0; i < n; i++) {
    const c = s.claims[i]!;
    // "three times", "10-fold": a multiple, never a level.
    if (changeAt[i] || !levelKind(c) || TIMES_AFTER_RE.test(s.glue[i + 1]!)) continue;
    const afterChange = i > 0 && changeAt[i - 1] !== null;
    if (oldBefore(s.glue[i]!, afterChange)) { role[i] = 'old'; continue; }
    // "19% higher than 8,018": the engine reads "higher than" as the base's qualifier (more than 8,018);
    // right after a change it names the base. Its open interval only makes the check more lenient.
    if (afterChange && /^\s*$/.test(s.glue[i]!) && COMPARATIVE_QUALIFIER_RE.test(c.qualifierText ?? '')) { role[i] = 'old'; continue; }
    const chained = i > 0 && (changeAt[i - 1] !== null || role[i - 1] === 'old');
    if (newAfterTo(s.glue[i]!, chained)) { role[i] = 'new'; continue; }
    if (i + 1 < n && !changeAt[i + 1] && compareAfter(s.glue[i + 1]!)) { role[i] = 'new'; continue; }
    if (i + 1 < n && changeAt[i + 1] && appositionBeforeChange(s.glue[i + 1]!)) role[i] = 'new';
  }

  // Clauses: split where the glue starts a new clause.
  const clauses: Clause[] = [];
  let from = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && !clauseBreak(s.glue[i]!)) continue;
    clauses.push(readClause(s, from, i, changeAt, role));
    from = i;
  }
  const changes = new Set<number>();
  changeAt.forEach((c, i) => { if (c) changes.add(i); });
  return { sentence: s, clauses, changes, roles: role };
}

function readClause(s: SentenceView, from: number, to: number, changeAt: Array<Change | null>, role: Array<'old' | 'new' | null>): Clause {
  const percents: Change[] = [];
  const absolutes: Change[] = [];
  const olds: Claim[] = [];
  const news: Claim[] = [];
  // A percentage the words give no role ("imports 8%" with its verb left out) may be another change.
  let unread = 0;
  for (let i = from; i < to; i++) {
    const change = changeAt[i];
    if (change) (change.absolute ? absolutes : percents).push(change);
    else if (role[i] === 'old') olds.push(s.claims[i]!);
    else if (role[i] === 'new') news.push(s.claims[i]!);
    else if (isPercent(s.claims[i]!)) unread++;
  }
  let ambiguous = percents.length > 1 || absolutes.length > 1 || olds.length > 1 || news.length > 1 || (percents.length > 0 && unread > 0);
  const old = olds[0] ?? null;
  const next = news[0] ?? null;
  if (old && next && !sameQuantity(old, next)) ambiguous = true;
  return { sentence: s, from, to, percent: percents[0] ?? null, absolute: absolutes[0] ?? null, old, new: next, ambiguous };
}

/** A clause's two values with no change figure of their own: free to be the ends of a change stated nearby. */
export function freePair(clause: Clause): Pair | null {
  if (clause.ambiguous || clause.percent || clause.absolute || !clause.old || !clause.new) return null;
  const words = clause.sentence.glue.slice(clause.from, clause.to + 1).join(' ');
  return { sentence: clause.sentence, old: clause.old, new: clause.new, bare: !hasChangeWord(words) };
}

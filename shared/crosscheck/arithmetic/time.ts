/**
 * The period of a change and its two ends, to find the figures a change relates when they are in
 * another sentence: "skyrocketed by 78% between January 2017 and March 2020" starts at the end of
 * 2016 and ends in March 2020; "in 2019 rose by 19 percent from the previous year" runs 2018 → 2019.
 * Only times the text states with a year count: "last year" depends on an article date that may be
 * a guess, so it neither matches nor contradicts.
 */
import type { Claim, TimeRef } from '../../domain/claim';
import { findTimeRefs } from '../../claims';
import type { SentenceView } from './context';
import { normalise } from './context';

/** A time an end of a change may be: an interval of days, widened by `slack` days on both sides. */
export interface Endpoint { from: number; to: number; slack: number; label: string }

export interface Period { start: Endpoint | null; end: Endpoint | null }

const DAY = 86_400_000;
const NEXT_TO_RE = /^[\s\u00A0]*(?:[A-Za-z'’-]+[\s\u00A0]+){0,3}$/;

/** A time phrase next to a claim: at most three words between them, no figure, no punctuation. */
function nextTo(text: string, claim: Claim, t: TimeRef): boolean {
  const between = t.start >= claim.end ? text.slice(claim.end, t.start) : t.end <= claim.start ? text.slice(t.end, claim.start) : '';
  return NEXT_TO_RE.test(between);
}
const YEAR_RE = /\b(?:18|19|20)\d\d\b/;
const MONTH_RE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s/i;

function dayNumber(iso: string | undefined): number | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? t / DAY : null;
}

/** A time with a stated year and both ends resolved, as day numbers. */
function stated(t: TimeRef | null): { from: number; to: number } | null {
  if (!t || !YEAR_RE.test(t.text)) return null;
  const from = dayNumber(t.from);
  const to = dayNumber(t.to);
  return from === null || to === null || to < from ? null : { from, to };
}

const daysOf = new WeakMap<Claim, { from: number; to: number } | null>();

/** A claim's stated time as day numbers, read once per claim. */
export function claimDays(claim: Claim): { from: number; to: number } | null {
  let days = daysOf.get(claim);
  if (days === undefined) { days = stated(claim.time); daysOf.set(claim, days); }
  return days;
}

/** Whether days fall within an end of a change, its slack included. */
export const within = (days: { from: number; to: number }, end: Endpoint): boolean => days.from <= end.to + end.slack && days.to >= end.from - end.slack;

/** How a claim's time relates to an end of a change. */
export function fits(claim: Claim, end: Endpoint | null): 'match' | 'contradict' | 'unknown' {
  const t = claimDays(claim);
  if (!t || !end) return 'unknown';
  return within(t, end) ? 'match' : 'contradict';
}

const MONTH_SLACK = 31;
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const PREVIOUS_YEAR_RE = /\b(?:(?:from|than|on|over|compared (?:with|to)|versus) (?:the |a )?(?:previous|prior|preceding) year|(?:a|one) year (?:earlier|before|ago)|the year before|year[- ](?:on|over)[- ]year)\b/;

function isoOf(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

function shiftYear(day: number, years: number): number {
  const d = new Date(day * DAY);
  return Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate()) / DAY;
}

/** "2010", "March 2020": a label for an end, from its days. */
function labelOf(from: number, to: number, text: string): string {
  const a = isoOf(from);
  if (to - from > 300) return a.slice(0, 4);
  if (MONTH_RE.test(`${text} `)) return `${MONTH_NAMES[Number(a.slice(5, 7)) - 1]} ${a.slice(0, 4)}`;
  return a.slice(0, 4);
}

/**
 * The period a change covers, read from the change's own time and its sentence's wording.
 * Unknown ends are null.
 */
export function periodOf(text: string, change: Claim, sentence: SentenceView): Period {
  // The change's own time phrase sits next to it ("by 78% between …", "a 185 percent increase since 2010");
  // one further away may belong to another figure ("rose 22% …, to 4,000, the highest since 2015").
  const t = change.time && nextTo(text, change, change.time) ? change.time : null;
  const days = stated(t);
  // "since 2010": the start is that year (or month); the end is the figure's own time, not this phrase's.
  const sinceFrom = t && YEAR_RE.test(t.text) && /^since\b/i.test(t.text.trim()) ? dayNumber(t.from) : null;
  if (t && sinceFrom !== null) {
    const words = normalise(t.text);
    const startTo = MONTH_RE.test(`${words} `) ? sinceFrom + 30 : shiftYear(sinceFrom, 1) - 1;
    return { start: { from: sinceFrom, to: startTo, slack: 0, label: labelOf(sinceFrom, startTo, words) }, end: null };
  }
  if (t && days) {
    const words = normalise(t.text);
    // "between January 2017 and March 2020", "from 2017 to 2020", "2017-2020": both ends stated.
    if (/^(?:between|from)\b|\d\s?[-–]\s?(?:18|19|20)\d\d/.test(words) && /\b(?:and|to)\b|[-–]/.test(words)) {
      return {
        start: { from: days.from, to: days.from, slack: MONTH_SLACK, label: labelOf(days.from, days.from, words.replace(/\b(?:and|to)\b.*$/, '')) },
        end: { from: days.to, to: days.to, slack: MONTH_SLACK, label: labelOf(days.to, days.to, words.replace(/^.*\b(?:and|to)\b/, '')) },
      };
    }
  }
  // "in 2019 … from the previous year": the sentence's one stated year is the end, the year before the start.
  const sentenceText = normalise(text.slice(sentence.start, sentence.end));
  if (PREVIOUS_YEAR_RE.test(sentenceText)) {
    const years = findTimeRefs(text, sentence.start, sentence.end).map(stated).filter((d): d is { from: number; to: number } => d !== null);
    if (years.length === 1) {
      const end = years[0]!;
      const startFrom = shiftYear(end.from, -1);
      const startTo = shiftYear(end.to + 1, -1) - 1;
      return {
        start: { from: startFrom, to: startTo, slack: 0, label: labelOf(startFrom, startTo, '') },
        end: { from: end.from, to: end.to, slack: 0, label: labelOf(end.from, end.to, '') },
      };
    }
  }
  return { start: null, end: null };
}

/** Whether two claims' stated times overlap ('unknown' unless both state a year). */
export function sameTime(a: Claim, b: Claim): 'match' | 'contradict' | 'unknown' {
  const ta = claimDays(a);
  const tb = claimDays(b);
  if (!ta || !tb) return 'unknown';
  return ta.from <= tb.to && tb.from <= ta.to ? 'match' : 'contradict';
}

/**
 * Qualifier words written around a figure: "more than", "nearly", "up to", "some", "just",
 * "an estimated" before it; "or more", "-plus", "or so" after it. Read lexically here;
 * claims/interval.ts turns them into an interval.
 */
import { QUALIFIER_PHRASES, type Qualifier } from './lexicon';

export interface QualifierReading {
  qualifier: Qualifier;
  /** The words as written ("more than"). */
  phrase: string;
  /** Where the words start (before the figure) or end (after it). */
  start: number;
  end: number;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PHRASE_TO_QUALIFIER = new Map(QUALIFIER_PHRASES.map(([p, q]) => [p, q] as const));

// Anchored at the end of a short slice: the phrase must touch the figure (one space between).
const BEFORE_RE = new RegExp(
  `(?:^|[^A-Za-z])(${QUALIFIER_PHRASES.map(([p]) => p)
    .filter((p) => p !== 'or so')
    .sort((a, b) => b.length - a.length)
    .map((p) => escapeRe(p).replace(/ /g, '[ \\u00A0]+'))
    .join('|')})[ \\u00A0]+$`,
  'i',
);
const AFTER_RE = /[ \u00A0]?(or more|or over|or above|or older|or younger|or fewer|or less|or so|or thereabouts|-plus|plus|\+)(?![A-Za-z])/iy;
/** "250 employees or more", "65 years or older": the bound after the counted noun. */
const AFTER_NOUN_RE = /[ \u00A0][a-z]{3,}[ \u00A0](or[ \u00A0]more|or[ \u00A0]fewer|or[ \u00A0]less|or[ \u00A0]older|or[ \u00A0]younger)(?![A-Za-z])/y;
const AFTER_QUALIFIER: Readonly<Record<string, Qualifier>> = {
  'or older': 'gte', 'or younger': 'lte',
  'or more': 'gte', 'or over': 'gte', 'or above': 'gte', 'or fewer': 'lte', 'or less': 'lte', 'or so': 'approx',
  'or thereabouts': 'approx', '-plus': 'gte', plus: 'gte', '+': 'gte',
};

/** The qualifier phrase ending just before `start` (one space between), or null. */
export function readQualifierBefore(text: string, start: number): QualifierReading | null {
  const from = Math.max(0, start - 26);
  const slice = text.slice(from, start);
  const m = BEFORE_RE.exec(slice);
  if (!m) return null;
  const phrase = m[1]!;
  const key = phrase.toLowerCase().replace(/[ \u00A0]+/g, ' ');
  const qualifier = PHRASE_TO_QUALIFIER.get(key);
  if (!qualifier) return null;
  const phraseStart = from + m.index + m[0].length - phrase.length - (m[0].length - m[0].trimEnd().length);
  return { qualifier, phrase, start: phraseStart, end: phraseStart + phrase.length };
}

/** A qualifier written just after the figure ("or more", "-plus"), or null. "plus" before a figure is not one. */
export function readQualifierAfter(text: string, end: number): QualifierReading | null {
  AFTER_RE.lastIndex = end;
  let m = AFTER_RE.exec(text);
  if (!m) {
    AFTER_NOUN_RE.lastIndex = end;
    m = AFTER_NOUN_RE.exec(text);
    if (!m) return null;
    const phrase = m[1]!;
    return { qualifier: AFTER_QUALIFIER[phrase.toLowerCase().replace(/\u00A0/g, ' ')]!, phrase, start: AFTER_NOUN_RE.lastIndex - phrase.length, end: AFTER_NOUN_RE.lastIndex };
  }
  const phrase = m[1]!;
  const key = phrase.toLowerCase();
  // "5 plus 3" and "10 + 5" are arithmetic: only a plus not followed by a figure qualifies.
  if ((key === 'plus' || key === '+') && /^[ \u00A0]*[0-9$€£]/.test(text.slice(AFTER_RE.lastIndex, AFTER_RE.lastIndex + 3))) return null;
  const qualifier = AFTER_QUALIFIER[key];
  if (!qualifier) return null;
  return { qualifier, phrase, start: AFTER_RE.lastIndex - phrase.length, end: AFTER_RE.lastIndex };
}

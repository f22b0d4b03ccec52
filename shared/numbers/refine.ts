/**
 * Step 3 of the pipeline: decide what each number found by find.ts is. A figure that is not a
 * claim (a date, a year used as a time reference, an identifier, a footnote marker, a rank, a
 * number inside a name, a list number) is rejected with a reason kept for debugging. The rest
 * get their unit (currency before, unit after), and neighbouring figures are merged into
 * ranges ("200 to 300", "400-500", "between 10 and 40 million", "two or three days") or read as
 * shares ("27 of Cambodia’s 28 prisons").
 */
import { MONTHS, NAME_HEADS, RANK_HEADS } from './lexicon';
import type { RawNumber } from './find';
import { readCurrencyBefore, readUnitAfter, type ClaimKind } from './units';
import { readQualifierBefore } from './qualifiers';

export type RejectReason =
  | 'year-as-time' | 'year' | 'date' | 'time-of-day' | 'identifier' | 'phone' | 'url' | 'ordinal' | 'rank'
  | 'footnote' | 'name' | 'list' | 'idiom';

export interface RejectedNumber {
  text: string;
  start: number;
  end: number;
  reason: RejectReason;
}

export interface NumberMention {
  raw: RawNumber;
  /** Span of figure + unit (+ currency sign), before any qualifier. */
  start: number;
  end: number;
  /** Value in the canonical unit. */
  value: number;
  unit: string;
  kind: ClaimKind;
  /** Factor and offset from the written unit to the canonical one (1.5 tonnes → ×1000). */
  factor: number;
  offset: number;
  /** Whether a unit was written (false: a bare count). */
  unitWritten: boolean;
  /** For a range, the upper end (the mention's own figure is the lower end). */
  rangeTo?: { start: number; end: number; value: number };
  /** "27 of 28": the whole the figure is a part of, and where it is written. */
  outOf?: { start: number; end: number; value: number };
}

const YEAR_PREPOSITIONS: ReadonlySet<string> = new Set([
  'in', 'since', 'by', 'from', 'until', 'till', 'to', 'of', 'during', 'before', 'after', 'between', 'and', 'year',
  'fiscal', 'early', 'late', 'mid', 'through', 'throughout', 'around', 'circa', 'for', 'on', 'at', 'than', 'as',
]);

/** Capitalised words that do not make the next figure part of a name. */
const NOT_NAME_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'in', 'on', 'of', 'at', 'to', 'by', 'for', 'from', 'with', 'and', 'or', 'but', 'about', 'over',
  'some', 'nearly', 'just', 'only', 'than', 'more', 'less', 'up', 'between', 'since', 'until', 'almost', 'around',
  'roughly', 'approximately', 'estimated', 'under', 'below', 'above', 'all', 'every', 'those', 'these', 'that',
  'this', 'its', 'their', 'his', 'her', 'our', 'your', 'my', 'we', 'they', 'he', 'she', 'it', 'i', 'you', 'were',
  'was', 'are', 'is', 'had', 'have', 'has', 'there', 'here', 'when', 'while', 'after', 'before', 'during', 'another',
  'least', 'most', 'total', 'seized', 'released', 'arrested', 'killed', 'said', 'says', 'also', 'release', 'aged',
]);

const isDigitAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
};
const isLetterCode = (c: number): boolean => ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 0xc0 && c <= 0x24f);
const isLetterAt = (text: string, i: number): boolean => isLetterCode(text.charCodeAt(i));
const isUpperAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c >= 65 && c <= 90;
};
const isSpaceCode = (c: number): boolean => c === 32 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 9;

/** The word (letters, apostrophes, dots of abbreviations) ending just before `pos`, skipping one space. */
function wordBefore(text: string, pos: number): { word: string; start: number } | null {
  let i = pos - 1;
  if (i >= 0 && isSpaceCode(text.charCodeAt(i))) i--;
  else return null;
  if (text[i] === '.') i--; // "No. 5", "Nov. 15"
  const wordEnd = i + 1;
  while (i >= 0 && (isLetterAt(text, i) || text[i] === '-' || text[i] === '’' || text[i] === "'")) i--;
  if (wordEnd === i + 1) return null;
  return { word: text.slice(i + 1, wordEnd), start: i + 1 };
}

/** The word starting just after `pos`, skipping one space. */
function wordAfter(text: string, pos: number): string | null {
  let i = pos;
  if (isSpaceCode(text.charCodeAt(i))) i++;
  else return null;
  const s = i;
  while (i < text.length && isLetterAt(text, i)) i++;
  return i > s ? text.slice(s, i) : null;
}

const MONTH_AFTER_RE = /[ \u00A0](?:of[ \u00A0])?(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![A-Za-z])/y;
const TIME_AFTER_RE = /(?::\d\d|[ \u00A0]?(?:a\.m\.|p\.m\.|am|pm|hrs|GMT|UTC|ICT|o’clock|o'clock)(?![A-Za-z]))/y;
const ORDINAL_AFTER_RE = /(?:st|nd|rd|th)(?![A-Za-z])/iy;
const NUMERIC_RUN_RE = /[0-9][0-9/.-]*[0-9]|[0-9]/y;
/** The other end of a day range before a month: "12 to 14 June", "3-5 March", "1 and 2 May". */
const DAY_RANGE_AFTER_RE = /(?:[ \u00A0]?(?:-|–)[ \u00A0]?|[ \u00A0](?:to|and|or)[ \u00A0])\d{1,2}(?:st|nd|rd|th)?[ \u00A0](?:of[ \u00A0])?(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![A-Za-z])/y;
/** Digit groups of a phone number between two of its parts: " 123 ", "-". */
const PHONE_GAP_RE = /^(?:[ \u00A0-]\d+)*[ \u00A0-]$/;
/** A street address after the figure: "10 Downing Street", "1600 Pennsylvania Avenue". */
const STREET_AFTER_RE = /[ \u00A0](?:[A-Z][A-Za-z’'-]*[ \u00A0]){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Lane|Square|Boulevard|Blvd|Drive|Place|Terrace|Crescent|Parkway|Way)(?![A-Za-z])/y;
/** A match score "3-1", "2–2": both sides small figures joined by a hyphen or dash. */
const SCORE_RUN_RE = /^\d{1,2}[-–]\d{1,2}$/;
const SCORE_NOUN_AFTER_RE = /^[ \u00A0](?:draw|win|victory|defeat|loss|lead|thrashing|scoreline|home|away|aggregate)\b/i;
const SCORE_VERB_BEFORE_RE = /\b(?:won|win|wins|winning|beat|beats|beaten|lost|lose|loses|losing|defeated|drew|draw|trailed|trailing|led|leading|thrashed)\b[^.!?\n]{0,30}$/i;
const AFTER_SCORE_RE = /^(?:[.,;:!?)]|$|[ \u00A0](?:at|in|on|against|over|to|after|with|for|and|but|away|at)\b)/;
/** Reference words that make the next figure a place in a document even in lower case: "page 12", "paragraph 4.2". */
const REFERENCE_HEADS: ReadonlySet<string> = new Set([
  'page', 'pages', 'p', 'pp', 'paragraph', 'paragraphs', 'para', 'paras', 'chapter', 'chapters', 'section', 'sections',
  'article', 'articles', 'clause', 'clauses', 'step', 'appendix', 'annex', 'footnote', 'verse', 'exhibit', 'schedule',
]);
/** A word written in camel case is a product or brand name: "PlayStation 5", "iPhone 15", "MacBook 2". */
const CAMEL_CASE_RE = /^[A-Za-z][a-z]*[A-Z][a-z]/;

/** Classify every raw number: a mention (possible claim) or a rejection with its reason. */
export function refineNumbers(text: string, raws: readonly RawNumber[]): { mentions: NumberMention[]; rejected: RejectedNumber[] } {
  const mentions: NumberMention[] = [];
  const rejected: RejectedNumber[] = [];
  let lastRejected: RejectedNumber | null = null;
  for (const raw of raws) {
    const reason = rejectReason(text, raw, lastRejected);
    if (reason) {
      lastRejected = { text: text.slice(raw.start, raw.end), start: raw.start, end: raw.end, reason };
      rejected.push(lastRejected);
      continue;
    }
    const mention = describeUnit(text, raw);
    if (mention === 'identifier') {
      lastRejected = { text: text.slice(raw.start, raw.end), start: raw.start, end: raw.end, reason: 'identifier' };
      rejected.push(lastRejected);
      continue;
    }
    mentions.push(mention);
  }
  return { mentions: mergeRanges(text, mentions), rejected };
}

function rejectReason(text: string, raw: RawNumber, lastRejected: RejectedNumber | null): RejectReason | null {
  const { start, end } = raw;
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  if (raw.form === 'words') return wordReject(text, raw);
  if (raw.form !== 'digits') return null;

  // Footnote markers: <sup>1</sup>, [1]
  if (text.startsWith('<sup>', start - 5) || (before === 91 /* [ */ && after === 93 /* ] */ && raw.value < 1000)) return 'footnote';

  // The whitespace-delimited chunk around the figure: URLs, e-mail, paths.
  if (inUrl(text, start, end)) return 'url';

  // Dates and version numbers written with / - . between numeric parts: 23/07/2020, 2020-07-23, 1.2.3
  let runStart = start;
  while (runStart > 0 && (isDigitAt(text, runStart - 1) || ((text[runStart - 1] === '/' || text[runStart - 1] === '.' || text[runStart - 1] === '-') && isDigitAt(text, runStart - 2)))) runStart--;
  NUMERIC_RUN_RE.lastIndex = runStart;
  const run = NUMERIC_RUN_RE.exec(text)?.[0] ?? '';
  if (/^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/.test(run) || /^\d{1,2}\/\d{1,2}$/.test(run)) return 'date';
  if (/^(?:1[89]|20)\d\d[-/](?:(?:1[89]|20)\d\d|\d\d)$/.test(run)) return 'year';
  if ((run.match(/[/.-]/g)?.length ?? 0) >= 2 && !/^\d{1,3}(?:,\d{3})*$/.test(run)) return 'identifier';
  if (text[start - 1] === '.' && isDigitAt(text, start - 2)) return 'identifier';

  // Glued to letters: ASA2322202020ENGLISH, A320, MH17, COVID-19, F-16
  if (isLetterAt(text, start - 1)) return 'identifier';
  if ((before === 45 || before === 0x2011) && isLetterAt(text, start - 2)) return 'identifier';
  if (before === 43 /* + */) return 'phone';
  if (text[start - 1] === '#') return 'rank';

  // Time of day: 10:30, 3pm, 10 a.m.; and the second half of "10:30"
  if (before === 58 /* : */ && isDigitAt(text, start - 2)) return 'time-of-day';
  TIME_AFTER_RE.lastIndex = end;
  if (raw.value <= 24 && TIME_AFTER_RE.test(text)) return 'time-of-day';

  // Ordinals: 34th, 1st
  ORDINAL_AFTER_RE.lastIndex = end;
  if (ORDINAL_AFTER_RE.test(text) && raw.scale === 1) return 'ordinal';

  // Leading zero with more digits: phone numbers and codes (012 345 678, 007)
  const surface = text.slice(start, raw.coreEnd);
  if (surface.length > 1 && surface[0] === '0' && surface[1] !== '.' && surface[1] !== ',') {
    return /[ \u00A0]/.test(surface) || /^[ \u00A0-]\d/.test(text.slice(raw.coreEnd, raw.coreEnd + 2)) ? 'phone' : 'identifier';
  }
  if (raw.scale === 1 && raw.decimals === 0 && /^\d{7,}$/.test(surface) && !readCurrencyBefore(text, start)) return 'identifier';

  const isInteger = raw.decimals === 0 && raw.scale === 1;
  const prev = wordBefore(text, start);
  const prevLower = prev?.word.toLowerCase().replace(/\.$/, '') ?? '';

  // Dates: "Nov. 15", "February 23", "23 July", "March 2020", "July 23, 2020"
  if (isInteger && prev && MONTHS.has(prevLower) && isUpperAt(text, prev.start) && (raw.value <= 31 || isYear(raw, surface))) return 'date';
  if (isInteger && raw.value >= 1 && raw.value <= 31) {
    MONTH_AFTER_RE.lastIndex = end;
    if (MONTH_AFTER_RE.test(text)) return 'date';
    DAY_RANGE_AFTER_RE.lastIndex = end;
    if (DAY_RANGE_AFTER_RE.test(text)) return 'date';
  }
  if (isYear(raw, surface) && lastRejected?.reason === 'date' && /^,?[ \u00A0]$/.test(text.slice(lastRejected.end, start))) return 'date';

  // List and section numbers at the start of a line: "1. Implement…", "2) Release…"
  if ((after === 46 || after === 41) && isSpaceCode(text.charCodeAt(end + 1)) && atLineStart(text, start)) return 'list';

  // Match scores: "won 3-1 at Anfield", "a 2-2 draw" (never "won 10-15 seats": a noun after it is a range of things).
  if (isInteger && raw.value < 100 && SCORE_RUN_RE.test(run)) {
    const runEnd = runStart + run.length;
    const after = text.slice(runEnd, runEnd + 14);
    if (SCORE_NOUN_AFTER_RE.test(after) || (AFTER_SCORE_RE.test(after) && SCORE_VERB_BEFORE_RE.test(text.slice(Math.max(0, runStart - 40), runStart)))) return 'identifier';
  }

  // Places in a document, in any case: "page 12", "paragraph 4.2", "step 3"
  if (prev && raw.scale === 1 && REFERENCE_HEADS.has(prevLower)) return 'name';

  // Street addresses: "10 Downing Street"
  if (isInteger) {
    STREET_AFTER_RE.lastIndex = end;
    if (STREET_AFTER_RE.test(text)) return 'name';
  }

  // Ranks: "top 25", "No. 1", "ranked 34"
  if (prev && RANK_HEADS.has(prevLower) && isInteger) return 'rank';
  if (prev && (prevLower === 'no' || prevLower === 'nos') && text[start - 2] === '.') return 'name';

  // Names: "Correctional Centers 1 and 2", "Article 17", "Highway 5"
  if (prev && isInteger && NAME_HEADS.has(prevLower) && isUpperAt(text, prev.start)) return 'name';
  if (isInteger && lastRejected?.reason === 'name' && /^(?:,|[ \u00A0]and|[ \u00A0]&|-|–)?[ \u00A0]?$/.test(text.slice(lastRejected.end, start))) return 'name';
  // The rest of a phone number: "+855 23 218 653"
  if (lastRejected?.reason === 'phone' && start - lastRejected.end < 24 && PHONE_GAP_RE.test(text.slice(lastRejected.end, start))) return 'phone';

  // Years: a bare four-digit figure 1800–2100 with no unit, currency or qualifier.
  if (isYear(raw, surface)) {
    if (text[end] === 's' && !isLetterAt(text, end + 1)) return 'year'; // 1990s
    if (!readUnitAfter(text, end) && !readCurrencyBefore(text, start) && !readQualifierBefore(text, start)) {
      return prev && YEAR_PREPOSITIONS.has(prevLower) ? 'year-as-time' : 'year';
    }
  }

  if (prev && isInteger && CAMEL_CASE_RE.test(prev.word) && !readUnitAfter(text, end)) return 'name';
  // A figure right after a capitalised word that is not a function word, with nothing after it
  // that reads as a quantity: part of a name ("Prey Sar 2", "Windows 10").
  if (prev && isInteger && isUpperAt(text, prev.start) && !NOT_NAME_WORDS.has(prevLower) && !MONTHS.has(prevLower) && !prev.word.endsWith('’s') && !prev.word.endsWith("'s") && !readCurrencyBefore(text, start)) {
    const next = wordAfter(text, end);
    const nextIsLower = next !== null && !isUpperAt(text, end + 1);
    if (!nextIsLower && !readUnitAfter(text, end) && !atSentenceStart(text, prev.start)) return 'name';
  }
  return null;
}

function isYear(raw: RawNumber, surface: string): boolean {
  return raw.scale === 1 && raw.decimals === 0 && surface.length === 4 && raw.value >= 1800 && raw.value <= 2100;
}

/** Number words that are not figures: "one of the biggest", "no one", "one-party", "top ten". */
function wordReject(text: string, raw: RawNumber): RejectReason | null {
  const surface = text.slice(raw.start, raw.end).toLowerCase();
  const prev = wordBefore(text, raw.start);
  const prevLower = prev?.word.toLowerCase() ?? '';
  if (RANK_HEADS.has(prevLower)) return 'rank';
  // "one-on-one", "back-to-back … two": a number word glued to a word before it is part of a compound.
  if (text.charCodeAt(raw.start - 1) === 45 && isLetterAt(text, raw.start - 2)) return 'idiom';
  if (surface === 'one' && !readUnitAfter(text, raw.end)) {
    if (/^[ \u00A0]of[ \u00A0](?!\d)/.test(text.slice(raw.end, raw.end + 5))) return 'idiom';
    if (/one[ \u00A0]by[ \u00A0]$/i.test(text.slice(Math.max(0, raw.start - 7), raw.start))) return 'idiom';
    if (['no', 'any', 'every', 'each', 'the', 'this', 'that', 'which', 'anyone', 'someone', 'another', 'only', 'last', 'at'].includes(prevLower)) return 'idiom';
    const next = text.slice(raw.end, raw.end + 12).toLowerCase();
    if (/^(?:-(?!(?:day|week|month|year|hour|minute|third|quarter|half|fifth|tenth)s?\b)[a-z]|[ \u00A0](?:another|by[ \u00A0]one|or[ \u00A0]another|way|thing|side)\b|['’]s\b)/.test(next)) return 'idiom';
  }
  // "Correctional Centers One and Two"
  if (prev && NAME_HEADS.has(prevLower) && isUpperAt(text, prev.start) && isUpperAt(text, raw.start)) return 'name';
  return null;
}

function atLineStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '(')) i--;
  return i < 0 || text[i] === '\n';
}

function atSentenceStart(text: string, wordStart: number): boolean {
  let i = wordStart - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '“' || text[i] === '"' || text[i] === '*' || text[i] === '#')) i--;
  return i < 0 || text[i] === '\n' || text[i] === '.' || text[i] === '!' || text[i] === '?' || text[i] === ':';
}

function inUrl(text: string, start: number, end: number): boolean {
  let a = start;
  const stop = (c: string | undefined): boolean => c === undefined || c === ' ' || c === '\n' || c === '\t' || c === '<' || c === '>' || c === '(' || c === ')' || c === '"' || c === '\u00A0';
  while (a > 0 && start - a < 300 && !stop(text[a - 1])) a--;
  let b = end;
  while (b < text.length && b - end < 300 && !stop(text[b])) b++;
  if (b - a < 6) return false;
  const chunk = text.slice(a, b);
  return chunk.includes('://') || chunk.includes('www.') || chunk.includes('@') || /\.(?:html?|pdf|php|aspx?|jpe?g|png)\b/i.test(chunk) || /[A-Za-z]\/[A-Za-z0-9]|[0-9]\/[A-Za-z]/.test(chunk);
}

/** The unit around a figure; 'identifier' when letters are glued to it that are no unit ("5G"). */
function describeUnit(text: string, raw: RawNumber): NumberMention | 'identifier' {
  const currency = raw.form === 'digits' ? readCurrencyBefore(text, raw.start) : null;
  const unit = raw.form === 'fraction' ? null : readUnitAfter(text, raw.end);
  if (!unit && raw.form === 'digits' && isLetterAt(text, raw.end)) return 'identifier';
  if (unit && unit.end < text.length && (isLetterAt(text, unit.end) || isDigitAt(text, unit.end)) && text[unit.end - 1] !== '-') return 'identifier';
  let unitName = 'count';
  let kind: ClaimKind = 'count';
  let factor = 1;
  let offset = 0;
  let end = raw.end;
  if (raw.form === 'fraction') {
    unitName = 'percent';
    kind = 'percent';
    // "half a percentage point", "a quarter of a percentage point": the fraction is of the unit.
    FRACTION_OF_UNIT_RE.lastIndex = raw.end;
    const ofUnit = FRACTION_OF_UNIT_RE.exec(text);
    if (ofUnit) {
      const points = /point/i.test(ofUnit[1]!);
      return {
        raw, start: raw.start, end: FRACTION_OF_UNIT_RE.lastIndex, value: raw.value / 100, unit: points ? 'percentage-points' : 'percent',
        kind: 'percent', factor: 0.01, offset: 0, unitWritten: true,
      };
    }
  } else if (currency) {
    unitName = currency.unit;
    kind = 'money';
    if (unit?.money) end = unit.end; // "$5 million dollars"
  } else if (unit) {
    unitName = unit.unit;
    kind = unit.kind;
    factor = unit.factor;
    offset = unit.offset ?? 0;
    end = unit.end;
  }
  return {
    raw, start: currency ? currency.start : raw.start, end, value: raw.value * factor + offset, unit: unitName, kind,
    factor, offset, unitWritten: Boolean(currency || unit || raw.form === 'fraction'),
  };
}

const FRACTION_OF_UNIT_RE = /[ \u00A0](?:of[ \u00A0])?an?[ \u00A0](percentage[ \u00A0]points?|per[ \u00A0]?cent|percent|points?)(?![A-Za-z])/iy;
/** "one in five", "nine out of 10": a rate, read as a share in percent. */
const RATE_GAP_RE = /^[ \u00A0](in|out[ \u00A0]of)[ \u00A0]$/i;
/** Bases that make "N out of M" a rate ("four out of 10 voters") rather than a count of a set ("27 out of 28 prisons"). */
const RATE_BASES: ReadonlySet<number> = new Set([10, 100, 1000]);
const MOVED_BEFORE_RE = /\b(?:rose|rise|rises|risen|fell|fall|falls|fallen|dropped|drops|climbed|jumped|slipped|slid|gained|lost|declined|grew|increased|decreased|soared|plunged|surged|tumbled|added|shed|up|down)[ \u00A0]$/i;
const RANGE_GAP_RE = /^[ \u00A0]?(?:-|–|—|to|or)[ \u00A0]?$/i;
const AND_GAP_RE = /^[ \u00A0]and[ \u00A0]$/i;
const SHARE_GAP_RE = /^[ \u00A0]of[ \u00A0](?:the[ \u00A0]|its[ \u00A0]|their[ \u00A0]|[A-Z][A-Za-z-]*['’]s[ \u00A0])?$/;

/** A bare whole count: no unit, no decimals ("one", "27", "10 million"). */
function isBareWhole(m: NumberMention): boolean {
  return m.kind === 'count' && !m.unitWritten && m.raw.decimals === 0 && (m.raw.form === 'digits' || m.raw.form === 'words');
}

/** Merge "A to B", "A-B", "A or B", "between A and B" into one mention; note "A of B" shares. */
function mergeRanges(text: string, mentions: NumberMention[]): NumberMention[] {
  const out: NumberMention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const a = mentions[i]!;
    const b = mentions[i + 1];
    if (!b) { out.push(a); break; }
    const gap = text.slice(a.end, b.start);
    const rate = RATE_GAP_RE.exec(gap);
    if (rate && isBareWhole(a) && isBareWhole(b) && a.raw.scale === 1 && a.value >= 1 && a.value < b.value
      && (rate[1]!.toLowerCase() === 'in' || RATE_BASES.has(b.value))) {
      const percent = (a.value / b.value) * 100;
      out.push({
        ...a, raw: { ...a.raw, value: percent, form: 'fraction', end: b.raw.end, coreEnd: b.raw.end }, value: percent,
        unit: 'percent', kind: 'percent', factor: 1, offset: 0, unitWritten: true, end: b.end,
        outOf: { start: b.start, end: b.end, value: b.value },
      });
      i++; // b is the base of the rate
      continue;
    }
    if ((SHARE_GAP_RE.test(gap) || (rate && rate[1]!.length > 2)) && a.kind === 'count' && b.kind === 'count' && a.value <= b.value) {
      a.outOf = { start: b.start, end: b.end, value: b.value };
      out.push(a);
      continue;
    }
    const isRangeGap = RANGE_GAP_RE.test(gap) || (AND_GAP_RE.test(gap) && /\bbetween[ \u00A0]$/i.test(text.slice(Math.max(0, a.start - 8), a.start)));
    if (!isRangeGap || a.raw.form === 'vague' || b.raw.form === 'vague') { out.push(a); continue; }
    // "from 21,900 … to 38,990" is a change, not a range.
    if (/to/i.test(gap) && /\bfrom[ \u00A0]$/i.test(text.slice(Math.max(0, a.start - 5), a.start))) { out.push(a); continue; }
    // "fell 12 cents to $4.35", "rose 0.2% to 4.1%": a movement then the level it reached (a bare lower end,
    // "rose 15 to 20 per cent", stays a range).
    if (a.unitWritten && b.unitWritten && /to/i.test(gap) && MOVED_BEFORE_RE.test(text.slice(Math.max(0, a.start - 12), a.start))) { out.push(a); continue; }
    // Units must agree; a bare lower end takes the upper end's unit and scale ("10 to 15 percent", "10 and 40 million").
    if (a.unitWritten && b.unitWritten && a.unit !== b.unit) { out.push(a); continue; }
    // A hyphen between two figures with different magnitudes of words ("one-two") is fine; "1-0" scores are not ranges.
    let low = a.value;
    if (!a.unitWritten || (a.raw.scale === 1 && b.raw.scale > 1)) {
      const scale = a.raw.scale === 1 ? b.raw.scale : 1;
      low = a.raw.value * scale * b.factor + b.offset;
    }
    const high = b.value;
    if (!(low <= high)) { out.push(a); continue; }
    out.push({
      ...a, value: low, unit: b.unit, kind: b.kind, factor: b.factor, offset: b.offset, unitWritten: b.unitWritten,
      end: b.end, rangeTo: { start: b.start, end: b.end, value: high },
    });
    i++; // b is consumed
  }
  return out;
}

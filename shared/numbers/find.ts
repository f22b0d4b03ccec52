/**
 * Step 1 of the pipeline: find every number surface in a text in one left-to-right pass,
 * with its value (via parse.ts). Digits with separators and decimals, signs, scale words
 * ("6.6 billion", "$12m", "5 lakh"), number words ("twenty-five", "a dozen", "two hundred"),
 * vague magnitudes ("tens of thousands", "hundreds of") and fractions ("one-third", "half of").
 *
 * No judgement about what the number means is made here; refine.ts does that.
 * Every regex is sticky or a flat alternation: nothing backtracks over the text.
 */
import { FRACTION_WORDS, SCALE_WORDS, TENS_WORDS, UNIT_WORDS, ATTACHED_SCALE } from './lexicon';
import { parseDigits, parseFractionWords, type Convention, type ParsedNumber } from './parse';
import { readCurrencyBefore } from './units';

export type NumberForm = 'digits' | 'words' | 'vague' | 'fraction';

export interface RawNumber extends ParsedNumber {
  /** Span of the whole number surface, scale word included. */
  start: number;
  end: number;
  /** End of the digits or words, before any scale word. */
  coreEnd: number;
  /** 'fraction': value is a share in percent ("one-third" → 33.333). */
  form: NumberForm;
  /** Multiplier read from a scale word (1 when none); value already includes it. */
  scale: number;
  /** For vague magnitudes ("tens of thousands"): the interval they stand for. */
  vague?: { low: number; high: number };
}

const CANDIDATE_WORDS = [
  ...UNIT_WORDS.keys(), ...TENS_WORDS.keys(), 'dozen', 'dozens', 'hundred', 'hundreds', 'thousand', 'thousands',
  'million', 'millions', 'billion', 'billions', 'tens', 'half', 'third', 'thirds', 'quarter', 'quarters',
].filter((w) => w !== 'zero');

/**
 * One global scan finds every place a number may start: a digit, or a number word in lower
 * case or capitalised ("Five of the…"). Case-sensitive alternatives compile to a faster
 * first-character dispatch than the /i flag.
 */
const START_RE = new RegExp(
  `[0-9]|\\b(?:${CANDIDATE_WORDS.sort((a, b) => b.length - a.length).map((w) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`).join('|')})\\b`,
  'g',
);

const DIGITS_EN = /(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[\u00A0\u2009\u202F ]\d{3})+(?![\d,.]\d)|\d+)(?:\.\d+)?/y;
const DIGITS_EU = /(?:\d{1,3}(?:\.\d{3})+(?!\d)|\d{1,3}(?:[\u00A0\u2009\u202F ]\d{3})+(?![\d,.]\d)|\d+)(?:,\d+)?/y;
const PLAIN_DIGITS = /\d+/y;
const SCALE_AFTER = /[ \u00A0-]?(hundred|thousand|million|billion|trillion|lakhs?|crores?|bn|mn|tn)(?![A-Za-z])/iy;
const ATTACHED_WORD = /[A-Za-z]{1,2}(?![A-Za-z])/y;
const WORD = /[A-Za-z]+/y;
const VAGUE_TAIL = /[ \u00A0]of[ \u00A0](thousands|millions|billions)(?![A-Za-z])/iy;
const OF_AFTER = /[ \u00A0]of(?![A-Za-z])/iy;
const HALF_AFTER = /[ \u00A0](of|the|its|their|his|her|all|a|an)(?![A-Za-z])/iy;
/** "minus 12C", "(minus 5)": the word as a sign, not after a figure ("10 minus 3"). */
const MINUS_WORD_BEFORE = /(?:^|[^0-9%][ \u00A0]|\()[Mm]inus $/;
const PLURAL_AFTER = /(?:people|[A-Za-z]{2,}s)(?![A-Za-z])/y;
/** Words ending in s that are not plural nouns. */
const NOT_PLURALS: ReadonlySet<string> = new Set([
  'is', 'was', 'has', 'as', 'us', 'its', 'this', 'thus', 'plus', 'less', 'across', 'unless', 'towards', 'always',
  'perhaps', 'whereas', 'besides', 'sideways', 'afterwards', 'upwards', 'downwards', 'backwards', 'forwards',
  'upstairs', 'downstairs', 'indoors', 'outdoors', 'does', 'yes', 'his', 'hers', 'ours', 'theirs', 'aus',
]);
const AND_A_HALF = /[ \u00A0]and[ \u00A0]a[ \u00A0]half(?![A-Za-z])/iy;

const VAGUE_BASE: Readonly<Record<string, number>> = {
  dozens: 12, hundreds: 100, thousands: 1e3, millions: 1e6, billions: 1e9,
};

const isDigitAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
};
const isLetterAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i) | 32;
  return c >= 97 && c <= 122;
};
const isSpaceAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x202f;
};

/**
 * The document's convention: 'eu' only if it writes 1.234,5 and never 1,234.5. Cheap: two flat
 * regex tests over the text.
 */
export function detectConvention(text: string): Convention {
  return /\d\.\d{3},\d/.test(text) && !/\d,\d{3}\.\d/.test(text) ? 'eu' : 'en';
}

/** Every number surface in `text`, in order, non-overlapping. */
export function findNumbers(text: string, convention: Convention = 'en'): RawNumber[] {
  const out: RawNumber[] = [];
  const re = START_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const p = m.index;
    const found = isDigitAt(text, p) ? readDigits(text, p, convention) : readWords(text, p, m[0].toLowerCase());
    if (found) {
      out.push(found);
      re.lastIndex = Math.max(found.end, p + 1);
    } else if (isDigitAt(text, p)) {
      // skip the rest of this digit run
      PLAIN_DIGITS.lastIndex = p;
      PLAIN_DIGITS.exec(text);
      re.lastIndex = PLAIN_DIGITS.lastIndex;
    }
  }
  return out;
}

function readDigits(text: string, p: number, convention: Convention): RawNumber | null {
  let start = p;
  let negativeWord = false;
  // ".5": a leading decimal mark with no digit before it
  const mark = convention === 'en' ? 46 : 44;
  if (text.charCodeAt(p - 1) === mark && !isDigitAt(text, p - 2) && !isLetterAt(text, p - 2)) start = p - 1;
  // A minus sign, when it is not a hyphen inside a word or between two figures ("400-500", "COVID-19").
  const before = text.charCodeAt(start - 1);
  if ((before === 45 || before === 0x2212) && (start - 1 === 0 || isSpaceAt(text, start - 2) || text[start - 2] === '(')) {
    let k = start - 2;
    while (k >= 0 && isSpaceAt(text, k)) k--;
    if (!(k >= 0 && isDigitAt(text, k))) start--;
  } else if (before === 32 && MINUS_WORD_BEFORE.test(text.slice(Math.max(0, start - 9), start))) {
    // "minus 12C": the word is the sign (never after a figure: "10 minus 3" is arithmetic).
    negativeWord = true;
  }
  const re = convention === 'en' ? DIGITS_EN : DIGITS_EU;
  re.lastIndex = p;
  const m = re.exec(text);
  if (!m) return null;
  const coreEnd = p + m[0].length;
  // A trailing separator glued to more digits ("12,3456") means this is not a grouped figure.
  if (isDigitAt(text, coreEnd)) return null;
  // A decimal mark with no digit after ("5." at a sentence end) is punctuation: the regex already left it out.
  const parsed = parseDigits(text.slice(start, coreEnd), convention);
  if (!parsed) return null;
  if (negativeWord) start -= 'minus '.length;
  const signed = negativeWord ? -parsed.value : parsed.value;
  let scale = 1;
  let end = coreEnd;
  // Attached scale: "$6.6bn", "US$12m", "5k" (m/k/b only after a currency sign, else they are units).
  ATTACHED_WORD.lastIndex = coreEnd;
  const a = ATTACHED_WORD.exec(text);
  if (a) {
    const key = a[0].toLowerCase();
    const attached = ATTACHED_SCALE.get(key);
    if (attached !== undefined && (key === 'bn' || key === 'tn' || key === 'mn' || readCurrencyBefore(text, start) || (key === 'm' && millionsOf(text, coreEnd + 1)))) {
      scale = attached;
      end = coreEnd + a[0].length;
    }
  }
  if (scale === 1) [scale, end] = readScaleWords(text, coreEnd);
  // Built field by field: an object spread here made V8 fall off its fast path (5× slower overall).
  return {
    value: signed * scale, decimals: parsed.decimals, trailingZeros: parsed.trailingZeros, significant: parsed.significant,
    start, end, coreEnd, form: 'digits', scale,
  };
}

/**
 * "2.3m people", "5m households": an attached m is millions when a plural noun follows; otherwise
 * it stays metres ("a 4m-high wall", "rose 2m", "a 2m wall").
 */
function millionsOf(text: string, from: number): boolean {
  if (!isSpaceAt(text, from)) return false;
  PLURAL_AFTER.lastIndex = from + 1;
  const w = PLURAL_AFTER.exec(text);
  return w !== null && !NOT_PLURALS.has(w[0].toLowerCase());
}

/** Scale words after a figure: " million", " hundred thousand", "-billion". */
function readScaleWords(text: string, from: number): [number, number] {
  let scale = 1;
  let end = from;
  for (;;) {
    SCALE_AFTER.lastIndex = end;
    const s = SCALE_AFTER.exec(text);
    if (!s) break;
    // "-" only joins "5-million"; a spaced hyphen is not a scale join.
    const factor = SCALE_WORDS.get(s[1]!.toLowerCase());
    if (factor === undefined) break;
    scale *= factor;
    end = s.index + s[0].length;
  }
  return [scale, end];
}

function readWords(text: string, p: number, first: string): RawNumber | null {
  // Vague magnitudes: "tens of thousands", "hundreds of thousands", "dozens of", "thousands of".
  if (first === 'tens' || first in VAGUE_BASE) {
    VAGUE_TAIL.lastIndex = p + first.length;
    const t = VAGUE_TAIL.exec(text);
    if (t) {
      const base = (first === 'tens' ? 10 : VAGUE_BASE[first]!) * VAGUE_BASE[t[1]!.toLowerCase()]!;
      return vague(p, VAGUE_TAIL.lastIndex, base);
    }
    if (first === 'tens') return null;
    OF_AFTER.lastIndex = p + first.length;
    if (!OF_AFTER.exec(text)) return null;
    return vague(p, p + first.length, VAGUE_BASE[first]!);
  }
  // Fractions: "half of", "one-third", "two thirds", "a quarter of", "three quarters".
  if (FRACTION_WORDS.has(first)) return readFraction(text, p, first);

  // Number words: "twenty-five", "two hundred and fifty", "a dozen", "three thousand".
  let start = p;
  let end = p;
  let i = p;
  let words = 0;
  let last = '';
  for (;;) {
    WORD.lastIndex = i;
    const w = WORD.exec(text);
    if (!w) break;
    const lw = w[0].toLowerCase();
    const isNumberWord = UNIT_WORDS.has(lw) || TENS_WORDS.has(lw) || lw === 'dozen' || SCALE_WORDS.has(lw);
    if (!isNumberWord || lw === 'bn' || lw === 'mn' || lw === 'tn' || lw === 'lakh' || lw === 'crore') {
      // "and" inside "two hundred and fifty"
      if (lw === 'and' && (last === 'hundred' || last === 'thousand')) {
        const after = i + 4;
        WORD.lastIndex = after;
        const nx = WORD.exec(text);
        if (nx && nx.index === after && (UNIT_WORDS.has(nx[0].toLowerCase()) || TENS_WORDS.has(nx[0].toLowerCase()))) {
          i = after;
          continue;
        }
      }
      break;
    }
    // "three" then "thousand": fine; but two unit words in a row ("two three") are two numbers.
    if (words > 0 && (UNIT_WORDS.has(lw) || TENS_WORDS.has(lw)) && (UNIT_WORDS.has(last) || (TENS_WORDS.has(last) && !UNIT_WORDS.has(lw)) || last === 'dozen')) break;
    if (words > 0 && TENS_WORDS.has(last) && UNIT_WORDS.has(lw) && (UNIT_WORDS.get(lw)! >= 10)) break;
    words++;
    last = lw;
    end = i + w[0].length;
    const sep = text.charCodeAt(end);
    // separators: one space, or a hyphen between tens and units ("twenty-five")
    if (sep === 32 || sep === 0xa0) i = end + 1;
    else if (sep === 45 && TENS_WORDS.has(lw)) i = end + 1;
    else break;
  }
  if (words === 0) return null;
  const surface = text.slice(start, end).toLowerCase();
  const firstWord = surface.split(/[\s\u00A0-]/)[0]!;
  // "hundred", "thousand", "dozen" on their own need "a": "a dozen", "a thousand".
  if (firstWord === 'dozen' || SCALE_WORDS.has(firstWord)) {
    const a = text.slice(Math.max(0, start - 3), start).toLowerCase();
    if (/(?:^|[^a-z])an? $/.test(a) || a === 'a ') start -= a.endsWith('an ') ? 3 : 2;
    else return null;
  }
  // A number word followed by a fraction word: "two-thirds", "three quarters".
  const fr = /^[ \u00A0-](thirds?|quarters?|halves|fifths?|tenths?)(?![A-Za-z])/i.exec(text.slice(end, end + 10));
  if (fr && words === 1 && UNIT_WORDS.has(surface)) {
    const fEnd = end + fr[0].length;
    const share = parseFractionWords(text.slice(start, fEnd));
    if (share !== null) return fraction(start, fEnd, share * 100);
  }
  let value = wordsValue(surface);
  if (value === null) return null;
  AND_A_HALF.lastIndex = end;
  if (AND_A_HALF.exec(text)) { value += 0.5; end = AND_A_HALF.lastIndex; }
  // A scale word after a plain number word was already consumed in the loop ("two million").
  return {
    value, decimals: value % 1 === 0 ? 0 : 1, trailingZeros: 0, significant: 1,
    start, end, coreEnd: end, form: 'words', scale: 1,
  };
}

function wordsValue(surface: string): number | null {
  let total = 0;
  let current = 0;
  for (const w of surface.split(/[\s\u00A0-]+/)) {
    if (w === 'a' || w === 'an' || w === 'and' || w === '') continue;
    const unit = UNIT_WORDS.get(w) ?? TENS_WORDS.get(w);
    if (unit !== undefined) current += unit;
    else if (w === 'dozen') current = (current || 1) * 12;
    else if (w === 'hundred') current = (current || 1) * 100;
    else {
      const scale = SCALE_WORDS.get(w);
      if (scale === undefined) return null;
      total += (current || 1) * scale;
      current = 0;
    }
  }
  return total + current;
}

function readFraction(text: string, p: number, first: string): RawNumber | null {
  const end = p + first.length;
  // Preceded by "a " / "one-" / "two " … ?
  const before = text.slice(Math.max(0, p - 7), p).toLowerCase();
  const lead = /(?:^|[^a-z])(a|one|two|three|four|five|six|seven|eight|nine)[ \u00A0-]$/.exec(before);
  const start = lead ? p - lead[1]!.length - 1 : p;
  if (first === 'half') {
    // "the first half of the year", "second half": a period, not a share.
    if (/(?:first|second|latter)[ \u00A0]$/i.test(before)) return null;
    // "half of", "half the", "one-half"; never "a half" alone ("and a half" is read with its number).
    HALF_AFTER.lastIndex = end;
    const ok = HALF_AFTER.exec(text) && (!lead || lead[1] === 'one');
    if (!ok) return null;
    if (lead && lead[1] === 'one') return fraction(start, end, 50);
    return fraction(p, end, 50);
  }
  if (!lead) return null;
  if (lead[1] === 'a') {
    OF_AFTER.lastIndex = end;
    if (!OF_AFTER.exec(text)) return null;
  }
  const share = parseFractionWords(text.slice(start, end));
  if (share === null) return null;
  return fraction(start, end, share * 100);
}

/** A fraction as a share in percent ("one-third" → 33.333…, unrounded: display rounds, arithmetic must not). */
function fraction(start: number, end: number, percent: number): RawNumber {
  return { value: percent, decimals: 0, trailingZeros: 0, significant: 1, start, end, coreEnd: end, form: 'fraction', scale: 1 };
}

function vague(start: number, end: number, base: number): RawNumber {
  return {
    value: 2 * base, decimals: 0, trailingZeros: 0, significant: 1, start, end, coreEnd: end, form: 'vague', scale: 1,
    vague: { low: 2 * base, high: 10 * base - 1 },
  };
}

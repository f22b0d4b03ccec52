/**
 * Shares: a percentage or fraction stated with its part and whole ("About 60% of the 2,400
 * workers, roughly 1,450 people"; "Of the 1,200 respondents, 540 (45%)"; "2,300 jobs, about 8
 * percent of its 28,000 workforce"), and the whole a part implies when the text gives no whole
 * ("more than 3,500 cases … – less than 10% of the pending cases" → more than 35,000 pending).
 */
import type { Claim } from '../../domain/claim';
import type { ArithmeticCheck } from '../../domain/crosscheck';
import type { ArticleView, SentenceView } from './context';
import { isRange } from './context';
import { judge, makeCheck } from './check';
import { capitalise, describeAllowed, describeRange, figure, formatLike, formatPercent, written } from './format';
import { allowedOf, allows, div, rangeOf, scale } from './interval';
import type { SentenceReading } from './reading';

const W = "[a-z0-9'.-]+";
const OF_DET = '(?:the |its |their |his |her |our |all |all the |all of the |a total of |an? )?';
const SEP = '(?:, |,? \\(|,? – |,? — )';
const CONNECT = '(?:or |and |representing |accounting for |making up |equal to |equivalent to |which is |that is )?';
const TOKEN = '«(\\d+)»';

/** Frames over a sentence's skeleton (its glue with «i» for the i-th figure), naming part, whole and share. */
const FRAMES: ReadonlyArray<{ re: RegExp; part: number; whole: number; share: number }> = [
  // "Almost 240 of the 250 villages, or 96%,"  "27 of the 28 prisons (96%)"
  { re: new RegExp(`${TOKEN}(?: out)? of ${OF_DET}${TOKEN}((?: ${W}){0,4})${SEP}${CONNECT}${TOKEN}`, 'g'), part: 1, whole: 2, share: 4 },
  // "About 60% of the 2,400 workers, roughly 1,450 people"  "A third of the 1,500 households surveyed, 512,"
  { re: new RegExp(`${TOKEN} of ${OF_DET}${TOKEN}(?: ${W}){0,4}${SEP}${CONNECT}${TOKEN}`, 'g'), share: 1, whole: 2, part: 3 },
  // "Of the 1,200 respondents, 540 (45%)"  "Of the 86 cases, 43, or half,"
  { re: new RegExp(`\\bof ${OF_DET}${TOKEN}(?: ${W}){0,4}, ${TOKEN}(?: ${W}){0,3}${SEP}${CONNECT}${TOKEN}`, 'g'), whole: 1, part: 2, share: 3 },
  // "2,300 jobs, about 8 percent of its 28,000 workforce"
  { re: new RegExp(`${TOKEN}(?: ${W}){0,5}${SEP}${CONNECT}${TOKEN} of ${OF_DET}(?:${W} ){0,2}${TOKEN}`, 'g'), part: 1, share: 2, whole: 3 },
];

/** "X … – P% of the …": a part in apposition with its share of a whole the text gives no figure for. */
const IMPLIED_RE = new RegExp(`${TOKEN}((?: ${W}){0,8})${SEP}${CONNECT}${TOKEN} of `, 'g');
/** Wholes that need no quantity noun to agree: "10% of the total". */
const GENERIC_WHOLE = new Set(['total', 'all', 'whole', 'overall', 'sum']);

export function skeleton(s: SentenceView): string {
  let out = s.glue[0]!;
  for (let i = 0; i < s.claims.length; i++) out += `«${i}»${s.glue[i + 1]!}`;
  return out;
}

/** Every match of a global regex, overlapping ones included (each start position tried). */
function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    out.push(m);
    re.lastIndex = m.index + 1;
  }
  return out;
}

const isShare = (c: Claim): boolean => c.unit === 'percent' && !isRange(c);
const isAmount = (c: Claim): boolean => c.unit !== 'percent' && c.unit !== 'percentage-points' && !isRange(c);

export function shareChecks(view: ArticleView, readings: readonly SentenceReading[], usedPercents: Set<Claim>): ArithmeticCheck[] {
  const out: ArithmeticCheck[] = [];
  for (const reading of readings) {
    const s = reading.sentence;
    const sk = skeleton(s);
    const usable = (i: number): Claim | null => {
      const c = s.claims[i];
      return c && !reading.changes.has(i) ? c : null;
    };
    // Each share figure is read once: two different readings of one figure are none.
    const found = new Map<Claim, { part: Claim; whole: Claim } | null>();
    for (const frame of FRAMES) {
      for (const m of allMatches(frame.re, sk)) {
        const share = usable(Number(m[frame.share]));
        const part = usable(Number(m[frame.part]));
        const whole = usable(Number(m[frame.whole]));
        if (!share || !part || !whole || !isShare(share) || usedPercents.has(share)) continue;
        if (!isAmount(part) || !isAmount(whole) || part.unit !== whole.unit || part === whole || !(whole.value > 0)) continue;
        // "20% of the 500 companies, 45 of which …": a part that is itself a part of something is another share.
        if (frame.part !== 1 && /^ ?of\b/.test(s.glue[s.claims.indexOf(part) + 1]!)) continue;
        // A part larger than its whole is a misreading, unless the share says so (over 100%).
        if (part.value > whole.value && share.value <= 100) continue;
        const before = found.get(share);
        if (before === undefined) found.set(share, { part, whole });
        else if (before && (before.part !== part || before.whole !== whole)) found.set(share, null);
      }
    }
    for (const [share, reading] of found) {
      if (!reading) continue;
      usedPercents.add(share);
      out.push(shareCheck(view, share, reading.part, reading.whole));
    }
    for (const m of allMatches(IMPLIED_RE, sk)) {
      const part = usable(Number(m[1]));
      const share = usable(Number(m[3]));
      if (!part || !share || !isShare(share) || !isAmount(part) || usedPercents.has(share) || found.has(share)) continue;
      // The whole is the share's own "of" phrase, with no figure of its own ("of the pending cases").
      const whole = share.quantity;
      if (!whole || whole.start < share.end || /^(?: ?[a-z0-9'-]+){0,3} ?«/.test(sk.slice(m.index + m[0].length))) continue;
      const partHead = part.quantity?.head ?? null;
      if (!(GENERIC_WHOLE.has(whole.head) || whole.head === partHead) || !(share.value > 0)) continue;
      usedPercents.add(share);
      out.push(impliedWhole(view, share, part, view.text.slice(share.end, whole.end)));
    }
  }
  return out;
}

function shareCheck(view: ArticleView, share: Claim, part: Claim, whole: Claim): ArithmeticCheck {
  const { text } = view;
  const range = scale(div(rangeOf(part), rangeOf(whole)), 100);
  const computed = (part.value / whole.value) * 100;
  const allowed = allowedOf(share);
  const verdict = judge(range, allowed);
  const x = figure(text, part);
  const y = figure(text, whole);
  const formula = `${x} ÷ ${y} × 100`;
  const pct = formatPercent(computed, share);
  const sentence = verdict === 'consistent'
    ? `${x} of ${y} is ${pct}: ${allows(allowed, computed) ? 'fits' : "within the figures' rounding of"} “${written(share)}”.`
    : `${x} of ${y} is ${pct}, not “${written(share)}” (which allows ${describeAllowed(allowed, (v) => formatPercent(v, share))}).`;
  return makeCheck(view, { kind: 'share', subject: share, inputs: [part, whole], formula, computed, unit: 'percent', allowed, verdict, sentence });
}

/** `ofPhrase`: the words after the share, " of the pending cases". */
function impliedWhole(view: ArticleView, share: Claim, part: Claim, ofPhrase: string): ArithmeticCheck {
  const { text } = view;
  const range = scale(div(rangeOf(part), rangeOf(share)), 100);
  const computed = (part.value / share.value) * 100;
  const formula = `${figure(text, part)} ÷ ${share.number.text.replace(/\s+/g, ' ').trim()} × 100`;
  const whole = ofPhrase.replace(/\s+/g, ' ').trim().replace(/^of\s+/i, '').replace(/^(?:its|their|all)\s+/i, 'the ').replace(/^(?!the )/i, 'the ');
  const value = describeRange(range, computed, (v) => formatLike(text, part, v));
  const sentence = `${capitalise(written(part))} being ${written(share)} of ${whole} puts ${whole} at ${value} (${formula}).`;
  return makeCheck(view, { kind: 'implied', subject: share, inputs: [part], formula, computed, unit: part.unit, allowed: null, verdict: 'derived', sentence });
}

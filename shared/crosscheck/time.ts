/**
 * The time a claim refers to, for comparing claims: stated, relative, the article's date,
 * or unknown (see TimeBasis in shared/domain/crosscheck.ts for why the basis matters).
 */
import type { ArticleDate } from '../domain/article';
import type { Claim } from '../domain/claim';
import type { EffectiveTime } from '../domain/crosscheck';

const RELATIVE_RE = /\b(?:last|this|next|past|previous|yesterday|today|earlier|later)\b/i;
const LAST_YEAR_RE = /\b(?:last|past)[ \u00A0]+year\b/i;
const PREVIOUS_YEAR_RE = /\bprevious[ \u00A0]+year\b/i;
const YEAR_RE = /\b(?:19|20)\d\d\b/g;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2020-07-23" → "23 Jul 2020"; "2020-03-01".."2020-03-31" → "Mar 2020". */
export function formatSpan(from?: string, to?: string): string {
  const parse = (iso: string) => iso.split('-').map(Number) as [number, number, number];
  if (!from && !to) return 'no date';
  if (from && !to) return `since ${formatSpan(from, from)}`;
  if (!from && to) return `until ${formatSpan(to, to)}`;
  const [y1, m1, d1] = parse(from!);
  const [y2, m2, d2] = parse(to!);
  const lastDay = new Date(Date.UTC(y2, m2, 0)).getUTCDate();
  if (from === to) return `${d1} ${MONTHS[m1 - 1]} ${y1}`;
  if (y1 === y2 && m1 === 1 && d1 === 1 && m2 === 12 && d2 === 31) return String(y1);
  if (y1 === y2 && m1 === m2 && d1 === 1 && d2 === lastDay) return `${MONTHS[m1 - 1]} ${y1}`;
  const left = d1 === 1 ? `${MONTHS[m1 - 1]} ${y1}` : `${d1} ${MONTHS[m1 - 1]} ${y1}`;
  const right = d2 === lastDay ? `${MONTHS[m2 - 1]} ${y2}` : `${d2} ${MONTHS[m2 - 1]} ${y2}`;
  return `${left} – ${right}`;
}

/** Whether the article's date can anchor "last year" and stand for an undated claim. */
export function usableArticleDate(date: ArticleDate): boolean {
  return date.source === 'text' && !date.yearInferred;
}

/**
 * A claim's effective time. `nearbyText` is the claim's sentence and the one before it,
 * `sentenceText` its sentence alone: in an undated article, "last year" next to "in 2019" is
 * read as 2019, and the label says it was read, not stated.
 */
export function effectiveTime(claim: Claim, articleDate: ArticleDate, nearbyText: string, sentenceText: string): EffectiveTime {
  const t = claim.time;
  if (t && (t.from || t.to)) {
    const basis = RELATIVE_RE.test(t.text) ? 'relative' : 'stated';
    return { from: t.from, to: t.to, label: t.text.trim(), basis };
  }
  if (t && (LAST_YEAR_RE.test(t.text) || PREVIOUS_YEAR_RE.test(t.text))) {
    // Undated article: "last year" next to "in 2019" is 2019; "from the previous year" after "in 2019" is 2018.
    const previous = PREVIOUS_YEAR_RE.test(t.text);
    const years = [...(previous ? sentenceText : nearbyText).matchAll(YEAR_RE)].map((m) => Number(m[0]));
    if (years.length > 0) {
      const year = Math.max(...years) - (previous ? 1 : 0);
      return { from: `${year}-01-01`, to: `${year}-12-31`, label: `${t.text.trim()} (read as ${year} from the years the text around it names)`, basis: 'relative' };
    }
  }
  if (usableArticleDate(articleDate)) {
    return {
      from: articleDate.iso,
      to: articleDate.iso,
      label: t ? `${t.text.trim()} (article of ${formatSpan(articleDate.iso, articleDate.iso)})` : `article date, ${formatSpan(articleDate.iso, articleDate.iso)}`,
      basis: 'publication',
    };
  }
  return { label: t ? `${t.text.trim()} (date unknown)` : 'no date', basis: 'unknown' };
}

/** Day number of an ISO date, for overlap tests. */
const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** [from, to] in days; an open end is unbounded. */
export function timeRange(t: EffectiveTime): [number, number] | null {
  if (!t.from && !t.to) return null;
  return [t.from ? day(t.from) : -Infinity, t.to ? day(t.to) : Infinity];
}

/** Times that can excuse a difference: stated in the text, relative to a stated date, or borrowed from agreeing dated claims. */
export const isTrustedTime = (t: EffectiveTime): boolean => t.basis === 'stated' || t.basis === 'relative' || t.basis === 'agreement';

/**
 * Time references inside a sentence ("in 2019", "as of June 2020", "at the end of 2015",
 * "between January 2017 and March 2020", "since 2017", "last year", "in July", "Nov. 15"),
 * resolved to ISO date intervals, relative ones against the article's date when known.
 */
import type { TimeRef } from '../domain/claim';
import { MONTHS } from '../numbers/lexicon';

const MONTH_ALT = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept\\.|Sep\\.|Oct\\.|Nov\\.|Dec\\.';
const PREP_ALT = '[Ii]n|[Ss]ince|[Bb]y|[Dd]uring|[Uu]ntil|[Tt]ill|[Bb]efore|[Aa]fter|[Aa]s of|[Aa]s recently as|[Aa]t the end of|[Bb]y the end of|[Tt]he end of|[Ee]nd of|[Aa]t the start of|[Tt]he start of|[Tt]he beginning of|[Ee]arly|[Ll]ate|[Mm]id-|[Tt]he first (?:three|six|nine) months of|[Tt]he first half of|[Tt]he second half of|[Bb]etween|[Ff]rom|[Tt]hroughout|[Oo]f|[Oo]n';

/** An absolute reference: optional preposition, optional month (and day), a year. */
const ABSOLUTE_RE = new RegExp(
  `(?:\\b(${PREP_ALT})[ \\u00A0]+)?(?:\\b(${MONTH_ALT})(?![A-Za-z])[ \\u00A0]*(?:(\\d{1,2}),?[ \\u00A0]+)?|\\b(\\d{1,2})[ \\u00A0]+(${MONTH_ALT})(?![A-Za-z])[ \\u00A0]+)?\\b((?:18|19|20)\\d\\d)\\b(?![,.]?\\d)`,
  'g',
);
const YEAR_HINT = /(?:18|19|20)\d\d/;
/** Relative references, and a month or a day with no year. */
const RELATIVE_RE = new RegExp(
  `\\b(?:(earlier|later)[ \\u00A0]+)?(last|this|next|past|previous)[ \\u00A0]+(year|month|week)\\b|\\b(yesterday|today)\\b|\\b(?:(in|since|by|until|as of|during|on)[ \\u00A0]+)?(${MONTH_ALT})(?![A-Za-z])(?:[ \\u00A0]+(\\d{1,2})\\b)?(?![ \\u00A0]*,?[ \\u00A0]*(?:\\d{1,2}[ \\u00A0]+)?(?:18|19|20)\\d\\d)`,
  'gi',
);

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthOf = (word: string): number | undefined => MONTHS.get(word.toLowerCase().replace(/\.$/, ''));

interface Parts { y: number; m?: number; d?: number; prep: string }

function bounds(p: Parts): { from: string; to: string } {
  const prep = p.prep.toLowerCase();
  if (p.m !== undefined && p.d !== undefined) { const iso = `${p.y}-${pad(p.m)}-${pad(p.d)}`; return { from: iso, to: iso }; }
  if (p.m !== undefined) return { from: `${p.y}-${pad(p.m)}-01`, to: `${p.y}-${pad(p.m)}-${pad(lastDay(p.y, p.m))}` };
  let m1 = 1;
  let m2 = 12;
  if (prep.includes('end of') || prep === 'late') m1 = prep === 'late' ? 9 : 12;
  else if (prep.includes('start of') || prep.includes('beginning of') || prep === 'early') m2 = prep === 'early' ? 4 : 1;
  else if (prep === 'mid-') { m1 = 5; m2 = 8; }
  else if (prep.startsWith('the first half')) m2 = 6;
  else if (prep.startsWith('the second half')) m1 = 7;
  else if (prep.startsWith('the first')) m2 = prep.includes('three') ? 3 : prep.includes('six') ? 6 : 9;
  return { from: `${p.y}-${pad(m1)}-01`, to: `${p.y}-${pad(m2)}-${pad(lastDay(p.y, m2))}` };
}

interface Doc { y: number; m: number; d: number; iso: string }

function parseDocDate(iso: string | undefined): Doc | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), iso: `${m[1]}-${m[2]}-${m[3]}` };
}

/** Every time reference in text[span.start, span.end), in order, with absolute offsets. */
export function findTimeRefs(text: string, spanStart: number, spanEnd: number, documentDate?: string): TimeRef[] {
  const doc = parseDocDate(documentDate);
  const sentence = text.slice(spanStart, spanEnd);
  const refs: Array<TimeRef & { prep: string }> = [];
  ABSOLUTE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  // Most sentences hold no year: a literal scan rules that out before the big pattern runs.
  const hasYear = YEAR_HINT.test(sentence);
  while (hasYear && (m = ABSOLUTE_RE.exec(sentence)) !== null) {
    const prep = m[1] ?? '';
    const y = Number(m[6]);
    const monthWord = m[2] ?? m[5];
    const month = monthWord ? monthOf(monthWord) : undefined;
    const dayText = m[3] ?? m[4];
    const day = dayText ? Number(dayText) : undefined;
    const parts: Parts = { y, m: month, d: day !== undefined && day >= 1 && day <= 31 ? day : undefined, prep };
    const { from, to } = bounds(parts);
    const p = prep.toLowerCase();
    // "of 2021" and "on" only count when they name a date; keep "of" out of the surface.
    let start = spanStart + m.index;
    let surface = m[0];
    if (p === 'of' || p === 'on' || p === 'from' || p === 'between') {
      // keep the preposition for from/between (used to join ranges), drop it for of/on
      if (p === 'of' || p === 'on') { start += surface.indexOf(' ') + 1; surface = surface.slice(surface.indexOf(' ') + 1); }
    }
    let toOut: string | undefined = to;
    if (p === 'since') toOut = doc?.iso;
    refs.push({ text: surface, start, end: start + surface.length, from, to: toOut, prep: p });
  }
  RELATIVE_RE.lastIndex = 0;
  while ((m = RELATIVE_RE.exec(sentence)) !== null) {
    const start = spanStart + m.index;
    const end = start + m[0].length;
    if (refs.some((r) => r.start < end && start < r.end)) continue;
    let from: string | undefined;
    let to: string | undefined;
    if (doc) {
      if (m[2]) {
        const which = m[2].toLowerCase();
        const unit = m[3]!.toLowerCase();
        const shift = which === 'last' || which === 'previous' || which === 'past' ? -1 : which === 'next' ? 1 : 0;
        if (unit === 'year') {
          const y = doc.y + shift;
          from = `${y}-01-01`;
          to = m[1]?.toLowerCase() === 'earlier' && shift === 0 ? doc.iso : `${y}-12-31`;
        } else if (unit === 'month') {
          const mm = ((doc.m - 1 + shift + 12) % 12) + 1;
          const y = doc.y + (doc.m - 1 + shift < 0 ? -1 : doc.m - 1 + shift > 11 ? 1 : 0);
          from = `${y}-${pad(mm)}-01`;
          to = `${y}-${pad(mm)}-${pad(lastDay(y, mm))}`;
        }
      } else if (m[4]) {
        const t = Date.UTC(doc.y, doc.m - 1, doc.d) - (m[4].toLowerCase() === 'yesterday' ? 86_400_000 : 0);
        from = to = new Date(t).toISOString().slice(0, 10);
      } else if (m[6]) {
        const month = monthOf(m[6])!;
        // a month with no year is the latest such month not after the article's date
        const y = month > doc.m ? doc.y - 1 : doc.y;
        const day = m[7] ? Number(m[7]) : undefined;
        if (day !== undefined && day >= 1 && day <= 31) from = to = `${y}-${pad(month)}-${pad(day)}`;
        else { from = `${y}-${pad(month)}-01`; to = `${y}-${pad(month)}-${pad(lastDay(y, month))}`; }
        if (m[5]?.toLowerCase() === 'since') to = doc.iso;
      }
    }
    // A bare "May" is too often the verb: only with a preposition or a day.
    if (m[6] && !m[5] && !m[7]) continue;
    refs.push({ text: m[0], start, end, from, to, prep: (m[5] ?? '').toLowerCase() });
  }
  refs.sort((a, b) => a.start - b.start);
  // Join "between January 2017 and March 2020", "from 2017 to 2020", "2017-2020".
  const out: TimeRef[] = [];
  for (let i = 0; i < refs.length; i++) {
    const a = refs[i]!;
    const b = refs[i + 1];
    if (b) {
      const gap = text.slice(a.end, b.start);
      const joins = ((a.prep === 'between' && /^[ \u00A0]+and[ \u00A0]+$/.test(gap)) || (a.prep === 'from' && /^[ \u00A0]+to[ \u00A0]+$/.test(gap)) || /^[ \u00A0]*[-–][ \u00A0]*$/.test(gap));
      if (joins) {
        out.push({ text: text.slice(a.start, b.end), start: a.start, end: b.end, from: a.from, to: b.to });
        i++;
        continue;
      }
    }
    const { prep: _prep, ...ref } = a;
    out.push(ref);
  }
  return out;
}

/**
 * The time reference a claim refers to: the nearest one in its sentence, looking right first
 * (a figure's own time phrase usually follows it: "21,900 at the end of 2016").
 */
export function pickTimeRef(refs: readonly TimeRef[], claimStart: number, claimEnd: number): TimeRef | null {
  let best: TimeRef | null = null;
  let bestScore = Infinity;
  for (const r of refs) {
    if (r.start < claimEnd && claimStart < r.end) continue;
    const score = r.start >= claimEnd ? r.start - claimEnd : 3 * (claimStart - r.end);
    if (score < bestScore) { bestScore = score; best = r; }
  }
  return best;
}

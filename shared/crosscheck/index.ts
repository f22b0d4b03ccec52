/**
 * Cross-checking a corpus: for any claim, the claims elsewhere (and in its own article) that
 * measure the same thing, with the relation of each pair; a quantity's values over time;
 * and the arithmetic inside each article, recomputed. Pure: main/ feeds it the articles and
 * their claims, the UI and `reckon check` read its answers through the same shapes.
 */
import type { Claim } from '../domain/claim';
import {
  claimKey,
  type ArithmeticCheck,
  type ClaimInContext,
  type ClaimLinks,
  type ClaimMark,
  type ClaimRef,
  type ClaimRow,
  type CorpusCheck,
  type EffectiveTime,
  type Link,
  type Series,
} from '../domain/crosscheck';
import { checkArithmetic } from './arithmetic';
import { articleFeatures, type ArticleInput, type ClaimFeatures } from './features';
import { LinkIndex, type ScoredCandidate } from './link';
import { relate, type PairFacts } from './relation';
import { formatSpan, isTrustedTime, timeRange } from './time';

export { formatValue, formatNumber } from './format';

/** An article with its claims, as the cross-checker takes it. */
export type CrossCheckArticle = ArticleInput;

export interface CrossChecker {
  /** Ranked links of one claim. Throws RangeError for a reference that names no claim. */
  linksFor(ref: ClaimRef): ClaimLinks;
  /** The values over time of the quantity a claim measures (quantityId from ClaimLinks). */
  series(quantityId: string): Series;
  /** The arithmetic checks inside one article. */
  checks(articleId: string): ArithmeticCheck[];
  /** Every claim of one article with its link count and discrepancy flag. */
  marks(articleId: string): ClaimMark[];
  /** Every claim in the corpus, as table rows. */
  rows(): ClaimRow[];
  /** Links, series and checks for the whole corpus (what `reckon check` prints). */
  report(root: string): CorpusCheck;
}

/** Per claim, the conflicting links whose undated figures get a time borrowed from agreeing dated claims. */
const MAX_BORROWED_TIMES = 5;
/** Links kept per claim. */
const MAX_LINKS = 30;
/** Links weaker than this do not pull a claim into a series (they still show in the links table). */
const SERIES_MIN_SCORE = 0.6;
/** A series stops growing here, so a vague quantity cannot pull in a whole corpus. */
const MAX_SERIES_POINTS = 200;
/** Words between two figures in one sentence that make them a stated change. */
const CHANGE_CUE_RE = /\b(?:compared[ \u00A0]+(?:with|to)|up[ \u00A0]+from|down[ \u00A0]+from|from|to|versus|vs\.?|against)\b/i;
const CONTEXT_CHARS = 300;

export function createCrossChecker(articles: readonly CrossCheckArticle[]): CrossChecker {
  const features: ClaimFeatures[] = [];
  const articleById = new Map<string, CrossCheckArticle>();
  const byKey = new Map<string, ClaimFeatures>();
  // An article's claims without a scan of the whole corpus (a report asks for every article's).
  const byArticle = new Map<string, ClaimFeatures[]>();
  for (const article of articles) {
    articleById.set(article.summary.id, article);
    const own = articleFeatures(article, features.length);
    byArticle.set(article.summary.id, own);
    for (const f of own) {
      features.push(f);
      byKey.set(claimKey(f.ref), f);
    }
  }
  // The claims table asks again each time it is shown; the answer only changes with the corpus.
  let rowsCache: ClaimRow[] | null = null;
  const index = new LinkIndex(features);
  const rawCache = new Map<number, ScoredCandidate[]>();
  const timeCache = new Map<number, ClaimFeatures>();
  const checksCache = new Map<string, ArithmeticCheck[]>();
  const linksCache = new Map<number, Link[]>();
  const pairCache = new Map<string, Pick<PairFacts, 'statedChange' | 'statedPart'>>();

  const raw = (f: ClaimFeatures): ScoredCandidate[] => {
    let list = rawCache.get(f.index);
    if (!list) rawCache.set(f.index, (list = index.candidates(f, MAX_LINKS)));
    return list;
  };

  /** The claim with its time, borrowed from agreeing dated claims when it states none. */
  const timed = (f: ClaimFeatures): ClaimFeatures => {
    const cached = timeCache.get(f.index);
    if (cached) return cached;
    let result = f;
    if (!isTrustedTime(f.time)) {
      const dated = raw(f)
        .map((c) => c.feature)
        .filter((o) => isTrustedTime(o.time) && Math.max(f.low, o.low) <= Math.min(f.high, o.high));
      const ranges = dated.map((o) => timeRange(o.time)).filter((r): r is [number, number] => r !== null && Number.isFinite(r[0]) && Number.isFinite(r[1]));
      if (ranges.length) {
        const from = isoOfDay(Math.min(...ranges.map((r) => r[0])));
        const to = isoOfDay(Math.max(...ranges.map((r) => r[1])));
        const time: EffectiveTime = {
          from,
          to,
          label: `${formatSpan(from, to)}, by agreement with ${dated.map((o) => o.claim.text).slice(0, 3).join(', ')} (${f.time.label})`,
          basis: 'agreement',
        };
        result = { ...f, time };
      }
    }
    timeCache.set(f.index, result);
    return result;
  };

  const checksOf = (articleId: string): ArithmeticCheck[] => {
    let checks = checksCache.get(articleId);
    if (!checks) {
      const article = articleById.get(articleId);
      checks = article ? checkArithmetic({ articleId, text: article.text, claims: article.claims }) : [];
      checksCache.set(articleId, checks);
      for (const check of checks) {
        const refs = [check.subject, ...check.inputs];
        for (const x of refs) for (const y of refs) {
          if (x === y) continue;
          const key = `${claimKey(x)}|${claimKey(y)}`;
          const facts = pairCache.get(key) ?? { statedChange: false, statedPart: false };
          if ((check.kind === 'percent-change' || check.kind === 'absolute-change') && x !== check.subject && y !== check.subject) facts.statedChange = true;
          if (check.kind === 'parts-total' || check.kind === 'share') facts.statedPart = true;
          pairCache.set(key, facts);
        }
      }
    }
    return checks;
  };

  const pairFacts = (a: ClaimFeatures, b: ClaimFeatures): PairFacts => {
    let statedChange = false;
    let statedPart = false;
    if (a.article.id === b.article.id) {
      checksOf(a.article.id);
      const fromChecks = pairCache.get(`${claimKey(a.ref)}|${claimKey(b.ref)}`);
      statedChange = fromChecks?.statedChange ?? false;
      statedPart = fromChecks?.statedPart ?? false;
      if (!statedChange && a.claim.sentence.start === b.claim.sentence.start) {
        const [first, second] = a.claim.start < b.claim.start ? [a, b] : [b, a];
        const text = articleById.get(a.article.id)!.text;
        statedChange = CHANGE_CUE_RE.test(text.slice(first.claim.end, second.claim.start));
        // Otherwise two figures of one quantity side by side in a sentence are parts or categories ("seven …, five …").
        if (!statedChange) statedPart = true;
      }
    }
    return { statedChange, statedPart };
  };

  // One object per claim, shared by every link to it (a large folder has millions of links).
  const contextCache = new Map<number, ClaimInContext>();
  const inContext = (f: ClaimFeatures): ClaimInContext => {
    // The borrowed time when it was needed (and so computed); a claim's own otherwise.
    const t = timeCache.get(f.index) ?? f;
    const cached = contextCache.get(f.index);
    if (cached && cached.time === t.time) return cached;
    const made: ClaimInContext = {
      ref: f.ref,
      claim: f.claim,
      articleTitle: f.article.title,
      articleDate: f.article.date,
      context: cached?.context ?? contextOf(articleById.get(f.article.id)!.text, f.claim),
      time: t.time,
    };
    contextCache.set(f.index, made);
    return made;
  };

  const linksOf = (f: ClaimFeatures): Link[] => {
    let links = linksCache.get(f.index);
    if (!links) {
      let borrowed = 0;
      links = raw(f).map((c) => {
        const facts = pairFacts(f, c.feature);
        let relation = relate(f, c.feature, facts);
        // Only a conflict between figures that state no time of their own needs the times borrowed by agreement;
        // borrowing costs a neighbour search, so only the strongest few links get it.
        if (relation.kind !== 'agrees' && !facts.statedChange && !facts.statedPart && !(isTrustedTime(f.time) && isTrustedTime(c.feature.time)) && borrowed < MAX_BORROWED_TIMES) {
          borrowed++;
          relation = relate(timed(f), timed(c.feature), facts);
        }
        return { to: inContext(c.feature), score: c.score, reasons: c.reasons, relation };
      });
      linksCache.set(f.index, links);
    }
    return links;
  };

  const featureOf = (ref: ClaimRef): ClaimFeatures => {
    const f = byKey.get(claimKey(ref));
    if (!f) throw new RangeError(`No claim at ${ref.articleId} ${ref.start}–${ref.end}`);
    return f;
  };

  /** The claims of one quantity: a walk over links that compare (not `related`), from the seed. */
  const component = (seed: ClaimFeatures): ClaimFeatures[] => {
    const members = new Map<number, ClaimFeatures>([[seed.index, seed]]);
    const queue = [seed];
    while (queue.length && members.size < MAX_SERIES_POINTS) {
      const f = queue.shift()!;
      for (const link of linksOf(f)) {
        if (link.relation.kind === 'related' || link.score < SERIES_MIN_SCORE) continue;
        const other = featureOf(link.to.ref);
        if (members.has(other.index)) continue;
        members.set(other.index, other);
        queue.push(other);
        if (members.size >= MAX_SERIES_POINTS) break;
      }
    }
    return [...members.values()];
  };

  const seriesOf = (seed: ClaimFeatures): Series => {
    const members = component(seed).map(timed);
    const phrases = new Map<string, number>();
    for (const m of members) {
      const phrase = m.claim.quantity?.phrase;
      if (phrase) phrases.set(phrase, (phrases.get(phrase) ?? 0) + 1);
    }
    const label = [...phrases].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0] ?? seed.claim.text;
    const mid = (m: ClaimFeatures): number => {
      const r = timeRange(m.time);
      if (!r) return Infinity;
      const [lo, hi] = [Number.isFinite(r[0]) ? r[0] : r[1], Number.isFinite(r[1]) ? r[1] : r[0]];
      return (lo + hi) / 2;
    };
    members.sort((x, y) => mid(x) - mid(y) || x.index - y.index);
    return {
      id: claimKey(seed.ref),
      label,
      unit: seed.claim.unit,
      points: members.map((m) => ({
        ref: m.ref,
        value: m.center,
        low: m.claim.low,
        high: m.claim.high,
        text: m.claim.text,
        time: m.time,
        articleTitle: m.article.title,
      })),
    };
  };

  const involvedInInconsistency = (f: ClaimFeatures): boolean =>
    checksOf(f.article.id).some((c) => c.verdict === 'inconsistent' && [c.subject, ...c.inputs].some((r) => r.start === f.ref.start && r.end === f.ref.end));

  const markOf = (f: ClaimFeatures): ClaimMark => {
    const links = linksOf(f);
    const checks = checksOf(f.article.id).filter((c) => [c.subject, ...c.inputs].some((r) => r.start === f.ref.start && r.end === f.ref.end));
    return {
      claim: f.claim,
      time: timed(f).time,
      links: links.length,
      discrepancy: links.some((l) => l.relation.kind === 'differs') || involvedInInconsistency(f),
      checks: checks.length,
    };
  };

  return {
    linksFor(ref) {
      const began = Date.now();
      const f = featureOf(ref);
      const links = linksOf(f);
      const comparable = links.some((l) => l.relation.kind !== 'related');
      return { claim: inContext(f), links, quantityId: comparable ? claimKey(f.ref) : null, ms: Date.now() - began };
    },
    series(quantityId) {
      const seed = byKey.get(quantityId);
      if (!seed) throw new RangeError(`No quantity ${quantityId}`);
      return seriesOf(seed);
    },
    checks: (articleId) => checksOf(articleId),
    marks(articleId) {
      return (byArticle.get(articleId) ?? []).map(markOf);
    },
    rows() {
      return (rowsCache ??= features.map((f) => {
        const mark = markOf(f);
        const t = timed(f).time;
        return {
          ref: f.ref,
          articleTitle: f.article.title,
          text: f.claim.text,
          value: f.claim.value,
          unit: f.claim.unit,
          kind: f.claim.kind,
          qualifier: f.claim.qualifier,
          quantity: f.claim.quantity?.phrase ?? '',
          time: t.basis === 'unknown' ? '' : t.label,
          discrepancy: mark.discrepancy,
          links: mark.links,
        };
      }));
    },
    report(root) {
      const began = Date.now();
      const links: CorpusCheck['links'] = [];
      const inSeries = new Set<number>();
      const series: Series[] = [];
      // Each pair once, whichever end lists it (lists are capped, so not every pair is listed from both ends).
      const pairs = new Set<string>();
      const differing = new Set<string>();
      for (const f of features) {
        const list = linksOf(f);
        if (!list.length) continue;
        for (const link of list) {
          const pair = [claimKey(f.ref), claimKey(link.to.ref)].sort().join(' ');
          pairs.add(pair);
          if (link.relation.kind === 'differs') differing.add(pair);
        }
        const comparable = list.some((l) => l.relation.kind !== 'related');
        links.push({ ref: f.ref, quantityId: comparable ? claimKey(f.ref) : null, links: list });
        if (comparable && !inSeries.has(f.index)) {
          const s = seriesOf(f);
          for (const p of s.points) inSeries.add(featureOf(p.ref).index);
          if (s.points.length > 1) series.push(s);
        }
      }
      const checks = articles.flatMap((a) => checksOf(a.summary.id));
      return {
        root,
        links,
        series,
        checks,
        stats: {
          articles: articles.length,
          claims: features.length,
          links: pairs.size,
          discrepancies: differing.size,
          ms: Date.now() - began,
        },
      };
    },
  };
}

const isoOfDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** The claim's sentence, whitespace collapsed, cut around the claim. */
function contextOf(text: string, claim: Claim): string {
  const { start, end } = claim.sentence;
  let from = start;
  let to = end;
  if (to - from > CONTEXT_CHARS) {
    from = Math.max(start, claim.start - CONTEXT_CHARS / 2);
    to = Math.min(end, from + CONTEXT_CHARS);
  }
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > start ? '… ' : ''}${body}${to < end ? ' …' : ''}`;
}

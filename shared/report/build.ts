/**
 * The report model: what was annotated, in context, with what the other sources and the
 * article's own arithmetic say. Pure; every export format is rendered from its result.
 */
import { intervalInWords } from '../claims/describe';
import { sentenceAt } from '../claims/sentence';
import type { CrossChecker } from '../crosscheck';
import type { AnchoredAnnotation, Evidence, VerdictOption } from '../domain/annotation';
import type { Article, ArticleSummary } from '../domain/article';
import type { ClaimMark, ClaimRef } from '../domain/crosscheck';
import {
  NO_VERDICT,
  REPORT_SCHEMA_VERSION,
  type Report,
  type ReportArticle,
  type ReportCheck,
  type ReportEntry,
  type ReportEvidence,
  type ReportFigure,
  type ReportFilter,
  type ReportLink,
  type ReportSource,
} from '../domain/report';
import type { UserSettings } from '../domain/settings';

export interface ReportInput {
  corpusName: string;
  /** The corpus's articles, in the order the app lists them. */
  articles: readonly ArticleSummary[];
  /** Text of one article (only the reported ones are read). */
  getArticle(id: string): Article;
  /** Anchored in the current texts, as listAnnotations returns them. */
  annotations: readonly AnchoredAnnotation[];
  checker: Pick<CrossChecker, 'linksFor' | 'checks' | 'marks'>;
  settings: Pick<UserSettings, 'author' | 'organisation' | 'baseUrl' | 'verdictScale'>;
  filter: ReportFilter;
  generated: Date;
  /** "Reckon 0.1.0". */
  generator: string;
}

/** Other sources listed per annotated claim; the inspector shows more, a report needs the best. */
export const MAX_LINKS_PER_ENTRY = 12;
/** Context shown around an annotation, in characters each side, when its sentence is longer. */
const CONTEXT_CHARS = 160;

export function buildReport(input: ReportInput): Report {
  const chosen = chooseArticles(input.articles, input.filter.articleIds);
  const chosenIds = new Set(chosen.map((a) => a.id));
  const scale = [...input.settings.verdictScale].sort((a, b) => b.rating - a.rating);
  const verdictOf = verdictLookup(scale);
  const keepVerdict = input.filter.verdicts ? new Set(input.filter.verdicts) : null;
  const kept = input.annotations.filter(
    (a) => chosenIds.has(a.target.articleId) && (!keepVerdict || keepVerdict.has(a.verdict ?? NO_VERDICT)),
  );
  const byArticle = groupBy(kept, (a) => a.target.articleId);
  // Only when no article was chosen: a choice names articles that exist.
  const known = new Set(input.articles.map((a) => a.id));
  const missingArticle = input.filter.articleIds
    ? 0
    : input.annotations.filter((a) => !known.has(a.target.articleId) && (!keepVerdict || keepVerdict.has(a.verdict ?? NO_VERDICT))).length;
  const titles = new Map(input.articles.map((a) => [a.id, a.title]));

  let claims = 0;
  let discrepancies = 0;
  const articles: ReportArticle[] = [];
  for (const summary of chosen) {
    const marks = input.checker.marks(summary.id);
    const figures = marks.map((mark) => figureOf(summary.id, mark));
    const flagged = marks.filter((m) => m.discrepancy).length;
    claims += marks.length;
    discrepancies += flagged;
    const annotations = byArticle.get(summary.id);
    if (!annotations?.length) continue;
    const article = input.getArticle(summary.id);
    const context: EntryContext = { article, marks, figures, checker: input.checker, verdictOf, titles, getArticle: input.getArticle };
    const entries = annotations.map((a) => entryOf(a, context)).sort(textOrder);
    articles.push({ source: sourceOf(summary), claims: figures, discrepancies: flagged, entries });
  }

  const entries = articles.flatMap((a) => a.entries);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generator: input.generator,
    title: `Fact-check report: ${input.corpusName}`,
    corpusName: input.corpusName,
    generated: input.generated.toISOString(),
    author: input.settings.author,
    organisation: input.settings.organisation,
    baseUrl: input.settings.baseUrl,
    filter: input.filter,
    verdictScale: scale,
    summary: {
      articles: chosen.length,
      claims,
      annotations: entries.length,
      claimsChecked: entries.filter((e) => e.verdict).length,
      verdicts: scale.map((v) => ({ ...v, count: entries.filter((e) => e.verdict?.id === v.id).length })),
      noVerdict: entries.filter((e) => !e.verdict).length,
      discrepancies,
      orphans: entries.filter((e) => e.anchor === 'orphan').length,
      missingArticle,
    },
    articles,
    sources: chosen.map(sourceOf),
  };
}

function chooseArticles(all: readonly ArticleSummary[], ids: readonly string[] | undefined): ArticleSummary[] {
  if (!ids) return [...all];
  const known = new Set(all.map((a) => a.id));
  const unknown = ids.find((id) => !known.has(id));
  if (unknown !== undefined) throw new RangeError(`No article "${unknown}" in this corpus`);
  const wanted = new Set(ids);
  return all.filter((a) => wanted.has(a.id));
}

/**
 * A verdict id no longer on the scale (the user edited the scale after judging) is still
 * reported, under its id and at the bottom of the scale, rather than dropped.
 */
function verdictLookup(scale: readonly VerdictOption[]): (id: string | null) => VerdictOption | null {
  const byId = new Map(scale.map((v) => [v.id, v]));
  const lowest = Math.min(...scale.map((v) => v.rating));
  return (id) => (id === null ? null : (byId.get(id) ?? { id, label: id, rating: lowest }));
}

export function sourceOf(summary: ArticleSummary): ReportSource {
  return {
    id: summary.id,
    title: summary.title,
    publisher: summary.publisher,
    byline: summary.byline,
    date: summary.date,
    format: summary.format,
    hash: summary.hash,
    urn: `urn:sha256:${summary.hash}`,
  };
}

function figureOf(articleId: string, mark: ClaimMark): ReportFigure {
  const { claim } = mark;
  return {
    ref: { articleId, start: claim.start, end: claim.end },
    text: claim.text,
    value: claim.value,
    unit: claim.unit,
    kind: claim.kind,
    qualifier: claim.qualifier,
    interval: intervalInWords(claim),
    quantity: claim.quantity?.phrase ?? '',
    time: mark.time,
    links: mark.links,
    discrepancy: mark.discrepancy,
  };
}

interface EntryContext {
  article: Article;
  marks: readonly ClaimMark[];
  figures: readonly ReportFigure[];
  checker: ReportInput['checker'];
  verdictOf: (id: string | null) => VerdictOption | null;
  titles: ReadonlyMap<string, string>;
  getArticle: ReportInput['getArticle'];
}

function entryOf(annotation: AnchoredAnnotation, ctx: EntryContext): ReportEntry {
  const { anchor, target } = annotation;
  const placed = anchor.state !== 'orphan' && anchor.start !== undefined && anchor.end !== undefined;
  const start = placed ? anchor.start! : null;
  const end = placed ? anchor.end! : null;
  const text = ctx.article.text;
  const quote = start !== null && end !== null ? text.slice(start, end) : target.quote.exact;
  const figureIndex = start !== null && end !== null ? mostOverlapping(ctx.marks, start, end) : -1;
  const figure = figureIndex >= 0 ? ctx.figures[figureIndex]! : null;
  return {
    annotationId: annotation.id,
    articleId: target.articleId,
    target,
    anchor: anchor.state,
    quote,
    originalQuote: anchor.state === 'changed' ? target.quote.exact : null,
    context: start !== null && end !== null ? contextAround(text, start, end) : { before: squash(target.quote.prefix).trimStart(), after: squash(target.quote.suffix).trimEnd() },
    start,
    end,
    verdict: ctx.verdictOf(annotation.verdict),
    note: annotation.note,
    tags: annotation.tags,
    evidence: annotation.evidence.map((e) => evidenceOf(e, ctx)),
    created: annotation.created,
    modified: annotation.modified,
    claim: figure,
    links: figure ? linksOf(figure.ref, ctx) : [],
    checks: figure ? checksOf(figure.ref, ctx) : [],
  };
}

/** The claim sharing the most characters with the span; -1 when none overlaps. */
function mostOverlapping(marks: readonly ClaimMark[], start: number, end: number): number {
  let best = -1;
  let bestOverlap = 0;
  marks.forEach((mark, i) => {
    const overlap = Math.min(end, mark.claim.end) - Math.max(start, mark.claim.start);
    if (overlap > bestOverlap) [best, bestOverlap] = [i, overlap];
  });
  return best;
}

/** The sentence around a span, cut when long, whitespace collapsed. */
function contextAround(text: string, start: number, end: number): { before: string; after: string } {
  const first = sentenceAt(text, start);
  const last = end > start ? sentenceAt(text, end - 1) : first;
  const before = squash(text.slice(first.start, start)).trimStart();
  const after = squash(text.slice(end, last.end)).trimEnd();
  return { before: keepEnd(before, CONTEXT_CHARS), after: keepStart(after, CONTEXT_CHARS) };
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

/**
 * How far a cut may move to fall between words. Text written without spaces (Chinese, Japanese,
 * Thai) has no such place nearby, and is cut at the length, never inside a surrogate pair.
 */
const WORD_SLACK = 30;

/** The first `max` characters or so, and '…' when anything was cut. */
function keepStart(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max);
  const end = space > 0 && space >= max - WORD_SLACK ? space : isLowSurrogateAt(text, max) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

/** The last `max` characters or so, after '…' when anything was cut. */
function keepEnd(text: string, max: number): string {
  if (text.length <= max) return text;
  const from = text.length - max;
  const space = text.indexOf(' ', from);
  const start = space >= 0 && space <= from + WORD_SLACK ? space + 1 : isLowSurrogateAt(text, from) ? from + 1 : from;
  return `…${text.slice(start)}`;
}

const isLowSurrogateAt = (text: string, index: number): boolean => /[\uDC00-\uDFFF]/.test(text.charAt(index));

function linksOf(ref: ClaimRef, ctx: EntryContext): ReportLink[] {
  return ctx.checker
    .linksFor(ref)
    .links.slice(0, MAX_LINKS_PER_ENTRY)
    .map((link) => ({
      ref: link.to.ref,
      sourceTitle: link.to.articleTitle,
      sourceDate: link.to.articleDate.iso,
      text: link.to.claim.text,
      context: link.to.context,
      time: link.to.time,
      score: link.score,
      relation: link.relation,
    }));
}

function checksOf(ref: ClaimRef, ctx: EntryContext): ReportCheck[] {
  const same = (r: ClaimRef) => r.start === ref.start && r.end === ref.end;
  return ctx.checker
    .checks(ref.articleId)
    .filter((c) => same(c.subject) || c.inputs.some(same))
    .map((c) => ({
      id: c.id,
      kind: c.kind,
      formula: c.formula,
      computed: c.computed,
      unit: c.unit,
      verdict: c.verdict,
      sentence: c.sentence,
      subject: same(c.subject),
    }));
}

function evidenceOf(evidence: Evidence, ctx: EntryContext): ReportEvidence {
  switch (evidence.kind) {
    case 'url':
      return { kind: 'url', label: evidence.url, target: evidence.url, ref: null };
    case 'article':
      return { kind: 'article', label: ctx.titles.get(evidence.articleId) ?? evidence.articleId, target: evidence.articleId, ref: null };
    case 'claim': {
      const { articleId, start, end } = evidence.ref;
      const title = ctx.titles.get(articleId);
      if (title === undefined) return { kind: 'claim', label: `a figure in ${articleId} (no longer in the corpus)`, target: articleId, ref: evidence.ref };
      const text = ctx.getArticle(articleId).text.slice(start, end);
      return { kind: 'claim', label: `${text} in “${title}”`, target: articleId, ref: evidence.ref };
    }
  }
}

/** Text order; orphans (no position) last, oldest first. */
function textOrder(a: ReportEntry, b: ReportEntry): number {
  if (a.start === null || b.start === null) return (a.start === null ? 1 : 0) - (b.start === null ? 1 : 0) || a.created.localeCompare(b.created);
  return a.start - b.start || (a.end ?? 0) - (b.end ?? 0);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

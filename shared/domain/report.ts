import { z } from 'zod';
import { ArticleSummary } from './article';
import { AnchorState, AnnotationTarget, VerdictOption } from './annotation';
import { CheckKind, CheckVerdict, ClaimRef, EffectiveTime, Relation } from './crosscheck';

/**
 * The annotated report: one pure model (shared/report/build.ts) that every export
 * format is rendered from, so HTML, PDF, Markdown, CSV and JSON say the same thing.
 * The JSON export is this object as it stands; bump the version on any change to it.
 */
export const REPORT_SCHEMA_VERSION = '1.0.0';

export const ReportFormat = z.enum(['html', 'pdf', 'md', 'csv', 'json', 'w3c', 'claimreview']);
export type ReportFormat = z.infer<typeof ReportFormat>;

/** The verdict filter's id for annotations that have no verdict. */
export const NO_VERDICT = 'none';

/** What goes into a report. Absent fields mean "all". */
export const ReportFilter = z
  .object({
    /** Articles to report on (ids as in ArticleSummary.id). */
    articleIds: z.array(z.string().min(1).max(4096)).max(100_000).optional(),
    /** VerdictOption ids to keep, and/or NO_VERDICT for annotations without one. */
    verdicts: z.array(z.string().min(1).max(64)).max(20).optional(),
  })
  .strict();
export type ReportFilter = z.infer<typeof ReportFilter>;

/** An article as the report cites it. `urn` identifies its content (W3C export's source). */
export const ReportSource = ArticleSummary.pick({ id: true, title: true, publisher: true, byline: true, date: true, format: true, hash: true }).extend({
  /** `urn:sha256:<hash>`. */
  urn: z.string(),
});
export type ReportSource = z.infer<typeof ReportSource>;

/** A detected claim, flattened for reading: what it says, in words. */
export const ReportFigure = z.object({
  ref: ClaimRef,
  /** As written ("more than 38,990"). */
  text: z.string(),
  value: z.number(),
  unit: z.string(),
  kind: z.string(),
  qualifier: z.string(),
  /** The interval in words ("more than 38,990", "between 18.5 and 19.5 percent"). */
  interval: z.string(),
  /** What it counts ("prison population"), or ''. */
  quantity: z.string(),
  time: EffectiveTime,
  /** Number of claims in other articles (or this one) linked to it. */
  links: z.number().int().nonnegative(),
  /** A `differs` link or an `inconsistent` check involves it. */
  discrepancy: z.boolean(),
});
export type ReportFigure = z.infer<typeof ReportFigure>;

/** Another source's figure for the same quantity, with how it relates. */
export const ReportLink = z.object({
  ref: ClaimRef,
  sourceTitle: z.string(),
  /** Article date, ISO. */
  sourceDate: z.string(),
  text: z.string(),
  /** The sentence it is in, shortened. */
  context: z.string(),
  time: EffectiveTime,
  score: z.number(),
  relation: Relation,
});
export type ReportLink = z.infer<typeof ReportLink>;

export const ReportCheck = z.object({
  id: z.string(),
  kind: CheckKind,
  formula: z.string(),
  computed: z.number(),
  unit: z.string(),
  verdict: CheckVerdict,
  sentence: z.string(),
  /** Whether the annotated claim is the figure checked (else it is one of the inputs). */
  subject: z.boolean(),
});
export type ReportCheck = z.infer<typeof ReportCheck>;

export const ReportEvidence = z.object({
  kind: z.enum(['claim', 'article', 'url']),
  /** Words for a reader: "38,990 in 'Cambodia's prisons…'", an article title, or the URL. */
  label: z.string(),
  /** The URL for `url` evidence; the article id for the others. */
  target: z.string(),
  /** The span cited, for `claim` evidence (a W3C export keeps it as a position selector). */
  ref: ClaimRef.nullable(),
});
export type ReportEvidence = z.infer<typeof ReportEvidence>;

/** One annotation, in context. */
export const ReportEntry = z.object({
  annotationId: z.string(),
  articleId: z.string(),
  /** The selectors as stored (W3C export and import use them). */
  target: AnnotationTarget,
  anchor: AnchorState,
  /** The annotated text now (for orphans: as it was when annotated). */
  quote: z.string(),
  /** For `changed` anchors: the text as annotated, to show old and new. */
  originalQuote: z.string().nullable(),
  /** The sentence around the quote, split so a renderer can highlight it (orphans: the stored prefix and suffix). */
  context: z.object({ before: z.string(), after: z.string() }),
  /** Current span in the article text; null for orphans. */
  start: z.number().int().nonnegative().nullable(),
  end: z.number().int().nonnegative().nullable(),
  verdict: VerdictOption.nullable(),
  note: z.string(),
  tags: z.array(z.string()),
  evidence: z.array(ReportEvidence),
  created: z.string(),
  modified: z.string(),
  /** The detected claim the annotation covers (the one overlapping it most), if any. */
  claim: ReportFigure.nullable(),
  /** Other sources' figures for the same quantity, best first (at most 12). */
  links: z.array(ReportLink),
  /** Arithmetic checks that use the claim. */
  checks: z.array(ReportCheck),
});
export type ReportEntry = z.infer<typeof ReportEntry>;

export const ReportArticle = z.object({
  source: ReportSource,
  /** Every claim detected in the article (JSON keeps them all; other formats count them). */
  claims: z.array(ReportFigure),
  /** Claims of this article involved in a discrepancy. */
  discrepancies: z.number().int().nonnegative(),
  /** Annotations, in text order (orphans last). */
  entries: z.array(ReportEntry),
});
export type ReportArticle = z.infer<typeof ReportArticle>;

export const VerdictCount = VerdictOption.extend({ count: z.number().int().nonnegative() });
export type VerdictCount = z.infer<typeof VerdictCount>;

export const Report = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  /** "Reckon 0.1.0". */
  generator: z.string(),
  title: z.string(),
  corpusName: z.string(),
  /** ISO datetime the report was made. */
  generated: z.string(),
  author: z.string(),
  organisation: z.string(),
  baseUrl: z.string(),
  filter: ReportFilter,
  verdictScale: z.array(VerdictOption),
  summary: z.object({
    /** Articles in the report (after the filter). */
    articles: z.number().int().nonnegative(),
    /** Claims detected in those articles. */
    claims: z.number().int().nonnegative(),
    annotations: z.number().int().nonnegative(),
    /** Annotations with a verdict. */
    claimsChecked: z.number().int().nonnegative(),
    /** Per step of the scale, best first (zero counts kept, so the table is always complete). */
    verdicts: z.array(VerdictCount),
    /** Annotations without a verdict. */
    noVerdict: z.number().int().nonnegative(),
    /** Claims in those articles involved in a discrepancy (differing figures or inconsistent arithmetic). */
    discrepancies: z.number().int().nonnegative(),
    orphans: z.number().int().nonnegative(),
    /**
     * Annotations on articles no longer in the folder (deleted, moved or renamed): not in
     * any article's section, but counted so that none disappears without a word.
     */
    missingArticle: z.number().int().nonnegative(),
  }),
  /** Articles with at least one annotation in the report, in the corpus's order. */
  articles: z.array(ReportArticle),
  /** Appendix: every article the report covers, annotated or not. */
  sources: z.array(ReportSource),
});
export type Report = z.infer<typeof Report>;

/** An export as the back end returns it to the UI or the CLI writes it. */
export const ReportFile = z.object({
  format: ReportFormat,
  /** Suggested file name ("reckon-report-sample-corpus-2026-11-21.html"). */
  fileName: z.string(),
  mimeType: z.string(),
  /** 'utf8' text, or 'base64' for binary (PDF). */
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
});
export type ReportFile = z.infer<typeof ReportFile>;

/** What an import did: counts by outcome, and why each skipped item was skipped. */
export const ImportResult = z.object({
  /** 'reckon' (our W3C export), 'hypothesis' (its API/export JSON), or 'w3c' (any other Web Annotation JSON-LD). */
  dialect: z.enum(['reckon', 'hypothesis', 'w3c']),
  imported: z.number().int().nonnegative(),
  anchored: z.number().int().nonnegative(),
  moved: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  orphaned: z.number().int().nonnegative(),
  skipped: z.array(z.object({ index: z.number().int().nonnegative(), reason: z.string() })),
});
export type ImportResult = z.infer<typeof ImportResult>;

/**
 * schema.org ClaimReview JSON-LD (https://schema.org/ClaimReview, as Google's fact-check
 * markup guide uses it): one review per annotation with a verdict, in one `@graph`.
 */
import type { Report, ReportEntry, ReportSource } from '../domain/report';
import { isWebAddress } from './words';

const SCHEMA_CONTEXT = 'https://schema.org';

type Agent = { '@type': 'Person' | 'Organization'; name: string };

export function renderClaimReview(report: Report): string {
  const ratings = report.verdictScale.map((v) => v.rating);
  const scale = { best: Math.max(...ratings), worst: Math.min(...ratings) };
  const author = reviewAuthor(report);
  const reviews = report.articles.flatMap(({ source, entries }) =>
    entries.filter((entry) => entry.verdict).map((entry) => reviewOf(entry, source, { report, scale, author })),
  );
  return `${scriptSafe(JSON.stringify({ '@context': SCHEMA_CONTEXT, '@graph': reviews }, null, 2))}\n`;
}

/**
 * ClaimReview is published inside a page's `<script type="application/ld+json">`: a note holding
 * "</script>" would end that element and run what follows. `<`, `>` and `&` are written as JSON
 * escapes, which read back as the same text.
 */
const scriptSafe = (json: string): string => json.replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Who publishes the review: the organisation when there is one, else the author. */
function reviewAuthor({ organisation, author }: Pick<Report, 'organisation' | 'author'>): Agent | undefined {
  if (organisation.trim()) return { '@type': 'Organization', name: organisation.trim() };
  if (author.trim()) return { '@type': 'Person', name: author.trim() };
  return undefined;
}

interface ReviewContext {
  report: Report;
  scale: { best: number; worst: number };
  author: Agent | undefined;
}

function reviewOf(entry: ReportEntry, source: ReportSource, { report, scale, author }: ReviewContext) {
  const verdict = entry.verdict!;
  const url = reviewUrl(report.baseUrl, entry.annotationId);
  const published = publicationDate(source);
  const claimAuthor = articleAuthor(source);
  return {
    '@type': 'ClaimReview',
    ...(url ? { url } : {}),
    claimReviewed: claimText(entry),
    ...(entry.note.trim() ? { reviewBody: entry.note } : {}),
    reviewRating: {
      '@type': 'Rating',
      ratingValue: verdict.rating,
      bestRating: scale.best,
      worstRating: scale.worst,
      alternateName: verdict.label,
    },
    itemReviewed: {
      '@type': 'Claim',
      ...(published ? { datePublished: published } : {}),
      ...(claimAuthor ? { author: claimAuthor } : {}),
      appearance: {
        '@type': 'CreativeWork',
        headline: source.title,
        name: source.title,
        ...(published ? { datePublished: published } : {}),
        ...(source.publisher ? { publisher: { '@type': 'Organization', name: source.publisher } } : {}),
        // The corpus holds files, not their web addresses: the file's content hash names it.
        identifier: source.urn,
      },
    },
    ...(author ? { author } : {}),
    datePublished: report.generated.slice(0, 10),
  };
}

/**
 * The review's address: the base URL with the fragment the HTML report gives the annotation
 * (`#annotation-<id>`), so a report published there has each review at its URL. None without a
 * base URL, or with one that is no web address (the settings accept any URL, javascript: too).
 */
function reviewUrl(baseUrl: string, annotationId: string): string | null {
  const base = baseUrl.trim().replace(/#.*$/, '');
  return isWebAddress(base) ? `${base}#annotation-${annotationId}` : null;
}

/**
 * The quote in its sentence, as one line: the words reviewed, so a figure changed since is
 * given as it was. An orphan has only its stored context, cut here to whole words.
 */
function claimText(entry: ReportEntry): string {
  let { before, after } = entry.context;
  if (entry.anchor === 'orphan') {
    if (before) before = `…${before.replace(/^\S*\s+/, '')}`;
    if (after) after = `${after.replace(/\s+\S*$/, '')}…`;
  }
  return `${before}${entry.originalQuote ?? entry.quote}${after}`.replace(/\s+/g, ' ').trim();
}

/** The article's date, only when the text states it in full: a file's mtime is not a publication date. */
function publicationDate(source: ReportSource): string | null {
  return source.date.source === 'text' && !source.date.yearInferred ? source.date.iso : null;
}

/** Who made the claim: the article's byline, else its publisher. */
function articleAuthor(source: ReportSource): Agent | null {
  if (source.byline?.trim()) return { '@type': 'Person', name: source.byline.trim() };
  if (source.publisher?.trim()) return { '@type': 'Organization', name: source.publisher.trim() };
  return null;
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Report } from '../../../../shared/domain/report';
import { renderClaimReview } from '../../../../shared/report/claimreview';
import { expectGolden } from '../../../support/golden';
import { makeReportFixture, type ReportFixture } from '../../../support/report-fixture';

const Agent = z.object({ '@type': z.enum(['Person', 'Organization']), name: z.string().min(1) }).strict();

/** What Google's fact-check markup guide requires of a ClaimReview, and what Reckon adds. */
const ClaimReview = z
  .object({
    '@type': z.literal('ClaimReview'),
    url: z.string().url().optional(),
    claimReviewed: z.string().min(1),
    reviewBody: z.string().optional(),
    reviewRating: z
      .object({
        '@type': z.literal('Rating'),
        ratingValue: z.number().int(),
        bestRating: z.number().int(),
        worstRating: z.number().int(),
        alternateName: z.string().min(1),
      })
      .strict()
      .refine((r) => r.worstRating <= r.ratingValue && r.ratingValue <= r.bestRating, 'rating off its scale'),
    itemReviewed: z
      .object({
        '@type': z.literal('Claim'),
        datePublished: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
        author: Agent.optional(),
        appearance: z
          .object({
            '@type': z.literal('CreativeWork'),
            headline: z.string().min(1),
            name: z.string().min(1),
            datePublished: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
            publisher: Agent.optional(),
            identifier: z.string().regex(/^urn:sha256:[0-9a-f]{64}$/),
          })
          .strict(),
      })
      .strict(),
    author: Agent.optional(),
    datePublished: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  })
  .strict();
const Document = z.object({ '@context': z.literal('https://schema.org'), '@graph': z.array(ClaimReview) }).strict();

const render = (report: Report) => Document.parse(JSON.parse(renderClaimReview(report)));

describe('renderClaimReview', () => {
  let fixture: ReportFixture;
  beforeAll(async () => {
    fixture = await makeReportFixture();
  });
  afterAll(() => fixture?.dispose());

  it('matches the golden file', () => {
    expectGolden('report/sample.claimreview.jsonld', renderClaimReview(fixture.report));
  });

  it('reviews each annotation with a verdict, and only those, in the shape the markup guide asks for', () => {
    const reviews = render(fixture.report)['@graph'];
    const judged = fixture.report.articles.flatMap((a) => a.entries).filter((e) => e.verdict);
    expect(reviews).toHaveLength(fixture.report.summary.claimsChecked);
    expect(reviews.map((r) => r.url)).toEqual(judged.map((e) => `https://factcheck.example.org/reviews#annotation-${e.annotationId}`));
    expect(reviews.some((r) => r.claimReviewed.includes('drug rehabilitation centres'))).toBe(false);
  });

  it('takes rating numbers and the verdict’s label from the scale', () => {
    const reviews = render(fixture.report)['@graph'];
    const byLabel = new Map(fixture.report.verdictScale.map((v) => [v.label, v.rating]));
    for (const { reviewRating } of reviews) {
      expect(reviewRating.ratingValue).toBe(byLabel.get(reviewRating.alternateName));
      expect([reviewRating.bestRating, reviewRating.worstRating]).toEqual([6, 1]);
    }
    const mostly = reviews.find((r) => r.claimReviewed.includes('40,000 prisoners'))!;
    expect(mostly.reviewRating).toEqual({ '@type': 'Rating', ratingValue: 5, bestRating: 6, worstRating: 1, alternateName: 'Mostly accurate' });

    const threeSteps = [
      { id: 'true', label: 'True', rating: 3 },
      { id: 'half-true', label: 'Half true', rating: 2 },
      { id: 'false', label: 'False', rating: 1 },
    ];
    const relabelled = structuredClone(fixture.report);
    relabelled.verdictScale = threeSteps;
    for (const entry of relabelled.articles.flatMap((a) => a.entries)) if (entry.verdict) entry.verdict = threeSteps[2]!;
    relabelled.articles[0]!.entries[0]!.verdict = threeSteps[1]!;
    const [first, second] = render(relabelled)['@graph'];
    expect(first!.reviewRating).toEqual({ '@type': 'Rating', ratingValue: 2, bestRating: 3, worstRating: 1, alternateName: 'Half true' });
    expect(second!.reviewRating).toEqual({ '@type': 'Rating', ratingValue: 1, bestRating: 3, worstRating: 1, alternateName: 'False' });
  });

  it('builds review URLs on the base URL, and leaves them out without one', () => {
    const without = render({ ...fixture.report, baseUrl: '' })['@graph'];
    expect(without.every((r) => r.url === undefined)).toBe(true);
    const script = render({ ...fixture.report, baseUrl: 'javascript:alert(1)' })['@graph'];
    expect(script.every((r) => r.url === undefined)).toBe(true);
    const withFragment = render({ ...fixture.report, baseUrl: 'https://example.org/checks/2026/prisons.html#top' })['@graph'];
    expect(withFragment[0]!.url).toBe(`https://example.org/checks/2026/prisons.html#annotation-${fixture.report.articles[0]!.entries[0]!.annotationId}`);
  });

  it('quotes the claim in its sentence, as it read when reviewed', () => {
    const reviews = render(fixture.report)['@graph'];
    expect(reviews[0]!.claimReviewed).toBe(
      'General Department of Prisons spokesman Nuth Savna told The Post last week that there are 40,000 prisoners in detention in the country and most of them were convicted of drug offences.',
    );
    // The figure was corrected on disk after the review: the review is of 720.
    const changed = reviews.find((r) => r.reviewRating.alternateName === 'Unverifiable')!;
    expect(changed.claimReviewed).toMatch(/^A total of 720 kilogrammes of illicit drugs/);
    // An orphan has only its stored context, cut to whole words.
    const orphan = reviews.find((r) => r.reviewRating.alternateName === 'Needs context')!;
    expect(orphan.claimReviewed).toBe('…the work direction of 2022. He described overcrowding as one of the biggest challenges to the management of prisons. Due to the backlog of court…');
  });

  it('signs the review with the organisation, else the author, else not at all', () => {
    expect(render(fixture.report)['@graph'][0]!.author).toEqual({ '@type': 'Organization', name: 'Mekong Fact Desk' });
    expect(render({ ...fixture.report, organisation: '' })['@graph'][0]!.author).toEqual({ '@type': 'Person', name: 'Dara Sok' });
    expect(render({ ...fixture.report, organisation: '', author: '' })['@graph'][0]!.author).toBeUndefined();
    expect(render(fixture.report)['@graph'].every((r) => r.datePublished === '2026-11-21')).toBe(true);
  });

  it('dates the claim only by a date the article states in full, and credits its byline or publisher', () => {
    const reviews = render(fixture.report)['@graph'];
    const amnesty = reviews.find((r) => r.claimReviewed.includes('26,593'))!;
    expect(amnesty.itemReviewed).toMatchObject({ datePublished: '2020-07-23', author: { '@type': 'Organization', name: 'Amnesty International' } });
    expect(amnesty.itemReviewed.appearance).toMatchObject({ datePublished: '2020-07-23', publisher: { '@type': 'Organization', name: 'Amnesty International' } });
    // A file's modification time, or a day and month without a year, is not a publication date.
    const prisons = reviews[0]!;
    expect(prisons.itemReviewed.datePublished).toBeUndefined();
    expect(prisons.itemReviewed.appearance.datePublished).toBeUndefined();
    const drugs = reviews.find((r) => r.claimReviewed.includes('19 percent'))!;
    expect(drugs.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Taing Vida' });
  });

  it('can be pasted into a page’s <script type="application/ld+json">: no text in it can end the element', () => {
    const report = structuredClone(fixture.report);
    const first = report.articles[0]!.entries[0]!;
    report.articles[0]!.entries[0] = { ...first, note: '</script><script>alert(1)</script> & <!-- more' };
    const json = renderClaimReview(report);
    expect(json).not.toMatch(/[<>&]/);
    const [review] = render(report)['@graph'];
    expect(review!.reviewBody).toBe('</script><script>alert(1)</script> & <!-- more');
  });

  it('is an empty graph when nothing has a verdict', () => {
    expect(render(fixture.reportFor({ verdicts: ['none'] }))['@graph']).toEqual([]);
  });
});

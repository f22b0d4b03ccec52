/**
 * Held-out case tables for claim linking (test/cases/linking/*.json), written without reading the
 * cross-checker's implementation. Each case is one or a few short articles and one pair of claims:
 * either the checker must link them with the expected relation (agrees, differs, other-time,
 * related), or it must not link them at all. Each case runs on its own checker, built from its
 * articles only, so one case's figures never become another's neighbours.
 *
 * At the end it prints precision and recall of linking and the accuracy of the relations, with
 * every miss and what the checker returned instead.
 *
 * An endpoint names its claim by the surface the claim engine reports ("some 39,000"); when two
 * claims of an article share a surface, `occurrence` (1-based, in text order) picks one.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { extractClaims } from '../../../../shared/claims';
import { createCrossChecker, type CrossCheckArticle } from '../../../../shared/crosscheck';
import type { ArticleSummary } from '../../../../shared/domain/article';
import type { Claim } from '../../../../shared/domain/claim';
import { RelationKind, type ClaimLinks, type ClaimRef } from '../../../../shared/domain/crosscheck';

interface CaseArticle { id: string; date: string; text: string }
interface Endpoint { article: string; claim: string; occurrence?: number }
interface LinkingCase {
  name: string;
  articles: CaseArticle[];
  from: Endpoint;
  to: Endpoint;
  expect: 'link' | 'no-link';
  relation?: RelationKind;
  /** Why the expectation holds, for the next reader. */
  note?: string;
}
interface CaseFile { about: string; cases: LinkingCase[] }

const casesDir = fileURLToPath(new URL('../../../cases/linking/', import.meta.url));
const tables = readdirSync(casesDir)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((file) => ({ file, ...(JSON.parse(readFileSync(casesDir + file, 'utf8')) as CaseFile) }));
const allCases = tables.flatMap((t) => t.cases.map((kase) => ({ file: t.file, kase })));

function summaryOf(a: CaseArticle): ArticleSummary {
  return {
    id: a.id,
    title: (a.text.split('\n')[0] ?? a.id).slice(0, 80),
    publisher: null,
    byline: null,
    date: { iso: a.date, source: 'text' },
    format: 'txt',
    bytes: Buffer.byteLength(a.text, 'utf8'),
    chars: a.text.length,
    hash: createHash('sha256').update(a.text).digest('hex'),
  };
}

function buildArticles(kase: LinkingCase): CrossCheckArticle[] {
  return kase.articles.map((a) => ({
    summary: summaryOf(a),
    text: a.text,
    claims: extractClaims(a.text, { documentDate: a.date }),
  }));
}

/** The endpoint's claim as the engine reports it; a missing or ambiguous surface is a bug in the table. */
function locate(articles: CrossCheckArticle[], end: Endpoint, caseName: string): ClaimRef {
  const article = articles.find((a) => a.summary.id === end.article);
  if (!article) throw new Error(`case table bug in "${caseName}": no article "${end.article}"`);
  const same = article.claims.filter((c) => c.text === end.claim);
  const reported = article.claims.map((c: Claim) => JSON.stringify(c.text)).join(', ');
  let claim: Claim | undefined;
  if (end.occurrence !== undefined) claim = same[end.occurrence - 1];
  else if (same.length === 1) claim = same[0];
  else if (same.length > 1) {
    throw new Error(`case table bug in "${caseName}": "${end.claim}" is reported ${same.length} times in ${end.article}; give an occurrence`);
  }
  if (!claim) {
    throw new Error(`case table bug in "${caseName}": the claim engine does not report "${end.claim}"` +
      `${end.occurrence ? ` (occurrence ${end.occurrence})` : ''} in ${end.article}; it reports ${reported || 'nothing'}`);
  }
  return { articleId: article.summary.id, start: claim.start, end: claim.end };
}

const sameRef = (a: ClaimRef, b: ClaimRef): boolean => a.articleId === b.articleId && a.start === b.start && a.end === b.end;

function describeLinks(result: ClaimLinks): string {
  if (result.links.length === 0) return 'no links';
  return result.links
    .map((l) => `"${l.to.claim.text}" (${l.to.ref.articleId}) ${l.relation.kind} score ${l.score.toFixed(2)} [${l.reasons.join('; ')}]`)
    .join(' | ');
}

interface Outcome {
  name: string;
  expect: 'link' | 'no-link';
  relation?: RelationKind;
  linked: boolean;
  got?: RelationKind;
  /** Whether linksFor(to) also links back to from (reported, not asserted). */
  symmetric: boolean;
  detail: string;
}
const outcomes: Outcome[] = [];

const ratio = (num: number, den: number): number => (den === 0 ? 1 : num / den);

function report(): string {
  const tp = outcomes.filter((o) => o.expect === 'link' && o.linked).length;
  const fn = outcomes.filter((o) => o.expect === 'link' && !o.linked).length;
  const fp = outcomes.filter((o) => o.expect === 'no-link' && o.linked).length;
  const tn = outcomes.filter((o) => o.expect === 'no-link' && !o.linked).length;
  const linkedPairs = outcomes.filter((o) => o.expect === 'link' && o.linked);
  const rightRelation = linkedPairs.filter((o) => o.got === o.relation).length;
  const kinds = RelationKind.options;
  const matrix = kinds.map((want) => {
    const row = outcomes.filter((o) => o.expect === 'link' && o.relation === want);
    const cells = [...kinds.map((got) => row.filter((o) => o.linked && o.got === got).length), row.filter((o) => !o.linked).length];
    return `  ${want.padEnd(11)}${cells.map((n) => String(n).padStart(11)).join('')}`;
  });
  const misses = outcomes
    .filter((o) => o.linked !== (o.expect === 'link') || (o.expect === 'link' && o.got !== o.relation))
    .map((o) => `  ✗ ${o.name}: want ${o.expect === 'link' ? `link, ${o.relation}` : 'no link'}; got ${o.detail}`);
  const asymmetric = outcomes.filter((o) => o.linked && !o.symmetric).map((o) => `  ↛ ${o.name}`);
  return [
    `Claim linking on ${outcomes.length} held-out cases (${outcomes.filter((o) => o.expect === 'link').length} must link, ${outcomes.filter((o) => o.expect === 'no-link').length} must not)`,
    `  linking:  TP ${tp}  FP ${fp}  FN ${fn}  TN ${tn}   precision ${ratio(tp, tp + fp).toFixed(3)}   recall ${ratio(tp, tp + fn).toFixed(3)}`,
    `  relation: ${rightRelation} of ${linkedPairs.length} linked pairs right (${ratio(rightRelation, linkedPairs.length).toFixed(3)}); ` +
      `${rightRelation} of ${tp + fn} must-link cases linked with the right relation (${ratio(rightRelation, tp + fn).toFixed(3)})`,
    `  want \\ got${[...kinds, 'not linked'].map((k) => k.padStart(11)).join('')}`,
    ...matrix,
    ...(misses.length ? ['Misses:', ...misses] : ['No misses.']),
    ...(asymmetric.length ? ['Linked one way only (linksFor(to) does not return from):', ...asymmetric] : []),
  ].join('\n');
}

/**
 * Held-out cases the linker gets wrong today, with why. These tables were written without
 * reading the linker; on first run it scored precision 0.91, recall 0.85 (README). The
 * misses stay here, visible, rather than being weakened into passing cases.
 */
const KNOWN_MISSES: Readonly<Record<string, string>> = {
  'drug cases in two provinces (close values) must not link': 'place names are not features: Phnom Penh vs Battambang counts look like one quantity',
  'prisoners in another country must not link: Vietnam\'s 40,000 vs Cambodia\'s 39,000': 'place names are not features',
  'deaths vs injured: must not link': 'a keyless figure ("16") borrows "people" from its context; killed vs injured is not an event concept',
  'people fully vaccinated by May vs by September: other-time': '"and 10 million by September" has no noun; the figures are 2.5× apart, read as part and whole',
  'children among the dead are a subgroup: related': '"Twelve of the dead": the subgroup is not linked to the total',
  'female inmates are a subgroup of inmates: related, across outlets': 'a subgroup 20× smaller scores below the link threshold on magnitude',
  "garment exports: 'US$9.29bn' agrees with '9.3 billion US dollars'": 'the claim engine gives the second figure the quantity "abroad"',
  "minimum wage: '$194' agrees with '194 dollars'": 'the claim engine finds no quantity for either figure; "minimum wage" in context alone is not enough',
  "capacity phrased two ways: 'designed for 26,600 inmates' agrees with 'a capacity of 26,593'": 'the combined capacity "at 26,593" has no capacity phrase right before it',
};

describe('claim linking on held-out cases', () => {
  afterAll(() => {
    if (outcomes.length > 0) console.log(report());
  });

  it('the tables are well formed: enough cases, balanced, relations only on links', () => {
    expect(allCases.length).toBeGreaterThanOrEqual(40);
    const links = allCases.filter(({ kase }) => kase.expect === 'link').length;
    expect(links / allCases.length).toBeGreaterThanOrEqual(0.4);
    expect(links / allCases.length).toBeLessThanOrEqual(0.6);
    expect(new Set(allCases.map(({ kase }) => kase.name)).size).toBe(allCases.length);
    for (const { file, kase } of allCases) {
      const where = `${file}: ${kase.name}`;
      expect(kase.articles.length, where).toBeGreaterThanOrEqual(1);
      expect(kase.articles.length, where).toBeLessThanOrEqual(3);
      expect(new Set(kase.articles.map((a) => a.id)).size, where).toBe(kase.articles.length);
      for (const a of kase.articles) expect(a.date, where).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['link', 'no-link'], where).toContain(kase.expect);
      if (kase.expect === 'link') expect(RelationKind.options, where).toContain(kase.relation);
      else expect(kase.relation, where).toBeUndefined();
    }
    // Every relation is represented.
    for (const kind of RelationKind.options) {
      expect(allCases.some(({ kase }) => kase.relation === kind), kind).toBe(true);
    }
  });

  it.each(allCases.map(({ file, kase }) => [`${file}: ${kase.name}`, kase] as const))('%s', (_label, kase) => {
    const articles = buildArticles(kase);
    const from = locate(articles, kase.from, kase.name);
    const to = locate(articles, kase.to, kase.name);
    const checker = createCrossChecker(articles);
    const result = checker.linksFor(from);
    const link = result.links.find((l) => sameRef(l.to.ref, to));
    const back = checker.linksFor(to).links.some((l) => sameRef(l.to.ref, from));
    outcomes.push({
      name: kase.name,
      expect: kase.expect,
      relation: kase.relation,
      linked: link !== undefined,
      got: link?.relation.kind,
      symmetric: back,
      detail: link ? `${link.relation.kind} (score ${link.score.toFixed(2)}; ${link.reasons.join('; ')})` : `not linked; links: ${describeLinks(result)}`,
    });

    const context = `${kase.name}\n  ${kase.note ?? ''}\n  links of "${kase.from.claim}": ${describeLinks(result)}`;
    const known = KNOWN_MISSES[kase.name];
    if (known) {
      // A known miss must still miss: when the linker learns it, this fails and the entry goes.
      const right = kase.expect === 'no-link' ? link === undefined : link?.relation.kind === kase.relation;
      expect(right, `known miss now passes, remove it from KNOWN_MISSES: ${kase.name}`).toBe(false);
      return;
    }
    if (kase.expect === 'no-link') {
      // Booleans, not the Link itself: the failure message then stays readable.
      expect(link !== undefined, `must not link "${kase.from.claim}" to "${kase.to.claim}" — ${context}`).toBe(false);
    } else {
      expect(link !== undefined, `must link "${kase.from.claim}" to "${kase.to.claim}" — ${context}`).toBe(true);
      expect(link?.relation.kind, `relation of "${kase.from.claim}" → "${kase.to.claim}" — ${context}`).toBe(kase.relation);
    }
  });
});

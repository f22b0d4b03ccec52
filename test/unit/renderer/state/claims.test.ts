import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/api';
import type { ClaimLinks } from '../../../../shared/domain/crosscheck';
import { activeClaimMark, claimsOfOpenArticle, sameRef } from '../../../../renderer/src/state/claims';
import { createWorkbench } from '../../../../renderer/src/state/workbench';
import { CROSSCHECK_ARTICLES, checkFor, createFakeClient, spanOf, type FakeOptions } from '../fakeClient';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const [RFA, VOD, KHMER] = CROSSCHECK_ARTICLES as [(typeof CROSSCHECK_ARTICLES)[0], (typeof CROSSCHECK_ARTICLES)[0], (typeof CROSSCHECK_ARTICLES)[0]];

async function started(options: FakeOptions = {}) {
  const client = createFakeClient({ articles: CROSSCHECK_ARTICLES, checks: { 'rfa.txt': [checkFor(RFA, '19 percent', ['8,018', '9,572'])] }, ...options });
  const workbench = createWorkbench(client);
  await workbench.start();
  await settle();
  return { client, workbench, state: workbench.store.get };
}

const texts = (state: ReturnType<typeof createWorkbench>['store']['get']) => claimsOfOpenArticle(state()).map((m) => m.claim.text);

describe('claims of the open article', () => {
  it('loads the marks in reading order with the article’s checks', async () => {
    const { state } = await started();
    expect(state().claimsFor).toBe('rfa.txt');
    expect(texts(state)).toEqual(['300 percent', 'more than 38,990', '19 percent', '8,018', '9,572']);
    expect(state().checks.map((c) => c.kind)).toEqual(['percent-change']);
  });

  it('never shows one article’s claims on another, whatever order the responses come in', async () => {
    const { client, workbench, state } = await started();
    const original = client.articleClaims;
    const gates: Array<() => void> = [];
    client.articleClaims = (args) => new Promise((resolve) => gates.push(() => void original(args).then(resolve)));
    const first = workbench.openArticle('vod.txt');
    const second = workbench.openArticle('khmer.txt');
    gates[1]!();
    await second;
    await settle();
    gates[0]!();
    await first;
    await settle();
    expect(state().article?.id).toBe('khmer.txt');
    expect(texts(state)).toEqual(['some 39,000']);
  });

  it('reports a failing articleClaims once, however many articles fail, and shows the text without marks', async () => {
    const { client, workbench, state } = await started();
    client.fail.articleClaims = new ApiError('unknown-call', 'unknown call: articleClaims');
    await workbench.openArticle('vod.txt');
    await settle();
    await workbench.openArticle('khmer.txt');
    await settle();
    expect(state().article?.id).toBe('khmer.txt');
    expect(texts(state)).toEqual([]);
    expect(state().banners.map((b) => b.message)).toEqual(['Could not find the claims: unknown call: articleClaims']);
  });
});

describe('selecting claims', () => {
  it('stepClaim walks the claims in order and wraps around', async () => {
    const { workbench, state } = await started();
    workbench.stepClaim(-1);
    expect(activeClaimMark(state())?.claim.text).toBe('9,572');
    workbench.stepClaim(1);
    expect(activeClaimMark(state())?.claim.text).toBe('300 percent');
    workbench.stepClaim(1);
    expect(activeClaimMark(state())?.claim.text).toBe('more than 38,990');
  });

  it('loads the selected claim’s links, then its quantity’s series', async () => {
    const { client, workbench, state } = await started();
    workbench.selectClaim(spanOf(RFA, 'more than 38,990'));
    expect(state().inspector?.loading).toBe(true);
    await settle();
    await settle();
    const inspector = state().inspector!;
    expect(inspector.loading).toBe(false);
    expect(inspector.links?.links.map((l) => l.to.claim.text)).toEqual(['About 40,000', 'some 39,000']);
    expect(inspector.series?.points.map((p) => p.text)).toEqual(['more than 38,990', 'About 40,000', 'some 39,000']);
    expect(client.calls.filter((c) => c.name === 'quantitySeries').map((c) => c.args)).toEqual([{ quantityId: 'prisoner|count' }]);
  });

  it('does not ask for a series when the claim links to nothing', async () => {
    const { client, workbench, state } = await started();
    workbench.selectClaim(spanOf(RFA, '300 percent'));
    await settle();
    expect(state().inspector).toMatchObject({ loading: false, series: null, error: null });
    expect(state().inspector?.links?.quantityId).toBeNull();
    expect(client.calls.some((c) => c.name === 'quantitySeries')).toBe(false);
  });

  it('keeps only the latest selection’s links when responses cross', async () => {
    const { client, workbench, state } = await started();
    const original = client.claimLinks;
    const gates: Array<() => void> = [];
    client.claimLinks = (args) => new Promise<ClaimLinks>((resolve) => gates.push(() => void original(args).then(resolve)));
    workbench.selectClaim(spanOf(RFA, '8,018'));
    workbench.selectClaim(spanOf(RFA, 'more than 38,990'));
    gates[1]!();
    await settle();
    gates[0]!();
    await settle();
    await settle();
    expect(state().inspector?.links?.claim.claim.text).toBe('more than 38,990');
    expect(sameRef(state().inspector?.ref, spanOf(RFA, 'more than 38,990'))).toBe(true);
  });

  it('openClaim opens another article at the figure, or selects within the open one without refetching it', async () => {
    const { client, workbench, state } = await started();
    workbench.openClaim(spanOf(KHMER, 'some 39,000'));
    await settle();
    await settle();
    expect(state().article?.id).toBe('khmer.txt');
    expect(activeClaimMark(state())?.claim.text).toBe('some 39,000');
    const fetches = client.calls.filter((c) => c.name === 'getArticle').length;
    workbench.openClaim(spanOf(KHMER, 'some 39,000'));
    workbench.selectClaim(null);
    workbench.openClaim(spanOf(KHMER, 'some 39,000'));
    await settle();
    expect(client.calls.filter((c) => c.name === 'getArticle')).toHaveLength(fetches);
    expect(activeClaimMark(state())?.claim.text).toBe('some 39,000');
  });

  it('a new article clears the selection unless it was opened at a claim', async () => {
    const { workbench, state } = await started();
    workbench.stepClaim(1);
    expect(state().activeClaim).not.toBeNull();
    await workbench.openArticle(VOD.id);
    expect(state().activeClaim).toBeNull();
    expect(state().inspector).toBeNull();
  });
});

describe('views', () => {
  it('loads the claims table’s rows when first shown and keeps them until the folder changes; a new corpus resets the view and rows', async () => {
    const { client, workbench, state } = await started({ folders: { '/other': [KHMER] } });
    const listed = () => client.calls.filter((c) => c.name === 'listClaims').length;
    workbench.setView('table');
    await settle();
    expect(state().claimRows?.map((r) => r.text)).toEqual(['300 percent', 'more than 38,990', '19 percent', '8,018', '9,572', 'About 40,000', 'some 39,000']);
    workbench.toggleView();
    workbench.toggleView();
    await settle();
    expect(listed()).toBe(1);
    // A file changed while the reader was shown: the rows are dropped, and loaded again with the table.
    workbench.toggleView();
    await workbench.onCorpusChanged({ root: state().corpus!.root, added: [], changed: ['rfa.txt'], removed: [] });
    expect(state().claimRows).toBeNull();
    workbench.toggleView();
    await settle();
    expect(listed()).toBe(2);
    expect(state().claimRows).toHaveLength(7);
    await workbench.openFolder('/other');
    await settle();
    expect(state().view).toBe('reader');
    expect(state().claimRows).toBeNull();
    expect(texts(state)).toEqual(['some 39,000']);
  });
});

describe('watcher changes', () => {
  it('reloads the open article’s claims, the selected claim’s links and the annotations when its file changes', async () => {
    const articles = [...CROSSCHECK_ARTICLES];
    const { client, workbench, state } = await started({ articles });
    workbench.selectClaim(spanOf(RFA, '8,018'));
    await settle();
    const before = { links: client.calls.filter((c) => c.name === 'claimLinks').length, lists: client.calls.filter((c) => c.name === 'listAnnotations').length };
    await workbench.onCorpusChanged({ root: state().corpus!.root, added: [], changed: ['rfa.txt'], removed: [] });
    await settle();
    await settle();
    expect(client.calls.filter((c) => c.name === 'claimLinks')).toHaveLength(before.links + 1);
    expect(client.calls.filter((c) => c.name === 'listAnnotations')).toHaveLength(before.lists + 1);
    expect(client.calls.filter((c) => c.name === 'articleClaims').map((c) => (c.args as { id: string }).id)).toEqual(['rfa.txt', 'rfa.txt']);
    expect(activeClaimMark(state())?.claim.text).toBe('8,018');
  });

  it('lets go of the claims of an article removed from the folder', async () => {
    const articles = [...CROSSCHECK_ARTICLES];
    const { workbench, state } = await started({ articles });
    workbench.stepClaim(1);
    articles.splice(0, 1);
    await workbench.onCorpusChanged({ root: state().corpus!.root, added: [], changed: [], removed: ['rfa.txt'] });
    expect(state().activeClaim).toBeNull();
    expect(state().claims).toEqual([]);
    expect(state().inspector).toBeNull();
  });
});

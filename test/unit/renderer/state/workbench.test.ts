import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/api';
import type { Article } from '../../../../shared/domain/article';
import { createWorkbench, hitForArticle, visibleIds } from '../../../../renderer/src/state/workbench';
import { createFakeClient } from '../fakeClient';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function started(options = {}) {
  const client = createFakeClient(options);
  const workbench = createWorkbench(client);
  await workbench.start();
  await settle();
  return { client, workbench, state: workbench.store.get };
}

describe('workbench state', () => {
  it('start is idempotent (StrictMode mounts twice)', async () => {
    const client = createFakeClient();
    const workbench = createWorkbench(client);
    await Promise.all([workbench.start(), workbench.start()]);
    expect(client.calls.filter((c) => c.name === 'openSampleCorpus')).toHaveLength(1);
    expect(client.calls.filter((c) => c.name === 'getArticle')).toHaveLength(1);
  });

  it('start opens the first article and clears the loading state', async () => {
    const { state } = await started();
    expect(state().booting).toBe(false);
    expect(state().opening).toBeNull();
    expect(state().article?.id).toBe('a.txt');
  });

  it('only the latest article request lands, however the responses are ordered', async () => {
    const { client, workbench, state } = await started();
    const original = client.getArticle;
    const gates: Array<() => void> = [];
    client.getArticle = (args) => new Promise<Article>((resolve) => gates.push(() => void original(args).then(resolve)));
    const first = workbench.openArticle('b.txt');
    const second = workbench.openArticle('c.txt');
    gates[1]!();
    await second;
    gates[0]!();
    await first;
    expect(state().selectedId).toBe('c.txt');
    expect(state().article?.id).toBe('c.txt');
  });

  it('a search result gives the open article its hits; an empty query clears them', async () => {
    const { workbench, state } = await started();
    await workbench.search('capacity');
    expect(state().navView).toBe('results');
    expect(visibleIds(state())).toEqual(['a.txt', 'c.txt']);
    expect(hitForArticle(state())?.matches).toHaveLength(2);
    await workbench.search('   ');
    expect(state().search).toBeNull();
    expect(state().navView).toBe('sources');
    expect(hitForArticle(state())).toBeUndefined();
  });

  it('a failing search becomes an error banner', async () => {
    const { client, workbench, state } = await started();
    client.fail.search = new ApiError('internal', 'index corrupt');
    await workbench.search('capacity');
    expect(state().banners.map((b) => [b.kind, b.message])).toEqual([['error', 'Search failed: index corrupt']]);
    expect(state().searching).toBe(false);
  });

  it('stepHit wraps around and does nothing without hits', async () => {
    const { workbench, state } = await started();
    workbench.stepHit(1);
    expect(state().activeHit).toBe(0);
    await workbench.search('capacity');
    workbench.stepHit(-1);
    expect(state().activeHit).toBe(1);
    workbench.stepHit(1);
    expect(state().activeHit).toBe(0);
  });

  it('closes the open article when the watcher reports it removed', async () => {
    const articles = [...(await import('../fakeClient')).SAMPLE_ARTICLES];
    const { client, workbench, state } = await started({ articles });
    articles.splice(0, 1);
    await workbench.onCorpusChanged({ root: state().corpus!.root, added: [], changed: [], removed: ['a.txt'] });
    expect(state().article).toBeNull();
    expect(state().corpus?.articles.map((a) => a.id)).toEqual(['b.txt', 'c.txt']);
    expect(state().banners[0]?.message).toMatch(/a\.txt was removed/);
    expect(client.calls.filter((c) => c.name === 'getCorpus')).toHaveLength(1);
  });

  it('ignores changes to a folder that is no longer open', async () => {
    const { client, workbench } = await started();
    await workbench.onCorpusChanged({ root: '/elsewhere', added: ['x.txt'], changed: [], removed: [] });
    expect(client.calls.some((c) => c.name === 'getCorpus')).toBe(false);
  });
});

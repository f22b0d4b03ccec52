import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api';
import { type Backend } from '../../../main/backend';
import { testBackend } from '../../support/backend';

const SAMPLES = resolve('resources/sample-corpus');

function makeBackend(events: Array<{ name: string; payload: unknown }> = []) {
  const userData = mkdtempSync(join(tmpdir(), 'reckon-backend-'));
  const backend = testBackend(userData, SAMPLES, { emit: (name, payload) => events.push({ name, payload }) });
  return { backend, userData };
}

describe('back end', () => {
  let backend: Backend | undefined;
  afterEach(async () => {
    await backend?.close();
    backend = undefined;
  });

  it('starts with no corpus and says so', async () => {
    ({ backend } = makeBackend());
    const state = await backend.getAppState({});
    expect(state).toMatchObject({ version: '9.9.9', canPickFolder: false, sampleCorpus: SAMPLES, recentFolders: [], corpus: null });
    await expect(backend.getCorpus({})).rejects.toMatchObject({ code: 'no-corpus' });
  });

  it('opens the sample corpus, reports progress, remembers the folder', async () => {
    const events: Array<{ name: string; payload: unknown }> = [];
    ({ backend } = makeBackend(events));
    const info = await backend.openSampleCorpus({});
    expect(info.articles).toHaveLength(5);
    expect(events.some((e) => e.name === 'indexProgress' && (e.payload as { phase: string }).phase === 'done')).toBe(true);
    expect((await backend.getAppState({})).recentFolders).toEqual([SAMPLES]);
    const article = await backend.getArticle({ id: '003_78519aec2665b739.txt' });
    expect(article.text).toContain('26,593');
    const found = await backend.search({ query: 'capacity' });
    expect(found.hits.map((h) => h.id).sort()).toEqual(['003_78519aec2665b739.txt', '004_deb5ea4405a2ed8d.txt']);
  });

  it('refuses a missing folder, a file, and article ids outside the corpus', async () => {
    ({ backend } = makeBackend());
    await expect(backend.openCorpus({ dir: '/no/such/folder' })).rejects.toBeInstanceOf(ApiError);
    await expect(backend.openCorpus({ dir: join(SAMPLES, '000_083e109e7a8c2a9d.txt') })).rejects.toMatchObject({ code: 'invalid-args' });
    const copy = mkdtempSync(join(tmpdir(), 'reckon-copy-'));
    cpSync(SAMPLES, join(copy, 'inner'), { recursive: true });
    await backend.openCorpus({ dir: join(copy, 'inner') });
    for (const id of ['../inner/000_083e109e7a8c2a9d.txt', '/etc/passwd', '..', 'nope.txt']) {
      await expect(backend.getArticle({ id })).rejects.toMatchObject({ code: 'not-found' });
    }
    rmSync(copy, { recursive: true, force: true });
  });
});

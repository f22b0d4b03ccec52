/**
 * The workbench's calls through the back end, on a copy of the sample corpus: claims and
 * their links, series and checks; annotations that survive a reload, re-anchor after an
 * edit above them and become orphans (kept, with their note) when their sentence goes.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api';
import { type Backend } from '../../../main/backend';
import { testBackend } from '../../support/backend';

const ARTICLE = '000_083e109e7a8c2a9d.txt';

function setup() {
  const userData = mkdtempSync(join(tmpdir(), 'reckon-wb-'));
  const folder = join(userData, 'articles');
  cpSync(resolve('resources/sample-corpus'), folder, { recursive: true });
  const make = (): Backend => testBackend(userData, folder);
  return { userData, folder, make };
}

describe('back end: workbench calls', () => {
  const open: Backend[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const b of open.splice(0)) await b.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('serves an article’s claims, a claim’s links and series, and the article’s checks', async () => {
    const { userData, folder, make } = setup();
    dirs.push(userData);
    const backend = make();
    open.push(backend);
    await backend.openCorpus({ dir: folder });
    const { claims } = await backend.articleClaims({ id: ARTICLE });
    const forty = claims.find((m) => m.claim.text === '40,000')!;
    expect(forty.links).toBeGreaterThanOrEqual(3);
    const links = await backend.claimLinks({ articleId: ARTICLE, start: forty.claim.start, end: forty.claim.end });
    const agreeing = links.links.filter((l) => l.relation.kind === 'agrees').map((l) => l.to.claim.text);
    expect(agreeing).toEqual(expect.arrayContaining(['over 38,990', 'some 39,000']));
    const series = await backend.quantitySeries({ quantityId: links.quantityId! });
    expect(series.points.map((p) => p.text)).toContain('21,900');
    const { checks } = await backend.articleChecks({ id: '002_131d7aa2d4a58d4a.txt' });
    expect(checks.some((c) => c.kind === 'percent-change' && c.verdict === 'consistent')).toBe(true);
    const { rows } = await backend.listClaims({});
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.filter((r) => r.discrepancy).map((r) => r.text)).toEqual(expect.arrayContaining(['almost 75%', '26']));
    await expect(backend.claimLinks({ articleId: ARTICLE, start: 0, end: 1 })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('keeps an annotation across a reload, re-anchors it after an edit above, and keeps it as an orphan when its sentence is deleted', async () => {
    const { userData, folder, make } = setup();
    dirs.push(userData);
    let backend = make();
    open.push(backend);
    await backend.openCorpus({ dir: folder });
    const article = await backend.getArticle({ id: ARTICLE });
    const start = article.text.indexOf('40,000');
    const created = await backend.createAnnotation({
      articleId: ARTICLE, start, end: start + 6, verdict: 'mostly-accurate', note: 'Prisons department figure; LICADHO says 38,990.', tags: ['prisons'], evidence: [],
    });
    expect(created.anchor.state).toBe('anchored');
    expect(created.target.quote.exact).toBe('40,000');

    // Reload: a new back end over the same user data.
    await backend.close();
    backend = make();
    open.push(backend);
    await backend.openCorpus({ dir: folder });
    let [kept] = (await backend.listAnnotations({})).annotations;
    expect(kept).toMatchObject({ id: created.id, verdict: 'mostly-accurate', note: created.note, anchor: { state: 'anchored', start, end: start + 6 } });

    // Insert a paragraph above it.
    const path = join(folder, ARTICLE);
    const original = readFileSync(path, 'utf8');
    const inserted = 'An editor’s note added after publication, above everything else.\n\n';
    writeFileSync(path, inserted + original);
    await backend.openCorpus({ dir: folder });
    [kept] = (await backend.listAnnotations({})).annotations;
    const moved = await backend.getArticle({ id: ARTICLE });
    expect(kept!.anchor.start).toBe(moved.text.indexOf('40,000'));
    expect(moved.text.slice(kept!.anchor.start, kept!.anchor.end)).toBe('40,000');

    // Delete the sentence that holds it.
    const sentence = original.slice(original.lastIndexOf('\n', original.indexOf('40,000')) + 1, original.indexOf('\n', original.indexOf('40,000')));
    writeFileSync(path, original.replace(sentence, 'The spokesman declined to give figures.'));
    await backend.openCorpus({ dir: folder });
    const { annotations } = await backend.listAnnotations({});
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatchObject({ id: created.id, note: created.note, anchor: { state: 'orphan' } });
  });

  it('edits, deletes and restores an annotation, and rejects a span outside the article', async () => {
    const { userData, folder, make } = setup();
    dirs.push(userData);
    const backend = make();
    open.push(backend);
    await backend.openCorpus({ dir: folder });
    const created = await backend.createAnnotation({ articleId: ARTICLE, start: 10, end: 20, verdict: null, note: '', tags: [], evidence: [] });
    const edited = await backend.updateAnnotation({ id: created.id, note: 'Check the date.', verdict: 'needs-context' });
    expect(edited).toMatchObject({ note: 'Check the date.', verdict: 'needs-context' });
    const deleted = await backend.deleteAnnotation({ id: created.id });
    expect((await backend.listAnnotations({})).annotations).toHaveLength(0);
    await backend.restoreAnnotation({ annotation: deleted });
    expect((await backend.listAnnotations({})).annotations.map((a) => a.note)).toEqual(['Check the date.']);
    await expect(backend.createAnnotation({ articleId: ARTICLE, start: 5, end: 10_000_000, verdict: null, note: '', tags: [], evidence: [] })).rejects.toBeInstanceOf(ApiError);
    const settings = await backend.updateSettings({ theme: 'dark', author: 'A. Checker' });
    expect(settings).toMatchObject({ theme: 'dark', author: 'A. Checker' });
    expect((await backend.getSettings({})).verdictScale).toHaveLength(6);
  });
});

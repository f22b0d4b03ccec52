import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/api';
import { DEFAULT_VERDICT_SCALE } from '../../../../shared/domain/annotation';
import { annotationOnSpan, needsReview, placedIn, verdictLabels } from '../../../../renderer/src/state/annotations';
import { createWorkbench } from '../../../../renderer/src/state/workbench';
import { CROSSCHECK_ARTICLES, createFakeClient, makeAnnotation, spanOf, type FakeOptions } from '../fakeClient';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const [RFA, VOD] = CROSSCHECK_ARTICLES as [(typeof CROSSCHECK_ARTICLES)[0], (typeof CROSSCHECK_ARTICLES)[0]];

async function started(options: FakeOptions = {}) {
  const client = createFakeClient({ articles: CROSSCHECK_ARTICLES, ...options });
  const workbench = createWorkbench(client);
  await workbench.start();
  await settle();
  return { client, workbench, state: workbench.store.get };
}

describe('annotation helpers', () => {
  const claim = spanOf(RFA, '8,018');
  const older = { ...makeAnnotation(RFA, claim, { verdict: 'accurate' }), modified: '2024-01-01T00:00:00.000Z' };
  const newer = { ...makeAnnotation(RFA, claim, { verdict: 'inaccurate' }), modified: '2024-02-01T00:00:00.000Z' };
  const wider = makeAnnotation(RFA, { ...claim, start: claim.start - 5 });
  const orphan = makeAnnotation(RFA, spanOf(RFA, '9,572'), { verdict: 'misleading' }, { state: 'orphan' });
  const changed = makeAnnotation(VOD, spanOf(VOD, 'About 40,000'), {}, { state: 'changed', start: 21, end: 33, currentQuote: 'About 41,000' });

  it('places the anchored, moved and changed annotations of an article in reading order (outer first), never orphans', () => {
    expect(placedIn([newer, orphan, wider, changed], 'rfa.txt').map((a) => a.id)).toEqual([wider.id, newer.id]);
    expect(placedIn([newer, orphan, wider, changed], 'vod.txt').map((a) => a.id)).toEqual([changed.id]);
  });

  it('finds the newest annotation on exactly a span', () => {
    expect(annotationOnSpan([older, newer, wider], claim)?.id).toBe(newer.id);
    expect(annotationOnSpan([wider], claim)).toBeUndefined();
    expect(annotationOnSpan([orphan], spanOf(RFA, '9,572'))).toBeUndefined();
  });

  it('flags orphans and changed anchors for review', () => {
    expect([older, orphan, changed].filter(needsReview).map((a) => a.id)).toEqual([orphan.id, changed.id]);
  });

  it('maps each annotated span to its newest verdict label', () => {
    const labels = verdictLabels([older, newer, orphan], DEFAULT_VERDICT_SCALE);
    expect([...labels]).toEqual([[`rfa.txt#${claim.start}-${claim.end}`, 'Inaccurate']]);
  });
});

describe('annotation actions', () => {
  it('loads the corpus’s annotations when it opens', async () => {
    const note = makeAnnotation(RFA, spanOf(RFA, '8,018'), { note: 'x' });
    const { state } = await started({ annotations: [note] });
    expect(state().annotations.map((a) => a.id)).toEqual([note.id]);
  });

  it('saves the editor’s annotation and closes it; a failure keeps it open and says why', async () => {
    const { client, workbench, state } = await started();
    const span = spanOf(RFA, 'prisoners were held');
    workbench.startAnnotation(span);
    expect(state().editor).toMatchObject({ mode: 'create', quote: 'prisoners were held' });
    client.fail.createAnnotation = new ApiError('io', 'disk full');
    expect(await workbench.saveEditor({ verdict: null, note: 'n', tags: [], evidence: [] })).toBe(false);
    expect(state().editor).not.toBeNull();
    expect(state().banners.map((b) => b.message)).toEqual(['Could not save the annotation: disk full']);
    delete client.fail.createAnnotation;
    expect(await workbench.saveEditor({ verdict: null, note: 'n', tags: [], evidence: [] })).toBe(true);
    expect(state().editor).toBeNull();
    expect(state().annotations.map((a) => [a.target.quote.exact, a.anchor.start])).toEqual([['prisoners were held', span.start]]);
  });

  it('ignores an empty span', async () => {
    const { workbench, state } = await started();
    workbench.startAnnotation({ start: 10, end: 10 });
    expect(state().editor).toBeNull();
  });

  it('undoes only the last deletion, and the undo offer can be dismissed', async () => {
    const a = makeAnnotation(RFA, spanOf(RFA, '8,018'));
    const b = makeAnnotation(RFA, spanOf(RFA, '9,572'));
    const { client, workbench, state } = await started({ annotations: [a, b] });
    await workbench.deleteAnnotation(a.id);
    await workbench.deleteAnnotation(b.id);
    expect(state().annotations).toEqual([]);
    await workbench.undoDelete();
    expect(state().annotations.map((x) => x.id)).toEqual([b.id]);
    expect(state().undo).toBeNull();
    await workbench.undoDelete();
    expect(client.calls.filter((c) => c.name === 'restoreAnnotation')).toHaveLength(1);

    await workbench.deleteAnnotation(b.id);
    const offer = state().undo!.id;
    workbench.dismissUndo(offer - 1); // an old toast's timer does not dismiss a newer offer
    expect(state().undo).not.toBeNull();
    workbench.dismissUndo(offer);
    expect(state().undo).toBeNull();
  });

  it('a deletion that fails keeps the annotation', async () => {
    const a = makeAnnotation(RFA, spanOf(RFA, '8,018'));
    const { client, workbench, state } = await started({ annotations: [a] });
    client.fail.deleteAnnotation = new ApiError('io', 'locked');
    await workbench.deleteAnnotation(a.id);
    expect(state().annotations).toHaveLength(1);
    expect(state().undo).toBeNull();
  });

  it('verdict keys act on the selected claim only, and only on steps of the scale', async () => {
    const { client, workbench, state } = await started({
      settings: { verdictScale: [{ id: 'true', label: 'True', rating: 2 }, { id: 'false', label: 'False', rating: 1 }] },
    });
    await settle();
    await workbench.setClaimVerdict(1);
    expect(client.annotations).toHaveLength(0);
    workbench.selectClaim(spanOf(RFA, '8,018'));
    await workbench.setClaimVerdict(3);
    expect(client.annotations).toHaveLength(0);
    await workbench.setClaimVerdict(2);
    expect(client.annotations.map((a) => a.verdict)).toEqual(['false']);
    await workbench.setClaimVerdict(2);
    expect(client.calls.filter((c) => c.name === 'updateAnnotation')).toHaveLength(0);
    expect(state().annotations).toHaveLength(1);
  });
});

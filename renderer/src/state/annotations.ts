/**
 * Annotations: the corpus's list (anchored in the current texts), the editor, create /
 * update / delete with undo, and the claim shortcuts (1–9 set a verdict, e edits the
 * note) that create the annotation on the claim's span when there is none yet.
 */
import type { AnchoredAnnotation, Annotation, AnnotationBody, VerdictOption } from '../../../shared/domain/annotation';
import { claimKey, type ClaimRef } from '../../../shared/domain/crosscheck';
import type { ActionContext, WorkbenchState } from './workbench';

/** What the annotation editor is open on. `focus` says which field gets the keyboard first. */
export type EditorState =
  | { mode: 'create'; articleId: string; start: number; end: number; quote: string; focus: EditorFocus }
  | { mode: 'edit'; id: string; focus: EditorFocus };
export type EditorFocus = 'verdict' | 'note';

/** The last deletion, offered for undo until the next one or until dismissed. */
export interface UndoState {
  id: number;
  annotation: Annotation;
  message: string;
}

/** An annotation that has a place in its article's current text. */
export type PlacedAnnotation = AnchoredAnnotation & { anchor: { start: number; end: number } };

export const isPlaced = (a: AnchoredAnnotation): a is PlacedAnnotation =>
  a.anchor.state !== 'orphan' && a.anchor.start !== undefined && a.anchor.end !== undefined;

/** The annotations shown in an article, in reading order. */
export function placedIn(annotations: readonly AnchoredAnnotation[], articleId: string): PlacedAnnotation[] {
  return annotations
    .filter((a): a is PlacedAnnotation => a.target.articleId === articleId && isPlaced(a))
    .sort((a, b) => a.anchor.start - b.anchor.start || b.anchor.end - a.anchor.end);
}

/** The annotation on exactly this span (the most recently modified one, if several). */
export function annotationOnSpan(annotations: readonly AnchoredAnnotation[], ref: ClaimRef): PlacedAnnotation | undefined {
  let found: PlacedAnnotation | undefined;
  for (const a of annotations) {
    if (a.target.articleId !== ref.articleId || !isPlaced(a) || a.anchor.start !== ref.start || a.anchor.end !== ref.end) continue;
    if (!found || a.modified > found.modified) found = a;
  }
  return found;
}

/** Annotations that need the user's eye: orphans, and those whose figure changed. */
export const needsReview = (a: AnchoredAnnotation): boolean => a.anchor.state === 'orphan' || a.anchor.state === 'changed';

export function verdictOption(scale: readonly VerdictOption[], id: string | null | undefined): VerdictOption | undefined {
  return id ? scale.find((option) => option.id === id) : undefined;
}

/** claimKey of each annotated span → its verdict's label (what the claims table shows). */
export function verdictLabels(annotations: readonly AnchoredAnnotation[], scale: readonly VerdictOption[]): Map<string, string> {
  const labels = new Map<string, string>();
  const newestFirst = [...annotations].filter(isPlaced).sort((a, b) => b.modified.localeCompare(a.modified));
  for (const a of newestFirst) {
    const label = verdictOption(scale, a.verdict)?.label;
    const key = claimKey({ articleId: a.target.articleId, start: a.anchor.start, end: a.anchor.end });
    if (label && !labels.has(key)) labels.set(key, label);
  }
  return labels;
}

const EMPTY_BODY: AnnotationBody = { verdict: null, note: '', tags: [], evidence: [] };

export function createAnnotationActions(ctx: ActionContext) {
  const { client, store } = ctx;
  const { get, update } = store;
  let undoId = 0;
  let listRequest = 0;

  const replace = (saved: AnchoredAnnotation) =>
    update((s) => ({ annotations: s.annotations.some((a) => a.id === saved.id) ? s.annotations.map((a) => (a.id === saved.id ? saved : a)) : [...s.annotations, saved] }));

  async function loadAnnotations(): Promise<void> {
    const mine = ++listRequest;
    try {
      const { annotations, recoveredFrom } = await client.listAnnotations({});
      if (mine !== listRequest) return;
      update({ annotations });
      if (recoveredFrom) {
        ctx.addBanner('notice', `The annotations file could not be read; the damaged file was kept as ${recoveredFrom}. Annotations saved since then are shown.`);
      }
    } catch (err) {
      if (mine === listRequest) ctx.reportError(err, 'Could not load the annotations');
    }
  }

  /** The claim the shortcuts act on, with the text it covers. */
  function selectedClaimSpan(state: WorkbenchState): (ClaimRef & { quote: string }) | null {
    const ref = state.activeClaim;
    if (!ref || !state.article || state.article.id !== ref.articleId) return null;
    return { ...ref, quote: state.article.text.slice(ref.start, ref.end) };
  }

  async function create(draft: { articleId: string; start: number; end: number }, body: AnnotationBody): Promise<AnchoredAnnotation | null> {
    try {
      // Only the span: the contract's draft is strict, and the back end takes the quote from its own text.
      const saved = await client.createAnnotation({ articleId: draft.articleId, start: draft.start, end: draft.end, ...body });
      replace(saved);
      return saved;
    } catch (err) {
      ctx.reportError(err, 'Could not save the annotation');
      return null;
    }
  }

  async function patch(id: string, body: Partial<AnnotationBody>): Promise<AnchoredAnnotation | null> {
    try {
      const saved = await client.updateAnnotation({ id, ...body });
      replace(saved);
      return saved;
    } catch (err) {
      ctx.reportError(err, 'Could not save the annotation');
      return null;
    }
  }

  return {
    loadAnnotations,

    /** Open the editor on a new span of the open article. */
    startAnnotation(span: { start: number; end: number }, focus: EditorFocus = 'verdict') {
      const article = get().article;
      if (!article || span.end <= span.start) return;
      update({ editor: { mode: 'create', articleId: article.id, start: span.start, end: span.end, quote: article.text.slice(span.start, span.end), focus } });
    },

    editAnnotation(id: string, focus: EditorFocus = 'note') {
      update({ editor: { mode: 'edit', id, focus } });
    },

    closeEditor() {
      update({ editor: null });
    },

    /** Save the editor's annotation; the editor closes once the back end has it. */
    async saveEditor(body: AnnotationBody): Promise<boolean> {
      const editor = get().editor;
      if (!editor) return false;
      const saved = editor.mode === 'create' ? await create(editor, body) : await patch(editor.id, body);
      if (saved && get().editor === editor) update({ editor: null });
      return Boolean(saved);
    },

    async deleteAnnotation(id: string): Promise<void> {
      try {
        const annotation = await client.deleteAnnotation({ id });
        const quote = annotation.target.quote.exact;
        update((s) => ({
          annotations: s.annotations.filter((a) => a.id !== id),
          editor: s.editor?.mode === 'edit' && s.editor.id === id ? null : s.editor,
          undo: { id: ++undoId, annotation, message: `Annotation on “${quote.length > 40 ? `${quote.slice(0, 39)}…` : quote}” deleted.` },
        }));
      } catch (err) {
        ctx.reportError(err, 'Could not delete the annotation');
      }
    },

    /** Put back the last deleted annotation (the toast's Undo). */
    async undoDelete(): Promise<void> {
      const undo = get().undo;
      if (!undo) return;
      update({ undo: null });
      try {
        replace(await client.restoreAnnotation({ annotation: undo.annotation }));
      } catch (err) {
        ctx.reportError(err, 'Could not restore the annotation');
      }
    },

    dismissUndo(id?: number) {
      if (id === undefined || get().undo?.id === id) update({ undo: null });
    },

    /** Keys 1–9: give the selected claim the n-th verdict of the scale (1 = first). */
    async setClaimVerdict(n: number): Promise<void> {
      const state = get();
      const span = selectedClaimSpan(state);
      const option = state.settings.verdictScale[n - 1];
      if (!span || !option) return;
      const existing = annotationOnSpan(state.annotations, span);
      if (existing) {
        if (existing.verdict !== option.id) await patch(existing.id, { verdict: option.id });
      } else {
        await create(span, { ...EMPTY_BODY, verdict: option.id });
      }
    },

    /** e: edit the selected claim's note (a new annotation on the claim's span if it has none). */
    editClaimNote() {
      const state = get();
      const span = selectedClaimSpan(state);
      if (!span) return;
      const existing = annotationOnSpan(state.annotations, span);
      update({ editor: existing ? { mode: 'edit', id: existing.id, focus: 'note' } : { mode: 'create', ...span, focus: 'note' } });
    },
  };
}

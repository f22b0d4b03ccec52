import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { AnchoredAnnotation, Evidence } from '../../../../shared/domain/annotation';
import type { ClaimRef } from '../../../../shared/domain/crosscheck';
import { relationLabel, shorten } from '../../../../shared/claims/describe';
import { useActions, useWorkbench } from '../../state/context';
import type { EditorState } from '../../state/annotations';
import { sameRef } from '../../state/claims';
import { Dialog } from '../common/Dialog';
import { EvidenceLabel } from './AnnotationBodyView';

/** The annotation editor, open while the workbench has an editor state (a new span, or an annotation to edit). */
export function AnnotationEditor() {
  const editor = useWorkbench((s) => s.editor);
  const annotations = useWorkbench((s) => s.annotations);
  if (!editor) return null;
  const annotation = editor.mode === 'edit' ? annotations.find((a) => a.id === editor.id) : undefined;
  // An annotation deleted elsewhere while its editor was open: nothing left to edit.
  if (editor.mode === 'edit' && !annotation) return null;
  const key = editor.mode === 'edit' ? editor.id : `${editor.articleId}#${editor.start}-${editor.end}`;
  return <EditorDialog key={key} editor={editor} annotation={annotation} />;
}

const MAX_TAG = 64;

/** "drugs, prisons,  drugs" → ["drugs", "prisons"]. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(',')
    .map((tag) => tag.trim().slice(0, MAX_TAG))
    .filter(Boolean);
  return [...new Set(tags)];
}

const sameEvidence = (a: Evidence, b: Evidence): boolean =>
  a.kind === b.kind &&
  (a.kind === 'claim'
    ? sameRef(a.ref, (b as Extract<Evidence, { kind: 'claim' }>).ref)
    : a.kind === 'article'
      ? a.articleId === (b as Extract<Evidence, { kind: 'article' }>).articleId
      : a.url === (b as Extract<Evidence, { kind: 'url' }>).url);

function EditorDialog({ editor, annotation }: { editor: EditorState; annotation: AnchoredAnnotation | undefined }) {
  const actions = useActions();
  const scale = useWorkbench((s) => s.settings.verdictScale);
  const inspector = useWorkbench((s) => s.inspector);
  const articles = useWorkbench((s) => s.corpus?.articles);
  const [verdict, setVerdict] = useState<string | null>(annotation?.verdict ?? null);
  const [note, setNote] = useState(annotation?.note ?? '');
  const [tags, setTags] = useState(annotation?.tags.join(', ') ?? '');
  const [evidence, setEvidence] = useState<Evidence[]>(annotation?.evidence ?? []);
  const [articleChoice, setArticleChoice] = useState('');
  const [url, setUrl] = useState('');
  const [saving, setSaving] = useState(false);

  const span: ClaimRef | null =
    editor.mode === 'create'
      ? { articleId: editor.articleId, start: editor.start, end: editor.end }
      : annotation?.anchor.start !== undefined && annotation.anchor.end !== undefined
        ? { articleId: annotation.target.articleId, start: annotation.anchor.start, end: annotation.anchor.end }
        : null;
  const quote = editor.mode === 'create' ? editor.quote : (annotation?.anchor.currentQuote ?? annotation?.target.quote.exact ?? '');
  // The figures linked to this span, when it is the claim the inspector shows: the natural evidence.
  const suggestions = inspector?.links && sameRef(inspector.ref, span) ? inspector.links.links : [];
  const has = (item: Evidence) => evidence.some((e) => sameEvidence(e, item));
  const toggle = (item: Evidence) => setEvidence((list) => (list.some((e) => sameEvidence(e, item)) ? list.filter((e) => !sameEvidence(e, item)) : [...list, item]));
  const add = (item: Evidence) => setEvidence((list) => (list.some((e) => sameEvidence(e, item)) ? list : [...list, item]));

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (saving) return;
    setSaving(true);
    const saved = await actions.saveEditor({ verdict, note, tags: parseTags(tags), evidence });
    if (!saved) setSaving(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit(event);
  };

  return (
    <Dialog
      title={editor.mode === 'create' ? 'Annotate' : 'Edit annotation'}
      onClose={() => actions.closeEditor()}
      initialFocus={editor.focus === 'note' ? '#annotation-note' : 'input[name="verdict"]:checked'}
      className="annotation-editor"
      testId="annotation-editor"
    >
      <blockquote className="editor-quote">“{quote}”</blockquote>
      {annotation?.anchor.state === 'changed' && (
        <p className="details-note">
          Annotated as “{annotation.target.quote.exact}”; the text now reads “{annotation.anchor.currentQuote}”.
        </p>
      )}
      <form className="editor-form" onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown}>
        <fieldset className="editor-verdicts">
          <legend className="field-label">Verdict</legend>
          <label className="verdict-choice">
            <input type="radio" name="verdict" checked={verdict === null} onChange={() => setVerdict(null)} />
            No verdict
          </label>
          {scale.map((option, index) => (
            <label key={option.id} className={`verdict-choice verdict-${option.id}`}>
              <input type="radio" name="verdict" value={option.id} checked={verdict === option.id} onChange={() => setVerdict(option.id)} />
              {index < 9 && <kbd aria-hidden="true">{index + 1}</kbd>} {option.label}
            </label>
          ))}
        </fieldset>

        <label className="field-label" htmlFor="annotation-note">
          Note
        </label>
        <textarea id="annotation-note" className="text-area" rows={4} value={note} maxLength={20_000} onChange={(event) => setNote(event.target.value)} />

        <label className="field-label" htmlFor="annotation-tags">
          Tags <span className="field-hint">(separated by commas)</span>
        </label>
        <input id="annotation-tags" className="text-input" type="text" value={tags} autoComplete="off" onChange={(event) => setTags(event.target.value)} />

        <fieldset className="editor-evidence">
          <legend className="field-label">Evidence</legend>
          {suggestions.length > 0 && (
            <div className="evidence-suggestions" role="group" aria-label="Linked claims">
              {suggestions.map((link) => {
                const item: Evidence = { kind: 'claim', ref: link.to.ref };
                return (
                  <label key={`${link.to.ref.articleId}#${link.to.ref.start}`} className="evidence-choice">
                    <input type="checkbox" checked={has(item)} onChange={() => toggle(item)} />
                    <span>
                      “{link.to.claim.text}” in {shorten(link.to.articleTitle, 40)} <span className="muted">({relationLabel(link.relation)})</span>
                    </span>
                  </label>
                );
              })}
            </div>
          )}
          <div className="field-row">
            <select aria-label="Article to add as evidence" className="text-input" value={articleChoice} onChange={(event) => setArticleChoice(event.target.value)}>
              <option value="">An article…</option>
              {articles?.map((article) => (
                <option key={article.id} value={article.id}>
                  {shorten(article.title, 60)}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button"
              disabled={!articleChoice}
              onClick={() => {
                add({ kind: 'article', articleId: articleChoice });
                setArticleChoice('');
              }}
            >
              Add article
            </button>
          </div>
          <div className="field-row">
            <input
              aria-label="Address to add as evidence"
              className="text-input"
              type="text"
              placeholder="An address (https://…) or reference"
              value={url}
              maxLength={2048}
              onChange={(event) => setUrl(event.target.value)}
            />
            <button
              type="button"
              className="button"
              disabled={!url.trim()}
              onClick={() => {
                add({ kind: 'url', url: url.trim() });
                setUrl('');
              }}
            >
              Add address
            </button>
          </div>
          {evidence.length > 0 && (
            <ul className="evidence-list" aria-label="Evidence attached">
              {evidence.map((item, index) => (
                <li key={index} className="evidence-item">
                  <EvidenceLabel evidence={item} interactive={false} />
                  <button type="button" className="icon-button" aria-label="Remove this evidence" onClick={() => setEvidence((list) => list.filter((_, i) => i !== index))}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
        </fieldset>

        <div className="dialog-actions">
          {editor.mode === 'edit' && (
            <button type="button" className="button button-danger" onClick={() => void actions.deleteAnnotation(editor.id)}>
              Delete
            </button>
          )}
          <span className="dialog-spacer" />
          <button type="button" className="button" onClick={() => actions.closeEditor()}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={saving} title="Save (Ctrl+Enter)">
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}

import type { AnchoredAnnotation, Evidence } from '../../../../shared/domain/annotation';
import { useActions, useWorkbench } from '../../state/context';
import { verdictOption } from '../../state/annotations';
import { shorten } from '../../../../shared/claims/describe';

/** An annotation's verdict, note, tags and evidence, read-only (the inspector, the orphans list). */
export function AnnotationBodyView({ annotation, showVerdict = true }: { annotation: AnchoredAnnotation; showVerdict?: boolean }) {
  const scale = useWorkbench((s) => s.settings.verdictScale);
  const verdict = verdictOption(scale, annotation.verdict);
  return (
    <div className="annotation-body" data-testid="annotation-body">
      {showVerdict && verdict && <span className={`verdict-badge verdict-${verdict.id}`}>{verdict.label}</span>}
      {annotation.note ? <p className="annotation-note">{annotation.note}</p> : <p className="annotation-note muted">No note.</p>}
      {annotation.tags.length > 0 && (
        <ul className="tag-list" aria-label="Tags">
          {annotation.tags.map((tag) => (
            <li key={tag} className="tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
      {annotation.evidence.length > 0 && (
        <ul className="evidence-list" aria-label="Evidence">
          {annotation.evidence.map((evidence, index) => (
            <li key={index}>
              <EvidenceLabel evidence={evidence} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * A piece of evidence as a link into the corpus (claims, articles) or the address as text
 * (nothing is fetched). Not `interactive` inside the editor, where following it would lose the edit.
 */
export function EvidenceLabel({ evidence, interactive = true }: { evidence: Evidence; interactive?: boolean }) {
  const actions = useActions();
  const articles = useWorkbench((s) => s.corpus?.articles);
  const links = useWorkbench((s) => s.inspector?.links);
  if (evidence.kind === 'url') {
    return (
      <span className="evidence evidence-url mono break" title="An outside address (not opened: Reckon works offline)">
        {evidence.url}
      </span>
    );
  }
  const articleId = evidence.kind === 'claim' ? evidence.ref.articleId : evidence.articleId;
  const title = articles?.find((a) => a.id === articleId)?.title ?? articleId;
  // The figure's words when the inspector has them (the usual case: evidence picked from the links).
  const figure =
    evidence.kind === 'claim'
      ? links?.links.find((l) => l.to.ref.articleId === articleId && l.to.ref.start === evidence.ref.start && l.to.ref.end === evidence.ref.end)?.to.claim.text
      : undefined;
  const label = evidence.kind === 'claim' ? `${figure ? `“${figure}”` : 'Figure'} in ${shorten(title, 40)}` : `Article: ${shorten(title, 40)}`;
  if (!interactive) return <span className="evidence">{label}</span>;
  return (
    <button
      type="button"
      className="link-button evidence"
      onClick={() => (evidence.kind === 'claim' ? actions.openClaim(evidence.ref) : void actions.openArticle(evidence.articleId))}
    >
      {label}
    </button>
  );
}

import { useMemo } from 'react';
import { describeDateSource, formatBytes, formatCount, formatDate, plural } from '../../format';
import { placedIn, verdictOption } from '../../state/annotations';
import { claimsOfOpenArticle } from '../../state/claims';
import { useActions, useWorkbench } from '../../state/context';
import { hitForArticle } from '../../state/workbench';
import { DetailsRow as Row } from '../common/DetailsRow';

/**
 * The right-hand panel while no claim is selected: facts about the open article, its
 * annotations, and the folder. Selecting a claim puts the claim inspector in this slot.
 */
export function DetailsPanel() {
  return (
    <>
      <ArticleDetails />
      <ArticleAnnotations />
      <CorpusDetails />
    </>
  );
}

function ArticleDetails() {
  const article = useWorkbench((s) => s.article);
  const hit = useWorkbench(hitForArticle);
  const query = useWorkbench((s) => s.search?.query);
  const claims = useWorkbench(claimsOfOpenArticle);
  const checks = useWorkbench((s) => s.checks);
  const claimsLoaded = useWorkbench((s) => s.article !== null && s.claimsFor === s.article.id);
  if (!article) return null;
  const flagged = claims.filter((m) => m.discrepancy).length;
  const inconsistent = checks.filter((c) => c.verdict === 'inconsistent').length;
  return (
    <section className="details-section" aria-labelledby="details-article">
      <h2 className="details-heading" id="details-article">
        Article
      </h2>
      <dl className="details-list">
        <Row label="File">
          <span className="mono break">{article.id}</span>
        </Row>
        <Row label="Format">{article.format.toUpperCase()}</Row>
        <Row label="Size">{formatBytes(article.bytes)}</Row>
        <Row label="Characters">{formatCount(article.chars)}</Row>
        <Row label="Date">
          {formatDate(article.date)}
          <span className="details-note">{describeDateSource(article.date)}</span>
        </Row>
        <Row label="SHA-256">
          <span className="mono" title={article.hash}>
            {article.hash.slice(0, 12)}…
          </span>
        </Row>
        <Row label="Claims">
          {claimsLoaded ? (
            <>
              {formatCount(claims.length)}
              {flagged > 0 && ` (⚑ ${flagged} flagged)`}
              <span className="details-note">
                {plural(checks.length, 'calculation')} checked{inconsistent > 0 ? `, ${inconsistent} not adding up` : ''}
                {claims.length > 0 && (
                  <>
                    {' '}
                    · press <kbd>n</kbd> for the first claim
                  </>
                )}
              </span>
            </>
          ) : (
            <span className="muted">finding…</span>
          )}
        </Row>
        {query !== undefined && (
          <Row label="Search hits">
            {plural(hit?.matches.length ?? 0, 'hit')} for “{query}”{hit?.titleMatch ? ' (and the title)' : ''}
          </Row>
        )}
      </dl>
    </section>
  );
}

/** The open article's annotations in reading order; one opens in the editor, or is brought into view. */
function ArticleAnnotations() {
  const actions = useActions();
  const articleId = useWorkbench((s) => s.article?.id);
  const annotations = useWorkbench((s) => s.annotations);
  const scale = useWorkbench((s) => s.settings.verdictScale);
  const notes = useMemo(() => (articleId ? placedIn(annotations, articleId) : []), [annotations, articleId]);
  if (!articleId) return null;
  return (
    <section className="details-section" aria-labelledby="details-annotations">
      <h2 className="details-heading" id="details-annotations">
        Annotations
      </h2>
      {notes.length === 0 ? (
        <p className="muted">None yet. Select text in the article to annotate it, or press a number key on a selected claim.</p>
      ) : (
        <ul className="annotation-list" aria-label="Annotations in this article">
          {notes.map((note) => {
            const verdict = verdictOption(scale, note.verdict);
            return (
              <li key={note.id} className="annotation-list-item" data-testid="article-annotation">
                <button type="button" className="link-button annotation-quote" title="Show in the text" onClick={() => actions.showAnnotation(note.id)}>
                  “{note.anchor.currentQuote ?? note.target.quote.exact}”
                </button>
                {verdict && <span className={`verdict-badge verdict-${verdict.id}`}>{verdict.label}</span>}
                {note.note && <span className="annotation-list-note">{note.note}</span>}
                <button type="button" className="button button-small" onClick={() => actions.editAnnotation(note.id)}>
                  Edit
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function CorpusDetails() {
  const corpus = useWorkbench((s) => s.corpus);
  if (!corpus) return null;
  const { stats } = corpus;
  return (
    <section className="details-section" aria-labelledby="details-corpus">
      <h2 className="details-heading" id="details-corpus">
        Folder
      </h2>
      <dl className="details-list">
        <Row label="Path">
          <span className="mono break">{corpus.root}</span>
        </Row>
        <Row label="Articles">{formatCount(corpus.articles.length)}</Row>
        <Row label="Skipped">{formatCount(corpus.errors.length)}</Row>
        <Row label="Last index">
          {plural(stats.files, 'file')}, {formatCount(stats.fromCache)} from cache, {Math.round(stats.ms)} ms
        </Row>
      </dl>
    </section>
  );
}

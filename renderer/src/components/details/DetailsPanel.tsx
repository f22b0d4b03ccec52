import type { ReactNode } from 'react';
import { describeDateSource, formatBytes, formatCount, formatDate, plural } from '../../format';
import { useWorkbench } from '../../state/context';
import { hitForArticle } from '../../state/workbench';

/**
 * The right-hand panel's default content: facts about the open article and the folder.
 * Later issues put the claim inspector in this slot (see Workbench's `aside`).
 */
export function DetailsPanel() {
  return (
    <>
      <ArticleDetails />
      <CorpusDetails />
    </>
  );
}

function ArticleDetails() {
  const article = useWorkbench((s) => s.article);
  const hit = useWorkbench(hitForArticle);
  const query = useWorkbench((s) => s.search?.query);
  if (!article) return null;
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
        {query !== undefined && (
          <Row label="Search hits">
            {plural(hit?.matches.length ?? 0, 'hit')} for “{query}”{hit?.titleMatch ? ' (and the title)' : ''}
          </Row>
        )}
      </dl>
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

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="details-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

import { useEffect, useRef } from 'react';
import type { ArticleSummary } from '../../../../shared/domain/article';
import { describeDateSource, formatDate } from '../../format';
import { useWorkbench } from '../../state/context';
import { ArticleListItem } from './ArticleListItem';
import { moveListFocus } from './listFocus';

/** One item per article: title, publisher, date. The open article is highlighted and kept in view. */
export function SourcesList() {
  const articles = useWorkbench((s) => s.corpus?.articles);
  const selectedId = useWorkbench((s) => s.selectedId);
  const hits = useWorkbench((s) => s.search?.hits);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    list.current?.querySelector('[aria-current="true"]')?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedId]);

  if (!articles || articles.length === 0) return null;
  const hitCounts = new Map(hits?.map((hit) => [hit.id, hit.matches.length]));

  return (
    <ul className="item-list" aria-label="Articles" ref={list} onKeyDown={(event) => moveListFocus(event)}>
      {articles.map((article) => (
        <SourceItem key={article.id} article={article} selected={article.id === selectedId} hitCount={hits ? (hitCounts.get(article.id) ?? 0) : undefined} />
      ))}
    </ul>
  );
}

function SourceItem({ article, selected, hitCount }: { article: ArticleSummary; selected: boolean; hitCount?: number }) {
  return (
    <ArticleListItem id={article.id} selected={selected} testId="source-item" className="source-item" title={article.id}>
      <span className="source-title" data-testid="source-title">
        {article.title}
      </span>
      <span className="source-meta">
        <span className="source-publisher">{article.publisher ?? <span className="muted">Unknown publisher</span>}</span>
        <ArticleDateLabel article={article} />
      </span>
      {hitCount !== undefined && hitCount > 0 && (
        <span className="hit-count" aria-label={`${hitCount} search hits`}>
          {hitCount}
        </span>
      )}
    </ArticleListItem>
  );
}

/** The article's date; one taken from the file's modification time is marked as such. */
export function ArticleDateLabel({ article }: { article: ArticleSummary }) {
  return (
    <span className="article-date" title={describeDateSource(article.date)}>
      <time dateTime={article.date.iso}>{formatDate(article.date)}</time>
      {article.date.source === 'mtime' && <span className="date-source"> · file date</span>}
      {article.date.yearInferred && <span className="date-source"> · year not stated</span>}
    </span>
  );
}

import { useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { Article } from '../../../../shared/domain/article';
import type { TextSpan } from '../../text/spans';
import { useWorkbench } from '../../state/context';
import { hitForArticle } from '../../state/workbench';
import { ArticleDateLabel } from '../nav/SourcesList';
import { SpannedText, type ParagraphProps } from './SpannedText';
import { paragraphRanges } from '../../text/spans';

type HitSpan = TextSpan<'hit'>;

/** The article: title, publisher/byline and date, then its text with search hits marked. */
export function ArticleView({ article }: { article: Article }) {
  const hit = useWorkbench(hitForArticle);
  const activeHit = useWorkbench((s) => s.activeHit);
  const container = useRef<HTMLElement>(null);

  // Hits in reading order, numbered so "hit 2 of 5" and the marks agree.
  const spans = useMemo<HitSpan[]>(
    () =>
      [...(hit?.matches ?? [])]
        .sort((a, b) => a.start - b.start || a.end - b.end)
        .map((match, index) => ({ start: match.start, end: match.end, kind: 'hit', index })),
    [hit],
  );

  const renderSpan = useCallback(
    (span: HitSpan, children: ReactNode) => (
      <mark
        data-hit=""
        data-hit-index={span.index}
        className={span.index === activeHit ? 'hit is-active' : 'hit'}
        aria-current={span.index === activeHit ? 'true' : undefined}
      >
        {children}
      </mark>
    ),
    [activeHit],
  );

  // Most articles open with their headline. Then the text's own first paragraph is shown as
  // the headline (it may carry hits and, later, claims) rather than repeating the title above it.
  const headlineInText = useMemo(() => {
    const first = paragraphRanges(article.text)[0];
    return first !== undefined && sameWords(article.text.slice(first.start, first.end), article.title);
  }, [article]);
  const paragraphProps = useCallback(
    (_paragraph: unknown, index: number): ParagraphProps | undefined =>
      headlineInText && index === 0
        ? { className: 'reader-headline', role: 'heading', 'aria-level': 1, id: 'reader-title', 'data-testid': 'reader-title' }
        : undefined,
    [headlineInText],
  );

  // Bring the active hit into view; with no hits, start at the top of a newly opened article.
  useEffect(() => {
    const mark = container.current?.querySelector(`mark[data-hit-index="${activeHit}"]`);
    if (mark) mark.scrollIntoView?.({ block: 'center' });
    else container.current?.closest('.reader-scroll')?.scrollTo?.({ top: 0 });
  }, [article, spans, activeHit]);

  return (
    <article className="reader-article" data-testid="reader" data-id={article.id} aria-labelledby="reader-title" ref={container}>
      <header className="reader-head">
        <p className="reader-byline">
          {article.publisher && <span className="reader-publisher">{article.publisher}</span>}
          {article.byline && article.byline !== article.publisher && <span className="reader-author">{article.byline}</span>}
          <ArticleDateLabel article={article} />
        </p>
        {!headlineInText && (
          <h1 className="reader-title" id="reader-title" data-testid="reader-title">
            {article.title}
          </h1>
        )}
      </header>
      <div className="reader-text" lang="en">
        <SpannedText text={article.text} spans={spans} renderSpan={renderSpan} paragraphProps={paragraphProps} />
      </div>
    </article>
  );
}

/** Same words, ignoring case, spacing, closing punctuation and Markdown emphasis/heading marks. */
function sameWords(a: string, b: string): boolean {
  const words = (s: string) =>
    s
      .replace(/[#*_]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[.:;,!?]+$/, '')
      .toLowerCase();
  return words(a) === words(b);
}

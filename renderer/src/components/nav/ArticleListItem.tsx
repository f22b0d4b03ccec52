import type { ReactNode } from 'react';
import { useActions } from '../../state/context';

/** One row of an article list (sources, search results): a button that opens the article, arrow-key navigable. */
export function ArticleListItem({
  id,
  selected,
  testId,
  className,
  title,
  children,
}: {
  id: string;
  selected: boolean;
  testId: string;
  className: string;
  title?: string;
  children: ReactNode;
}) {
  const actions = useActions();
  return (
    <li>
      <button
        type="button"
        data-testid={testId}
        data-list-item
        data-id={id}
        className={`list-item ${className}`}
        aria-current={selected ? 'true' : undefined}
        title={title}
        onClick={() => void actions.openArticle(id)}
      >
        {children}
      </button>
    </li>
  );
}

import { useWorkbench } from '../../state/context';
import { plural } from '../../format';

/** A short list is shown open; a long one starts collapsed so it does not push the articles away. */
const OPEN_UP_TO = 5;

/** "N files skipped": each unreadable file with its reason. */
export function SkippedFiles() {
  const errors = useWorkbench((s) => s.corpus?.errors);
  const noArticles = useWorkbench((s) => s.corpus?.articles.length === 0);
  if (!errors || errors.length === 0) return null;
  return (
    <details className="skipped-files" open={noArticles || errors.length <= OPEN_UP_TO || undefined}>
      <summary>
        <span className="skipped-count">{plural(errors.length, 'file')} skipped</span>
      </summary>
      <ul className="skipped-list" aria-label="Skipped files">
        {errors.map((error) => (
          <li key={error.path} data-testid="file-error" className="file-error" data-code={error.code}>
            <span className="file-error-path">{error.path}</span>
            <span className="file-error-reason">{error.reason}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

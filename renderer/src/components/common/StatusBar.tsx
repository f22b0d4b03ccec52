import { formatCount, plural } from '../../format';
import { useWorkbench } from '../../state/context';

/** Bottom line: folder counts on the left, keyboard shortcuts and version on the right. */
export function StatusBar() {
  const corpus = useWorkbench((s) => s.corpus);
  const version = useWorkbench((s) => s.app?.version);
  return (
    <footer className="status-bar" role="contentinfo">
      <span className="status-text">
        {corpus
          ? `${plural(corpus.articles.length, 'article')} · ${formatCount(corpus.errors.length)} skipped · indexed in ${Math.round(corpus.stats.ms)} ms`
          : 'No folder open'}
      </span>
      <span className="status-keys" aria-label="Keyboard shortcuts">
        <kbd>/</kbd> search <kbd>j</kbd> <kbd>k</kbd> articles <kbd>n</kbd> <kbd>p</kbd> claims <kbd>]</kbd> <kbd>[</kbd> hits <kbd>?</kbd> all keys
      </span>
      {version && <span className="status-version">Reckon {version}</span>}
    </footer>
  );
}

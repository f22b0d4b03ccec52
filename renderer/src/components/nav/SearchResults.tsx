import type { SearchHit, Snippet } from '../../../../shared/domain/corpus';
import { plural } from '../../format';
import { useWorkbench } from '../../state/context';
import { ArticleListItem } from './ArticleListItem';
import { moveListFocus } from './listFocus';

const RESULTS_ID = 'search-results';

/** Focus the first search result (ArrowDown from the search box). Returns false when there is none. */
export function focusFirstResult(): boolean {
  const first = document.querySelector<HTMLElement>(`#${RESULTS_ID} [data-list-item]`);
  first?.focus();
  return Boolean(first);
}

/** Search results: count and time, then each article's title and snippets with the matched terms marked. */
export function SearchResults() {
  const search = useWorkbench((s) => s.search);
  const searching = useWorkbench((s) => s.searching);
  const selectedId = useWorkbench((s) => s.selectedId);
  if (!search) return null;

  return (
    <div className="search-results" aria-busy={searching}>
      <p className="list-caption" role="status">
        {search.error ? 'Query not understood' : `${plural(search.hits.length, 'result')} · ${Math.round(search.ms)} ms`}
      </p>
      {search.error && (
        <p className="inline-error" role="alert">
          {search.error}
        </p>
      )}
      {!search.error && search.hits.length === 0 && <p className="list-empty">No article matches “{search.query}”.</p>}
      <ul id={RESULTS_ID} className="item-list" aria-label="Search results" onKeyDown={(event) => moveListFocus(event)}>
        {search.hits.map((hit) => (
          <ResultItem key={hit.id} hit={hit} selected={hit.id === selectedId} />
        ))}
      </ul>
    </div>
  );
}

const SNIPPETS_SHOWN = 2;

function ResultItem({ hit, selected }: { hit: SearchHit; selected: boolean }) {
  return (
    <ArticleListItem id={hit.id} selected={selected} testId="search-result" className="result-item">
      <span className="result-head">
        <span className="source-title">{hit.title}</span>
        <span className="hit-count" aria-label={`${hit.matches.length} matches`}>
          {hit.matches.length}
        </span>
      </span>
      {hit.snippets.slice(0, SNIPPETS_SHOWN).map((snippet) => (
        <SnippetText key={snippet.offset} snippet={snippet} />
      ))}
    </ArticleListItem>
  );
}

/** A snippet with its highlights (offsets relative to the snippet). */
function SnippetText({ snippet }: { snippet: Snippet }) {
  const parts: Array<string | { text: string; key: number }> = [];
  let at = 0;
  const ordered = [...snippet.highlights].sort((a, b) => a.start - b.start);
  for (const span of ordered) {
    const start = Math.max(span.start, at);
    const end = Math.min(span.end, snippet.text.length);
    if (end <= start) continue;
    if (start > at) parts.push(snippet.text.slice(at, start));
    parts.push({ text: snippet.text.slice(start, end), key: start });
    at = end;
  }
  if (at < snippet.text.length) parts.push(snippet.text.slice(at));
  // The snippet is an excerpt: mark the cut ends, not the ends of the article or of a sentence.
  const cutStart = snippet.offset > 0;
  const cutEnd = !/[.!?…"”’)]\s*$/.test(snippet.text);
  return (
    <span className={`snippet${cutStart ? ' cut-start' : ''}${cutEnd ? ' cut-end' : ''}`}>
      {parts.map((part) => (typeof part === 'string' ? part : <mark key={part.key}>{part.text}</mark>))}
    </span>
  );
}

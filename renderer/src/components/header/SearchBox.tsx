import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useActions, useSearchInputRef, useWorkbench } from '../../state/context';
import { focusFirstResult } from '../nav/SearchResults';

/** Typing searches after a short pause; Enter searches at once. */
const SEARCH_DELAY_MS = 180;

export function SearchBox() {
  const actions = useActions();
  const inputRef = useSearchInputRef();
  const root = useWorkbench((s) => s.corpus?.root);
  const searching = useWorkbench((s) => s.searching);
  const [value, setValue] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // A newly opened folder starts with an empty search.
  useEffect(() => {
    clearTimeout(timer.current);
    setValue('');
  }, [root]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const runNow = (query: string) => {
    clearTimeout(timer.current);
    void actions.search(query);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      runNow(value);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      clearTimeout(timer.current);
      setValue('');
      actions.clearSearch();
      event.currentTarget.blur();
    } else if (event.key === 'ArrowDown') {
      if (focusFirstResult()) event.preventDefault();
    }
  };

  return (
    <div className="search-box" role="search">
      <input
        ref={inputRef}
        data-testid="search-input"
        className="search-input"
        type="search"
        role="searchbox"
        aria-label="Search articles"
        aria-keyshortcuts="/"
        aria-busy={searching}
        placeholder="Search articles"
        spellCheck={false}
        autoComplete="off"
        disabled={!root}
        value={value}
        onChange={(event) => {
          const query = event.target.value;
          setValue(query);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => void actions.search(query), SEARCH_DELAY_MS);
        }}
        onKeyDown={onKeyDown}
      />
      <kbd className="search-shortcut" aria-hidden="true">
        /
      </kbd>
    </div>
  );
}

import { useEffect, type RefObject } from 'react';
import type { Workbench } from './state/workbench';

/** Keys typed into a field belong to the field, not to the shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
}

/**
 * The workbench's global shortcuts: `/` focuses search, `j`/`k` open the next/previous
 * article of the list shown, `n`/`N` step through search hits in the open article.
 */
export function useGlobalShortcuts(workbench: Workbench, searchInput: RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target)) return;
      switch (event.key) {
        case '/':
          event.preventDefault();
          searchInput.current?.focus();
          searchInput.current?.select();
          break;
        case 'j':
          event.preventDefault();
          workbench.moveSelection(1);
          break;
        case 'k':
          event.preventDefault();
          workbench.moveSelection(-1);
          break;
        case 'n':
          workbench.stepHit(1);
          break;
        case 'N':
          workbench.stepHit(-1);
          break;
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [workbench, searchInput]);
}

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

/** Inside a modal dialog (editor, help) only the dialog's own keys apply. */
function inModal(target: EventTarget | null): boolean {
  return target instanceof Element && Boolean(target.closest('[aria-modal="true"]'));
}

/**
 * The workbench's global shortcuts (the help overlay lists them: shortcuts.ts):
 * `/` focuses search; `j`/`k` open the next/previous article of the list shown;
 * `n`/`p` select the next/previous claim; `]`/`[` step through search hits;
 * `1`–`9` set the selected claim's verdict (the n-th step of the scale); `e` edits its
 * note; `t` toggles the claims table; `x` opens the Export dialog; `?` opens the help; `Esc` lets go of the claim.
 */
export function useGlobalShortcuts(workbench: Workbench, searchInput: RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target) || inModal(event.target)) return;
      const state = workbench.store.get();
      if (state.editor || state.helpOpen || state.exportOpen) return;
      const key = event.key;
      if (/^[1-9]$/.test(key)) {
        if (!state.activeClaim || state.view !== 'reader') return;
        event.preventDefault();
        void workbench.setClaimVerdict(Number(key));
        return;
      }
      const action = ACTIONS[key];
      if (!action) return;
      event.preventDefault();
      action(workbench, searchInput);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [workbench, searchInput]);
}

type Action = (workbench: Workbench, searchInput: RefObject<HTMLInputElement | null>) => void;

/** Every key the global handler acts on, besides the digits of the verdict scale (checked against the help's list). */
export const SHORTCUT_KEYS = (): string[] => Object.keys(ACTIONS);

const ACTIONS: Record<string, Action> = {
  '/': (_w, searchInput) => {
    searchInput.current?.focus();
    searchInput.current?.select();
  },
  j: (w) => w.moveSelection(1),
  k: (w) => w.moveSelection(-1),
  // Claims belong to the reader; in the table view the table's own keys apply.
  n: (w) => void (w.store.get().view === 'reader' && w.stepClaim(1)),
  p: (w) => void (w.store.get().view === 'reader' && w.stepClaim(-1)),
  ']': (w) => w.stepHit(1),
  '[': (w) => w.stepHit(-1),
  e: (w) => void (w.store.get().view === 'reader' && w.editClaimNote()),
  t: (w) => w.toggleView(),
  // Only with a folder open: there is nothing to report on before.
  x: (w) => void (w.store.get().corpus && w.setExportOpen(true)),
  '?': (w) => w.setHelpOpen(true),
  Escape: (w) => w.clearSelection(),
};

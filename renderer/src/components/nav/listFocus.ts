import type { KeyboardEvent } from 'react';

/**
 * Arrow keys move focus between the buttons of a list (marked data-list-item), Home/End
 * jump to the ends. Returns true when it handled the key.
 */
export function moveListFocus(event: KeyboardEvent<HTMLElement>): boolean {
  const keys: Record<string, (i: number, n: number) => number> = {
    ArrowDown: (i, n) => Math.min(n - 1, i + 1),
    ArrowUp: (i) => Math.max(0, i - 1),
    Home: () => 0,
    End: (_i, n) => n - 1,
  };
  const step = keys[event.key];
  if (!step) return false;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-list-item]')];
  const current = items.indexOf(document.activeElement as HTMLElement);
  if (current < 0 && event.key === 'ArrowUp') return false;
  const target = items[step(Math.max(current, 0), items.length)];
  if (!target) return false;
  event.preventDefault();
  target.focus();
  return true;
}

/**
 * The shortcuts the help overlay lists: the help's default list, with the verdict keys named
 * after the user's own scale (it is configurable) and Esc saying all it does here.
 */
import type { VerdictScale } from '../../shared/domain/annotation';
import { DEFAULT_SHORTCUTS, type Shortcut } from './components/help/HelpOverlay';

const MAX_VERDICT_KEYS = 9;

export function workbenchShortcuts(scale: VerdictScale): Shortcut[] {
  const steps = scale.slice(0, MAX_VERDICT_KEYS);
  return DEFAULT_SHORTCUTS.map((shortcut) => {
    if (shortcut.keys.every((key) => /^\d$/.test(key))) {
      return {
        ...shortcut,
        keys: steps.map((_, i) => String(i + 1)),
        action: `Set the selected claim’s verdict (${steps.map((option, i) => `${i + 1} ${option.label}`).join(', ')})`,
      };
    }
    if (shortcut.keys.includes('Escape')) return { ...shortcut, action: 'Close a dialog, clear the search, or let go of the selected claim' };
    return shortcut;
  });
}

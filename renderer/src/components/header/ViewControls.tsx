import type { Theme } from '../../../../shared/domain/settings';
import { useActions, useWorkbench } from '../../state/context';
import type { MainView } from '../../state/workbench';

const VIEWS: Array<{ id: MainView; label: string; title: string }> = [
  { id: 'reader', label: 'Reader', title: 'Read the open article (T toggles)' },
  { id: 'table', label: 'Claims', title: 'Every claim in the folder, as a table (T)' },
];

const THEMES: Array<{ id: Theme; label: string; title: string }> = [
  { id: 'system', label: 'Auto', title: 'Follow the system’s light or dark setting' },
  { id: 'light', label: 'Light', title: 'Light theme' },
  { id: 'dark', label: 'Dark', title: 'Dark theme' },
];

/** Reader / claims table switch (also `t`). */
export function ViewToggle() {
  const actions = useActions();
  const view = useWorkbench((s) => s.view);
  const hasCorpus = useWorkbench((s) => Boolean(s.corpus));
  return (
    <div className="segmented" role="group" aria-label="View">
      {VIEWS.map((option) => (
        <button
          key={option.id}
          type="button"
          className="segmented-button"
          aria-pressed={view === option.id}
          title={option.title}
          disabled={!hasCorpus}
          onClick={() => actions.setView(option.id)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

/** System / light / dark, kept in the settings. */
export function ThemeToggle() {
  const actions = useActions();
  const theme = useWorkbench((s) => s.settings.theme);
  return (
    <div className="segmented" role="group" aria-label="Theme">
      {THEMES.map((option) => (
        <button
          key={option.id}
          type="button"
          className="segmented-button"
          aria-pressed={theme === option.id}
          title={option.title}
          onClick={() => void actions.setTheme(option.id)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

/** Opens the Export dialog (also `x`); there is nothing to report before a folder is open. */
export function ExportButton() {
  const actions = useActions();
  const hasCorpus = useWorkbench((s) => Boolean(s.corpus));
  return (
    <button type="button" className="button" aria-keyshortcuts="x" title="Export a report, or import annotations (X)" disabled={!hasCorpus} onClick={() => actions.setExportOpen(true)}>
      Export…
    </button>
  );
}

export function HelpButton() {
  const actions = useActions();
  return (
    <button type="button" className="button help-button" aria-label="Keyboard shortcuts" aria-keyshortcuts="?" title="Keyboard shortcuts (?)" onClick={() => actions.setHelpOpen(true)}>
      ?
    </button>
  );
}

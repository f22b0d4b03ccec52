import { useState, type FormEvent } from 'react';
import { useActions, useWorkbench } from '../../state/context';
import { baseName } from '../../format';
import { Popover } from '../common/Popover';
import { moveListFocus } from '../nav/listFocus';

/** A menu opens with its first item focused, so arrow keys work at once. */
const focusFirstItem = (list: HTMLUListElement | null) => list?.querySelector<HTMLElement>('[data-list-item]')?.focus();

/** The open folder's name and path, "Open folder…" (dialog or path field) and the recent folders menu. */
export function FolderControls() {
  const corpus = useWorkbench((s) => s.corpus);
  const opening = useWorkbench((s) => s.opening);
  const app = useWorkbench((s) => s.app);

  return (
    <div className="folder-controls">
      <div className="folder-current" title={corpus?.root}>
        <span className="folder-name">{opening ? `Opening ${baseName(opening)}…` : (corpus?.name ?? 'No folder open')}</span>
        {corpus && !opening && (
          <span className="folder-path">
            <bdi>{corpus.root}</bdi>
          </span>
        )}
      </div>
      {app?.canPickFolder ? <PickFolderButton /> : <OpenPathPopover />}
      <RecentFoldersMenu />
    </div>
  );
}

function PickFolderButton() {
  const actions = useActions();
  const opening = useWorkbench((s) => s.opening);
  return (
    <button type="button" className="button" disabled={Boolean(opening)} onClick={() => void actions.chooseFolder()}>
      Open folder…
    </button>
  );
}

/** Browser mode has no folder dialog: the user types a path on the server's machine. */
function OpenPathPopover() {
  const actions = useActions();
  const opening = useWorkbench((s) => s.opening);
  const prompting = useWorkbench((s) => s.folderPrompt);
  return (
    <Popover
      label="Open folder…"
      panelLabel="Open a folder"
      disabled={Boolean(opening)}
      open={prompting}
      onOpenChange={(open) => actions.setFolderPrompt(open)}
    >
      {(close) => <OpenPathForm onDone={close} />}
    </Popover>
  );
}

export function OpenPathForm({ onDone }: { onDone?: () => void }) {
  const actions = useActions();
  const sample = useWorkbench((s) => s.app?.sampleCorpus);
  const [path, setPath] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const dir = path.trim();
    if (!dir) return;
    onDone?.();
    void actions.openFolder(dir);
  };

  return (
    <form className="open-path-form" onSubmit={submit}>
      <label htmlFor="folder-input" className="field-label">
        Folder of articles (a path on this computer)
      </label>
      <div className="field-row">
        <input
          id="folder-input"
          data-testid="folder-input"
          className="text-input"
          type="text"
          autoFocus
          spellCheck={false}
          autoComplete="off"
          placeholder={sample ?? '/path/to/articles'}
          value={path}
          onChange={(event) => setPath(event.target.value)}
        />
        <button type="submit" className="button button-primary" disabled={!path.trim()}>
          Open
        </button>
      </div>
      <p className="field-hint">Reads .txt, .md, .html, .pdf and .docx files in the folder and its subfolders.</p>
    </form>
  );
}

function RecentFoldersMenu() {
  const actions = useActions();
  const recent = useWorkbench((s) => s.app?.recentFolders);
  const opening = useWorkbench((s) => s.opening);
  const currentRoot = useWorkbench((s) => s.corpus?.root);
  const sample = useWorkbench((s) => s.app?.sampleCorpus);
  // The sample corpus has its own entry below.
  const folders = (recent ?? []).filter((dir) => dir !== sample);

  return (
    <Popover
      label={
        <>
          Recent <span aria-hidden="true">▾</span>
        </>
      }
      buttonTitle="Recent folders" role="menu" panelLabel="Recent folders" disabled={Boolean(opening)}>
      {(close) => (
        <ul className="menu-list" ref={focusFirstItem} onKeyDown={(event) => moveListFocus(event)}>
          {folders.map((dir) => (
            <li key={dir}>
              <button
                type="button"
                role="menuitem"
                data-list-item
                className="menu-item"
                aria-current={dir === currentRoot ? 'true' : undefined}
                onClick={() => {
                  close();
                  void actions.openFolder(dir);
                }}
              >
                <span className="menu-item-title">{baseName(dir)}</span>
                <span className="menu-item-detail">{dir}</span>
              </button>
            </li>
          ))}
          {folders.length === 0 && <li className="menu-empty">No other folders opened yet</li>}
          <li className="menu-separator" role="separator" />
          <li>
            <button
              type="button"
              role="menuitem"
              data-list-item
              className="menu-item"
              aria-current={sample === currentRoot ? 'true' : undefined}
              onClick={() => {
                close();
                void actions.openSampleCorpus();
              }}
            >
              <span className="menu-item-title">Sample corpus</span>
              <span className="menu-item-detail">The articles bundled with Reckon</span>
            </button>
          </li>
        </ul>
      )}
    </Popover>
  );
}

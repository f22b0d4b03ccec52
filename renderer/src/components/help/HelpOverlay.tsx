import { Fragment, useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { DEFAULT_VERDICT_SCALE } from '../../../../shared/domain/annotation';
import './helpOverlay.css';

export interface Shortcut {
  /** KeyboardEvent.key values that do the action (alternatives, or a run such as '1'…'6'). */
  keys: string[];
  /** What the keys do, in words. */
  action: string;
  /** The heading it is listed under. */
  group: string;
}

export interface HelpOverlayProps {
  open: boolean;
  onClose(): void;
  shortcuts: Shortcut[];
}

const verdictNames = DEFAULT_VERDICT_SCALE.map((option, i) => `${i + 1} ${option.label}`).join(', ');

/**
 * The workbench's shortcuts as the help lists them. The keys are KeyboardEvent.key values, so
 * the keyboard handler and this list can be checked against each other; keep them in sync.
 */
export const DEFAULT_SHORTCUTS: Shortcut[] = [
  { keys: ['/'], action: 'Search the corpus', group: 'Find' },
  { keys: [']'], action: 'Next search hit in the article', group: 'Find' },
  { keys: ['['], action: 'Previous search hit in the article', group: 'Find' },
  { keys: ['j'], action: 'Next article', group: 'Move' },
  { keys: ['k'], action: 'Previous article', group: 'Move' },
  { keys: ['n'], action: 'Next claim', group: 'Move' },
  { keys: ['p'], action: 'Previous claim', group: 'Move' },
  {
    keys: DEFAULT_VERDICT_SCALE.map((_, i) => String(i + 1)),
    action: `Set the selected claim’s verdict (${verdictNames})`,
    group: 'Check',
  },
  { keys: ['e'], action: 'Edit the selected claim’s note', group: 'Check' },
  { keys: ['t'], action: 'Claims table', group: 'Views' },
  { keys: ['x'], action: 'Export a report, or import annotations', group: 'Views' },
  { keys: ['?'], action: 'This help', group: 'Views' },
  { keys: ['Escape'], action: 'Close, or clear the search', group: 'Views' },
];

const KEY_NAMES: Record<string, string> = {
  Escape: 'Esc',
  Enter: 'Enter',
  ' ': 'Space',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  PageUp: 'Page Up',
  PageDown: 'Page Down',
};

/** Three or more consecutive digits read as a run: 1–6. */
function isDigitRun(keys: string[]): boolean {
  return keys.length > 2 && keys.every((key, i) => /^\d$/.test(key) && (i === 0 || Number(key) === Number(keys[i - 1]) + 1));
}

function Keys({ keys }: { keys: string[] }) {
  if (isDigitRun(keys)) {
    return (
      <>
        <kbd>{keys[0]}</kbd>–<kbd>{keys[keys.length - 1]}</kbd>
      </>
    );
  }
  return (
    <>
      {keys.map((key, i) => (
        <Fragment key={key}>
          {i > 0 && ' or '}
          <kbd>{KEY_NAMES[key] ?? key}</kbd>
        </Fragment>
      ))}
    </>
  );
}

/** The shortcuts in groups, in the order the groups first appear. */
function groupShortcuts(shortcuts: Shortcut[]): Array<[group: string, items: Shortcut[]]> {
  const groups = new Map<string, Shortcut[]>();
  for (const shortcut of shortcuts) {
    const items = groups.get(shortcut.group) ?? [];
    items.push(shortcut);
    groups.set(shortcut.group, items);
  }
  return [...groups];
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The keyboard help: a modal dialog over the workbench. Focus moves into it and stays there
 * (Tab wraps; the rest of the page is inert while it is open); Esc, `?` or the close button
 * close it, and focus goes back to where it was.
 */
export function HelpOverlay({ open, onClose, shortcuts }: HelpOverlayProps) {
  if (!open) return null;
  return createPortal(<HelpDialog onClose={onClose} shortcuts={shortcuts} />, document.body);
}

function HelpDialog({ onClose, shortcuts }: Omit<HelpOverlayProps, 'open'>) {
  const titleId = useId();
  const backdrop = useRef<HTMLDivElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Everything else on the page is inert while the dialog is open: not focusable, not clickable, hidden from assistive tech.
    const madeInert: Element[] = [];
    for (const element of document.body.children) {
      if (element !== backdrop.current && !element.hasAttribute('inert')) {
        element.setAttribute('inert', '');
        madeInert.push(element);
      }
    }
    closeButton.current?.focus();
    return () => {
      for (const element of madeInert) element.removeAttribute('inert');
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys pressed in the help are the help's: the workbench's shortcuts must not act underneath.
    event.stopPropagation();
    if (event.key === 'Escape' || event.key === '?') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (focusable.length === 0) return;
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    const inside = dialog.current.contains(document.activeElement);
    if (event.shiftKey && (document.activeElement === first || !inside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
      event.preventDefault();
      first.focus();
    }
  };

  const rows: ReactNode =
    shortcuts.length === 0 ? (
      <p className="muted">No shortcuts.</p>
    ) : (
      groupShortcuts(shortcuts).map(([group, items]) => (
        <section key={group} className="help-group" data-testid="help-group">
          <h3 className="help-group-title">{group}</h3>
          <dl className="help-list">
            {items.map((item) => (
              <div key={`${item.keys.join(' ')} ${item.action}`} className="help-row" data-testid="help-shortcut">
                <dt className="help-keys">
                  <Keys keys={item.keys} />
                </dt>
                <dd className="help-action">{item.action}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))
    );

  return (
    <div
      ref={backdrop}
      className="help-backdrop"
      data-testid="help-backdrop"
      onMouseDown={(event) => {
        // A click on the dim backdrop (not inside the dialog) closes it, as Esc does.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={dialog}
        className="help-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="help-dialog"
        onKeyDown={onKeyDown}
      >
        <header className="help-header">
          <h2 id={titleId} className="help-title">
            Keyboard shortcuts
          </h2>
          <button ref={closeButton} type="button" className="button button-small" aria-label="Close help" onClick={onClose}>
            ×
          </button>
        </header>
        <div className="help-body">{rows}</div>
        <p className="help-footer muted">
          Shortcuts do nothing while you type in a field. Press <kbd>Esc</kbd> to close.
        </p>
      </div>
    </div>
  );
}

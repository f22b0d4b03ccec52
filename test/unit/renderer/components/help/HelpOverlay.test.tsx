import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_VERDICT_SCALE } from '../../../../../shared/domain/annotation';
import { DEFAULT_SHORTCUTS, HelpOverlay, type Shortcut } from '../../../../../renderer/src/components/help/HelpOverlay';

afterEach(cleanup);

/** A page with a button that opens the help, as the workbench will have. */
function Page({ shortcuts = DEFAULT_SHORTCUTS, onClose }: { shortcuts?: Shortcut[]; onClose?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <main>
      <button type="button" onClick={() => setOpen(true)}>
        Help
      </button>
      <input aria-label="Search" />
      <HelpOverlay
        open={open}
        shortcuts={shortcuts}
        onClose={() => {
          onClose?.();
          setOpen(false);
        }}
      />
    </main>
  );
}

function openHelp() {
  const opener = screen.getByRole('button', { name: 'Help' });
  opener.focus();
  fireEvent.click(opener);
  return { opener, dialog: screen.getByRole('dialog') };
}

describe('HelpOverlay', () => {
  it('renders nothing while closed', () => {
    render(<HelpOverlay open={false} onClose={() => {}} shortcuts={DEFAULT_SHORTCUTS} />);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('is a labelled modal dialog, and focus moves into it', () => {
    render(<Page />);
    const { dialog } = openHelp();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe('Keyboard shortcuts');
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBe(dialog);
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close help' }));
  });

  it('makes the rest of the page inert while open, and gives it back after', () => {
    const { container } = render(<Page />);
    openHelp();
    expect(container.hasAttribute('inert')).toBe(true);
    expect(screen.getByTestId('help-backdrop').closest('[inert]')).toBeNull();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(container.hasAttribute('inert')).toBe(false);
  });

  it('traps Tab and Shift+Tab inside the dialog', () => {
    render(<Page />);
    const { dialog } = openHelp();
    const close = within(dialog).getByRole('button', { name: 'Close help' });
    for (const shiftKey of [false, true]) {
      const event = new KeyboardEvent('keydown', { key: 'Tab', shiftKey, bubbles: true, cancelable: true });
      act(() => {
        close.dispatchEvent(event);
      });
      // The browser's own Tab move is cancelled and focus stays on the only control inside.
      expect(event.defaultPrevented).toBe(true);
      expect(document.activeElement).toBe(close);
    }
  });

  it('Tab wraps from the last control to the first and back when there are several', () => {
    const shortcuts: Shortcut[] = [{ keys: ['x'], action: 'X', group: 'G' }];
    render(<Page shortcuts={shortcuts} />);
    const { dialog } = openHelp();
    // Give the dialog a second control, as a future search field would be.
    const extra = document.createElement('button');
    extra.textContent = 'Extra';
    dialog.appendChild(extra);
    const close = within(dialog).getByRole('button', { name: 'Close help' });
    extra.focus();
    fireEvent.keyDown(extra, { key: 'Tab' });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(close, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(extra);
    // A Tab that does not leave the dialog is left to the browser.
    close.focus();
    expect(fireEvent.keyDown(close, { key: 'Tab' })).toBe(true);
  });

  it('Esc, ? and the close button close it, and focus returns to the opener', () => {
    const onClose = vi.fn();
    render(<Page onClose={onClose} />);
    for (const close of [
      (dialog: HTMLElement) => fireEvent.keyDown(dialog, { key: 'Escape' }),
      (dialog: HTMLElement) => fireEvent.keyDown(within(dialog).getByRole('button', { name: 'Close help' }), { key: '?' }),
      (dialog: HTMLElement) => fireEvent.click(within(dialog).getByRole('button', { name: 'Close help' })),
      () => fireEvent.mouseDown(screen.getByTestId('help-backdrop')),
    ]) {
      const { opener, dialog } = openHelp();
      expect(document.activeElement).not.toBe(opener);
      close(dialog);
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(document.activeElement).toBe(opener);
    }
    expect(onClose).toHaveBeenCalledTimes(4);
  });

  it('a click inside the dialog does not close it', () => {
    const onClose = vi.fn();
    render(<Page onClose={onClose} />);
    const { dialog } = openHelp();
    fireEvent.mouseDown(within(dialog).getByText('Keyboard shortcuts'));
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toBe(dialog);
  });

  it('keys pressed in the help do not reach the workbench shortcuts', () => {
    const globalShortcut = vi.fn();
    document.addEventListener('keydown', globalShortcut);
    try {
      render(<Page />);
      const { dialog } = openHelp();
      fireEvent.keyDown(document.activeElement!, { key: 'j' });
      fireEvent.keyDown(dialog, { key: 't' });
      expect(globalShortcut).not.toHaveBeenCalled();
    } finally {
      document.removeEventListener('keydown', globalShortcut);
    }
  });

  it('lists the shortcuts by group, in the order the groups first appear', () => {
    const shortcuts: Shortcut[] = [
      { keys: ['a'], action: 'Alpha', group: 'First' },
      { keys: ['b', 'B'], action: 'Bravo', group: 'Second' },
      { keys: ['ArrowDown'], action: 'Charlie', group: 'First' },
    ];
    render(<Page shortcuts={shortcuts} />);
    openHelp();
    const groups = screen.getAllByTestId('help-group');
    expect(groups.map((g) => within(g).getByRole('heading').textContent)).toEqual(['First', 'Second']);
    expect(within(groups[0]!).getAllByTestId('help-shortcut').map((r) => r.textContent)).toEqual(['aAlpha', '↓Charlie']);
    expect(within(groups[1]!).getByTestId('help-shortcut').textContent).toBe('b or BBravo');
  });
});

describe('DEFAULT_SHORTCUTS', () => {
  it('lists each of the workbench keys once, as KeyboardEvent.key values', () => {
    const keys = DEFAULT_SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual(['/', '1', '2', '3', '4', '5', '6', '?', 'Escape', '[', ']', 'e', 'j', 'k', 'n', 'p', 't', 'x'].sort());
    const action = (key: string) => DEFAULT_SHORTCUTS.find((s) => s.keys.includes(key))!.action;
    expect(action('j')).toBe('Next article');
    expect(action('k')).toBe('Previous article');
    expect(action('n')).toBe('Next claim');
    expect(action('p')).toBe('Previous claim');
    expect(action(']')).toBe('Next search hit in the article');
    expect(action('[')).toBe('Previous search hit in the article');
    expect(action('/')).toBe('Search the corpus');
    // The verdict keys follow the verdict scale, best first.
    expect(DEFAULT_SHORTCUTS.find((s) => s.keys.includes('1'))!.keys).toEqual(DEFAULT_VERDICT_SCALE.map((_, i) => String(i + 1)));
    for (const option of DEFAULT_VERDICT_SCALE) expect(action('1')).toContain(option.label);
  });

  it('renders the verdict keys as a run and Escape as Esc', () => {
    render(<HelpOverlay open onClose={() => {}} shortcuts={DEFAULT_SHORTCUTS} />);
    const rows = screen.getAllByTestId('help-shortcut');
    const verdictRow = rows.find((r) => r.textContent!.includes('verdict'))!;
    expect(within(verdictRow).getByRole('term').textContent).toBe('1–6');
    const escRow = rows.find((r) => r.textContent!.includes('Close, or clear'))!;
    expect(within(escRow).getByRole('term').textContent).toBe('Esc');
    expect(rows).toHaveLength(DEFAULT_SHORTCUTS.length);
  });
});

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface PopoverProps {
  /** Text or content of the toggle button. */
  label: ReactNode;
  buttonTitle?: string;
  buttonClassName?: string;
  /** Render prop: the panel's content, given a function that closes the popover. */
  children: (close: () => void) => ReactNode;
  role?: 'menu' | 'dialog';
  panelLabel: string;
  disabled?: boolean;
  /** Controlled mode: the parent owns the open state. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}

/** A button that opens a small panel below it; Escape or a click outside closes it and returns focus. */
export function Popover(props: PopoverProps) {
  const { label, buttonTitle, buttonClassName = 'button', children, role = 'dialog', panelLabel, disabled, onOpenChange } = props;
  const [ownOpen, setOwnOpen] = useState(false);
  const open = props.open ?? ownOpen;
  const setOpen = (next: boolean | ((was: boolean) => boolean)) => {
    const value = typeof next === 'function' ? next(open) : next;
    setOwnOpen(value);
    onOpenChange?.(value);
  };
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    // Escape closes it wherever the focus is (the panel's own handler covers focus inside it).
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className="popover" ref={root}>
      <button
        ref={button}
        type="button"
        className={buttonClassName}
        title={buttonTitle}
        aria-haspopup={role}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        disabled={disabled}
        onClick={() => setOpen((v) => !v)}
      >
        {label}
      </button>
      {open && (
        <div
          id={panelId}
          className="popover-panel"
          role={role}
          aria-label={panelLabel}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              close();
            }
          }}
        >
          {children(close)}
        </div>
      )}
    </div>
  );
}

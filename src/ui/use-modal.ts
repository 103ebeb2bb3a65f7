// Every modal of the page (submit, import, export, fork) drives its native <dialog> with this, from an `open` prop: showModal() (focus trap, inert page, Escape) when it opens, close() and focus back where it was when it closes.
// When that is nowhere useful (a shortcut pressed with nothing focused, a menu item that closed, a
// "(kill)" link whose row left its table), focus goes to the dialog's fallback instead of <body>.
import { type RefObject, useEffect, useRef } from 'react';

/**
 * Keeps the dialog element in step with `open`. The element stays mounted while closed, so what the
 * user typed survives a close; focus returns to the element that had it when the dialog opened.
 */
export function useModal(
  ref: RefObject<HTMLDialogElement | null>,
  open: boolean,
  fallback: () => HTMLElement | null = () => null,
): void {
  const previous = useRef<HTMLElement | null>(null);
  // The latest fallback, read when the dialog closes (not a dependency: it changes every render).
  const fallbackRef = useRef(fallback);
  fallbackRef.current = fallback;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      previous.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
      restoreFocus(previous, fallbackRef.current);
    }
  }, [ref, open]);

  // Unmounted while open: close it, and give focus back all the same.
  useEffect(() => {
    const dialog = ref.current;
    return () => {
      if (dialog?.open) {
        dialog.close();
        restoreFocus(previous, fallbackRef.current);
      }
    };
  }, [ref]);
}

function restoreFocus(previous: { current: HTMLElement | null }, fallback: () => HTMLElement | null): void {
  const el = previous.current;
  previous.current = null;
  // Only if it is still on the page (the button that opened the dialog may have gone) and can
  // take focus (a disabled button, <body>, a hidden element cannot).
  if (el && el !== document.body && el.isConnected) {
    el.focus();
    if (document.activeElement === el) return;
  }
  fallback()?.focus();
}

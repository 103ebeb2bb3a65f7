// Every modal of the page (submit, import, export, fork) drives its native <dialog> with this, from an `open` prop: showModal() (focus trap, inert page, Escape) when it opens, close() and focus back where it was when it closes.
import { type RefObject, useEffect, useRef } from 'react';

/**
 * Keeps the dialog element in step with `open`. The element stays mounted while closed, so what the
 * user typed survives a close; focus returns to the element that had it when the dialog opened.
 */
export function useModal(ref: RefObject<HTMLDialogElement | null>, open: boolean): void {
  const previous = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      previous.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
      restoreFocus(previous);
    }
  }, [ref, open]);

  // Unmounted while open: close it, and give focus back all the same.
  useEffect(() => {
    const dialog = ref.current;
    return () => {
      if (dialog?.open) {
        dialog.close();
        restoreFocus(previous);
      }
    };
  }, [ref]);
}

function restoreFocus(previous: { current: HTMLElement | null }): void {
  // Only if it is still on the page (the button that opened the dialog may have gone).
  if (previous.current?.isConnected) previous.current.focus();
  previous.current = null;
}

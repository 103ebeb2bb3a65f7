// One behaviour for the header's popovers (the More menu, the scenario picker, the Branch menu,
// the legend): a button opens it; Escape, a press outside it or focus leaving it closes it; Escape
// and a choice made inside it give the focus back to the button, so the keyboard never falls to
// the page's body. It keeps itself inside the viewport where the header wraps.
import { type FocusEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useKeepInView } from '../session/keep-in-view';

export function usePopover<P extends HTMLElement = HTMLDivElement>() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const popup = useRef<P>(null);
  useKeepInView(popup, open);

  /** Closes it; `refocus` puts the focus back on the button (after Escape or a choice). */
  const close = useCallback((refocus = true) => {
    setOpen(false);
    if (refocus) trigger.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    // In the capture phase, so Escape closes this before anything else (the selection) hears it.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      close(true);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [open, close]);

  /** On the root: Tab or a click elsewhere moves the focus out, and the popover closes. */
  const onBlur = useCallback((e: FocusEvent) => {
    const next = e.relatedTarget as Node | null;
    if (next && !root.current?.contains(next)) setOpen(false);
  }, []);

  return { open, setOpen, close, root, trigger, popup, onBlur };
}

// A popover anchored to a header button opens leftwards (its button sits at the header's right
// end), but where the header wraps (a tablet) the button may sit at the left and the popover would
// open off the screen. After each render while it is open, this nudges it back inside the viewport.
import { type RefObject, useLayoutEffect } from 'react';

/** Gap kept between the popover and the viewport's edges, in px. */
const MARGIN = 8;

export function useKeepInView(ref: RefObject<HTMLElement | null>, open: boolean): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!open || !el) return;
    el.style.transform = '';
    const rect = el.getBoundingClientRect();
    const viewport = document.documentElement.clientWidth;
    let shift = 0;
    if (rect.left < MARGIN) shift = MARGIN - rect.left;
    else if (rect.right > viewport - MARGIN) shift = viewport - MARGIN - rect.right;
    if (shift !== 0) el.style.transform = `translateX(${Math.round(shift)}px)`;
  });
}

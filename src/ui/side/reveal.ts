// When the side panel must scroll into view to show what a selection opened: only when less of it
// is on screen than a useful part of the Inspector (its title, the first fields), so a panel beside
// the canvas, or one already scrolled to, never moves.

/** Pixels of the panel that must be on screen for the Inspector's head and first fields to be read. */
export const VISIBLE_ENOUGH_PX = 240;

export function needsScrollIntoView(
  rect: Pick<DOMRect, 'top' | 'bottom' | 'height'>,
  viewportHeight: number,
  enough = VISIBLE_ENOUGH_PX,
): boolean {
  const visible = Math.min(rect.bottom, viewportHeight) - Math.max(rect.top, 0);
  return visible < Math.min(enough, rect.height);
}

// How the page's panes are laid out, as the user left them: the side panel's width and whether it
// is open, the bottom dock's height and whether it is open. A display preference like the theme
// (kept in the browser, not part of any session), so a share link opens with the reader's panes.

export interface PanePrefs {
  sideWidth: number;
  sideOpen: boolean;
  dockHeight: number;
  dockOpen: boolean;
}

export const PANE_PREFS_KEY = 'spark-playground.panes';

/** The range a drag or an arrow key may move each pane's size to, in CSS px. */
export const SIDE_WIDTH = { min: 280, max: 760 } as const;
export const DOCK_HEIGHT = { min: 120, max: 520 } as const;

/**
 * The side panel as wide as it always was (28rem); the dock closed, so the canvas keeps its
 * height at a laptop's 720 px until the user opens the log.
 */
export const DEFAULT_PANES: PanePrefs = { sideWidth: 392, sideOpen: true, dockHeight: 200, dockOpen: false };

export function clampSize(value: number, range: { min: number; max: number }): number {
  return Math.round(Math.min(range.max, Math.max(range.min, value)));
}

/** What was saved, field by field; anything missing, mistyped or out of range falls back to the default. */
export function readPanePrefs(raw: string | null): PanePrefs {
  let doc: unknown;
  try {
    doc = raw === null ? null : JSON.parse(raw);
  } catch {
    doc = null;
  }
  const o = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>) : {};
  const size = (v: unknown, range: { min: number; max: number }, fallback: number) =>
    typeof v === 'number' && Number.isFinite(v) ? clampSize(v, range) : fallback;
  const flag = (v: unknown, fallback: boolean) => (typeof v === 'boolean' ? v : fallback);
  return {
    sideWidth: size(o.sideWidth, SIDE_WIDTH, DEFAULT_PANES.sideWidth),
    sideOpen: flag(o.sideOpen, DEFAULT_PANES.sideOpen),
    dockHeight: size(o.dockHeight, DOCK_HEIGHT, DEFAULT_PANES.dockHeight),
    dockOpen: flag(o.dockOpen, DEFAULT_PANES.dockOpen),
  };
}

/**
 * The size a splitter's key moves to: arrows step 16 px (64 with Shift) towards or away from the
 * pane, Home and End go to the ends; null for any other key. `grow` names the arrow keys that
 * make the pane bigger (the side panel grows leftwards, the dock upwards).
 */
export function keyedSize(
  key: string,
  shift: boolean,
  value: number,
  range: { min: number; max: number },
  grow: readonly [string, string],
): number | null {
  const step = shift ? 64 : 16;
  if (key === 'Home') return range.min;
  if (key === 'End') return range.max;
  if (key === grow[0]) return clampSize(value + step, range);
  if (key === grow[1]) return clampSize(value - step, range);
  return null;
}

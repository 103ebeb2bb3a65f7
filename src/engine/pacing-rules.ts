// The numbers of adaptive time (pacing.ts), in a module without imports so the page can word the
// rate readout with them (through public.ts) without bundling the pacer.

/** Wall ms a control message takes to fly at 1× (at least). */
export const FLIGHT_VISIBLE_WALL_MS = 500;
/** Wall ms without anything to watch before time speeds up. */
export const QUIET_AFTER_WALL_MS = 600;
/** How much faster than 1× a quiet stretch runs (before the speed multiplier). */
export const QUIET_BOOST = 20;
/** Wall ms of a task phase played at 1× before a long job speeds up. */
export const TASK_WATCH_WALL_MS = 10_000;
/** After that, the task phase's rate doubles every this many wall ms (up to QUIET_BOOST). */
export const TASK_DOUBLING_WALL_MS = 5_000;
/** Wall ms a countdown of any length takes at 1× (a shorter one runs at 1×, a longer one faster). */
export const COUNTDOWN_WALL_MS = 4_000;

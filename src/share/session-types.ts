// The session's types, in one place: what a share link and the autosave hold (Session, with the
// side panel's open tab), the fork question and the branches it keeps, and the banner that says
// what became of a link. The codec (codec.ts) reads and writes Session; the page's store
// (src/ui/store.ts) and controller (src/ui/controller.ts) hold the rest.
import type { Selection } from '../engine/public';

/** The side panel's tabs, in the order they are shown; the codec's check of `view.tab` reads it too. */
export const SIDE_TABS = ['inspector', 'master', 'log'] as const;
export type SideTab = (typeof SIDE_TABS)[number];

/** What a share link holds: enough to rebuild the same state on another machine. */
export interface Session {
  format: number;
  /** ENGINE_VERSION of the engine that made it: a different engine may replay differently. */
  engine: number;
  /** The scenario document with every action recorded so far (the engine's own restored form). */
  scenario: unknown;
  /** Simulated ms of the playhead. */
  playhead: number;
  /** The built-in it started from, if any (the picker shows it). */
  builtin?: string;
  /** What was on screen besides the canvas. */
  view?: { tab?: SideTab; selection?: Selection; speed?: number };
}

/** The question asked before an action rewrites the future (the playhead is behind the horizon). */
export interface ForkPrompt {
  /** What is about to be applied, e.g. "kill-worker w1". */
  action: string;
  at: number;
  horizon: number;
}

export type ForkChoice = 'discard' | 'branch' | 'cancel';

/** A timeline kept aside by a fork; switching back loads it. */
export interface Branch {
  id: number;
  label: string;
  session: Session;
}

/** What happened to the link the page was opened with (or to a restore): shown above the canvas. */
export interface Banner {
  tone: 'info' | 'error';
  text: string;
  /** Offer to bring back the user's own previous session. */
  offerPrevious: boolean;
}

// The session's types, in one place: what a share link and the autosave hold (Session, with the
// side panel's open tab), the fork question and the branches it keeps, and the banner that says
// what became of a link or of the saved sessions. The codec (codec.ts) reads and writes Session; the page's store
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

/** A button on the banner ("Back to my own session", "Keep this tab as a new session"). */
export interface BannerAction {
  label: string;
  /** data-testid of the button. */
  testId: string;
  run(): void;
}

/** What happened to a link, a restore or the saved sessions: shown above the canvas until dismissed. */
export interface Banner {
  tone: 'info' | 'error';
  text: string;
  /** true when one of the actions brings back the user's own session. */
  offerPrevious?: boolean;
  actions?: readonly BannerAction[];
}

/**
 * What opening a session came to; on failure, one sentence, and nothing on the page has changed.
 * `superseded`: another load or session took over before it finished (the user picked something
 * else): the page shows that one, so nothing should be opened in its place.
 */
export type OpenOutcome = { ok: true } | { ok: false; error: string; superseded?: true };

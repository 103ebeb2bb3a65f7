// What components may ask of the page's controller (controller.ts implements it). Components read
// state from the store and act only through this interface, so they never talk to the worker.
import type { ActionInput } from '../engine/api';
import type { ScenarioSource, Selection } from '../engine/public';
import type { ForkChoice, Session } from '../share/session-types';

/** What applying a user action came to. */
export type ApplyOutcome = { ok: true } | { ok: false; error: string };

export interface Controller {
  load(scenarioId: string, scenario: unknown, source?: ScenarioSource): Promise<void>;
  reset(): Promise<void>;
  togglePlaying(): void;
  /** Runs exactly the next pending event (pauses first). */
  step(): Promise<void>;
  /** Moves the playhead to `simMs` (back: checkpoints + replay; forward: runs). */
  seek(simMs: number): Promise<void>;
  /**
   * Applies an action (fault, submit, add/remove worker) at the current simulated time and records
   * it into the scenario, so the session replays. Errors come back as text for the user.
   */
  apply(action: ActionInput): Promise<ApplyOutcome>;
  /** The session as it stands: scenario with every recorded action, playhead, what is selected. */
  session(): Promise<Session | null>;
  /** Opens a session (a share link, the autosave, a branch): loads its scenario, seeks to its playhead. */
  openSession(session: Session, scenarioId?: string): Promise<boolean>;
  /** The answer to the fork question the store shows (ForkDialog). */
  resolveFork(choice: ForkChoice): void;
  /** Selects a thing (Inspector) — null clears. */
  select(selection: Selection | null): void;
  /** The Master UI panel is on screen: keep its data fresh while it is. */
  watchMasterPage(visible: boolean): void;
  dispose(): void;
}

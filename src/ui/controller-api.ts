// What components may ask of the page's controller (controller.ts implements it). Components read
// state from the store and act only through this interface, so they never talk to the worker.
import type { ActionInput, HistoryPage, HistoryQuery, ScenarioError } from '../engine/api';
import type { ScenarioSource, Selection } from '../engine/public';
import type { ForkChoice, OpenOutcome, Session } from '../share/session-types';

export type { OpenOutcome };

/** What applying a user action came to. */
export type ApplyOutcome = { ok: true } | { ok: false; error: string };

/** What loading a scenario came to; on failure, the problems (a file's or link's run on screen is untouched). */
export type LoadOutcome = { ok: true } | { ok: false; errors: ScenarioError[] };

export interface Controller {
  /**
   * Checks and starts a scenario, then shows it. A built-in shows "Loading…" and then its problems
   * if it has any; a file or a link (`source`) replaces what is on screen only once it started.
   */
  load(scenarioId: string, scenario: unknown, source?: ScenarioSource): Promise<LoadOutcome>;
  /**
   * Loads a built-in by id, fetching its document first when it is not at hand (the picker). When
   * that fails (offline) a notice says so and the run on screen stays.
   */
  loadBuiltin(id: string): Promise<LoadOutcome>;
  reset(): Promise<void>;
  togglePlaying(): void;
  /** Runs exactly the next pending event (pauses first). */
  step(): Promise<void>;
  /** Moves the playhead to `simMs` (back: checkpoints + replay; forward: runs). */
  seek(simMs: number): Promise<void>;
  /** Stops the replay under way (a long seek, a session's playhead) where it got to. */
  cancel(): void;
  /**
   * Applies an action (fault, submit, add/remove worker) at the current simulated time and records
   * it into the scenario, so the session replays. Errors come back as text for the user.
   */
  apply(action: ActionInput): Promise<ApplyOutcome>;
  /** The session as it stands: scenario with every recorded action, playhead, what is selected. */
  session(): Promise<Session | null>;
  /**
   * Opens a session (a share link, the autosave, a branch): starts its scenario and replays it to
   * its playhead beside the run on screen, then shows it. Never rejects: when the scenario cannot
   * be restored, started or replayed, `{ ok: false, error }` and the page is as it was.
   */
  openSession(session: Session, scenarioId?: string): Promise<OpenOutcome>;
  /** The answer to the fork question the store shows (ForkDialog). */
  resolveFork(choice: ForkChoice): void;
  /**
   * Selects a thing (Inspector) — null clears. A selection brings the Inspector forward unless
   * `reveal` is false (a line clicked in the event log keeps the log open; a session restores its tab).
   */
  select(selection: Selection | null, opts?: { reveal?: boolean }): void;
  /** The event log's entries over the whole recorded run (the engine searches; see views/history.ts). */
  history(query: HistoryQuery): Promise<HistoryPage | null>;
  /** The Master UI panel is on screen: keep its data fresh while it is. */
  watchMasterPage(visible: boolean): void;
  dispose(): void;
}

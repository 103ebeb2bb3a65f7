// What a driver's or executor's card says, derived in one place so its parts never disagree: the
// badge, the exit code and the strike-through all follow from the card's one state; the label
// names the app ("0001·exec 0"); the details line counts running tasks; a supervised driver in
// back-off counts down to its relaunch from the engine's own timer.
import type { ProcessCardView } from '../../engine/public';
import { processResources } from './worker-resources';

/** ExecutorState's and DriverState's final states (RELAUNCHING on a lost machine ends the card there too). */
const FINAL_STATES = new Set(['KILLED', 'FAILED', 'LOST', 'EXITED', 'FINISHED', 'ERROR', 'DECOMMISSIONED']);

export function isFinalState(state: string): boolean {
  return FINAL_STATES.has(state);
}

export interface CardStatus {
  /** The state badge: Spark's state name. */
  badge: string;
  /** Struck through: the process is gone from this machine. */
  struck: boolean;
  /** "exit 137", shown only on an ended card whose JVM ended with a code. */
  exit: string | null;
  /** A zero exit reads as success, anything else as a failure. */
  exitOk: boolean;
}

/**
 * The card's state in one answer. Only an ended card is struck through and shows an exit code,
 * and an ended card's badge is a final state (or RELAUNCHING: the Master relaunches a driver of a
 * lost machine elsewhere). A frame that broke that rule would show a live badge over an exit
 * code; the card then shows neither the strike nor the code.
 */
export function cardStatus(p: Pick<ProcessCardView, 'state' | 'ended' | 'exitCode'>): CardStatus {
  const ended = p.ended && (isFinalState(p.state) || p.state === 'RELAUNCHING');
  const exit = ended && p.exitCode !== null ? `exit ${p.exitCode}` : null;
  return { badge: p.state, struck: ended, exit, exitOk: p.exitCode === 0 };
}

/** "0001" for app-20260101000005-0001: the app's number, as Spark's ids end with it. */
export function appShortId(appId: string | null): string | null {
  if (!appId) return null;
  const m = /-(\d+)$/.exec(appId);
  return m ? (m[1] ?? null) : null;
}

/** The card's label: an executor carries its app's number ("0001·exec 0"), so equal ids of several apps differ. */
export function processLabel(p: Pick<ProcessCardView, 'kind' | 'label' | 'appId'>): string {
  if (p.kind !== 'executor') return p.label;
  const app = appShortId(p.appId);
  return app ? `${app}·${p.label}` : p.label;
}

/** "4 tasks" for a running executor, null when it reports none (or is no executor). */
export function tasksText(p: Pick<ProcessCardView, 'runningTasks'>): string | null {
  if (p.runningTasks === undefined) return null;
  return `${p.runningTasks} ${p.runningTasks === 1 ? 'task' : 'tasks'}`;
}

/** The details line: running tasks first (they change; the rest is cut first when space runs out), then resources. */
export function detailsText(p: Pick<ProcessCardView, 'runningTasks' | 'cores' | 'memoryMb'>): string {
  return [tasksText(p), processResources(p)].filter((s) => s).join(' · ');
}

/** Whole seconds left until `at` (simulated ms), never below 0. */
export function secondsLeft(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** "relaunching in 8 s · restart 4 · last exit 1" while DriverRunner sleeps, else null. */
export function relaunchText(p: Pick<ProcessCardView, 'relaunch' | 'restarts'>, now: number): string | null {
  const r = p.relaunch;
  if (!r) return null;
  const left = secondsLeft(r.at, now);
  const parts = [left > 0 ? `relaunching in ${left} s` : 'relaunching now'];
  if (p.restarts) parts.push(`restart ${p.restarts}`);
  if (r.lastExitCode >= 0) parts.push(`last exit ${r.lastExitCode}`);
  return parts.join(' · ');
}

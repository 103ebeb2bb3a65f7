// The sentence a run gets when it uses up its work budget (WORK_BUDGET, scenario/limits.ts): when
// it stopped, which budget, what most likely used it, and what to change. Both the runner and the
// page show it as is, so it names the runner's option and the scenario's fields in words.
import type { SparkCluster } from './spark/cluster';

/** Executors launched before a run counts as an executor relaunch loop. */
const EXECUTOR_LOOP = 1_000;
/** Driver relaunches (supervise) before a run counts as a driver relaunch loop. */
const DRIVER_LOOP = 100;
/** Events per simulated ms beyond which simulated time is said to stand still. */
const STANDSTILL_EVENTS_PER_MS = 10_000;

/** 50000000 → "50,000,000" (by hand: the engine never depends on the host's locale). */
export function groupDigits(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "3 h 12 min", or "3 h" when the smaller unit is 0. */
function twoUnits(big: number, bigUnit: string, small: number, smallUnit: string): string {
  return small === 0 ? `${big} ${bigUnit}` : `${big} ${bigUnit} ${small} ${smallUnit}`;
}

/** Simulated ms in the largest two units: "850 ms", "12.5 s", "4 min 3 s", "3 h 12 min", "24 h", "7 d". */
export function simulatedDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${Math.floor(ms / 100) / 10} s`;
  const s = Math.floor(ms / 1000);
  if (s < 3600) return twoUnits(Math.floor(s / 60), 'min', s % 60, 's');
  const min = Math.floor(s / 60);
  if (min < 48 * 60) return twoUnits(Math.floor(min / 60), 'h', min % 60, 'min');
  const h = Math.floor(min / 60);
  return twoUnits(Math.floor(h / 24), 'd', h % 24, 'h');
}

interface Exhaustion {
  kind: 'events' | 'records';
  limit: number;
  used: number;
  /** Events processed so far (for the events-per-ms reading of a standstill). */
  events: number;
}

/** What most likely used the budget, and what to change: the second half of the sentence. */
function likelyCause(c: SparkCluster, events: number): string {
  const world = c.world;
  let executors = 0;
  for (const ch of world.changes) if (ch.kind === 'executor' && ch.from === null) executors++;
  let relaunches = 0;
  for (const n of world.driverRestarts.values()) relaunches += n;
  if (executors >= EXECUTOR_LOOP)
    return (
      `${groupDigits(executors)} executors were launched: most likely they keep failing and the Master relaunches ` +
      'them without end (an executorFault hits every executor of its app, and a crash after RUNNING, or any failure ' +
      'with spark.deploy.maxExecutorRetries=-1, never fails the app). Run for less simulated time (--until in the ' +
      'runner), or use a fault that does not repeat: a "launch-failure" with spark.deploy.maxExecutorRetries left ' +
      'at its default (the app fails after that many), a later afterMs, or a kill-executor action.'
    );
  if (relaunches >= DRIVER_LOOP)
    return (
      `Supervised drivers were relaunched ${groupDigits(relaunches)} times: most likely a driver keeps failing and ` +
      '--supervise restarts it without end. Run for less simulated time (--until in the runner), or drop ' +
      '--supervise or the driverFault.'
    );
  if (events / Math.max(1, c.k.now) >= STANDSTILL_EVENTS_PER_MS)
    return (
      'Simulated time hardly moved while it ran: most likely something re-arms itself at the same instant. ' +
      'Look at the timeouts and intervals in conf, or run for less simulated time (--until in the runner).'
    );
  return (
    `The scenario does a lot of work per simulated second (${groupDigits(world.topology.workers.size)} workers, ` +
    `${groupDigits(world.topology.submissions)} submissions). Run for less simulated time (--until in the runner), ` +
    'or use fewer workers, tasks or submissions.'
  );
}

export function budgetExhaustedMessage(c: SparkCluster, x: Exhaustion): string {
  const what =
    x.kind === 'events'
      ? `its work budget of ${groupDigits(x.limit)} events`
      : `its budget of ${groupDigits(x.limit)} records kept (messages, log lines, state changes and processes)`;
  return `The run was stopped at ${simulatedDuration(c.k.now)} of simulated time: it used ${what}. ${likelyCause(c, x.events)}`;
}

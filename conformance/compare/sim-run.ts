// The simulated side of a comparison: the scenario run through the engine as `npm run sim` runs
// it, with the Masters' and Workers' /json sampled every pollMs of simulated time, as the real lab
// polls the daemons' /json every pollMs of wall-clock time.
import type { Scenario } from '../../src/engine/scenario/types';
import { MAX_RUN_MS, Simulation } from '../../src/engine/simulation';
import type { SimOutput } from '../../src/engine/views/json-types';
import type { RealRun, RunLogLine, RunSnapshot } from './run-types';

/** The real lab's default poll interval, used on both sides unless told otherwise. */
export const DEFAULT_POLL_MS = 500;

/**
 * Without untilMs a run ends when it is idle, or this long after its last action: a run that
 * never settles (executors relaunched without end) is not one the lab should wait for.
 */
export const MAX_AFTER_LAST_ACTION_MS = 300_000;

export interface SimRunOptions {
  pollMs?: number;
  /** Run to this simulated ms; absent: until nothing is left to happen (as `npm run sim`). */
  untilMs?: number;
}

export interface SimRun extends RealRun {
  doc: SimOutput;
}

function snapshot(scenario: Scenario, out: SimOutput, t: number): RunSnapshot {
  const masters: Record<string, unknown> = {};
  scenario.masters.forEach((m, i) => {
    masters[m.host] = out.masters[i] ?? null;
  });
  return { t, masters, workers: { ...out.workers } };
}

/** "Master@master" → daemon Master on host master. */
function logLine(l: { t: number; source: string; level: string; text: string }): RunLogLine {
  const at = l.source.lastIndexOf('@');
  const daemon = at < 0 ? l.source : l.source.slice(0, at);
  const host = at < 0 ? '' : l.source.slice(at + 1).split(':')[0]!;
  return { t: l.t, host, daemon, line: l.level === 'INFO' ? l.text : `${l.level} ${l.text}` };
}

/**
 * Runs `scenario` in the engine: every pollMs a snapshot, to untilMs or until the run is idle and
 * every action has run (capped at MAX_AFTER_LAST_ACTION_MS after the last action). Throws the engine's JvmException for a conf Spark
 * would refuse, as `npm run sim` reports it.
 */
export function simulateScenario(scenario: Scenario, opts: SimRunOptions = {}): SimRun {
  const pollMs = opts.pollMs ?? DEFAULT_POLL_MS;
  if (!(pollMs > 0)) throw new Error(`pollMs must be positive, not ${pollMs}`);
  const sim = Simulation.fromScenario(scenario, { record: true });
  const lastAction = scenario.actions.reduce((t, a) => Math.max(t, a.at), 0);
  const end = opts.untilMs ?? Math.min(MAX_RUN_MS, lastAction + MAX_AFTER_LAST_ACTION_MS);
  const timeline: RunSnapshot[] = [snapshot(scenario, sim.output(), 0)];
  let t = 0;
  while (t < end) {
    if (opts.untilMs === undefined && t >= lastAction && sim.isIdle()) break;
    t = Math.min(end, t + pollMs);
    if (sim.advanceTo(t)) break;
    timeline.push(snapshot(scenario, sim.output(), t));
  }
  if (sim.exhausted !== null) throw new Error(sim.exhausted);
  return {
    sparkVersion: scenario.sparkVersion,
    startedAtEpochMs: scenario.startEpochMs,
    doc: sim.output(),
    timeline,
    logs: sim.cluster.k.logs.map(logLine),
  };
}

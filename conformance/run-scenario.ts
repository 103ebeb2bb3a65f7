// One scenario through both sides: the simulator first (which says how long the run lasts), then
// the real lab to the same horizon, then the simulator again to that horizon, and the comparison.
import type { Scenario } from '../src/engine/scenario/types';
import { readSettings } from '../src/engine/spark/settings';
import type { DocumentedReason, ScenarioComparison } from './compare/compare';
import { compareRuns, documentChecks, summarize } from './compare/compare';
import { faultGates, type FaultGate } from './compare/fault-gates';
import type { RealRun, RunSnapshot } from './compare/run-types';
import { DEFAULT_POLL_MS, simulateScenario, type SimRun } from './compare/sim-run';

export interface RealRunOptions {
  pollMs?: number;
  untilMs?: number;
  gates?: readonly FaultGate[];
  log?: (line: string) => void;
  signal?: AbortSignal;
}

/** conformance/lab/run-real.ts's runRealScenario. */
export type RealRunner = (scenario: Scenario, opts: RealRunOptions) => Promise<RealRun>;

/** The lab's error for a machine that cannot run it (no Java, no network, not root): one sentence. */
export function isLabUnavailable(e: unknown): e is Error {
  return e instanceof Error && e.name === 'LabUnavailable';
}

/** Thrown when this checkout has no real-Spark lab (conformance/lab/run-real.ts). */
export class LabMissing extends Error {
  override readonly name = 'LabUnavailable';
}

/**
 * The real lab's runner, imported when first needed (it brings in the lab, which the simulated
 * side does not need). The specifier is a variable so this builds whether or not the lab is in
 * the checkout.
 */
export async function loadRealRunner(): Promise<RealRunner> {
  const specifier = new URL('./lab/run-real.ts', import.meta.url).href;
  let mod: { runRealScenario?: RealRunner };
  try {
    mod = (await import(specifier)) as { runRealScenario?: RealRunner };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && String((e as Error).message).includes('run-real'))
      throw new LabMissing(
        'This checkout has no real-Spark lab (conformance/lab/run-real.ts), so no real run can be made.',
      );
    throw e;
  }
  if (typeof mod.runRealScenario !== 'function')
    throw new LabMissing('conformance/lab/run-real.ts does not export runRealScenario, so no real run can be made.');
  return mod.runRealScenario;
}

/** What a poll shows that matters to the comparison: states, not heartbeat times. */
function signature(snap: RunSnapshot): string {
  const parts: string[] = [];
  for (const [host, m] of Object.entries(snap.masters)) {
    const j = m as {
      status?: string;
      workers?: { host: string; state: string; coresused: number }[];
      activeapps?: { state: string }[];
      completedapps?: unknown[];
      activedrivers?: { state: string }[];
      completeddrivers?: unknown[];
    } | null;
    if (j === null) {
      parts.push(`${host}:down`);
      continue;
    }
    parts.push(
      `${host}:${j.status}`,
      ...(j.workers ?? []).map((w) => `${w.host}=${w.state}/${w.coresused}`),
      ...(j.activeapps ?? []).map((a) => a.state),
      `c${(j.completedapps ?? []).length}`,
      ...(j.activedrivers ?? []).map((d) => d.state),
      `d${(j.completeddrivers ?? []).length}`,
    );
  }
  return parts.join(' ');
}

/**
 * The horizon both runs go to: the last change the simulated Masters show, plus a margin of two
 * worker timeouts (at least 10 s), so a late change on the real side still lands inside.
 */
export function horizonOf(scenario: Scenario, sim: SimRun): number {
  let last = 0;
  let prev = '';
  for (const snap of sim.timeline) {
    const s = signature(snap);
    if (s !== prev) last = snap.t;
    prev = s;
  }
  const lastAction = scenario.actions.reduce((t, a) => Math.max(t, a.at), 0);
  const margin = Math.max(10_000, 2 * readSettings(scenario.conf).workerTimeoutMs);
  return Math.max(last, lastAction) + margin;
}

export interface ScenarioRun {
  comparison: ScenarioComparison;
  real: RealRun;
  sim: SimRun;
}

export async function runScenario(
  name: string,
  scenario: Scenario,
  runner: RealRunner,
  opts: {
    pollMs?: number;
    untilMs?: number;
    log?: (line: string) => void;
    signal?: AbortSignal;
    documented?: readonly { check: RegExp; reason: DocumentedReason }[];
  } = {},
): Promise<ScenarioRun> {
  const pollMs = opts.pollMs ?? DEFAULT_POLL_MS;
  const simulated = simulateScenario(scenario, {
    pollMs,
    ...(opts.untilMs !== undefined ? { untilMs: opts.untilMs } : {}),
  });
  const horizon = opts.untilMs ?? horizonOf(scenario, simulated);
  // Real Spark takes longer than the simulator's default timings (an executor's JVM takes 9 to 18 s
  // from launch to registering with its driver here, docs/conformance-lab.md), so the real run may
  // go on past the simulated horizon; the lab stops by itself once nothing is pending. The
  // simulator then runs to where the real run stopped, so both are read at the same instant.
  const real = await runner(scenario, {
    pollMs,
    untilMs: opts.untilMs ?? horizon + Math.max(60_000, horizon),
    gates: faultGates(scenario, simulated.timeline),
    ...(opts.log ? { log: opts.log } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  return compareWithSimulator(name, scenario, real, { ...opts, pollMs, horizon });
}

/**
 * A real run (fresh, or kept in conformance/runs) against the simulator: the simulated run goes to
 * the later of the horizon and where the real run stopped, then the comparison.
 */
export function compareWithSimulator(
  name: string,
  scenario: Scenario,
  real: RealRun,
  opts: {
    pollMs?: number;
    untilMs?: number;
    horizon?: number;
    documented?: readonly { check: RegExp; reason: DocumentedReason }[];
  } = {},
): ScenarioRun {
  const pollMs = opts.pollMs ?? DEFAULT_POLL_MS;
  const horizon = opts.horizon ?? opts.untilMs ?? horizonOf(scenario, simulateScenario(scenario, { pollMs }));
  // The real run's end on the scenario's clock, less what its actions waited for their gates
  // (conformance/compare/fault-gates.ts): the simulator runs as long after its faults.
  const waited = (real.actions ?? []).reduce((sum, a) => sum + (a.waitedMs ?? 0), 0);
  const realEnd = (real.timeline.at(-1)?.t ?? 0) - (real.actionsAtMs ?? 0) - waited;
  const sim = simulateScenario(scenario, { pollMs, untilMs: Math.max(horizon, realEnd) });
  const comparison = {
    ...summarize(name, documentChecks(compareRuns(scenario, real, sim, { pollMs }), opts.documented ?? [])),
    ...(real.notes && real.notes.length > 0 ? { notes: real.notes } : {}),
    ...(real.measurements && real.measurements.length > 0 ? { measurements: real.measurements } : {}),
  };
  return { comparison, real, sim };
}

/** A scenario whose real run failed: one failing check that says how. */
export function failedRun(name: string, message: string): ScenarioComparison {
  return summarize(name, [{ what: 'the real run', real: message, sim: 'ran', passed: false }]);
}

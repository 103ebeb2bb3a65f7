// When the real lab applies the first fault after a submission. A scenario's faults are timed on
// the simulator's clock, where a cluster-mode driver registers its application 3 s after launch;
// a real JVM on the lab's 2 shared cores takes 3 to 13 s for that and its executors longer
// (src/engine/spark/timings.ts), so a fault at a fixed `at` could land on the real cluster before
// the application it is meant to hit even exists: the two runs would then answer different
// questions. So the first action after a submission waits, on the real side only, until the real
// cluster shows what the simulated one showed just before that instant (as many applications
// registered, drivers running and executors running), at most GATE_TIMEOUT_MS; every later action
// keeps its distance from it (the lab shifts the rest of the schedule by the wait). Failure
// detection is then timed from when the real fault was applied (RealRun.actions), so the wait
// does not count as detection.
import type { Scenario } from '../../src/engine/scenario/types';
import type { RunSnapshot } from './run-types';

/** What the real cluster must show before action `index` of the scenario is applied. */
export interface FaultGate {
  index: number;
  /** The action's scenario time, for messages. */
  at: number;
  /** Applications the leading Master has registered (active and completed). */
  apps: number;
  /** Drivers the leading Master shows RUNNING. */
  drivers: number;
  /** Executors the Workers show running, over every Worker. */
  executors: number;
}

/** The longest the lab waits for a gate; then it applies the fault anyway and says so. */
export const GATE_TIMEOUT_MS = 90_000;

type Json = Record<string, unknown>;

function obj(v: unknown): Json | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null;
}

function list(v: unknown): Json[] {
  return Array.isArray(v) ? v.map(obj).filter((x): x is Json => x !== null) : [];
}

/** The leading Master's /json: an ALIVE one, else the first that answered and is not STANDBY. */
function leading(masters: Record<string, unknown>): Json | null {
  const answered = Object.values(masters).map(obj);
  return (
    answered.find((j) => j?.status === 'ALIVE') ?? answered.find((j) => j !== null && j.status !== 'STANDBY') ?? null
  );
}

/** The three counts a gate compares, read from one poll. */
export function gateCounts(snap: RunSnapshot): { apps: number; drivers: number; executors: number } {
  const m = leading(snap.masters);
  const apps = list(m?.activeapps).length + list(m?.completedapps).length;
  const drivers = list(m?.activedrivers).filter((d) => d.state === 'RUNNING').length;
  let executors = 0;
  for (const w of Object.values(snap.workers)) executors += list(obj(w)?.executors).length;
  return { apps, drivers, executors };
}

/** The poll shows at least what the gate asks for. */
export function gateOpen(gate: FaultGate, snap: RunSnapshot): boolean {
  const c = gateCounts(snap);
  return c.apps >= gate.apps && c.drivers >= gate.drivers && c.executors >= gate.executors;
}

/**
 * The gates of a scenario, from its simulated run (polls on the scenario's clock): one for every
 * action other than a submission whose preceding action is a submission, read from the last
 * simulated poll before the action's instant. An action the simulated cluster reached nothing
 * before (no application, driver or executor yet) has no gate.
 */
export function faultGates(scenario: Scenario, simTimeline: readonly RunSnapshot[]): FaultGate[] {
  const gates: FaultGate[] = [];
  scenario.actions.forEach((a, index) => {
    const prev = scenario.actions[index - 1];
    if (a.type === 'submit' || prev?.type !== 'submit') return;
    let before: RunSnapshot | undefined;
    for (const snap of simTimeline) {
      if (snap.t >= a.at) break;
      before = snap;
    }
    if (before === undefined) return;
    const c = gateCounts(before);
    if (c.apps + c.drivers + c.executors === 0) return;
    gates.push({ index, at: a.at, ...c });
  });
  return gates;
}

/** The gate in a sentence, for the lab's notes. */
export function describeGate(g: FaultGate): string {
  const parts = [
    `${g.apps} application${g.apps === 1 ? '' : 's'} registered`,
    `${g.drivers} driver${g.drivers === 1 ? '' : 's'} running`,
    `${g.executors} executor${g.executors === 1 ? '' : 's'} running`,
  ];
  return parts.join(', ');
}

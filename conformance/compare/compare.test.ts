import { describe, expect, it } from 'vitest';
import { restoreScenario } from '../../src/engine/scenario/restore';
import type { Scenario } from '../../src/engine/scenario/types';
import { compareRuns, DOCUMENTED_DIFFERENCES, idRegex, summarize } from './compare';
import type { RealRun } from './run-types';
import { simulateScenario } from './sim-run';

const POLL = 500;

function scenario(doc: Record<string, unknown>): Scenario {
  const r = restoreScenario({ version: 1, name: 'test', seed: 1, ...doc });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

const SUBMIT = 'spark-submit --master spark://master:7077';
const PI = '--class org.apache.spark.examples.SparkPi examples.jar';

const killAndPowerOff = scenario({
  conf: { 'spark.worker.timeout': '10' },
  workers: [
    { host: 'w1', cores: 2, memory: '4g' },
    { host: 'w2', cores: 2, memory: '4g' },
    { host: 'w3', cores: 2, memory: '4g' },
  ],
  actions: [
    {
      at: 0,
      type: 'submit',
      command: `${SUBMIT} --executor-memory 1g ${PI} 60`,
      workload: { tasks: 60, taskMs: 1000 },
    },
    { at: 8000, type: 'kill-worker', target: 'w2' },
    { at: 8000, type: 'power-off', target: 'w3' },
  ],
});

/** The run as a real lab would report it: same events, other dates in every id, other ports. */
function asReal(run: RealRun): RealRun {
  const text = JSON.stringify(run)
    .replace(/(app|driver|worker)-20260101(\d{6})/g, (_m, kind: string, hms: string) => `${kind}-20261203${hms}`)
    .replace(/-(w\d)-(\d+)/g, (_m, host: string) => `-${host}-7078`);
  return { ...(JSON.parse(text) as RealRun), sparkVersion: '4.0.1' };
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

describe('compareRuns', () => {
  const sim = simulateScenario(killAndPowerOff, { pollMs: POLL });

  it('passes every check for a run that differs only in its ids dates and ports', () => {
    const checks = compareRuns(killAndPowerOff, asReal(sim), sim, { pollMs: POLL });
    expect(checks.filter((c) => !c.passed)).toEqual([]);
    const whats = checks.map((c) => c.what);
    expect(whats).toContain('app Spark Pi#0: final state');
    expect(whats).toContain('worker w2: states seen by the Master');
    expect(whats.some((w) => w.startsWith('kill-worker w2 at 8000 ms'))).toBe(true);
    expect(whats.some((w) => w.startsWith('power-off w3 at 8000 ms'))).toBe(true);
    expect(whats).toContain('app ids follow app-%s-%04d');
  });

  it("reads the real timeline on the scenario's clock, from the cluster's start", () => {
    const real = asReal(sim);
    // The lab's t = 0 is the Masters' start; the cluster was up, and the scenario's clock started, 7 s later.
    const booting = [0, 500, 1000].map((t) => ({
      t,
      masters: { master: null },
      workers: { w1: null, w2: null, w3: null },
    }));
    const shifted = {
      ...real,
      actionsAtMs: 7000,
      timeline: [...booting, ...real.timeline.map((x) => ({ ...x, t: x.t + 7000 }))],
    };
    expect(compareRuns(killAndPowerOff, shifted, sim, { pollMs: POLL }).filter((c) => !c.passed)).toEqual([]);
  });

  it('times detection from when the real lab applied a fault that waited for its gate', () => {
    // The real faults went in 4 s late (conformance/compare/fault-gates.ts): everything from 8 s on
    // happened 4 s later on the real side, and RealRun.actions says when each fault was applied.
    const real = asReal(sim);
    const lag = 4000;
    // The 4 s of waiting look like the last 4 s before the fault.
    const waiting = real.timeline.filter((x) => x.t < 8000 && x.t >= 8000 - lag).map((x) => ({ ...x, t: x.t + lag }));
    const gated: RealRun = {
      ...real,
      timeline: [
        ...real.timeline.filter((x) => x.t < 8000),
        ...waiting,
        ...real.timeline.filter((x) => x.t >= 8000).map((x) => ({ ...x, t: x.t + lag })),
      ],
      actions: [
        { at: 0, type: 'submit', t: 0, waitedMs: 0 },
        { at: 8000, type: 'kill-worker', t: 8000 + lag, waitedMs: lag },
        { at: 8000, type: 'power-off', t: 8000 + lag, waitedMs: 0 },
      ],
    };
    const checks = compareRuns(killAndPowerOff, gated, sim, { pollMs: POLL });
    expect(checks.filter((c) => !c.passed)).toEqual([]);
    const kill = checks.find((c) => c.what.startsWith('kill-worker w2'))!;
    expect(kill.real).toBe(kill.sim);
    // Read from the scenario's `at` instead, the same run would count the wait as detection.
    const ungated = compareRuns(killAndPowerOff, { ...gated, actions: [] }, sim, { pollMs: POLL });
    expect(ungated.find((c) => c.what.startsWith('kill-worker w2'))!.real).toBe((kill.real as number) + lag);
  });

  it('reports a different final state, with both values', () => {
    const real = asReal(sim);
    const apps = (real.doc as { apps: { state: string }[] }).apps;
    apps[0]!.state = 'KILLED';
    const s = summarize('x', compareRuns(killAndPowerOff, real, sim, { pollMs: POLL }));
    expect(s.passed).toBe(false);
    expect(s.diffs).toContainEqual({ what: 'app Spark Pi#0: final state', real: 'KILLED', sim: 'FINISHED' });
  });

  it('times failure detection within its tolerance, and fails beyond it', () => {
    const checks = compareRuns(killAndPowerOff, asReal(sim), sim, { pollMs: POLL });
    const powerOff = checks.find((c) => c.what.startsWith('power-off w3'))!;
    // Detected by CheckForWorkerTimeOut: between 3/4 and 2 worker timeouts after the fault.
    expect(powerOff.sim).toBeGreaterThan(7_500);
    expect(powerOff.sim).toBeLessThanOrEqual(20_000 + POLL);
    const kill = checks.find((c) => c.what.startsWith('kill-worker w2'))!;
    expect(kill.sim).toBeLessThanOrEqual(POLL);
    // A real run whose Master never noticed the power-off fails the check.
    const real = asReal(sim);
    for (const snap of real.timeline)
      for (const m of Object.values(snap.masters) as { workers?: { host: string; state: string }[] }[])
        for (const w of m?.workers ?? []) if (w.host === 'w3') w.state = 'ALIVE';
    const late = compareRuns(killAndPowerOff, real, sim, { pollMs: POLL }).find((c) => c.what.startsWith('power-off'))!;
    expect(late).toMatchObject({ real: null, passed: false });
  });

  it('ignores a state seen in one poll only', () => {
    const real = asReal(sim);
    const snap = real.timeline[3]!;
    const m = snap.masters.master as { workers: { host: string; state: string }[] };
    m.workers.find((w) => w.host === 'w1')!.state = 'UNKNOWN';
    const c = compareRuns(killAndPowerOff, real, sim, { pollMs: POLL }).find(
      (x) => x.what === 'worker w1: states seen by the Master',
    )!;
    expect(c.passed).toBe(true);
  });

  it('documents the differences that follow from a driver placed on another worker', () => {
    const cluster = scenario({
      workers: [
        { host: 'w1', cores: 2, memory: '4g' },
        { host: 'w2', cores: 2, memory: '4g' },
      ],
      actions: [
        {
          at: 0,
          type: 'submit',
          command: `${SUBMIT} --deploy-mode cluster --driver-memory 1g --executor-memory 1g ${PI} 20`,
          workload: { tasks: 20, taskMs: 500 },
        },
      ],
    });
    const run = simulateScenario(cluster, { pollMs: POLL });
    const real = clone(asReal(run));
    // The real shuffle put the driver on the other worker.
    const d = (real.doc as { drivers: { worker: string }[] }).drivers[0]!;
    const other = d.worker === 'w1' ? 'w2' : 'w1';
    d.worker = other;
    const apps = (real.doc as { apps: { state: string }[] }).apps;
    apps[0]!.state = 'KILLED';
    const s = summarize('placed', compareRuns(cluster, real, run, { pollMs: POLL }));
    expect(s.passed).toBe(true);
    expect(s.diffs).toEqual([
      {
        what: 'app Spark Pi#0: final state',
        real: 'KILLED',
        sim: 'FINISHED',
        documented: DOCUMENTED_DIFFERENCES.driverPlacement,
      },
    ]);
  });
});

describe('idRegex', () => {
  it("turns an id pattern into the shape of the ids Spark's Master makes", () => {
    expect(idRegex('app-%s-%04d').test('app-20261203121501-0003')).toBe(true);
    expect(idRegex('app-%s-%04d').test('app-20261203121501-12345')).toBe(true);
    expect(idRegex('app-%s-%04d').test('app-2026120312150-0003')).toBe(false);
    expect(idRegex('my-app-%2$05d').test('my-app-00001')).toBe(true);
    expect(idRegex('worker-%s-%s-%d', 'w1').test('worker-20261203121501-w1-7078')).toBe(true);
    expect(idRegex('worker-%s-%s-%d', 'w1').test('worker-20261203121501-w2-7078')).toBe(false);
  });
});

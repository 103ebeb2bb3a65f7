// Adaptive time: control messages stay on screen at least half a second at 1×, tasks play in
// real time (a long job speeds up), countdowns take about four seconds, quiet stretches speed up,
// speed scales it all, and pacing never changes what happens.
import { describe, expect, it } from 'vitest';
import { countdownRate, Pacer, type PaceReport, taskPhaseRate } from './pacing';
import {
  COUNTDOWN_WALL_MS,
  FLIGHT_VISIBLE_WALL_MS,
  QUIET_BOOST,
  TASK_DOUBLING_WALL_MS,
  TASK_WATCH_WALL_MS,
} from './pacing-rules';
import { restoreScenario } from './scenario/restore';
import { Simulation } from './simulation';
import { CLIENT_DRIVER_STARTUP_MS } from './spark/timings';
import type { WorkerState } from './spark/worker-state';
import { SUBMIT, scenario } from './test-support/run';

const PI = 'org.apache.spark.examples.SparkPi /opt/spark/examples/jars/spark-examples.jar';

function build(partial: Record<string, unknown>): Simulation {
  const r = restoreScenario(scenario(partial), { source: 'cli' });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return Simulation.fromScenario(r.scenario);
}

function sim(): Simulation {
  return build({
    masters: [{ host: 'master' }],
    workers: [{ host: 'w1', cores: 4, memory: '8g' }],
    network: { latencyMs: 2 },
    actions: [{ at: 30_000, type: 'submit', command: `${SUBMIT} --class ${PI} 10` }],
  });
}

/** A client-mode job of `tasks` tasks of `taskMs` on one 4-core worker, submitted at 1 s. */
function job(tasks: number, taskMs: number): Simulation {
  return build({
    masters: [{ host: 'master' }],
    workers: [{ host: 'w1', cores: 4, memory: '8g' }],
    network: { latencyMs: 2 },
    actions: [{ at: 1_000, type: 'submit', command: `${SUBMIT} --class ${PI} 10`, workload: { tasks, taskMs } }],
  });
}

/** Plays at 1× in 16 ms frames until `done`, calling `each` with every frame's report and the wall ms so far. */
function playFrames(
  s: Simulation,
  done: () => boolean,
  each: (r: PaceReport, wall: number) => void,
  maxWall = 3_600_000,
) {
  const pacer = new Pacer(s);
  let wall = 0;
  while (!done()) {
    const r = pacer.play(16, 1);
    wall += 16;
    each(r, wall);
    if (wall > maxWall) throw new Error(`still playing after ${maxWall} ms of wall time at ${s.time}`);
  }
  return wall;
}

const tasksRunning = (s: Simulation) =>
  s.cluster.k.state.procs.some(
    (p) => p.alive && p.kind === 'executor' && (p.state as { tasks: Map<number, number> }).tasks.size > 0,
  );

describe('Pacer', () => {
  it('keeps the first control message in flight for at least half a second of wall time at 1×', () => {
    const s = sim();
    const pacer = new Pacer(s);
    let wall = 0;
    // RegisterWorker leaves w1 at boot; find when it lands.
    while (!s.cluster.k.messages.some((m) => m.type === 'RegisterWorker' && m.delivered)) {
      const r = pacer.play(16, 1);
      wall += 16;
      if (wall > 5000) throw new Error('never delivered');
      if (
        s.cluster.k.messages.some((m) => m.type === 'RegisterWorker') &&
        !s.cluster.k.messages.some((m) => m.type === 'RegisterWorker' && m.delivered)
      ) {
        expect(r.reason).toBe('flight');
      }
    }
    expect(wall).toBeGreaterThanOrEqual(FLIGHT_VISIBLE_WALL_MS - 16);
  });

  it('runs quiet stretches faster, and speed scales it', () => {
    const s = sim();
    const pacer = new Pacer(s);
    // Let registration finish, then only heartbeats remain until the submit at 30 s.
    for (let i = 0; i < 400 && s.time < 2000; i++) pacer.play(16, 1);
    let report = pacer.play(16, 1);
    for (let i = 0; i < 50; i++) report = pacer.play(16, 1);
    expect(report.reason).toBe('quiet');
    expect(report.rate).toBe(QUIET_BOOST);
    report = pacer.play(16, 3);
    expect(report.rate).toBe(3 * QUIET_BOOST);
  });

  it('stops at the send of a control message instead of skipping over it', () => {
    const s = sim();
    const pacer = new Pacer(s);
    while (s.time < 29_000) pacer.play(16, 1);
    // 1 ms at 1000× in a quiet stretch would buy 20 simulated seconds; the driver's
    // RegisterApplication (sent once its JVM is up) stops the quiet run and the rest goes at flight pace.
    pacer.play(1, 1000);
    const sent = 30_000 + CLIENT_DRIVER_STARTUP_MS;
    expect(pacer.report.reason).toBe('flight');
    expect(s.time).toBeGreaterThanOrEqual(sent);
    expect(s.time).toBeLessThanOrEqual(sent + 1000 * (2 / FLIGHT_VISIBLE_WALL_MS));
  });

  it('does not change the run: paced and straight runs end in the same state', () => {
    const paced = sim();
    const pacer = new Pacer(paced);
    while (paced.time < 60_000) pacer.play(50, 200);
    const straight = sim();
    straight.advanceTo(paced.time);
    expect(paced.traceHash()).toBe(straight.traceHash());
  });

  it('plays a task phase in real time, never as a quiet stretch', () => {
    // 40 tasks of 800 ms, 4 at a time: about 8 simulated seconds of tasks.
    const s = job(40, 800);
    let taskWall = 0;
    let taskSim = 0;
    let last = s.time;
    const seen = new Set<string>();
    playFrames(
      s,
      () => s.isIdle() || s.time > 60_000,
      (r) => {
        const running = tasksRunning(s);
        if (running) {
          taskWall += 16;
          taskSim += s.time - last;
          seen.add(r.reason);
          expect(r.reason).not.toBe('quiet');
          if (r.reason === 'tasks') {
            expect(r.rate).toBe(1);
            expect(Number(r.detail)).toBeGreaterThan(0);
          }
        }
        last = s.time;
      },
    );
    expect(seen.has('tasks')).toBe(true);
    expect(taskSim).toBeGreaterThan(7_000);
    // Real time, give or take the control messages' slowdowns within it.
    expect(taskWall).toBeGreaterThanOrEqual(taskSim);
  });

  it('speeds a long job up after its first seconds, so 20,000 tasks of 2 s end within minutes', () => {
    expect(taskPhaseRate(0)).toBe(1);
    expect(taskPhaseRate(TASK_WATCH_WALL_MS - 1)).toBe(1);
    expect(taskPhaseRate(TASK_WATCH_WALL_MS)).toBe(2);
    expect(taskPhaseRate(TASK_WATCH_WALL_MS + TASK_DOUBLING_WALL_MS)).toBe(4);
    expect(taskPhaseRate(TASK_WATCH_WALL_MS + 10 * TASK_DOUBLING_WALL_MS)).toBe(QUIET_BOOST);
    // 20,000 × 2 s on 4 cores: 10,000 simulated seconds, close to three hours in real time.
    const s = job(20_000, 2_000);
    let max = 0;
    const wall = playFrames(
      s,
      () => s.isIdle(),
      (r) => {
        if (r.reason === 'tasks') max = Math.max(max, r.rate);
      },
    );
    expect(max).toBe(QUIET_BOOST);
    expect(s.time).toBeGreaterThan(10_000_000);
    expect(wall).toBeLessThan(10 * 60_000);
  });

  it('paces each supervise back-off so it takes about four seconds of wall time (1 s and 2 s ones in real time)', () => {
    expect(countdownRate({ since: 0, at: 1_000 })).toBe(1);
    expect(countdownRate({ since: 0, at: 32_000 })).toBe(32_000 / COUNTDOWN_WALL_MS);
    expect(countdownRate({ since: 0, at: 600_000 })).toBe(QUIET_BOOST);
    const s = build({
      masters: [{ host: 'master' }],
      workers: [{ host: 'w1', cores: 4, memory: '8g' }],
      actions: [
        {
          at: 0,
          type: 'submit',
          command: `${SUBMIT} --deploy-mode cluster --supervise --class ${PI} 10`,
          // Each run crashes as main() starts (3 s), before registering an app: nothing else
          // happens during a back-off, and each run stays under the 5 s that would reset it.
          driverFault: { kind: 'crash', afterMs: 0, exitCode: 1 },
        },
      ],
    });
    // Wall ms spent in each back-off, keyed by its length in simulated ms.
    const spent = new Map<number, number>();
    playFrames(
      s,
      () => s.time > 85_000,
      () => {
        const w = s.cluster.k.proc<WorkerState>(s.cluster.world.topology.workers.get('w1')?.pid ?? 0).state;
        for (const d of w.drivers.values()) {
          if (d.phase !== 'backoff') continue;
          // waitSeconds has already doubled for the next back-off.
          const length = (d.waitSeconds / 2) * 1000;
          spent.set(length, (spent.get(length) ?? 0) + 16);
        }
      },
    );
    for (const length of [1_000, 2_000, 4_000, 8_000, 16_000, 32_000]) {
      const wall = spent.get(length) ?? 0;
      // Its whole length at the countdown's rate: 1 s and 2 s in real time, the longer ones in 4 s.
      const expected = length / countdownRate({ since: 0, at: length });
      expect(wall, `back-off of ${length} ms`).toBeGreaterThan(expected * 0.9);
      expect(wall, `back-off of ${length} ms`).toBeLessThan(expected * 1.1 + FLIGHT_VISIBLE_WALL_MS);
    }
  });

  it('names what it is about: the message type in flight', () => {
    const s = sim();
    const pacer = new Pacer(s);
    const details = new Set<string>();
    while (s.time < 35_000) {
      const r = pacer.play(16, 1);
      if (r.reason === 'flight') details.add(r.detail);
    }
    expect([...details]).toContain('RegisterWorker');
    expect([...details]).toContain('RegisterApplication');
  });

  it('names a reply in flight after its ask, not after its payload (Boolean)', () => {
    // Cluster mode: the Worker asks the Master with ExecutorStateChanged and gets Boolean(true) back.
    const s = build({
      masters: [{ host: 'master' }],
      workers: [{ host: 'w1', cores: 4, memory: '8g' }],
      actions: [{ at: 0, type: 'submit', command: `${SUBMIT} --deploy-mode cluster --class ${PI} 10` }],
    });
    const pacer = new Pacer(s);
    const details = new Set<string>();
    while (s.time < 20_000) {
      const r = pacer.play(16, 1);
      if (r.reason === 'flight') details.add(r.detail);
    }
    expect([...details].filter((d) => d.startsWith('↩ ')).length).toBeGreaterThan(0);
    expect([...details]).not.toContain('Boolean');
  });

  it('does not change the run through tasks and back-offs either', () => {
    const make = () =>
      build({
        masters: [{ host: 'master' }],
        workers: [
          { host: 'w1', cores: 4, memory: '8g' },
          { host: 'w2', cores: 4, memory: '8g' },
        ],
        actions: [
          {
            at: 0,
            type: 'submit',
            command: `${SUBMIT} --deploy-mode cluster --supervise --class ${PI} 10`,
            driverFault: { kind: 'crash', afterMs: 2000, exitCode: 1 },
          },
          { at: 500, type: 'submit', command: `${SUBMIT} --class ${PI} 10`, workload: { tasks: 400, taskMs: 300 } },
          { at: 9_000, type: 'power-off', target: 'w2' },
        ],
      });
    const paced = make();
    const pacer = new Pacer(paced);
    for (let i = 0; paced.time < 150_000 && i < 200_000; i++) pacer.play(16, (i % 7) + 1);
    const straight = make();
    straight.advanceTo(paced.time);
    expect(paced.traceHash()).toBe(straight.traceHash());
  });
});

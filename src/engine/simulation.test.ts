// The facade's time travel: actions applied live replay identically, seeking back restores the
// exact state a straight run has, stepping goes one event at a time, and a removed worker leaves.
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../scenarios';
import { restoreScenario } from './scenario/restore';
import { LIMITS } from './scenario/limits';
import type { Scenario } from './scenario/types';
import { CHECKPOINT_EVERY_MS, Simulation } from './simulation';
import { SUBMIT, scenario } from './test-support/run';

function restored(partial: Record<string, unknown>): Scenario {
  const r = restoreScenario(scenario(partial), { source: 'cli' });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

const cluster = {
  masters: [{ host: 'master' }],
  workers: [
    { host: 'w1', cores: 4, memory: '8g' },
    { host: 'w2', cores: 4, memory: '8g' },
    { host: 'w3', cores: 4, memory: '8g' },
  ],
};

const submitCluster = {
  at: 1000,
  type: 'submit',
  command: `${SUBMIT} --deploy-mode cluster --supervise --class org.apache.spark.examples.SparkPi /opt/spark/examples/jars/spark-examples.jar 100`,
  workload: { tasks: 400, taskMs: 400 },
};

/** Everything a viewer sees at an instant: the views, the trace hash, the history lengths. */
function picture(sim: Simulation): string {
  const out = sim.output({ trace: false, log: false });
  return JSON.stringify({
    t: sim.time,
    hash: sim.traceHash(),
    master: out.master,
    workers: out.workers,
    apps: out.apps,
    drivers: out.drivers,
    messages: sim.cluster.k.messages.length,
    logs: sim.cluster.k.logs.length,
    changes: sim.cluster.world.changes.length,
    next: sim.nextEventTime(),
  });
}

function fresh(partial: Record<string, unknown>, checkpoints = true): Simulation {
  return Simulation.fromScenario(restored(partial), { checkpoints });
}

describe('Simulation: live actions replay exactly', () => {
  it('an action applied at t gives the same run as the scenario with that action at t', () => {
    const live = fresh({ ...cluster, actions: [submitCluster] });
    live.advanceTo(12_345);
    live.apply({ type: 'kill-worker', target: 'w2' });
    live.advanceTo(40_000);
    live.apply({ type: 'restart-worker', target: 'w2' });
    live.advanceTo(90_000);

    const replay = Simulation.fromScenario(restored({ ...cluster, actions: live.scenario.actions }));
    replay.advanceTo(90_000);
    expect(picture(replay)).toBe(picture(live));
    expect(live.scenario.actions.map((a) => `${a.at}:${a.type}`)).toEqual([
      '1000:submit',
      '12345:kill-worker',
      '40000:restart-worker',
    ]);
  });

  it('records the action after those already at the same instant', () => {
    const sim = fresh({ ...cluster, actions: [{ at: 500, type: 'power-off', target: 'w3' }] });
    sim.advanceTo(500);
    sim.apply({ type: 'kill-worker', target: 'w1' });
    expect(sim.scenario.actions.map((a) => a.type)).toEqual(['power-off', 'kill-worker']);
  });

  it('keeps the future actions of the timeline unless told to drop them', () => {
    const sim = fresh({ ...cluster, actions: [submitCluster, { at: 30_000, type: 'kill-worker', target: 'w3' }] });
    sim.advanceTo(500);
    sim.apply({ type: 'kill-worker', target: 'w1' });
    expect(sim.futureActions()).toBe(2);
    sim.apply({ type: 'restart-worker', target: 'w1' }, { dropFuture: true });
    expect(sim.futureActions()).toBe(0);
    expect(sim.scenario.actions.map((a) => a.type)).toEqual(['kill-worker', 'restart-worker']);
  });
});

describe('Simulation: seek', () => {
  it('seeking back to t shows exactly what a straight run to t shows, at many points', () => {
    const partial = { ...cluster, actions: [submitCluster, { at: 25_000, type: 'kill-worker', target: 'w1' }] };
    const sim = fresh(partial);
    sim.advanceTo(150_000);
    for (const t of [0, 999, 1000, 9_999, 10_000, 10_001, 24_999, 25_000, 61_234, 149_999]) {
      sim.seek(t);
      const straight = fresh(partial);
      straight.advanceTo(t);
      expect(picture(sim), `at ${t} ms`).toBe(picture(straight));
      expect(sim.traceSince(0), `trace at ${t} ms`).toEqual(straight.traceSince(0));
      expect(sim.logLines(0), `log at ${t} ms`).toEqual(straight.logLines(0));
    }
    // And forward again, past where it had been.
    sim.seek(200_000);
    const straight = fresh(partial);
    straight.advanceTo(200_000);
    expect(picture(sim)).toBe(picture(straight));
  });

  it('without checkpoints (the runner, the benchmark) a seek back replays from the start, as exactly', () => {
    const partial = { ...cluster, actions: [submitCluster, { at: 25_000, type: 'kill-worker', target: 'w1' }] };
    const sim = fresh(partial, false);
    sim.advanceTo(90_000);
    sim.seek(31_234);
    const straight = fresh(partial, false);
    straight.advanceTo(31_234);
    expect(picture(sim)).toBe(picture(straight));
  });

  it('scrubs back and forth (forward jumps reuse the history kept when seeking back)', () => {
    const partial = { ...cluster, actions: [submitCluster, { at: 25_000, type: 'kill-worker', target: 'w1' }] };
    const sim = fresh(partial);
    sim.advanceTo(180_000);
    for (const t of [5_000, 170_000, 30_000, 31_000, 95_555, 12_000, 179_999, 60_000, 180_000]) {
      sim.seek(t);
      const straight = fresh(partial);
      straight.advanceTo(t);
      expect(picture(sim), `at ${t} ms`).toBe(picture(straight));
      expect(sim.traceSince(0), `trace at ${t} ms`).toEqual(straight.traceSince(0));
      expect(sim.logLines(0), `log at ${t} ms`).toEqual(straight.logLines(0));
    }
  });

  it('restores messages that were in flight at the checkpoint as undelivered', () => {
    const sim = fresh({ ...cluster, network: { latencyMs: 3000 }, actions: [submitCluster] });
    sim.advanceTo(CHECKPOINT_EVERY_MS * 3);
    sim.seek(CHECKPOINT_EVERY_MS + 1);
    const straight = fresh({ ...cluster, network: { latencyMs: 3000 }, actions: [submitCluster] });
    straight.advanceTo(CHECKPOINT_EVERY_MS + 1);
    expect(sim.traceSince(0)).toEqual(straight.traceSince(0));
  });

  it('a live action after a seek back forks: the replayed future includes it', () => {
    const partial = { ...cluster, actions: [submitCluster] };
    const sim = fresh(partial);
    sim.advanceTo(60_000);
    sim.seek(20_000);
    sim.apply({ type: 'power-off', target: 'w2' }, { dropFuture: true });
    sim.advanceTo(200_000);
    const replay = Simulation.fromScenario(restored({ ...cluster, actions: sim.scenario.actions }));
    replay.advanceTo(200_000);
    expect(picture(sim)).toBe(picture(replay));
  });

  it('without checkpoints, seeks back from the boot state it makes again, to the picture of a straight run', () => {
    for (const target of [0, 4_000, 17_500]) {
      const sim = fresh({ ...cluster, actions: [submitCluster] }, false);
      sim.advanceTo(40_000);
      sim.seek(target);
      const straight = fresh({ ...cluster, actions: [submitCluster] }, false);
      straight.advanceTo(target);
      expect(picture(sim), `seek to ${target}`).toBe(picture(straight));
      // And on from there, as if never rewound.
      sim.advanceTo(40_000);
      straight.advanceTo(40_000);
      expect(picture(sim)).toBe(picture(straight));
    }
  });

  it('seeks back into a long session quickly', () => {
    const entry = builtinScenarios.find((s) => s.id === 'cluster-mode');
    if (!entry) throw new Error('missing built-in scenario');
    const r = restoreScenario(entry.scenario, { source: 'builtin' });
    if (!r.ok) throw new Error('invalid');
    const sim = Simulation.fromScenario(r.scenario, { checkpoints: true });
    sim.advanceTo(3_600_000);
    const started = performance.now();
    sim.seek(1_234_567);
    const elapsed = performance.now() - started;
    expect(sim.time).toBe(1_234_567);
    // Generous here (a loaded CI machine); `npm run bench` reports the real figure.
    expect(elapsed).toBeLessThan(2000);
  });
});

describe('Simulation: step', () => {
  it('steps one event at a time to the same state a run reaches', () => {
    const partial = { ...cluster, actions: [submitCluster] };
    const stepped = fresh(partial);
    let steps = 0;
    while (stepped.nextEventTime() <= 5_000) {
      expect(stepped.step()).toBe(true);
      steps++;
    }
    const run = fresh(partial);
    run.advanceTo(stepped.time);
    expect(steps).toBeGreaterThan(20);
    expect(picture(stepped)).toBe(picture(run));
  });

  it('an action due before the next event is a step of its own', () => {
    const sim = fresh({
      masters: [{ host: 'master' }],
      workers: [],
      actions: [{ at: 50_000, type: 'add-worker', host: 'w9', cores: 2, memory: '2g' }],
    });
    sim.advanceTo(40_000);
    while (sim.nextEventTime() < 50_000) sim.step();
    expect(sim.nextEventTime()).toBe(50_000);
    sim.step();
    expect(sim.cluster.world.topology.workers.has('w9')).toBe(true);
  });
});

describe('remove-worker', () => {
  it('stops the Worker with SIGTERM, takes the machine out of the topology, and the Master sees it gone', () => {
    const sim = fresh({ ...cluster, actions: [submitCluster, { at: 30_000, type: 'remove-worker', target: 'w1' }] });
    sim.run(40_000);
    const out = sim.output({ log: true });
    expect(sim.cluster.world.topology.workers.has('w1')).toBe(false);
    const w1 = out.master?.workers.find((w) => w.host === 'w1');
    expect(w1?.state).toBe('DEAD');
    expect(out.log?.some((l) => l.includes('stop-worker.sh on w1'))).toBe(true);
  });

  it('lets a later add-worker reuse the host name', () => {
    const r = restoreScenario(
      scenario({
        ...cluster,
        actions: [
          { at: 1000, type: 'remove-worker', target: 'w1' },
          { at: 2000, type: 'add-worker', host: 'w1', cores: 2, memory: '2g' },
        ],
      }),
      { source: 'cli' },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const sim = Simulation.fromScenario(r.scenario);
    sim.run(10_000);
    const alive = sim.output().master?.workers.filter((w) => w.host === 'w1' && w.state === 'ALIVE');
    expect(alive?.map((w) => w.cores)).toEqual([2]);
  });

  it('is refused for a host that is not a worker then', () => {
    const r = restoreScenario(scenario({ ...cluster, actions: [{ at: 0, type: 'remove-worker', target: 'w7' }] }), {
      source: 'cli',
    });
    expect(r.ok).toBe(false);
  });
});

describe('Simulation: the work budget', () => {
  // Every executor crashes as it starts and the Master relaunches it: work without end (a high
  // spark.task.maxFailures keeps the job from aborting once a task has been lost four times).
  const crashLoop = {
    ...cluster,
    actions: [
      {
        at: 0,
        type: 'submit',
        command: `${SUBMIT} --conf spark.task.maxFailures=100000 --class org.apache.spark.examples.SparkPi /opt/spark/examples/jars/spark-examples.jar 10`,
        executorFault: { kind: 'crash', afterMs: 0, exitCode: 1 },
      },
    ],
  };

  it('stays null for a run within its budget', () => {
    const sim = Simulation.fromScenario(restored({ ...cluster, actions: [submitCluster] }));
    sim.run();
    expect(sim.isIdle()).toBe(true);
    expect(sim.exhausted).toBeNull();
  });

  it('stops a crash loop at the instant it uses its events, says why, and does nothing more', () => {
    const sim = Simulation.fromScenario(restored(crashLoop), { record: false, budget: { events: 40_000 } });
    sim.run();
    expect(sim.cluster.k.state.eventsProcessed).toBe(40_000);
    expect(sim.exhausted).toMatch(
      /^The run was stopped at (\d+ h )?\d+ min( \d+ s)? of simulated time: it used its work budget of 40,000 events\. [\d,]+ executors were launched: most likely they keep failing and the Master relaunches them without end/,
    );
    const t = sim.time;
    expect(t).toBeLessThan(24 * 3_600_000);
    expect(sim.advanceTo(t + 60_000)).toBe(true);
    expect(sim.step()).toBe(false);
    expect(sim.seek(t + 1)).toBe(true);
    expect(sim.time).toBe(t);
    // A seek back opens the past again; going on stops at the same instant with the same sentence.
    const sentence = sim.exhausted;
    sim.seek(0);
    expect(sim.exhausted).toBeNull();
    expect(sim.time).toBe(0);
    sim.run();
    expect(sim.time).toBe(t);
    expect(sim.exhausted).toBe(sentence);
    expect(sim.cluster.k.state.eventsProcessed).toBe(40_000);
  });

  it('ends a run that plays on past the last instant anything may name, and says so', () => {
    // A Master alone: a simulated week of it is quick to run.
    const sim = Simulation.fromScenario(restored({ version: 1, workers: [] }), { record: false });
    expect(sim.advanceTo(LIMITS.simulatedMs + 1)).toBe(true);
    expect(sim.time).toBe(LIMITS.simulatedMs);
    expect(sim.exhausted).toBe(
      'The run stopped at 7 d of simulated time, the longest the playground simulates (a session or an action cannot name a later instant). Seek back, or Reset, to go on exploring.',
    );
    expect(sim.advanceTo(LIMITS.simulatedMs + 10)).toBe(true);
    expect(sim.time).toBe(LIMITS.simulatedMs);
    sim.seek(60_000);
    expect(sim.exhausted).toBeNull();
    expect(sim.time).toBe(60_000);
    // Up to the limit itself, nothing stops.
    expect(sim.advanceTo(LIMITS.simulatedMs)).toBe(false);
    expect(sim.exhausted).toBeNull();
  });

  it('counts the records kept (messages, log lines, state changes, processes) as well', () => {
    const sim = Simulation.fromScenario(restored(crashLoop), { record: true, budget: { records: 20_000 } });
    sim.run();
    expect(sim.exhausted).toContain('it used its budget of 20,000 records kept');
    const k = sim.cluster.k;
    const kept = k.messages.length + k.logs.length + sim.cluster.world.changes.length + k.state.procs.length;
    // Looked at every 1,024 events: overshot by at most what those events keep.
    expect(kept).toBeGreaterThanOrEqual(20_000);
    expect(kept).toBeLessThan(20_000 + 10_000);
  });

  it('never counts a stretch twice when a seek back replays it from a checkpoint', () => {
    const straight = Simulation.fromScenario(restored(crashLoop), { record: false });
    straight.advanceTo(120_000);
    const used = straight.cluster.k.state.eventsProcessed;
    const enough = Simulation.fromScenario(restored(crashLoop), { checkpoints: true, budget: { events: used + 1 } });
    for (const t of [120_000, 30_000, 90_000, 5_000, 120_000]) enough.seek(t);
    expect(enough.exhausted).toBeNull();
    const recorded = Simulation.fromScenario(restored(crashLoop));
    recorded.advanceTo(120_000);
    expect(enough.traceHash()).toBe(recorded.traceHash());
    const short = Simulation.fromScenario(restored(crashLoop), { checkpoints: true, budget: { events: used - 1 } });
    short.seek(120_000);
    expect(short.exhausted).not.toBeNull();
  });

  it('stops a step-by-step run too', () => {
    const sim = Simulation.fromScenario(restored(crashLoop), { record: false, budget: { events: 500 } });
    let steps = 0;
    while (sim.step()) steps++;
    expect(sim.exhausted).toContain('work budget of 500 events');
    expect(sim.cluster.k.state.eventsProcessed).toBe(500);
    // Every event a step, plus the submit (an action is a step of its own).
    expect(steps).toBe(501);
  });
});

// The canvas's model tells one truth at a time and shows the waits from the engine's own timers:
// a killed executor's state and exit code agree at once, a killed driver shows KILLED before it
// leaves, executors whose launch failed appear, a back-off's relaunch time is its pending timer's,
// and a silent worker's DEAD time is when the Master buries it.
import { describe, expect, it } from 'vitest';
import { restoreScenario } from '../scenario/restore';
import { Simulation } from '../simulation';
import { SUBMIT, scenario } from '../test-support/run';
import { clusterNodes, ENDED_CARD_MS } from './cluster-view';
import type { ProcessCardView, WorkerNodeView } from './frame-types';

const PI = 'org.apache.spark.examples.SparkPi /opt/spark/examples/jars/spark-examples.jar';
const FINAL = new Set(['KILLED', 'FAILED', 'LOST', 'EXITED', 'FINISHED', 'ERROR', 'DECOMMISSIONED']);

function build(partial: Record<string, unknown>): Simulation {
  const r = restoreScenario(scenario(partial), { source: 'cli' });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return Simulation.fromScenario(r.scenario);
}

const workers = (s: Simulation): WorkerNodeView[] =>
  clusterNodes(s.cluster).filter((n): n is WorkerNodeView => n.kind === 'worker');
const cards = (s: Simulation): ProcessCardView[] => workers(s).flatMap((w) => w.processes);

/** Every card agrees with itself: an exit code only once ended, and an ended card in a final state. */
function expectConsistent(s: Simulation): void {
  for (const c of cards(s)) {
    if (c.exitCode !== null) expect(c.ended, `${c.id} ${c.state} exit ${c.exitCode}`).toBe(true);
    if (c.ended) expect(FINAL.has(c.state) || c.state === 'RELAUNCHING', `${c.id} ended as ${c.state}`).toBe(true);
  }
}

const twoWorkers = [
  { host: 'w1', cores: 4, memory: '8g' },
  { host: 'w2', cores: 4, memory: '8g' },
];

describe('process cards', () => {
  it('keeps a client-mode driver on the client as FINISHED, exit 0, after its JVM exits, then lets it go', () => {
    const s = build({
      workers: twoWorkers,
      actions: [{ at: 0, type: 'submit', command: `${SUBMIT} --class ${PI} 10`, workload: { tasks: 8, taskMs: 1000 } }],
    });
    const clientDriver = () => {
      const client = clusterNodes(s.cluster).find((n) => n.kind === 'client');
      return client?.kind === 'client' ? client.processes.find((p) => p.kind === 'driver') : undefined;
    };
    let exitedAt = -1;
    for (let t = 0; t < 60_000 && exitedAt < 0; t += 100) {
      s.advanceTo(t);
      const card = clientDriver();
      if (card?.ended) {
        exitedAt = t;
        expect(card).toMatchObject({ state: 'FINISHED', exitCode: 0, ended: true });
      } else if (card) {
        expect(card).toMatchObject({ state: 'RUNNING', exitCode: null });
      }
    }
    expect(exitedAt).toBeGreaterThan(0);
    s.advanceTo(exitedAt + ENDED_CARD_MS - 200);
    expect(clientDriver()?.state).toBe('FINISHED');
    s.advanceTo(exitedAt + ENDED_CARD_MS + 200);
    expect(clientDriver()).toBeUndefined();
  });

  it('shows a kill -9 executor as EXITED 137 at once, before its runner notices, and counts its tasks before', () => {
    const s = build({
      workers: twoWorkers,
      actions: [
        { at: 0, type: 'submit', command: `${SUBMIT} --class ${PI} 10`, workload: { tasks: 400, taskMs: 1000 } },
      ],
    });
    // Once both executors' JVMs have registered and run tasks.
    s.advanceTo(20_000);
    const running = cards(s).filter((c) => c.kind === 'executor' && c.state === 'RUNNING');
    expect(running.length).toBe(2);
    for (const c of running) expect(c.runningTasks).toBe(4);
    const target = running[0] as ProcessCardView;
    s.apply({ type: 'kill-executor', target: target.id });
    // No event has run yet: the JVM is gone, the Worker has not heard.
    const killed = cards(s).find((c) => c.id === target.id);
    expect(killed).toMatchObject({ state: 'EXITED', exitCode: 137, ended: true });
    expect(killed?.runningTasks).toBeUndefined();
    expectConsistent(s);
    for (let t = 8_000; t < 20_000; t += 50) {
      s.advanceTo(t);
      expectConsistent(s);
    }
  });

  it('shows a killed supervised driver as KILLED before its card leaves', () => {
    const s = build({
      workers: twoWorkers,
      actions: [
        {
          at: 0,
          type: 'submit',
          command: `${SUBMIT} --deploy-mode cluster --supervise --class ${PI} 10`,
          workload: { tasks: 100_000, taskMs: 1000 },
        },
      ],
    });
    s.advanceTo(6_000);
    const driver = cards(s).find((c) => c.kind === 'driver');
    expect(driver?.state).toBe('RUNNING');
    s.apply({ type: 'kill-driver', target: driver?.id ?? '' });
    const seen: string[] = [];
    for (let t = 6_000; t < 20_000; t += 20) {
      s.advanceTo(t);
      expectConsistent(s);
      const d = cards(s).find((c) => c.id === driver?.id);
      if (d && seen[seen.length - 1] !== d.state) seen.push(d.state);
    }
    expect(seen).toContain('KILLED');
    expect(seen[seen.length - 1]).toBe('KILLED');
    expect(cards(s).some((c) => c.id === driver?.id)).toBe(false);
  });

  it('lets the cards of a killed Worker leave, also a driver caught between two runs', () => {
    const s = build({
      workers: twoWorkers,
      actions: [
        {
          at: 0,
          type: 'submit',
          command: `${SUBMIT} --deploy-mode cluster --supervise --class ${PI} 10`,
          driverFault: { kind: 'crash', afterMs: 2000, exitCode: 1 },
        },
      ],
    });
    let host = '';
    for (let t = 0; t < 30_000 && !host; t += 50) {
      s.advanceTo(t);
      host = workers(s).find((w) => w.processes.some((c) => c.relaunch))?.id ?? '';
    }
    expect(host).not.toBe('');
    s.apply({ type: 'kill-worker', target: host });
    const killedAt = s.time;
    s.advanceTo(killedAt + 1);
    expect(
      workers(s)
        .find((w) => w.id === host)
        ?.processes.every((c) => c.ended),
    ).toBe(true);
    s.advanceTo(killedAt + 20_000);
    expect(workers(s).find((w) => w.id === host)?.processes).toEqual([]);
  });

  it('draws the executors whose launch failed, from the Master’s records, as their ids climb', () => {
    const s = build({
      workers: twoWorkers,
      actions: [
        {
          at: 0,
          type: 'submit',
          command: `${SUBMIT} --executor-cores 2 --total-executor-cores 4 --class ${PI} 10`,
          executorFault: { kind: 'launch-failure' },
        },
      ],
    });
    const ids = new Set<string>();
    let launching = 0;
    s.advanceTo(2_500);
    expect(cards(s)).toEqual([]);
    for (let t = 2_500; t < 5_000; t += 1) {
      s.advanceTo(t);
      for (const w of workers(s)) {
        for (const c of w.processes) {
          if (!c.masterOnly) continue;
          ids.add(c.id);
          if (c.state === 'LAUNCHING') {
            launching++;
            expect(c.cores).toBe(2);
          } else expect(c).toMatchObject({ state: c.state, ended: true, cores: 0 });
        }
      }
      expectConsistent(s);
    }
    expect(launching).toBeGreaterThan(0);
    // spark.deploy.maxExecutorRetries = 10: exec 0 … exec 10 were each on a card.
    expect(ids.size).toBeGreaterThanOrEqual(10);
  });
});

describe('waits', () => {
  it("gives a back-off's relaunch time as the pending DriverRelaunch timer's, with the restart count", () => {
    const s = build({
      workers: twoWorkers,
      actions: [
        {
          at: 0,
          type: 'submit',
          command: `${SUBMIT} --deploy-mode cluster --supervise --class ${PI} 10`,
          // Each run (the JVM's 3 s start, then 1 s) stays under the 5 s that would reset the back-off.
          driverFault: { kind: 'crash', afterMs: 1000, exitCode: 1 },
        },
      ],
    });
    const waits: { restarts: number; length: number }[] = [];
    for (let t = 0; t < 90_000; t += 100) {
      s.advanceTo(t);
      const d = cards(s).find((c) => c.kind === 'driver');
      if (!d?.relaunch) continue;
      expect(d.state).toBe('RELAUNCHING');
      expect(d.relaunch.lastExitCode).toBe(1);
      const timer = s.cluster.k.state.queue.find((e) => e.msg.type === 'DriverRelaunch');
      expect(timer?.t).toBe(d.relaunch.at);
      const length = d.relaunch.at - d.relaunch.since;
      if (waits[waits.length - 1]?.length !== length) waits.push({ restarts: d.restarts ?? 0, length });
    }
    expect(waits).toEqual([
      { restarts: 1, length: 1_000 },
      { restarts: 2, length: 2_000 },
      { restarts: 3, length: 4_000 },
      { restarts: 4, length: 8_000 },
      { restarts: 5, length: 16_000 },
      { restarts: 6, length: 32_000 },
    ]);
  });

  it("shows a powered-off worker's heartbeat age and the instant the Master's check buries it", () => {
    const s = build({
      workers: twoWorkers,
      actions: [{ at: 20_000, type: 'power-off', target: 'w2' }],
    });
    let deadAt: number | null = null;
    let lastHeartbeatAt = 0;
    for (let t = 20_000; t < 200_000; t += 500) {
      s.advanceTo(t);
      const w2 = workers(s).find((w) => w.id === 'w2');
      if (w2?.silent) {
        deadAt ??= w2.silent.deadAt;
        expect(w2.silent.deadAt).toBe(deadAt);
        lastHeartbeatAt = w2.silent.lastHeartbeatAt;
        expect(t - lastHeartbeatAt).toBeGreaterThan((1.5 * 60_000) / 4);
      }
      expect(workers(s).find((w) => w.id === 'w1')?.silent).toBeUndefined();
    }
    expect(deadAt).not.toBeNull();
    const dead = s.cluster.world.changes.find((c) => c.kind === 'worker' && c.to === 'DEAD');
    expect(dead?.t).toBe(deadAt);
    expect(lastHeartbeatAt).toBeLessThan(20_000);
  });

  it("counts a worker's registration attempts while no Master answers, each due at its retry", () => {
    const s = build({
      workers: [{ host: 'w1', cores: 4, memory: '8g' }],
      actions: [{ at: 0, type: 'kill-master' }],
    });
    const seen: { attempt: number; at: number }[] = [];
    for (let t = 0; t < 120_000; t += 250) {
      s.advanceTo(t);
      const r = workers(s)[0]?.registering;
      if (r && seen[seen.length - 1]?.attempt !== r.attempt) seen.push({ attempt: r.attempt, at: r.at });
    }
    expect(seen.map((r) => r.attempt).slice(0, 4)).toEqual([0, 1, 2, 3]);
    // Each retry logs "Retrying connection to master (attempt # N)" at the time the card counted down to.
    const retries = s.cluster.k.logs.filter((l) => l.text.startsWith('Retrying connection to master'));
    for (const [i, r] of seen.slice(0, 3).entries()) {
      expect(retries[i]?.t).toBe(r.at);
      expect(retries[i]?.text).toContain(`attempt # ${i + 1}`);
    }
  });
});

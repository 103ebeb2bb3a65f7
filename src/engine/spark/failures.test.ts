// Failure paths (Master.scala's timeOutDeadWorkers and removeWorker, Worker.scala's registration
// retries, DriverRunner's supervise loop, the kills): what the Master, Workers, drivers and executors do when a
// process dies, a machine goes dark, the network splits, or the user's code crashes — outcomes
// and the timings Spark really has.
import { describe, expect, it } from 'vitest';
import type { Simulation } from '../simulation';
import type { MasterState } from './master-state';
import { SUBMIT, simulate } from '../test-support/run';
import { CLUSTER_DRIVER_STARTUP_MS, DRIVER_JVM_STARTUP_MS, WORKER_JVM_STARTUP_MS } from './timings';

const PI = '--class org.apache.spark.examples.SparkPi examples.jar';
const TWO_WORKERS = [
  { host: 'w1', cores: 4, memory: '8g' },
  { host: 'w2', cores: 4, memory: '8g' },
];

function masterWorker(sim: Simulation, host: string) {
  return sim.output().master?.workers.find((w) => w.host === host);
}

function changesOf(sim: Simulation, subjectPrefix: string) {
  return sim.cluster.world.changes.filter((ch) => ch.subject.startsWith(subjectPrefix));
}

describe('worker process killed (kill-worker)', () => {
  const base = {
    workers: [...TWO_WORKERS, { host: 'w3', cores: 4, memory: '8g' }],
    actions: [
      {
        at: 0,
        type: 'submit',
        command: `${SUBMIT} --executor-cores 2 --total-executor-cores 4 ${PI} 200`,
        workload: { tasks: 200, taskMs: 1000 },
      },
      { at: 20_000, type: 'kill-worker', target: 'w3' },
    ],
  };

  it('is removed at once through the disconnect; its executors are LOST and replaced elsewhere', () => {
    const sim = simulate(base, 20_100);
    expect(masterWorker(sim, 'w3')?.state).toBe('DEAD');
    const removal = sim.cluster.world.changes.find((ch) => ch.kind === 'worker' && ch.to === 'DEAD');
    expect(removal?.t).toBeLessThan(20_010);
    expect(removal?.cause.type).toBe('Disconnected');
    expect(sim.logLines(0).some((l) => l.includes('got disassociated'))).toBe(true);
    const app = sim.output().apps[0]!;
    const lost = app.removedExecutors.filter((e) => e.state === 'LOST');
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.every((e) => e.worker === 'w3')).toBe(true);
    // Replacements on the surviving workers bring the app back to its 4 cores.
    const running = app.executors.filter((e) => e.worker !== 'w3');
    expect(running.reduce((n, e) => n + e.cores, 0)).toBe(4);
    const trace = sim.traceSince(0);
    expect(trace.some((m) => m.type === 'WorkerRemoved' && m.to.startsWith('AppClient@client'))).toBe(true);
    expect(trace.some((m) => m.type === 'ExecutorUpdated' && m.t >= 20_000)).toBe(true);
  });

  it('takes its executors with it (WorkerWatcher) and the app still finishes', () => {
    const sim = simulate(base);
    const out = sim.output();
    expect(out.apps[0]?.state).toBe('FINISHED');
    const w3Executors = sim.cluster.k.state.procs.filter((p) => p.kind === 'executor' && p.host === 'w3');
    expect(w3Executors.length).toBeGreaterThan(0);
    expect(w3Executors.every((p) => !p.alive && p.exitedAt <= 20_020)).toBe(true);
  });
});

describe('machine powered off and partitions: only the heartbeat timeout notices', () => {
  it('keeps a powered-off worker ALIVE until the first check more than 60 s after its last heartbeat', () => {
    const sim = simulate({ workers: TWO_WORKERS, actions: [{ at: 20_000, type: 'power-off', target: 'w2' }] }, 119_000);
    expect(masterWorker(sim, 'w2')?.state).toBe('ALIVE');
    sim.advanceTo(120_100);
    expect(masterWorker(sim, 'w2')?.state).toBe('DEAD');
    const dead = sim.cluster.world.changes.find((ch) => ch.kind === 'worker' && ch.to === 'DEAD');
    // Last heartbeat at ~15 s; checks run at 0, 60, 120 s: 15 < 60 − 60 is false, 15 < 120 − 60 is true.
    expect(dead?.t).toBe(120_000);
    expect(dead?.cause.type).toBe('CheckForWorkerTimeOut');
    expect(sim.logLines(0).join('\n')).toContain('because we got no heartbeat in 60 seconds');
  });

  it('culls a DEAD worker after (spark.dead.worker.persistence + 1) × timeout', () => {
    const sim = simulate(
      {
        conf: { 'spark.worker.timeout': '10', 'spark.dead.worker.persistence': '2' },
        workers: TWO_WORKERS,
        actions: [{ at: 1_000, type: 'power-off', target: 'w2' }],
      },
      60_000,
    );
    // timeout 10 s: last heartbeat ~0 s, DEAD at the check at 20 s, culled once lastHeartbeat < now − 30 s: at 40 s.
    expect(sim.output().master?.workers.map((w) => w.host)).toEqual(['w1']);
  });

  it('after a heal, the worker is told to reconnect, re-registers, and the Master kills what it no longer knows', () => {
    const sim = simulate(
      {
        workers: TWO_WORKERS,
        actions: [
          { at: 0, type: 'submit', command: `${SUBMIT} ${PI} 400`, workload: { tasks: 400, taskMs: 6000 } },
          { at: 15_500, type: 'partition', between: ['w2', 'master'] },
          { at: 150_000, type: 'heal' },
        ],
      },
      180_000,
    );
    const trace = sim.traceSince(0);
    const reconnect = trace.find((m) => m.type === 'ReconnectWorker');
    expect(reconnect?.t).toBeGreaterThanOrEqual(150_000);
    const reregister = trace.find(
      (m) => m.type === 'RegisterWorker' && m.t > 150_000 && m.from.startsWith('Worker@w2'),
    );
    expect(reregister).toBeDefined();
    const latest = trace.filter((m) => m.type === 'WorkerLatestState' && m.t > 150_000);
    expect(latest).toHaveLength(1);
    const kills = trace.filter((m) => m.type === 'KillExecutor' && m.t > 150_000 && m.to.startsWith('Worker@w2'));
    expect(kills.length).toBe(1);
    expect(masterWorker(sim, 'w2')?.state).toBe('ALIVE');
    // The re-registered worker's heartbeats reach its new WorkerInfo (not the one removed as DEAD,
    // which the Master's per-sender heartbeat memo held before).
    const master = sim.cluster.k.state.procs.find((p) => p.kind === 'master')!.state as MasterState;
    const w2 = master.workers.filter((w) => w.host === 'w2');
    expect(w2.map((w) => w.state)).toEqual(['ALIVE']);
    const epoch = sim.cluster.world.epochMs;
    expect(w2[0]!.lastHeartbeat - epoch).toBeGreaterThan(175_000 - 60_000 / 4);
    expect(master.idToWorker.get(w2[0]!.id)).toBe(w2[0]);
    // Messages across the cut were lost, not delivered.
    expect(trace.some((m) => m.type === 'Heartbeat' && m.from.startsWith('Worker@w2') && !m.delivered)).toBe(true);
  });

  it('a one-way partition master → worker also ends in a heartbeat timeout only when heartbeats are cut', () => {
    const oneWayIn = simulate(
      { workers: TWO_WORKERS, actions: [{ at: 5_000, type: 'partition', between: ['master', 'w2'], oneWay: true }] },
      200_000,
    );
    // Heartbeats (w2 → master) still arrive: the Master never notices.
    expect(masterWorker(oneWayIn, 'w2')?.state).toBe('ALIVE');
    const oneWayOut = simulate(
      { workers: TWO_WORKERS, actions: [{ at: 5_000, type: 'partition', between: ['w2', 'master'], oneWay: true }] },
      200_000,
    );
    expect(masterWorker(oneWayOut, 'w2')?.state).not.toBe('ALIVE');
  });
});

describe('worker registration retries (Worker.scala registerWithMaster / reregisterWithMaster)', () => {
  it('retries at the randomised short interval six times, then the long one, and gives up after attempt 16', () => {
    const sim = simulate({
      workers: [],
      actions: [
        { at: 0, type: 'kill-master' },
        { at: 1_000, type: 'add-worker', host: 'w9', cores: 2, memory: '2g' },
      ],
    });
    const worker = sim.cluster.k.state.procs.find((p) => p.kind === 'worker' && p.host === 'w9')!;
    const fuzz = (worker.state as { fuzz: number }).fuzz;
    const I = Math.round(10 * fuzz) * 1000;
    const P = Math.round(60 * fuzz) * 1000;
    const sends = sim
      .traceSince(0)
      .filter((m) => m.type === 'RegisterWorker' && m.from.startsWith('Worker@w9'))
      .map((m) => m.t - 1_000 - WORKER_JVM_STARTUP_MS);
    const expected = [
      0,
      ...[1, 2, 3, 4, 5, 6].map((n) => n * I),
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => 6 * I + n * P),
    ];
    expect(sends).toEqual(expected);
    expect(worker.alive).toBe(false);
    expect(worker.exitedAt - 1_000 - WORKER_JVM_STARTUP_MS).toBe(6 * I + 11 * P);
    expect(worker.exitCode).toBe(1);
    expect(sim.logLines(0).join('\n')).toContain('All masters are unresponsive! Giving up.');
  });

  it('restart-worker starts a new Worker process that registers under a new id', () => {
    const sim = simulate(
      {
        workers: TWO_WORKERS,
        actions: [
          { at: 5_000, type: 'kill-worker', target: 'w2' },
          { at: 8_000, type: 'restart-worker', target: 'w2' },
        ],
      },
      // The new Worker's JVM starts before it registers.
      8_000 + WORKER_JVM_STARTUP_MS + 1_000,
    );
    const w2 = sim.output().master!.workers.filter((w) => w.host === 'w2');
    expect(w2.map((w) => w.state).sort()).toEqual(['ALIVE', 'DEAD']);
    expect(new Set(w2.map((w) => w.id)).size).toBe(2);
    expect(w2.find((w) => w.state === 'ALIVE')?.id).toMatch(/^worker-20260101000008-w2-\d+$/);
  });
});

describe('drivers', () => {
  const cluster = (extra: string, driverFault?: unknown) => ({
    workers: TWO_WORKERS,
    actions: [
      {
        at: 0,
        type: 'submit',
        command: `${SUBMIT} --deploy-mode cluster ${extra} ${PI} 20`,
        workload: { tasks: 20, taskMs: 100 },
        ...(driverFault ? { driverFault } : {}),
      },
    ],
  });

  it('--supervise restarts a crashing driver after 1, 2, 4 s, same id, the Master still sees RUNNING', () => {
    const sim = simulate(cluster('--supervise', { kind: 'crash', afterMs: 500, exitCode: 1 }), 30_000);
    const starts = sim.cluster.k.state.procs.filter((p) => p.kind === 'driver').map((p) => p.startedAt);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    // Each run: the JVM's start, the 500 ms to the crash; then the back-off.
    expect(gaps).toEqual([1000, 2000, 4000].map((wait) => DRIVER_JVM_STARTUP_MS + 500 + wait));
    const out = sim.output();
    expect(out.drivers).toHaveLength(1);
    expect(out.drivers[0]).toMatchObject({ state: 'RUNNING', restarts: 4 });
    expect(sim.logLines(0).join('\n')).toContain('Command exited with status 1, re-launching after 4 s.');
  });

  it('--supervise resets the back-off to 1 s after a run longer than 5 s', () => {
    const base = cluster('--supervise', { kind: 'crash', afterMs: 6_000, exitCode: 3 });
    // A job long enough that every run of the driver crashes before it ends.
    const longJob = { ...base, actions: [{ ...base.actions[0]!, workload: { tasks: 2_000, taskMs: 1_000 } }] };
    const sim = simulate(longJob, 50_000);
    const starts = sim.cluster.k.state.procs.filter((p) => p.kind === 'driver').map((p) => p.startedAt);
    // Each run lasts the JVM's start + 6 s (> 5 s), so every wait is 1 s: five runs in 50 s.
    const gap = DRIVER_JVM_STARTUP_MS + 6_000 + 1_000;
    expect(starts.slice(1).map((t, i) => t - starts[i]!)).toEqual([gap, gap, gap, gap]);
  });

  it('without --supervise a crashing driver ends FAILED and its app FINISHED (AppClient disconnect)', () => {
    const sim = simulate(cluster('', { kind: 'crash', afterMs: 5_000, exitCode: 1 }));
    const out = sim.output();
    expect(out.drivers[0]?.state).toBe('FAILED');
    expect(out.apps[0]?.state).toBe('FINISHED');
  });

  it('a supervised driver survives its worker: relaunched with a new id, the old one RELAUNCHING', () => {
    const base = cluster('--supervise');
    const probe = simulate(base, 5_000).output().drivers[0]!;
    const sim = simulate({
      ...base,
      actions: [...base.actions, { at: 5_000, type: 'kill-worker', target: probe.worker }],
    });
    const out = sim.output();
    expect(out.drivers).toHaveLength(2);
    expect(out.drivers[0]).toMatchObject({ id: probe.id, state: 'RELAUNCHING' });
    expect(out.drivers[1]?.id).not.toBe(probe.id);
    expect(out.drivers[1]).toMatchObject({ state: 'FINISHED' });
    expect(out.drivers[1]?.worker).not.toBe(probe.worker);
  });

  it('an unsupervised driver is lost with its worker: ERROR', () => {
    const base = cluster('');
    const probe = simulate(base, 5_000).output().drivers[0]!;
    const sim = simulate({
      ...base,
      actions: [...base.actions, { at: 5_000, type: 'kill-worker', target: probe.worker }],
    });
    expect(sim.output().drivers.map((d) => d.state)).toEqual(['ERROR']);
  });

  it('kill-driver: a running driver is KILLED through KillDriver; a waiting one at once', () => {
    const running = simulate({
      ...cluster(''),
      actions: [...cluster('').actions, { at: 5_000, type: 'kill-driver', target: 'driver-20260101000002-0000' }],
    });
    expect(running.output().drivers[0]?.state).toBe('KILLED');
    expect(running.traceSince(0).some((m) => m.type === 'KillDriver')).toBe(true);
    const waiting = simulate({
      workers: [{ host: 'w1', cores: 1, memory: '1g' }],
      actions: [
        { at: 0, type: 'submit', command: `${SUBMIT} --deploy-mode cluster --driver-memory 2g ${PI} 2` },
        { at: 5_000, type: 'kill-driver', target: 'driver-20260101000002-0000' },
      ],
    });
    expect(waiting.output().drivers[0]?.state).toBe('KILLED');
    expect(waiting.traceSince(0).some((m) => m.type === 'KillDriver')).toBe(false);
  });

  it("kill-driver: the driver's shutdown hook stops its SparkContext while its Worker waits for the JVM", () => {
    // Drivers first-fit on w1 (ids sort by host), executors spread over both workers, all
    // registered with the driver long before the kill at 40 s.
    const sim = simulate({
      conf: { 'spark.deploy.spreadOutDrivers': 'false', 'spark.worker.idPattern': 'worker-%2$s-%3$d-%1$s' },
      workers: TWO_WORKERS,
      actions: [
        {
          at: 0,
          type: 'submit',
          command: `${SUBMIT} --deploy-mode cluster --executor-cores 1 --total-executor-cores 4 ${PI} 400`,
          workload: { tasks: 400, taskMs: 1000 },
        },
        { at: 40_000, type: 'kill-driver', target: 'driver-20260101000002-0000' },
      ],
    });
    const out = sim.output();
    expect(out.drivers[0]).toMatchObject({ state: 'KILLED', worker: 'w1' });
    const lines = sim.logLines(0);
    const at = (text: string) => lines.findIndex((l) => l.includes(text));
    // SIGTERM runs SparkContext's shutdown hook: the executors are told to stop and the app unregisters.
    expect(at('Invoking stop() from shutdown hook')).toBeGreaterThan(at('Asked to kill driver'));
    expect(at('Received unregister request from application')).toBeGreaterThan(at('Invoking stop()'));
    // w2's Worker kills its executors at once; w1's handles the Master's KillExecutor only once the
    // driver JVM is gone, after its own executor has exited by itself.
    // The Master removed the app while its executors ran: it holds them all KILLED.
    const app = out.apps[0]!;
    expect(app.state).toBe('FINISHED');
    expect(app.executors.map((e) => e.state)).toEqual(['KILLED', 'KILLED', 'KILLED', 'KILLED']);
    expect(lines.filter((l) => /Worker@w2: .* finished with state KILLED/.test(l))).toHaveLength(2);
    const w1Lines = lines.filter((l) => l.includes('Worker@w1:'));
    const killedByUser = w1Lines.findIndex((l) => l.includes('was killed by user'));
    const exited = w1Lines.findIndex((l) => /finished with state EXITED message Command exited with code 0/.test(l));
    const askedToKill = w1Lines.findIndex((l) => l.includes('Asked to kill executor'));
    expect(askedToKill).toBeGreaterThan(w1Lines.findIndex((l) => l.includes('Asked to kill driver')));
    expect(exited).toBeGreaterThan(askedToKill);
    expect(killedByUser).toBeGreaterThan(exited);
    // An executor that had already exited is not "interrupted".
    expect(w1Lines.filter((l) => l.includes('interrupted'))).toEqual([]);
  });

  it('crash-driver makes the driver process exit non-zero; --supervise brings it back', () => {
    const sim = simulate({
      ...cluster('--supervise'),
      actions: [
        ...cluster('--supervise').actions,
        { at: 5_000, type: 'crash-driver', target: 'driver-20260101000002-0000' },
      ],
    });
    expect(sim.output().drivers[0]).toMatchObject({ state: 'FINISHED', restarts: 1 });
  });
});

describe('executors', () => {
  it('an app whose executors fail to launch is FAILED after exactly 10 of them', () => {
    const sim = simulate({
      workers: TWO_WORKERS,
      actions: [{ at: 0, type: 'submit', command: `${SUBMIT} ${PI} 10`, executorFault: { kind: 'launch-failure' } }],
    });
    const app = sim.output().apps[0]!;
    expect(app.state).toBe('FAILED');
    expect(app.removedExecutors.filter((e) => e.state === 'FAILED')).toHaveLength(10);
    expect(sim.logLines(0).join('\n')).toContain('failed 10 times; removing it');
    expect(sim.logLines(0).join('\n')).toContain(
      'Application has been killed. Reason: Master removed our application: FAILED',
    );
  });

  it('spark.deploy.maxExecutorRetries=-1 never removes the app', () => {
    const sim = simulate(
      {
        conf: { 'spark.deploy.maxExecutorRetries': '-1' },
        workers: TWO_WORKERS,
        actions: [{ at: 0, type: 'submit', command: `${SUBMIT} ${PI} 10`, executorFault: { kind: 'launch-failure' } }],
      },
      30_000,
    );
    const app = sim.output().apps[0]!;
    expect(app.state).toBe('RUNNING');
    expect(app.removedExecutors.length).toBeGreaterThan(10);
  });

  it('executors that crash after reaching RUNNING are relaunched without end', () => {
    const sim = simulate(
      {
        workers: TWO_WORKERS,
        actions: [
          {
            at: 0,
            type: 'submit',
            // Each crash fails the tasks it ran: without this the job aborts (next test).
            command: `${SUBMIT} --conf spark.task.maxFailures=1000 ${PI} 1000`,
            workload: { tasks: 1000, taskMs: 5_000 },
            executorFault: { kind: 'crash', afterMs: 3_000, exitCode: 1 },
          },
        ],
      },
      120_000,
    );
    const app = sim.output().apps[0]!;
    expect(app.state).toBe('RUNNING');
    // A round: the executor JVM's start (13.4 s), then 3 s to the crash: seven in 120 s, on two workers.
    expect(app.removedExecutors.length).toBeGreaterThan(12);
    expect(app.removedExecutors.every((e) => e.state === 'EXITED')).toBe(true);
  });

  it('a task lost with its crashed executor spark.task.maxFailures times aborts the job (TaskSetManager)', () => {
    const run = (conf: string) =>
      simulate({
        workers: TWO_WORKERS,
        actions: [
          {
            at: 0,
            type: 'submit',
            command: `${SUBMIT} ${conf} ${PI} 1000`,
            workload: { tasks: 1000, taskMs: 5_000 },
            executorFault: { kind: 'crash', afterMs: 3_000, exitCode: 1 },
          },
        ],
      });
    const sim = run('');
    const lines = sim.logLines(0);
    // No 5 s task outlives a 3 s executor, and a lost task is the next one offered (the pending
    // list is read from its end): the first tasks fail on four executors in a row.
    const aborting = lines.findIndex((l) => /ERROR Task \d+ in stage 0\.0 failed 4 times; aborting job/.test(l));
    expect(aborting).toBeGreaterThan(0);
    const failedTask = /Task (\d+) in stage/.exec(lines[aborting]!)![1];
    expect(lines.filter((l) => l.includes(`Lost task ${failedTask}.`))).toHaveLength(4);
    expect(lines[aborting + 1]).toMatch(/Job 0 failed: reduce at SparkPi\.scala:38/);
    // The driver stops its SparkContext: the app unregisters and is FINISHED.
    expect(sim.output().apps[0]!.state).toBe('FINISHED');
    // spark.task.maxFailures=2 aborts after two failures of one task.
    const two = run('--conf spark.task.maxFailures=2').logLines(0);
    expect(two.some((l) => /failed 2 times; aborting job/.test(l))).toBe(true);
  });

  it('a task lost with its worker does not count towards spark.task.maxFailures', () => {
    const sim = simulate({
      workers: [...TWO_WORKERS, { host: 'w3', cores: 4, memory: '8g' }],
      actions: [
        {
          at: 0,
          type: 'submit',
          command: `${SUBMIT} --conf spark.task.maxFailures=1 ${PI} 200`,
          workload: { tasks: 200, taskMs: 1000 },
        },
        { at: 20_000, type: 'kill-worker', target: 'w3' },
      ],
    });
    const lines = sim.logLines(0);
    expect(lines.some((l) => /Lost task .*exited unrelated to the running tasks/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes('aborting job'))).toBe(false);
    expect(sim.output().apps[0]!.state).toBe('FINISHED');
  });

  it('kill-executor: the process exits non-zero, the Master counts a failure and launches a replacement', () => {
    const sim = simulate(
      {
        workers: TWO_WORKERS,
        actions: [
          { at: 0, type: 'submit', command: `${SUBMIT} ${PI} 200`, workload: { tasks: 200, taskMs: 1_000 } },
          { at: 8_000, type: 'kill-executor', target: 'app-20260101000003-0000/0' },
        ],
      },
      9_000,
    );
    const app = sim.output().apps[0]!;
    expect(app.removedExecutors).toEqual([expect.objectContaining({ id: 0, state: 'EXITED' })]);
    expect(app.executors.map((e) => e.id).sort()).toEqual([1, 2]);
    expect(sim.traceSince(0).some((m) => m.type === 'ExecutorStateChanged' && m.t >= 8_000)).toBe(true);
  });

  it('kill-app: KILLED, executors killed, ApplicationRemoved to the driver', () => {
    const sim = simulate({
      workers: TWO_WORKERS,
      actions: [
        { at: 0, type: 'submit', command: `${SUBMIT} ${PI} 200`, workload: { tasks: 200, taskMs: 1_000 } },
        { at: 8_000, type: 'kill-app', target: 'app-20260101000003-0000' },
      ],
    });
    expect(sim.output().apps[0]?.state).toBe('KILLED');
    const trace = sim.traceSince(0);
    expect(trace.some((m) => m.type === 'ApplicationRemoved')).toBe(true);
    expect(trace.filter((m) => m.type === 'KillExecutor' && m.t >= 8_000)).toHaveLength(2);
    expect(sim.logLines(0).join('\n')).toContain('Master removed our application: KILLED');
    expect(sim.cluster.k.state.procs.find((p) => p.kind === 'driver')?.exitCode).toBe(1);
  });
});

describe('decommission (spark.decommission.enabled)', () => {
  it('marks the worker and its executors DECOMMISSIONED, does not re-schedule, and does not count exits', () => {
    const sim = simulate(
      {
        conf: { 'spark.decommission.enabled': 'true' },
        workers: TWO_WORKERS,
        actions: [
          {
            at: 0,
            type: 'submit',
            command: `${SUBMIT} --total-executor-cores 8 ${PI} 400`,
            workload: { tasks: 400, taskMs: 1_000 },
          },
          // Once the executors run tasks (their JVMs take 13.4 s to register).
          { at: 20_000, type: 'decommission-worker', target: 'w2' },
        ],
      },
      32_000,
    );
    const out = sim.output();
    expect(masterWorker(sim, 'w2')?.state).toBe('DECOMMISSIONED');
    const app = out.apps[0]!;
    expect(app.removedExecutors).toEqual([expect.objectContaining({ worker: 'w2', state: 'DECOMMISSIONED' })]);
    // No replacement: schedule() is not called by decommissionWorker, and w1 is full anyway.
    expect(app.executors.map((e) => e.worker)).toEqual(['w1']);
    // The executor exited 0 once its tasks were done; the Master saw an unknown executor.
    expect(sim.logLines(0).join('\n')).toContain('No running tasks, no block migration configured, stopping.');
    const id = app.removedExecutors[0]!.id;
    expect(changesOf(sim, `app-20260101000003-0000/${id}`).map((c) => c.to)).toEqual([
      'LAUNCHING',
      'RUNNING',
      'DECOMMISSIONED',
    ]);
  });

  it('is refused when the feature is disabled', () => {
    const sim = simulate(
      { workers: TWO_WORKERS, actions: [{ at: 1_000, type: 'decommission-worker', target: 'w2' }] },
      5_000,
    );
    expect(masterWorker(sim, 'w2')?.state).toBe('ALIVE');
    expect(sim.logLines(0).join('\n')).toContain('Receive decommission request, but decommission feature is disabled.');
  });
});

describe('network settings and causes', () => {
  it('set-conf changes latency and jitter from then on', () => {
    const sim = simulate(
      {
        network: { latencyMs: 2, jitterMs: 0 },
        workers: [{ host: 'w1', cores: 2, memory: '2g' }],
        actions: [{ at: 30_000, type: 'set-conf', key: 'network.latencyMs', value: '250' }],
      },
      70_000,
    );
    const beats = sim.traceSince(0).filter((m) => m.type === 'Heartbeat');
    const latencyAt = (t: number) => {
      const rec = sim.cluster.k.messages.find((m) => m.type === 'Heartbeat' && m.t === t);
      return rec ? rec.tDeliver - rec.t : NaN;
    };
    expect(beats.filter((b) => b.t < 30_000).every((b) => latencyAt(b.t) === 2)).toBe(true);
    expect(beats.filter((b) => b.t > 30_000).every((b) => latencyAt(b.t) === 250)).toBe(true);
  });

  it('records why each executor changed state (the message, timer or action that caused it)', () => {
    const sim = simulate(
      {
        workers: TWO_WORKERS,
        actions: [
          { at: 0, type: 'submit', command: `${SUBMIT} ${PI} 1000`, workload: { tasks: 1000, taskMs: 1_000 } },
          // Once the executors run (their JVMs register 13.4 s after launch), with work left at 120 s.
          { at: 20_000, type: 'power-off', target: 'w2' },
        ],
      },
      130_000,
    );
    const lost = sim.cluster.world.changes.find((ch) => ch.kind === 'executor' && ch.to === 'LOST');
    expect(lost).toMatchObject({ from: 'RUNNING', cause: { kind: 'timer', type: 'CheckForWorkerTimeOut' } });
    const running = sim.cluster.world.changes.find((ch) => ch.kind === 'executor' && ch.to === 'RUNNING');
    expect(running?.cause).toMatchObject({
      kind: 'message',
      type: 'ExecutorStateChanged',
      from: expect.stringMatching(/^Worker@w[12]$/),
    });
    const action = simulate(
      { workers: TWO_WORKERS, actions: [{ at: 1_000, type: 'kill-worker', target: 'w1' }] },
      2_000,
    );
    const dead = action.cluster.world.changes.find((ch) => ch.kind === 'worker' && ch.to === 'DEAD');
    expect(dead?.cause).toMatchObject({ kind: 'disconnect', type: 'Disconnected', from: 'Worker@w1' });
  });
});

describe('a driver that exits just after it sent RegisterApplication', () => {
  it("is heard disconnecting after the Master registered its app, so the app is removed (TCP's FIN follows the data)", () => {
    // Its code crashes just as the SparkContext sends RegisterApplication, with the registration in flight.
    const sim = simulate({
      workers: TWO_WORKERS,
      actions: [
        {
          at: 0,
          type: 'submit',
          command: `${SUBMIT} --deploy-mode cluster --executor-memory 1g ${PI} 60`,
          workload: { tasks: 60, taskMs: 1000 },
          driverFault: { kind: 'crash', afterMs: CLUSTER_DRIVER_STARTUP_MS - DRIVER_JVM_STARTUP_MS, exitCode: 1 },
        },
      ],
    });
    const out = sim.output();
    expect(out.drivers[0]?.state).toBe('FAILED');
    expect(out.apps.map((a) => a.state)).toEqual(['FINISHED']);
    expect(sim.time).toBeLessThan(60_000);
  });
});

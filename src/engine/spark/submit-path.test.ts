// Message-sequence tests for the submit path, from spark-submit (deploy/SparkSubmit.scala) to running
// executors and back: who sends what, in which order, and how the run ends, for client mode and
// cluster mode through the legacy gateway (deploy/Client.scala) and the REST one
// (deploy/rest/RestSubmissionClient.scala, StandaloneRestServer.scala).
import { describe, expect, it } from 'vitest';
import { CLIENT_DRIVER_STARTUP_MS, SUBMIT_CLIENT_STARTUP_MS } from './timings';
import { SUBMIT, controlMessages, firstIndex, simulate } from '../test-support/run';

const ONE_WORKER = [{ host: 'w1', cores: 4, memory: '8g' }];

function expectInOrder(trace: ReturnType<typeof controlMessages>, steps: [string, string?, string?][]): void {
  let last = -1;
  for (const [type, from, to] of steps) {
    const i = trace.findIndex(
      (m, idx) => idx > last && m.type === type && (!from || m.from.startsWith(from)) && (!to || m.to.startsWith(to)),
    );
    expect(i, `${type} ${from ?? ''} → ${to ?? ''} after index ${last}`).toBeGreaterThan(last);
    last = i;
  }
}

describe('worker registration', () => {
  it('registers, starts heartbeats every spark.worker.timeout/4 and reports its latest state', () => {
    const sim = simulate({ workers: ONE_WORKER }, 61_000);
    const trace = sim.traceSince(0);
    expectInOrder(trace, [
      ['RegisterWorker', 'Worker@w1', 'Master@master:7077'],
      ['RegisteredWorker', 'Master@master:7077', 'Worker@w1'],
      ['WorkerLatestState', 'Worker@w1', 'Master@'],
    ]);
    const beats = trace.filter((m) => m.type === 'Heartbeat').map((m) => m.t);
    // The first heartbeat goes right after RegisteredWorker, then every 15 s.
    expect(beats.length).toBe(5);
    expect(beats[1]! - beats[0]!).toBe(15_000);
    const out = sim.output();
    expect(out.master?.aliveworkers).toBe(1);
    expect(out.master?.workers[0]).toMatchObject({ host: 'w1', cores: 4, memory: 8192, state: 'ALIVE', coresused: 0 });
    expect(out.master?.workers[0]?.id).toMatch(/^worker-20260101000000-w1-\d+$/);
  });
});

describe('client deploy mode (StandaloneAppClient registers, the Master schedules, executors register with the driver)', () => {
  const sim = simulate({
    workers: ONE_WORKER,
    actions: [
      {
        at: 1000,
        type: 'submit',
        command: `${SUBMIT} --class org.apache.spark.examples.SparkPi --executor-memory 2g examples.jar 8`,
        workload: { tasks: 8, taskMs: 500 },
      },
    ],
  });
  const trace = controlMessages(sim.traceSince(0));

  it('follows the compact sequence of one worker, one executor and a normal finish', () => {
    expectInOrder(trace, [
      ['RegisterApplication', 'AppClient@client', 'Master@master'],
      ['RegisteredApplication', 'Master@', 'AppClient@client'],
      ['LaunchExecutor', 'Master@', 'Worker@w1'],
      ['ExecutorAdded', 'Master@', 'AppClient@client'],
      ['ExecutorStateChanged', 'ExecutorRunner@w1', 'Worker@w1'],
      ['ExecutorStateChanged', 'Worker@w1', 'Master@'],
      ['ExecutorUpdated', 'Master@', 'AppClient@client'],
      ['RetrieveSparkAppConfig', 'Executor@w1', 'CoarseGrainedScheduler@client'],
      ['RegisterExecutor', 'Executor@w1', 'CoarseGrainedScheduler@client'],
      ['RegisteredExecutor', 'Executor@w1', 'Executor@w1'],
      ['LaunchedExecutor', 'Executor@w1', 'CoarseGrainedScheduler@client'],
      ['StopExecutor', 'CoarseGrainedScheduler@client', 'Executor@w1'],
      ['UnregisterApplication', 'AppClient@client', 'Master@'],
      ['ApplicationFinished', 'Master@', 'Worker@w1'],
    ]);
  });

  it('runs every task on the executor and ends FINISHED with the worker freed', () => {
    const all = sim.traceSince(0);
    expect(all.filter((m) => m.type === 'LaunchTask')).toHaveLength(8);
    expect(all.filter((m) => m.type === 'StatusUpdate')).toHaveLength(8);
    const out = sim.output();
    expect(out.apps).toHaveLength(1);
    const app = out.apps[0]!;
    expect(app).toMatchObject({ id: 'app-20260101000004-0000', name: 'Spark Pi', state: 'FINISHED', driver: null });
    // The executor took all 4 cores (spark.executor.cores unset) and 2 GiB.
    expect(app.removedExecutors.length + app.executors.length).toBe(1);
    const exec = [...app.executors, ...app.removedExecutors][0]!;
    expect(exec).toMatchObject({ id: 0, worker: 'w1', cores: 4, memory: 2048 });
    expect(out.master?.completedapps[0]).toMatchObject({ state: 'FINISHED', memoryperexecutor: 2048 });
    expect(out.master?.workers[0]).toMatchObject({ coresused: 0, memoryused: 0 });
    expect(out.workers.w1?.executors).toEqual([]);
    expect(out.workers.w1?.finishedexecutors).toHaveLength(1);
  });

  it('registers CLIENT_DRIVER_STARTUP_MS after spark-submit starts (driver JVM + SparkContext)', () => {
    const reg = sim.traceSince(0).find((m) => m.type === 'RegisterApplication');
    expect(reg?.t).toBe(1000 + CLIENT_DRIVER_STARTUP_MS);
  });
});

describe('cluster deploy mode through the legacy gateway (deploy/Client.scala)', () => {
  const sim = simulate({
    workers: [
      { host: 'w1', cores: 4, memory: '8g' },
      { host: 'w2', cores: 4, memory: '8g' },
    ],
    actions: [
      {
        at: 0,
        type: 'submit',
        command: `${SUBMIT} --deploy-mode cluster --supervise --driver-cores 1 --driver-memory 1g --executor-cores 2 --total-executor-cores 4 --class org.apache.spark.examples.SparkPi examples.jar 20`,
        workload: { tasks: 20, taskMs: 300 },
      },
    ],
  });
  const trace = controlMessages(sim.traceSince(0));

  it('submits the driver, launches it on a worker, and the app registers from there', () => {
    expectInOrder(trace, [
      ['RequestSubmitDriver', 'client@client', 'Master@'],
      ['LaunchDriver', 'Master@', 'Worker@'],
      ['SubmitDriverResponse', 'Master@', 'client@client'],
      ['RegisterApplication', 'AppClient@w', 'Master@'],
      ['RegisteredApplication', 'Master@', 'AppClient@w'],
      ['LaunchExecutor', 'Master@', 'Worker@'],
      ['UnregisterApplication', 'AppClient@w', 'Master@'],
      ['DriverStateChanged', 'DriverRunner@w', 'Worker@w'],
      ['DriverStateChanged', 'Worker@w', 'Master@'],
    ]);
    // Client.scala polls the status 5 s after it starts (after its JVM's start-up).
    const all = sim.traceSince(0);
    expect(all[firstIndex(all, 'RequestDriverStatus', 'client@client', 'Master@')]?.t).toBe(
      SUBMIT_CLIENT_STARTUP_MS + 5000,
    );
    expect(firstIndex(all, 'DriverStatusResponse', 'Master@', 'client@client')).toBeGreaterThan(
      firstIndex(all, 'RequestDriverStatus'),
    );
  });

  it('ends with the driver FINISHED and the app FINISHED, linked to each other', () => {
    const out = sim.output();
    expect(out.drivers).toHaveLength(1);
    const d = out.drivers[0]!;
    expect(d).toMatchObject({ id: 'driver-20260101000002-0000', state: 'FINISHED', supervise: true, restarts: 0 });
    expect(out.apps[0]).toMatchObject({ state: 'FINISHED', driver: d.id });
    expect(out.master?.completeddrivers[0]).toMatchObject({
      id: d.id,
      state: 'FINISHED',
      cores: 1,
      memory: 1024,
      mainclass: 'org.apache.spark.examples.SparkPi',
    });
    // --executor-cores 2, --total-executor-cores 4 → two executors of 2 cores.
    const execs = [...out.apps[0]!.executors, ...out.apps[0]!.removedExecutors];
    expect(execs.map((e) => e.cores)).toEqual([2, 2]);
    expect(out.master?.workers.every((w) => w.coresused === 0 && w.memoryused === 0)).toBe(true);
  });

  it('logs the legacy client the way Client.scala does', () => {
    const log = sim.logLines(0).join('\n');
    expect(log).toContain('Driver successfully submitted as driver-20260101000002-0000');
    expect(log).toContain('spark-submit not configured to wait for completion, exiting spark-submit JVM.');
  });
});

describe('cluster deploy mode through the REST gateway (deploy/rest/RestSubmissionClient.scala)', () => {
  it('posts CreateSubmissionRequest to 6066 and polls status once', () => {
    const sim = simulate({
      conf: { 'spark.master.rest.enabled': 'true' },
      workers: ONE_WORKER,
      actions: [
        {
          at: 0,
          type: 'submit',
          command:
            'spark-submit --master spark://master:6066 --deploy-mode cluster --class org.apache.spark.examples.SparkPi examples.jar 4',
        },
      ],
    });
    const trace = sim.traceSince(0);
    expectInOrder(trace, [
      ['CreateSubmissionRequest', 'RestSubmissionClient@client', 'StandaloneRestServer@master:6066'],
      ['RequestSubmitDriver', 'StandaloneRestServer@master', 'Master@master'],
      ['SubmitDriverResponse', 'Master@master', 'StandaloneRestServer@master'],
      ['CreateSubmissionResponse', 'StandaloneRestServer@master', 'RestSubmissionClient@client'],
      ['SubmissionStatusRequest', 'RestSubmissionClient@client', 'StandaloneRestServer@master'],
      ['SubmissionStatusResponse', 'StandaloneRestServer@master', 'RestSubmissionClient@client'],
    ]);
    const out = sim.output();
    expect(out.drivers[0]?.state).toBe('FINISHED');
    expect(out.apps[0]?.state).toBe('FINISHED');
    expect(sim.logLines(0).join('\n')).toContain('State of driver driver-20260101000002-0000 is now RUNNING.');
  });
});

describe('an app that waits for resources', () => {
  it('stays WAITING and the driver warns every 15 s when no worker can host an executor', () => {
    const sim = simulate(
      {
        workers: [{ host: 'w1', cores: 2, memory: '1g' }],
        actions: [
          {
            at: 0,
            type: 'submit',
            command: `${SUBMIT} --executor-memory 2g --class org.apache.spark.examples.SparkPi examples.jar 4`,
          },
        ],
      },
      60_000,
    );
    const out = sim.output();
    expect(out.apps[0]?.state).toBe('WAITING');
    const warnings = sim.logLines(0).filter((l) => l.includes('Initial job has not accepted any resources'));
    expect(warnings.length).toBe(3); // at 18 s, 33 s, 48 s
    expect(sim.logLines(0).join('\n')).toContain('requires more resource than any of Workers could have.');
  });
});

describe('determinism', () => {
  const base = {
    workers: [
      { host: 'w1', cores: 8, memory: '16g' },
      { host: 'w2', cores: 8, memory: '16g' },
      { host: 'w3', cores: 8, memory: '16g' },
    ],
    actions: [
      {
        at: 0,
        type: 'submit',
        command: `${SUBMIT} --deploy-mode cluster --class org.apache.spark.examples.SparkPi examples.jar 40`,
        workload: { tasks: 40, taskMs: 700 },
      },
      {
        at: 500,
        type: 'submit',
        command: `${SUBMIT} --total-executor-cores 6 --class org.apache.spark.examples.SparkPi examples.jar 30`,
        workload: { tasks: 30, taskMs: 400 },
      },
    ],
  };

  it('gives the same trace hash for the same scenario', () => {
    const a = simulate({ ...base, seed: 11 });
    const b = simulate({ ...base, seed: 11 });
    expect(a.traceHash()).toBe(b.traceHash());
    expect(JSON.stringify(a.output({ trace: true, log: true }))).toBe(
      JSON.stringify(b.output({ trace: true, log: true })),
    );
  });

  it('gives the same healthy outcome for a different seed', () => {
    const outcome = (seed: number) => {
      const out = simulate({ ...base, seed }).output();
      return { apps: out.apps.map((a) => [a.name, a.state]), drivers: out.drivers.map((d) => d.state) };
    };
    const a = simulate({ ...base, seed: 11 });
    const b = simulate({ ...base, seed: 12 });
    expect(a.traceHash()).not.toBe(b.traceHash());
    expect(outcome(11)).toEqual(outcome(12));
    expect(outcome(11).apps.every(([, s]) => s === 'FINISHED')).toBe(true);
  });
});

// The Why view's reason codes, each on the smallest cluster that shows it, against what Spark's
// Master checks (Master.scala's startExecutorsOnWorkers and the driver loop of schedule()).
import { describe, expect, it } from 'vitest';
import { SUBMIT, simulate } from '../test-support/run';
import type { Simulation } from '../simulation';
import { activeMasterState } from './sim-output';
import { addWhy, appWhy } from './why';

const PI = '--class org.apache.spark.examples.SparkPi examples.jar';
const TWO = [
  { host: 'w1', cores: 4, memory: '8g' },
  { host: 'w2', cores: 4, memory: '8g' },
];
const submit = (command: string, at = 0, tasks = 2000) => ({
  at,
  type: 'submit',
  command: `${SUBMIT} ${command} ${PI} ${tasks}`,
  workload: { tasks, taskMs: 1000 },
});

function withWhy(sim: Simulation) {
  const out = sim.output();
  addWhy(sim.cluster, out);
  return out;
}
function appsWhy(sim: Simulation) {
  return withWhy(sim).apps.map((a) => a.why!);
}
function driversWhy(sim: Simulation) {
  return withWhy(sim).drivers.map((d) => d.why!);
}

describe('why an application holds what it holds', () => {
  it('INSUFFICIENT_MEMORY: no ALIVE worker has one executor’s memory at all', () => {
    const why = appsWhy(simulate({ workers: TWO, actions: [submit('--executor-memory 10g')] }, 20_000))[0]!;
    expect(why.code).toBe('INSUFFICIENT_MEMORY');
    expect(why.text).toContain('10.0 GiB');
    expect(why.text).toContain('the largest has 8.0 GiB');
    expect(why.workers.map((w) => [w.host, w.fits, w.short])).toEqual([
      ['w1', false, ['memory']],
      ['w2', false, ['memory']],
    ]);
    expect(why.workers[0]).toMatchObject({
      state: 'ALIVE',
      coresFree: 4,
      memoryFreeMb: 8192,
      needCores: 1,
      needMemoryMb: 10240,
    });
    expect(why.fixes[0]).toBe('add a worker with ≥ 10.0 GiB');
  });

  it('INSUFFICIENT_CORES: no ALIVE worker has spark.executor.cores', () => {
    const why = appsWhy(simulate({ workers: TWO, actions: [submit('--executor-cores 6')] }, 20_000))[0]!;
    expect(why.code).toBe('INSUFFICIENT_CORES');
    expect(why.workers.every((w) => w.short.join() === 'cores' && w.needCores === 6)).toBe(true);
  });

  it('INSUFFICIENT_RESOURCES: one worker has the cores, another the memory, none both', () => {
    const workers = [
      { host: 'w1', cores: 8, memory: '2g' },
      { host: 'w2', cores: 1, memory: '16g' },
    ];
    const why = appsWhy(
      simulate({ workers, actions: [submit('--executor-cores 4 --executor-memory 8g')] }, 20_000),
    )[0]!;
    expect(why.code).toBe('INSUFFICIENT_RESOURCES');
    expect(why.workers.map((w) => w.short)).toEqual([['memory'], ['cores']]);
  });

  it('HELD_BY_OTHER_APPS for the second app, SERVED for the first that took every core', () => {
    const sim = simulate({ workers: TWO, actions: [submit(''), submit('', 5_000)] }, 20_000);
    const [first, second] = appsWhy(sim);
    expect(first!.code).toBe('SERVED');
    expect(first!.text).toContain('2 executors (8 cores)');
    expect(second!.code).toBe('HELD_BY_OTHER_APPS');
    const firstId = sim.output().apps[0]!.id;
    expect(second!.text).toContain(`but ${firstId} holds the cores or memory there`);
    expect(second!.text).toContain('behind 1 app in the Master');
    expect(second!.fixes[0]).toBe(`set spark.cores.max on ${firstId}, so it leaves cores to the next app`);
    expect(second!.workers.every((w) => w.coresFree === 0 && w.short.join() === 'cores')).toBe(true);
  });

  it('CORES_MAX_REACHED: it holds what spark.cores.max allows', () => {
    const why = appsWhy(simulate({ workers: TWO, actions: [submit('--total-executor-cores 2')] }, 20_000))[0]!;
    expect(why.code).toBe('CORES_MAX_REACHED');
    expect(why.text).toContain('all that spark.cores.max (2) allows');
  });

  it('CORES_MAX_REACHED names the cores left that cannot make an executor', () => {
    const cmd = '--executor-cores 2 --total-executor-cores 3';
    const why = appsWhy(simulate({ workers: TWO, actions: [submit(cmd)] }, 20_000))[0]!;
    expect(why.code).toBe('CORES_MAX_REACHED');
    expect(why.text).toContain('the 1 core left cannot make an executor of 2');
  });

  it('NO_ALIVE_WORKERS once every worker is lost', () => {
    const sim = simulate(
      {
        workers: TWO,
        actions: [
          submit(''),
          { at: 20_000, type: 'kill-worker', target: 'w1' },
          { at: 20_000, type: 'kill-worker', target: 'w2' },
        ],
      },
      25_000,
    );
    const why = appsWhy(sim)[0]!;
    expect(why.code).toBe('NO_ALIVE_WORKERS');
    expect(why.workers.every((w) => w.state === 'DEAD' && w.short.includes('state'))).toBe(true);
  });

  it('EXECUTORS_FAILING while executors fail to launch (the Master’s retry count), and once it FAILED', () => {
    const run = (until: number) =>
      simulate({ workers: TWO, actions: [{ ...submit(''), executorFault: { kind: 'launch-failure' } }] }, until);
    // Ten launches fail within a few ms of the app's registration (at 3.25 s).
    const during = run(3_275);
    const m = activeMasterState(during.cluster)!;
    expect(m.apps[0]!.state).toBe('RUNNING');
    expect(m.apps[0]!.retryCount).toBeGreaterThan(0);
    const why = appsWhy(during)[0]!;
    expect(why.code).toBe('EXECUTORS_FAILING');
    expect(why.text).toContain('in a row failed before running; after spark.deploy.maxExecutorRetries (10)');
    const after = appsWhy(run(5_000))[0]!;
    expect(after.code).toBe('EXECUTORS_FAILING');
    expect(after.text).toBe(
      'FAILED: 10 of its executors failed, 10 of them in a row without one running (spark.deploy.maxExecutorRetries), so the Master removed it.',
    );
  });

  it('EXECUTOR_LIMIT_REACHED when the app holds its executor limit', () => {
    const sim = simulate({ workers: TWO, actions: [submit('--executor-cores 1')] }, 20_000);
    const m = activeMasterState(sim.cluster)!;
    const app = m.apps[0]!;
    app.executorLimit = app.executors.size; // what a driver's RequestExecutors sets (dynamic allocation)
    const why = appWhy(sim.cluster, m, app);
    expect(why.code).toBe('EXECUTOR_LIMIT_REACHED');
    expect(why.text).toContain(`its executor limit (${app.executors.size}`);
  });

  it('MASTER_NOT_ALIVE without a leading Master, or while it recovers', () => {
    const sim = simulate({ workers: TWO, actions: [submit('')] }, 20_000);
    const m = activeMasterState(sim.cluster)!;
    const app = m.apps[0]!;
    expect(appWhy(sim.cluster, null, app).code).toBe('MASTER_NOT_ALIVE');
    m.state = 'RECOVERING';
    const why = appWhy(sim.cluster, m, app);
    expect(why.code).toBe('MASTER_NOT_ALIVE');
    expect(why.text).toBe(
      'The Master is RECOVERING: it schedules nothing until its recovery completes and it is ALIVE.',
    );
  });

  it('PENDING_SCHEDULE when a worker has room the Master has not used yet', () => {
    const sim = simulate({ workers: TWO, actions: [submit(''), submit('', 5_000)] }, 20_000);
    const m = activeMasterState(sim.cluster)!;
    m.workers[0]!.coresUsed = 0; // as if an executor had just ended, before schedule() runs
    m.workers[0]!.memoryUsed = 0;
    expect(appWhy(sim.cluster, m, m.apps[1]!).code).toBe('PENDING_SCHEDULE');
  });

  it('a finished app asks for nothing more', () => {
    const why = appsWhy(simulate({ workers: TWO, actions: [submit('', 0, 4)] }))[0]!;
    expect(why).toMatchObject({ code: 'SERVED', text: 'FINISHED: it asks for nothing more.' });
  });
});

describe('why a driver is, or is not, on a worker', () => {
  const cluster = (extra: string, at = 0) => ({
    at,
    type: 'submit',
    command: `${SUBMIT} --deploy-mode cluster ${extra} ${PI} 2000`,
    workload: { tasks: 2000, taskMs: 1000 },
  });

  it('PLACED once running, with the worker', () => {
    const why = driversWhy(simulate({ workers: TWO, actions: [cluster('')] }, 20_000))[0]!;
    expect(why.code).toBe('PLACED');
    expect(why.text).toMatch(/^RUNNING: the Master placed it on w[12]\.$/);
  });

  it('INSUFFICIENT_MEMORY and INSUFFICIENT_CORES for a driver bigger than any worker', () => {
    expect(driversWhy(simulate({ workers: TWO, actions: [cluster('--driver-memory 12g')] }, 20_000))[0]!.code).toBe(
      'INSUFFICIENT_MEMORY',
    );
    const cores = driversWhy(simulate({ workers: TWO, actions: [cluster('--driver-cores 6')] }, 20_000))[0]!;
    expect(cores.code).toBe('INSUFFICIENT_CORES');
    expect(cores.workers.every((w) => w.needCores === 6 && w.short.join() === 'cores')).toBe(true);
  });

  it('MAX_DRIVERS_REACHED with spark.deploy.maxDrivers=1 and a second driver', () => {
    const sim = simulate(
      {
        conf: { 'spark.deploy.maxDrivers': '1' },
        workers: TWO,
        actions: [cluster('--total-executor-cores 2'), cluster('', 5_000)],
      },
      20_000,
    );
    const [first, second] = driversWhy(sim);
    expect(first!.code).toBe('PLACED');
    expect(second!.code).toBe('MAX_DRIVERS_REACHED');
    expect(second!.text).toContain('the most spark.deploy.maxDrivers (1) allows');
  });

  it('HELD_BY_OTHER_APPS when an app without spark.cores.max took every core', () => {
    const sim = simulate({ workers: TWO, actions: [submit(''), cluster('', 5_000)] }, 20_000);
    const why = driversWhy(sim)[0]!;
    expect(why.code).toBe('HELD_BY_OTHER_APPS');
    expect(why.text).toContain('first in line');
  });

  it('NO_ALIVE_WORKERS when every worker is gone', () => {
    const sim = simulate(
      {
        workers: TWO,
        actions: [
          { at: 0, type: 'kill-worker', target: 'w1' },
          { at: 0, type: 'kill-worker', target: 'w2' },
          cluster('', 10_000),
        ],
      },
      20_000,
    );
    expect(driversWhy(sim)[0]!.code).toBe('NO_ALIVE_WORKERS');
  });
});

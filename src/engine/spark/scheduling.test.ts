// Tests for scheduling.ts. MasterSuite/MasterSuiteBase, WorkerSelectionSuite and ResourceProfilesSuite
// scheduling cases are ported with Spark's test names; worked examples of startExecutorsOnWorkers and edge
// cases follow.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppDemand, PlaceDriversInput, WaitingDriver, WorkerSelectionPolicy, WorkerSlot } from './scheduling';
import {
  INT_MAX_VALUE,
  parseWorkerSelectionPolicy,
  placeDrivers,
  scheduleExecutorsOnWorkers,
  sortUsableWorkers,
  startExecutorsOnWorkers,
} from './scheduling';

function worker(id: string, coresFree: number, memoryFree: number, extra: Partial<WorkerSlot> = {}): WorkerSlot {
  return { id, alive: true, coresFree, memoryFree, processes: 0, ...extra };
}

/** MasterSuiteBase.makeAppInfo(memoryPerExecutorMb, coresPerExecutor, maxCores), defaultCores = Int.MaxValue. */
function makeApp(
  memoryPerExecutorMB: number,
  opts: {
    coresPerExecutor?: number;
    maxCores?: number;
    executorLimit?: number;
    id?: string;
    rpId?: number;
    hasExecutors?: boolean;
    executorsNow?: number;
  } = {},
): AppDemand {
  return {
    id: opts.id ?? 'app-1',
    coresLeft: opts.maxCores ?? INT_MAX_VALUE,
    coresPerExecutor: opts.coresPerExecutor,
    memoryPerExecutorMB,
    executorsNow: opts.executorsNow ?? 0,
    executorLimit: opts.executorLimit ?? INT_MAX_VALUE,
    hasExecutors: opts.hasExecutors ?? false,
    ...(opts.rpId !== undefined ? { rpId: opts.rpId } : {}),
  };
}

function driver(id: string, cores: number, memoryMb: number, extra: Partial<WaitingDriver> = {}): WaitingDriver {
  return { id, cores, memoryMb, ...extra };
}

function drivers(n: number, from = 1): WaitingDriver[] {
  return Array.from({ length: n }, (_, i) => driver(`driver${from + i}`, 1, 1));
}

function place(input: Partial<PlaceDriversInput> & Pick<PlaceDriversInput, 'waiting' | 'workersInOrder'>) {
  return placeDrivers({ placedDrivers: 0, maxDrivers: INT_MAX_VALUE, placement: 'round-robin', ...input });
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

// MasterSuiteBase: `workerInfo = makeWorkerInfo(512, 10)`, `workerInfos = Array(workerInfo, workerInfo, workerInfo)`.
const workerInfo = worker('w', 10, 512);
const workerInfos = [workerInfo, workerInfo, workerInfo];
const spreadOutModes: [string, boolean][] = [
  ['spread out', true],
  ['no spread out', false],
];

describe('MasterSuite: scheduleExecutorsOnWorkers', () => {
  for (const [mode, spreadOut] of spreadOutModes) {
    it(`basic scheduling - ${mode}`, () => {
      expect(scheduleExecutorsOnWorkers(makeApp(128), workerInfos, spreadOut)).toEqual([10, 10, 10]);
    });

    it(`basic scheduling with more memory - ${mode}`, () => {
      expect(scheduleExecutorsOnWorkers(makeApp(384), workerInfos, spreadOut)).toEqual([10, 10, 10]);
    });

    it(`scheduling with max cores - ${mode}`, () => {
      const scheduledCores1 = scheduleExecutorsOnWorkers(makeApp(128, { maxCores: 8 }), workerInfos, spreadOut);
      const scheduledCores2 = scheduleExecutorsOnWorkers(makeApp(128, { maxCores: 16 }), workerInfos, spreadOut);
      if (spreadOut) {
        expect(scheduledCores1).toEqual([3, 3, 2]);
        expect(scheduledCores2).toEqual([6, 5, 5]);
      } else {
        expect(scheduledCores1).toEqual([8, 0, 0]);
        expect(scheduledCores2).toEqual([10, 6, 0]);
      }
    });

    it(`scheduling with cores per executor - ${mode}`, () => {
      const scheduledCores1 = scheduleExecutorsOnWorkers(makeApp(128, { coresPerExecutor: 2 }), workerInfos, spreadOut);
      const scheduledCores2 = scheduleExecutorsOnWorkers(makeApp(32, { coresPerExecutor: 2 }), workerInfos, spreadOut);
      const scheduledCores3 = scheduleExecutorsOnWorkers(makeApp(32, { coresPerExecutor: 3 }), workerInfos, spreadOut);
      expect(scheduledCores1).toEqual([8, 8, 8]); // 4 * 2 because of memory limits
      expect(scheduledCores2).toEqual([10, 10, 10]); // 5 * 2
      expect(scheduledCores3).toEqual([9, 9, 9]); // 3 * 3
    });

    it(`scheduling with cores per executor AND max cores - ${mode}`, () => {
      const scheduledCores1 = scheduleExecutorsOnWorkers(
        makeApp(32, { coresPerExecutor: 2, maxCores: 4 }),
        workerInfos,
        spreadOut,
      );
      const scheduledCores2 = scheduleExecutorsOnWorkers(
        makeApp(32, { coresPerExecutor: 2, maxCores: 20 }),
        workerInfos,
        spreadOut,
      );
      const scheduledCores3 = scheduleExecutorsOnWorkers(
        makeApp(32, { coresPerExecutor: 3, maxCores: 20 }),
        workerInfos,
        spreadOut,
      );
      if (spreadOut) {
        expect(scheduledCores1).toEqual([2, 2, 0]);
        expect(scheduledCores2).toEqual([8, 6, 6]);
        expect(scheduledCores3).toEqual([6, 6, 6]);
      } else {
        expect(scheduledCores1).toEqual([4, 0, 0]);
        expect(scheduledCores2).toEqual([10, 10, 0]);
        expect(scheduledCores3).toEqual([9, 9, 0]);
      }
    });

    // appInfo.requestExecutors(Map(defaultProfile -> n)) sets the executor limit to n.
    it(`scheduling with executor limit - ${mode}`, () => {
      const schedule = (limit: number) =>
        scheduleExecutorsOnWorkers(makeApp(32, { executorLimit: limit }), workerInfos, spreadOut);
      expect(schedule(0)).toEqual([0, 0, 0]);
      expect(schedule(2)).toEqual([10, 10, 0]);
      expect(schedule(5)).toEqual([10, 10, 10]);
    });

    it(`scheduling with executor limit AND max cores - ${mode}`, () => {
      const schedule = (limit: number) =>
        scheduleExecutorsOnWorkers(makeApp(32, { maxCores: 16, executorLimit: limit }), workerInfos, spreadOut);
      expect(schedule(0)).toEqual([0, 0, 0]);
      if (spreadOut) {
        expect(schedule(2)).toEqual([8, 8, 0]);
        expect(schedule(5)).toEqual([6, 5, 5]);
      } else {
        expect(schedule(2)).toEqual([10, 6, 0]);
        expect(schedule(5)).toEqual([10, 6, 0]);
      }
    });

    it(`scheduling with executor limit AND cores per executor - ${mode}`, () => {
      const schedule = (limit: number) =>
        scheduleExecutorsOnWorkers(makeApp(32, { coresPerExecutor: 4, executorLimit: limit }), workerInfos, spreadOut);
      expect(schedule(0)).toEqual([0, 0, 0]);
      expect(schedule(2)).toEqual(spreadOut ? [4, 4, 0] : [8, 0, 0]);
      expect(schedule(5)).toEqual([8, 8, 4]);
    });

    it(`scheduling with executor limit AND cores per executor AND max cores - ${mode}`, () => {
      const schedule = (limit: number) =>
        scheduleExecutorsOnWorkers(
          makeApp(32, { coresPerExecutor: 4, maxCores: 18, executorLimit: limit }),
          workerInfos,
          spreadOut,
        );
      expect(schedule(0)).toEqual([0, 0, 0]);
      if (spreadOut) {
        expect(schedule(2)).toEqual([4, 4, 0]);
        expect(schedule(5)).toEqual([8, 4, 4]);
      } else {
        expect(schedule(2)).toEqual([8, 0, 0]);
        expect(schedule(5)).toEqual([8, 8, 0]);
      }
    });
  }

  it('SPARK-8881 (Master.scala comment): 4 workers x 16 cores, cores.max=48, executor.cores=16 -> 3 executors of 16', () => {
    const usable = [worker('w4', 16, 65536), worker('w3', 16, 65536), worker('w2', 16, 65536), worker('w1', 16, 65536)];
    const app = makeApp(1024, { coresPerExecutor: 16, maxCores: 48 });
    expect(scheduleExecutorsOnWorkers(app, usable, true)).toEqual([16, 16, 16, 0]);
    const { allocations } = startExecutorsOnWorkers({
      apps: [app],
      workers: usable,
      spreadOut: true,
      policy: 'CORES_FREE_DESC',
      waitingAppsCount: 1,
    });
    expect(allocations.map((a) => [a.workerId, a.cores])).toEqual([
      ['w4', 16],
      ['w3', 16],
      ['w2', 16],
    ]);
  });
});

describe('ResourceProfilesSuite / MasterSuite: multiple resource profiles', () => {
  // scheduleExecutorsForAppWithMultiRPs: 3 workers with 2 cores and 512 MiB; the app (128 MiB,
  // cores unset, initialExecutorLimit 0) then requests default -> 1, rp1 (256 MiB, 3 cores) -> 1,
  // rp2 (1024 MiB, 1 core) -> 1, rp3 (256 MiB, 1 core) -> 1, rp4 (256 MiB, 1 core) -> 2.
  function scheduleForMultiRPs(withMaxCores: boolean) {
    const coresLeft = withMaxCores ? 4 : INT_MAX_VALUE;
    const base = { id: 'app-rp', coresLeft, executorsNow: 0, hasExecutors: false };
    const apps: AppDemand[] = [
      { ...base, rpId: 0, coresPerExecutor: undefined, memoryPerExecutorMB: 128, executorLimit: 1 },
      { ...base, rpId: 1, coresPerExecutor: 3, memoryPerExecutorMB: 256, executorLimit: 1 },
      { ...base, rpId: 2, coresPerExecutor: 1, memoryPerExecutorMB: 1024, executorLimit: 1 },
      { ...base, rpId: 3, coresPerExecutor: 1, memoryPerExecutorMB: 256, executorLimit: 1 },
      { ...base, rpId: 4, coresPerExecutor: 1, memoryPerExecutorMB: 256, executorLimit: 2 },
    ];
    const workers = [worker('10001', 2, 512), worker('10002', 2, 512), worker('10003', 2, 512)];
    const result = startExecutorsOnWorkers({
      apps,
      workers,
      spreadOut: true,
      policy: 'CORES_FREE_DESC',
      waitingAppsCount: 1,
    });
    const perRp = (rpId: number) => result.allocations.filter((a) => a.rpId === rpId);
    return { result, perRp };
  }

  it('scheduling for app with multiple resource profiles', () => {
    const { result, perRp } = scheduleForMultiRPs(false);
    expect(result.allocations).toHaveLength(4);
    expect([0, 1, 2, 3, 4].map((rp) => perRp(rp).length)).toEqual([1, 0, 0, 1, 2]);
    expect(perRp(3)[0]).toMatchObject({ cores: 1, memoryMb: 256, rpId: 3 });
    // The default profile's single executor (cores unset) took both cores of one worker: the
    // limit is only checked when a new executor would be created.
    expect(perRp(0)[0]).toMatchObject({ cores: 2, memoryMb: 128 });
    expect(result.warnings).toEqual([]);
  });

  it('scheduling for app with multiple resource profiles with max cores', () => {
    const { result, perRp } = scheduleForMultiRPs(true);
    expect(result.allocations).toHaveLength(3);
    expect([0, 1, 2, 3, 4].map((rp) => perRp(rp).length)).toEqual([1, 0, 0, 1, 1]);
    expect(perRp(3)[0]).toMatchObject({ cores: 1, memoryMb: 256, rpId: 3 });
    // Later profiles of the same app see the cores granted to earlier ones: 2 + 1 + 1 = cores.max.
    expect(result.allocations.reduce((sum, a) => sum + a.cores, 0)).toBe(4);
  });
});

describe('WorkerSelectionSuite', () => {
  // Three workers "10001".."10003" with 4 + idx cores and 1280 * (idx < 2 ? idx : 6 - idx) MiB;
  // an app with 128 MiB, 2 cores per executor and cores.max 4 (two executors).
  const cases: [WorkerSelectionPolicy, boolean, string[]][] = [
    ['CORES_FREE_ASC', true, ['10001', '10002']],
    ['CORES_FREE_ASC', false, ['10001']],
    ['CORES_FREE_DESC', true, ['10002', '10003']],
    ['CORES_FREE_DESC', false, ['10003']],
    ['MEMORY_FREE_ASC', true, ['10001', '10003']],
    ['MEMORY_FREE_ASC', false, ['10001']],
    ['MEMORY_FREE_DESC', true, ['10002', '10003']],
    ['MEMORY_FREE_DESC', false, ['10002']],
    ['WORKER_ID', true, ['10001', '10002']],
    ['WORKER_ID', false, ['10001']],
  ];
  const workers = [1, 2, 3].map((idx) => worker(`1000${idx}`, 4 + idx, 1280 * (idx < 2 ? idx : 6 - idx)));
  for (const [policy, spreadOut, expected] of cases) {
    it(`SPARK-46881: scheduling with workerSelectionPolicy - ${policy} (${spreadOut})`, () => {
      const app = makeApp(128, { coresPerExecutor: 2, maxCores: 4 });
      const { allocations } = startExecutorsOnWorkers({ apps: [app], workers, spreadOut, policy, waitingAppsCount: 1 });
      expect(allocations).toHaveLength(2);
      expect([...new Set(allocations.map((a) => a.workerId))].sort()).toEqual(expected);
    });
  }
});

describe('MasterSuite: driver scheduling', () => {
  it('SPARK-45174: scheduling with max drivers', () => {
    // One worker (512 MiB, 10 cores), spark.deploy.maxDrivers=4, drivers of 1 core / 1 MiB.
    const slot = worker('w', 10, 512);
    expect(place({ waiting: [], workersInOrder: [slot], maxDrivers: 4 }).launches).toEqual([]);

    const first = place({ waiting: drivers(3), workersInOrder: [slot], maxDrivers: 4 });
    expect(first.launches.map((l) => l.driverId)).toEqual(['driver1', 'driver2', 'driver3']);

    // drivers.size = 6, waitingDrivers.size = 3: only one more may be placed.
    const after = worker('w', 7, 509, { processes: 3 });
    const second = place({ waiting: drivers(3, 4), workersInOrder: [after], placedDrivers: 3, maxDrivers: 4 });
    expect(second.launches.map((l) => l.driverId)).toEqual(['driver4']);
    expect(second.warnings).toEqual([]); // waiting drivers blocked by maxDrivers are skipped silently
  });

  // verifyDrivers(spreadOut, answer1, answer2, answer3): 3 workers (512 MiB, 10 cores), 3 drivers.
  function verifyDrivers(spreadOut: boolean, answers: [number, number, number]) {
    const workers = [worker('worker1', 10, 512), worker('worker2', 10, 512), worker('worker3', 10, 512)];
    // Any shuffle gives the same counts for round-robin; use a non-sorted one.
    const order = spreadOut ? [workers[2]!, workers[0]!, workers[1]!] : [workers[1]!, workers[2]!, workers[0]!];
    const empty = placeDrivers({
      waiting: [],
      workersInOrder: order,
      placedDrivers: 0,
      maxDrivers: INT_MAX_VALUE,
      placement: spreadOut ? 'round-robin' : 'first-fit',
    });
    expect(empty.launches).toEqual([]);
    const result = placeDrivers({
      waiting: drivers(3),
      workersInOrder: order,
      placedDrivers: 0,
      maxDrivers: INT_MAX_VALUE,
      placement: spreadOut ? 'round-robin' : 'first-fit',
    });
    expect(result.launches).toHaveLength(3);
    const count = (id: string) => result.launches.filter((l) => l.workerId === id).length;
    expect([count('worker1'), count('worker2'), count('worker3')]).toEqual(answers);
  }

  it('SPARK-46800: schedule to spread out drivers', () => {
    verifyDrivers(true, [1, 1, 1]);
  });

  it('SPARK-46800: schedule not to spread out drivers', () => {
    verifyDrivers(false, [3, 0, 0]);
  });

  it('assign/recycle resources to/from driver (placement part)', () => {
    const gpuDriver = driver('driver-0', 3, 100, {
      resourceReqs: [
        { name: 'gpu', amount: 3 },
        { name: 'fpga', amount: 3 },
      ],
    });
    // Submitted before any worker exists: stays waiting (the idle-cluster warning fires).
    const before = place({ waiting: [gpuDriver], workersInOrder: [] });
    expect(before.launches).toEqual([]);
    // A worker with exactly 3 GPUs and 3 FPGAs registers: the driver goes there.
    const w = worker('worker-1', 10, 1024, { resourcesFree: { gpu: 3, fpga: 3 } });
    expect(place({ waiting: [gpuDriver], workersInOrder: [w] }).launches).toEqual([
      { driverId: 'driver-0', workerId: 'worker-1' },
    ]);
    // ...but not to a worker short of one FPGA.
    const short = worker('worker-2', 10, 1024, { resourcesFree: { gpu: 3, fpga: 2 } });
    expect(place({ waiting: [gpuDriver], workersInOrder: [short] }).launches).toEqual([]);
  });

  it('assign/recycle resources to/from executor (placement part)', () => {
    // Worker: 10 cores, 2048 MiB, 6 GPUs, 6 FPGAs. Driver: 3 cores, 100 MiB, 3 + 3. App (DeployTestUtils
    // createAppDesc): cores.max 4, 1234 MiB, 3 GPUs + 3 FPGAs per executor.
    const reqs = [
      { name: 'gpu', amount: 3 },
      { name: 'fpga', amount: 3 },
    ];
    const w = worker('worker-1', 10, 2048, { resourcesFree: { gpu: 6, fpga: 6 } });
    const drv = place({ waiting: [driver('driver-0', 3, 100, { resourceReqs: reqs })], workersInOrder: [w] });
    expect(drv.launches).toHaveLength(1);
    // The Master applies launchDriver, then schedules executors on what is left.
    const afterDriver = worker('worker-1', 7, 1948, { resourcesFree: { gpu: 3, fpga: 3 }, processes: 1 });
    const app: AppDemand = { ...makeApp(1234, { maxCores: 4 }), resourceReqs: reqs };
    const { allocations } = startExecutorsOnWorkers({
      apps: [app],
      workers: [afterDriver],
      spreadOut: true,
      policy: 'CORES_FREE_DESC',
      waitingAppsCount: 1,
    });
    expect(allocations).toEqual([{ appId: 'app-1', workerId: 'worker-1', cores: 4, memoryMb: 1234, rpId: 0 }]);
    // Without enough GPUs left no executor is possible at all.
    const noGpu = worker('worker-1', 7, 1948, { resourcesFree: { gpu: 2, fpga: 3 }, processes: 1 });
    expect(
      startExecutorsOnWorkers({
        apps: [app],
        workers: [noGpu],
        spreadOut: true,
        policy: 'CORES_FREE_DESC',
        waitingAppsCount: 1,
      }).allocations,
    ).toEqual([]);
  });
});

describe('worked examples of startExecutorsOnWorkers (spreadOutApps=true, CORES_FREE_DESC)', () => {
  const cluster = () => [worker('W1', 8, 16384), worker('W2', 8, 16384), worker('W3', 8, 16384)];
  const run = (apps: AppDemand[], spreadOut = true) =>
    startExecutorsOnWorkers({
      apps,
      workers: cluster(),
      spreadOut,
      policy: 'CORES_FREE_DESC',
      waitingAppsCount: apps.length,
    });
  const shape = (r: ReturnType<typeof run>) => r.allocations.map((a) => `${a.workerId}:${a.cores}`);

  it('no cores settings: one executor per worker with all 8 cores, usable order W3, W2, W1', () => {
    const r = run([makeApp(2048)]);
    expect(shape(r)).toEqual(['W3:8', 'W2:8', 'W1:8']);
    expect(r.allocations.every((a) => a.memoryMb === 2048)).toBe(true);
  });

  it('spark.cores.max=10: 4/3/3, the first sorted worker gets the extra core', () => {
    expect(shape(run([makeApp(2048, { maxCores: 10 })]))).toEqual(['W3:4', 'W2:3', 'W1:3']);
  });

  it('spark.executor.cores=2, spark.cores.max=10: steps of 2 round-robin -> W3 x2, W2 x2, W1 x1', () => {
    expect(shape(run([makeApp(2048, { coresPerExecutor: 2, maxCores: 10 })]))).toEqual([
      'W3:2',
      'W3:2',
      'W2:2',
      'W2:2',
      'W1:2',
    ]);
  });

  it('spreadOutApps=false, spark.cores.max=10: the first sorted worker gets 8, the next 2', () => {
    expect(shape(run([makeApp(2048, { maxCores: 10 })], false))).toEqual(['W3:8', 'W2:2']);
  });

  it('a second app gets nothing while an uncapped first app holds every core', () => {
    const r = run([makeApp(2048, { id: 'app-1' }), makeApp(2048, { id: 'app-2' })]);
    expect(r.allocations.every((a) => a.appId === 'app-1')).toBe(true);
    expect(r.allocations.reduce((s, a) => s + a.cores, 0)).toBe(24);
    expect(r.warnings).toEqual([]);
  });
});

describe('startExecutorsOnWorkers: edge cases', () => {
  const run = (
    apps: AppDemand[],
    workers: WorkerSlot[],
    opts: { spreadOut?: boolean; policy?: WorkerSelectionPolicy; waitingAppsCount?: number } = {},
  ) =>
    startExecutorsOnWorkers({
      apps,
      workers,
      spreadOut: opts.spreadOut ?? true,
      policy: opts.policy ?? 'CORES_FREE_DESC',
      waitingAppsCount: opts.waitingAppsCount ?? new Set(apps.map((a) => a.id)).size,
    });

  it('zero alive workers: nothing, and the "App requires more resource" warning for a lone app without executors', () => {
    const dead = [worker('w1', 8, 8192, { alive: false })];
    expect(run([makeApp(1024, { id: 'app-1' })], [])).toEqual({
      allocations: [],
      warnings: ['App app-1 requires more resource than any of Workers could have.'],
    });
    expect(run([makeApp(1024, { id: 'app-1' })], dead).warnings).toHaveLength(1);
  });

  it('the App warning needs exactly one waiting app that has no executors', () => {
    expect(run([makeApp(1024)], [], { waitingAppsCount: 2 }).warnings).toEqual([]);
    expect(run([makeApp(1024, { hasExecutors: true })], []).warnings).toEqual([]);
    // Usable workers exist but the executor limit forbids launching: no warning either.
    expect(run([makeApp(1024, { executorLimit: 0 })], [worker('w1', 8, 8192)])).toEqual({
      allocations: [],
      warnings: [],
    });
  });

  it('the App warning fires when workers exist but none could ever fit one executor', () => {
    const r = run([makeApp(16384)], [worker('w1', 8, 8192), worker('w2', 8, 8192)]);
    expect(r).toEqual({
      allocations: [],
      warnings: ['App app-1 requires more resource than any of Workers could have.'],
    });
  });

  it('memory-limited: executors stop when memory runs out, cores left idle', () => {
    const r = run([makeApp(512, { coresPerExecutor: 1 })], [worker('w1', 8, 1024)]);
    expect(r.allocations.map((a) => a.cores)).toEqual([1, 1]);
  });

  it('memory is checked only for a new executor: with cores unset one executor takes every core', () => {
    const r = run([makeApp(1024)], [worker('w1', 8, 1024)]);
    expect(r.allocations).toEqual([{ appId: 'app-1', workerId: 'w1', cores: 8, memoryMb: 1024, rpId: 0 }]);
  });

  it('cores.max smaller than one executor: the app is skipped entirely (no allocation, no warning)', () => {
    expect(run([makeApp(1024, { coresPerExecutor: 4, maxCores: 3 })], [worker('w1', 8, 8192)])).toEqual({
      allocations: [],
      warnings: [],
    });
    expect(run([makeApp(1024, { coresPerExecutor: 4, maxCores: 3 })], [])).toEqual({ allocations: [], warnings: [] });
    // coresLeft 6 with 4-core executors: one executor, 2 cores never allocated.
    expect(
      run([makeApp(1024, { coresPerExecutor: 4, maxCores: 6 })], [worker('w1', 8, 8192)]).allocations.map(
        (a) => a.cores,
      ),
    ).toEqual([4]);
  });

  it('leftover cores on a worker smaller than coresPerExecutor are not usable', () => {
    const r = run([makeApp(256, { coresPerExecutor: 3 })], [worker('w1', 8, 8192), worker('w2', 2, 8192)]);
    expect(r.allocations.map((a) => `${a.workerId}:${a.cores}`)).toEqual(['w1:3', 'w1:3']);
  });

  it('several apps FIFO: later apps see the capacity used by earlier apps, re-sorted by what is left', () => {
    const cluster = [worker('W1', 8, 16384), worker('W2', 8, 16384), worker('W3', 8, 16384)];
    const r = run([makeApp(1024, { id: 'app-1', maxCores: 10 }), makeApp(1024, { id: 'app-2' })], cluster);
    // app-1: W3 4, W2 3, W1 3 -> free W3 4, W2 5, W1 5 -> app-2 order W2, W1, W3 (ties on descending id).
    expect(r.allocations.map((a) => `${a.appId}@${a.workerId}:${a.cores}`)).toEqual([
      'app-1@W3:4',
      'app-1@W2:3',
      'app-1@W1:3',
      'app-2@W2:5',
      'app-2@W1:5',
      'app-2@W3:4',
    ]);
  });

  it('a third app is still considered after a second one that got nothing', () => {
    const r = run(
      [makeApp(1024, { id: 'a', maxCores: 4 }), makeApp(65536, { id: 'b' }), makeApp(1024, { id: 'c', maxCores: 2 })],
      [worker('w1', 8, 8192)],
    );
    expect(r.allocations.map((a) => `${a.appId}:${a.cores}`)).toEqual(['a:4', 'c:2']);
  });

  it('cores unset: a later call can start a second executor of the same app on the same worker', () => {
    const r = run(
      [makeApp(1024, { maxCores: 12, hasExecutors: true, executorsNow: 1 })],
      [worker('w1', 4, 4096, { processes: 1 })],
    );
    expect(r.allocations).toEqual([{ appId: 'app-1', workerId: 'w1', cores: 4, memoryMb: 1024, rpId: 0 }]);
  });

  it('cores unset: at most one new executor per worker per call', () => {
    const r = run([makeApp(1024)], [worker('w1', 8, 8192)], { spreadOut: false });
    expect(r.allocations).toHaveLength(1);
  });

  it('the executor limit counts executors the app already has', () => {
    const r = run(
      [makeApp(256, { coresPerExecutor: 1, executorLimit: 3, executorsNow: 2, hasExecutors: true })],
      [worker('w1', 8, 8192)],
    );
    expect(r.allocations).toHaveLength(1);
  });

  it('dead workers are never used', () => {
    const r = run([makeApp(1024)], [worker('w1', 8, 8192, { alive: false }), worker('w2', 2, 8192)]);
    expect(r.allocations.map((a) => a.workerId)).toEqual(['w2']);
  });

  it('does not mutate its inputs and is deterministic', () => {
    const apps = deepFreeze([makeApp(1024, { id: 'a', maxCores: 10 }), makeApp(512, { id: 'b', coresPerExecutor: 2 })]);
    const workers = deepFreeze([worker('w1', 8, 8192, { resourcesFree: { gpu: 2 } }), worker('w2', 8, 8192)]);
    const input = { apps, workers, spreadOut: true, policy: 'CORES_FREE_DESC' as const, waitingAppsCount: 2 };
    const first = startExecutorsOnWorkers(input);
    expect(startExecutorsOnWorkers(input)).toEqual(first);
    expect(workers[0]!.coresFree).toBe(8);
  });

  it('rejects coresPerExecutor below 1 instead of looping forever', () => {
    expect(() =>
      scheduleExecutorsOnWorkers(makeApp(0, { coresPerExecutor: 0 }), [worker('w1', 4, 1024)], true),
    ).toThrow(RangeError);
  });
});

describe('sortUsableWorkers and parseWorkerSelectionPolicy', () => {
  const ws = [worker('b', 4, 100), worker('a', 4, 300), worker('c', 4, 200), worker('d', 8, 100)];
  const ids = (policy: WorkerSelectionPolicy) => sortUsableWorkers(ws, policy).map((w) => w.id);

  it('CORES_FREE_DESC: most free cores first, ties on DESCENDING worker id (sortBy((coresFree, id)).reverse)', () => {
    expect(ids('CORES_FREE_DESC')).toEqual(['d', 'c', 'b', 'a']);
  });

  it('CORES_FREE_ASC, MEMORY_FREE_ASC/DESC, WORKER_ID', () => {
    expect(ids('CORES_FREE_ASC')).toEqual(['a', 'b', 'c', 'd']);
    expect(ids('MEMORY_FREE_ASC')).toEqual(['b', 'd', 'c', 'a']);
    expect(ids('MEMORY_FREE_DESC')).toEqual(['a', 'c', 'd', 'b']);
    expect(ids('WORKER_ID')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('compares ids as Java strings (code units), not by locale', () => {
    const mixed = [
      worker('worker-b', 1, 1),
      worker('Worker-a', 1, 1),
      worker('worker-10', 1, 1),
      worker('worker-9', 1, 1),
    ];
    expect(sortUsableWorkers(mixed, 'WORKER_ID').map((w) => w.id)).toEqual([
      'Worker-a',
      'worker-10',
      'worker-9',
      'worker-b',
    ]);
  });

  it('returns a new array and leaves the input alone', () => {
    const input = deepFreeze(ws.slice());
    expect(sortUsableWorkers(input, 'CORES_FREE_DESC')).not.toBe(input);
  });

  it('parses case-insensitively', () => {
    expect(parseWorkerSelectionPolicy('cores_free_desc')).toBe('CORES_FREE_DESC');
    expect(parseWorkerSelectionPolicy('Memory_Free_Asc')).toBe('MEMORY_FREE_ASC');
    expect(parseWorkerSelectionPolicy('WORKER_ID')).toBe('WORKER_ID');
  });

  it("throws ConfigBuilder.checkValues' message, showing the upper-cased value", () => {
    expect(() => parseWorkerSelectionPolicy('random')).toThrow(
      'The value of spark.deploy.workerSelectionPolicy should be one of CORES_FREE_ASC, CORES_FREE_DESC, MEMORY_FREE_ASC, MEMORY_FREE_DESC, WORKER_ID, but was RANDOM',
    );
  });
});

describe('placeDrivers: round-robin (spark.deploy.spreadOutDrivers=true)', () => {
  it('curPos is shared across drivers: consecutive drivers go to consecutive workers, wrapping', () => {
    const ws = [worker('A', 4, 4096), worker('B', 4, 4096), worker('C', 4, 4096)];
    const r = place({ waiting: drivers(4), workersInOrder: ws });
    expect(r.launches.map((l) => l.workerId)).toEqual(['A', 'B', 'C', 'A']);
  });

  it('curPos advances after a successful launch, even when the search skipped workers', () => {
    const ws = [worker('A', 0, 4096), worker('B', 4, 4096), worker('C', 4, 4096)];
    // d1: A no, B yes (curPos -> C); d2: C yes (curPos -> A); d3: A no, B yes.
    expect(place({ waiting: drivers(3), workersInOrder: ws }).launches.map((l) => l.workerId)).toEqual(['B', 'C', 'B']);
  });

  it('capacity used by earlier drivers in the same call counts', () => {
    const ws = [worker('A', 1, 4096), worker('B', 1, 4096)];
    const r = place({ waiting: drivers(3), workersInOrder: ws });
    expect(r.launches.map((l) => l.workerId)).toEqual(['A', 'B']);
    // driver3 visited both workers; the last one (B) now runs driver2, so the cluster is not idle.
    expect(r.warnings).toEqual([]);
  });

  it('zero alive workers: every waiting driver gets the warning', () => {
    const r = place({ waiting: drivers(2), workersInOrder: [worker('A', 8, 8192, { alive: false })] });
    expect(r).toEqual({
      launches: [],
      warnings: [
        'Driver driver1 requires more resource than any of Workers could have.',
        'Driver driver2 requires more resource than any of Workers could have.',
      ],
    });
  });

  it('the warning depends only on the LAST visited worker being idle', () => {
    const busy = worker('busy', 0, 0, { processes: 1 });
    const idle = worker('idle', 1, 512);
    const big = [driver('driver-big', 4, 1024)];
    expect(place({ waiting: big, workersInOrder: [busy, idle] }).warnings).toEqual([
      'Driver driver-big requires more resource than any of Workers could have.',
    ]);
    expect(place({ waiting: big, workersInOrder: [idle, busy] }).warnings).toEqual([]);
  });

  it('maxDrivers: at the limit drivers are skipped silently; launches in the call count toward it', () => {
    const ws = [worker('A', 8, 8192), worker('B', 8, 8192)];
    expect(place({ waiting: drivers(2), workersInOrder: ws, placedDrivers: 2, maxDrivers: 2 })).toEqual({
      launches: [],
      warnings: [],
    });
    expect(
      place({ waiting: drivers(3), workersInOrder: ws, placedDrivers: 1, maxDrivers: 2 }).launches.map(
        (l) => l.driverId,
      ),
    ).toEqual(['driver1']);
    // At the limit even an impossible driver on an empty cluster gets no warning.
    expect(
      place({ waiting: [driver('huge', 99, 1)], workersInOrder: [], placedDrivers: 1, maxDrivers: 1 }).warnings,
    ).toEqual([]);
  });

  it('does not mutate its inputs', () => {
    const input = deepFreeze({
      waiting: drivers(3),
      workersInOrder: [worker('A', 2, 4096)],
      placedDrivers: 0,
      maxDrivers: INT_MAX_VALUE,
      placement: 'round-robin' as const,
    });
    expect(placeDrivers(input).launches).toHaveLength(2);
  });
});

describe('placeDrivers: first-fit (spark.deploy.spreadOutDrivers=false)', () => {
  it('fills the lowest worker id first, whatever order the caller passed', () => {
    const ws = [worker('w3', 2, 4096), worker('w1', 2, 4096), worker('w2', 2, 4096)];
    const r = placeDrivers({
      waiting: drivers(5),
      workersInOrder: ws,
      placedDrivers: 0,
      maxDrivers: INT_MAX_VALUE,
      placement: 'first-fit',
    });
    expect(r.launches.map((l) => l.workerId)).toEqual(['w1', 'w1', 'w2', 'w2', 'w3']);
  });

  it('warns whenever no worker fits (no idle check) and skips at maxDrivers', () => {
    const ws = [worker('w1', 1, 4096, { processes: 3 })];
    const r = placeDrivers({
      waiting: [driver('d1', 2, 1), driver('d2', 1, 1), driver('d3', 1, 1)],
      workersInOrder: ws,
      placedDrivers: 3,
      maxDrivers: 4,
      placement: 'first-fit',
    });
    expect(r.launches).toEqual([{ driverId: 'd2', workerId: 'w1' }]);
    expect(r.warnings).toEqual(['Driver d1 requires more resource than any of Workers could have.']);
  });
});

describe('placeDrivers: nested-loop (Spark 1.4.0-1.6.1 legacy)', () => {
  const legacy = (waiting: WaitingDriver[], workersInOrder: WorkerSlot[]) =>
    placeDrivers({ waiting, workersInOrder, placedDrivers: 0, maxDrivers: 1, placement: 'nested-loop' });

  it('a single waiting driver goes to the first alive worker that fits (dead ones skipped)', () => {
    const ws = [worker('dead', 8, 8192, { alive: false }), worker('small', 1, 128), worker('big', 8, 8192)];
    expect(legacy([driver('d1', 2, 1024)], ws)).toEqual({
      launches: [{ driverId: 'd1', workerId: 'big' }],
      warnings: [],
    });
  });

  it('packing, the ArrayBuffer skip and the NullPointerException: the first worker takes d1 and d3, d2 is skipped, schedule() throws', () => {
    const ws = [worker('A', 8, 8192), worker('B', 8, 8192)];
    const r = legacy(drivers(3), ws);
    expect(r.launches).toEqual([
      { driverId: 'driver1', workerId: 'A' },
      { driverId: 'driver3', workerId: 'A' },
    ]);
    expect(r.exception).toBe('java.lang.NullPointerException');
    // The next schedule() call finds only driver2 waiting and places it without trouble.
    const next = legacy([driver('driver2', 1, 1)], [worker('B', 8, 8192), worker('A', 6, 8190, { processes: 2 })]);
    expect(next).toEqual({ launches: [{ driverId: 'driver2', workerId: 'B' }], warnings: [] });
  });

  it('no exception when every launch removes the last waiting driver', () => {
    // A only fits d2 (the last one); B then takes d1, again the last one left.
    const ws = [worker('A', 1, 8192), worker('B', 4, 8192)];
    const r = legacy([driver('d1', 4, 1), driver('d2', 1, 1)], ws);
    expect(r).toEqual({
      launches: [
        { driverId: 'd2', workerId: 'A' },
        { driverId: 'd1', workerId: 'B' },
      ],
      warnings: [],
    });
  });

  it('drivers that fit nowhere simply stay waiting, with no warning and no maxDrivers (neither existed)', () => {
    expect(legacy([driver('d1', 16, 1)], [worker('A', 8, 8192)])).toEqual({ launches: [], warnings: [] });
    expect(legacy(drivers(1), [worker('A', 8, 8192)]).launches).toHaveLength(1); // maxDrivers: 1 ignored
  });
});

describe('properties', () => {
  const workerArb = fc.record({
    alive: fc.boolean(),
    coresFree: fc.integer({ min: 0, max: 16 }),
    memoryFree: fc.integer({ min: 0, max: 8192 }),
    processes: fc.integer({ min: 0, max: 3 }),
    gpus: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
  });
  const workersArb = fc.array(workerArb, { maxLength: 8 }).map((ws) =>
    ws.map((w, i): WorkerSlot => ({
      id: `worker-${(i * 7919) % 101}-${i}`,
      alive: w.alive,
      coresFree: w.coresFree,
      memoryFree: w.memoryFree,
      processes: w.processes,
      ...(w.gpus !== undefined ? { resourcesFree: { gpu: w.gpus } } : {}),
    })),
  );
  const appArb = fc.record({
    coresLeft: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constant(INT_MAX_VALUE)),
    coresPerExecutor: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
    memoryPerExecutorMB: fc.integer({ min: 0, max: 3000 }),
    executorsNow: fc.integer({ min: 0, max: 3 }),
    executorLimit: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant(INT_MAX_VALUE)),
    hasExecutors: fc.boolean(),
    gpus: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
  });
  const appsArb = fc.array(appArb, { minLength: 1, maxLength: 4 }).map((as) =>
    as.map((a, i): AppDemand => ({
      id: `app-${i}`,
      coresLeft: a.coresLeft,
      coresPerExecutor: a.coresPerExecutor,
      memoryPerExecutorMB: a.memoryPerExecutorMB,
      executorsNow: a.executorsNow,
      executorLimit: a.executorLimit,
      hasExecutors: a.hasExecutors,
      ...(a.gpus !== undefined ? { resourceReqs: [{ name: 'gpu', amount: a.gpus }] } : {}),
    })),
  );
  const policyArb = fc.constantFrom<WorkerSelectionPolicy>(
    'CORES_FREE_ASC',
    'CORES_FREE_DESC',
    'MEMORY_FREE_ASC',
    'MEMORY_FREE_DESC',
    'WORKER_ID',
  );

  it('startExecutorsOnWorkers never overcommits a worker or an app and respects executor sizes and limits', () => {
    fc.assert(
      fc.property(workersArb, appsArb, fc.boolean(), policyArb, (workers, apps, spreadOut, policy) => {
        const before = JSON.stringify({ workers, apps });
        const { allocations } = startExecutorsOnWorkers({
          apps,
          workers,
          spreadOut,
          policy,
          waitingAppsCount: apps.length,
        });
        expect(JSON.stringify({ workers, apps })).toBe(before);
        for (const w of workers) {
          const mine = allocations.filter((a) => a.workerId === w.id);
          if (!w.alive) expect(mine).toEqual([]);
          expect(mine.reduce((s, a) => s + a.cores, 0)).toBeLessThanOrEqual(w.coresFree);
          expect(mine.reduce((s, a) => s + a.memoryMb, 0)).toBeLessThanOrEqual(w.memoryFree);
          const gpusUsed = mine.reduce(
            (s, a) => s + (apps.find((p) => p.id === a.appId)?.resourceReqs?.[0]?.amount ?? 0),
            0,
          );
          expect(gpusUsed).toBeLessThanOrEqual(w.resourcesFree?.gpu ?? 0);
        }
        for (const app of apps) {
          const mine = allocations.filter((a) => a.appId === app.id);
          expect(mine.reduce((s, a) => s + a.cores, 0)).toBeLessThanOrEqual(app.coresLeft);
          expect(mine.length).toBeLessThanOrEqual(Math.max(0, app.executorLimit - app.executorsNow));
          for (const a of mine) {
            expect(a.memoryMb).toBe(app.memoryPerExecutorMB);
            if (app.coresPerExecutor !== undefined) expect(a.cores).toBe(app.coresPerExecutor);
            else expect(a.cores).toBeGreaterThanOrEqual(1);
          }
          if (app.coresPerExecutor === undefined) {
            const perWorker = new Set(mine.map((a) => a.workerId));
            expect(perWorker.size).toBe(mine.length); // one new executor per worker per call
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('scheduleExecutorsOnWorkers stays within coresLeft and each worker, in steps of coresPerExecutor', () => {
    fc.assert(
      fc.property(workersArb, appArb, fc.boolean(), (workers, a, spreadOut) => {
        const app: AppDemand = { id: 'app', ...a };
        const usable = workers.filter((w) => w.alive);
        const assigned = scheduleExecutorsOnWorkers(app, usable, spreadOut);
        expect(assigned).toHaveLength(usable.length);
        const total = assigned.reduce((s, c) => s + c, 0);
        expect(total).toBeLessThanOrEqual(
          Math.min(
            app.coresLeft,
            usable.reduce((s, w) => s + w.coresFree, 0),
          ),
        );
        assigned.forEach((cores, i) => {
          expect(cores).toBeLessThanOrEqual(usable[i]!.coresFree);
          expect(cores % (app.coresPerExecutor ?? 1)).toBe(0);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('placeDrivers launches each driver at most once, within capacity and maxDrivers', () => {
    const driversArb = fc
      .array(fc.record({ cores: fc.integer({ min: 0, max: 6 }), memoryMb: fc.integer({ min: 0, max: 4096 }) }), {
        maxLength: 8,
      })
      .map((ds) => ds.map((d, i) => driver(`driver-${i}`, d.cores, d.memoryMb)));
    fc.assert(
      fc.property(
        workersArb,
        driversArb,
        fc.constantFrom('round-robin' as const, 'first-fit' as const, 'nested-loop' as const),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 10 }),
        (workers, waiting, placement, placedDrivers, maxDrivers) => {
          const before = structuredClone(workers);
          const input = { waiting, workersInOrder: workers, placedDrivers, maxDrivers, placement };
          const decision = placeDrivers(input);
          const { launches, exception } = decision;
          expect(workers).toEqual(before); // copied, not updated
          // In place (as the Master calls it, on slots of its own): the same decision.
          expect(placeDrivers({ ...input, workersInOrder: structuredClone(workers), inPlace: true })).toEqual(decision);
          expect(new Set(launches.map((l) => l.driverId)).size).toBe(launches.length);
          if (placement !== 'nested-loop')
            expect(launches.length).toBeLessThanOrEqual(Math.max(0, maxDrivers - placedDrivers));
          if (placement !== 'nested-loop' || waiting.length <= 1) expect(exception).toBeUndefined();
          for (const w of workers) {
            const mine = launches
              .filter((l) => l.workerId === w.id)
              .map((l) => waiting.find((d) => d.id === l.driverId)!);
            if (!w.alive) expect(mine).toEqual([]);
            expect(mine.reduce((s, d) => s + d.cores, 0)).toBeLessThanOrEqual(w.coresFree);
            expect(mine.reduce((s, d) => s + d.memoryMb, 0)).toBeLessThanOrEqual(w.memoryFree);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

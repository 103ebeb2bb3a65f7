// scheduling.ts computes Master.scheduleExecutorsOnWorkers from counts instead of stepping
// through Spark's loop once per minCoresPerExecutor. This file keeps Spark 4.0's loop (Master.scala,
// scheduleExecutorsOnWorkers with its canLaunchExecutor) as the reference and checks that both
// give the same cores on every worker, over random clusters and apps in every worker order the
// selection policies produce; then that clusters far too big for the loop are placed at once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  AppDemand,
  ExecutorAllocation,
  StartExecutorsInput,
  WorkerSelectionPolicy,
  WorkerSlot,
} from './scheduling';
import { INT_MAX_VALUE, scheduleExecutorsOnWorkers, sortUsableWorkers, startExecutorsOnWorkers } from './scheduling';

/** Spark 4.0's scheduleExecutorsOnWorkers, step by step, as Master.scala writes it. */
function sparkLoop(app: AppDemand, usableWorkers: readonly WorkerSlot[], spreadOutApps: boolean): number[] {
  const coresPerExecutor = app.coresPerExecutor;
  const minCoresPerExecutor = coresPerExecutor ?? 1;
  const oneExecutorPerWorker = coresPerExecutor === undefined;
  const memoryPerExecutor = app.memoryPerExecutorMB;
  const resourceReqsPerExecutor = app.resourceReqs ?? [];
  const numUsable = usableWorkers.length;
  const assignedCores = new Array<number>(numUsable).fill(0);
  const assignedExecutors = new Array<number>(numUsable).fill(0);
  let coresToAssign = Math.min(
    app.coresLeft,
    usableWorkers.reduce((s, w) => s + w.coresFree, 0),
  );

  const canLaunchExecutor = (pos: number): boolean => {
    const keepScheduling = coresToAssign >= minCoresPerExecutor;
    const enoughCores = usableWorkers[pos]!.coresFree - assignedCores[pos]! >= minCoresPerExecutor;
    const assignedExecutorNum = assignedExecutors[pos]!;
    const launchingNewExecutor = !oneExecutorPerWorker || assignedExecutorNum === 0;
    if (launchingNewExecutor) {
      const assignedMemory = assignedExecutorNum * memoryPerExecutor;
      const enoughMemory = usableWorkers[pos]!.memoryFree - assignedMemory >= memoryPerExecutor;
      const enoughResources = resourceReqsPerExecutor.every(
        (req) => (usableWorkers[pos]!.resourcesFree?.[req.name] ?? 0) - req.amount * assignedExecutorNum >= req.amount,
      );
      const underLimit = assignedExecutors.reduce((s, n) => s + n, 0) + app.executorsNow < app.executorLimit;
      return keepScheduling && enoughCores && enoughMemory && enoughResources && underLimit;
    }
    return keepScheduling && enoughCores;
  };

  let freeWorkers = [...Array(numUsable).keys()].filter(canLaunchExecutor);
  while (freeWorkers.length > 0) {
    for (const pos of freeWorkers) {
      let keepScheduling = true;
      while (keepScheduling && canLaunchExecutor(pos)) {
        coresToAssign -= minCoresPerExecutor;
        assignedCores[pos] = assignedCores[pos]! + minCoresPerExecutor;
        if (oneExecutorPerWorker) assignedExecutors[pos] = 1;
        else assignedExecutors[pos] = assignedExecutors[pos]! + 1;
        if (spreadOutApps) keepScheduling = false;
      }
    }
    freeWorkers = freeWorkers.filter(canLaunchExecutor);
  }
  return assignedCores;
}

/**
 * Master.startExecutorsOnWorkers as Spark writes it: for each app, every usable worker sorted by
 * the policy, Spark's loop over them, then allocateWorkerResourceToExecutors taking what it gave.
 */
function sparkStartExecutors(input: StartExecutorsInput): ExecutorAllocation[] {
  const slots = input.workers.map((w) => ({ ...w, resourcesFree: { ...w.resourcesFree } }));
  const allocations: ExecutorAllocation[] = [];
  for (const app of input.apps) {
    const reqs = app.resourceReqs ?? [];
    const usable = sortUsableWorkers(
      slots.filter(
        (w) =>
          w.alive &&
          w.memoryFree >= app.memoryPerExecutorMB &&
          w.coresFree >= (app.coresPerExecutor ?? 1) &&
          reqs.every((r) => (w.resourcesFree[r.name] ?? 0) >= r.amount),
      ),
      input.policy,
    ) as typeof slots;
    if (app.coresLeft < (app.coresPerExecutor ?? 1)) continue;
    const assigned = sparkLoop(app, usable, input.spreadOut);
    usable.forEach((w, pos) => {
      const cores = assigned[pos]!;
      if (cores <= 0) return;
      const count = app.coresPerExecutor !== undefined ? Math.floor(cores / app.coresPerExecutor) : 1;
      const each = app.coresPerExecutor ?? cores;
      for (let i = 0; i < count; i++) {
        allocations.push({ appId: app.id, workerId: w.id, cores: each, memoryMb: app.memoryPerExecutorMB, rpId: 0 });
        w.coresFree -= each;
        w.memoryFree -= app.memoryPerExecutorMB;
        for (const r of reqs) w.resourcesFree[r.name] = (w.resourcesFree[r.name] ?? 0) - r.amount;
      }
    });
  }
  return allocations;
}

const POLICIES: readonly WorkerSelectionPolicy[] = [
  'CORES_FREE_ASC',
  'CORES_FREE_DESC',
  'MEMORY_FREE_ASC',
  'MEMORY_FREE_DESC',
  'WORKER_ID',
];

// Small numbers make the budgets (coresLeft, the executor limit, memory, gpus) bind often and in
// every combination; the 1,000s and Int.MaxValue make the rounds long.
const workerArb = fc.record({
  coresFree: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 200 })),
  memoryFree: fc.oneof(fc.integer({ min: 0, max: 4096 }), fc.integer({ min: 0, max: 200_000 })),
  gpus: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  fpgas: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
});
const clusterArb = fc.array(workerArb, { maxLength: 12 }).map((ws) =>
  ws.map((w, i): WorkerSlot => {
    const resourcesFree: Record<string, number> = {};
    if (w.gpus !== undefined) resourcesFree.gpu = w.gpus;
    if (w.fpgas !== undefined) resourcesFree.fpga = w.fpgas;
    return {
      id: `worker-${(i * 7919) % 13}-${i}`,
      alive: true,
      coresFree: w.coresFree,
      memoryFree: w.memoryFree,
      processes: 0,
      ...(Object.keys(resourcesFree).length > 0 ? { resourcesFree } : {}),
    };
  }),
);
const appArb = fc
  .record({
    coresLeft: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 2000 }), fc.constant(INT_MAX_VALUE)),
    coresPerExecutor: fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }),
    memoryPerExecutorMB: fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.constant(0)),
    executorsNow: fc.integer({ min: 0, max: 4 }),
    executorLimit: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constant(INT_MAX_VALUE)),
    gpus: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
    fpgas: fc.option(fc.integer({ min: 0, max: 1 }), { nil: undefined }),
  })
  .map((a): AppDemand => ({
    id: 'app-1',
    coresLeft: a.coresLeft,
    coresPerExecutor: a.coresPerExecutor,
    memoryPerExecutorMB: a.memoryPerExecutorMB,
    executorsNow: a.executorsNow,
    executorLimit: a.executorLimit,
    hasExecutors: a.executorsNow > 0,
    resourceReqs: [
      ...(a.gpus !== undefined ? [{ name: 'gpu', amount: a.gpus }] : []),
      ...(a.fpgas !== undefined ? [{ name: 'fpga', amount: a.fpgas }] : []),
    ],
  }));

describe('scheduleExecutorsOnWorkers without a per-step loop', () => {
  it('assigns exactly what Spark 4.0 loop assigns, over random clusters, apps and worker orders', () => {
    fc.assert(
      fc.property(
        clusterArb,
        appArb,
        fc.boolean(),
        fc.constantFrom(...POLICIES),
        fc.boolean(),
        (workers, app, spreadOut, policy, filterAsSparkDoes) => {
          // startExecutorsOnWorkers passes only workers that fit one executor, sorted by the policy;
          // the function itself must also agree on any order and on workers that do not fit.
          const candidates = filterAsSparkDoes
            ? workers.filter(
                (w) =>
                  w.memoryFree >= app.memoryPerExecutorMB &&
                  w.coresFree >= (app.coresPerExecutor ?? 1) &&
                  (app.resourceReqs ?? []).every((r) => (w.resourcesFree?.[r.name] ?? 0) >= r.amount),
              )
            : workers;
          const usable = sortUsableWorkers(candidates, policy);
          expect(scheduleExecutorsOnWorkers(app, usable, spreadOut)).toEqual(sparkLoop(app, usable, spreadOut));
        },
      ),
      { numRuns: 3000, seed: 20261202 },
    );
  });

  it('orders workers the same with idRank as by comparing ids, for every policy', () => {
    // The Master hands startExecutorsOnWorkers each id's rank in String.compareTo order so sorts
    // compare numbers; the placements must be exactly those of comparing the ids themselves.
    fc.assert(
      fc.property(
        clusterArb,
        fc.array(appArb, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.constantFrom(...POLICIES),
        (workers, apps, spreadOut, policy) => {
          const ids = [...new Set(workers.map((w) => w.id))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
          const ranked = workers.map((w) => ({ ...w, idRank: ids.indexOf(w.id) }));
          const demands = apps.map((a, i) => ({ ...a, id: `app-${i}` }));
          const input = { apps: demands, spreadOut, policy, waitingAppsCount: demands.length };
          expect(startExecutorsOnWorkers({ ...input, workers: ranked })).toEqual(
            startExecutorsOnWorkers({ ...input, workers }),
          );
          expect(sortUsableWorkers(ranked, policy).map((w) => w.id)).toEqual(
            sortUsableWorkers(workers, policy).map((w) => w.id),
          );
        },
      ),
      { numRuns: 2000, seed: 20261203 },
    );
  });

  it('startExecutorsOnWorkers allocates as Spark does over every usable worker sorted, on clusters far wider than an app', () => {
    // startExecutorsOnWorkers orders only the first workers an app can reach (its core steps) when
    // that is a small part of the usable ones; Spark sorts them all. Wide clusters and small apps
    // take the short path, the rest the full sort; both must give Spark's executors, app after app.
    const wideClusterArb = fc.array(workerArb, { minLength: 1, maxLength: 60 }).map((ws) =>
      ws.map((w, i): WorkerSlot => ({
        id: `worker-${(i * 7919) % 61}-${i}`,
        alive: i % 9 !== 4,
        coresFree: w.coresFree,
        memoryFree: w.memoryFree,
        processes: 0,
        ...(w.gpus !== undefined ? { resourcesFree: { gpu: w.gpus } } : {}),
      })),
    );
    const smallAppArb = fc.tuple(appArb, fc.integer({ min: 1, max: 24 }), fc.boolean()).map(([a, cores, small]) => ({
      ...a,
      coresLeft: small ? cores : a.coresLeft,
      resourceReqs: a.resourceReqs?.slice(0, 1),
    }));
    fc.assert(
      fc.property(
        wideClusterArb,
        fc.array(smallAppArb, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.constantFrom(...POLICIES),
        (workers, apps, spreadOut, policy) => {
          const demands = apps.map((a, i) => ({ ...a, id: `app-${i}` }));
          const input = { apps: demands, spreadOut, policy, waitingAppsCount: demands.length, workers };
          const before = structuredClone(workers);
          const expected = sparkStartExecutors(input);
          expect(startExecutorsOnWorkers(input).allocations).toEqual(expected);
          expect(workers).toEqual(before); // copied, not updated
          // In place (as the Master calls it, on slots of its own): the same executors.
          const own = structuredClone(workers);
          expect(startExecutorsOnWorkers({ ...input, workers: own, inPlace: true }).allocations).toEqual(expected);
        },
      ),
      { numRuns: 3000, seed: 20261204 },
    );
  });

  it('places a worker of 2^31-1 cores, and a billion one-core executors, without stepping through them', () => {
    const huge: WorkerSlot[] = [
      { id: 'worker-a', alive: true, coresFree: INT_MAX_VALUE, memoryFree: 1 << 30, processes: 0 },
      { id: 'worker-b', alive: true, coresFree: INT_MAX_VALUE, memoryFree: 1 << 30, processes: 0 },
    ];
    const uncapped: AppDemand = {
      id: 'app-1',
      coresLeft: INT_MAX_VALUE,
      coresPerExecutor: undefined,
      memoryPerExecutorMB: 1024,
      executorsNow: 0,
      executorLimit: INT_MAX_VALUE,
      hasExecutors: false,
    };
    const t0 = performance.now();
    // coresToAssign is min(coresLeft, total free): Int.MaxValue, spread one core per round.
    expect(scheduleExecutorsOnWorkers(uncapped, huge, true)).toEqual([1073741824, 1073741823]);
    expect(scheduleExecutorsOnWorkers(uncapped, huge, false)).toEqual([INT_MAX_VALUE, 0]);
    const oneCoreEach = { ...uncapped, coresPerExecutor: 1, memoryPerExecutorMB: 1, coresLeft: 1_000_000_000 };
    expect(scheduleExecutorsOnWorkers(oneCoreEach, huge, true)).toEqual([500_000_000, 500_000_000]);
    // The loop takes tens of seconds here; counting takes microseconds.
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('orders the workers of a large app on 20,000 equal workers listed against the policy in well under a second', () => {
    // Equal free cores listed by ascending id, under a descending policy (ties on descending id):
    // every worker comes in ahead of all the best so far, one move per worker already kept.
    const workers: WorkerSlot[] = Array.from({ length: 20_000 }, (_v, i) => ({
      id: `worker-${String(i).padStart(5, '0')}`,
      alive: true,
      coresFree: 16,
      memoryFree: 65536,
      processes: 0,
    }));
    const app: AppDemand = {
      id: 'app-1',
      coresLeft: 4_000,
      coresPerExecutor: 1,
      memoryPerExecutorMB: 1024,
      executorsNow: 0,
      executorLimit: INT_MAX_VALUE,
      hasExecutors: false,
    };
    const input = { apps: [app], workers, spreadOut: true, waitingAppsCount: 1 };
    for (const policy of ['CORES_FREE_DESC', 'MEMORY_FREE_DESC'] as const) {
      const t0 = performance.now();
      const { allocations } = startExecutorsOnWorkers({ ...input, policy });
      expect(performance.now() - t0).toBeLessThan(500);
      // Spread out, one core per worker: 4,000 workers, ties on descending id (sortBy(...).reverse).
      expect(allocations).toHaveLength(4_000);
      expect(allocations[0]!.workerId).toBe('worker-19999');
      expect(allocations[3_999]!.workerId).toBe('worker-16000');
    }
  });

  it('startExecutorsOnWorkers gives one executor of every core to an uncapped app on a billion-core worker', () => {
    const { allocations } = startExecutorsOnWorkers({
      apps: [
        {
          id: 'app-1',
          coresLeft: INT_MAX_VALUE,
          coresPerExecutor: undefined,
          memoryPerExecutorMB: 1024,
          executorsNow: 0,
          executorLimit: INT_MAX_VALUE,
          hasExecutors: false,
        },
      ],
      workers: [{ id: 'worker-1', alive: true, coresFree: 1_000_000_000, memoryFree: 65536, processes: 0 }],
      spreadOut: true,
      policy: 'CORES_FREE_ASC',
      waitingAppsCount: 1,
    });
    expect(allocations).toEqual([
      { appId: 'app-1', workerId: 'worker-1', cores: 1_000_000_000, memoryMb: 1024, rpId: 0 },
    ]);
  });
});

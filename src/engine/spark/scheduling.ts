// Models deploy/master/Master.scala (schedule, startExecutorsOnWorkers, scheduleExecutorsOnWorkers, allocateWorkerResourceToExecutors): the Master's placement decisions for waiting drivers and executors, as pure functions over plain inputs.
//
// Nothing here mutates what the caller passed, draws randomness or reads a clock: the Master
// passes a snapshot of its workers and queues, gets back an ordered list of decisions
// (launchDriver / launchExecutor) and applies them in that order, exactly as Spark's schedule()
// interleaves deciding and launching. Where Spark decides something on state that an earlier
// launch in the same schedule() call has changed (a worker's free cores, an app's coresLeft, a
// worker's drivers/executors), the functions keep private copies and update them as they go, so
// the decisions are the ones Spark would take.
//
// Sources: Spark 4.0 deploy/master/Master.scala, internal/config/Deploy.scala,
// resource/ResourceUtils.resourcesMeetRequirements; tests ported from MasterSuite/MasterSuiteBase,
// WorkerSelectionSuite and ResourceProfilesSuite (see scheduling.test.ts).

/** Scala's Int.MaxValue: the default of spark.deploy.maxDrivers, spark.deploy.defaultCores and of an app's executor limit. */
export const INT_MAX_VALUE = 2147483647;

/** Deploy.WorkerSelectionPolicy (spark.deploy.workerSelectionPolicy, 4.0+), in declaration order. */
export type WorkerSelectionPolicy =
  'CORES_FREE_ASC' | 'CORES_FREE_DESC' | 'MEMORY_FREE_ASC' | 'MEMORY_FREE_DESC' | 'WORKER_ID';

const WORKER_SELECTION_POLICIES: readonly WorkerSelectionPolicy[] = [
  'CORES_FREE_ASC',
  'CORES_FREE_DESC',
  'MEMORY_FREE_ASC',
  'MEMORY_FREE_DESC',
  'WORKER_ID',
];

/** A custom resource requirement (ResourceRequirement: resourceName, amount), e.g. { name: 'gpu', amount: 1 }. */
export interface ResourceRequirement {
  name: string;
  amount: number;
}

/** The Master's view of one worker, as scheduling needs it (WorkerInfo: state, coresFree, memoryFree...). */
export interface WorkerSlot {
  id: string;
  /** WorkerInfo.state == ALIVE */
  alive: boolean;
  coresFree: number;
  /** MiB */
  memoryFree: number;
  /** number of drivers + executors currently on it (for isClusterIdle) */
  processes: number;
  /** WorkerInfo.resourcesAmountFree: free addresses per custom resource name. Absent = none. */
  resourcesFree?: Readonly<Record<string, number>>;
  /**
   * Not Spark's: the id's place in String.compareTo order among the workers the caller knows,
   * when it keeps one (the Master does, see workerIdRanks in master.ts). Sorting then breaks
   * ties on this number instead of comparing the ids' characters, which gives the same order
   * faster: most workers of a large cluster tie on free cores, so nearly every comparison of a
   * sort was a string comparison. Used only when both slots compared have one.
   */
  idRank?: number;
}

/** A driver in waitingDrivers (DriverInfo.desc: cores, mem, resourceReqs). */
export interface WaitingDriver {
  id: string;
  cores: number;
  memoryMb: number;
  /** DriverDescription.resourceReqs (spark.driver.resource.*); absent = none. */
  resourceReqs?: readonly ResourceRequirement[];
}

/**
 * How waiting drivers are placed:
 * - 'round-robin': spark.deploy.spreadOutDrivers=true (4.0 default; also 1.2–1.3 and 2.0–3.5);
 * - 'first-fit': spark.deploy.spreadOutDrivers=false (4.0+);
 * - 'nested-loop': the 1.4.0–1.6.1 regression (and ≤ 1.1) (Master.scala's schedule() in those versions).
 */
export type DriverPlacement = 'round-robin' | 'first-fit' | 'nested-loop';

export interface DriverLaunch {
  driverId: string;
  workerId: string;
}

export interface PlaceDriversInput {
  /** waitingDrivers, FIFO. */
  waiting: readonly WaitingDriver[];
  /**
   * For 'round-robin': the ALIVE workers already shuffled by the caller's seeded RNG
   * (Random.shuffle(workers.toSeq.filter(ALIVE)), a fresh permutation per schedule() call).
   * For 'first-fit': all ALIVE workers, any order (sorted by id here).
   * For 'nested-loop': ALL workers in the order Spark iterated them (dead ones are skipped here).
   * Caller's note: 1.4–1.6.1 wrote `Random.shuffle(workers)` on the mutable HashSet itself, and
   * Scala's shuffle rebuilds the same collection type, so that order is the HashSet's hash layout
   * (WorkerInfo identity hash codes), nearly fixed for a given set of workers, not a fresh
   * permutation per call.
   * Workers that are not alive are always skipped, whatever the placement.
   */
  workersInOrder: readonly WorkerSlot[];
  /** drivers.size - waitingDrivers.size: drivers already placed (RUNNING/RELAUNCHING...) at the start of the call. */
  placedDrivers: number;
  /** spark.deploy.maxDrivers (Int.MaxValue by default). Not consulted by 'nested-loop', which predates it. */
  maxDrivers: number;
  placement: DriverPlacement;
  /** See StartExecutorsInput.inPlace. */
  inPlace?: boolean;
}

export interface PlaceDriversResult {
  /** launchDriver(worker, driver) calls, in order. */
  launches: DriverLaunch[];
  /** logWarning lines, in order. */
  warnings: string[];
  /**
   * Only for 'nested-loop': set when Spark 1.4–1.6.1's schedule() would have thrown
   * java.lang.NullPointerException from its driver loop (see placeDriversNestedLoop). The launches
   * listed before it did happen; the rest of that schedule() call (startExecutorsOnWorkers) and of
   * the message handler that called it did not run.
   */
  exception?: 'java.lang.NullPointerException';
}

/** One (application, resource profile) pair as startExecutorsOnWorkers sees it. */
export interface AppDemand {
  /** ApplicationInfo.id */
  id: string;
  /** app.coresLeft = requestedCores - coresGranted (requestedCores = spark.cores.max ?? spark.deploy.defaultCores). */
  coresLeft: number;
  /** ExecutorResourceDescription.coresPerExecutor (spark.executor.cores); undefined when not set. */
  coresPerExecutor: number | undefined;
  /** ExecutorResourceDescription.memoryMbPerExecutor (spark.executor.memory), MiB. */
  memoryPerExecutorMB: number;
  /** app.getOrUpdateExecutorsForRPId(rpId).size: executors the app has for this profile now. */
  executorsNow: number;
  /** app.getTargetExecutorNumForRPId(rpId): Int.MaxValue = 2147483647 unless dynamic allocation set it. */
  executorLimit: number;
  /** !app.executors.isEmpty (all profiles), for the "App ... requires more resource" warning. */
  hasExecutors: boolean;
  /** Resource profile id; 0 (the default profile) when absent. Entries of one app come in ascending rpId order. */
  rpId?: number;
  /** ExecutorResourceDescription.customResourcesPerExecutor (spark.executor.resource.*); absent = none. */
  resourceReqs?: readonly ResourceRequirement[];
}

export interface ExecutorAllocation {
  appId: string;
  workerId: string;
  cores: number;
  memoryMb: number;
  /** Resource profile id of the executor (0 = default). */
  rpId: number;
}

export interface StartExecutorsInput {
  /**
   * waitingApps in order (FIFO; RUNNING apps are in waitingApps too), one entry per
   * (app, rpId) in app.getRequestedRPIds() order. An app with several profiles appears several
   * times in a row; later entries of the same app see the cores granted to earlier ones.
   */
  apps: readonly AppDemand[];
  /** All workers (this function filters ALIVE + canLaunchExecutor and sorts by policy). */
  workers: readonly WorkerSlot[];
  /** spark.deploy.spreadOutApps (alias spark.deploy.spreadOut). */
  spreadOut: boolean;
  policy: WorkerSelectionPolicy;
  /** waitingApps.length (apps, not profiles). */
  waitingAppsCount: number;
  /**
   * The caller built `workers` for this call alone (the Master does, from its WorkerInfos, on
   * every schedule()), so the call may update them in place as it launches things instead of
   * copying each first: with a thousand workers that copy was a thousand objects per call. Their
   * resourcesFree objects must be the caller's own too. Otherwise the inputs are left untouched.
   */
  inPlace?: boolean;
}

export interface StartExecutorsResult {
  /** One entry PER EXECUTOR, in launch order (app.addExecutor + launchExecutor). */
  allocations: ExecutorAllocation[];
  /** logWarning lines, in order. */
  warnings: string[];
}

const NO_REQUIREMENTS: readonly ResourceRequirement[] = [];

/** The private, mutable copy of a worker that a scheduling call updates as it launches things. */
interface MutableSlot {
  id: string;
  alive: boolean;
  coresFree: number;
  memoryFree: number;
  processes: number;
  resourcesFree: Record<string, number> | undefined;
  idRank: number | undefined;
}

/** The slots a call may update: `workers` themselves when the caller allows it, otherwise copies. */
function ownSlots(workers: readonly WorkerSlot[], inPlace: boolean | undefined): MutableSlot[] {
  return inPlace === true ? (workers as MutableSlot[]) : workers.map(copySlot);
}

function copySlot(w: WorkerSlot): MutableSlot {
  return {
    id: w.id,
    alive: w.alive,
    coresFree: w.coresFree,
    memoryFree: w.memoryFree,
    processes: w.processes,
    resourcesFree: w.resourcesFree === undefined ? undefined : { ...w.resourcesFree },
    idRank: w.idRank,
  };
}

/** ResourceUtils.resourcesMeetRequirements: every requirement fits (a resource the worker lacks counts as 0 free). */
function resourcesMeetRequirements(
  free: Readonly<Record<string, number>> | undefined,
  reqs: readonly ResourceRequirement[],
): boolean {
  for (const req of reqs) {
    if ((free?.[req.name] ?? 0) < req.amount) return false;
  }
  return true;
}

/** Master.canLaunch: enough memory AND cores AND custom resources free right now. */
function canLaunch(
  worker: WorkerSlot | MutableSlot,
  memoryReq: number,
  coresReq: number,
  reqs: readonly ResourceRequirement[],
): boolean {
  return (
    worker.memoryFree >= memoryReq &&
    worker.coresFree >= coresReq &&
    resourcesMeetRequirements(worker.resourcesFree, reqs)
  );
}

/** Master.canLaunchExecutor: room for one executor of the smallest size (coresPerExecutor, or 1 core when unset). */
function canLaunchExecutor(worker: WorkerSlot, app: AppDemand): boolean {
  return canLaunch(worker, app.memoryPerExecutorMB, app.coresPerExecutor ?? 1, app.resourceReqs ?? NO_REQUIREMENTS);
}

/** WorkerInfo.acquireResources + addDriver/addExecutor, on our private copy. */
function take(slot: MutableSlot, cores: number, memoryMb: number, reqs: readonly ResourceRequirement[]): void {
  slot.coresFree -= cores;
  slot.memoryFree -= memoryMb;
  slot.processes += 1;
  if (reqs.length > 0) {
    // A worker that passed canLaunch has every required name (or the amount is 0).
    const free = (slot.resourcesFree ??= {});
    for (const req of reqs) free[req.name] = (free[req.name] ?? 0) - req.amount;
  }
}

/**
 * Case-insensitive parse of spark.deploy.workerSelectionPolicy, as its ConfigBuilder does:
 * `.transform(_.toUpperCase(Locale.ROOT)).checkValues(WorkerSelectionPolicy.values.map(_.toString))`.
 * An invalid value throws checkValues' IllegalArgumentException text (the value shown is the
 * upper-cased one, because the transform runs before the check).
 */
export function parseWorkerSelectionPolicy(value: string): WorkerSelectionPolicy {
  const upper = value.toUpperCase();
  const policy = WORKER_SELECTION_POLICIES.find((p) => p === upper);
  if (policy !== undefined) return policy;
  const error = new Error(
    `The value of spark.deploy.workerSelectionPolicy should be one of ${WORKER_SELECTION_POLICIES.join(', ')}, but was ${upper}`,
  );
  error.name = 'IllegalArgumentException';
  throw error;
}

/** Java's String.compareTo (UTF-16 code units), which Scala's Ordering[String] uses; never localeCompare. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The worker ids' order, by their idRank when both have one (the same order, see WorkerSlot.idRank). */
function compareSlotIds(a: WorkerSlot | MutableSlot, b: WorkerSlot | MutableSlot): number {
  const ra = a.idRank;
  const rb = b.idRank;
  return ra !== undefined && rb !== undefined ? ra - rb : compareIds(a.id, b.id);
}

function byCoresFreeThenId(a: WorkerSlot | MutableSlot, b: WorkerSlot | MutableSlot): number {
  return a.coresFree - b.coresFree || compareSlotIds(a, b);
}

function byMemoryFreeThenId(a: WorkerSlot | MutableSlot, b: WorkerSlot | MutableSlot): number {
  return a.memoryFree - b.memoryFree || compareSlotIds(a, b);
}

function byId(a: WorkerSlot | MutableSlot, b: WorkerSlot | MutableSlot): number {
  return compareSlotIds(a, b);
}

/**
 * Sorts in place by spark.deploy.workerSelectionPolicy. The *_DESC policies are, as in Spark,
 * `sortBy((free, id)).reverse`: most free first and ties on DESCENDING worker id. Both sorts are
 * stable (Scala's sortBy and Array.prototype.sort), so even equal keys keep Spark's order.
 */
function sortInPlace<T extends WorkerSlot | MutableSlot>(workers: T[], policy: WorkerSelectionPolicy): T[] {
  switch (policy) {
    case 'CORES_FREE_ASC':
      return workers.sort(byCoresFreeThenId);
    case 'CORES_FREE_DESC':
      return workers.sort(byCoresFreeThenId).reverse();
    case 'MEMORY_FREE_ASC':
      return workers.sort(byMemoryFreeThenId);
    case 'MEMORY_FREE_DESC':
      return workers.sort(byMemoryFreeThenId).reverse();
    case 'WORKER_ID':
      return workers.sort(byId);
  }
}

/** The policy's order as one comparator: the *_DESC policies are the reverse of the ascending total order. */
function policyComparator(policy: WorkerSelectionPolicy): (a: MutableSlot, b: MutableSlot) => number {
  switch (policy) {
    case 'CORES_FREE_ASC':
      return byCoresFreeThenId;
    case 'CORES_FREE_DESC':
      return (a, b) => byCoresFreeThenId(b, a);
    case 'MEMORY_FREE_ASC':
      return byMemoryFreeThenId;
    case 'MEMORY_FREE_DESC':
      return (a, b) => byMemoryFreeThenId(b, a);
    case 'WORKER_ID':
      return byId;
  }
}

/**
 * The most workers firstInPolicyOrder is asked for. It inserts each worker into a sorted list of
 * at most `count`, so workers that come in near the reverse of the policy's order (equal free
 * cores listed by id, for a descending policy) cost up to `count` moves each: fine for the
 * handful an app usually needs, quadratic for a large `count`, where the full sort is cheaper.
 */
const TOP_K_AT_MOST = 64;

/**
 * The first `count` workers of sortInPlace's order, without sorting them all: an app that can
 * take `count` more steps never gets cores on a worker further down the order (see
 * startExecutorsOnWorkers), and on a large cluster that is a handful of workers out of thousands.
 * Worker ids are unique, so every policy's order is total and the first `count` are well defined
 * (the same ones, in the same order, as a stable sort gives).
 */
function firstInPolicyOrder(
  workers: readonly MutableSlot[],
  count: number,
  policy: WorkerSelectionPolicy,
): MutableSlot[] {
  const cmp = policyComparator(policy);
  const best: MutableSlot[] = [];
  if (count < 1) return best;
  for (const w of workers) {
    if (best.length === count) {
      if (cmp(w, best[count - 1]!) >= 0) continue;
      best.pop();
    }
    let i = best.length;
    best.push(w);
    while (i > 0 && cmp(w, best[i - 1]!) < 0) {
      best[i] = best[i - 1]!;
      i -= 1;
    }
    best[i] = w;
  }
  return best;
}

/** The `usableWorkers` ordering of startExecutorsOnWorkers; returns a new array. */
export function sortUsableWorkers(usable: readonly WorkerSlot[], policy: WorkerSelectionPolicy): WorkerSlot[] {
  return sortInPlace(usable.slice(), policy);
}

/**
 * Master.scheduleExecutorsOnWorkers: how many cores to give this app on each
 * usable worker (same order as `usable`). Pure: it only plans; allocateWorkerResourceToExecutors
 * turns the plan into executors.
 */
export function scheduleExecutorsOnWorkers(
  app: AppDemand,
  usable: readonly WorkerSlot[],
  spreadOut: boolean,
): number[] {
  return assignCores(app, app.coresLeft, usable, spreadOut);
}

/**
 * scheduleExecutorsOnWorkers with coresLeft passed separately (it shrinks within one
 * startExecutorsOnWorkers call).
 *
 * Spark loops: while some worker can take one more step (minCoresPerExecutor cores, and a new
 * executor unless it is one executor per worker), visit the still-capable workers in order, each
 * taking one step (spreadOut) or as many as it can (consolidate). That loop runs once per step, so
 * a worker with a billion cores, or `--executor-cores 1` on a huge one, costs a billion turns. The
 * same assignment follows from counts, because every condition of Spark's canLaunchExecutor is
 * either a worker's own capacity (cores, memory and resources left for more steps) or a budget
 * shared by all workers that every step spends (coresToAssign, and the executor limit for steps
 * that start an executor), and none of them ever comes back within one call:
 * - a worker's capacity is how many steps it could take on its own (`stepsOnWorker`);
 * - spreadOut: round r gives one step to every worker whose capacity is at least r, in order, until
 *   the shared budget runs out; so every worker gets min(capacity, k) for the largest k whose full
 *   rounds fit, and the rest of the budget goes one step each to the next workers in order;
 * - consolidate: each worker in order takes min(capacity, budget left).
 * With one executor per worker, only the first step on a worker starts an executor, so the executor
 * limit picks which workers take part (the first ones in order) and coresToAssign is the only
 * budget after that. scheduling-arithmetic.test.ts checks this against Spark's loop on random
 * clusters.
 */
function assignCores(
  app: AppDemand,
  coresLeft: number,
  usable: readonly (WorkerSlot | MutableSlot)[],
  spreadOut: boolean,
  totalCoresFree = sumCoresFree(usable),
): number[] {
  const coresPerExecutor = app.coresPerExecutor;
  if (coresPerExecutor !== undefined && !(coresPerExecutor >= 1)) {
    // Spark rejects spark.executor.cores < 1 long before this; with 0 Spark's loop never ends.
    throw new RangeError(`coresPerExecutor must be at least 1, got ${coresPerExecutor} (app ${app.id})`);
  }
  const minCoresPerExecutor = coresPerExecutor ?? 1;
  const oneExecutorPerWorker = coresPerExecutor === undefined;
  const numUsable = usable.length;
  const assignedCores = new Array<number>(numUsable).fill(0); // Number of cores to give to each worker

  const coresToAssign = Math.min(coresLeft, totalCoresFree);
  // Steps all workers together may take: each spends minCoresPerExecutor of coresToAssign, and
  // Spark's keepScheduling is coresToAssign >= minCoresPerExecutor before each one.
  const coreSteps = countSteps(coresToAssign, minCoresPerExecutor, Infinity);
  // Executors that may still start: totalAssignedExecutors + executorsNow < executorLimit.
  const executorBudget = Math.max(0, app.executorLimit - app.executorsNow);

  const capacity = new Float64Array(numUsable);
  let budget: number;
  if (oneExecutorPerWorker) {
    // Whether a worker can start its executor depends only on its own memory and resources; the
    // first executorBudget of those that can (in order) start one, and then add cores while their
    // own cores last.
    let starting = executorBudget;
    for (let pos = 0; pos < numUsable && starting > 0; pos++) {
      const w = usable[pos]!;
      const cores = stepsOnWorker(w, app, minCoresPerExecutor, false);
      if (cores > 0) {
        capacity[pos] = cores;
        starting -= 1;
      }
    }
    budget = coreSteps;
  } else {
    for (let pos = 0; pos < numUsable; pos++)
      capacity[pos] = stepsOnWorker(usable[pos]!, app, minCoresPerExecutor, true);
    budget = Math.min(coreSteps, executorBudget);
  }

  const steps = spreadOut ? roundRobin(capacity, budget) : fillInOrder(capacity, budget);
  for (let pos = 0; pos < numUsable; pos++) assignedCores[pos] = steps[pos]! * minCoresPerExecutor;
  return assignedCores;
}

function sumCoresFree(workers: readonly (WorkerSlot | MutableSlot)[]): number {
  let total = 0;
  for (const w of workers) total += w.coresFree;
  return total;
}

/**
 * How many times `free - taken * each >= each` holds for taken = 0, 1, 2…, at most `cap`: Spark's
 * per-step test, with the same floating-point arithmetic (the division only guesses, the test
 * decides).
 */
function countSteps(free: number, each: number, cap: number): number {
  if (!(free >= each)) return 0;
  if (!(each > 0)) return cap; // taking nothing never runs out
  let n = Math.min(cap, Math.floor(free / each));
  while (n > 0 && !(free - (n - 1) * each >= each)) n -= 1;
  while (n < cap && free - n * each >= each) n += 1;
  return n;
}

/**
 * The steps one worker could take for this app if nothing else stopped it: its free cores in
 * units of minCoresPerExecutor, and, when every step is a new executor, its memory and custom
 * resources in units of one executor's. With one executor per worker, memory and resources are
 * tested once, for the executor's start.
 */
function stepsOnWorker(
  w: WorkerSlot | MutableSlot,
  app: AppDemand,
  minCoresPerExecutor: number,
  everyStepStartsAnExecutor: boolean,
): number {
  const memoryPerExecutor = app.memoryPerExecutorMB;
  const reqs = app.resourceReqs ?? NO_REQUIREMENTS;
  const cap = everyStepStartsAnExecutor ? Infinity : 1;
  let executors = countSteps(w.memoryFree, memoryPerExecutor, cap);
  for (const req of reqs)
    executors = Math.min(executors, countSteps(w.resourcesFree?.[req.name] ?? 0, req.amount, cap));
  if (executors === 0) return 0;
  const coreSteps = countSteps(w.coresFree, minCoresPerExecutor, Infinity);
  return everyStepStartsAnExecutor ? Math.min(coreSteps, executors) : coreSteps;
}

/**
 * spreadOut: rounds of one step per worker that still has capacity, in order, until `budget`
 * steps are given. Full rounds first (the largest k with sum(min(capacity, k)) <= budget, found by
 * bisection), then one step each to the first workers in order that can take a (k+1)-th.
 */
function roundRobin(capacity: Float64Array, budget: number): Float64Array {
  const n = capacity.length;
  const steps = new Float64Array(n);
  let total = 0;
  let most = 0;
  for (let pos = 0; pos < n; pos++) {
    total += capacity[pos]!;
    most = Math.max(most, capacity[pos]!);
  }
  if (total <= budget) return capacity.slice();
  const stepsIn = (k: number): number => {
    let sum = 0;
    for (let pos = 0; pos < n; pos++) sum += Math.min(capacity[pos]!, k);
    return sum;
  };
  // stepsIn(lo) <= budget < stepsIn(hi)
  let lo = 0;
  let hi = most;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (stepsIn(mid) <= budget) lo = mid;
    else hi = mid;
  }
  let left = budget - stepsIn(lo);
  for (let pos = 0; pos < n; pos++) {
    const c = capacity[pos]!;
    steps[pos] = Math.min(c, lo);
    if (left > 0 && c > lo) {
      steps[pos] = lo + 1;
      left -= 1;
    }
  }
  return steps;
}

/** Consolidate: each worker in order takes all the steps it can while the budget lasts. */
function fillInOrder(capacity: Float64Array, budget: number): Float64Array {
  const steps = new Float64Array(capacity.length);
  let left = budget;
  for (let pos = 0; pos < capacity.length && left > 0; pos++) {
    steps[pos] = Math.min(capacity[pos]!, left);
    left -= steps[pos]!;
  }
  return steps;
}

/**
 * Master.startExecutorsOnWorkers with allocateWorkerResourceToExecutors:
 * FIFO over apps (and, per app, over resource profiles in ascending id), each taking what it can
 * from what earlier apps left.
 */
export function startExecutorsOnWorkers(input: StartExecutorsInput): StartExecutorsResult {
  const { apps, spreadOut, policy, waitingAppsCount } = input;
  const slots = ownSlots(input.workers, input.inPlace);
  const allocations: ExecutorAllocation[] = [];
  const warnings: string[] = [];
  // What Spark's ApplicationInfo objects learn during the call: coresGranted grows (so coresLeft
  // shrinks) and executors becomes non-empty, which later profiles of the same app see.
  let grantedInCall: Map<string, number> | undefined;
  let launchedInCall: Set<string> | undefined;

  for (const app of apps) {
    const coresLeft = app.coresLeft - (grantedInCall?.get(app.id) ?? 0);
    const coresPerExecutor = app.coresPerExecutor;
    // Leftover cores smaller than one executor are never allocated.
    if (coresLeft < (coresPerExecutor ?? 1)) continue;

    // Filter out workers that don't have enough resources to launch an executor.
    const found: MutableSlot[] = [];
    for (const slot of slots) if (slot.alive && canLaunchExecutor(slot, app)) found.push(slot);
    // Spark sorts every usable worker, but only the first coreSteps of the order can get cores:
    // every usable worker can take a step (it passed canLaunchExecutor), each step spends
    // minCoresPerExecutor of coresToAssign, and both policies give steps in order, spreadOut one
    // per worker per round and consolidate as many as each worker can, so the budget is spent
    // before the order passes its coreSteps-th worker. coresToAssign itself counts every usable
    // worker's free cores. scheduling-arithmetic.test.ts checks this against the full sort.
    const totalCoresFree = sumCoresFree(found);
    const coreSteps = countSteps(Math.min(coresLeft, totalCoresFree), coresPerExecutor ?? 1, Infinity);
    const usable =
      coreSteps <= TOP_K_AT_MOST && coreSteps * 4 < found.length
        ? firstInPolicyOrder(found, coreSteps, policy)
        : sortInPlace(found, policy);

    // Spark checks waitingApps.head.executors.isEmpty; with one waiting app the head is this app.
    const hasExecutors = app.hasExecutors || (launchedInCall?.has(app.id) ?? false);
    if (waitingAppsCount === 1 && !hasExecutors && found.length === 0) {
      warnings.push(`App ${app.id} requires more resource than any of Workers could have.`);
    }

    const assignedCores = assignCores(app, coresLeft, usable, spreadOut, totalCoresFree);

    // allocateWorkerResourceToExecutors for each worker given cores, in usable order.
    const reqs = app.resourceReqs ?? NO_REQUIREMENTS;
    const rpId = app.rpId ?? 0;
    let granted = 0;
    for (let pos = 0; pos < usable.length; pos++) {
      const cores = assignedCores[pos]!;
      if (cores <= 0) continue;
      const worker = usable[pos]!;
      // With coresPerExecutor set, the cores divide evenly into executors of that size;
      // otherwise one executor takes every core assigned on this worker.
      const numExecutors = coresPerExecutor !== undefined ? Math.floor(cores / coresPerExecutor) : 1;
      const coresEach = coresPerExecutor ?? cores;
      for (let i = 0; i < numExecutors; i++) {
        allocations.push({
          appId: app.id,
          workerId: worker.id,
          cores: coresEach,
          memoryMb: app.memoryPerExecutorMB,
          rpId,
        });
        take(worker, coresEach, app.memoryPerExecutorMB, reqs);
        granted += coresEach;
      }
    }
    if (granted > 0) {
      (grantedInCall ??= new Map()).set(app.id, (grantedInCall.get(app.id) ?? 0) + granted);
      (launchedInCall ??= new Set()).add(app.id);
    }
  }
  return { allocations, warnings };
}

function driverWarning(driverId: string): string {
  return `Driver ${driverId} requires more resource than any of Workers could have.`;
}

/** The alive workers, in order, as slots the call may update (see ownSlots). */
function aliveSlots(workers: readonly WorkerSlot[], inPlace: boolean | undefined): MutableSlot[] {
  const out: MutableSlot[] = [];
  for (const w of workers) if (w.alive) out.push(inPlace === true ? (w as MutableSlot) : copySlot(w));
  return out;
}

/**
 * The driver half of Master.schedule(): which waiting driver goes to which
 * worker, in launch order. Drivers take strict precedence over executors: the caller applies these
 * launches, then calls startExecutorsOnWorkers with the updated workers.
 */
export function placeDrivers(input: PlaceDriversInput): PlaceDriversResult {
  switch (input.placement) {
    case 'round-robin':
      return placeDriversRoundRobin(input);
    case 'first-fit':
      return placeDriversFirstFit(input);
    case 'nested-loop':
      return placeDriversNestedLoop(input);
  }
}

/**
 * spreadOutDrivers = true (Master.schedule() in 4.0). Each driver's search starts just after the worker the previous
 * search stopped at (curPos is shared and advances after every visit, a successful one included),
 * so consecutive drivers land on different workers.
 */
function placeDriversRoundRobin(input: PlaceDriversInput): PlaceDriversResult {
  const alive = aliveSlots(input.workersInOrder, input.inPlace);
  const numWorkersAlive = alive.length;
  const launches: DriverLaunch[] = [];
  const warnings: string[] = [];
  let placed = input.placedDrivers;
  let curPos = 0;
  // Spark iterates a copy of waitingDrivers; we never modify input.waiting.
  for (const driver of input.waiting) {
    let launched = placed >= input.maxDrivers;
    let isClusterIdle = !launched;
    let numWorkersVisited = 0;
    const reqs = driver.resourceReqs ?? NO_REQUIREMENTS;
    while (numWorkersVisited < numWorkersAlive && !launched) {
      const worker = alive[curPos]!;
      // Only the LAST visited worker decides "idle", exactly as Spark overwrites the flag.
      isClusterIdle = worker.processes === 0;
      numWorkersVisited += 1;
      if (canLaunch(worker, driver.memoryMb, driver.cores, reqs)) {
        take(worker, driver.cores, driver.memoryMb, reqs);
        launches.push({ driverId: driver.id, workerId: worker.id });
        placed += 1;
        launched = true;
      }
      curPos = (curPos + 1) % numWorkersAlive;
    }
    if (!launched && isClusterIdle) warnings.push(driverWarning(driver.id));
  }
  return { launches, warnings };
}

/** spreadOutDrivers = false (Master.schedule() in 4.0): the first worker by id that fits; at maxDrivers, skip silently. */
function placeDriversFirstFit(input: PlaceDriversInput): PlaceDriversResult {
  // Sort by worker ID as a way to be deterministic (Spark's own comment).
  const alive = aliveSlots(input.workersInOrder, input.inPlace).sort(byId);
  const launches: DriverLaunch[] = [];
  const warnings: string[] = [];
  let placed = input.placedDrivers;
  for (const driver of input.waiting) {
    if (placed >= input.maxDrivers) continue;
    const reqs = driver.resourceReqs ?? NO_REQUIREMENTS;
    const worker = alive.find((w) => canLaunch(w, driver.memoryMb, driver.cores, reqs));
    if (worker === undefined) {
      warnings.push(driverWarning(driver.id));
      continue;
    }
    take(worker, driver.cores, driver.memoryMb, reqs);
    launches.push({ driverId: driver.id, workerId: worker.id });
    placed += 1;
  }
  return { launches, warnings };
}

/**
 * Spark 1.4.0–1.6.1 (and ≤ 1.1), Master.schedule():
 *
 *   for (worker <- shuffledWorkers if worker.state == WorkerState.ALIVE) {
 *     for (driver <- waitingDrivers) {
 *       if (worker.memoryFree >= driver.desc.mem && worker.coresFree >= driver.desc.cores) {
 *         launchDriver(worker, driver); waitingDrivers -= driver } } }
 *
 * Each worker takes every waiting driver that still fits (packing, unlike round-robin). No
 * custom resources, no maxDrivers and no warning existed then.
 *
 * The ArrayBuffer quirk, modelled exactly rather than approximated: `for (d <- waitingDrivers)`
 * is ResizableArray.foreach of Scala 2.10/2.11, which caches `top = size` before the loop and
 * reads the backing array directly; `waitingDrivers -= d` shifts the later drivers left and
 * nulls the freed slot at the end. So after a removal at index i the driver that moved into i is
 * skipped, and once the loop reaches an index at or past the new size it passes null to the body,
 * whose `driver.desc` throws java.lang.NullPointerException. (SPARK-2350, PR #1289, 2014, describes
 * this very NPE: "removing from an iterator while iterating over it is not safe"; the 1.4.0–1.6.1
 * text iterates waitingDrivers itself again, not a copy.) Hence: any launch of a
 * driver that is not the last one in the buffer ends schedule() with an NPE once the loop reaches
 * the nulled slot. We return the launches made before it and `exception`; the caller must skip
 * startExecutorsOnWorkers and the remainder of the handler, as the exception unwinds them. A
 * single waiting driver, or launches of only the last waiting driver, never throw.
 */
function placeDriversNestedLoop(input: PlaceDriversInput): PlaceDriversResult {
  const waitingDrivers = input.waiting.slice(); // the ArrayBuffer, mutated as Spark mutates it
  const launches: DriverLaunch[] = [];
  for (const source of input.workersInOrder) {
    if (!source.alive) continue;
    const worker = input.inPlace === true ? (source as MutableSlot) : copySlot(source);
    const top = waitingDrivers.length;
    for (let i = 0; i < top; i++) {
      const driver = waitingDrivers[i];
      if (driver === undefined) {
        // array(i) is the null left behind by an earlier removal: null.desc.
        return { launches, warnings: [], exception: 'java.lang.NullPointerException' };
      }
      if (worker.memoryFree >= driver.memoryMb && worker.coresFree >= driver.cores) {
        take(worker, driver.cores, driver.memoryMb, NO_REQUIREMENTS);
        launches.push({ driverId: driver.id, workerId: worker.id });
        waitingDrivers.splice(i, 1); // indexOf(driver) is i: ArrayBuffer.remove(i)
      }
    }
  }
  return { launches, warnings: [] };
}

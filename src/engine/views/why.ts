// "Why is it waiting?": for an application or a driver, what the active Master checks for it in
// schedule() (Master.scala's startExecutorsOnWorkers / scheduleExecutorsOnWorkers and the driver
// loop, modelled in ../spark/scheduling.ts), worker by worker, reduced to one stable reason code
// and a plain sentence, in the manner of Slurm's pending-job reasons. A pure function of engine
// state: the page's Why panel and `npm run sim -- --why` both read it.
//
// The checks are Spark's. A worker can take an executor of an app when it is ALIVE, has at least
// spark.executor.cores free (1 when unset) and spark.executor.memory free (Master.canLaunch); the
// app asks only while its cores left (spark.cores.max, else spark.deploy.defaultCores, minus the
// cores granted) cover one executor and it holds fewer executors than its limit. A waiting driver
// needs a worker with its --driver-cores and --driver-memory free, and none is placed once
// spark.deploy.maxDrivers drivers are. Which check fails, and on which worker, is the answer.
import type { SparkCluster } from '../spark/cluster';
import type { ApplicationInfo, DriverInfo, MasterState, WorkerInfo } from '../spark/master-state';
import { coresLeft, isAppFinished, requestedCores } from '../spark/master-state';
import { megabytesToString } from '../spark/memory';
import { INT_MAX_VALUE } from '../spark/scheduling';
import type { WhyView, WhyWorkerView } from './frame-types';
import type { SimOutput } from './json-types';
import { activeMasterState } from './sim-output';

/** The reason codes of an application (stable: the runner prints them). */
export type AppWhyCode =
  | 'MASTER_NOT_ALIVE'
  | 'NO_ALIVE_WORKERS'
  | 'INSUFFICIENT_MEMORY'
  | 'INSUFFICIENT_CORES'
  | 'INSUFFICIENT_RESOURCES'
  | 'HELD_BY_OTHER_APPS'
  | 'CORES_MAX_REACHED'
  | 'EXECUTOR_LIMIT_REACHED'
  | 'EXECUTORS_FAILING'
  | 'PENDING_SCHEDULE'
  | 'SERVED';

/** The reason codes of a driver submitted in cluster mode. */
export type DriverWhyCode =
  | 'MASTER_NOT_ALIVE'
  | 'NO_ALIVE_WORKERS'
  | 'INSUFFICIENT_MEMORY'
  | 'INSUFFICIENT_CORES'
  | 'HELD_BY_OTHER_APPS'
  | 'MAX_DRIVERS_REACHED'
  | 'PENDING_SCHEDULE'
  | 'PLACED';

/** A WhyView whose code is one of this module's. */
export interface Why<C extends string> extends WhyView {
  code: C;
}

/** What the Master needs for one executor or one driver. */
interface Need {
  cores: number;
  memoryMb: number;
}

/** One worker as the Master saw it for this app or driver, plus what is not Spark's: who holds it. */
function workerRow(w: WorkerInfo, need: Need): WhyWorkerView {
  const coresFree = w.cores - w.coresUsed;
  const memoryFreeMb = w.memory - w.memoryUsed;
  const short: WhyWorkerView['short'] = [];
  if (w.state !== 'ALIVE') short.push('state');
  if (coresFree < need.cores) short.push('cores');
  if (memoryFreeMb < need.memoryMb) short.push('memory');
  return {
    id: w.id,
    host: w.host,
    state: w.state,
    coresFree,
    memoryFreeMb,
    needCores: need.cores,
    needMemoryMb: need.memoryMb,
    fits: short.length === 0,
    short,
  };
}

/** Workers in the order the Master keeps them (registration), then by id for a stable table. */
function knownWorkers(m: MasterState): WorkerInfo[] {
  return m.workers;
}

const mib = (mb: number): string => megabytesToString(mb);

function masterNotAlive(m: MasterState | null): string | null {
  if (m === null) return 'No Master is running: nothing is scheduled until one is started and leads.';
  if (m.state === 'ALIVE') return null;
  if (m.state === 'STANDBY')
    return 'No Master leads (every live Master is STANDBY): nothing is scheduled until one is elected.';
  return `The Master is ${m.state}: it schedules nothing until its recovery completes and it is ALIVE.`;
}

/** The resources this app's own executors hold on a worker. */
function heldBy(w: WorkerInfo, appId: string): Need {
  let cores = 0;
  let memoryMb = 0;
  for (const e of w.executors.values()) {
    if (e.app.id !== appId) continue;
    cores += e.cores;
    memoryMb += e.memory;
  }
  return { cores, memoryMb };
}

function fitsTotal(w: WorkerInfo, need: Need): boolean {
  return w.cores >= need.cores && w.memory >= need.memoryMb;
}

/** The largest ALIVE worker by memory and by cores, for "what would change it". */
function largest(alive: readonly WorkerInfo[]): { memoryMb: number; cores: number } {
  let memoryMb = 0;
  let cores = 0;
  for (const w of alive) {
    memoryMb = Math.max(memoryMb, w.memory);
    cores = Math.max(cores, w.cores);
  }
  return { memoryMb, cores };
}

/** Earlier apps in the FIFO that hold cores or memory on the workers this one could use. */
function holders(m: MasterState, app: ApplicationInfo | null, candidates: readonly WorkerInfo[]): string[] {
  const names = new Set<string>();
  for (const w of candidates) {
    for (const e of w.executors.values()) if (e.app !== app) names.add(e.app.id);
    for (const d of w.drivers.values()) names.add(d.id);
  }
  return [...names].sort();
}

function why<C extends string>(code: C, text: string, workers: WhyWorkerView[], fixes: string[]): Why<C> {
  return { code, text, workers, fixes };
}

/**
 * Why the app holds what it holds, as of now: the first of Spark's checks that stops the Master
 * from giving it another executor.
 */
export function appWhy(c: SparkCluster, m: MasterState | null, app: ApplicationInfo): Why<AppWhyCode> {
  const need: Need = { cores: app.desc.coresPerExecutor ?? 1, memoryMb: app.desc.memoryPerExecutorMB };
  const workers = m ? knownWorkers(m).map((w) => workerRow(w, need)) : [];
  const held = `${app.executors.size} executor${app.executors.size === 1 ? '' : 's'} (${app.coresGranted} core${app.coresGranted === 1 ? '' : 's'})`;
  if (app.state === 'FAILED') {
    // In Standalone an app fails only one way: spark.deploy.maxExecutorRetries executors in a row
    // failed before one ran (Master's ExecutorStateChanged handler, then removeApplication).
    const failed = app.removedExecutors.filter((e) => e.state === 'FAILED').length;
    return why(
      'EXECUTORS_FAILING',
      `FAILED: ${failed} of its executors failed, ${c.settings.maxExecutorRetries} of them in a row without one running (spark.deploy.maxExecutorRetries), so the Master removed it.`,
      workers,
      ["read an executor's stderr on its worker: the cause is in the application or its environment"],
    );
  }
  if (isAppFinished(app)) return why('SERVED', `${app.state}: it asks for nothing more.`, workers, []);
  const notAlive = masterNotAlive(m);
  if (notAlive !== null || m === null) return why('MASTER_NOT_ALIVE', notAlive ?? '', workers, []);

  const retries = c.settings.maxExecutorRetries;
  const recent = app.removedExecutors.slice(-2);
  if (
    app.retryCount > 0 ||
    (recent.length === 2 && recent.every((e) => e.state === 'FAILED' || e.state === 'EXITED'))
  ) {
    const last = app.removedExecutors[app.removedExecutors.length - 1];
    const where = last ? ` (the last, ${last.fullId} on ${last.worker.host}, ended ${last.state})` : '';
    const count =
      app.retryCount > 0
        ? `${app.retryCount} in a row failed before running; after spark.deploy.maxExecutorRetries (${retries}) the Master removes the application`
        : `they end as fast as the Master replaces them`;
    return why('EXECUTORS_FAILING', `Its executors keep failing${where}: ${count}. It holds ${held}.`, workers, [
      "read the executor's stderr on its worker: the cause is in the application or its environment",
    ]);
  }

  const left = coresLeft(app);
  if (left < need.cores) {
    const cap =
      app.desc.maxCores !== null
        ? `spark.cores.max (${app.desc.maxCores})`
        : `spark.deploy.defaultCores (${app.defaultCores})`;
    return why(
      'CORES_MAX_REACHED',
      `It holds ${held}, all that ${cap} allows${left > 0 ? `: the ${left} core${left === 1 ? '' : 's'} left cannot make an executor of ${need.cores}` : ''}.`,
      workers,
      [
        `raise ${app.desc.maxCores !== null ? 'spark.cores.max (--total-executor-cores)' : 'spark.deploy.defaultCores'} for more executors`,
      ],
    );
  }
  if (app.executors.size >= app.executorLimit) {
    return why(
      'EXECUTOR_LIMIT_REACHED',
      `It holds ${held}, its executor limit (${app.executorLimit}, set by the driver's requests).`,
      workers,
      ['the driver asks for more executors when its tasks wait (dynamic allocation)'],
    );
  }

  const alive = knownWorkers(m).filter((w) => w.state === 'ALIVE');
  const cap = requestedCores(app) >= INT_MAX_VALUE ? '' : ` (it may use ${left} more core${left === 1 ? '' : 's'})`;
  if (alive.length === 0) {
    return why(
      'NO_ALIVE_WORKERS',
      `No worker is ALIVE, so the Master has nowhere to launch an executor${cap}.`,
      workers,
      ['start a worker (start-worker.sh), or wait for a lost one to re-register'],
    );
  }
  const big = largest(alive);
  const memoryFits = alive.some((w) => w.memory >= need.memoryMb);
  const coresFit = alive.some((w) => w.cores >= need.cores);
  if (!memoryFits) {
    return why(
      'INSUFFICIENT_MEMORY',
      `Each executor needs ${mib(need.memoryMb)} (spark.executor.memory) and no ALIVE worker has that much memory at all: the largest has ${mib(big.memoryMb)}.`,
      workers,
      [`add a worker with ≥ ${mib(need.memoryMb)}`, `or lower --executor-memory to ≤ ${mib(big.memoryMb)}`],
    );
  }
  if (!coresFit) {
    return why(
      'INSUFFICIENT_CORES',
      `Each executor needs ${need.cores} cores (spark.executor.cores) and no ALIVE worker has that many: the largest has ${big.cores}.`,
      workers,
      [`add a worker with ≥ ${need.cores} cores`, `or lower --executor-cores to ≤ ${big.cores}`],
    );
  }
  const candidates = alive.filter((w) => fitsTotal(w, need));
  if (candidates.length === 0) {
    return why(
      'INSUFFICIENT_RESOURCES',
      `Each executor needs ${need.cores} core${need.cores === 1 ? '' : 's'} and ${mib(need.memoryMb)} on one worker; some ALIVE workers have the cores and others the memory, none both.`,
      workers,
      [`add a worker with ≥ ${need.cores} cores and ≥ ${mib(need.memoryMb)}`],
    );
  }
  if (workers.some((r) => r.fits)) {
    return why(
      'PENDING_SCHEDULE',
      `A worker has room for an executor${cap}: the Master launches it at its next schedule(), which runs whenever a worker, an app or a driver changes.`,
      workers,
      [],
    );
  }
  // Nothing fits now. Would it, were the other apps and drivers gone?
  const freedByOthers = candidates.filter((w) => {
    const own = heldBy(w, app.id);
    return w.cores - own.cores >= need.cores && w.memory - own.memoryMb >= need.memoryMb;
  });
  if (freedByOthers.length > 0) {
    const others = holders(m, app, freedByOthers);
    const first = others[0];
    const place = m.waitingApps.indexOf(app);
    const fifo =
      place > 0 ? ` It is behind ${place} app${place === 1 ? '' : 's'} in the Master's FIFO of waiting apps.` : '';
    return why(
      'HELD_BY_OTHER_APPS',
      `It would fit on ${freedByOthers.length} ALIVE worker${freedByOthers.length === 1 ? '' : 's'}, but ${others.length === 1 ? first : `${others.length} other apps and drivers`} hold${others.length === 1 ? 's' : ''} the cores or memory there. It holds ${held}${cap}.${fifo}`,
      workers,
      [
        first !== undefined
          ? `set spark.cores.max on ${first}, so it leaves cores to the next app`
          : 'set spark.cores.max on the earlier apps',
        `or add a worker with ≥ ${need.cores} core${need.cores === 1 ? '' : 's'} and ≥ ${mib(need.memoryMb)}`,
      ],
    );
  }
  return why(
    'SERVED',
    `It holds ${held}: every worker that could take one of its executors is full of its own.`,
    workers,
    [],
  );
}

/** Why a driver submitted in cluster mode is, or is not, running on a worker. */
export function driverWhy(c: SparkCluster, m: MasterState | null, d: DriverInfo): Why<DriverWhyCode> {
  const need: Need = { cores: d.desc.cores, memoryMb: d.desc.mem };
  const workers = m ? knownWorkers(m).map((w) => workerRow(w, need)) : [];
  const waiting = m?.waitingDrivers.includes(d) ?? false;
  if (!waiting && (d.worker !== null || d.state !== 'SUBMITTED')) {
    const where = d.worker ? `on ${d.worker.host}` : 'on a worker';
    return why('PLACED', `${d.state}: the Master placed it ${where}.`, workers, []);
  }
  const notAlive = masterNotAlive(m);
  if (notAlive !== null || m === null) return why('MASTER_NOT_ALIVE', notAlive ?? '', workers, []);
  const placed = m.drivers.length - m.waitingDrivers.length;
  const max = c.settings.maxDrivers;
  if (placed >= max) {
    return why(
      'MAX_DRIVERS_REACHED',
      `${placed} drivers are placed already, the most spark.deploy.maxDrivers (${max}) allows: it waits until one ends.`,
      workers,
      ['raise spark.deploy.maxDrivers', 'or wait for a running driver to finish'],
    );
  }
  const alive = knownWorkers(m).filter((w) => w.state === 'ALIVE');
  if (alive.length === 0) {
    return why('NO_ALIVE_WORKERS', 'No worker is ALIVE, so the Master has nowhere to launch the driver.', workers, [
      'start a worker (start-worker.sh), or wait for a lost one to re-register',
    ]);
  }
  const big = largest(alive);
  if (!alive.some((w) => w.memory >= need.memoryMb)) {
    return why(
      'INSUFFICIENT_MEMORY',
      `The driver needs ${mib(need.memoryMb)} (--driver-memory) and no ALIVE worker has that much memory at all: the largest has ${mib(big.memoryMb)}.`,
      workers,
      [`add a worker with ≥ ${mib(need.memoryMb)}`, `or lower --driver-memory to ≤ ${mib(big.memoryMb)}`],
    );
  }
  if (!alive.some((w) => w.cores >= need.cores)) {
    return why(
      'INSUFFICIENT_CORES',
      `The driver needs ${need.cores} cores (--driver-cores) and no ALIVE worker has that many: the largest has ${big.cores}.`,
      workers,
      [`add a worker with ≥ ${need.cores} cores`, `or lower --driver-cores to ≤ ${big.cores}`],
    );
  }
  if (workers.some((r) => r.fits)) {
    return why(
      'PENDING_SCHEDULE',
      'A worker has room for it: the Master places it at its next schedule(), which runs whenever a worker, an app or a driver changes.',
      workers,
      [],
    );
  }
  const candidates = alive.filter((w) => fitsTotal(w, need));
  if (candidates.length === 0) {
    return why(
      'INSUFFICIENT_MEMORY',
      `The driver needs ${need.cores} core${need.cores === 1 ? '' : 's'} and ${mib(need.memoryMb)} on one worker, and no ALIVE worker with the cores has the memory.`,
      workers,
      [`add a worker with ≥ ${need.cores} core${need.cores === 1 ? '' : 's'} and ≥ ${mib(need.memoryMb)}`],
    );
  }
  const others = holders(m, null, candidates);
  const place = m.waitingDrivers.indexOf(d);
  const line = place === 0 ? 'first in line' : `behind ${place} waiting driver${place === 1 ? '' : 's'}`;
  return why(
    'HELD_BY_OTHER_APPS',
    `It would fit on ${candidates.length} ALIVE worker${candidates.length === 1 ? '' : 's'}, but ${others.length} other app${others.length === 1 ? '' : 's'} and driver${others.length === 1 ? '' : 's'} hold the cores or memory there: it waits, ${line}, until one ends.`,
    workers,
    [
      `add a worker with ≥ ${need.cores} core${need.cores === 1 ? '' : 's'} and ≥ ${mib(need.memoryMb)}`,
      'or set spark.cores.max on the running apps',
    ],
  );
}

/**
 * The runner's `--why`: a `why` on every app and driver of `out` (the document `simOutput` made of
 * this same instant). Kept out of simOutput so the page's engine bundle does not carry this module
 * until the Inspector asks for it (views/inspect.ts is loaded on demand).
 */
export function addWhy(c: SparkCluster, out: SimOutput): void {
  const m = activeMasterState(c);
  if (m === null) return;
  const apps = new Map([...m.completedApps, ...m.apps].map((a) => [a.id, a]));
  const drivers = new Map([...m.completedDrivers, ...m.drivers].map((d) => [d.id, d]));
  for (const entry of out.apps) {
    const app = apps.get(entry.id);
    if (app) entry.why = appWhy(c, m, app);
  }
  for (const entry of out.drivers) {
    const d = drivers.get(entry.id);
    if (d) entry.why = driverWhy(c, m, d);
  }
}

// Models deploy/master/{WorkerInfo,ApplicationInfo,DriverInfo,ExecutorDesc}.scala: the Master's
// bookkeeping objects as plain data, with the same operations (addExecutor, removeDriver...).
import type {
  ApplicationDescription,
  ApplicationStateName,
  DriverDescription,
  DriverStateName,
  ExecutorStateName,
  RecoveryStateName,
  WorkerStateName,
} from './messages';
import type { AddressMemo } from './cluster';
import type { LeaderElectionAgentState } from './leader-election';
import type { PersistenceEngineState } from './persistence-state';

/** Master.ENDPOINT_NAME: the RPC endpoint of the Master. */
export const MASTER_EP = 'Master';

/** Its AddressMemo fields remember where `endpoint` leads (the Master tells every worker of every finished app). */
export interface WorkerInfo extends AddressMemo {
  id: string;
  host: string;
  port: number;
  /** RPC address "host:port" of the Worker endpoint (its ref). */
  endpoint: string;
  cores: number;
  /** MiB */
  memory: number;
  webUiAddress: string;
  state: WorkerStateName;
  coresUsed: number;
  memoryUsed: number;
  /** Epoch ms, as Spark stores System.currentTimeMillis. */
  lastHeartbeat: number;
  executors: Map<string, ExecutorDesc>;
  drivers: Map<string, DriverInfo>;
  /**
   * Not Spark's: the id's place in String.compareTo order among the workers the Master knows, so
   * that scheduling breaks ties between workers with a number instead of comparing ids (see
   * WorkerSlot.idRank in scheduling.ts). Set for every known worker when one without it is
   * scheduled.
   */
  idRank?: number;
}

export interface ExecutorDesc {
  id: number;
  app: ApplicationInfo;
  worker: WorkerInfo;
  cores: number;
  memory: number;
  rpId: number;
  state: ExecutorStateName;
  fullId: string;
}

export interface ApplicationInfo {
  startTime: number;
  id: string;
  desc: ApplicationDescription;
  submitDate: number;
  /** The AppClient's RPC address. */
  driver: string;
  defaultCores: number;
  state: ApplicationStateName;
  executors: Map<number, ExecutorDesc>;
  removedExecutors: ExecutorDesc[];
  coresGranted: number;
  endTime: number;
  nextExecutorId: number;
  retryCount: number;
  /** targetNumExecutorsPerResourceProfileId for the default profile. */
  executorLimit: number;
}

export interface DriverInfo {
  startTime: number;
  id: string;
  desc: DriverDescription;
  submitDate: number;
  state: DriverStateName;
  exception: string | null;
  worker: WorkerInfo | null;
}

export interface MasterState {
  host: string;
  port: number;
  address: string;
  masterUrl: string;
  webUiUrl: string;
  restPort: number | null;
  state: RecoveryStateName;
  workers: WorkerInfo[];
  idToWorker: Map<string, WorkerInfo>;
  addressToWorker: Map<string, WorkerInfo>;
  apps: ApplicationInfo[];
  idToApp: Map<string, ApplicationInfo>;
  addressToApp: Map<string, ApplicationInfo>;
  waitingApps: ApplicationInfo[];
  completedApps: ApplicationInfo[];
  drivers: DriverInfo[];
  waitingDrivers: DriverInfo[];
  completedDrivers: DriverInfo[];
  nextAppNumber: number;
  nextDriverNumber: number;
  /** Chosen from spark.deploy.recoveryMode when the Master starts (Master.onStart). */
  persistenceEngine: PersistenceEngineState;
  /**
   * MonarchyLeaderAgent (elected at once) or ZooKeeperLeaderElectionAgent (a Curator LeaderLatch);
   * null until Master.onStart creates it.
   */
  leaderElectionAgent: LeaderElectionAgentState | null;
  /** When beginRecovery started (simulated ms), for "Recovery complete in N ms". */
  recoveryStartTimeMs: number;
  /**
   * The workers with at least one free core, in no order. Not Spark's: an index so that
   * schedule(), which runs on every executor that ends, looks only at workers that could take an
   * executor (a worker without a free core is never usable) instead of every worker, which made
   * clusters of uncapped apps quadratic. Kept by the add/remove functions below and by
   * registerWorker; members that are not ALIVE are skipped where it is read.
   */
  workersWithFreeCores: Set<WorkerInfo>;
  /**
   * Not Spark's: by sender pid, the WorkerInfo its last Heartbeat found in idToWorker, so the next
   * one from that process skips the Map (a thousand workers beat every few seconds, and each
   * lookup hashed a long id in a Map of every worker). Emptied whenever idToWorker changes, so an
   * entry whose id is the heartbeat's is always what idToWorker holds for it.
   */
  heartbeatSenders: (WorkerInfo | undefined)[];
  /** Pending asks of the REST server to the Master, by ask id: whom to answer over HTTP. */
  restPending: Map<number, { client: number; clientEp: string; askId: number; kind: 'create' | 'kill' | 'status' }>;
}

/** WorkerInfo's constructor: the transient fields start as init() sets them (also after deserialisation). */
export function newWorkerInfo(
  d: Pick<WorkerInfo, 'id' | 'host' | 'port' | 'endpoint' | 'cores' | 'memory' | 'webUiAddress'>,
  lastHeartbeat: number,
): WorkerInfo {
  // An explicit literal (not a spread) keeps every WorkerInfo one hidden class: the scheduler
  // reads these fields for every worker on every schedule().
  return {
    id: d.id,
    host: d.host,
    port: d.port,
    endpoint: d.endpoint,
    cores: d.cores,
    memory: d.memory,
    webUiAddress: d.webUiAddress,
    state: 'ALIVE',
    coresUsed: 0,
    memoryUsed: 0,
    lastHeartbeat,
    executors: new Map(),
    drivers: new Map(),
    memoAddress: null,
    memoPid: 0,
    memoRebinds: 0,
  };
}

/** ApplicationInfo's constructor: init() resets every transient field (also after deserialisation). */
export function newApplicationInfo(
  d: Pick<ApplicationInfo, 'startTime' | 'id' | 'desc' | 'submitDate' | 'driver' | 'defaultCores'>,
): ApplicationInfo {
  return {
    startTime: d.startTime,
    id: d.id,
    desc: d.desc,
    submitDate: d.submitDate,
    driver: d.driver,
    defaultCores: d.defaultCores,
    state: 'WAITING',
    executors: new Map(),
    removedExecutors: [],
    coresGranted: 0,
    endTime: -1,
    nextExecutorId: 0,
    retryCount: 0,
    executorLimit: d.desc.initialExecutorLimit ?? 2147483647,
  };
}

/** DriverInfo's constructor: a new or deserialised driver is SUBMITTED, on no worker. */
export function newDriverInfo(d: Pick<DriverInfo, 'startTime' | 'id' | 'desc' | 'submitDate'>): DriverInfo {
  return {
    startTime: d.startTime,
    id: d.id,
    desc: d.desc,
    submitDate: d.submitDate,
    state: 'SUBMITTED',
    exception: null,
    worker: null,
  };
}

export const coresFree = (w: WorkerInfo): number => w.cores - w.coresUsed;
export const memoryFree = (w: WorkerInfo): number => w.memory - w.memoryUsed;

/** Keeps MasterState.workersWithFreeCores in step with a worker's cores. */
export function noteFreeCores(m: MasterState, w: WorkerInfo): void {
  // A DEAD WorkerInfo never comes back (a worker that returns registers a new one).
  if (coresFree(w) > 0 && w.state !== 'DEAD') m.workersWithFreeCores.add(w);
  else m.workersWithFreeCores.delete(w);
}

export function workerAddExecutor(m: MasterState, w: WorkerInfo, e: ExecutorDesc): void {
  w.executors.set(e.fullId, e);
  w.coresUsed += e.cores;
  w.memoryUsed += e.memory;
  noteFreeCores(m, w);
}

export function workerRemoveExecutor(m: MasterState, w: WorkerInfo, e: ExecutorDesc): void {
  if (w.executors.delete(e.fullId)) {
    w.coresUsed -= e.cores;
    w.memoryUsed -= e.memory;
    noteFreeCores(m, w);
  }
}

export function workerAddDriver(m: MasterState, w: WorkerInfo, d: DriverInfo): void {
  w.drivers.set(d.id, d);
  w.coresUsed += d.desc.cores;
  w.memoryUsed += d.desc.mem;
  noteFreeCores(m, w);
}

/** Spark's WorkerInfo.removeDriver subtracts without checking presence. */
export function workerRemoveDriver(m: MasterState, w: WorkerInfo, d: DriverInfo): void {
  w.drivers.delete(d.id);
  w.coresUsed -= d.desc.cores;
  w.memoryUsed -= d.desc.mem;
  noteFreeCores(m, w);
}

export function requestedCores(app: ApplicationInfo): number {
  return app.desc.maxCores ?? app.defaultCores;
}

export function coresLeft(app: ApplicationInfo): number {
  return requestedCores(app) - app.coresGranted;
}

export function appAddExecutor(
  app: ApplicationInfo,
  worker: WorkerInfo,
  cores: number,
  memory: number,
  useId?: number,
): ExecutorDesc {
  let id: number;
  if (useId !== undefined) {
    id = useId;
    app.nextExecutorId = Math.max(app.nextExecutorId, useId + 1);
  } else {
    id = app.nextExecutorId++;
  }
  const exec: ExecutorDesc = { id, app, worker, cores, memory, rpId: 0, state: 'LAUNCHING', fullId: `${app.id}/${id}` };
  app.executors.set(id, exec);
  app.coresGranted += cores;
  return exec;
}

export function appRemoveExecutor(app: ApplicationInfo, exec: ExecutorDesc): void {
  if (app.executors.delete(exec.id)) {
    app.removedExecutors.push(exec);
    app.coresGranted -= exec.cores;
  }
}

/** An application the Master knows by id: active (idToApp) or among the completed it keeps. */
export function findApplication(m: MasterState, id: string): ApplicationInfo | undefined {
  return m.idToApp.get(id) ?? m.completedApps.find((a) => a.id === id);
}

/** A driver the Master knows by id: active (waiting ones are in `drivers` too) or completed. */
export function findDriverInfo(m: MasterState, id: string): DriverInfo | undefined {
  return m.drivers.find((d) => d.id === id) ?? m.completedDrivers.find((d) => d.id === id);
}

export function isAppFinished(app: ApplicationInfo): boolean {
  return app.state !== 'WAITING' && app.state !== 'RUNNING';
}

/** Master's trimming of completedApps / completedDrivers: drop the oldest max(limit/10, 1). */
export function trimAndAppend<T>(list: T[], item: T, limit: number): void {
  if (list.length >= limit) list.splice(0, Math.max(Math.floor(limit / 10), 1));
  list.push(item);
}

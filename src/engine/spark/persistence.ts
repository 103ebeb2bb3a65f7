// Models deploy/master/PersistenceEngine.scala with its BlackHolePersistenceEngine,
// FileSystemPersistenceEngine.scala and ZooKeeperPersistenceEngine.scala: what a Master writes so
// that the next leader can recover its workers, applications and drivers (Master.scala's
// beginRecovery reads it back). The engines' state types are in persistence-state.ts.
//
// Spark serialises the WorkerInfo / ApplicationInfo / DriverInfo objects themselves; their
// transient fields (executors, drivers, cores used, state, lastHeartbeat, a driver's worker) are
// re-initialised when read back. Here each object is stored as the plain record of exactly the
// fields that survive, and read back through the same constructors the Master uses (init()).
import type { Process } from '../sim/kernel';
import type { SparkCluster } from './cluster';
import type { ApplicationInfo, DriverInfo, MasterState, WorkerInfo } from './master-state';
import { newApplicationInfo, newDriverInfo, newWorkerInfo } from './master-state';
import type { RecoveryMode } from './conf';
import type { PersistenceEngineState } from './persistence-state';
import type { CreateRequest, DeleteRequest } from './zookeeper-server';
import { ZOOKEEPER_EP, zooKeeperServer } from './zookeeper-server';

/** The endpoint the ZooKeeper persistence engine's own Curator client sends from. */
export const ZK_PERSISTENCE_EP = 'ZooKeeperPersistenceEngine';

/** The serialisable part of ApplicationInfo (the AppClient's ref travels as its address). */
type StoredApplication = Pick<ApplicationInfo, 'startTime' | 'id' | 'desc' | 'submitDate' | 'driver' | 'defaultCores'>;
type StoredDriver = Pick<DriverInfo, 'startTime' | 'id' | 'desc' | 'submitDate'>;
type StoredWorker = Pick<WorkerInfo, 'id' | 'host' | 'port' | 'endpoint' | 'cores' | 'memory' | 'webUiAddress'>;

/** Master.onStart's choice of persistence engine for a recovery mode. */
export function createPersistenceEngine(c: SparkCluster, mode: RecoveryMode, host: string): PersistenceEngineState {
  const s = c.settings;
  switch (mode) {
    case 'FILESYSTEM':
    case 'ROCKSDB':
      return { kind: 'FileSystem', host, dir: s.recoveryDirectory };
    case 'ZOOKEEPER':
      return { kind: 'ZooKeeper', dir: `${s.zooKeeperDir}/master_status` };
    default:
      return { kind: 'BlackHole' };
  }
}

// ---------------------------------------------------------------- PersistenceEngine's final methods

export function persistApplication(c: SparkCluster, p: Process<MasterState>, app: ApplicationInfo): void {
  if (p.state.persistenceEngine.kind === 'BlackHole') return;
  const stored: StoredApplication = {
    startTime: app.startTime,
    id: app.id,
    desc: app.desc,
    submitDate: app.submitDate,
    driver: app.driver,
    defaultCores: app.defaultCores,
  };
  persist(c, p, `app_${app.id}`, stored);
}

export function unpersistApplication(c: SparkCluster, p: Process<MasterState>, app: ApplicationInfo): void {
  if (p.state.persistenceEngine.kind === 'BlackHole') return;
  unpersist(c, p, `app_${app.id}`);
}

export function persistWorker(c: SparkCluster, p: Process<MasterState>, w: WorkerInfo): void {
  if (p.state.persistenceEngine.kind === 'BlackHole') return;
  const stored: StoredWorker = {
    id: w.id,
    host: w.host,
    port: w.port,
    endpoint: w.endpoint,
    cores: w.cores,
    memory: w.memory,
    webUiAddress: w.webUiAddress,
  };
  persist(c, p, `worker_${w.id}`, stored);
}

export function unpersistWorker(c: SparkCluster, p: Process<MasterState>, w: WorkerInfo): void {
  if (p.state.persistenceEngine.kind === 'BlackHole') return;
  unpersist(c, p, `worker_${w.id}`);
}

export function persistDriver(c: SparkCluster, p: Process<MasterState>, d: DriverInfo): void {
  if (p.state.persistenceEngine.kind === 'BlackHole') return;
  const stored: StoredDriver = { startTime: d.startTime, id: d.id, desc: d.desc, submitDate: d.submitDate };
  persist(c, p, `driver_${d.id}`, stored);
}

export function unpersistDriver(c: SparkCluster, p: Process<MasterState>, d: DriverInfo): void {
  if (p.state.persistenceEngine.kind === 'BlackHole') return;
  unpersist(c, p, `driver_${d.id}`);
}

/**
 * readPersistedData: the stored apps, drivers and workers, each list sorted by name (so by id,
 * which sorts by creation time), deserialised with their transient fields re-initialised.
 */
export function readPersistedData(
  c: SparkCluster,
  p: Process<MasterState>,
): { apps: ApplicationInfo[]; drivers: DriverInfo[]; workers: WorkerInfo[] } {
  const entries = storedEntries(c, p).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const apps: ApplicationInfo[] = [];
  const drivers: DriverInfo[] = [];
  const workers: WorkerInfo[] = [];
  for (const [name, value] of entries) {
    if (name.startsWith('app_')) apps.push(newApplicationInfo(value as StoredApplication));
    else if (name.startsWith('driver_')) drivers.push(newDriverInfo(value as StoredDriver));
    // WorkerInfo.init() sets lastHeartbeat to the time of reading.
    else if (name.startsWith('worker_')) workers.push(newWorkerInfo(value as StoredWorker, c.epochNow));
  }
  return { apps, drivers, workers };
}

// ---------------------------------------------------------------- the engines' persist / unpersist / read

function disk(c: SparkCluster, host: string): Map<string, unknown> {
  let d = c.world.disks.get(host);
  if (!d) c.world.disks.set(host, (d = new Map()));
  return d;
}

/** FileSystemPersistenceEngine names its files dir + File.separator + name. */
function filePath(dir: string, name: string): string {
  return `${dir}/${name}`;
}

function persist(c: SparkCluster, p: Process<MasterState>, name: string, value: unknown): void {
  const e = p.state.persistenceEngine;
  if (e.kind === 'FileSystem') {
    const path = filePath(e.dir, name);
    const files = disk(c, e.host);
    // serializeIntoFile: createNewFile() must succeed, else IllegalStateException.
    if (files.has(path)) {
      c.k.log(p.pid, `java.lang.IllegalStateException: Could not create file: ${path}`, 'ERROR');
      return;
    }
    files.set(path, value);
  } else if (e.kind === 'ZooKeeper') {
    // zk.create().withMode(CreateMode.PERSISTENT).forPath(path, serialized): a request on the
    // persistence engine's own Curator client (its session is not modelled: it owns no ephemerals).
    sendToZooKeeper(c, p, {
      type: 'CreateRequest',
      path: `${e.dir}/${name}`,
      data: value,
      mode: 'PERSISTENT',
      sessionId: 0,
    });
  }
}

function unpersist(c: SparkCluster, p: Process<MasterState>, name: string): void {
  const e = p.state.persistenceEngine;
  if (e.kind === 'FileSystem') disk(c, e.host).delete(filePath(e.dir, name));
  else if (e.kind === 'ZooKeeper')
    sendToZooKeeper(c, p, { type: 'DeleteRequest', path: `${e.dir}/${name}`, sessionId: 0 });
}

function sendToZooKeeper(c: SparkCluster, p: Process<MasterState>, msg: CreateRequest | DeleteRequest): void {
  const zk = zooKeeperServer(c);
  if (zk) c.sendTo(p.pid, ZK_PERSISTENCE_EP, zk.state.address, ZOOKEEPER_EP, msg);
}

/** Every stored object of this engine as [name, record]. */
function storedEntries(c: SparkCluster, p: Process<MasterState>): [string, unknown][] {
  const e = p.state.persistenceEngine;
  if (e.kind === 'FileSystem') {
    const prefix = `${e.dir}/`;
    const out: [string, unknown][] = [];
    for (const [path, value] of disk(c, e.host)) {
      const name = path.startsWith(prefix) ? path.slice(prefix.length) : null;
      if (name !== null && !name.includes('/')) out.push([name, value]);
    }
    return out;
  }
  if (e.kind === 'ZooKeeper') {
    // The blocking getChildren + getData calls of ZooKeeperPersistenceEngine.read, done at once:
    // the new leader has just heard from ZooKeeper, and no other write can be in flight.
    const zk = zooKeeperServer(c);
    if (!zk?.alive) return [];
    const prefix = `${e.dir}/`;
    const out: [string, unknown][] = [];
    for (const [path, node] of zk.state.znodes) {
      if (path.startsWith(prefix) && !path.slice(prefix.length).includes('/'))
        out.push([path.slice(prefix.length), node.data]);
    }
    return out;
  }
  return [];
}

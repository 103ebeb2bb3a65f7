// Models the cluster-side config reads of deploy/master/Master.scala, deploy/worker/Worker.scala
// and internal/config/{Deploy,Worker,package}.scala: the typed settings the daemons use, read once
// from the cluster's spark-defaults (and again after a `set-conf`).
import { getBoolean, getInt, getTimeMs, recoveryModeOf } from './conf';
import type { WorkerSelectionPolicy } from './scheduling';
import { parseWorkerSelectionPolicy } from './scheduling';

export interface Settings {
  workerTimeoutMs: number;
  deadWorkerPersistence: number;
  retainedApplications: number;
  retainedDrivers: number;
  spreadOutApps: boolean;
  spreadOutDrivers: boolean;
  maxDrivers: number;
  defaultCores: number;
  maxExecutorRetries: number;
  workerSelectionPolicy: WorkerSelectionPolicy;
  recoveryMode: string;
  recoveryTimeoutMs: number;
  /** spark.deploy.recoveryDirectory (FILESYSTEM / ROCKSDB). */
  recoveryDirectory: string;
  /** spark.deploy.zookeeper.dir (the engine adds /master_status, the election agent /leader_election). */
  zooKeeperDir: string;
  /** The servers of spark.deploy.zookeeper.url; the simulator runs the first (see zooKeeperServers). */
  zooKeeperServers: { host: string; port: number }[];
  restEnabled: boolean;
  restPort: number;
  askTimeoutMs: number;
  decommissionEnabled: boolean;
  initialRegistrationRetries: number;
  maxRegistrationRetries: number;
  executorStateSyncMaxAttempts: number;
  appIdPattern: string;
  driverIdPattern: string;
  workerIdPattern: string;
  appNumberModulo: number | null;
  retainedExecutorsOnWorker: number;
  retainedDriversOnWorker: number;
  driverTerminateTimeoutMs: number;
  killEnabled: boolean;
}

export const INT_MAX = 2147483647;

export function readSettings(conf: Record<string, string>): Settings {
  const workerTimeoutMs = getInt(conf, 'spark.worker.timeout', 60) * 1000;
  const spreadOutKey = conf['spark.deploy.spreadOutApps'] !== undefined ? 'spark.deploy.spreadOutApps' : 'spark.deploy.spreadOut';
  const recoveryTimeout = conf['spark.deploy.recoveryTimeout'];
  const modulo = conf['spark.deploy.appNumberModulo'];
  return {
    workerTimeoutMs,
    deadWorkerPersistence: getInt(conf, 'spark.dead.worker.persistence', 15),
    retainedApplications: getInt(conf, 'spark.deploy.retainedApplications', 200),
    retainedDrivers: getInt(conf, 'spark.deploy.retainedDrivers', 200),
    spreadOutApps: getBoolean(conf, spreadOutKey, true),
    spreadOutDrivers: getBoolean(conf, 'spark.deploy.spreadOutDrivers', true),
    maxDrivers: getInt(conf, 'spark.deploy.maxDrivers', INT_MAX),
    defaultCores: getInt(conf, 'spark.deploy.defaultCores', INT_MAX),
    maxExecutorRetries: getInt(conf, 'spark.deploy.maxExecutorRetries', 10),
    workerSelectionPolicy: parseWorkerSelectionPolicy(conf['spark.deploy.workerSelectionPolicy'] ?? 'CORES_FREE_DESC'),
    // Master.scala matches the mode case-sensitively: "zookeeper" behaves as NONE.
    recoveryMode: recoveryModeOf(conf),
    recoveryTimeoutMs: recoveryTimeout !== undefined ? getTimeMs(conf, 'spark.deploy.recoveryTimeout', 's', workerTimeoutMs / 1000) : workerTimeoutMs,
    recoveryDirectory: conf['spark.deploy.recoveryDirectory'] ?? '',
    zooKeeperDir: conf['spark.deploy.zookeeper.dir'] ?? '/spark',
    zooKeeperServers: zooKeeperServers(conf['spark.deploy.zookeeper.url']),
    restEnabled: getBoolean(conf, 'spark.master.rest.enabled', false),
    restPort: getInt(conf, 'spark.master.rest.port', 6066),
    askTimeoutMs: getTimeMs(conf, 'spark.rpc.askTimeout', 's', 120),
    decommissionEnabled: getBoolean(conf, 'spark.decommission.enabled', false),
    initialRegistrationRetries: getInt(conf, 'spark.worker.initialRegistrationRetries', 6),
    maxRegistrationRetries: getInt(conf, 'spark.worker.maxRegistrationRetries', 16),
    executorStateSyncMaxAttempts: getInt(conf, 'spark.worker.executorStateSync.maxAttempts', 5),
    appIdPattern: conf['spark.deploy.appIdPattern'] ?? 'app-%s-%04d',
    driverIdPattern: conf['spark.deploy.driverIdPattern'] ?? 'driver-%s-%04d',
    workerIdPattern: conf['spark.worker.idPattern'] ?? 'worker-%s-%s-%d',
    appNumberModulo: modulo !== undefined ? getInt(conf, 'spark.deploy.appNumberModulo', 0) : null,
    retainedExecutorsOnWorker: getInt(conf, 'spark.worker.ui.retainedExecutors', 1000),
    retainedDriversOnWorker: getInt(conf, 'spark.worker.ui.retainedDrivers', 1000),
    driverTerminateTimeoutMs: getTimeMs(conf, 'spark.worker.driverTerminateTimeout', 'ms', 10000),
    killEnabled: getBoolean(conf, 'spark.ui.killEnabled', true),
  };
}

/** ZooKeeper's client port, when a connect string names a host without one. */
export const ZOOKEEPER_CLIENT_PORT = 2181;

/** The host a scenario's ZooKeeper runs on when spark.deploy.zookeeper.url does not name one. */
export const DEFAULT_ZOOKEEPER_HOST = 'zookeeper';

/**
 * The servers of a ZooKeeper connect string ("zk1:2181,zk2:2181/chroot"): the chroot suffix
 * belongs to the whole string, not to a server. Spark's Master needs the url (SparkCuratorUtil
 * reads it with conf.get, which throws when it is unset); the simulator then falls back to one
 * server on the host "zookeeper" so a scenario without it still runs.
 */
export function zooKeeperServers(url: string | undefined): { host: string; port: number }[] {
  const servers = ((url ?? '').split('/', 1)[0] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const i = s.lastIndexOf(':');
      const port = i > 0 ? Number(s.slice(i + 1)) : NaN;
      return Number.isInteger(port) && port > 0 ? { host: s.slice(0, i), port } : { host: i > 0 ? s.slice(0, i) : s, port: ZOOKEEPER_CLIENT_PORT };
    });
  return servers.length > 0 ? servers : [{ host: DEFAULT_ZOOKEEPER_HOST, port: ZOOKEEPER_CLIENT_PORT }];
}

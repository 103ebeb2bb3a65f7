// Models the cluster-side config reads of deploy/master/Master.scala, deploy/worker/Worker.scala
// and internal/config/{Deploy,Worker,package}.scala: the typed settings the daemons use, read once
// from the cluster's spark-defaults (and again after a `set-conf`), and validateSettings, which
// says beforehand which values those reads would fail on, or which the simulation cannot run.
import type { SparkConfMap } from './conf';
import {
  confEntry,
  getBoolean,
  getInt,
  getOptionalInt,
  getOptionalTimeMs,
  getString,
  getTimeMs,
  javaFormatForCheck,
  MASTER_READ_ORDER,
  readIssue,
  readRaw,
  recoveryModeOf,
  WORKER_KEYS,
} from './conf';
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
  /** spark.master.useAppNameAsAppId.enabled: an app's id is its name, lower-cased, without whitespace. */
  useAppNameAsAppId: boolean;
  retainedExecutorsOnWorker: number;
  retainedDriversOnWorker: number;
  driverTerminateTimeoutMs: number;
  killEnabled: boolean;
}

/**
 * Defaults come from conf.ts's table (CONF_ENTRIES), the one place that holds Spark's defaults,
 * aliases (spark.deploy.spreadOut) and fallbacks (spark.deploy.recoveryTimeout → spark.worker.timeout).
 */
export function readSettings(conf: Record<string, string>): Settings {
  return {
    workerTimeoutMs: getTimeMs(conf, 'spark.worker.timeout'),
    deadWorkerPersistence: getInt(conf, 'spark.dead.worker.persistence'),
    retainedApplications: getInt(conf, 'spark.deploy.retainedApplications'),
    retainedDrivers: getInt(conf, 'spark.deploy.retainedDrivers'),
    spreadOutApps: getBoolean(conf, 'spark.deploy.spreadOutApps'),
    spreadOutDrivers: getBoolean(conf, 'spark.deploy.spreadOutDrivers'),
    maxDrivers: getInt(conf, 'spark.deploy.maxDrivers'),
    defaultCores: getInt(conf, 'spark.deploy.defaultCores'),
    maxExecutorRetries: getInt(conf, 'spark.deploy.maxExecutorRetries'),
    workerSelectionPolicy: parseWorkerSelectionPolicy(getString(conf, 'spark.deploy.workerSelectionPolicy')),
    // Master.scala matches the mode case-sensitively: "zookeeper" behaves as NONE.
    recoveryMode: recoveryModeOf(conf),
    recoveryTimeoutMs: getTimeMs(conf, 'spark.deploy.recoveryTimeout'),
    recoveryDirectory: conf['spark.deploy.recoveryDirectory'] ?? '',
    zooKeeperDir: conf['spark.deploy.zookeeper.dir'] ?? '/spark',
    zooKeeperServers: zooKeeperServers(conf['spark.deploy.zookeeper.url']),
    restEnabled: getBoolean(conf, 'spark.master.rest.enabled'),
    restPort: getInt(conf, 'spark.master.rest.port'),
    askTimeoutMs: getTimeMs(conf, 'spark.rpc.askTimeout'),
    decommissionEnabled: getBoolean(conf, 'spark.decommission.enabled'),
    initialRegistrationRetries: getInt(conf, 'spark.worker.initialRegistrationRetries'),
    maxRegistrationRetries: getInt(conf, 'spark.worker.maxRegistrationRetries'),
    executorStateSyncMaxAttempts: getInt(conf, 'spark.worker.executorStateSync.maxAttempts'),
    appIdPattern: getString(conf, 'spark.deploy.appIdPattern'),
    driverIdPattern: getString(conf, 'spark.deploy.driverIdPattern'),
    workerIdPattern: getString(conf, 'spark.worker.idPattern'),
    appNumberModulo: getOptionalInt(conf, 'spark.deploy.appNumberModulo') ?? null,
    useAppNameAsAppId: getBoolean(conf, 'spark.master.useAppNameAsAppId.enabled'),
    retainedExecutorsOnWorker: getInt(conf, 'spark.worker.ui.retainedExecutors'),
    retainedDriversOnWorker: getInt(conf, 'spark.worker.ui.retainedDrivers'),
    driverTerminateTimeoutMs: getTimeMs(conf, 'spark.worker.driverTerminateTimeout'),
    killEnabled: getBoolean(conf, 'spark.ui.killEnabled'),
  };
}

/**
 * The typed keys the simulated daemons read at start, as Spark's do (strings read verbatim, such
 * as the ZooKeeper url, cannot fail): every key readSettings reads, and a few it does not need
 * that would still stop Spark's Master or Worker (the UI ports, the clean-up intervals).
 */
export const SETTINGS_KEYS: readonly string[] = [
  // MasterArguments reads the UI port before the Master is constructed.
  ...new Set(['spark.master.ui.port', ...MASTER_READ_ORDER, ...WORKER_KEYS, 'spark.rpc.askTimeout']),
];

/** For every key validateSettings looks at, the settings read through it (itself, or as an alias or fallback). */
const READ_THROUGH: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const k of SETTINGS_KEYS)
    for (const via of [k, ...(confEntry(k)?.alternatives ?? []), ...(confEntry(k)?.fallbackKeys ?? [])])
      map.set(via, [...(map.get(via) ?? []), k]);
  return map;
})();

/** A value the simulated daemons cannot start with: the key that supplied it and why. */
export interface SettingsProblem {
  /** The key as written in the conf (an alternative such as spark.deploy.spreadOut names itself). */
  readonly key: string;
  readonly message: string;
}

function readers(key: string): string {
  const master = key === 'spark.master.ui.port' || MASTER_READ_ORDER.includes(key);
  const worker = WORKER_KEYS.includes(key);
  if (key === 'spark.rpc.askTimeout' || (master && worker)) return "Spark's Master and Workers";
  return master ? "Spark's Master" : "Spark's Workers";
}

/**
 * Every value readSettings would throw on, with Spark's own exception text, plus the values Spark
 * accepts that the simulation cannot run: after this returns nothing, readSettings(conf) cannot
 * throw and every timer whose period comes from the conf advances the clock.
 */
export function validateSettings(conf: SparkConfMap): SettingsProblem[] {
  return collectProblems(conf, SETTINGS_KEYS, ID_PATTERNS);
}

/**
 * validateSettings' problems with the value of one key (a set-conf's), looking only at the
 * settings read through that key.
 */
export function validateSetting(conf: SparkConfMap, key: string): SettingsProblem[] {
  const reads = READ_THROUGH.get(key) ?? [];
  const ids = ID_PATTERNS.filter((id) => id.key === key);
  if (reads.length === 0 && ids.length === 0) return [];
  return collectProblems(conf, reads, ids).filter((p) => p.key === key);
}

function collectProblems(
  conf: SparkConfMap,
  keys: readonly string[],
  idPatterns: readonly IdPattern[],
): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const seen = new Set<string>();
  for (const key of keys) {
    const issue = readIssue(conf, key);
    if (issue === undefined) continue;
    const source = readRaw(conf, key)?.key ?? key;
    if (seen.has(source)) continue;
    seen.add(source);
    const value = JSON.stringify(conf[source] ?? '');
    problems.push({
      key: source,
      message: `${readers(key)} would not start with ${source} set to ${value}: ${String(issue.error)}`,
    });
  }
  if (keys.includes('spark.worker.timeout') && !seen.has('spark.worker.timeout')) {
    const timeoutMs = getOptionalTimeMs(conf, 'spark.worker.timeout');
    if (timeoutMs !== undefined && timeoutMs <= 0)
      problems.push({ key: 'spark.worker.timeout', message: timeoutRefused(conf['spark.worker.timeout'] ?? '') });
  }
  for (const id of idPatterns) {
    const pattern = conf[id.key];
    if (pattern === undefined || seen.has(id.key)) continue;
    const problem = idPatternRefused(id, pattern);
    if (problem !== undefined) problems.push({ key: id.key, message: problem });
  }
  return problems;
}

/** The id patterns, with two argument lists that must give two different ids. */
const ID_PATTERNS = [
  {
    key: 'spark.deploy.appIdPattern',
    what: 'application',
    args: [
      ['20260101000000', 0],
      ['20260101000000', 1],
    ],
  },
  {
    key: 'spark.deploy.driverIdPattern',
    what: 'driver',
    args: [
      ['20260101000000', 0],
      ['20260101000000', 1],
    ],
  },
  {
    key: 'spark.worker.idPattern',
    what: 'worker',
    args: [
      ['20260101000000', 'w1', 7078],
      ['20260101000000', 'w2', 7078],
    ],
  },
] as const;
type IdPattern = (typeof ID_PATTERNS)[number];

/**
 * What the playground refuses in an id pattern Spark accepts: a pattern that gives every
 * application (or driver) the same id. The Master keys them by id, so a second one would replace
 * the first in its tables; Spark's own behaviour then is not something the simulation follows.
 * (Two workers with one id are modelled: the Master answers the second as a duplicate.)
 */
function idPatternRefused(id: IdPattern, pattern: string): string | undefined {
  const [a, b] = id.args.map((args) => javaFormatForCheck(pattern, args));
  // A pattern Java's formatter throws on is reported by the key's own check, with Java's exception.
  if (a === undefined || b === undefined) return undefined;
  if (a === b && id.what !== 'worker')
    return `${id.key} ${JSON.stringify(pattern)} gives every ${id.what} the same id (${JSON.stringify(a)}). Spark accepts it, but its Master keys ${id.what}s by id, so each new one would replace the one before; the playground refuses it. Include the ${id.what} number (%d), as the default "${id.what === 'application' ? 'app' : 'driver'}-%s-%04d" does.`;
  return undefined;
}

// Master.onStart schedules CheckForWorkerTimeOut with scheduleAtFixedRate(…, 0, workerTimeoutMs,
// MILLISECONDS), which throws IllegalArgumentException for a period of 0 or less, so Spark's Master
// does not start. The simulated timers would instead re-arm at the same instant forever (as would
// a Worker's SendHeartbeat, every workerTimeoutMs / 4), so the scenario is refused up front.
function timeoutRefused(value: string): string {
  return `spark.worker.timeout must be at least 1 (second); got ${JSON.stringify(value)}. Spark's Master would not start with it: its onStart schedules CheckForWorkerTimeOut every spark.worker.timeout, and ScheduledExecutorService.scheduleAtFixedRate throws java.lang.IllegalArgumentException for a period that is not positive. (Simulated, the Master's check and each Worker's heartbeat, every quarter of the timeout, would re-arm at the same instant forever.)`;
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
      return Number.isInteger(port) && port > 0
        ? { host: s.slice(0, i), port }
        : { host: i > 0 ? s.slice(0, i) : s, port: ZOOKEEPER_CLIENT_PORT };
    });
  return servers.length > 0 ? servers : [{ host: DEFAULT_ZOOKEEPER_HOST, port: ZOOKEEPER_CLIENT_PORT }];
}

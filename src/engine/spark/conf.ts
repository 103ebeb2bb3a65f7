// Models internal/config/ConfigBuilder.scala (ConfigHelpers, checkValue, checkValues) and the
// standalone entries of internal/config/{Deploy,Worker,Network,UI,package}.scala: typed reads of a
// SparkConf (a plain key → string map) with Spark's defaults, units and error texts.
//
// A read of a bad value throws the JvmException Spark's ConfigEntry would throw (for example
// `'0' in spark.deploy.defaultCores is invalid. spark.deploy.defaultCores must be positive.`), so a
// cluster's conf is validated before the daemons use it: restoreScenario checks the scenario's conf
// and every set-conf with settings.ts's validateSettings, which reads each key the way readSettings
// does and returns the exception instead of throwing.
import { javaFormat, type JavaFormatArg } from './java-format';
import type { ByteUnit, TimeUnit } from './memory';
import {
  bytesConfAs,
  convertByteUnit,
  ILLEGAL_ARGUMENT_EXCEPTION,
  javaTrim,
  JvmException,
  millisPerTimeUnit,
  timeStringAs,
} from './memory';

/** A SparkConf as the engine keeps it: Spark's keys verbatim, values as written in the file. */
export type SparkConfMap = Readonly<Record<string, string>>;

export type ConfValueType = 'boolean' | 'int' | 'long' | 'double' | 'string' | 'time' | 'bytes';

/** Which process reads the key (several are read by more than one). */
export type ConfScope = 'master' | 'worker' | 'application' | 'submit' | 'rpc';

/** One config key as Spark defines it, plus what the simulator needs to read it the same way. */
export interface ConfEntry {
  readonly key: string;
  readonly type: ConfValueType;
  /** Spark's default, as Spark writes it (createWithDefault / createWithDefaultString). */
  readonly defaultValue?: string;
  /** Where the value comes from when unset and there is no default (e.g. another key). */
  readonly defaultNote?: string;
  /** time: the TimeUnit Spark reads the value in (also the unit of a bare number).
   *  long: the unit the number stands for, when it is a duration (spark.worker.timeout: SECONDS). */
  readonly timeUnit?: TimeUnit;
  /** bytes: the ByteUnit of a bare number and of the result. */
  readonly byteUnit?: ByteUnit;
  /** withAlternative: older names read when the key itself is unset, in this order. */
  readonly alternatives?: readonly string[];
  /** Keys consulted after this one before falling back to the default (RpcTimeout's key list). */
  readonly fallbackKeys?: readonly string[];
  /** transform(_.toUpperCase(Locale.ROOT)) before checks. */
  readonly upperCase?: boolean;
  /** checkValues: the allowed values, in the order Spark prints them. */
  readonly validValues?: readonly string[];
  /** checkValue(validator, errorMsg). */
  readonly check?: { readonly valid: (v: number | string) => boolean; readonly message: string };
  readonly scope: readonly ConfScope[];
  readonly version: string;
  readonly internal?: boolean;
  /** One line saying what the key controls (ours, not Spark's doc text). */
  readonly doc: string;
}

export const INT_MAX_VALUE = 2147483647;

const WORKER_SELECTION_POLICIES = [
  'CORES_FREE_ASC',
  'CORES_FREE_DESC',
  'MEMORY_FREE_ASC',
  'MEMORY_FREE_DESC',
  'WORKER_ID',
] as const;
export type WorkerSelectionPolicyName = (typeof WORKER_SELECTION_POLICIES)[number];

const positive = (v: number | string): boolean => typeof v === 'number' && v > 0;

/**
 * Deploy.scala's id-pattern check: `!pattern.format(args: _*).exists(_.isWhitespace)`. The format
 * call runs inside the validator, so an exception of Java's Formatter (a %d given the timestamp
 * string, a missing argument) escapes as it is, and the daemon does not start.
 */
function noWhitespaceWhenFormatted(args: readonly JavaFormatArg[]) {
  return (v: number | string): boolean => {
    const failure = javaFormatFailure(String(v), args);
    if (failure !== undefined) throw failure;
    return !hasJavaWhitespace(javaFormat(String(v), args));
  };
}

/**
 * The config keys the engine reads, with Spark's names, types, defaults and checks. Sources:
 * Deploy.scala (4.0), Worker.scala (4.0), Network.scala, UI.scala (4.0) and package.scala (4.0).
 */
export const CONF_ENTRIES: readonly ConfEntry[] = [
  // --- Master: internal/config/Deploy.scala
  {
    key: 'spark.deploy.recoveryMode',
    type: 'string',
    defaultValue: 'NONE',
    scope: ['master'],
    version: '0.8.1',
    doc: 'ZOOKEEPER, FILESYSTEM, ROCKSDB or CUSTOM (matched case-sensitively by Master.onStart); anything else behaves as NONE.',
  },
  {
    key: 'spark.deploy.recoveryCompressionCodec',
    type: 'string',
    scope: ['master'],
    version: '4.0.0',
    doc: 'Compression of the FILESYSTEM persistence engine; unset means none.',
  },
  {
    key: 'spark.deploy.recoveryMode.factory',
    type: 'string',
    defaultValue: '',
    scope: ['master'],
    version: '1.2.0',
    doc: 'StandaloneRecoveryModeFactory class for CUSTOM recovery.',
  },
  {
    key: 'spark.deploy.recoveryDirectory',
    type: 'string',
    defaultValue: '',
    scope: ['master'],
    version: '0.8.1',
    doc: 'Directory of the FILESYSTEM / ROCKSDB persistence engines.',
  },
  {
    key: 'spark.deploy.recoveryTimeout',
    type: 'time',
    timeUnit: 'SECONDS',
    scope: ['master'],
    version: '4.0.0',
    defaultNote: 'spark.worker.timeout (Master: RECOVERY_TIMEOUT.map(_ * 1000).getOrElse(workerTimeoutMs))',
    check: { valid: positive, message: 'spark.deploy.recoveryTimeout must be positive.' },
    doc: 'How long a recovering Master waits before CompleteRecovery.',
  },
  {
    key: 'spark.deploy.zookeeper.url',
    type: 'string',
    scope: ['master'],
    version: '0.8.1',
    doc: 'ZooKeeper connect string for ZOOKEEPER recovery.',
  },
  {
    key: 'spark.deploy.zookeeper.dir',
    type: 'string',
    scope: ['master'],
    version: '0.8.1',
    defaultNote:
      'unset; the ZooKeeper engine and election agent use /spark (ZooKeeperLeaderElectionAgent.scala, ZooKeeperPersistenceEngine.scala)',
    doc: 'ZooKeeper working directory.',
  },
  {
    key: 'spark.deploy.retainedApplications',
    type: 'int',
    defaultValue: '200',
    scope: ['master'],
    version: '0.8.0',
    doc: 'Completed applications the Master keeps (it trims a tenth when over).',
  },
  {
    key: 'spark.deploy.retainedDrivers',
    type: 'int',
    defaultValue: '200',
    scope: ['master'],
    version: '1.1.0',
    doc: 'Completed drivers the Master keeps (it trims a tenth when over).',
  },
  {
    key: 'spark.dead.worker.persistence',
    type: 'int',
    defaultValue: '15',
    scope: ['master'],
    version: '0.8.0',
    doc: 'DEAD workers stay listed until (this + 1) × spark.worker.timeout after their last heartbeat.',
  },
  {
    key: 'spark.deploy.maxExecutorRetries',
    type: 'int',
    defaultValue: '10',
    scope: ['master'],
    version: '1.6.3',
    doc: 'Executor failures in a row before the Master removes an app that has no running executor; -1 disables.',
  },
  {
    key: 'spark.deploy.spreadOutDrivers',
    type: 'boolean',
    defaultValue: 'true',
    scope: ['master'],
    version: '4.0.0',
    doc: 'Round-robin driver placement (true) or first fit in worker-id order (false).',
  },
  {
    key: 'spark.deploy.spreadOutApps',
    type: 'boolean',
    defaultValue: 'true',
    alternatives: ['spark.deploy.spreadOut'],
    scope: ['master'],
    version: '0.6.1',
    doc: 'Spread an app’s executors over workers (true) or pack them (false).',
  },
  {
    key: 'spark.deploy.workerSelectionPolicy',
    type: 'string',
    defaultValue: 'CORES_FREE_DESC',
    upperCase: true,
    validValues: WORKER_SELECTION_POLICIES,
    scope: ['master'],
    version: '4.0.0',
    doc: 'Order in which the Master considers usable workers for executors (case-insensitive).',
  },
  {
    key: 'spark.deploy.defaultCores',
    type: 'int',
    defaultValue: String(INT_MAX_VALUE),
    scope: ['master'],
    version: '0.9.0',
    check: { valid: positive, message: 'spark.deploy.defaultCores must be positive.' },
    doc: 'Cores given to apps that do not set spark.cores.max.',
  },
  {
    key: 'spark.deploy.maxDrivers',
    type: 'int',
    defaultValue: String(INT_MAX_VALUE),
    scope: ['master'],
    version: '4.0.0',
    check: { valid: positive, message: 'The maximum number of running drivers should be positive.' },
    doc: 'Maximum number of placed drivers.',
  },
  {
    key: 'spark.deploy.appNumberModulo',
    type: 'int',
    scope: ['master'],
    version: '4.0.0',
    defaultNote: 'unset: app numbers grow without wrapping',
    check: {
      valid: (v) => typeof v === 'number' && v >= 1000,
      message: 'The modulo for app number should be greater than or equal to 1000.',
    },
    doc: 'Wraps the app number used in app ids.',
  },
  {
    key: 'spark.deploy.driverIdPattern',
    type: 'string',
    defaultValue: 'driver-%s-%04d',
    scope: ['master'],
    version: '4.0.0',
    check: { valid: noWhitespaceWhenFormatted(['20231101000000', 0]), message: 'Whitespace is not allowed.' },
    doc: 'String.format pattern of driver ids (timestamp, number).',
  },
  {
    key: 'spark.deploy.appIdPattern',
    type: 'string',
    defaultValue: 'app-%s-%04d',
    scope: ['master'],
    version: '4.0.0',
    check: { valid: noWhitespaceWhenFormatted(['20231101000000', 0]), message: 'Whitespace is not allowed.' },
    doc: 'String.format pattern of app ids (timestamp, number).',
  },

  // --- Master and Worker: internal/config/Worker.scala
  {
    key: 'spark.worker.timeout',
    type: 'long',
    defaultValue: '60',
    timeUnit: 'SECONDS',
    scope: ['master', 'worker'],
    version: '0.6.2',
    doc: 'Seconds without a heartbeat before the Master declares a worker dead; workers heartbeat every quarter of it. A plain number: "60s" is rejected.',
  },
  {
    key: 'spark.worker.initialRegistrationRetries',
    type: 'int',
    defaultValue: '6',
    scope: ['worker'],
    version: '4.0.0',
    internal: true,
    check: { valid: positive, message: 'The number of initial registration retries should be positive' },
    doc: 'Registration attempts at short (5–15 s) intervals.',
  },
  {
    key: 'spark.worker.maxRegistrationRetries',
    type: 'int',
    defaultValue: '16',
    scope: ['worker'],
    version: '4.0.0',
    internal: true,
    check: { valid: positive, message: 'The max number of registration retries should be positive' },
    doc: 'Total registration attempts; later ones are 30–90 s apart.',
  },
  {
    key: 'spark.worker.driverTerminateTimeout',
    type: 'time',
    timeUnit: 'MILLISECONDS',
    defaultValue: '10s',
    scope: ['worker'],
    version: '2.1.2',
    doc: 'Grace period before a killed driver process is destroyed.',
  },
  {
    key: 'spark.worker.cleanup.enabled',
    type: 'boolean',
    defaultValue: 'true',
    scope: ['worker'],
    version: '1.0.0',
    doc: 'Periodic clean-up of finished applications’ work directories.',
  },
  {
    key: 'spark.worker.cleanup.interval',
    type: 'long',
    defaultValue: '1800',
    timeUnit: 'SECONDS',
    scope: ['worker'],
    version: '1.0.0',
    doc: 'Seconds between work-directory clean-ups.',
  },
  {
    key: 'spark.worker.cleanup.appDataTtl',
    type: 'long',
    defaultValue: '604800',
    timeUnit: 'SECONDS',
    scope: ['worker'],
    version: '1.0.0',
    doc: 'Seconds an application’s work directory is kept.',
  },
  {
    key: 'spark.worker.preferConfiguredMasterAddress',
    type: 'boolean',
    defaultValue: 'false',
    scope: ['worker'],
    version: '2.2.1',
    doc: 'Reconnect to the configured master address rather than the one the Master reported.',
  },
  {
    key: 'spark.worker.ui.port',
    type: 'int',
    scope: ['worker'],
    version: '1.1.0',
    defaultNote: 'unset: --webui-port / SPARK_WORKER_WEBUI_PORT / 8081',
    doc: 'Worker web UI port; overrides the flag when set.',
  },
  {
    key: 'spark.worker.ui.retainedExecutors',
    type: 'int',
    defaultValue: '1000',
    scope: ['worker'],
    version: '1.5.0',
    doc: 'Finished executors a Worker keeps listing.',
  },
  {
    key: 'spark.worker.ui.retainedDrivers',
    type: 'int',
    defaultValue: '1000',
    scope: ['worker'],
    version: '1.5.0',
    doc: 'Finished drivers a Worker keeps listing.',
  },
  {
    key: 'spark.worker.decommission.signal',
    type: 'string',
    defaultValue: 'PWR',
    scope: ['worker'],
    version: '3.2.0',
    doc: 'Signal that starts a worker decommission.',
  },
  {
    key: 'spark.worker.idPattern',
    type: 'string',
    defaultValue: 'worker-%s-%s-%d',
    scope: ['worker'],
    version: '4.0.0',
    internal: true,
    check: { valid: noWhitespaceWhenFormatted(['20231109000000', 'host', 0]), message: 'Whitespace is not allowed.' },
    doc: 'String.format pattern of worker ids (timestamp, host, port).',
  },
  // Not read from Spark's source here: default and version are from Spark's published config listing.
  {
    key: 'spark.worker.executorStateSync.maxAttempts',
    type: 'int',
    defaultValue: '5',
    scope: ['worker'],
    version: '3.3.0',
    internal: true,
    doc: 'Attempts to report an ExecutorStateChanged before the Worker gives up and exits.',
  },

  // --- Master: internal/config/package.scala and UI.scala
  {
    key: 'spark.master.rest.enabled',
    type: 'boolean',
    defaultValue: 'false',
    scope: ['master', 'submit'],
    version: '1.3.0',
    doc: 'REST submission gateway on the Master; spark-submit also reads it to pick the REST client.',
  },
  {
    key: 'spark.master.rest.host',
    type: 'string',
    scope: ['master'],
    version: '4.0.0',
    defaultNote: 'the Master host',
    doc: 'Host the REST server binds.',
  },
  {
    key: 'spark.master.rest.port',
    type: 'int',
    defaultValue: '6066',
    scope: ['master'],
    version: '1.3.0',
    doc: 'REST server port.',
  },
  {
    key: 'spark.master.ui.port',
    type: 'int',
    defaultValue: '8080',
    scope: ['master'],
    version: '1.1.0',
    doc: 'Master web UI port.',
  },
  {
    key: 'spark.master.ui.historyServerUrl',
    type: 'string',
    scope: ['master'],
    version: '4.0.0',
    doc: 'History server link on the Master page.',
  },
  {
    key: 'spark.master.useAppNameAsAppId.enabled',
    type: 'boolean',
    defaultValue: 'false',
    scope: ['master'],
    version: '4.0.0',
    internal: true,
    doc: '(Experimental) use the app name as the app id.',
  },
  {
    key: 'spark.master.ui.decommission.allow.mode',
    type: 'string',
    defaultValue: 'LOCAL',
    upperCase: true,
    validValues: ['ALLOW', 'LOCAL', 'DENY'],
    scope: ['master'],
    version: '3.1.0',
    internal: true,
    doc: 'Who may call the Master UI’s /workers/kill endpoint.',
  },
  {
    key: 'spark.ui.reverseProxy',
    type: 'boolean',
    defaultValue: 'false',
    scope: ['master', 'worker', 'application'],
    version: '2.1.0',
    doc: 'The Master proxies worker and application UIs.',
  },
  {
    key: 'spark.ui.killEnabled',
    type: 'boolean',
    defaultValue: 'true',
    scope: ['master', 'application'],
    version: '1.0.0',
    doc: 'Kill links in the web UIs.',
  },
  {
    key: 'spark.decommission.enabled',
    type: 'boolean',
    defaultValue: 'false',
    scope: ['master', 'worker', 'application'],
    version: '3.1.0',
    doc: 'Graceful decommission of executors and workers.',
  },

  // --- RPC: internal/config/Network.scala + util/RpcUtils.askRpcTimeout
  {
    key: 'spark.rpc.askTimeout',
    type: 'time',
    timeUnit: 'SECONDS',
    defaultValue: '120s',
    fallbackKeys: ['spark.network.timeout'],
    scope: ['rpc'],
    version: '1.4.0',
    doc: 'Ask timeout (RpcUtils.askRpcTimeout: this key, then spark.network.timeout, then 120s; read in whole seconds).',
  },
  {
    key: 'spark.network.timeout',
    type: 'time',
    timeUnit: 'SECONDS',
    defaultValue: '120s',
    scope: ['rpc'],
    version: '1.3.0',
    doc: 'Default for network timeouts, including the ask timeout.',
  },

  // --- Application / submit: internal/config/package.scala
  {
    key: 'spark.executor.memory',
    type: 'bytes',
    byteUnit: 'MiB',
    defaultValue: '1g',
    scope: ['application', 'submit'],
    version: '0.7.0',
    doc: 'Executor heap; a bare number is MiB.',
  },
  {
    key: 'spark.driver.memory',
    type: 'bytes',
    byteUnit: 'MiB',
    defaultValue: '1g',
    scope: ['application', 'submit'],
    version: '1.1.1',
    doc: 'Driver heap; a bare number is MiB for this conf (the cluster-mode DriverDescription reads it as bytes, see submit/prepare-submit-environment.ts).',
  },
  {
    key: 'spark.executor.cores',
    type: 'int',
    defaultValue: '1',
    scope: ['application', 'submit'],
    version: '1.0.0',
    doc: 'Cores per executor; for spark:// masters, unset means one executor per worker taking all its free cores.',
  },
  {
    key: 'spark.driver.cores',
    type: 'int',
    defaultValue: '1',
    scope: ['application', 'submit'],
    version: '1.3.0',
    doc: 'Driver cores, cluster deploy mode only.',
  },
  {
    key: 'spark.cores.max',
    type: 'int',
    scope: ['application', 'submit'],
    version: '0.6.0',
    defaultNote: 'unset: the Master uses spark.deploy.defaultCores',
    doc: 'Total cores for the application across the cluster.',
  },
  {
    key: 'spark.driver.supervise',
    type: 'boolean',
    defaultValue: 'false',
    scope: ['application', 'submit'],
    version: '1.3.0',
    doc: 'Restart the driver when it exits non-zero (standalone cluster mode).',
  },
  {
    key: 'spark.submit.deployMode',
    type: 'string',
    defaultValue: 'client',
    scope: ['submit'],
    version: '1.5.0',
    doc: 'client or cluster.',
  },
  {
    key: 'spark.standalone.submit.waitAppCompletion',
    type: 'boolean',
    defaultValue: 'false',
    scope: ['submit'],
    version: '3.1.0',
    doc: 'The legacy cluster-mode client keeps polling until the driver finishes.',
  },
  {
    key: 'spark.dynamicAllocation.enabled',
    type: 'boolean',
    defaultValue: 'false',
    scope: ['application', 'submit'],
    version: '1.2.0',
    doc: 'Dynamic allocation (initial executor limit 0 on standalone).',
  },
  {
    key: 'spark.executor.instances',
    type: 'int',
    scope: ['submit'],
    version: '1.0.0',
    doc: 'Executor count (--num-executors); validated by spark-submit but not used by standalone.',
  },
  {
    key: 'spark.scheduler.minRegisteredResourcesRatio',
    type: 'double',
    scope: ['application'],
    version: '1.1.1',
    defaultNote: 'unset: 0 for standalone (StandaloneSchedulerBackend)',
    doc: 'Share of cores that must register before scheduling starts.',
  },
  {
    key: 'spark.scheduler.maxRegisteredResourcesWaitingTime',
    type: 'time',
    timeUnit: 'MILLISECONDS',
    defaultValue: '30s',
    scope: ['application'],
    version: '1.1.1',
    doc: 'Longest wait for that share.',
  },
];

const ENTRY_BY_KEY: ReadonlyMap<string, ConfEntry> = new Map(CONF_ENTRIES.map((e) => [e.key, e]));

/** The table entry for a key, if the engine knows it. */
export function confEntry(key: string): ConfEntry | undefined {
  return ENTRY_BY_KEY.get(key);
}

// ---------------------------------------------------------------------------------------------
// Raw lookup

/**
 * ConfigEntry.readString: the key, then its alternatives, then (for RpcTimeout-style entries) the
 * fallback keys. Returns the key that supplied the value too, because Spark names it in errors.
 */
export function readRaw(conf: SparkConfMap, key: string): { key: string; value: string } | undefined {
  const entry = ENTRY_BY_KEY.get(key);
  const candidates = [key, ...(entry?.alternatives ?? []), ...(entry?.fallbackKeys ?? [])];
  for (const k of candidates) {
    const v = Object.prototype.hasOwnProperty.call(conf, k) ? conf[k] : undefined;
    if (v !== undefined) return { key: k, value: v };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Converters (ConfigHelpers)

const JAVA_INT = /^[+-]?[0-9]+$/;

/** Integer.parseInt / Long.parseLong on ASCII digits; undefined when Java would throw. */
export function parseJavaInteger(s: string, bits: 32 | 64): number | undefined {
  if (!JAVA_INT.test(s)) return undefined;
  const v = BigInt(s);
  const max = bits === 32 ? 2147483647n : 9223372036854775807n;
  const min = bits === 32 ? -2147483648n : -9223372036854775808n;
  if (v > max || v < min) return undefined;
  return Number(v);
}

/** ConfigHelpers.toNumber: trims, parses; a NumberFormatException becomes Spark's message. */
function toNumber(raw: string, key: string, type: 'int' | 'long' | 'double'): number {
  const trimmed = javaTrim(raw);
  const v = type === 'double' ? parseJavaDouble(trimmed) : parseJavaInteger(trimmed, type === 'int' ? 32 : 64);
  if (v === undefined) throw new JvmException(ILLEGAL_ARGUMENT_EXCEPTION, `${key} should be ${type}, but was ${raw}`);
  return v;
}

const JAVA_DOUBLE = /^[+-]?(NaN|Infinity|(([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?)[fFdD]?)$/;

/** Double.parseDouble for decimal notation (Java's hexadecimal floats are not modelled). */
function parseJavaDouble(s: string): number | undefined {
  if (!JAVA_DOUBLE.test(s)) return undefined;
  return Number(s.replace(/[fFdD]$/, ''));
}

/** ConfigHelpers.toBoolean: trimmed, case-insensitive "true"/"false" only. */
function toBoolean(raw: string, key: string): boolean {
  const v = javaTrim(raw).toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new JvmException(ILLEGAL_ARGUMENT_EXCEPTION, `${key} should be boolean, but was ${raw}`);
}

/** TypedConfigBuilder.checkValue's message. */
function checkFailed(value: number | string, key: string, message: string): JvmException {
  return new JvmException(ILLEGAL_ARGUMENT_EXCEPTION, `'${value}' in ${key} is invalid. ${message}`);
}

/** TypedConfigBuilder.checkValues' message. */
function notOneOf(value: string, key: string, valid: readonly string[]): JvmException {
  return new JvmException(
    ILLEGAL_ARGUMENT_EXCEPTION,
    `The value of ${key} should be one of ${valid.join(', ')}, but was ${value}`,
  );
}

/** Applies an entry's transform and checks, in ConfigBuilder's order, to a converted value. */
function validated<T extends number | string>(entry: ConfEntry | undefined, value: T): T {
  if (!entry) return value;
  let v = value;
  if (entry.upperCase && typeof v === 'string') v = v.toUpperCase() as T;
  if (entry.validValues && typeof v === 'string' && !entry.validValues.includes(v)) {
    throw notOneOf(v, entry.key, entry.validValues);
  }
  if (entry.check && !entry.check.valid(v)) throw checkFailed(v, entry.key, entry.check.message);
  return v;
}

function requireDefault<T>(key: string, value: T | undefined): T {
  if (value === undefined) throw new Error(`conf.ts: ${key} has no default; use the getOptional… reader`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Typed readers. `defaultValue` overrides the table's default; values set in `conf` always win.

/** booleanConf. */
export function getOptionalBoolean(conf: SparkConfMap, key: string): boolean | undefined {
  const raw = readRaw(conf, key);
  return raw === undefined ? undefined : toBoolean(raw.value, key);
}

export function getBoolean(conf: SparkConfMap, key: string, defaultValue?: boolean): boolean {
  const v = getOptionalBoolean(conf, key);
  if (v !== undefined) return v;
  if (defaultValue !== undefined) return defaultValue;
  return toBoolean(requireDefault(key, ENTRY_BY_KEY.get(key)?.defaultValue), key);
}

/** intConf (or longConf for the table's long keys, whose message says "long"). */
export function getOptionalInt(conf: SparkConfMap, key: string): number | undefined {
  const entry = ENTRY_BY_KEY.get(key);
  const raw = readRaw(conf, key);
  if (raw === undefined) return undefined;
  const type = entry?.type === 'long' ? 'long' : 'int';
  return validated(entry, toNumber(raw.value, key, type));
}

export function getInt(conf: SparkConfMap, key: string, defaultValue?: number): number {
  const v = getOptionalInt(conf, key);
  if (v !== undefined) return v;
  if (defaultValue !== undefined) return defaultValue;
  return toNumber(requireDefault(key, ENTRY_BY_KEY.get(key)?.defaultValue), key, 'long');
}

/** longConf. */
export function getLong(conf: SparkConfMap, key: string, defaultValue?: number): number {
  const entry = ENTRY_BY_KEY.get(key);
  const raw = readRaw(conf, key);
  if (raw !== undefined) return validated(entry, toNumber(raw.value, key, 'long'));
  if (defaultValue !== undefined) return defaultValue;
  return toNumber(requireDefault(key, entry?.defaultValue), key, 'long');
}

/** doubleConf. */
export function getOptionalDouble(conf: SparkConfMap, key: string): number | undefined {
  const raw = readRaw(conf, key);
  return raw === undefined ? undefined : validated(ENTRY_BY_KEY.get(key), toNumber(raw.value, key, 'double'));
}

/** stringConf, with the entry's upper-casing and allowed values. */
export function getOptionalString(conf: SparkConfMap, key: string): string | undefined {
  const raw = readRaw(conf, key);
  return raw === undefined ? undefined : validated(ENTRY_BY_KEY.get(key), raw.value);
}

export function getString(conf: SparkConfMap, key: string, defaultValue?: string): string {
  const v = getOptionalString(conf, key);
  if (v !== undefined) return v;
  if (defaultValue !== undefined) return defaultValue;
  return requireDefault(key, ENTRY_BY_KEY.get(key)?.defaultValue);
}

/** A time unit as the engine writes it: Spark's TimeUnit name or one of its suffixes. */
export type TimeUnitLike = TimeUnit | 'us' | 'ms' | 's' | 'min' | 'h' | 'd';

const SHORT_TIME_UNITS: Record<string, TimeUnit> = {
  us: 'MICROSECONDS',
  ms: 'MILLISECONDS',
  s: 'SECONDS',
  min: 'MINUTES',
  h: 'HOURS',
  d: 'DAYS',
};

function toTimeUnit(u: TimeUnitLike): TimeUnit {
  return SHORT_TIME_UNITS[u] ?? (u as TimeUnit);
}

/**
 * A duration in engine milliseconds, read the way Spark reads the key: a timeConf in its TimeUnit
 * (a bare number is in that unit; finer input is truncated to it, so "1500ms" for a SECONDS key is
 * 1 s), or a longConf that counts seconds (spark.worker.timeout: "60", never "60s").
 * `unit` is used for keys the table does not know (and must match the table for keys it knows);
 * `defaultValue` is in that unit.
 */
export function getOptionalTimeMs(conf: SparkConfMap, key: string, unit?: TimeUnitLike): number | undefined {
  const entry = ENTRY_BY_KEY.get(key);
  const timeUnit = entry?.timeUnit ?? (unit !== undefined ? toTimeUnit(unit) : 'MILLISECONDS');
  const raw = readRaw(conf, key);
  if (raw === undefined) return undefined;
  if (entry?.type === 'long' || entry?.type === 'int') {
    return validated(entry, toNumber(raw.value, key, entry.type)) * millisPerTimeUnit(timeUnit);
  }
  const inUnit = Number(timeStringAs(raw.value, timeUnit));
  return validated(entry, inUnit) * millisPerTimeUnit(timeUnit);
}

export function getTimeMs(conf: SparkConfMap, key: string, unit?: TimeUnitLike, defaultValue?: number): number {
  const v = getOptionalTimeMs(conf, key, unit);
  if (v !== undefined) return v;
  const entry = ENTRY_BY_KEY.get(key);
  const timeUnit = entry?.timeUnit ?? (unit !== undefined ? toTimeUnit(unit) : 'MILLISECONDS');
  if (defaultValue !== undefined) return defaultValue * millisPerTimeUnit(toTimeUnit(unit ?? timeUnit));
  if (key === 'spark.deploy.recoveryTimeout') return getTimeMs(conf, 'spark.worker.timeout');
  const def = requireDefault(key, entry?.defaultValue);
  if (entry?.type === 'long' || entry?.type === 'int') return toNumber(def, key, 'long') * millisPerTimeUnit(timeUnit);
  return Number(timeStringAs(def, timeUnit)) * millisPerTimeUnit(timeUnit);
}

/**
 * bytesConf: a bare number is in the entry's ByteUnit (MiB for spark.executor.memory and
 * spark.driver.memory) and a leading '-' negates; the result is in MiB.
 */
export function getOptionalSizeMb(conf: SparkConfMap, key: string): number | undefined {
  const raw = readRaw(conf, key);
  if (raw === undefined) return undefined;
  return sizeConfToMb(raw.value, ENTRY_BY_KEY.get(key)?.byteUnit ?? 'MiB');
}

function sizeConfToMb(value: string, unit: ByteUnit): number {
  return Number(convertByteUnit(bytesConfAs(value, unit), unit, 'MiB'));
}

export function getSizeMb(conf: SparkConfMap, key: string, defaultValue?: number): number {
  const v = getOptionalSizeMb(conf, key);
  if (v !== undefined) return v;
  if (defaultValue !== undefined) return defaultValue;
  const entry = ENTRY_BY_KEY.get(key);
  return sizeConfToMb(requireDefault(key, entry?.defaultValue), entry?.byteUnit ?? 'MiB');
}

// ---------------------------------------------------------------------------------------------
// What the daemons make of some values

export type RecoveryMode = 'ZOOKEEPER' | 'FILESYSTEM' | 'ROCKSDB' | 'CUSTOM' | 'NONE';

/**
 * Master.onStart matches spark.deploy.recoveryMode case-sensitively; any other string (including
 * "zookeeper") silently gets the black-hole persistence engine, i.e. behaves as NONE.
 */
export function recoveryModeOf(conf: SparkConfMap): RecoveryMode {
  const v = getString(conf, 'spark.deploy.recoveryMode');
  return v === 'ZOOKEEPER' || v === 'FILESYSTEM' || v === 'ROCKSDB' || v === 'CUSTOM' ? v : 'NONE';
}

/** spark.deploy.workerSelectionPolicy after Spark's upper-casing and check. */
export function workerSelectionPolicyOf(conf: SparkConfMap): WorkerSelectionPolicyName {
  return getString(conf, 'spark.deploy.workerSelectionPolicy') as WorkerSelectionPolicyName;
}

// ---------------------------------------------------------------------------------------------
// Validation of a cluster's conf

/** One read that would fail, with the exception Spark throws. */
export interface ConfIssue {
  readonly key: string;
  readonly error: JvmException;
}

/** Reads one entry the way its daemon does, returning the exception instead of throwing. */
export function readIssue(conf: SparkConfMap, key: string): ConfIssue | undefined {
  const entry = ENTRY_BY_KEY.get(key);
  try {
    switch (entry?.type) {
      case 'boolean':
        getOptionalBoolean(conf, key);
        break;
      case 'int':
      case 'long':
        getOptionalInt(conf, key);
        break;
      case 'double':
        getOptionalDouble(conf, key);
        break;
      case 'time':
        getOptionalTimeMs(conf, key);
        break;
      case 'bytes':
        getOptionalSizeMb(conf, key);
        break;
      default:
        getOptionalString(conf, key);
    }
    return undefined;
  } catch (e) {
    if (e instanceof JvmException) return { key, error: e };
    throw e;
  }
}

/**
 * The keys the Master reads while it is constructed and started, in the order of Master.scala
 * (4.0): the first issue is the one the Master dies with.
 */
export const MASTER_READ_ORDER: readonly string[] = [
  'spark.deploy.driverIdPattern',
  'spark.deploy.appIdPattern',
  'spark.worker.timeout',
  'spark.deploy.retainedApplications',
  'spark.deploy.retainedDrivers',
  'spark.deploy.maxDrivers',
  'spark.dead.worker.persistence',
  'spark.deploy.recoveryTimeout',
  'spark.deploy.recoveryMode',
  'spark.deploy.maxExecutorRetries',
  'spark.deploy.appNumberModulo',
  'spark.deploy.spreadOutDrivers',
  'spark.deploy.spreadOutApps',
  'spark.deploy.workerSelectionPolicy',
  'spark.deploy.defaultCores',
  'spark.ui.reverseProxy',
  'spark.master.ui.historyServerUrl',
  'spark.master.useAppNameAsAppId.enabled',
  'spark.master.rest.enabled',
  // onStart: MasterWebUI (its kill links and who may decommission), then the REST server's port.
  'spark.ui.killEnabled',
  'spark.master.ui.decommission.allow.mode',
  'spark.master.rest.port',
];

/** Every Master-side value that Spark would refuse, in Master.scala's read order. */
export function validateMasterConf(conf: SparkConfMap): ConfIssue[] {
  const issues: ConfIssue[] = [];
  for (const key of MASTER_READ_ORDER) {
    const issue = readIssue(conf, key);
    if (issue) issues.push(issue);
  }
  return issues;
}

/**
 * Worker-side keys. Spark's own read order inside Worker.scala (4.0) was not verified for this
 * list, so when several are bad the first one reported may differ from Spark's.
 */
export const WORKER_KEYS: readonly string[] = CONF_ENTRIES.filter((e) => e.scope.includes('worker')).map((e) => e.key);

/** Every Worker-side value that Spark would refuse. */
export function validateWorkerConf(conf: SparkConfMap): ConfIssue[] {
  const issues: ConfIssue[] = [];
  for (const key of WORKER_KEYS) {
    const issue = readIssue(conf, key);
    if (issue) issues.push(issue);
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------
// java.lang.String.format for the id-pattern checks (java-format.ts)

/** Character.isWhitespace: Java's set, which excludes the non-breaking spaces. */
export function hasJavaWhitespace(s: string): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20)) return true;
    if (c === 0xa0 || c === 0x2007 || c === 0x202f) continue;
    if (/\p{Zs}|\p{Zl}|\p{Zp}/u.test(ch)) return true;
  }
  return false;
}

/**
 * The exception java.util.Formatter throws for `pattern` with `args` (see java-format.ts), or
 * undefined when it formats.
 */
export function javaFormatFailure(pattern: string, args: readonly JavaFormatArg[]): JvmException | undefined {
  try {
    javaFormat(pattern, args);
    return undefined;
  } catch (e) {
    if (e instanceof JvmException) return e;
    throw e;
  }
}

/** `pattern` formatted with `args` as Java's String.format does, or undefined when Java throws. */
export function javaFormatForCheck(pattern: string, args: readonly JavaFormatArg[]): string | undefined {
  try {
    return javaFormat(pattern, args);
  } catch (e) {
    if (e instanceof JvmException) return undefined;
    throw e;
  }
}

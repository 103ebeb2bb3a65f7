import { describe, expect, it } from 'vitest';
import { thrown } from '../test-support/jvm';
import {
  CONF_ENTRIES,
  confEntry,
  getBoolean,
  getInt,
  getLong,
  getOptionalBoolean,
  getOptionalDouble,
  getOptionalInt,
  getOptionalSizeMb,
  getOptionalString,
  getOptionalTimeMs,
  getSizeMb,
  getString,
  getTimeMs,
  hasJavaWhitespace,
  javaFormatFailure,
  javaFormatForCheck,
  MASTER_READ_ORDER,
  parseJavaInteger,
  readRaw,
  recoveryModeOf,
  validateMasterConf,
  validateWorkerConf,
  WORKER_KEYS,
  workerSelectionPolicyOf,
} from './conf';

describe('the conf table', () => {
  it('has one entry per key, with Spark’s defaults for the standalone keys', () => {
    expect(new Set(CONF_ENTRIES.map((e) => e.key)).size).toBe(CONF_ENTRIES.length);
    const defaults = Object.fromEntries(CONF_ENTRIES.map((e) => [e.key, e.defaultValue]));
    expect(defaults).toMatchObject({
      'spark.worker.timeout': '60',
      'spark.deploy.spreadOutApps': 'true',
      'spark.deploy.spreadOutDrivers': 'true',
      'spark.deploy.maxDrivers': '2147483647',
      'spark.deploy.defaultCores': '2147483647',
      'spark.deploy.maxExecutorRetries': '10',
      'spark.deploy.workerSelectionPolicy': 'CORES_FREE_DESC',
      'spark.dead.worker.persistence': '15',
      'spark.deploy.retainedApplications': '200',
      'spark.deploy.retainedDrivers': '200',
      'spark.deploy.recoveryMode': 'NONE',
      'spark.master.rest.enabled': 'false',
      'spark.master.rest.port': '6066',
      'spark.rpc.askTimeout': '120s',
      'spark.decommission.enabled': 'false',
      'spark.worker.initialRegistrationRetries': '6',
      'spark.worker.maxRegistrationRetries': '16',
      'spark.standalone.submit.waitAppCompletion': 'false',
      'spark.deploy.appIdPattern': 'app-%s-%04d',
      'spark.deploy.driverIdPattern': 'driver-%s-%04d',
      'spark.worker.idPattern': 'worker-%s-%s-%d',
      'spark.executor.memory': '1g',
      'spark.driver.memory': '1g',
      'spark.worker.cleanup.enabled': 'true',
    });
    expect(defaults['spark.deploy.appNumberModulo']).toBeUndefined();
    expect(defaults['spark.deploy.recoveryTimeout']).toBeUndefined();
    expect(defaults['spark.cores.max']).toBeUndefined();
  });

  it('records units and the spreadOut alias', () => {
    expect(confEntry('spark.worker.timeout')).toMatchObject({ type: 'long', timeUnit: 'SECONDS' });
    expect(confEntry('spark.deploy.recoveryTimeout')).toMatchObject({ type: 'time', timeUnit: 'SECONDS' });
    expect(confEntry('spark.executor.memory')).toMatchObject({ type: 'bytes', byteUnit: 'MiB' });
    expect(confEntry('spark.deploy.spreadOutApps')?.alternatives).toEqual(['spark.deploy.spreadOut']);
    expect(confEntry('spark.nope')).toBeUndefined();
  });

  it('lists the Master keys in Master.scala’s read order and the worker keys', () => {
    expect(MASTER_READ_ORDER[0]).toBe('spark.deploy.driverIdPattern');
    expect(MASTER_READ_ORDER).toContain('spark.deploy.defaultCores');
    expect(WORKER_KEYS).toContain('spark.worker.initialRegistrationRetries');
    expect(WORKER_KEYS).not.toContain('spark.deploy.defaultCores');
  });
});

describe('readRaw', () => {
  it('prefers the key, then its alternatives, then fallback keys', () => {
    expect(readRaw({ 'spark.deploy.spreadOut': 'false' }, 'spark.deploy.spreadOutApps')).toEqual({
      key: 'spark.deploy.spreadOut',
      value: 'false',
    });
    expect(
      readRaw({ 'spark.deploy.spreadOut': 'false', 'spark.deploy.spreadOutApps': 'true' }, 'spark.deploy.spreadOutApps')
        ?.value,
    ).toBe('true');
    expect(readRaw({ 'spark.network.timeout': '30s' }, 'spark.rpc.askTimeout')).toEqual({
      key: 'spark.network.timeout',
      value: '30s',
    });
    expect(readRaw({}, 'spark.rpc.askTimeout')).toBeUndefined();
  });

  it('ignores inherited object properties', () => {
    expect(readRaw({}, 'toString')).toBeUndefined();
  });
});

describe('getBoolean (booleanConf)', () => {
  it('reads trimmed, case-insensitive true/false', () => {
    expect(getBoolean({ 'spark.deploy.spreadOutApps': ' FALSE ' }, 'spark.deploy.spreadOutApps')).toBe(false);
    expect(getBoolean({ 'spark.deploy.spreadOut': 'false' }, 'spark.deploy.spreadOutApps')).toBe(false);
    expect(getBoolean({}, 'spark.deploy.spreadOutApps')).toBe(true);
    expect(getBoolean({}, 'spark.master.rest.enabled')).toBe(false);
  });

  it('lets an explicit default override the table for unset keys only', () => {
    expect(getBoolean({}, 'spark.deploy.spreadOutApps', false)).toBe(false);
    expect(getBoolean({ 'spark.deploy.spreadOutApps': 'true' }, 'spark.deploy.spreadOutApps', false)).toBe(true);
    expect(getBoolean({}, 'spark.unknown.flag', true)).toBe(true);
  });

  it('rejects anything else with ConfigHelpers.toBoolean’s message', () => {
    const e = thrown(() => getBoolean({ 'spark.deploy.spreadOutApps': 'yes' }, 'spark.deploy.spreadOutApps'));
    expect(e.javaClass).toBe('java.lang.IllegalArgumentException');
    expect(e.message).toBe('spark.deploy.spreadOutApps should be boolean, but was yes');
  });

  it('getOptionalBoolean is undefined when unset', () => {
    expect(getOptionalBoolean({}, 'spark.master.rest.enabled')).toBeUndefined();
  });

  it('throws a programming error for an unknown key without a default', () => {
    expect(() => getBoolean({}, 'spark.unknown.flag')).toThrow(/has no default/);
  });
});

describe('getInt / getLong (intConf, longConf)', () => {
  it('reads trimmed integers and defaults', () => {
    expect(getInt({ 'spark.deploy.maxExecutorRetries': ' -1 ' }, 'spark.deploy.maxExecutorRetries')).toBe(-1);
    expect(getInt({}, 'spark.deploy.defaultCores')).toBe(2147483647);
    expect(getInt({}, 'spark.worker.timeout')).toBe(60);
    expect(getInt({}, 'spark.deploy.retainedApplications', 7)).toBe(7);
    expect(getLong({ 'spark.worker.timeout': '+30' }, 'spark.worker.timeout')).toBe(30);
    expect(getLong({}, 'spark.worker.cleanup.appDataTtl')).toBe(604800);
    expect(getLong({}, 'spark.some.long', 5)).toBe(5);
  });

  it('says int or long as Spark does', () => {
    expect(thrown(() => getInt({ 'spark.deploy.defaultCores': '4.0' }, 'spark.deploy.defaultCores')).message).toBe(
      'spark.deploy.defaultCores should be int, but was 4.0',
    );
    expect(
      thrown(() => getInt({ 'spark.deploy.defaultCores': '3000000000' }, 'spark.deploy.defaultCores')).message,
    ).toBe('spark.deploy.defaultCores should be int, but was 3000000000');
    expect(thrown(() => getInt({ 'spark.worker.timeout': '60s' }, 'spark.worker.timeout')).message).toBe(
      'spark.worker.timeout should be long, but was 60s',
    );
    expect(
      thrown(() => getLong({ 'spark.worker.cleanup.interval': 'x' }, 'spark.worker.cleanup.interval')).message,
    ).toBe('spark.worker.cleanup.interval should be long, but was x');
  });

  it('applies checkValue with TypedConfigBuilder’s message', () => {
    expect(thrown(() => getInt({ 'spark.deploy.defaultCores': '0' }, 'spark.deploy.defaultCores')).message).toBe(
      "'0' in spark.deploy.defaultCores is invalid. spark.deploy.defaultCores must be positive.",
    );
    expect(thrown(() => getInt({ 'spark.deploy.maxDrivers': '-3' }, 'spark.deploy.maxDrivers')).message).toBe(
      "'-3' in spark.deploy.maxDrivers is invalid. The maximum number of running drivers should be positive.",
    );
    expect(
      thrown(() => getOptionalInt({ 'spark.deploy.appNumberModulo': '999' }, 'spark.deploy.appNumberModulo')).message,
    ).toBe(
      "'999' in spark.deploy.appNumberModulo is invalid. The modulo for app number should be greater than or equal to 1000.",
    );
    expect(
      thrown(() =>
        getInt({ 'spark.worker.initialRegistrationRetries': '0' }, 'spark.worker.initialRegistrationRetries'),
      ).message,
    ).toBe(
      "'0' in spark.worker.initialRegistrationRetries is invalid. The number of initial registration retries should be positive",
    );
    expect(
      thrown(() => getInt({ 'spark.worker.maxRegistrationRetries': '0' }, 'spark.worker.maxRegistrationRetries'))
        .message,
    ).toBe(
      "'0' in spark.worker.maxRegistrationRetries is invalid. The max number of registration retries should be positive",
    );
  });

  it('getOptionalInt is undefined when unset', () => {
    expect(getOptionalInt({}, 'spark.deploy.appNumberModulo')).toBeUndefined();
    expect(getOptionalInt({ 'spark.deploy.appNumberModulo': '10000' }, 'spark.deploy.appNumberModulo')).toBe(10000);
  });

  it('parseJavaInteger follows Integer.parseInt / Long.parseLong', () => {
    expect(parseJavaInteger('007', 32)).toBe(7);
    expect(parseJavaInteger('-2147483648', 32)).toBe(-2147483648);
    expect(parseJavaInteger('2147483648', 32)).toBeUndefined();
    expect(parseJavaInteger('2147483648', 64)).toBe(2147483648);
    expect(parseJavaInteger(' 1', 32)).toBeUndefined();
    expect(parseJavaInteger('', 32)).toBeUndefined();
  });
});

describe('getString (stringConf)', () => {
  it('upper-cases and checks the worker selection policy', () => {
    expect(getString({ 'spark.deploy.workerSelectionPolicy': 'worker_id' }, 'spark.deploy.workerSelectionPolicy')).toBe(
      'WORKER_ID',
    );
    expect(workerSelectionPolicyOf({ 'spark.deploy.workerSelectionPolicy': 'Memory_Free_Asc' })).toBe(
      'MEMORY_FREE_ASC',
    );
    expect(workerSelectionPolicyOf({})).toBe('CORES_FREE_DESC');
    expect(thrown(() => workerSelectionPolicyOf({ 'spark.deploy.workerSelectionPolicy': 'random' })).message).toBe(
      'The value of spark.deploy.workerSelectionPolicy should be one of CORES_FREE_ASC, CORES_FREE_DESC, MEMORY_FREE_ASC, MEMORY_FREE_DESC, WORKER_ID, but was RANDOM',
    );
  });

  it('prints the decommission modes in the order Spark’s Set keeps them', () => {
    expect(
      thrown(() =>
        getString({ 'spark.master.ui.decommission.allow.mode': 'maybe' }, 'spark.master.ui.decommission.allow.mode'),
      ).message,
    ).toBe('The value of spark.master.ui.decommission.allow.mode should be one of ALLOW, LOCAL, DENY, but was MAYBE');
  });

  it('refuses id patterns that format to whitespace', () => {
    expect(getString({ 'spark.deploy.appIdPattern': 'application-%s-%06d' }, 'spark.deploy.appIdPattern')).toBe(
      'application-%s-%06d',
    );
    expect(
      thrown(() => getString({ 'spark.deploy.appIdPattern': 'app %s-%04d' }, 'spark.deploy.appIdPattern')).message,
    ).toBe("'app %s-%04d' in spark.deploy.appIdPattern is invalid. Whitespace is not allowed.");
    expect(
      thrown(() => getString({ 'spark.deploy.driverIdPattern': 'driver-%s-%8d' }, 'spark.deploy.driverIdPattern'))
        .message,
    ).toBe("'driver-%s-%8d' in spark.deploy.driverIdPattern is invalid. Whitespace is not allowed.");
    expect(thrown(() => getString({ 'spark.worker.idPattern': 'w-%s-%s%n%d' }, 'spark.worker.idPattern')).message).toBe(
      "'w-%s-%s%n%d' in spark.worker.idPattern is invalid. Whitespace is not allowed.",
    );
  });

  it('defaults and explicit defaults', () => {
    expect(getString({}, 'spark.deploy.appIdPattern')).toBe('app-%s-%04d');
    expect(getString({}, 'spark.some.string', 'x')).toBe('x');
    expect(getOptionalString({}, 'spark.master.rest.host')).toBeUndefined();
  });

  it('recoveryModeOf matches Master.onStart’s case-sensitive match', () => {
    expect(recoveryModeOf({})).toBe('NONE');
    expect(recoveryModeOf({ 'spark.deploy.recoveryMode': 'ZOOKEEPER' })).toBe('ZOOKEEPER');
    expect(recoveryModeOf({ 'spark.deploy.recoveryMode': 'FILESYSTEM' })).toBe('FILESYSTEM');
    expect(recoveryModeOf({ 'spark.deploy.recoveryMode': 'ROCKSDB' })).toBe('ROCKSDB');
    expect(recoveryModeOf({ 'spark.deploy.recoveryMode': 'CUSTOM' })).toBe('CUSTOM');
    expect(recoveryModeOf({ 'spark.deploy.recoveryMode': 'zookeeper' })).toBe('NONE');
  });
});

describe('getTimeMs', () => {
  it('reads timeConf keys in their unit, truncating finer input', () => {
    expect(getTimeMs({ 'spark.rpc.askTimeout': '30s' }, 'spark.rpc.askTimeout')).toBe(30000);
    expect(getTimeMs({ 'spark.rpc.askTimeout': '45' }, 'spark.rpc.askTimeout')).toBe(45000);
    expect(getTimeMs({ 'spark.rpc.askTimeout': '5000ms' }, 'spark.rpc.askTimeout')).toBe(5000);
    expect(getTimeMs({ 'spark.rpc.askTimeout': '1500ms' }, 'spark.rpc.askTimeout')).toBe(1000);
    expect(getTimeMs({ 'spark.rpc.askTimeout': '2min' }, 'spark.rpc.askTimeout')).toBe(120000);
    expect(getTimeMs({ 'spark.worker.driverTerminateTimeout': '1500' }, 'spark.worker.driverTerminateTimeout')).toBe(
      1500,
    );
  });

  it('follows RpcUtils.askRpcTimeout: askTimeout, then network.timeout, then 120s', () => {
    expect(getTimeMs({}, 'spark.rpc.askTimeout')).toBe(120000);
    expect(getTimeMs({ 'spark.network.timeout': '300s' }, 'spark.rpc.askTimeout')).toBe(300000);
    expect(getTimeMs({ 'spark.network.timeout': '300s', 'spark.rpc.askTimeout': '10s' }, 'spark.rpc.askTimeout')).toBe(
      10000,
    );
  });

  it('reads spark.worker.timeout as a plain number of seconds', () => {
    expect(getTimeMs({}, 'spark.worker.timeout')).toBe(60000);
    expect(getTimeMs({ 'spark.worker.timeout': '10' }, 'spark.worker.timeout')).toBe(10000);
    expect(thrown(() => getTimeMs({ 'spark.worker.timeout': '10s' }, 'spark.worker.timeout')).message).toBe(
      'spark.worker.timeout should be long, but was 10s',
    );
  });

  it('defaults spark.deploy.recoveryTimeout to spark.worker.timeout and checks it is positive', () => {
    expect(getTimeMs({}, 'spark.deploy.recoveryTimeout')).toBe(60000);
    expect(getTimeMs({ 'spark.worker.timeout': '20' }, 'spark.deploy.recoveryTimeout')).toBe(20000);
    expect(getTimeMs({ 'spark.deploy.recoveryTimeout': '90s' }, 'spark.deploy.recoveryTimeout')).toBe(90000);
    expect(
      thrown(() => getTimeMs({ 'spark.deploy.recoveryTimeout': '500ms' }, 'spark.deploy.recoveryTimeout')).message,
    ).toBe("'0' in spark.deploy.recoveryTimeout is invalid. spark.deploy.recoveryTimeout must be positive.");
  });

  it('accepts the unit/default form the engine uses for any key', () => {
    expect(getTimeMs({}, 'spark.deploy.recoveryTimeout', 's', 45)).toBe(45000);
    expect(getTimeMs({}, 'spark.worker.driverTerminateTimeout', 'ms', 10000)).toBe(10000);
    expect(getTimeMs({ 'spark.custom.wait': '3' }, 'spark.custom.wait', 's')).toBe(3000);
    expect(getTimeMs({}, 'spark.custom.wait', 'min', 2)).toBe(120000);
    expect(getOptionalTimeMs({}, 'spark.custom.wait', 'ms')).toBeUndefined();
  });

  it('passes JavaUtils’ NumberFormatException through', () => {
    const e = thrown(() => getTimeMs({ 'spark.rpc.askTimeout': '2 minutes' }, 'spark.rpc.askTimeout'));
    expect(e.javaClass).toBe('java.lang.NumberFormatException');
    expect(e.message).toMatch(/^Time must be specified as seconds \(s\).*\nFailed to parse time string: 2 minutes$/s);
  });
});

describe('getSizeMb (bytesConf MiB)', () => {
  it('reads a bare number as MiB', () => {
    expect(getSizeMb({ 'spark.executor.memory': '512' }, 'spark.executor.memory')).toBe(512);
    expect(getSizeMb({ 'spark.executor.memory': '2g' }, 'spark.executor.memory')).toBe(2048);
    expect(getSizeMb({}, 'spark.executor.memory')).toBe(1024);
    expect(getSizeMb({}, 'spark.driver.memory')).toBe(1024);
    expect(getSizeMb({}, 'spark.other.memory', 300)).toBe(300);
    expect(getOptionalSizeMb({}, 'spark.executor.memory')).toBeUndefined();
  });

  it('passes JavaUtils’ NumberFormatException through', () => {
    const e = thrown(() => getSizeMb({ 'spark.executor.memory': '1.5g' }, 'spark.executor.memory'));
    expect(e.message).toMatch(/\nFractional values are not supported\. Input was: 1\.5$/);
  });
});

describe('getOptionalDouble (doubleConf)', () => {
  it('parses Java doubles and rejects the rest', () => {
    expect(
      getOptionalDouble(
        { 'spark.scheduler.minRegisteredResourcesRatio': '0.8' },
        'spark.scheduler.minRegisteredResourcesRatio',
      ),
    ).toBe(0.8);
    expect(
      getOptionalDouble(
        { 'spark.scheduler.minRegisteredResourcesRatio': '1e0' },
        'spark.scheduler.minRegisteredResourcesRatio',
      ),
    ).toBe(1);
    expect(
      getOptionalDouble(
        { 'spark.scheduler.minRegisteredResourcesRatio': '.5d' },
        'spark.scheduler.minRegisteredResourcesRatio',
      ),
    ).toBe(0.5);
    expect(
      thrown(() =>
        getOptionalDouble(
          { 'spark.scheduler.minRegisteredResourcesRatio': 'half' },
          'spark.scheduler.minRegisteredResourcesRatio',
        ),
      ).message,
    ).toBe('spark.scheduler.minRegisteredResourcesRatio should be double, but was half');
  });
});

describe('validateMasterConf / validateWorkerConf', () => {
  it('accepts an empty conf', () => {
    expect(validateMasterConf({})).toEqual([]);
    expect(validateWorkerConf({})).toEqual([]);
  });

  it('reports every bad Master value in Master.scala’s read order', () => {
    const issues = validateMasterConf({
      'spark.deploy.defaultCores': '0',
      'spark.worker.timeout': '60s',
      'spark.deploy.spreadOut': 'maybe',
      'spark.master.rest.port': 'http',
    });
    expect(issues.map((i) => i.key)).toEqual([
      'spark.worker.timeout',
      'spark.deploy.spreadOutApps',
      'spark.deploy.defaultCores',
      'spark.master.rest.port',
    ]);
    expect(issues.map((i) => String(i.error))).toEqual([
      'java.lang.IllegalArgumentException: spark.worker.timeout should be long, but was 60s',
      'java.lang.IllegalArgumentException: spark.deploy.spreadOutApps should be boolean, but was maybe',
      "java.lang.IllegalArgumentException: '0' in spark.deploy.defaultCores is invalid. spark.deploy.defaultCores must be positive.",
      'java.lang.IllegalArgumentException: spark.master.rest.port should be int, but was http',
    ]);
  });

  it('reports bad Worker values', () => {
    const issues = validateWorkerConf({
      'spark.worker.cleanup.enabled': 'on',
      'spark.worker.driverTerminateTimeout': 'soon',
    });
    expect(issues.map((i) => i.key)).toEqual(['spark.worker.driverTerminateTimeout', 'spark.worker.cleanup.enabled']);
    expect(issues[1]?.error.message).toBe('spark.worker.cleanup.enabled should be boolean, but was on');
  });
});

describe('Java helpers', () => {
  it('javaFormatForCheck formats %s and %d with width and flags', () => {
    expect(javaFormatForCheck('app-%s-%04d', ['20231101000000', 7])).toBe('app-20231101000000-0007');
    expect(javaFormatForCheck('%-4d|%3s|%%', [1, 'a'])).toBe('1   |  a|%');
    expect(javaFormatForCheck('%05d', [-3])).toBe('-0003');
    expect(javaFormatForCheck('%x', [255])).toBe('ff');
    expect(javaFormatForCheck('%2$s', ['a', 'b'])).toBe('b');
    // Undefined where Java throws (java-format.test.ts has the exceptions).
    expect(javaFormatForCheck('%s%s', ['a'])).toBeUndefined();
    expect(javaFormatForCheck('100%', [])).toBeUndefined();
  });

  it('javaFormatFailure gives the Formatter exceptions an id pattern can cause', () => {
    expect(String(javaFormatFailure('%d-%s', ['20231101000000', 0]))).toBe(
      'java.util.IllegalFormatConversionException: d != java.lang.String',
    );
    expect(String(javaFormatFailure('app-%s-%04d-%s', ['20231101000000', 0]))).toBe(
      "java.util.MissingFormatArgumentException: Format specifier '%s'",
    );
    expect(javaFormatFailure('app-%s-%04d%%', ['20231101000000', 0])).toBeUndefined();
  });

  it('lets a Formatter exception escape the id-pattern check, as Spark’s validator does', () => {
    expect(validateMasterConf({ 'spark.deploy.appIdPattern': '%d' }).map((i) => String(i.error))).toEqual([
      'java.util.IllegalFormatConversionException: d != java.lang.String',
    ]);
  });

  it("accepts and refuses the app id patterns of MasterSuite's SPARK-45754 and SPARK-45785", () => {
    expect(validateMasterConf({ 'spark.deploy.appIdPattern': 'my-app-%2$05d' })).toEqual([]);
    expect(validateMasterConf({ 'spark.deploy.appIdPattern': '%2$d', 'spark.deploy.appNumberModulo': '1000' })).toEqual(
      [],
    );
    expect(validateMasterConf({ 'spark.deploy.appIdPattern': 'my app' }).map((i) => String(i.error))).toEqual([
      "java.lang.IllegalArgumentException: 'my app' in spark.deploy.appIdPattern is invalid. Whitespace is not allowed.",
    ]);
  });

  it('hasJavaWhitespace uses Character.isWhitespace', () => {
    expect(hasJavaWhitespace('a b')).toBe(true);
    expect(hasJavaWhitespace('a\u2003b')).toBe(true);
    expect(hasJavaWhitespace('a\u00a0b')).toBe(false);
    expect(hasJavaWhitespace('a\u001cb')).toBe(true);
    expect(hasJavaWhitespace('ab')).toBe(false);
  });
});

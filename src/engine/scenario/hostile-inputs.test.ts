// Hostile scenarios: every value of a setting the simulated daemons read, the playground's bounds
// (limits.ts), deep nesting, prototype-named keys and host names that differ only in case. Each
// is either refused by restoreScenario with a path and a sentence, or runs without throwing.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation';
import { CONF_ENTRIES } from '../spark/conf';
import { LIMITS } from './limits';
import { exceedsNesting, MAX_NESTING } from './nesting';
import { restoreScenario } from './restore';
import type { RestoreResult, ScenarioIssue } from './types';

const SPARK_PI = 'spark-submit --master spark://master:7077 --class org.apache.spark.examples.SparkPi examples.jar';

function base(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: 1,
    workers: [
      { host: 'w1', cores: 8, memory: '16g' },
      { host: 'w2', cores: 8, memory: '16g' },
    ],
    ...extra,
  };
}

function refused(input: unknown): { errors: ScenarioIssue[]; warnings: ScenarioIssue[] } {
  const r: RestoreResult = restoreScenario(input);
  if (r.ok) throw new Error('expected errors, got a scenario');
  return r;
}

function errors(input: unknown): ScenarioIssue[] {
  return refused(input).errors;
}

function warnings(input: unknown): ScenarioIssue[] {
  const r = restoreScenario(input);
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.errors)}`);
  return r.warnings;
}

describe('settings the Master or Worker cannot start with', () => {
  const cases: [string, string, string][] = [
    [
      'spark.deploy.defaultCores',
      '0',
      `Spark's Master would not start with spark.deploy.defaultCores set to "0": java.lang.IllegalArgumentException: '0' in spark.deploy.defaultCores is invalid. spark.deploy.defaultCores must be positive.`,
    ],
    [
      'spark.worker.timeout',
      '60s',
      `Spark's Master and Workers would not start with spark.worker.timeout set to "60s": java.lang.IllegalArgumentException: spark.worker.timeout should be long, but was 60s`,
    ],
    [
      'spark.worker.timeout',
      'abc',
      `Spark's Master and Workers would not start with spark.worker.timeout set to "abc": java.lang.IllegalArgumentException: spark.worker.timeout should be long, but was abc`,
    ],
    [
      'spark.deploy.workerSelectionPolicy',
      'FOO',
      `Spark's Master would not start with spark.deploy.workerSelectionPolicy set to "FOO": java.lang.IllegalArgumentException: The value of spark.deploy.workerSelectionPolicy should be one of CORES_FREE_ASC, CORES_FREE_DESC, MEMORY_FREE_ASC, MEMORY_FREE_DESC, WORKER_ID, but was FOO`,
    ],
    [
      'spark.deploy.appNumberModulo',
      '999',
      `Spark's Master would not start with spark.deploy.appNumberModulo set to "999": java.lang.IllegalArgumentException: '999' in spark.deploy.appNumberModulo is invalid. The modulo for app number should be greater than or equal to 1000.`,
    ],
    [
      'spark.deploy.maxDrivers',
      '0',
      `Spark's Master would not start with spark.deploy.maxDrivers set to "0": java.lang.IllegalArgumentException: '0' in spark.deploy.maxDrivers is invalid. The maximum number of running drivers should be positive.`,
    ],
    [
      'spark.deploy.spreadOut',
      'maybe',
      `Spark's Master would not start with spark.deploy.spreadOut set to "maybe": java.lang.IllegalArgumentException: spark.deploy.spreadOutApps should be boolean, but was maybe`,
    ],
    [
      'spark.deploy.recoveryTimeout',
      '0',
      `Spark's Master would not start with spark.deploy.recoveryTimeout set to "0": java.lang.IllegalArgumentException: '0' in spark.deploy.recoveryTimeout is invalid. spark.deploy.recoveryTimeout must be positive.`,
    ],
    [
      'spark.rpc.askTimeout',
      'abc',
      `Spark's Master and Workers would not start with spark.rpc.askTimeout set to "abc": java.lang.NumberFormatException: Time must be specified as seconds (s), milliseconds (ms), microseconds (us), minutes (m or min), hour (h), or day (d). E.g. 50s, 100ms, or 250us. Failed to parse time string: abc`,
    ],
    [
      'spark.deploy.appIdPattern',
      'app %s %04d',
      `Spark's Master would not start with spark.deploy.appIdPattern set to "app %s %04d": java.lang.IllegalArgumentException: 'app %s %04d' in spark.deploy.appIdPattern is invalid. Whitespace is not allowed.`,
    ],
    [
      'spark.worker.idPattern',
      'worker %s-%s-%d',
      `Spark's Workers would not start with spark.worker.idPattern set to "worker %s-%s-%d": java.lang.IllegalArgumentException: 'worker %s-%s-%d' in spark.worker.idPattern is invalid. Whitespace is not allowed.`,
    ],
    [
      'spark.ui.killEnabled',
      'nope',
      `Spark's Master would not start with spark.ui.killEnabled set to "nope": java.lang.IllegalArgumentException: spark.ui.killEnabled should be boolean, but was nope`,
    ],
  ];

  it.each(cases)('refuses conf %s=%j with Spark’s own text', (key, value, message) => {
    expect(errors(base({ conf: { [key]: value } }))).toEqual([{ path: `conf[${JSON.stringify(key)}]`, message }]);
  });

  it.each(cases)('refuses set-conf %s=%j with the conf of its moment', (key, value, message) => {
    const actions = [
      { at: 0, type: 'submit', command: `${SPARK_PI} 10` },
      { at: 5000, type: 'set-conf', key, value },
    ];
    expect(errors(base({ actions }))).toEqual([{ path: 'actions[1].value', message }]);
  });

  it('reports every bad key of the conf, not only the first', () => {
    const conf = { 'spark.deploy.defaultCores': '0', 'spark.deploy.maxDrivers': '0', 'spark.ui.killEnabled': 'x' };
    expect(errors(base({ conf })).map((e) => e.path)).toEqual([
      'conf["spark.deploy.maxDrivers"]',
      'conf["spark.deploy.defaultCores"]',
      'conf["spark.ui.killEnabled"]',
    ]);
  });

  it('checks a set-conf against the conf as of its moment, not the final one', () => {
    // A later set-conf repairs the value, but the Master has read the bad one in between.
    const actions = [
      { at: 2000, type: 'set-conf', key: 'spark.deploy.defaultCores', value: '4' },
      { at: 1000, type: 'set-conf', key: 'spark.deploy.defaultCores', value: '0' },
    ];
    expect(errors(base({ actions })).map((e) => e.path)).toEqual(['actions[1].value']);
    // A set-conf that repairs the conf's value is fine; the conf's own value is still reported.
    const repaired = base({
      conf: { 'spark.deploy.defaultCores': '0' },
      actions: [{ at: 1000, type: 'set-conf', key: 'spark.deploy.defaultCores', value: '4' }],
    });
    expect(errors(repaired).map((e) => e.path)).toEqual(['conf["spark.deploy.defaultCores"]']);
  });

  it('refuses id patterns Java’s formatter would throw on, with its exception', () => {
    expect(errors(base({ conf: { 'spark.deploy.appIdPattern': 'app-%d-%s' } }))).toEqual([
      {
        path: 'conf["spark.deploy.appIdPattern"]',
        message: `Spark's Master would not start with spark.deploy.appIdPattern set to "app-%d-%s": java.util.IllegalFormatConversionException: d != java.lang.String`,
      },
    ]);
    expect(errors(base({ conf: { 'spark.deploy.driverIdPattern': 'driver-%s-%s-%s' } }))).toEqual([
      {
        path: 'conf["spark.deploy.driverIdPattern"]',
        message: `Spark's Master would not start with spark.deploy.driverIdPattern set to "driver-%s-%s-%s": java.util.MissingFormatArgumentException: Format specifier '%s'`,
      },
    ]);
  });

  it('refuses id patterns that give every app or driver one id, or that it cannot format', () => {
    expect(errors(base({ conf: { 'spark.deploy.appIdPattern': 'app-%s' } }))).toEqual([
      {
        path: 'conf["spark.deploy.appIdPattern"]',
        message:
          'spark.deploy.appIdPattern "app-%s" gives every application the same id ("app-20260101000000"). Spark accepts it, but its Master keys applications by id, so each new one would replace the one before; the playground refuses it. Include the application number (%d), as the default "app-%s-%04d" does.',
      },
    ]);
    expect(errors(base({ conf: { 'spark.deploy.driverIdPattern': '' } }))[0]?.message).toMatch(
      /^spark.deploy.driverIdPattern "" gives every driver the same id \(""\)/,
    );
    // Java's formatter takes argument indices: the worker's port alone is a valid (if odd) pattern.
    expect(restoreScenario(base({ conf: { 'spark.worker.idPattern': 'w-%3$d' } })).ok).toBe(true);
    expect(errors(base({ conf: { 'spark.worker.idPattern': 'w-%4$d' } }))).toEqual([
      {
        path: 'conf["spark.worker.idPattern"]',
        message: `Spark's Workers would not start with spark.worker.idPattern set to "w-%4$d": java.util.MissingFormatArgumentException: Format specifier '%4$d'`,
      },
    ]);
    // Worker ids differ by host, so a pattern without the port is fine.
    expect(
      warnings(base({ conf: { 'spark.worker.idPattern': 'worker-%s-%s', 'spark.deploy.appIdPattern': 'a%s%d' } })),
    ).toEqual([]);
  });

  it('names the fallback key that supplied a bad ask timeout', () => {
    expect(errors(base({ conf: { 'spark.network.timeout': 'soon' } }))).toEqual([
      {
        path: 'conf["spark.network.timeout"]',
        message: `Spark's Master and Workers would not start with spark.network.timeout set to "soon": java.lang.NumberFormatException: Time must be specified as seconds (s), milliseconds (ms), microseconds (us), minutes (m or min), hour (h), or day (d). E.g. 50s, 100ms, or 250us. Failed to parse time string: soon`,
      },
    ]);
  });

  it('says which spark-defaults value made a submit line fail', () => {
    const doc = base({
      conf: { 'spark.executor.memory': 'abc' },
      actions: [{ at: 0, type: 'submit', command: SPARK_PI }],
    });
    expect(errors(doc)).toEqual([
      {
        path: 'actions[0].command',
        message:
          'Executor memory must be a positive number (spark-submit read spark.executor.memory="abc" from spark-defaults.conf: the scenario\'s conf and the set-conf actions before this one.)',
      },
    ]);
  });
});

describe('values Spark accepts that would stop the simulated clock', () => {
  const message = (value: string) =>
    `spark.worker.timeout must be at least 1 (second); got ${JSON.stringify(value)}. Spark's Master would not start with it: its onStart schedules CheckForWorkerTimeOut every spark.worker.timeout, and ScheduledExecutorService.scheduleAtFixedRate throws java.lang.IllegalArgumentException for a period that is not positive. (Simulated, the Master's check and each Worker's heartbeat, every quarter of the timeout, would re-arm at the same instant forever.)`;

  it.each(['0', '-1', '-9223372036854775808'])('refuses spark.worker.timeout=%s in the conf', (value) => {
    expect(errors(base({ conf: { 'spark.worker.timeout': value } }))).toEqual([
      { path: 'conf["spark.worker.timeout"]', message: message(value) },
    ]);
  });

  it.each(['0', '-1'])('refuses spark.worker.timeout=%s through set-conf', (value) => {
    const actions = [{ at: 1000, type: 'set-conf', key: 'spark.worker.timeout', value }];
    expect(errors(base({ actions }))).toEqual([{ path: 'actions[0].value', message: message(value) }]);
  });

  it('accepts the smallest timeout that advances the clock', () => {
    expect(warnings(base({ conf: { 'spark.worker.timeout': '1' } }))).toEqual([]);
  });

  it('refuses a network delay beyond the longest run (the jitter draw would never end)', () => {
    const value = '9'.repeat(400);
    expect(errors(base({ actions: [{ at: 0, type: 'set-conf', key: 'network.jitterMs', value }] }))).toEqual([
      {
        path: 'actions[0].value',
        message: `Expected network.jitterMs as a whole number of ms from 0 to 604800000 (7 simulated days, the playground's limit), in a string such as "20"; got "${'9'.repeat(40)}…".`,
      },
    ]);
    expect(errors(base({ network: { latencyMs: 2, jitterMs: 1e15 } }))).toEqual([
      {
        path: 'network.jitterMs',
        message: `Expected at most 604800000 ms (7 simulated days) of network jitter: the playground's limit (Spark itself sets none; see "Limits" in docs/scenario-format.md); got 1000000000000000.`,
      },
    ]);
  });
});

describe('bounds from LIMITS', () => {
  const limit = (what: string, got: string) =>
    `Expected at most ${what}: the playground's limit (Spark itself sets none; see "Limits" in docs/scenario-format.md); got ${got}.`;

  it('bounds worker cores and memory (after parsing, in MiB)', () => {
    expect(errors(base({ workers: [{ host: 'w1', cores: 1_000_000_000, memory: '1g' }] }))).toEqual([
      { path: 'workers[0].cores', message: limit('65536 cores per worker', '1000000000') },
    ]);
    expect(errors(base({ workers: [{ host: 'w1', cores: 1, memory: '1000t' }] }))).toEqual([
      {
        path: 'workers[0].memory',
        message: `Expected at most 67108864 MiB (64 TiB) of memory per worker: the playground's limit (Spark itself sets none; see "Limits" in docs/scenario-format.md); got "1000t", which is 1048576000 MiB.`,
      },
    ]);
    expect(warnings(base({ workers: [{ host: 'w1', cores: LIMITS.workerCores, memory: '64t' }] }))).toEqual([]);
  });

  it('bounds a workload’s tasks and taskMs', () => {
    const submit = (workload: unknown) => base({ actions: [{ at: 0, type: 'submit', command: SPARK_PI, workload }] });
    expect(errors(submit({ tasks: 1e9, taskMs: 1 }))).toEqual([
      { path: 'actions[0].workload.tasks', message: limit('1000000 tasks per submit', '1000000000') },
    ]);
    expect(errors(submit({ tasks: 1, taskMs: 1e12 }))).toEqual([
      {
        path: 'actions[0].workload.taskMs',
        message: limit('86400000 ms (one simulated day) per task', '1000000000000'),
      },
    ]);
  });

  it('bounds `at` and the number of actions', () => {
    expect(errors(base({ actions: [{ at: 1e15, type: 'kill-worker', target: 'w1' }] }))).toEqual([
      {
        path: 'actions[0].at',
        message: limit('604800000 ms (7 simulated days) for the time of an action', '1000000000000000'),
      },
    ]);
    const many = Array.from({ length: LIMITS.actions + 1 }, () => ({ at: 0, type: 'heal' }));
    expect(errors(base({ actions: many }))).toEqual([
      {
        path: 'actions',
        message: `Expected at most 100000 actions: the playground's limit (see "Limits" in docs/scenario-format.md); got 100001.`,
      },
    ]);
  });

  it('counts the initial workers and every distinct add-worker host', () => {
    const workers = Array.from({ length: LIMITS.workers - 1 }, (_, i) => ({ host: `w${i}`, cores: 1, memory: '1g' }));
    const add = (at: number, host: string) => ({ at, type: 'add-worker', host, cores: 1, memory: '1g' });
    // One more host fits; the same host added again after its removal is the same machine.
    const fits = {
      version: 1,
      workers,
      actions: [add(1, 'extra'), { at: 2, type: 'remove-worker', target: 'extra' }, add(3, 'extra')],
    };
    expect(restoreScenario(fits).ok).toBe(true);
    expect(errors({ version: 1, workers, actions: [add(1, 'extra'), add(2, 'extra2')] })).toEqual([
      {
        path: 'actions',
        message:
          'This scenario has 50001 workers (49999 listed in "workers" and 2 more added by add-worker); the playground simulates at most 50000.',
      },
    ]);
  });

  it('bounds SparkPi’s slices when no workload is given', () => {
    expect(errors(base({ actions: [{ at: 0, type: 'submit', command: `${SPARK_PI} 2147483647` }] }))).toEqual([
      {
        path: 'actions[0].command',
        message:
          'SparkPi\'s argument asks for 2147483647 slices, and the simulation runs one task per slice; the playground runs at most 1000000 tasks per submit (every task is simulated). Give a smaller number, or a "workload" with at most 1000000 tasks.',
      },
    ]);
    // A workload says how many tasks run, whatever SparkPi's argument.
    const withWorkload = {
      at: 0,
      type: 'submit',
      command: `${SPARK_PI} 2147483647`,
      workload: { tasks: 10, taskMs: 5 },
    };
    expect(warnings(base({ actions: [withWorkload] }))).toEqual([]);
    expect(warnings(base({ actions: [{ at: 0, type: 'submit', command: `${SPARK_PI} ${LIMITS.tasks}` }] }))).toEqual(
      [],
    );
  });
});

describe('nesting', () => {
  function nested(depth: number): unknown {
    let v: unknown = 1;
    for (let i = 0; i < depth; i++) v = i % 2 === 0 ? { a: v } : [v];
    return v;
  }

  it('measures depth without recursion', () => {
    expect(exceedsNesting(1, 0)).toBe(false);
    expect(exceedsNesting({}, 0)).toBe(true);
    expect(exceedsNesting({}, 1)).toBe(false);
    expect(exceedsNesting(nested(64), 64)).toBe(false);
    expect(exceedsNesting(nested(65), 64)).toBe(true);
    expect(exceedsNesting(nested(1_000_000))).toBe(true);
    expect(MAX_NESTING).toBe(64);
  });

  it('refuses a deep document before anything walks it, whether text or parsed', () => {
    const message =
      'The file nests objects or lists more than 64 levels deep; a scenario never needs more than 4 (the document, its actions, an action, its "between" pair).';
    expect(errors(base({ extra: nested(100_000) }))).toEqual([{ path: '', message }]);
    // An unknown field nested deep inside a worker: findUnknownFields would recurse into it.
    // JSON.stringify cannot write it either, so the text is built by hand.
    const junk = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    const text = `{"version": 1, "workers": [{"host": "w1", "cores": 1, "memory": "1g", "junk": ${junk}}]}`;
    expect(errors(text)).toEqual([{ path: '', message }]);
  });

  it('accepts the deepest shapes a scenario has', () => {
    const actions = [
      { at: 0, type: 'partition', between: ['w1', 'master'] },
      { at: 1, type: 'submit', command: SPARK_PI, workload: { tasks: 1, taskMs: 1 } },
    ];
    expect(restoreScenario(base({ actions })).ok).toBe(true);
  });
});

describe('prototype-named keys', () => {
  it('reports __proto__, constructor, toString and hasOwnProperty as unknown fields everywhere', () => {
    const text = JSON.stringify({
      version: 1,
      __proto__: { a: 1 },
      constructor: 'x',
      toString: 1,
      hasOwnProperty: 2,
      workers: [{ host: 'w1', cores: 1, memory: '1g', constructor: 1 }],
      actions: [
        { at: 0, type: 'submit', command: SPARK_PI, workload: { tasks: 1, taskMs: 1, toString: 3 }, valueOf: 4 },
      ],
    }).replace('"version":1,', '"version":1,"__proto__":{"a":1},');
    const unknown = (path: string, key: string) => ({ path, message: `Unknown field "${key}" is ignored.` });
    expect(warnings(text)).toEqual([
      unknown('__proto__', '__proto__'),
      unknown('constructor', 'constructor'),
      unknown('toString', 'toString'),
      unknown('hasOwnProperty', 'hasOwnProperty'),
      unknown('workers[0].constructor', 'constructor'),
      unknown('actions[0].workload.toString', 'toString'),
      unknown('actions[0].valueOf', 'valueOf'),
    ]);
  });

  it('warns that a conf key __proto__ is ignored', () => {
    const r = restoreScenario(
      '{"version": 1, "workers": [], "conf": {"__proto__": "x", "spark.deploy.spreadOut": "true"}}',
    );
    expect(r.ok && r.warnings).toEqual([
      {
        path: 'conf.__proto__',
        message: 'Ignoring non-Spark config property: __proto__ (Spark only reads keys that start with "spark.").',
      },
    ]);
    expect(r.ok && Object.keys(r.scenario.conf)).toEqual(['spark.deploy.spreadOut']);
  });
});

describe('host names compare case-insensitively', () => {
  const same = (host: string, other: string) =>
    `"${host}" is already a worker, written "${other}": host names are not case-sensitive, so both name one machine; every worker needs its own host.`;

  it('refuses two workers that differ only in case', () => {
    const workers = [
      { host: 'w1', cores: 1, memory: '1g' },
      { host: 'W1', cores: 1, memory: '1g' },
    ];
    expect(errors({ version: 1, workers })).toEqual([{ path: 'workers[1].host', message: same('W1', 'w1') }]);
  });

  it('refuses masters, and a worker on a master, that differ only in case', () => {
    const masters = [{ host: 'm1' }, { host: 'M1' }];
    expect(errors({ version: 1, masters, workers: [], conf: { 'spark.deploy.recoveryMode': 'ZOOKEEPER' } })).toEqual([
      {
        path: 'masters[1].host',
        message:
          '"M1" is already the host of masters[0], written "m1": host names are not case-sensitive, so both name one machine; every master needs its own host.',
      },
    ]);
    expect(errors({ version: 1, workers: [{ host: 'Master', cores: 1, memory: '1g' }] })).toEqual([
      {
        path: 'workers[0].host',
        message:
          '"Master" is the host of masters[0], written "master": host names are not case-sensitive, so both name one machine; a worker needs a host of its own.',
      },
    ]);
  });

  it('refuses an add-worker host that differs from a worker only in case', () => {
    const actions = [{ at: 5, type: 'add-worker', host: 'W2', cores: 1, memory: '1g' }];
    expect(errors(base({ actions }))).toEqual([
      {
        path: 'actions[0].host',
        message:
          '"W2" is already a worker at 5 ms, written "w2": host names are not case-sensitive, so both name one machine (restart-worker starts a stopped worker again); every worker needs its own host.',
      },
    ]);
  });

  it('refuses a target spelled in another case, naming the host as written', () => {
    expect(errors(base({ actions: [{ at: 0, type: 'power-off', target: 'MASTER' }] }))).toEqual([
      {
        path: 'actions[0].target',
        message:
          '"MASTER" is not a worker or master host at 0 ms as written: the scenario spells the host "master". Host names are not case-sensitive, but the simulation matches them as written. Did you mean "master"?',
      },
    ]);
  });
});

describe('warnings for values the simulation reads differently', () => {
  it('warns about a recoveryMode Spark runs as NONE', () => {
    const conf = (mode: string) => base({ conf: { 'spark.deploy.recoveryMode': mode } });
    const unknown = `is not one of NONE, FILESYSTEM, ROCKSDB, ZOOKEEPER, CUSTOM: Spark's Master accepts any value and runs an unknown one as NONE (a BlackHolePersistenceEngine, which stores nothing, and a MonarchyLeaderAgent, under which the Master leads alone), so nothing is recovered after a Master restart.`;
    expect(warnings(conf('zookeeper'))).toEqual([
      {
        path: 'conf["spark.deploy.recoveryMode"]',
        message: `spark.deploy.recoveryMode "zookeeper" ${unknown} Spark compares it case-sensitively: write "ZOOKEEPER".`,
      },
    ]);
    expect(warnings(conf('BAD'))).toEqual([
      { path: 'conf["spark.deploy.recoveryMode"]', message: `spark.deploy.recoveryMode "BAD" ${unknown}` },
    ]);
    expect(warnings(conf('FILESYSTEM'))).toEqual([]);
    const later = base({ actions: [{ at: 0, type: 'set-conf', key: 'spark.deploy.recoveryMode', value: 'BAD' }] });
    expect(warnings(later)).toEqual([
      { path: 'actions[0].value', message: `spark.deploy.recoveryMode "BAD" ${unknown}` },
    ]);
  });

  it('accepts useAppNameAsAppId without a warning: the Master uses the app name as its id', () => {
    expect(warnings(base({ conf: { 'spark.master.useAppNameAsAppId.enabled': ' TRUE ' } }))).toEqual([]);
    expect(warnings(base({ conf: { 'spark.master.useAppNameAsAppId.enabled': 'false' } }))).toEqual([]);
  });
});

describe('every conf key with hostile values: refused with its name, or the run does not throw', () => {
  const HOSTILE = ['0', '-1', '', ' ', '\t', 'abc', '60s', '1ms', '1e99', '2147483648', '9223372036854775807'];
  HOSTILE.push('99999999999999999999', '-9223372036854775808', ' 5 ', 'true', 'FOO', 'x y');
  const workload = { tasks: 4, taskMs: 500 };
  const submit = { at: 0, type: 'submit', command: `${SPARK_PI} 4`, workload };
  const cluster = (conf: Record<string, string>, actions: unknown[]) => ({
    version: 1,
    conf,
    workers: [{ host: 'w1', cores: 2, memory: '2g' }],
    actions: [submit, ...actions],
  });

  /** What happened to one case: refused naming the key, or ran. Anything thrown fails the test. */
  function outcome(key: string, doc: unknown): 'refused' | 'ran' {
    const r = restoreScenario(doc);
    if (!r.ok) {
      const named = r.errors.some((e) => e.path.includes(key) || e.message.includes(key));
      if (!named) throw new Error(`${key}: refused without naming the key: ${JSON.stringify(r.errors)}`);
      return 'refused';
    }
    Simulation.fromScenario(r.scenario).run(60_000);
    return 'ran';
  }

  for (const via of ['conf', 'set-conf'] as const) {
    it(`through ${via}`, () => {
      const tally = { refused: 0, ran: 0 };
      for (const { key } of CONF_ENTRIES) {
        for (const value of HOSTILE) {
          const doc =
            via === 'conf'
              ? cluster({ [key]: value }, [])
              : cluster({}, [
                  { at: 1000, type: 'set-conf', key, value },
                  { ...submit, at: 2000 },
                ]);
          tally[outcome(key, doc)] += 1;
        }
      }
      // Both outcomes occur: the check is neither everything nor nothing.
      expect(tally.refused).toBeGreaterThan(200);
      expect(tally.ran).toBeGreaterThan(200);
      expect(tally.refused + tally.ran).toBe(CONF_ENTRIES.length * HOSTILE.length);
    });
  }
});

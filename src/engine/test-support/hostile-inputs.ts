// Test helper: hostile scenario documents for the fuzz (hostile-inputs.fuzz.test.ts), one
// generator per kind of input that once crashed, hung or grew without bound: invalid JSON text,
// wrong types, extreme numbers, hostile spark.* values in conf and set-conf, odd spark-submit
// lines, prototype keys, deep nesting, long strings, targets that are missing or gone, faults at
// 0 ms, and session-like envelopes with a playhead. Each case starts from a small real cluster so
// that whatever survives validation really runs.
import fc from 'fast-check';
import { CONF_ENTRIES } from '../spark/conf';

export type Category =
  | 'invalid-json'
  | 'wrong-types'
  | 'extreme-numbers'
  | 'conf-values'
  | 'set-conf-values'
  | 'submit-lines'
  | 'proto-keys'
  | 'deep-nesting'
  | 'long-strings'
  | 'targets'
  | 'faults-at-zero'
  | 'small-clusters'
  | 'session';

/** One fuzz case: what restoreScenario gets (JSON text or a parsed document) and, for a session, its playhead. */
export interface HostileCase {
  category: Category;
  input: unknown;
  playhead?: unknown;
}

const SUBMIT = 'spark-submit --master spark://master:7077';
const PI = '--class org.apache.spark.examples.SparkPi /opt/spark/examples/jars/spark-examples.jar';

const EXTREME_NUMBERS: unknown[] = [
  0,
  -1,
  -0,
  0.5,
  1e15,
  2 ** 31 - 1,
  2 ** 31,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  'NaN',
  'Infinity',
  '1e15',
];

const WRONG_TYPES: unknown[] = [null, true, false, [], [1], {}, { a: 1 }, '', 'x', '8g', 1.5, -1, '[object Object]'];

/** Values that once reached readSettings() unchecked: units, words, zero, negatives, overflow, patterns with spaces. */
const CONF_VALUES = [
  '0',
  '-1',
  '',
  ' ',
  '1',
  '60',
  '60s',
  '0s',
  '-5s',
  'abc',
  'true',
  'false',
  'maybe',
  'nope',
  'FOO',
  '999',
  '1e15',
  '2147483647',
  '2147483648',
  '9223372036854775807',
  '9223372036854775808',
  ' 1 ',
  '1.5',
  '512m',
  '1p',
  'NONE',
  'FILESYSTEM',
  'ZOOKEEPER',
  'zookeeper',
  'BAD',
  'CORES_FREE_ASC',
  'app-%s-%04d',
  'app %s %d',
  'driver-%s',
  '%s',
  '%d%d%d',
  '${spark.x}',
  '$(id)',
  '\u0000',
  'é',
];

const CONF_KEYS = [...CONF_ENTRIES.map((e) => e.key), 'spark.not.a.key', 'network.latencyMs', 'network.jitterMs'];

const SUBMIT_TOKENS = [
  '$(rm -rf /)',
  '`id`',
  ';',
  '>',
  '>>out',
  '|',
  '&&',
  '&',
  "'unterminated",
  '"unterminated',
  '"a b"',
  "'a b'",
  '\\',
  '--unknown-option',
  '--executor-cores',
  '--executor-cores 0',
  '--executor-cores 99999999999',
  '--executor-cores 2147483647',
  '--total-executor-cores 0',
  '--total-executor-cores 1e15',
  '--executor-memory 1p',
  '--executor-memory 0',
  '--driver-memory 1t',
  '--driver-cores 65537',
  '--conf',
  '--conf spark.x',
  '--conf spark.deploy.defaultCores=0',
  '--conf spark.cores.max=-1',
  '--conf spark.executor.cores=abc',
  '--properties-file /etc/spark.conf',
  '--supervise',
  '--deploy-mode cluster',
  '--deploy-mode mars',
  '--master',
  '--master local[*]',
  '--name',
  '--class',
  '--kill driver-1',
  '--status',
  '2147483647',
  '1000000000',
  '-1',
  '0',
];

/** A small cluster that really runs: 1-3 workers, one submit that finishes in seconds. */
function base(workers: number, cores: number): Record<string, unknown> {
  return {
    version: 1,
    name: 'fuzz',
    seed: 7,
    workers: Array.from({ length: workers }, (_, i) => ({ host: `w${i + 1}`, cores, memory: '4g' })),
    actions: [
      {
        at: 100,
        type: 'submit',
        command: `${SUBMIT} --executor-cores 1 --executor-memory 512m ${PI} 4`,
        workload: { tasks: 4, taskMs: 500 },
      },
    ],
  };
}

const baseArb = fc
  .record({ workers: fc.integer({ min: 1, max: 3 }), cores: fc.integer({ min: 1, max: 4 }) })
  .map(({ workers, cores }) => base(workers, cores));

/** Paths into a base document where a value can be replaced. */
const FIELDS: (string | number)[][] = [
  ['version'],
  ['name'],
  ['seed'],
  ['startEpochMs'],
  ['sparkVersion'],
  ['conf'],
  ['masters'],
  ['network'],
  ['network', 'latencyMs'],
  ['network', 'jitterMs'],
  ['workers'],
  ['workers', 0],
  ['workers', 0, 'host'],
  ['workers', 0, 'cores'],
  ['workers', 0, 'memory'],
  ['workers', 0, 'port'],
  ['actions'],
  ['actions', 0],
  ['actions', 0, 'at'],
  ['actions', 0, 'type'],
  ['actions', 0, 'command'],
  ['actions', 0, 'workload'],
  ['actions', 0, 'workload', 'tasks'],
  ['actions', 0, 'workload', 'taskMs'],
  ['actions', 0, 'executorFault'],
  ['actions', 0, 'driverFault'],
];

function setPath(doc: Record<string, unknown>, path: (string | number)[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(doc);
  let cur = copy as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) {
    const next = cur[seg];
    if (next === null || typeof next !== 'object') {
      cur[seg] = {};
    }
    cur = cur[seg] as Record<string | number, unknown>;
  }
  cur[path[path.length - 1] as string | number] = value;
  return copy;
}

function withAction(doc: Record<string, unknown>, action: Record<string, unknown>): Record<string, unknown> {
  return { ...doc, actions: [...(doc.actions as unknown[]), action] };
}

const invalidJson: fc.Arbitrary<HostileCase> = fc
  .oneof(
    baseArb.chain((d) => {
      const text = JSON.stringify(d);
      return fc.integer({ min: 0, max: text.length - 1 }).map((n) => text.slice(0, n));
    }),
    fc.constantFrom('', ' ', '{', '}', '[]', 'null', '"x"', '1', '1e999', 'NaN', '{"version":1,}', "{'version':1}"),
    fc.constantFrom('\ufeff{"version":1,"workers":[]}', '{"version":1,"workers":[]} trailing', '{"a":"\\u12"}'),
    fc.string({ maxLength: 200 }),
  )
  .map((input) => ({ category: 'invalid-json' as const, input }));

const wrongTypes: fc.Arbitrary<HostileCase> = fc
  .tuple(baseArb, fc.constantFrom(...FIELDS), fc.constantFrom(...WRONG_TYPES))
  .map(([d, path, v]) => ({ category: 'wrong-types' as const, input: setPath(d, path, v) }));

const extremeNumbers: fc.Arbitrary<HostileCase> = fc
  .tuple(baseArb, fc.constantFrom(...FIELDS), fc.constantFrom(...EXTREME_NUMBERS))
  .map(([d, path, v]) => ({ category: 'extreme-numbers' as const, input: setPath(d, path, v) }));

const confEntries = fc.array(fc.tuple(fc.constantFrom(...CONF_KEYS), fc.constantFrom(...CONF_VALUES)), {
  minLength: 1,
  maxLength: 3,
});

const confValues: fc.Arbitrary<HostileCase> = fc
  .tuple(baseArb, confEntries)
  .map(([d, entries]) => ({ category: 'conf-values' as const, input: { ...d, conf: Object.fromEntries(entries) } }));

const setConfValues: fc.Arbitrary<HostileCase> = fc
  .tuple(baseArb, confEntries, fc.constantFrom(0, 1, 50, 1000, 5000))
  .map(([d, entries, at]) => {
    let doc = d;
    for (const [key, value] of entries) doc = withAction(doc, { at, type: 'set-conf', key, value });
    return { category: 'set-conf-values' as const, input: doc };
  });

const submitLines: fc.Arbitrary<HostileCase> = fc
  .tuple(baseArb, fc.array(fc.constantFrom(...SUBMIT_TOKENS), { minLength: 1, maxLength: 4 }), fc.nat(), fc.boolean())
  .map(([d, tokens, pos, cluster]) => {
    const words = `${SUBMIT}${cluster ? ' --deploy-mode cluster' : ''} ${PI} 4`.split(' ');
    const at = pos % (words.length + 1);
    words.splice(at, 0, ...tokens);
    return { category: 'submit-lines' as const, input: setPath(d, ['actions', 0, 'command'], words.join(' ')) };
  });

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

const protoKeys: fc.Arbitrary<HostileCase> = fc
  .tuple(baseArb, fc.constantFrom(...PROTO_KEYS), fc.constantFrom('top', 'worker', 'workload', 'conf', 'action'))
  .map(([d, key, where]) => {
    // Through JSON text, as a file or link brings it: JSON.parse makes "__proto__" an own property.
    const text = JSON.stringify(d);
    const injected = `${JSON.stringify(key)}:{"polluted":true}`;
    const at = {
      top: ['{', '{'],
      worker: ['"workers":[{', '"workers":[{'],
      workload: ['"workload":{', '"workload":{'],
      conf: ['{', '{"conf":{'],
      action: ['"actions":[{', '"actions":[{'],
    }[where] as [string, string];
    const replaced =
      where === 'conf' ? text.replace(at[0], `${at[1]}${injected}},`) : text.replace(at[0], `${at[1]}${injected},`);
    return { category: 'proto-keys' as const, input: replaced };
  });

const deepNesting: fc.Arbitrary<HostileCase> = fc
  .tuple(baseArb, fc.constantFrom(10, 100, 1_000, 10_000, 100_000), fc.constantFrom('array', 'object'), fc.boolean())
  .map(([d, depth, kind, topLevel]) => {
    const open = kind === 'array' ? '[' : '{"a":';
    const close = kind === 'array' ? ']' : '}';
    const nested = `${open.repeat(depth)}1${close.repeat(depth)}`;
    const input = topLevel ? nested : JSON.stringify(d).replace('{', `{"extra":${nested},`);
    return { category: 'deep-nesting' as const, input };
  });

const longStrings: fc.Arbitrary<HostileCase> = fc
  .tuple(
    baseArb,
    fc.constantFrom<(string | number)[]>(
      ['name'],
      ['description'],
      ['workers', 0, 'host'],
      ['workers', 0, 'memory'],
      ['actions', 0, 'command'],
      ['sparkVersion'],
    ),
    fc.constantFrom(1_000, 100_000, 1_000_000),
    fc.constantFrom('a', 'é', '-', ' ', '"', '\\', '<script>'),
  )
  .map(([d, path, n, ch]) => ({ category: 'long-strings' as const, input: setPath(d, path, ch.repeat(n)) }));

const TARGET_ACTIONS = [
  'kill-worker',
  'power-off',
  'restart-worker',
  'decommission-worker',
  'remove-worker',
  'kill-executor',
  'kill-driver',
  'crash-driver',
  'kill-app',
  'kill-master',
  'restart-master',
];

const targets: fc.Arbitrary<HostileCase> = fc
  .tuple(
    baseArb,
    fc.array(
      fc.record({
        at: fc.constantFrom(0, 100, 101, 2_000, 30_000),
        type: fc.constantFrom(...TARGET_ACTIONS),
        target: fc.constantFrom(
          'w1',
          'w2',
          'W1',
          'w9',
          '',
          'master',
          'client',
          'app-20260101000000-0000',
          'app-20260101000000-0000/0',
          'app-20260101000000-0000/99',
          'driver-20260101000000-0000',
          'driver-x',
        ),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([d, actions]) => {
    let doc = d;
    for (const a of actions) doc = withAction(doc, a);
    return { category: 'targets' as const, input: doc };
  });

const faultsAtZero: fc.Arbitrary<HostileCase> = fc
  .tuple(
    baseArb,
    fc.constantFrom(
      { executorFault: { kind: 'crash', afterMs: 0, exitCode: 1 } },
      { executorFault: { kind: 'crash', afterMs: 0, exitCode: 0 } },
      { executorFault: { kind: 'launch-failure' } },
      { driverFault: { kind: 'crash', afterMs: 0, exitCode: 1 } },
      {
        executorFault: { kind: 'crash', afterMs: 0, exitCode: 1 },
        driverFault: { kind: 'crash', afterMs: 0, exitCode: 1 },
      },
    ),
    fc.boolean(),
    fc.constantFrom<Record<string, string>>({}, { 'spark.deploy.maxExecutorRetries': '-1' }),
  )
  .map(([d, fault, supervise, conf]) => {
    const command = `${SUBMIT} --deploy-mode cluster${supervise ? ' --supervise' : ''} --executor-cores 1 ${PI} 4`;
    const doc = {
      ...d,
      conf,
      actions: [{ at: 0, type: 'submit', command, workload: { tasks: 4, taskMs: 500 }, ...fault }],
    };
    return { category: 'faults-at-zero' as const, input: doc };
  });

const smallClusters: fc.Arbitrary<HostileCase> = fc
  .record({
    workers: fc.array(
      fc.record({ cores: fc.integer({ min: 1, max: 2 }), memory: fc.constantFrom('512m', '1g', '1500m') }),
      { minLength: 0, maxLength: 2 },
    ),
    submits: fc.array(
      fc.record({
        at: fc.integer({ min: 0, max: 5_000 }),
        cluster: fc.boolean(),
        tasks: fc.integer({ min: 1, max: 50 }),
        executorMemory: fc.constantFrom('512m', '1g', '2g'),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ workers, submits }) => ({
    category: 'small-clusters' as const,
    input: {
      version: 1,
      name: 'small',
      workers: workers.map((w, i) => ({ host: `w${i + 1}`, ...w })),
      actions: submits.map((s) => ({
        at: s.at,
        type: 'submit',
        command: `${SUBMIT}${s.cluster ? ' --deploy-mode cluster' : ''} --executor-memory ${s.executorMemory} ${PI} ${s.tasks}`,
        workload: { tasks: s.tasks, taskMs: 200 },
      })),
    },
  }));

const session: fc.Arbitrary<HostileCase> = fc
  .tuple(
    fc.oneof(
      baseArb,
      faultsAtZero.map((c) => c.input as Record<string, unknown>),
    ),
    fc.constantFrom<unknown>(0, 1, 5_000, 60_000, 599_999, -1, 31_536_000_000, 1e15, 'NaN', null, '5000', 1.5),
  )
  .map(([doc, playhead]) => ({ category: 'session' as const, input: doc, playhead }));

/** Every category, equally likely. */
export const hostileCase: fc.Arbitrary<HostileCase> = fc.oneof(
  invalidJson,
  wrongTypes,
  extremeNumbers,
  confValues,
  setConfValues,
  submitLines,
  protoKeys,
  deepNesting,
  longStrings,
  targets,
  faultsAtZero,
  smallClusters,
  session,
);

// The scenario format, version 1 (docs/scenario-format.md), as a zod schema: field types, ranges, defaults,
// and per-field Spark checks (worker memory strings) with Spark's own error text. Checks that
// need the whole document (duplicate hosts, who exists when, spark-submit lines, which depend on
// the conf of their time) are in semantics.ts. Every message is written here, so no zod wording
// reaches a person. Written with zod/mini, the functional form of zod whose unused parts the
// bundler can drop: the engine worker loads with the page, and classic zod alone weighed about a
// third of it.
import * as z from 'zod/mini';
import { closest as closestValue, show } from './issues';
import { LIMITS } from './limits';
import { checkWorkerMemory } from './spark-checks';
import { workerMemoryMb } from '../spark/memory';
import type { Action, Scenario } from './types';
import {
  DEFAULT_MASTER_HOST,
  DEFAULT_MASTER_PORT,
  DEFAULT_NETWORK,
  DEFAULT_SCENARIO_NAME,
  DEFAULT_SEED,
  DEFAULT_SPARK_VERSION,
  DEFAULT_START_EPOCH_MS,
  SCENARIO_FORMAT_VERSION,
} from './types';

type RawIssue = { code?: string; input?: unknown };

/** "Missing: <what>." or "Expected <what>; got <value>." */
function expected(what: string) {
  return (iss: RawIssue) =>
    iss.input === undefined ? `Missing: ${what}.` : `Expected ${what}; got ${show(iss.input)}.`;
}

function wholeNumber(what: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  const error = expected(what);
  return z.int({ error }).check(z.gte(min, { error }), z.lte(max, { error }));
}

/**
 * A whole number with one of the playground's own upper bounds (limits.ts): Spark has no such
 * bound, so going over it gets a sentence of its own that says so.
 */
function bounded(what: string, min: number, max: number, tooMany: string) {
  const error = expected(what);
  const over = (iss: RawIssue) =>
    `Expected at most ${max} ${tooMany}: the playground's limit (Spark itself sets none; see "Limits" in docs/scenario-format.md); got ${show(iss.input)}.`;
  return z.int({ error }).check(z.gte(min, { error }), z.lte(max, { error: over }));
}

function text(what: string) {
  return z.string({ error: expected(what) });
}

function nonEmptyText(what: string) {
  const error = expected(what);
  return z.string({ error }).check(z.minLength(1, { error }));
}

function object<T extends z.core.$ZodLooseShape>(shape: T, what: string) {
  return z.object(shape, { error: expected(what) });
}

// A DNS-ish host name: dot-separated labels of letters, digits and inner hyphens.
const HOST_NAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

function host(whose: string) {
  const error = expected(
    `${whose} host name (letters, digits and hyphens, dot-separated, like "w1" or "worker-1.example.com")`,
  );
  return z.string({ error }).check(z.regex(HOST_NAME, { error }));
}

const workerCores = bounded(
  'the number of cores the worker offers (SPARK_WORKER_CORES), a whole number of at least 1',
  1,
  LIMITS.workerCores,
  'cores per worker',
);

/** SPARK_WORKER_MEMORY: a Spark memory string, checked with Spark's own parser and message. */
const workerMemory = text(
  'the memory the worker offers (SPARK_WORKER_MEMORY) as a string such as "16g" or "512m"',
).check(
  z.superRefine((value, ctx) => {
    const problem = checkWorkerMemory(value);
    if (problem !== undefined) {
      ctx.addIssue({ code: 'custom', message: problem, input: value });
      return;
    }
    const mb = workerMemoryMb(value);
    if (mb.ok && mb.value > LIMITS.workerMemoryMb)
      ctx.addIssue({
        code: 'custom',
        input: value,
        message: `Expected at most ${LIMITS.workerMemoryMb} MiB (64 TiB) of memory per worker: the playground's limit (Spark itself sets none; see "Limits" in docs/scenario-format.md); got ${show(value)}, which is ${mb.value} MiB.`,
      });
  }),
);

const workerPort = wholeNumber('the worker port (SPARK_WORKER_PORT), a whole number from 0 to 65535', 0, 65535);

const workerSchema = object(
  {
    host: host("the worker's"),
    cores: workerCores,
    memory: workerMemory,
    port: z.optional(workerPort),
  },
  'a worker such as {"host": "w1", "cores": 8, "memory": "16g"}',
);

const masterSchema = object(
  {
    host: host("the master's"),
    port: z._default(
      wholeNumber('the master port (SPARK_MASTER_PORT), a whole number from 1 to 65535', 1, 65535),
      DEFAULT_MASTER_PORT,
    ),
  },
  'a master such as {"host": "master"}',
);

const networkSchema = object(
  {
    // A delay longer than the longest run means the message never arrives; the bound keeps the
    // kernel's seeded jitter draw finite.
    latencyMs: z._default(
      bounded(
        'the one-way network latency in ms, a whole number of at least 0',
        0,
        LIMITS.simulatedMs,
        'ms (7 simulated days) of network latency',
      ),
      DEFAULT_NETWORK.latencyMs,
    ),
    jitterMs: z._default(
      bounded(
        'the network jitter in ms, a whole number of at least 0',
        0,
        LIMITS.simulatedMs,
        'ms (7 simulated days) of network jitter',
      ),
      DEFAULT_NETWORK.jitterMs,
    ),
  },
  'the network settings such as {"latencyMs": 2, "jitterMs": 1}',
);

// ---- actions ------------------------------------------------------------------------------------

const at = bounded(
  'the time of the action in simulated ms from the start, a whole number of at least 0',
  0,
  LIMITS.simulatedMs,
  'ms (7 simulated days) for the time of an action',
);

const exitCode = wholeNumber('the exit code of the process, a whole number from 0 to 255', 0, 255);
const afterMs = wholeNumber('how long after its start the process exits, in ms, a whole number of at least 0', 0);

const workloadSchema = object(
  {
    tasks: bounded('the number of tasks, a whole number of at least 1', 1, LIMITS.tasks, 'tasks per submit'),
    taskMs: bounded(
      'how long each task runs in ms, a whole number of at least 1',
      1,
      LIMITS.taskMs,
      'ms (one simulated day) per task',
    ),
  },
  'a workload such as {"tasks": 100, "taskMs": 500}',
);

/** Errors of a union keyed on `kind`/`type`: a wrong key names the allowed values. */
function unionError(key: string, label: string, allowed: readonly string[], example: string) {
  const list = allowed.map((v) => `"${v}"`).join(', ');
  return (iss: RawIssue) => {
    if (iss.code !== 'invalid_union') return `Expected an object such as ${example}; got ${show(iss.input)}.`;
    const value =
      typeof iss.input === 'object' && iss.input !== null ? (iss.input as Record<string, unknown>)[key] : undefined;
    if (value === undefined) return `Missing: the ${label} ("${key}"), one of ${list}.`;
    const near = typeof value === 'string' ? closestValue(value, allowed) : undefined;
    return `Unknown ${label} ${show(value)}; expected one of ${list}.${near ? ` Did you mean "${near}"?` : ''}`;
  };
}

const crashFields = { kind: z.literal('crash'), afterMs, exitCode };

const executorFaultSchema = z.discriminatedUnion(
  'kind',
  [object({ kind: z.literal('launch-failure') }, 'an executor fault'), object(crashFields, 'an executor fault')],
  {
    error: unionError(
      'kind',
      'executor fault kind',
      ['launch-failure', 'crash'],
      '{"kind": "crash", "afterMs": 2000, "exitCode": 1}',
    ),
  },
);

const driverFaultSchema = z.discriminatedUnion('kind', [object(crashFields, 'a driver fault')], {
  error: unionError('kind', 'driver fault kind', ['crash'], '{"kind": "crash", "afterMs": 2000, "exitCode": 1}'),
});

/** A spark-submit line; semantics.ts runs Spark's own validation on it with the conf of its time. */
const command = nonEmptyText('a spark-submit command line');

const workerTarget = host('the target worker');
const hostPair = z.tuple([host('a'), host('a')], {
  error: expected('two host names such as ["w1", "master"]'),
});

// An executor is named `<appId>/<execId>`; the app id pattern is configurable
// (spark.deploy.appIdPattern), so only the shape is fixed here.
const EXECUTOR_REF = /^[^\s/]+\/\d+$/;
const executorTarget = z
  .string({ error: expected('the executor as <appId>/<execId>, such as "app-20260101000005-0000/0"') })
  .check(
    z.regex(EXECUTOR_REF, { error: expected('the executor as <appId>/<execId>, such as "app-20260101000005-0000/0"') }),
  );

const ID = /^\S+$/;
function idTarget(what: string) {
  const error = expected(what);
  return z.string({ error }).check(z.regex(ID, { error }));
}

export const actionSchemas = {
  submit: object(
    {
      at,
      type: z.literal('submit'),
      command,
      workload: z.optional(workloadSchema),
      executorFault: z.optional(executorFaultSchema),
      driverFault: z.optional(driverFaultSchema),
    },
    'an action',
  ),
  'add-worker': object(
    {
      at,
      type: z.literal('add-worker'),
      host: host("the new worker's"),
      cores: workerCores,
      memory: workerMemory,
      port: z.optional(workerPort),
    },
    'an action',
  ),
  workerTarget: object(
    {
      at,
      type: z.literal(['kill-worker', 'power-off', 'restart-worker', 'decommission-worker', 'remove-worker']),
      target: workerTarget,
    },
    'an action',
  ),
  partition: object(
    {
      at,
      type: z.literal('partition'),
      between: hostPair,
      oneWay: z.optional(z.boolean({ error: expected('true or false') })),
    },
    'an action',
  ),
  heal: object({ at, type: z.literal('heal'), between: z.optional(hostPair) }, 'an action'),
  'kill-executor': object({ at, type: z.literal('kill-executor'), target: executorTarget }, 'an action'),
  driverTarget: object(
    {
      at,
      type: z.literal(['kill-driver', 'crash-driver']),
      target: idTarget('the driver id, such as "driver-20260101000001-0000"'),
    },
    'an action',
  ),
  'kill-app': object(
    { at, type: z.literal('kill-app'), target: idTarget('the application id, such as "app-20260101000005-0000"') },
    'an action',
  ),
  master: object(
    { at, type: z.literal(['kill-master', 'restart-master']), target: z.optional(host('the target master')) },
    'an action',
  ),
  'set-conf': object(
    {
      at,
      type: z.literal('set-conf'),
      key: nonEmptyText('a Spark configuration key such as "spark.deploy.spreadOut"'),
      value: text('the value as a string, as in spark-defaults.conf'),
    },
    'an action',
  ),
} as const;

const ACTION_TYPES = [
  'submit',
  'add-worker',
  'kill-worker',
  'power-off',
  'restart-worker',
  'decommission-worker',
  'remove-worker',
  'partition',
  'heal',
  'kill-executor',
  'kill-driver',
  'crash-driver',
  'kill-app',
  'kill-master',
  'restart-master',
  'set-conf',
] as const satisfies readonly Action['type'][];

const actionSchema = z.discriminatedUnion(
  'type',
  [
    actionSchemas.submit,
    actionSchemas['add-worker'],
    actionSchemas.workerTarget,
    actionSchemas.partition,
    actionSchemas.heal,
    actionSchemas['kill-executor'],
    actionSchemas.driverTarget,
    actionSchemas['kill-app'],
    actionSchemas.master,
    actionSchemas['set-conf'],
  ],
  { error: unionError('type', 'action type', ACTION_TYPES, '{"at": 0, "type": "kill-worker", "target": "w1"}') },
);

// ---- the document -------------------------------------------------------------------------------

function tooLong(max: number, what: string) {
  return (iss: RawIssue) =>
    `Expected at most ${max} ${what}: the playground's limit (see "Limits" in docs/scenario-format.md); got ${Array.isArray(iss.input) ? iss.input.length : show(iss.input)}.`;
}

/** The largest epoch whose year still has four digits, as Spark's yyyyMMddHHmmss ids need. */
const MAX_EPOCH_MS = 253402300799999;

export const scenarioSchema = object(
  {
    version: z.literal(SCENARIO_FORMAT_VERSION, {
      error: expected(`the scenario format version ${SCENARIO_FORMAT_VERSION}`),
    }),
    name: z._default(text('the scenario name as a string'), DEFAULT_SCENARIO_NAME),
    description: z._default(text('the description as a (markdown) string'), ''),
    seed: z._default(wholeNumber('the random seed, a whole number from 0 to 4294967295', 0, 4294967295), DEFAULT_SEED),
    startEpochMs: z._default(
      wholeNumber(
        'the start time in ms since 1970-01-01T00:00:00Z, a whole number of at least 0 before the year 10000',
        0,
        MAX_EPOCH_MS,
      ),
      DEFAULT_START_EPOCH_MS,
    ),
    sparkVersion: z._default(
      z
        .string({ error: expected('a Spark version such as "4.0"') })
        .check(z.regex(/^\d+\.\d+(?:\.\d+)?$/, { error: expected('a Spark version such as "4.0" or "3.5.1"') })),
      DEFAULT_SPARK_VERSION,
    ),
    conf: z._default(
      z.record(
        z.string(),
        z.string({
          error: expected('the value as a string, as in spark-defaults.conf (write "true" or "60", with quotes)'),
        }),
        { error: expected('the configuration as an object of strings, such as {"spark.deploy.spreadOut": "true"}') },
      ),
      () => ({}),
    ),
    masters: z._default(
      z.array(masterSchema, { error: expected('a list of masters such as [{"host": "master"}]') }).check(
        z.minLength(1, {
          error: 'A cluster needs at least one master; leave "masters" out for the default [{"host": "master"}].',
        }),
      ),
      () => [{ host: DEFAULT_MASTER_HOST, port: DEFAULT_MASTER_PORT }],
    ),
    network: z._default(networkSchema, () => ({ ...DEFAULT_NETWORK })),
    workers: z
      .array(workerSchema, {
        error: expected('a list of workers such as [{"host": "w1", "cores": 8, "memory": "16g"}] (it may be empty)'),
      })
      .check(z.maxLength(LIMITS.workers, { error: tooLong(LIMITS.workers, 'workers') })),
    actions: z._default(
      z
        .array(actionSchema, { error: expected('a list of actions (it may be empty)') })
        .check(z.maxLength(LIMITS.actions, { error: tooLong(LIMITS.actions, 'actions') })),
      () => [],
    ),
  },
  'a scenario as a JSON object such as {"version": 1, "workers": [{"host": "w1", "cores": 8, "memory": "16g"}]}',
);

// The hand-written types of types.ts and what the schema produces must agree both ways.
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const scenarioTypesAgree: Same<z.output<typeof scenarioSchema>, Scenario> = true;
const actionTypesAgree: Same<z.output<typeof actionSchema>, Action> = true;
const actionTypeListComplete: Same<(typeof ACTION_TYPES)[number], Action['type']> = true;
void scenarioTypesAgree;
void actionTypesAgree;
void actionTypeListComplete;

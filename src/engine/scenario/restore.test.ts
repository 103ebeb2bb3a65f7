import { describe, expect, it } from 'vitest';
import { restoreScenario } from './restore';
import type { Action, RestoreResult, Scenario, ScenarioIssue } from './types';
import { DEFAULT_START_EPOCH_MS, SCENARIO_FORMAT_VERSION } from './types';

const SUBMIT =
  'spark-submit --master spark://master:7077 --deploy-mode cluster --supervise --executor-cores 2 --total-executor-cores 8 --class org.apache.spark.examples.SparkPi examples.jar 1000';

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

function ok(input: unknown): { scenario: Scenario; warnings: ScenarioIssue[] } {
  const r = restoreScenario(input);
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.errors)}`);
  return r;
}

function errors(input: unknown): ScenarioIssue[] {
  const r: RestoreResult = restoreScenario(input);
  if (r.ok) throw new Error('expected errors, got a scenario');
  return r.errors;
}

function withActions(...actions: unknown[]): Record<string, unknown> {
  return base({ actions });
}

describe('restoreScenario: defaults', () => {
  it('fills every default of docs/scenario-format.md', () => {
    const { scenario, warnings } = ok({ version: 1, workers: [] });
    expect(warnings).toEqual([]);
    expect(scenario).toEqual({
      version: 1,
      name: 'Untitled scenario',
      description: '',
      seed: 1,
      startEpochMs: 1767225600000,
      sparkVersion: '4.0',
      conf: {},
      masters: [{ host: 'master', port: 7077 }],
      network: { latencyMs: 2, jitterMs: 1 },
      workers: [],
      actions: [],
    });
    expect(DEFAULT_START_EPOCH_MS).toBe(Date.UTC(2026, 0, 1));
    expect(SCENARIO_FORMAT_VERSION).toBe(1);
  });

  it('fills nested defaults: master port and a partly given network', () => {
    const { scenario } = ok(base({ masters: [{ host: 'm1' }], network: { latencyMs: 5 } }));
    expect(scenario.masters).toEqual([{ host: 'm1', port: 7077 }]);
    expect(scenario.network).toEqual({ latencyMs: 5, jitterMs: 1 });
  });

  it('keeps given values', () => {
    const doc = base({
      name: 'n',
      description: 'd',
      seed: 7,
      startEpochMs: 0,
      sparkVersion: '3.5',
      conf: { 'spark.deploy.spreadOut': 'false' },
      masters: [{ host: 'm1', port: 7078 }],
      network: { latencyMs: 0, jitterMs: 0 },
    });
    const { scenario } = ok(doc);
    expect(scenario).toMatchObject({
      name: 'n',
      description: 'd',
      seed: 7,
      startEpochMs: 0,
      sparkVersion: '3.5',
      network: { latencyMs: 0, jitterMs: 0 },
    });
    expect(scenario.conf).toEqual({ 'spark.deploy.spreadOut': 'false' });
    expect(scenario.masters).toEqual([{ host: 'm1', port: 7078 }]);
  });

  it('does not share default objects between results', () => {
    const a = ok({ version: 1, workers: [] }).scenario;
    a.conf['spark.x'] = 'y';
    a.masters.push({ host: 'm2', port: 1 });
    a.network.latencyMs = 99;
    const b = ok({ version: 1, workers: [] }).scenario;
    expect(b.conf).toEqual({});
    expect(b.masters).toHaveLength(1);
    expect(b.network.latencyMs).toBe(2);
  });

  it('is idempotent: restoring a restored scenario gives it back', () => {
    const first = ok(
      withActions({ at: 10, type: 'kill-worker', target: 'w1' }, { at: 0, type: 'submit', command: SUBMIT }),
    ).scenario;
    const again = restoreScenario(first);
    expect(again).toEqual({ ok: true, scenario: first, warnings: [] });
  });

  it('does not modify its input', () => {
    const doc = withActions({ at: 10, type: 'heal' }, { at: 0, type: 'heal' });
    const copy = structuredClone(doc);
    ok(doc);
    expect(doc).toEqual(copy);
  });
});

describe('restoreScenario: JSON text', () => {
  it('accepts JSON text as well as a parsed value', () => {
    expect(ok(JSON.stringify(base())).scenario).toEqual(ok(base()).scenario);
  });

  it('reports invalid JSON as one error at the document, with the parser position', () => {
    const r = restoreScenario('{\n  "version": 1,\n}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.path).toBe('');
    expect(r.errors[0]?.message).toMatch(/^The file is not valid JSON: .*position 18.*line 3, column 1/);
  });

  it('words the JSON error after the source', () => {
    expect(restoreScenario('{', { source: 'url' })).toMatchObject({
      ok: false,
      errors: [{ path: '', message: expect.stringMatching(/^The link is not valid JSON: /) }],
    });
    expect(restoreScenario('', { source: 'storage' })).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringMatching(/^The saved scenario is not valid JSON: /) }],
    });
    expect(restoreScenario('x', { source: 'cli' })).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringMatching(/^The input is not valid JSON: /) }],
    });
  });

  it('rejects a document that is not an object', () => {
    for (const input of [null, 3, [], '[1]', '"text"', undefined]) {
      expect(errors(input)).toEqual([
        {
          path: '',
          message: 'The file does not hold a scenario: expected a JSON object such as {"version": 1, "workers": []}.',
        },
      ]);
    }
  });
});

describe('restoreScenario: versions and migration', () => {
  it('requires a version', () => {
    expect(errors({ workers: [] })).toEqual([
      { path: 'version', message: 'Missing: the scenario format version (this playground writes 1).' },
    ]);
  });

  it('rejects a version that is not a whole number ≥ 1', () => {
    expect(errors({ version: '1', workers: [] })).toEqual([
      { path: 'version', message: 'Expected the scenario format version, a whole number of at least 1; got "1".' },
    ]);
    expect(errors({ version: 0, workers: [] })[0]?.message).toContain('got 0.');
    expect(errors({ version: 1.5, workers: [] })[0]?.message).toContain('got 1.5.');
  });

  it('refuses a newer version with a clear message', () => {
    expect(errors({ version: 2, workers: [] })).toEqual([
      {
        path: 'version',
        message:
          'This scenario was made by a newer version of the playground (format version 2; this one reads up to 1).',
      },
    ]);
    expect(errors({ version: 17 })[0]?.message).toBe(
      'This scenario was made by a newer version of the playground (format version 17; this one reads up to 1).',
    );
  });
});

describe('restoreScenario: unknown fields are warnings', () => {
  it('warns with the path of each unknown field, at every level, and strips it', () => {
    const r = ok({
      version: 1,
      colour: 'blue',
      masters: [{ host: 'master', zone: 'a' }],
      network: { latencyMs: 2, lossRate: 0.1 },
      workers: [{ host: 'w1', cores: 8, memory: '16g', core: 4 }],
      actions: [
        {
          at: 0,
          type: 'submit',
          command: SUBMIT,
          workload: { tasks: 10, taskMs: 100, skew: 2 },
          executorFault: { kind: 'crash', afterMs: 1, exitCode: 1, when: 'x' },
        },
        { at: 0, type: 'kill-worker', target: 'w1', reason: 'test' },
      ],
    });
    expect(r.warnings).toEqual([
      { path: 'colour', message: 'Unknown field "colour" is ignored.' },
      { path: 'masters[0].zone', message: 'Unknown field "zone" is ignored.' },
      { path: 'network.lossRate', message: 'Unknown field "lossRate" is ignored.' },
      { path: 'workers[0].core', message: 'Unknown field "core" is ignored. Did you mean "cores"?' },
      { path: 'actions[0].workload.skew', message: 'Unknown field "skew" is ignored.' },
      { path: 'actions[0].executorFault.when', message: 'Unknown field "when" is ignored.' },
      { path: 'actions[1].reason', message: 'Unknown field "reason" is ignored.' },
    ]);
    expect(r.scenario).not.toHaveProperty('colour');
    expect(r.scenario.workers[0]).toEqual({ host: 'w1', cores: 8, memory: '16g' });
    expect(r.scenario.masters[0]).toEqual({ host: 'master', port: 7077 });
  });

  it('still reports unknown fields when the scenario has errors', () => {
    const r = restoreScenario(withActions({ at: 0, type: 'kill-worker', tagret: 'w1' }));
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          path: 'actions[0].target',
          message:
            'Missing: the target worker host name (letters, digits and hyphens, dot-separated, like "w1" or "worker-1.example.com").',
        },
      ],
      warnings: [{ path: 'actions[0].tagret', message: 'Unknown field "tagret" is ignored. Did you mean "target"?' }],
    });
  });

  it('quotes keys that are not identifiers in paths', () => {
    const r = ok(base({ 'my field': 1 }));
    expect(r.warnings).toEqual([{ path: '["my field"]', message: 'Unknown field "my field" is ignored.' }]);
  });
});

describe('restoreScenario: top-level fields', () => {
  it.each([
    [{ name: 3 }, 'name', 'Expected the scenario name as a string; got 3.'],
    [{ description: null }, 'description', 'Expected the description as a (markdown) string; got null.'],
    [{ seed: -1 }, 'seed', 'Expected the random seed, a whole number from 0 to 4294967295; got -1.'],
    [{ seed: 2 ** 32 }, 'seed', 'Expected the random seed, a whole number from 0 to 4294967295; got 4294967296.'],
    [{ seed: 1.5 }, 'seed', 'Expected the random seed, a whole number from 0 to 4294967295; got 1.5.'],
    [
      { startEpochMs: '2026' },
      'startEpochMs',
      'Expected the start time in ms since 1970-01-01T00:00:00Z, a whole number of at least 0 before the year 10000; got "2026".',
    ],
    [{ sparkVersion: 4 }, 'sparkVersion', 'Expected a Spark version such as "4.0"; got 4.'],
    [{ sparkVersion: 'latest' }, 'sparkVersion', 'Expected a Spark version such as "4.0" or "3.5.1"; got "latest".'],
    [
      { conf: [] },
      'conf',
      'Expected the configuration as an object of strings, such as {"spark.deploy.spreadOut": "true"}; got a list of 0 items.',
    ],
    [
      { conf: { 'spark.worker.timeout': 60 } },
      'conf["spark.worker.timeout"]',
      'Expected the value as a string, as in spark-defaults.conf (write "true" or "60", with quotes); got 60.',
    ],
    [
      { masters: [] },
      'masters',
      'A cluster needs at least one master; leave "masters" out for the default [{"host": "master"}].',
    ],
    [{ masters: {} }, 'masters', 'Expected a list of masters such as [{"host": "master"}]; got an object.'],
    [
      { masters: [{ host: 'm1', port: 0 }] },
      'masters[0].port',
      'Expected the master port (SPARK_MASTER_PORT), a whole number from 1 to 65535; got 0.',
    ],
    [{ masters: ['m1'] }, 'masters[0]', 'Expected a master such as {"host": "master"}; got "m1".'],
    [
      { network: { latencyMs: -1 } },
      'network.latencyMs',
      'Expected the one-way network latency in ms, a whole number of at least 0; got -1.',
    ],
    [
      { network: { jitterMs: 0.5 } },
      'network.jitterMs',
      'Expected the network jitter in ms, a whole number of at least 0; got 0.5.',
    ],
    [{ network: 2 }, 'network', 'Expected the network settings such as {"latencyMs": 2, "jitterMs": 1}; got 2.'],
    [
      { workers: undefined },
      'workers',
      'Missing: a list of workers such as [{"host": "w1", "cores": 8, "memory": "16g"}] (it may be empty).',
    ],
    [{ actions: {} }, 'actions', 'Expected a list of actions (it may be empty); got an object.'],
  ])('%j → %s', (extra, path, message) => {
    expect(errors(base(extra))).toEqual([{ path, message }]);
  });

  it('reports every problem at once, in document order', () => {
    const errs = errors({
      version: 1,
      seed: 'x',
      workers: [{ host: 'w 1', cores: 0, memory: '16g' }],
      actions: [{ at: -5, type: 'heal' }],
    });
    expect(errs.map((e) => e.path)).toEqual(['seed', 'workers[0].host', 'workers[0].cores', 'actions[0].at']);
  });

  it('never lets a zod default message through', () => {
    const messy = {
      version: 1,
      name: [],
      seed: {},
      conf: 'x',
      masters: [{}],
      network: { latencyMs: 'a' },
      workers: [{ port: 'x' }, 5],
      actions: [5, {}, { type: 'submit' }, { type: 'partition', between: [1, 2, 3] }],
    };
    const errs = errors(messy);
    expect(errs.length).toBeGreaterThan(10);
    for (const e of errs) expect(e.message).not.toMatch(/Invalid input|Too (small|big)|expected/);
  });
});

describe('restoreScenario: workers', () => {
  it.each([
    [
      { host: 'w1', cores: 0, memory: '1g' },
      'workers[0].cores',
      'Expected the number of cores the worker offers (SPARK_WORKER_CORES), a whole number of at least 1; got 0.',
    ],
    [
      { host: 'w1', cores: '8', memory: '1g' },
      'workers[0].cores',
      'Expected the number of cores the worker offers (SPARK_WORKER_CORES), a whole number of at least 1; got "8".',
    ],
    [
      { host: 'w1', memory: '1g' },
      'workers[0].cores',
      'Missing: the number of cores the worker offers (SPARK_WORKER_CORES), a whole number of at least 1.',
    ],
    [
      { host: 'w1', cores: 8 },
      'workers[0].memory',
      'Missing: the memory the worker offers (SPARK_WORKER_MEMORY) as a string such as "16g" or "512m".',
    ],
    [
      { host: 'w1', cores: 8, memory: 16384 },
      'workers[0].memory',
      'Expected the memory the worker offers (SPARK_WORKER_MEMORY) as a string such as "16g" or "512m"; got 16384.',
    ],
    [
      { host: 'w_1', cores: 8, memory: '1g' },
      'workers[0].host',
      'Expected the worker\'s host name (letters, digits and hyphens, dot-separated, like "w1" or "worker-1.example.com"); got "w_1".',
    ],
    [
      { host: '-w1', cores: 8, memory: '1g' },
      'workers[0].host',
      'Expected the worker\'s host name (letters, digits and hyphens, dot-separated, like "w1" or "worker-1.example.com"); got "-w1".',
    ],
    [
      { host: '', cores: 8, memory: '1g' },
      'workers[0].host',
      'Expected the worker\'s host name (letters, digits and hyphens, dot-separated, like "w1" or "worker-1.example.com"); got "".',
    ],
    [
      { host: 'w1', cores: 8, memory: '1g', port: 70000 },
      'workers[0].port',
      'Expected the worker port (SPARK_WORKER_PORT), a whole number from 0 to 65535; got 70000.',
    ],
  ])('%j → %s', (worker, path, message) => {
    expect(errors({ version: 1, workers: [worker] })).toEqual([{ path, message }]);
  });

  it('accepts DNS-style names and an explicit port', () => {
    const { scenario } = ok({
      version: 1,
      workers: [{ host: 'worker-1.rack2.example.com', cores: 1, memory: '512m', port: 7078 }],
    });
    expect(scenario.workers).toEqual([{ host: 'worker-1.rack2.example.com', cores: 1, memory: '512m', port: 7078 }]);
  });

  it('rejects duplicate hosts, and hosts taken by a master or the client', () => {
    expect(
      errors({
        version: 1,
        masters: [{ host: 'm1' }],
        workers: [
          { host: 'w1', cores: 1, memory: '1g' },
          { host: 'w1', cores: 1, memory: '1g' },
          { host: 'm1', cores: 1, memory: '1g' },
          { host: 'client', cores: 1, memory: '1g' },
        ],
      }),
    ).toEqual([
      { path: 'workers[1].host', message: '"w1" is already a worker; every worker needs its own host.' },
      { path: 'workers[2].host', message: '"m1" is the host of masters[0]; a worker needs a host of its own.' },
      {
        path: 'workers[3].host',
        message: '"client" is the machine spark-submit runs on; give the worker another host name.',
      },
    ]);
  });
});

describe('restoreScenario: masters', () => {
  it('needs ZooKeeper for standby masters', () => {
    expect(errors(base({ masters: [{ host: 'm1' }, { host: 'm2' }] }))).toEqual([
      {
        path: 'masters',
        message:
          '2 masters are listed, but standby masters need ZooKeeper: set conf "spark.deploy.recoveryMode" to "ZOOKEEPER" (it is "NONE"), or list one master.',
      },
    ]);
    expect(
      errors(
        base({ masters: [{ host: 'm1' }, { host: 'm2' }], conf: { 'spark.deploy.recoveryMode': 'FILESYSTEM' } }),
      )[0]?.message,
    ).toContain('(it is "FILESYSTEM")');
    expect(
      errors(base({ masters: [{ host: 'm1' }, { host: 'm2' }], conf: { 'spark.deploy.recoveryMode': 'zookeeper' } }))[0]
        ?.message,
    ).toContain('(it is "zookeeper") (Spark compares it case-sensitively: write it in capitals)');
  });

  it('accepts standby masters with ZOOKEEPER', () => {
    const { scenario } = ok(
      base({ masters: [{ host: 'm1' }, { host: 'm2' }], conf: { 'spark.deploy.recoveryMode': 'ZOOKEEPER' } }),
    );
    expect(scenario.masters.map((m) => m.host)).toEqual(['m1', 'm2']);
  });

  it('rejects duplicate master hosts and the client host', () => {
    const conf = { 'spark.deploy.recoveryMode': 'ZOOKEEPER' };
    expect(errors(base({ conf, masters: [{ host: 'm1' }, { host: 'm1', port: 7078 }, { host: 'client' }] }))).toEqual([
      { path: 'masters[1].host', message: '"m1" is already the host of masters[0]; every master needs its own host.' },
      {
        path: 'masters[2].host',
        message: '"client" is the machine spark-submit runs on; give the master another host name.',
      },
    ]);
  });
});

describe('restoreScenario: conf', () => {
  it('warns about and drops non-Spark keys, as Spark does', () => {
    const r = ok(base({ conf: { 'spark.worker.timeout': '30', foo: 'bar' } }));
    expect(r.warnings).toEqual([
      {
        path: 'conf.foo',
        message: 'Ignoring non-Spark config property: foo (Spark only reads keys that start with "spark.").',
      },
    ]);
    expect(r.scenario.conf).toEqual({ 'spark.worker.timeout': '30' });
  });
});

describe('restoreScenario: actions', () => {
  const valid: Action[] = [
    { at: 0, type: 'submit', command: SUBMIT },
    {
      at: 0,
      type: 'submit',
      command: SUBMIT,
      workload: { tasks: 100, taskMs: 500 },
      executorFault: { kind: 'crash', afterMs: 2000, exitCode: 1 },
      driverFault: { kind: 'crash', afterMs: 3000, exitCode: 137 },
    },
    { at: 1, type: 'submit', command: SUBMIT, executorFault: { kind: 'launch-failure' } },
    { at: 2, type: 'add-worker', host: 'w3', cores: 4, memory: '8g' },
    { at: 2, type: 'add-worker', host: 'w4', cores: 4, memory: '8g', port: 7078 },
    { at: 3, type: 'kill-worker', target: 'w1' },
    { at: 3, type: 'power-off', target: 'w3' },
    { at: 3, type: 'power-off', target: 'master' },
    { at: 4, type: 'restart-worker', target: 'w1' },
    { at: 5, type: 'decommission-worker', target: 'w2' },
    { at: 6, type: 'partition', between: ['w1', 'master'] },
    { at: 6, type: 'partition', between: ['client', 'w4'], oneWay: true },
    { at: 7, type: 'heal', between: ['w1', 'master'] },
    { at: 7, type: 'heal' },
    { at: 8, type: 'kill-executor', target: 'app-20260101000005-0000/0' },
    { at: 9, type: 'kill-driver', target: 'driver-20260101000001-0000' },
    { at: 9, type: 'crash-driver', target: 'driver-20260101000001-0000' },
    { at: 10, type: 'kill-app', target: 'app-20260101000005-0000' },
    { at: 11, type: 'kill-master' },
    { at: 11, type: 'kill-master', target: 'master' },
    { at: 12, type: 'restart-master' },
    { at: 12, type: 'restart-master', target: 'master' },
    { at: 13, type: 'set-conf', key: 'spark.deploy.spreadOut', value: 'false' },
    { at: 13, type: 'set-conf', key: 'network.latencyMs', value: '20' },
    { at: 13, type: 'set-conf', key: 'network.jitterMs', value: '0' },
  ];

  it('accepts every action type, unchanged', () => {
    const r = ok(withActions(...valid));
    expect(r.warnings).toEqual([]);
    expect(r.scenario.actions).toEqual(valid);
    expect(new Set(r.scenario.actions.map((a) => a.type)).size).toBe(15);
  });

  it('sorts actions by time, keeping document order for ties', () => {
    const r = ok(
      withActions(
        { at: 30, type: 'heal', between: ['w1', 'w2'] },
        { at: 10, type: 'kill-worker', target: 'w1' },
        { at: 20, type: 'heal' },
        { at: 10, type: 'restart-worker', target: 'w1' },
        { at: 0, type: 'kill-master' },
        { at: 10, type: 'decommission-worker', target: 'w2' },
      ),
    );
    expect(r.scenario.actions.map((a) => `${a.at}:${a.type}`)).toEqual([
      '0:kill-master',
      '10:kill-worker',
      '10:restart-worker',
      '10:decommission-worker',
      '20:heal',
      '30:heal',
    ]);
  });

  it.each<[unknown, string, string]>([
    [
      { type: 'heal' },
      'actions[0].at',
      'Missing: the time of the action in simulated ms from the start, a whole number of at least 0.',
    ],
    [
      { at: -1, type: 'heal' },
      'actions[0].at',
      'Expected the time of the action in simulated ms from the start, a whole number of at least 0; got -1.',
    ],
    [
      { at: 2.5, type: 'heal' },
      'actions[0].at',
      'Expected the time of the action in simulated ms from the start, a whole number of at least 0; got 2.5.',
    ],
    [
      { at: '5', type: 'heal' },
      'actions[0].at',
      'Expected the time of the action in simulated ms from the start, a whole number of at least 0; got "5".',
    ],
    [
      { at: 0 },
      'actions[0].type',
      'Missing: the action type ("type"), one of "submit", "add-worker", "kill-worker", "power-off", "restart-worker", "decommission-worker", "remove-worker", "partition", "heal", "kill-executor", "kill-driver", "crash-driver", "kill-app", "kill-master", "restart-master", "set-conf".',
    ],
    [
      { at: 0, type: 'kill-wroker', target: 'w1' },
      'actions[0].type',
      'Unknown action type "kill-wroker"; expected one of "submit", "add-worker", "kill-worker", "power-off", "restart-worker", "decommission-worker", "remove-worker", "partition", "heal", "kill-executor", "kill-driver", "crash-driver", "kill-app", "kill-master", "restart-master", "set-conf". Did you mean "kill-worker"?',
    ],
    ['heal', 'actions[0]', 'Expected an object such as {"at": 0, "type": "kill-worker", "target": "w1"}; got "heal".'],
    // submit
    [{ at: 0, type: 'submit' }, 'actions[0].command', 'Missing: a spark-submit command line.'],
    [{ at: 0, type: 'submit', command: '' }, 'actions[0].command', 'Expected a spark-submit command line; got "".'],
    [
      { at: 0, type: 'submit', command: SUBMIT, workload: { tasks: 0, taskMs: 100 } },
      'actions[0].workload.tasks',
      'Expected the number of tasks, a whole number of at least 1; got 0.',
    ],
    [
      { at: 0, type: 'submit', command: SUBMIT, workload: { tasks: 10 } },
      'actions[0].workload.taskMs',
      'Missing: how long each task runs in ms, a whole number of at least 1.',
    ],
    [
      { at: 0, type: 'submit', command: SUBMIT, workload: 10 },
      'actions[0].workload',
      'Expected a workload such as {"tasks": 100, "taskMs": 500}; got 10.',
    ],
    [
      { at: 0, type: 'submit', command: SUBMIT, executorFault: { kind: 'oom' } },
      'actions[0].executorFault.kind',
      'Unknown executor fault kind "oom"; expected one of "launch-failure", "crash".',
    ],
    [
      { at: 0, type: 'submit', command: SUBMIT, executorFault: {} },
      'actions[0].executorFault.kind',
      'Missing: the executor fault kind ("kind"), one of "launch-failure", "crash".',
    ],
    [
      { at: 0, type: 'submit', command: SUBMIT, executorFault: 'crash' },
      'actions[0].executorFault',
      'Expected an object such as {"kind": "crash", "afterMs": 2000, "exitCode": 1}; got "crash".',
    ],
    [
      { at: 0, type: 'submit', command: SUBMIT, executorFault: { kind: 'crash', exitCode: 1 } },
      'actions[0].executorFault.afterMs',
      'Missing: how long after its start the process exits, in ms, a whole number of at least 0.',
    ],
    [
      { at: 0, type: 'submit', command: SUBMIT, executorFault: { kind: 'crash', afterMs: 10, exitCode: 256 } },
      'actions[0].executorFault.exitCode',
      'Expected the exit code of the process, a whole number from 0 to 255; got 256.',
    ],
    [
      { at: 0, type: 'submit', command: SUBMIT, driverFault: { kind: 'launch-failure' } },
      'actions[0].driverFault.kind',
      'Unknown driver fault kind "launch-failure"; expected one of "crash".',
    ],
    [
      { at: 0, type: 'submit', command: SUBMIT, driverFault: { kind: 'crash', afterMs: 10 } },
      'actions[0].driverFault.exitCode',
      'Missing: the exit code of the process, a whole number from 0 to 255.',
    ],
    // add-worker
    [
      { at: 0, type: 'add-worker', host: 'w3', cores: 4 },
      'actions[0].memory',
      'Missing: the memory the worker offers (SPARK_WORKER_MEMORY) as a string such as "16g" or "512m".',
    ],
    [
      { at: 0, type: 'add-worker', host: 'w3', cores: -4, memory: '1g' },
      'actions[0].cores',
      'Expected the number of cores the worker offers (SPARK_WORKER_CORES), a whole number of at least 1; got -4.',
    ],
    [
      { at: 0, type: 'add-worker', cores: 4, memory: '1g' },
      'actions[0].host',
      'Missing: the new worker\'s host name (letters, digits and hyphens, dot-separated, like "w1" or "worker-1.example.com").',
    ],
    [
      { at: 0, type: 'add-worker', host: 'w3', cores: 4, memory: '1g', port: -1 },
      'actions[0].port',
      'Expected the worker port (SPARK_WORKER_PORT), a whole number from 0 to 65535; got -1.',
    ],
    // worker targets
    ...(['kill-worker', 'power-off', 'restart-worker', 'decommission-worker', 'remove-worker'] as const).map(
      (type): [unknown, string, string] => [
        { at: 0, type },
        'actions[0].target',
        'Missing: the target worker host name (letters, digits and hyphens, dot-separated, like "w1" or "worker-1.example.com").',
      ],
    ),
    // partition / heal
    [{ at: 0, type: 'partition' }, 'actions[0].between', 'Missing: two host names such as ["w1", "master"].'],
    [
      { at: 0, type: 'partition', between: ['w1', 'w2', 'w3'] },
      'actions[0].between',
      'Expected two host names such as ["w1", "master"]; got a list of 3 items.',
    ],
    [
      { at: 0, type: 'partition', between: ['w1', 2] },
      'actions[0].between[1]',
      'Expected a host name (letters, digits and hyphens, dot-separated, like "w1" or "worker-1.example.com"); got 2.',
    ],
    [
      { at: 0, type: 'partition', between: ['w1', 'w2'], oneWay: 'yes' },
      'actions[0].oneWay',
      'Expected true or false; got "yes".',
    ],
    [
      { at: 0, type: 'heal', between: 'w1' },
      'actions[0].between',
      'Expected two host names such as ["w1", "master"]; got "w1".',
    ],
    // executor, driver, app
    [
      { at: 0, type: 'kill-executor', target: 'app-20260101000005-0000' },
      'actions[0].target',
      'Expected the executor as <appId>/<execId>, such as "app-20260101000005-0000/0"; got "app-20260101000005-0000".',
    ],
    [
      { at: 0, type: 'kill-executor', target: 'app-1/x' },
      'actions[0].target',
      'Expected the executor as <appId>/<execId>, such as "app-20260101000005-0000/0"; got "app-1/x".',
    ],
    [
      { at: 0, type: 'kill-driver' },
      'actions[0].target',
      'Missing: the driver id, such as "driver-20260101000001-0000".',
    ],
    [
      { at: 0, type: 'crash-driver', target: 'driver 1' },
      'actions[0].target',
      'Expected the driver id, such as "driver-20260101000001-0000"; got "driver 1".',
    ],
    [
      { at: 0, type: 'kill-app', target: '' },
      'actions[0].target',
      'Expected the application id, such as "app-20260101000005-0000"; got "".',
    ],
    // masters
    [
      { at: 0, type: 'kill-master', target: 7 },
      'actions[0].target',
      'Expected the target master host name (letters, digits and hyphens, dot-separated, like "w1" or "worker-1.example.com"); got 7.',
    ],
    [
      { at: 0, type: 'restart-master', target: 'm 1' },
      'actions[0].target',
      'Expected the target master host name (letters, digits and hyphens, dot-separated, like "w1" or "worker-1.example.com"); got "m 1".',
    ],
    // set-conf
    [
      { at: 0, type: 'set-conf', value: 'x' },
      'actions[0].key',
      'Missing: a Spark configuration key such as "spark.deploy.spreadOut".',
    ],
    [
      { at: 0, type: 'set-conf', key: 'spark.deploy.spreadOut', value: false },
      'actions[0].value',
      'Expected the value as a string, as in spark-defaults.conf; got false.',
    ],
  ])('rejects %j at %s', (action, path, message) => {
    expect(errors(withActions(action))).toEqual([{ path, message }]);
  });

  describe('targets must exist when the action happens', () => {
    it('names the workers of that moment', () => {
      expect(errors(withActions({ at: 20000, type: 'kill-worker', target: 'w9' }))).toEqual([
        { path: 'actions[0].target', message: '"w9" is not a worker at 20000 ms. Workers then: w1, w2.' },
      ]);
      expect(errors(withActions({ at: 0, type: 'decommission-worker', target: 'W1' }))).toEqual([
        {
          path: 'actions[0].target',
          message:
            '"W1" is not a worker at 0 ms as written: the scenario spells the host "w1". Host names are not case-sensitive, but the simulation matches them as written. Did you mean "w1"?',
        },
      ]);
    });

    it('counts workers added earlier, in timeline order rather than document order', () => {
      const r = ok(
        withActions(
          { at: 5000, type: 'kill-worker', target: 'w3' },
          { at: 1000, type: 'add-worker', host: 'w3', cores: 4, memory: '8g' },
          { at: 1000, type: 'restart-worker', target: 'w3' },
        ),
      );
      expect(r.scenario.actions.map((a) => a.type)).toEqual(['add-worker', 'restart-worker', 'kill-worker']);
    });

    it('explains a target that is only added later', () => {
      expect(
        errors(
          withActions(
            { at: 500, type: 'power-off', target: 'w3' },
            { at: 1000, type: 'add-worker', host: 'w3', cores: 4, memory: '8g' },
          ),
        ),
      ).toEqual([
        {
          path: 'actions[0].target',
          message: '"w3" is not a worker or master host yet at 500 ms (add-worker adds it at 1000 ms).',
        },
      ]);
      // Same time, but listed after: the add-worker has not happened yet.
      expect(
        errors(
          withActions(
            { at: 1000, type: 'restart-worker', target: 'w3' },
            { at: 1000, type: 'add-worker', host: 'w3', cores: 4, memory: '8g' },
          ),
        ),
      ).toEqual([
        { path: 'actions[0].target', message: '"w3" is not a worker yet at 1000 ms (add-worker adds it at 1000 ms).' },
      ]);
    });

    it('rejects an add-worker whose host is taken', () => {
      expect(
        errors(
          withActions(
            { at: 1, type: 'add-worker', host: 'w1', cores: 4, memory: '8g' },
            { at: 2, type: 'add-worker', host: 'master', cores: 4, memory: '8g' },
            { at: 3, type: 'add-worker', host: 'w3', cores: 4, memory: '8g' },
            { at: 4, type: 'add-worker', host: 'w3', cores: 4, memory: '8g' },
          ),
        ),
      ).toEqual([
        {
          path: 'actions[0].host',
          message:
            '"w1" is already a worker at 1 ms (restart-worker starts a stopped worker again); every worker needs its own host.',
        },
        { path: 'actions[1].host', message: '"master" is the host of masters[0]; a worker needs a host of its own.' },
        {
          path: 'actions[3].host',
          message:
            '"w3" is already a worker at 4 ms (restart-worker starts a stopped worker again); every worker needs its own host.',
        },
      ]);
    });

    it('checks partition hosts against every host of the scenario', () => {
      ok(
        withActions(
          { at: 0, type: 'partition', between: ['w3', 'client'] },
          { at: 10, type: 'add-worker', host: 'w3', cores: 1, memory: '1g' },
        ),
      );
      expect(errors(withActions({ at: 0, type: 'partition', between: ['w1', 'mastr'] }))).toEqual([
        {
          path: 'actions[0].between[1]',
          message: '"mastr" is not a host of this scenario (hosts: master, w1, w2, client). Did you mean "master"?',
        },
      ]);
      expect(errors(withActions({ at: 0, type: 'heal', between: ['w1', 'w1'] }))).toEqual([
        { path: 'actions[0].between', message: 'A partition needs two different hosts; got "w1" twice.' },
      ]);
    });

    it('checks master targets', () => {
      expect(errors(withActions({ at: 0, type: 'kill-master', target: 'w1' }))).toEqual([
        { path: 'actions[0].target', message: '"w1" is not a master host (masters: master).' },
      ]);
      expect(errors(withActions({ at: 0, type: 'restart-master', target: 'masters' }))).toEqual([
        {
          path: 'actions[0].target',
          message: '"masters" is not a master host (masters: master). Did you mean "master"?',
        },
      ]);
    });
  });

  it('warns about and drops set-conf of a non-Spark key', () => {
    const r = ok(withActions({ at: 5, type: 'set-conf', key: 'worker.timeout', value: '30' }, { at: 6, type: 'heal' }));
    expect(r.warnings).toEqual([
      {
        path: 'actions[0].key',
        message:
          'Ignoring non-Spark config property: worker.timeout (Spark only reads keys that start with "spark."; the network keys are network.latencyMs and network.jitterMs).',
      },
    ]);
    expect(r.scenario.actions).toEqual([{ at: 6, type: 'heal' }]);
  });
});

describe("restoreScenario: worker memory (Spark's SPARK_WORKER_MEMORY grammar)", () => {
  it.each(['16g', '16G', '512m', '1024M', '2gb', '1t', '1073741824', ' 8g '])('accepts %j', (memory) => {
    expect(ok({ version: 1, workers: [{ host: 'w1', cores: 1, memory }] }).scenario.workers[0]?.memory).toBe(memory);
  });

  it.each([
    [
      '512',
      'A Worker with SPARK_WORKER_MEMORY="512" would not start: Memory is below 1MB, or missing a M/G at the end of the memory specification?',
    ],
    [
      '0g',
      'A Worker with SPARK_WORKER_MEMORY="0g" would not start: Memory is below 1MB, or missing a M/G at the end of the memory specification?',
    ],
    [
      '1.5g',
      'A Worker with SPARK_WORKER_MEMORY="1.5g" would not start: Size must be specified as bytes (b), kibibytes (k), mebibytes (m), gibibytes (g), tebibytes (t), or pebibytes(p). E.g. 50b, 100k, or 250m. Fractional values are not supported. Input was: 1.5',
    ],
    [
      '16x',
      'A Worker with SPARK_WORKER_MEMORY="16x" would not start: Size must be specified as bytes (b), kibibytes (k), mebibytes (m), gibibytes (g), tebibytes (t), or pebibytes(p). E.g. 50b, 100k, or 250m. Invalid suffix: "x"',
    ],
    [
      'lots',
      'A Worker with SPARK_WORKER_MEMORY="lots" would not start: Size must be specified as bytes (b), kibibytes (k), mebibytes (m), gibibytes (g), tebibytes (t), or pebibytes(p). E.g. 50b, 100k, or 250m. Failed to parse byte string: lots',
    ],
  ])("rejects %j with Spark's message", (memory, message) => {
    expect(errors({ version: 1, workers: [{ host: 'w1', cores: 1, memory }] })).toEqual([
      { path: 'workers[0].memory', message },
    ]);
    expect(errors(withActions({ at: 0, type: 'add-worker', host: 'w3', cores: 1, memory }))).toEqual([
      { path: 'actions[0].memory', message },
    ]);
  });
});

describe('restoreScenario: spark-submit lines', () => {
  const J = '/opt/spark/examples/jars/spark-examples_2.13-4.0.0.jar';
  const submit = (command: string, at = 0) => ({ at, type: 'submit', command });

  it.each([
    [
      `spark-submit --master spark://master:7077 --executor-cores 0 --class org.apache.spark.examples.SparkPi ${J} 10`,
      'Executor cores must be a positive number',
    ],
    [
      `spark-submit --master spark://master:7077 --deploy-mode server --class org.apache.spark.examples.SparkPi ${J} 10`,
      '--deploy-mode must be either "client" or "cluster"',
    ],
    [
      `spark-submit --master spark://master:7077 --bogus --class org.apache.spark.examples.SparkPi ${J} 10`,
      'Unrecognized option: --bogus',
    ],
    [
      'spark-submit --master spark://master:7077 --class org.apache.spark.examples.SparkPi',
      'Missing application resource.',
    ],
  ])("reports Spark's own error for %s", (command, message) => {
    expect(errors(withActions(submit(command)))).toEqual([{ path: 'actions[0].command', message }]);
  });

  it('says when a line submits nothing', () => {
    expect(errors(withActions(submit('spark-submit --help')))).toEqual([
      { path: 'actions[0].command', message: 'This spark-submit line only prints its usage; it submits nothing.' },
    ]);
  });

  it('reads the cluster conf of the moment, as spark-submit reads spark-defaults.conf', () => {
    const noMaster = `spark-submit --class org.apache.spark.examples.SparkPi ${J} 10`;
    expect(errors(withActions(submit(noMaster)))[0]?.path).toBe('actions[0].command');
    ok(base({ conf: { 'spark.master': 'spark://master:7077' }, actions: [submit(noMaster)] }));
    // A set-conf earlier on the timeline counts, a later one does not.
    ok(
      withActions(submit(noMaster, 10), { at: 5, type: 'set-conf', key: 'spark.master', value: 'spark://master:7077' }),
    );
    expect(
      errors(
        withActions(submit(noMaster, 1), {
          at: 5,
          type: 'set-conf',
          key: 'spark.master',
          value: 'spark://master:7077',
        }),
      )[0]?.path,
    ).toBe('actions[0].command');
  });

  it("passes on Spark's warnings", () => {
    const r = ok(
      withActions(
        submit(
          `spark-submit --master spark://master:7077 --conf foo=bar --class org.apache.spark.examples.SparkPi ${J} 10`,
        ),
      ),
    );
    expect(r.warnings).toEqual([
      { path: 'actions[0].command', message: 'spark-submit warns: Ignoring non-Spark config property: foo' },
    ]);
  });

  it('warns when the line names a master the scenario does not have', () => {
    const r = ok(
      withActions(submit(`spark-submit --master spark://mastr:7077 --class org.apache.spark.examples.SparkPi ${J} 10`)),
    );
    expect(r.warnings).toEqual([
      {
        path: 'actions[0].command',
        message:
          'spark-submit will contact the master on "mastr", which is not a master of this scenario (masters: master), so the submission will fail. Did you mean "master"?',
      },
    ]);
  });

  it('checks the network set-conf keys', () => {
    expect(errors(withActions({ at: 0, type: 'set-conf', key: 'network.latencyMs', value: 'fast' }))).toEqual([
      {
        path: 'actions[0].value',
        message: `Expected network.latencyMs as a whole number of ms from 0 to 604800000 (7 simulated days, the playground's limit), in a string such as "20"; got "fast".`,
      },
    ]);
  });
});

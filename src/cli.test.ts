// The headless runner's contract (docs/architecture.md, "The headless runner"): one JSON document on stdout; bad input gets a
// clear message on stderr and exit code 2, never a stack trace; only a bug in the simulator exits 1.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

function sim(args: string[], input?: string, opts: { env?: Record<string, string>; node?: string[] } = {}) {
  const r = spawnSync(TSX, [...(opts.node ?? []), 'src/cli.ts', ...args], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...opts.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A stack trace line ("    at main (cli.ts:55:3)"). */
const STACK = /\n\s+at /;

function tempFile(name: string, content: string | Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sim-')), name);
  writeFileSync(file, content);
  return file;
}

const scenario = {
  version: 1,
  name: 'cli',
  workers: [{ host: 'w1', cores: 4, memory: '8g' }],
  actions: [
    {
      at: 0,
      type: 'submit',
      command:
        'spark-submit --master spark://master:7077 --deploy-mode cluster --class org.apache.spark.examples.SparkPi examples.jar 4',
    },
  ],
};

// Each case starts the runner as its own process (about a second each, more on a loaded machine).
describe('npm run sim', { timeout: 180_000 }, () => {
  it('runs a scenario from standard input until nothing is left and prints the §3 document', () => {
    const r = sim(['-', '--trace', '--log'], JSON.stringify(scenario));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['time', 'master', 'masters', 'workers', 'apps', 'drivers', 'trace', 'log']);
    expect(out.master.status).toBe('ALIVE');
    expect(out.masters).toHaveLength(1);
    expect(out.workers.w1.cores).toBe(4);
    expect(out.apps[0]).toMatchObject({ name: 'Spark Pi', state: 'FINISHED', driver: 'driver-20260101000002-0000' });
    expect(out.drivers[0]).toMatchObject({
      id: 'driver-20260101000002-0000',
      state: 'FINISHED',
      worker: 'w1',
      supervise: false,
      restarts: 0,
    });
    expect(out.trace[0]).toEqual({
      t: 0,
      from: expect.stringMatching(/^Worker@w1:\d+$/),
      to: 'Master@master:7077',
      type: 'RegisterWorker',
      delivered: true,
    });
    expect(out.log.some((l: string) => l.includes('Registering app Spark Pi'))).toBe(true);
  });

  it('--why adds the reason code, the sentence and the per-worker table to every app and driver', () => {
    const waiting = {
      ...scenario,
      actions: [
        ...scenario.actions,
        {
          at: 0,
          type: 'submit',
          command:
            'spark-submit --master spark://master:7077 --executor-memory 16g --class org.apache.spark.examples.SparkPi examples.jar 4',
        },
      ],
    };
    const r = sim(['-', '--why', '--until', '20000'], JSON.stringify(waiting));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.drivers[0].why).toMatchObject({
      code: 'PLACED',
      text: expect.stringMatching(/^[A-Z]+: the Master placed it on w1\.$/),
    });
    const big = out.apps.find((a: { why: { code: string } }) => a.why.code === 'INSUFFICIENT_MEMORY');
    expect(big.state).toBe('WAITING');
    expect(big.why.text).toBe(
      'Each executor needs 16.0 GiB (spark.executor.memory) and no ALIVE worker has that much memory at all: the largest has 8.0 GiB.',
    );
    expect(big.why.workers).toEqual([
      {
        id: expect.stringMatching(/^worker-/),
        host: 'w1',
        state: 'ALIVE',
        coresFree: expect.any(Number),
        memoryFreeMb: expect.any(Number),
        needCores: 1,
        needMemoryMb: 16384,
        fits: false,
        short: ['memory'],
      },
    ]);
    expect(big.why.fixes).toEqual(['add a worker with ≥ 16.0 GiB', 'or lower --executor-memory to ≤ 8.0 GiB']);
    // Without --why the document is as before.
    const plain = JSON.parse(sim(['-', '--until', '20000'], JSON.stringify(waiting)).stdout);
    expect(plain.apps.every((a: object) => !('why' in a))).toBe(true);
  });

  it('stops at --until', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    const file = join(dir, 's.json');
    writeFileSync(file, JSON.stringify(scenario));
    const out = JSON.parse(sim([file, '--until', '2500']).stdout);
    expect(out.time).toBe(2500);
    expect(out.drivers[0].state).toBe('RUNNING');
    expect(out.apps).toEqual([]);
    expect(out.trace).toBeUndefined();
  });

  const untilRange = 'from 0 to 604800000 (7 d)';
  it.each([
    [['missing.json'], /Cannot read missing\.json: no such file\./],
    [['-', '--until', 'soon'], `--until takes a whole number of simulated milliseconds ${untilRange}, not "soon".`],
    // node's parseArgs would call this "argument is ambiguous".
    [['-', '--until', '-1'], `--until takes a whole number of simulated milliseconds ${untilRange}, not "-1".`],
    [['-', '--until', '1e15'], `not "1e15".`],
    [['-', '--until', '999999999999999999999'], `not "999999999999999999999".`],
    [['-', '--until', '604800001'], `not "604800001".`],
    [['-', '--until'], '--until needs a value: a whole number of simulated milliseconds.'],
    [[], /No scenario given\./],
    [['a.json', 'b.json'], /Only one scenario at a time \(got 2\)\./],
    [['-', '--bogus'], "Unknown option '--bogus'."],
    [['-', '--trace=yes'], '--trace takes no value (got "--trace=yes").'],
  ])('rejects bad arguments %j with its own sentence, the usage and exit code 2', (args, message) => {
    const r = sim(args, '{}');
    expect(r.code).toBe(2);
    if (typeof message === 'string') expect(r.stderr).toContain(message);
    else expect(r.stderr).toMatch(message);
    if (args.length !== 1) expect(r.stderr).toContain('Usage: npm run sim --');
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stdout).toBe('');
  });

  it('takes --until=<ms> and --until at the 7-day limit', () => {
    expect(JSON.parse(sim(['-', '--until=1500'], JSON.stringify(scenario)).stdout).time).toBe(1500);
    const empty = JSON.stringify({ version: 1, workers: [] });
    const r = sim(['-', '--until', '604800000'], empty);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).time).toBe(604_800_000);
  });

  it('reads UTF-8 with a byte order mark and UTF-16 (LE and BE, with a mark or without) as the same scenario', () => {
    const text = JSON.stringify(scenario);
    const utf16le = Buffer.from(text, 'utf16le');
    const utf16be = Buffer.from(utf16le).swap16();
    const files = {
      'utf8-bom.json': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      'utf16le-bom.json': Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le]),
      'utf16be-bom.json': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]),
      'utf16le.json': utf16le,
    };
    const plain = sim(['-', '--until', '3000'], text).stdout;
    for (const [name, bytes] of Object.entries(files)) {
      const r = sim([tempFile(name, bytes), '--until', '3000']);
      expect(r.stderr, name).toBe('');
      expect(r.stdout, name).toBe(plain);
    }
    const latin1 = sim([tempFile('latin1.json', Buffer.from('{"name":"caf\xe9"}', 'latin1'))]);
    expect(latin1.code).toBe(2);
    expect(latin1.stderr).toMatch(/latin1\.json: it is not UTF-8 text .*: save it as UTF-8\./);
  });

  it('warns about actions after the end of the run, which never run', () => {
    const late = {
      ...scenario,
      actions: [...scenario.actions, { at: 86_400_001, type: 'kill-worker', target: 'w1' }],
    };
    const withUntil = sim(['-', '--until', '5000'], JSON.stringify(late));
    expect(withUntil.code).toBe(0);
    expect(withUntil.stderr).toContain(
      'warning: actions[1]: at 86400001 ms is after the end of this run (--until 5000); it never runs.',
    );
    const byDefault = sim(['-'], JSON.stringify(late));
    expect(byDefault.code).toBe(0);
    expect(byDefault.stderr).toContain(
      'warning: actions[1]: at 86400001 ms is after the end of this run (a run without --until stops at 86,400,000 ms, 24 h); it never runs.',
    );
    expect(JSON.parse(byDefault.stdout).workers.w1).not.toBeNull();
    const inTime = sim(['-', '--until', '86400001'], JSON.stringify(late));
    expect(inTime.stderr).not.toContain('never runs');
  });

  it('stops a run that uses up its work budget: exit 2, the sentence, no JSON', () => {
    const crashLoop = {
      ...scenario,
      actions: [
        {
          at: 0,
          type: 'submit',
          command:
            'spark-submit --master spark://master:7077 --conf spark.task.maxFailures=100000 --class org.apache.spark.examples.SparkPi examples.jar 10',
          executorFault: { kind: 'crash', afterMs: 0, exitCode: 1 },
        },
      ],
    };
    const r = sim(['-'], JSON.stringify(crashLoop), { env: { SIM_BUDGET_EVENTS: '60000' } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^The run was stopped at (\d+ h )?\d+ min( \d+ s)? of simulated time: it used its work budget of 60,000 events\. [\d,]+ executors were launched: most likely they keep failing/,
    );
    expect(r.stderr).toContain('--until');
    expect(r.stderr).not.toMatch(STACK);
    const records = sim(['-', '--trace'], JSON.stringify(crashLoop), { env: { SIM_BUDGET_RECORDS: '30000' } });
    expect(records.code).toBe(2);
    expect(records.stderr).toContain('it used its budget of 30,000 records kept (messages, log lines');
    const bad = sim(['-'], JSON.stringify(crashLoop), { env: { SIM_BUDGET_EVENTS: 'lots' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('SIM_BUDGET_EVENTS must be a positive whole number, not "lots".');
  });

  it('answers a setting the engine refuses (JvmException) with exit 2 and its message, at start or mid-run', () => {
    const atStart = sim(['-'], JSON.stringify({ ...scenario, conf: { 'spark.deploy.defaultCores': '0' } }));
    expect(atStart.code).toBe(2);
    expect(atStart.stderr).toContain('spark.deploy.defaultCores');
    expect(atStart.stderr).not.toMatch(STACK);
    const setConf = { at: 1000, type: 'set-conf', key: 'spark.deploy.defaultCores', value: '0' };
    const midRun = sim(['-'], JSON.stringify({ ...scenario, actions: [...scenario.actions, setConf] }));
    expect(midRun.code).toBe(2);
    expect(midRun.stderr).toContain('spark.deploy.defaultCores');
    expect(midRun.stderr).not.toMatch(STACK);
    expect(midRun.stdout).toBe('');
  });

  it('names a bug in the simulator as an internal error: exit 1, one sentence, the stack only with SIM_DEBUG=1', () => {
    // Stand in for a bug: make the engine throw something no input can cause.
    const engine = join(process.cwd(), 'src', 'engine', 'simulation.ts');
    const bug = tempFile(
      'bug.mts',
      `import { Simulation } from ${JSON.stringify(engine)};\n` +
        `Simulation.prototype.run = function () { throw new TypeError('x is not a function'); };\n`,
    );
    const input = JSON.stringify(scenario);
    const r = sim(['-'], input, { node: ['--import', bug] });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'Internal error in the simulator while running the scenario on standard input: TypeError: x is not a function. ' +
        'This is a bug, not a problem with the scenario; please report it with the scenario (SIM_DEBUG=1 prints the stack trace).\n',
    );
    const debug = sim(['-'], input, { node: ['--import', bug], env: { SIM_DEBUG: '1' } });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(STACK);
  });

  it('explains an invalid scenario with the path of each problem', () => {
    const badWorker = sim(['-'], JSON.stringify({ ...scenario, workers: [{ host: 'w1', cores: 0, memory: '8g' }] }));
    expect(badWorker.code).toBe(2);
    expect(badWorker.stderr).toContain('The scenario on standard input is not a valid scenario:');
    expect(badWorker.stderr).toContain(
      'workers[0].cores: Expected the number of cores the worker offers (SPARK_WORKER_CORES)',
    );
    const command = 'spark-submit --master spark://master:7077 --executor-cores 0 --class X app.jar';
    const badSubmit = sim(['-'], JSON.stringify({ ...scenario, actions: [{ at: 0, type: 'submit', command }] }));
    expect(badSubmit.code).toBe(2);
    // Spark's own text (SparkSubmitArguments.validateSubmitArguments) at the action's path.
    expect(badSubmit.stderr).toContain('actions[0].command: Executor cores must be a positive number');
    const notJson = sim(['-'], '{"version": 1,');
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/not valid JSON/);
  });
});

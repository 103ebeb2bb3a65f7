// The headless runner's contract (docs/architecture.md, "The headless runner"): one JSON document on stdout; bad input gets a
// clear message on stderr and exit code 2, never a stack trace.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

function sim(args: string[], input?: string) {
  const r = spawnSync(TSX, ['src/cli.ts', ...args], { input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
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

describe('npm run sim', () => {
  it('runs a scenario from standard input until nothing is left and prints the §3 document', () => {
    const r = sim(['-', '--trace', '--log'], JSON.stringify(scenario));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['time', 'master', 'masters', 'workers', 'apps', 'drivers', 'trace', 'log']);
    expect(out.master.status).toBe('ALIVE');
    expect(out.masters).toHaveLength(1);
    expect(out.workers.w1.cores).toBe(4);
    expect(out.apps[0]).toMatchObject({ name: 'Spark Pi', state: 'FINISHED', driver: 'driver-20260101000001-0000' });
    expect(out.drivers[0]).toMatchObject({
      id: 'driver-20260101000001-0000',
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

  it.each([
    [['missing.json'], /Cannot read missing\.json: no such file\./],
    [['-', '--until', 'soon'], /--until takes a whole number of simulated milliseconds, not "soon"\./],
    [[], /No scenario given\./],
    [['-', '--bogus'], /Unknown option '--bogus'/],
  ])('rejects bad arguments %j with exit code 2', (args, message) => {
    const r = sim(args, '{}');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
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

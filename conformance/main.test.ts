import { describe, expect, it } from 'vitest';
import type { RealRun } from './compare/run-types';
import { simulateScenario } from './compare/sim-run';
import type { Io } from './main';
import { conformanceMain, parseConformanceArgs, parseRealArgs, realMain } from './main';
import type { RealRunner } from './run-scenario';
import type { ConformanceScenario } from './scenarios';

const SMALL: ConformanceScenario[] = [
  {
    id: 'small-client',
    source: 'matrix',
    quick: true,
    doc: {
      version: 1,
      name: 'small',
      conf: { 'spark.worker.timeout': '10' },
      workers: [{ host: 'w1', cores: 2, memory: '2g' }],
      actions: [
        {
          at: 0,
          type: 'submit',
          command: 'spark-submit --master spark://master:7077 --executor-memory 1g --class org.example.Job job.jar',
          workload: { tasks: 4, taskMs: 500 },
        },
      ],
    },
  },
  {
    id: 'small-kill',
    source: 'matrix',
    quick: false,
    doc: {
      version: 1,
      name: 'small kill',
      conf: { 'spark.worker.timeout': '10' },
      workers: [
        { host: 'w1', cores: 2, memory: '2g' },
        { host: 'w2', cores: 2, memory: '2g' },
      ],
      actions: [{ at: 3000, type: 'kill-worker', target: 'w2' }],
    },
  },
];

/** A lab that "runs" the scenario in the simulator. */
const fakeRunner: RealRunner = (scenario, opts) =>
  Promise.resolve({
    ...simulateScenario(scenario, {
      ...(opts.pollMs !== undefined ? { pollMs: opts.pollMs } : {}),
      ...(opts.untilMs !== undefined ? { untilMs: opts.untilMs } : {}),
    }),
    sparkVersion: '4.0.5',
    notes: ['network latency 2 ms and jitter 1 ms are not reproduced'],
    measurements: [{ what: 'Worker JVM start', ms: 1800 }],
  } satisfies RealRun);

function fakeIo(runner: RealRunner | (() => Promise<RealRunner>), files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const io: Io = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: {},
    loadRunner:
      runner.length === 0 ? (runner as () => Promise<RealRunner>) : () => Promise.resolve(runner as RealRunner),
    scenarios: () => SMALL,
    writeFile: (p, t) => {
      written[p] = t;
    },
    readFile: (p) => {
      // Kept runs are read by their absolute path: a name given relative to conformance/ matches its end.
      const f = files[p] ?? Object.entries(files).find(([k]) => p.endsWith(`/${k}`))?.[1];
      if (f === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return Buffer.from(f);
    },
  };
  return { io, out, err, written };
}

class LabUnavailable extends Error {
  override readonly name = 'LabUnavailable';
}

describe('argument parsing', () => {
  it('reads --json, --only and --quick', () => {
    expect(parseConformanceArgs(['--json', '--only', 'kill', '--quick'])).toMatchObject({ json: true, quick: true });
    expect(parseConformanceArgs(['--only=a|b']).only?.source).toBe('a|b');
  });

  it('refuses what it does not know, in one sentence and the usage', () => {
    expect(() => parseConformanceArgs(['--fast'])).toThrow(/^Unknown option '--fast'\.\nUsage:/);
    expect(() => parseConformanceArgs(['--only'])).toThrow(/^--only needs a regular expression/);
    expect(() => parseConformanceArgs(['--only', '['])).toThrow(/is not one\./);
    expect(() => parseConformanceArgs(['extra'])).toThrow(/^Unexpected argument "extra"/);
    expect(() => parseConformanceArgs(['--json=1'])).toThrow(/takes no value/);
    expect(() => parseRealArgs([])).toThrow(/^No scenario given/);
    expect(() => parseRealArgs(['a.json', 'b.json'])).toThrow(/^Only one scenario at a time \(got 2\)/);
    expect(parseRealArgs(['a.json', '--json'])).toEqual({ file: 'a.json', json: true, help: false });
  });
});

describe('npm run conformance', () => {
  it('runs every scenario, writes the report and the runs, exit 0 when all match', async () => {
    const { io, out, written } = fakeIo(fakeRunner);
    expect(await conformanceMain([], io)).toBe(0);
    expect(out.join('')).toMatch(/^Spark 4\.0\.5: real daemons against the simulator\n/);
    expect(out.join('')).toContain('2 of 2 scenarios match');
    expect(Object.keys(written).sort()).toEqual([
      'report.md',
      'runs/small-client.real.json',
      'runs/small-client.sim.json',
      'runs/small-kill.real.json',
      'runs/small-kill.sim.json',
    ]);
    expect(written['report.md']).toContain('## small-kill');
    expect(written['report.md']).toContain('- network latency 2 ms and jitter 1 ms are not reproduced');
    expect(written['report.md']).toContain('| Worker JVM start | 1800 |');
  });

  it('--again compares the kept real runs with the simulator, without the lab', async () => {
    const first = fakeIo(fakeRunner);
    expect(await conformanceMain(['--only', 'small-client'], first.io)).toBe(0);
    const kept = first.written['runs/small-client.real.json']!;
    const noLab = () => Promise.reject(new Error('the lab must not run with --again'));
    const again = fakeIo(noLab, { 'runs/small-client.real.json': kept });
    expect(await conformanceMain(['--again', '--only', 'small-client'], again.io)).toBe(0);
    // A subset writes its report beside the runs, not over the whole one.
    expect(again.written['report.md']).toBeUndefined();
    expect(again.written['runs/report.md']).toContain('## small-client');
    expect(again.err.join('')).toContain('small-client: the kept real run against the simulator');
    const missing = fakeIo(noLab);
    expect(await conformanceMain(['--again'], missing.io)).toBe(1);
    expect(missing.out.join('')).toContain('no real run kept in conformance/runs');
  });

  it('prints one JSON document with --json, with the keys of the format', async () => {
    const { io, out } = fakeIo(fakeRunner);
    expect(await conformanceMain(['--json', '--quick'], io)).toBe(0);
    const doc = JSON.parse(out.join('')) as { spark: string; scenarios: Record<string, unknown>[] };
    expect(Object.keys(doc)).toEqual(['spark', 'scenarios']);
    expect(doc.spark).toBe('4.0.5');
    expect(doc.scenarios.map((s) => s.name)).toEqual(['small-client']);
    const s = doc.scenarios[0]!;
    for (const key of ['name', 'checks', 'passed', 'diffs']) expect(s).toHaveProperty(key);
    expect(s.passed).toBe(true);
    expect(s.diffs).toEqual([]);
  });

  it('exits 1 when a real run differs, naming the difference', async () => {
    const differing: RealRunner = async (scenario, opts) => {
      const run = await fakeRunner(scenario, opts);
      for (const a of (run.doc as { apps: { state: string }[] }).apps) a.state = 'KILLED';
      return run;
    };
    const { io, out } = fakeIo(differing);
    expect(await conformanceMain(['--only', 'client'], io)).toBe(1);
    expect(out.join('')).toContain('app org.example.Job#0: final state: real KILLED, simulated FINISHED');
  });

  it('exits 2 with the lab’s sentence when the machine cannot run it, without a stack', async () => {
    const { io, err } = fakeIo(() => Promise.reject(new LabUnavailable('Java 17 is not installed: install it.')));
    expect(await conformanceMain([], io)).toBe(2);
    expect(err).toEqual(['Java 17 is not installed: install it.\n']);
    const during = fakeIo((() => Promise.reject(new LabUnavailable('Not root.'))) as RealRunner);
    expect(await conformanceMain([], during.io)).toBe(2);
    expect(during.err.at(-1)).toBe('Not root.\n');
  });

  it('reports a failed real run as a failing scenario and goes on', async () => {
    let n = 0;
    const flaky: RealRunner = (s, o) =>
      n++ === 0 ? Promise.reject(new Error('Worker w1 did not start.')) : fakeRunner(s, o);
    const { io } = fakeIo(flaky);
    expect(await conformanceMain(['--json'], io)).toBe(1);
  });

  it('exits 2 for bad arguments and names a bug as one in one sentence, exit 1', async () => {
    const bad = fakeIo(fakeRunner);
    expect(await conformanceMain(['--nope'], bad.io)).toBe(2);
    expect(bad.err.join('')).toMatch(/^Unknown option '--nope'\./);
    const { io, err } = fakeIo(fakeRunner);
    io.scenarios = () => {
      throw new TypeError('boom');
    };
    expect(await conformanceMain([], io)).toBe(1);
    expect(err.join('')).toMatch(/^Internal error in npm run conformance: TypeError: boom\. This is a bug/);
  });
});

describe('Ctrl-C', () => {
  it('stops after the run the lab tore down, exit 130', async () => {
    const controller = new AbortController();
    let runs = 0;
    const aborting: RealRunner = (s, o) => {
      runs++;
      controller.abort();
      return fakeRunner(s, o);
    };
    const { io, err, written } = fakeIo(aborting);
    io.signal = controller.signal;
    expect(await conformanceMain([], io)).toBe(130);
    expect(runs).toBe(1);
    expect(err.at(-1)).toBe('Interrupted: the lab was torn down.\n');
    expect(written).toEqual({});
  });
});

describe('npm run real', () => {
  it('runs one scenario file and prints the comparison', async () => {
    const { io, out } = fakeIo(fakeRunner, { 'my.json': JSON.stringify(SMALL[0]!.doc) });
    expect(await realMain(['my.json'], io)).toBe(0);
    expect(out.join('')).toContain('small');
  });

  it('exits 2 for a missing or invalid file', async () => {
    const missing = fakeIo(fakeRunner);
    expect(await realMain(['gone.json'], missing.io)).toBe(2);
    expect(missing.err).toEqual(['Cannot read gone.json: no such file.\n']);
    const invalid = fakeIo(fakeRunner, { 'bad.json': '{"version": 1}' });
    expect(await realMain(['bad.json'], invalid.io)).toBe(2);
    expect(invalid.err.join('')).toMatch(/^bad\.json is not a valid scenario:/);
  });
});

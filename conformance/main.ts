// The two commands of the conformance lab, with their input and output passed in so tests can run
// them with a fake lab:
//   npm run conformance [--json] [--only <regex>] [--quick]   every conformance scenario
//   npm run conformance -- --again [--only <regex>]           the kept real runs against the simulator
//   npm run real -- <scenario.json> [--json]                    one scenario file of your own
// Exit 0: every scenario matches (or differs only as documented). Exit 1: some scenario differs.
// Exit 2: bad arguments, an invalid scenario, or a machine that cannot run the lab (no Java, no
// network, not root), told in one sentence. Anything else is a bug: one sentence, exit 1, and the
// stack only with SIM_DEBUG=1.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { restoreScenario } from '../src/engine/scenario/restore';
import type { Scenario } from '../src/engine/scenario/types';
import { decodeTextFile } from '../src/interop/text-file';
import type { DocumentedReason, ScenarioComparison } from './compare/compare';
import type { RealRun } from './compare/run-types';
import { jsonReport, renderMarkdown, renderSummary } from './report/report';
import type { RealRunner, ScenarioRun } from './run-scenario';
import { compareWithSimulator, failedRun, isLabUnavailable, loadRealRunner, runScenario } from './run-scenario';
import type { ConformanceScenario } from './scenarios';
import { conformanceScenarios, excludedScenarios } from './scenarios';

export const CONFORMANCE_USAGE = 'Usage: npm run conformance -- [--json] [--only <regex>] [--quick] [--again]';
export const REAL_USAGE = 'Usage: npm run real -- <scenario.json> [--json]';

const CONFORMANCE_DIR = fileURLToPath(new URL('.', import.meta.url));

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  loadRunner: () => Promise<RealRunner>;
  scenarios: () => ConformanceScenario[];
  /** Writes a file of the conformance folder (report.md, runs/<id>.real.json). */
  writeFile: (relativePath: string, text: string) => void;
  readFile: (path: string) => Buffer;
  signal?: AbortSignal;
}

export function defaultIo(signal?: AbortSignal): Io {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    loadRunner: loadRealRunner,
    scenarios: conformanceScenarios,
    writeFile: (rel, text) => {
      const path = join(CONFORMANCE_DIR, rel);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    },
    readFile: (path) => readFileSync(path),
    ...(signal ? { signal } : {}),
  };
}

/** A problem with the input or the machine: its sentence, exit 2. */
class UsageProblem extends Error {}

function fail(message: string): never {
  throw new UsageProblem(message);
}

export interface ConformanceOptions {
  json: boolean;
  only: RegExp | undefined;
  quick: boolean;
  /** Compare the real runs kept in conformance/runs with the simulator again, without real Spark. */
  again: boolean;
  help: boolean;
}

export function parseConformanceArgs(argv: readonly string[]): ConformanceOptions {
  const o: ConformanceOptions = { json: false, only: undefined, quick: false, again: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq < 0 ? arg : arg.slice(0, eq);
    const inline = eq < 0 ? undefined : arg.slice(eq + 1);
    if (name === '--only') {
      const raw = inline ?? argv[++i];
      if (raw === undefined || raw === '')
        fail(`--only needs a regular expression of scenario names.\n${CONFORMANCE_USAGE}`);
      try {
        o.only = new RegExp(raw);
      } catch {
        fail(`--only takes a regular expression, and "${raw}" is not one.\n${CONFORMANCE_USAGE}`);
      }
      continue;
    }
    const flag = (
      { '--json': 'json', '--quick': 'quick', '--again': 'again', '--help': 'help', '-h': 'help' } as const
    )[name];
    if (flag === undefined)
      fail(
        `${arg.startsWith('-') ? `Unknown option '${name}'` : `Unexpected argument "${arg}"`}.\n${CONFORMANCE_USAGE}`,
      );
    if (inline !== undefined) fail(`${name} takes no value (got "${arg}").\n${CONFORMANCE_USAGE}`);
    o[flag] = true;
  }
  return o;
}

export interface RealOptions {
  file: string;
  json: boolean;
  help: boolean;
}

export function parseRealArgs(argv: readonly string[]): RealOptions {
  const files: string[] = [];
  const o = { json: false, help: false };
  for (const arg of argv) {
    if (arg === '--json') o.json = true;
    else if (arg === '--help' || arg === '-h') o.help = true;
    else if (arg.startsWith('-') && arg !== '-') fail(`Unknown option '${arg.split('=')[0]}'.\n${REAL_USAGE}`);
    else files.push(arg);
  }
  if (o.help) return { ...o, file: '' };
  if (files.length !== 1)
    fail(
      files.length === 0
        ? `No scenario given.\n${REAL_USAGE}`
        : `Only one scenario at a time (got ${files.length}).\n${REAL_USAGE}`,
    );
  return { ...o, file: files[0] as string };
}

function restoreOrFail(text: string, what: string): Scenario {
  const r = restoreScenario(text, { source: 'cli' });
  if (!r.ok) {
    const lines = r.errors.map((e) => `  ${e.path ? `${e.path}: ` : ''}${e.message}`);
    fail(`${what} is not a valid scenario:\n${lines.join('\n')}`);
  }
  return r.scenario;
}

/** One scenario to compare: its restored document, its end, and the differences it documents. */
interface ConformanceEntry {
  name: string;
  scenario: Scenario;
  untilMs?: number;
  documented?: readonly { check: RegExp; reason: DocumentedReason }[];
}

/** Runs each scenario, stopping everything at the first sign that the lab cannot run at all. */
async function runAll(
  entries: readonly ConformanceEntry[],
  io: Io,
  log: (line: string) => void,
): Promise<{ spark: string; runs: (ScenarioRun | ScenarioComparison)[] }> {
  const runner = await io.loadRunner();
  const runs: (ScenarioRun | ScenarioComparison)[] = [];
  let spark = '';
  for (const e of entries) {
    // The lab returns from an aborted run (Ctrl-C) after tearing it down: stop there.
    if (io.signal?.aborted) throw new Error('interrupted');
    log(`${e.name}: running on real Spark and in the simulator`);
    try {
      const run = await runScenario(e.name, e.scenario, runner, {
        log,
        ...(e.untilMs !== undefined ? { untilMs: e.untilMs } : {}),
        ...(e.documented ? { documented: e.documented } : {}),
        ...(io.signal ? { signal: io.signal } : {}),
      });
      if (io.signal?.aborted) throw new Error('interrupted');
      spark ||= run.real.sparkVersion;
      runs.push(run);
    } catch (err) {
      if (isLabUnavailable(err) || io.signal?.aborted) throw err;
      const msg = err instanceof Error ? err.message : String(err);
      log(`${e.name}: the real run failed: ${msg}`);
      runs.push(failedRun(e.name, msg));
    }
  }
  return { spark: spark || 'unknown (no real run completed)', runs };
}

/**
 * --again: each scenario's real run as the last `npm run conformance` kept it
 * (conformance/runs/<id>.real.json) against the simulator as it is now, so an engine change is
 * compared without running Spark again. A scenario with no kept run says so in its one check.
 */
function compareKept(
  entries: readonly ConformanceEntry[],
  io: Io,
  log: (line: string) => void,
): { spark: string; runs: (ScenarioRun | ScenarioComparison)[] } {
  const runs: (ScenarioRun | ScenarioComparison)[] = [];
  let spark = '';
  for (const e of entries) {
    let real: RealRun;
    try {
      real = JSON.parse(io.readFile(join(CONFORMANCE_DIR, 'runs', `${e.name}.real.json`)).toString('utf8')) as RealRun;
    } catch {
      log(`${e.name}: no real run kept in conformance/runs`);
      runs.push(failedRun(e.name, 'no real run kept in conformance/runs: run npm run conformance without --again'));
      continue;
    }
    log(`${e.name}: the kept real run against the simulator`);
    const run = compareWithSimulator(e.name, e.scenario, real, {
      ...(e.untilMs !== undefined ? { untilMs: e.untilMs } : {}),
      ...(e.documented ? { documented: e.documented } : {}),
    });
    spark ||= real.sparkVersion;
    runs.push(run);
  }
  return { spark: spark || 'unknown (no real run kept)', runs };
}

function comparisonOf(r: ScenarioRun | ScenarioComparison): ScenarioComparison {
  return 'comparison' in r ? r.comparison : r;
}

async function guarded(io: Io, what: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof UsageProblem || isLabUnavailable(e)) {
      io.stderr(`${(e as Error).message}\n`);
      if (io.env.SIM_DEBUG === '1' && isLabUnavailable(e) && (e as Error).stack) io.stderr(`${(e as Error).stack}\n`);
      return 2;
    }
    if (io.signal?.aborted) {
      io.stderr('Interrupted: the lab was torn down.\n');
      return 130;
    }
    const err = e instanceof Error ? e : new Error(String(e));
    io.stderr(
      `Internal error in ${what}: ${err.name}: ${err.message}. This is a bug; please report it` +
        `${io.env.SIM_DEBUG === '1' ? '' : ' (SIM_DEBUG=1 prints the stack trace)'}.\n`,
    );
    if (io.env.SIM_DEBUG === '1' && err.stack) io.stderr(`${err.stack}\n`);
    return 1;
  }
}

/** npm run conformance */
export function conformanceMain(argv: readonly string[], io: Io): Promise<number> {
  return guarded(io, 'npm run conformance', async () => {
    const o = parseConformanceArgs(argv);
    if (o.help) {
      io.stdout(`${CONFORMANCE_USAGE}\n`);
      return 0;
    }
    const all = io.scenarios();
    const chosen = all.filter((s) => (!o.quick || s.quick) && (o.only === undefined || o.only.test(s.id)));
    if (chosen.length === 0)
      fail(
        `No conformance scenario matches${o.only ? ` --only ${o.only.source}` : ''}${o.quick ? ' in --quick' : ''}.`,
      );
    const entries = chosen.map((s) => ({
      name: s.id,
      scenario: restoreOrFail(JSON.stringify(s.doc), `conformance scenario ${s.id}`),
      ...(s.untilMs !== undefined ? { untilMs: s.untilMs } : {}),
      ...(s.documented ? { documented: s.documented } : {}),
    }));
    const log = (line: string) => io.stderr(`${line}\n`);
    const { spark, runs } = o.again ? compareKept(entries, io, log) : await runAll(entries, io, log);
    for (const r of runs) {
      if (!('comparison' in r)) continue;
      io.writeFile(`runs/${r.comparison.name}.real.json`, `${JSON.stringify(r.real)}\n`);
      io.writeFile(`runs/${r.comparison.name}.sim.json`, `${JSON.stringify(r.sim)}\n`);
    }
    const report = { spark, comparisons: runs.map(comparisonOf), excluded: excludedScenarios() };
    // Only a run of every scenario replaces the committed report; a subset (--quick, --only, as CI
    // and a developer's check run) goes beside the runs, so it never overwrites the whole picture.
    const reportFile = o.quick || o.only !== undefined ? 'runs/report.md' : 'report.md';
    io.writeFile(reportFile, renderMarkdown(report));
    log(`report: conformance/${reportFile}`);
    io.stdout(o.json ? `${JSON.stringify(jsonReport(report), null, 2)}\n` : renderSummary(report));
    return report.comparisons.every((c) => c.passed) ? 0 : 1;
  });
}

/** npm run real -- <scenario.json> */
export function realMain(argv: readonly string[], io: Io): Promise<number> {
  return guarded(io, 'npm run real', async () => {
    const o = parseRealArgs(argv);
    if (o.help) {
      io.stdout(`${REAL_USAGE}\n`);
      return 0;
    }
    let bytes: Buffer;
    try {
      bytes = io.readFile(o.file === '-' ? '/dev/stdin' : o.file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      fail(
        code === 'ENOENT' ? `Cannot read ${o.file}: no such file.` : `Cannot read ${o.file}: ${(e as Error).message}`,
      );
    }
    const decoded = decodeTextFile(bytes);
    if (!decoded.ok) fail(`Cannot read ${o.file}: ${decoded.error}`);
    const scenario = restoreOrFail(decoded.text, o.file);
    const { spark, runs } = await runAll([{ name: scenario.name, scenario }], io, (l) => io.stderr(`${l}\n`));
    const report = { spark, comparisons: runs.map(comparisonOf) };
    io.stdout(o.json ? `${JSON.stringify(jsonReport(report), null, 2)}\n` : renderSummary(report));
    return report.comparisons.every((c) => c.passed) ? 0 : 1;
  });
}

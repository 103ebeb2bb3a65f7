// The headless runner (docs/architecture.md, "The headless runner"): npm run sim -- <scenario.json | -> [--until <ms>] [--trace] [--log] [--why]
// Loads a scenario, runs it, prints one JSON document. Exit 0: the document. Exit 2: a problem
// with the input or a run that used up its budget, told in a sentence on stderr. Exit 1: a bug in
// the simulator itself, named as such (the stack only with SIM_DEBUG=1).
import { readFileSync } from 'node:fs';
import { LazyList, OutputTooLarge, jsonPieces } from './cli-output';
import { decodeTextFile } from './interop/text-file';
import { LIMITS } from './engine/scenario/limits';
import { restoreScenario } from './engine/scenario/restore';
import type { Scenario } from './engine/scenario/types';
import { MAX_RUN_MS, Simulation, type WorkBudget } from './engine/simulation';
import { JvmException } from './engine/spark/memory';
import { formatLogLine, traceEntry } from './engine/views/log-format';
import type { SimOutput } from './engine/views/json-types';
import { addWhy } from './engine/views/why';
import { groupDigits, simulatedDuration } from './engine/work-budget';

const USAGE = 'Usage: npm run sim -- <scenario.json | -> [--until <ms>] [--trace] [--log] [--why]';

/** The largest JSON document the runner prints: 64 MiB (counted in characters). */
const MAX_OUTPUT_CHARS = 64 * 1024 * 1024;

/** Warnings about actions after the end of the run: the first few, then a count. */
const MAX_LATE_WARNINGS = 10;

/** A problem with the input (or a run stopped by its budget): the runner's sentence, exit 2. */
class InputProblem extends Error {}

function fail(message: string): never {
  throw new InputProblem(message);
}

interface Options {
  source: string;
  until: number | undefined;
  trace: boolean;
  log: boolean;
  why: boolean;
  help: boolean;
}

function untilValue(raw: string): number {
  const bound = `from 0 to ${LIMITS.simulatedMs} (${simulatedDuration(LIMITS.simulatedMs)})`;
  if (!/^\d+$/.test(raw) || Number(raw) > LIMITS.simulatedMs)
    fail(`--until takes a whole number of simulated milliseconds ${bound}, not "${raw}".\n${USAGE}`);
  return Number(raw);
}

/**
 * The runner's own argument parsing: node's parseArgs reads `--until -1` as an option and answers
 * in its own words ("argument is ambiguous"); every sentence here is the runner's.
 */
function parseOptions(argv: readonly string[]): Options {
  const positionals: string[] = [];
  const o: Omit<Options, 'source'> = { until: undefined, trace: false, log: false, why: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq < 0 ? arg : arg.slice(0, eq);
    const inline = eq < 0 ? undefined : arg.slice(eq + 1);
    if (name === '--until') {
      const raw = inline ?? argv[++i];
      if (raw === undefined) fail(`--until needs a value: a whole number of simulated milliseconds.\n${USAGE}`);
      o.until = untilValue(raw);
      continue;
    }
    const flag = ({ '--trace': 'trace', '--log': 'log', '--why': 'why', '--help': 'help', '-h': 'help' } as const)[
      name
    ];
    if (flag === undefined) fail(`Unknown option '${name}'.\n${USAGE}`);
    if (inline !== undefined) fail(`${name} takes no value (got "${arg}").\n${USAGE}`);
    o[flag] = true;
  }
  if (o.help) return { ...o, source: '' };
  if (positionals.length !== 1)
    fail(
      positionals.length === 0
        ? `No scenario given.\n${USAGE}`
        : `Only one scenario at a time (got ${positionals.length}).\n${USAGE}`,
    );
  return { ...o, source: positionals[0] as string };
}

function describeSource(source: string): string {
  return source === '-' ? 'The scenario on standard input' : source;
}

function readInput(source: string): string {
  let bytes: Buffer;
  try {
    bytes = source === '-' ? readFileSync(0) : readFileSync(source);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') fail(`Cannot read ${source}: no such file.`);
    if (err.code === 'EISDIR') fail(`Cannot read ${source}: it is a directory.`);
    fail(`Cannot read ${source === '-' ? 'standard input' : source}: ${err.message}`);
  }
  const decoded = decodeTextFile(bytes);
  if (!decoded.ok) fail(`Cannot read ${source === '-' ? 'standard input' : source}: ${decoded.error}`);
  return decoded.text;
}

/** SIM_BUDGET_EVENTS / SIM_BUDGET_RECORDS: a smaller (or larger) work budget, for tests and studies. */
function budgetFromEnv(): Partial<WorkBudget> {
  const budget: Partial<WorkBudget> = {};
  for (const [name, key] of [
    ['SIM_BUDGET_EVENTS', 'events'],
    ['SIM_BUDGET_RECORDS', 'records'],
  ] as const) {
    const raw = process.env[name];
    if (raw === undefined || raw === '') continue;
    if (!/^[1-9]\d{0,14}$/.test(raw)) fail(`${name} must be a positive whole number, not "${raw}".`);
    budget[key] = Number(raw);
  }
  return budget;
}

/** Actions the run never reaches: after --until, or after the MAX_RUN_MS cap of a run without it. */
function lateActionWarnings(scenario: Scenario, until: number | undefined): string[] {
  const end = until ?? MAX_RUN_MS;
  const why =
    until === undefined
      ? `a run without --until stops at ${groupDigits(MAX_RUN_MS)} ms, ${simulatedDuration(MAX_RUN_MS)}`
      : `--until ${until}`;
  const late: string[] = [];
  scenario.actions.forEach((a, i) => {
    if (a.at > end) late.push(`actions[${i}]: at ${a.at} ms is after the end of this run (${why}); it never runs.`);
  });
  if (late.length <= MAX_LATE_WARNINGS) return late;
  const more = late.length - MAX_LATE_WARNINGS;
  return [
    ...late.slice(0, MAX_LATE_WARNINGS),
    `${more} more action${more === 1 ? '' : 's'} after the end of this run never run.`,
  ];
}

/** The document of the run's last instant, with `why` on its apps and drivers when asked. */
function withWhy(sim: Simulation, why: boolean): SimOutput {
  const out = sim.output({ trace: false, log: false });
  if (why) addWhy(sim.cluster, out);
  return out;
}

function run(o: Options): void {
  const budget = budgetFromEnv();
  const result = restoreScenario(readInput(o.source), { source: 'cli' });
  for (const w of result.warnings) process.stderr.write(`warning: ${w.path ? `${w.path}: ` : ''}${w.message}\n`);
  if (!result.ok) {
    const lines = result.errors.map((e) => `  ${e.path ? `${e.path}: ` : ''}${e.message}`);
    fail(`${describeSource(o.source)} is not a valid scenario:\n${lines.join('\n')}`);
  }
  for (const w of lateActionWarnings(result.scenario, o.until)) process.stderr.write(`warning: ${w}\n`);
  let sim: Simulation | null = null;
  try {
    sim = Simulation.fromScenario(result.scenario, { record: o.trace || o.log, budget });
    sim.run(o.until);
  } catch (e) {
    // A setting the engine refuses as Spark would (its own exception and text) is the scenario's
    // problem, not the simulator's; restoreScenario is meant to catch these before anything runs.
    if (e instanceof JvmException) {
      const when = sim === null ? 'cannot start' : `stopped at ${simulatedDuration(sim.time)} of simulated time`;
      fail(`${describeSource(o.source)} ${when}: ${e.message}`);
    }
    throw e;
  }
  if (sim.exhausted !== null) fail(sim.exhausted);
  const k = sim.cluster.k;
  const doc: Record<string, unknown> = { ...withWhy(sim, o.why) };
  if (o.trace) doc.trace = new LazyList(k.messages, traceEntry);
  if (o.log) doc.log = new LazyList(k.logs, formatLogLine);
  let pieces: string[];
  try {
    pieces = jsonPieces(doc, MAX_OUTPUT_CHARS);
  } catch (e) {
    if (!(e instanceof OutputTooLarge)) throw e;
    const drop = o.trace || o.log ? 'leave out --trace or --log, or ' : '';
    fail(
      `The output would be more than ${MAX_OUTPUT_CHARS / 1024 / 1024} MiB of JSON (it passed that in "${e.key}"), ` +
        `so none is printed: ${drop}run to an earlier time with --until.`,
    );
  }
  for (const p of pieces) process.stdout.write(p);
  process.stdout.write('\n');
}

function main(argv: string[]): void {
  let source = '';
  try {
    const o = parseOptions(argv);
    if (o.help) {
      process.stdout.write(`${USAGE}\n`);
      return;
    }
    source = o.source;
    run(o);
  } catch (e) {
    if (e instanceof InputProblem) {
      process.stderr.write(`${e.message}\n`);
      process.exitCode = 2;
      return;
    }
    // Anything else is a bug in the simulator: say so in one sentence, keep the stack for SIM_DEBUG.
    const err = e instanceof Error ? e : new Error(String(e));
    process.stderr.write(
      `Internal error in the simulator while running ${source === '-' ? 'the scenario on standard input' : source || 'the runner'}: ` +
        `${err.name}: ${err.message}. This is a bug, not a problem with the scenario; please report it with the ` +
        `scenario${process.env.SIM_DEBUG === '1' ? '' : ' (SIM_DEBUG=1 prints the stack trace)'}.\n`,
    );
    if (process.env.SIM_DEBUG === '1' && err.stack) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 1;
  }
}

// A reader that stops early (`| head`) closes the pipe: that is not an error of the run.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv.slice(2));

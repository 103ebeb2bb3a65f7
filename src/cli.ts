// The headless runner (docs/architecture.md, "The headless runner"): npm run sim -- <scenario.json | -> [--until <ms>] [--trace] [--log]
// Loads a scenario, runs it, prints one JSON document. Bad input: a clear message on stderr, exit 2.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { restoreScenario } from './engine/scenario/restore';
import { Simulation } from './engine/simulation';

const USAGE = 'Usage: npm run sim -- <scenario.json | -> [--until <ms>] [--trace] [--log]';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function readInput(path: string): string {
  try {
    return path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') fail(`Cannot read ${path}: no such file.`);
    if (err.code === 'EISDIR') fail(`Cannot read ${path}: it is a directory.`);
    fail(`Cannot read ${path === '-' ? 'standard input' : path}: ${err.message}`);
  }
}

function main(argv: string[]): void {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        until: { type: 'string' },
        trace: { type: 'boolean' },
        log: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (positionals.length !== 1)
    fail(
      positionals.length === 0
        ? `No scenario given.\n${USAGE}`
        : `Only one scenario at a time (got ${positionals.length}).\n${USAGE}`,
    );
  let until: number | undefined;
  if (values.until !== undefined) {
    if (!/^\d+$/.test(values.until))
      fail(`--until takes a whole number of simulated milliseconds, not "${values.until}".`);
    until = Number(values.until);
  }
  const source = positionals[0] as string;
  const result = restoreScenario(readInput(source), { source: 'cli' });
  for (const w of result.warnings) process.stderr.write(`warning: ${w.path ? `${w.path}: ` : ''}${w.message}\n`);
  if (!result.ok) {
    const lines = result.errors.map((e) => `  ${e.path ? `${e.path}: ` : ''}${e.message}`);
    fail(`${source === '-' ? 'The scenario on standard input' : source} is not a valid scenario:\n${lines.join('\n')}`);
  }
  const sim = Simulation.fromScenario(result.scenario, { record: values.trace === true || values.log === true });
  sim.run(until);
  process.stdout.write(`${JSON.stringify(sim.output({ trace: values.trace, log: values.log }), null, 2)}\n`);
}

main(process.argv.slice(2));

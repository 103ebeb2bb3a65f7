// A developer's tool: one scenario on the real lab, the RealRun printed as JSON.
//   npx tsx conformance/lab/try.ts <scenario.json> [--until <scenario ms>] [--keep]
// Progress goes to stderr; --keep leaves the run's folder in /tmp (daemon logs, work folders).
// `npm run real` is the user's way in; this prints the raw run without a comparison.
import { readFileSync } from 'node:fs';
import { restoreScenario } from '../../src/engine/scenario/restore';
import { LabUnavailable } from './errors';
import { runRealScenario } from './run-real';

async function main(argv: string[]): Promise<void> {
  const file = argv.find((a) => !a.startsWith('--'));
  const untilAt = argv.indexOf('--until');
  if (!file) throw new LabUnavailable('Usage: npx tsx conformance/lab/try.ts <scenario.json> [--until <ms>] [--keep]');
  const restored = restoreScenario(readFileSync(file, 'utf8'), { source: 'cli' });
  if (!restored.ok)
    throw new LabUnavailable(`${file} is not a valid scenario: ${restored.errors.map((e) => e.message).join(' ')}`);
  const started = Date.now();
  const run = await runRealScenario(restored.scenario, {
    log: (l) => process.stderr.write(`[lab +${((Date.now() - started) / 1000).toFixed(1)}s] ${l}\n`),
    ...(untilAt >= 0 ? { untilMs: Number(argv[untilAt + 1]) } : {}),
    keepRunDir: argv.includes('--keep'),
  });
  process.stderr.write(`[lab] done in ${Date.now() - started} ms (${run.endedBecause})\n`);
  process.stdout.write(`${JSON.stringify(run, null, 2)}\n`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  if (e instanceof LabUnavailable) {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 2;
    return;
  }
  throw e;
});

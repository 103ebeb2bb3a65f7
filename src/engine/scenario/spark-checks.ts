// Checks that Spark itself performs, with Spark's own messages: a Worker's memory string
// (WorkerArguments) and a spark-submit line (SparkSubmitArguments, prepareSubmitEnvironment). They
// call the engine's models of those Spark parts, so a scenario that restores is one the
// simulation can start exactly as it was checked.
import { sparkPiSlices } from '../spark/examples';
import { parseSparkSubmit } from '../spark/submit';

/** Spark's text, on one line (byte-string errors put the detail on a second line). */
function oneLine(message: string): string {
  return message.split('\n').join(' ');
}

export { checkWorkerMemory } from './worker-memory-check';

export interface SubmitCheck {
  /** Spark's error text when spark-submit refuses the line (or submits nothing). */
  error: string | undefined;
  /** Spark's own warnings for an accepted line. */
  warnings: string[];
  /** Hosts spark-submit will contact for an accepted line. */
  masterHosts: string[];
}

/** What the scenario checks also need of an accepted line. */
export interface ScenarioSubmitCheck extends SubmitCheck {
  /** SparkPi's slices (its first argument), which the simulation runs as that many tasks. */
  sparkPiSlices: number | undefined;
}

/**
 * What spark-submit makes of a line, given the cluster's spark-defaults.conf at that moment (the
 * engine parses it with the same conf when the action runs).
 */
export function checkSubmitCommand(line: string, conf: Readonly<Record<string, string>>): SubmitCheck {
  const { error, warnings, masterHosts } = checkScenarioSubmit(line, conf);
  return { error, warnings, masterHosts };
}

/** checkSubmitCommand plus what the simulation will run for an accepted line. */
export function checkScenarioSubmit(line: string, conf: Readonly<Record<string, string>>): ScenarioSubmitCheck {
  const r = parseSparkSubmit(line, conf);
  if (r.ok) {
    const spec = r.submit;
    return {
      error: undefined,
      warnings: r.warnings.map(oneLine),
      masterHosts: spec.masters.map((m) => m.host),
      sparkPiSlices: spec.action === 'SUBMIT' ? sparkPiSlices(spec.mainClass ?? '', spec.appArgs) : undefined,
    };
  }
  // --help, --version and a bare `spark-submit` print something and submit nothing: no error text.
  const printed = String(r.kind) === 'version' ? 'its version' : 'its usage';
  const error =
    r.error !== '' ? oneLine(r.error) : `This spark-submit line only prints ${printed}; it submits nothing.`;
  return { error, warnings: [], masterHosts: [], sparkPiSlices: undefined };
}

// A scenario's `spark-submit` line as the lab runs it (docs/conformance-lab.md, "Workload"): the
// same options, parsed with the engine's model of SparkSubmitOptionParser, with the program part
// (`--class <main> <jar> <args>`) replaced by the lab's workload (conformance/workload/LabJob.java)
// doing the scenario's `workload`. The app name is the one the original program would register
// with (SparkPi sets "Spark Pi" in its code), passed to LabJob, which sets it the same way.
import type { ExecutorFault, SubmitAction } from '../../src/engine/scenario/types';
import { registeredAppName, sparkPiSlices, SPARK_PI_DEFAULT_SLICES } from '../../src/engine/spark/examples';
import { parseOptions, splitConfPair } from '../../src/engine/spark/submit/option-parser';
import { splitShellWords } from '../../src/engine/spark/submit/shell-words';
import { JOB_CLASS, JOB_CRASH_PLUGIN } from './spark-dist';

/** The simulator's task length when a submit has no `workload` (docs/scenario-format.md, "submit"). */
const DEFAULT_TASK_MS = 50;

export interface LabSubmit {
  /** The arguments for bin/spark-submit. */
  args: string[];
  deployMode: 'client' | 'cluster';
  supervise: boolean;
  /** --kill / --status: no program runs. */
  control: 'kill' | 'status' | null;
  /** What the lab could not reproduce of this submit. */
  notes: string[];
}

/** The lab's spark-submit arguments for a scenario's submit action. */
export function labSubmit(action: SubmitAction, jobJar: string, conf: Readonly<Record<string, string>>): LabSubmit {
  const split = splitShellWords(action.command);
  if (!split.ok) throw new Error(`The lab cannot split "${action.command}": ${split.error}`);
  const words = split.words.slice(1);
  const options: string[] = [];
  let mainClass = '';
  let name: string | undefined;
  let deployMode: 'client' | 'cluster' = conf['spark.submit.deployMode'] === 'cluster' ? 'cluster' : 'client';
  let supervise = false;
  let control: LabSubmit['control'] = null;
  let appArgs: string[] = [];
  parseOptions(words, {
    handle(opt, value) {
      if (opt === '--class') mainClass = value ?? '';
      else options.push(...(value === null ? [opt] : [opt, value]));
      if (opt === '--name') name = value ?? undefined;
      if (opt === '--deploy-mode') deployMode = value === 'cluster' ? 'cluster' : 'client';
      if (opt === '--supervise') supervise = true;
      if (opt === '--kill') control = 'kill';
      if (opt === '--status') control = 'status';
      if (opt === '--conf' && value !== null) {
        const [k, v] = splitConfPair(value);
        if (k === 'spark.app.name') name ??= v;
        if (k === 'spark.submit.deployMode') deployMode = v === 'cluster' ? 'cluster' : 'client';
      }
      return true;
    },
    handleUnknown() {
      return false;
    },
    handleExtraArgs(extra) {
      appArgs = extra;
    },
  });
  if (control !== null) return { args: options, deployMode, supervise, control, notes: [] };
  const notes: string[] = [];
  const tasks = action.workload?.tasks ?? sparkPiSlices(mainClass, appArgs) ?? SPARK_PI_DEFAULT_SLICES;
  const taskMs = action.workload?.taskMs ?? DEFAULT_TASK_MS;
  const appName = registeredAppName(mainClass, name ?? conf['spark.app.name'] ?? mainClass);
  const jobArgs = [String(tasks), String(taskMs), appName];
  if (action.driverFault) jobArgs.push(String(action.driverFault.afterMs), String(action.driverFault.exitCode));
  options.push(...executorFaultConf(action.executorFault, notes));
  return { args: [...options, '--class', JOB_CLASS, jobJar, ...jobArgs], deployMode, supervise, control, notes };
}

function executorFaultConf(fault: ExecutorFault | undefined, notes: string[]): string[] {
  if (!fault) return [];
  if (fault.kind === 'launch-failure') {
    notes.push(
      'executorFault launch-failure is not reproduced: a real Worker reports FAILED without RUNNING only when it cannot ' +
        "create the executor's folders, which an application cannot cause",
    );
    return [];
  }
  notes.push(
    "executorFault crash: afterMs counts from the executor plugin's start (after JVM start-up), not from RUNNING",
  );
  return [
    '--conf',
    `spark.plugins=${JOB_CRASH_PLUGIN}`,
    '--conf',
    `spark.lab.executorCrash.afterMs=${fault.afterMs}`,
    '--conf',
    `spark.lab.executorCrash.exitCode=${fault.exitCode}`,
  ];
}

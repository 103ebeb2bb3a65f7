// WorkerArguments' refusal of a SPARK_WORKER_MEMORY value, in Spark's words. A module of its own
// (only memory.ts behind it) so the page's palette can check a worker's size without bundling
// spark-submit's parser.
import { workerMemoryMb } from '../spark/memory';

/** Spark's complaint about a SPARK_WORKER_MEMORY value, or undefined when the Worker would start. */
export function checkWorkerMemory(value: string): string | undefined {
  const mb = workerMemoryMb(value);
  if (mb.ok) return undefined;
  // Byte-string errors put the detail on a second line; one line reads better here.
  return `A Worker with SPARK_WORKER_MEMORY=${JSON.stringify(value)} would not start: ${mb.error.message.split('\n').join(' ')}`;
}

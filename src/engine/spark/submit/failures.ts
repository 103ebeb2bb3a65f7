// How a spark-submit run fails: the model throws (as Spark's code throws its exceptions) and the
// entry point turns what it caught into a SubmitFailure. Shared by every stage of the pipeline.
import { JvmException } from '../memory';
import type { SubmitCommandLine, SubmitFailure, SubmitStage } from './types';

export const SPARK_EXCEPTION = 'org.apache.spark.SparkException';

export class SubmitAbort extends Error {
  constructor(
    readonly kind: SubmitFailure['kind'],
    readonly stage: SubmitStage,
    readonly sparkMessage: string,
    readonly exception: string | undefined,
    readonly consoleBody: string,
    readonly exitCode: number,
  ) {
    super(sparkMessage);
  }
}

/** SparkSubmitArguments.error / SparkSubmit.error: an uncaught SparkException. */
export function sparkError(stage: SubmitStage, message: string): SubmitAbort {
  return uncaught(stage, new JvmException(SPARK_EXCEPTION, message));
}

/** Any exception escaping SparkSubmit.main: the JVM prints it and exits 1. */
export function uncaught(stage: SubmitStage, e: JvmException): SubmitAbort {
  return new SubmitAbort(
    'error',
    stage,
    e.message,
    e.javaClass,
    `Exception in thread "main" ${e.javaClass}: ${e.message}`,
    1,
  );
}

/** Something Spark would accept (or do) that the simulator does not model. */
export function unsupported(message: string): SubmitAbort {
  return new SubmitAbort('error', 'simulator', message, undefined, message, 2);
}

/** What the terminal shows for a caught failure, and the exit status the run ends with. */
export function toFailure(
  e: SubmitAbort,
  warnings: string[],
  commandLine: SubmitCommandLine | undefined,
): SubmitFailure {
  // Warnings were printed (as `Warning: …`) before the failure when they came first.
  const printed = e.stage === 'shell' || e.stage === 'launcher' ? [] : warnings.map((w) => `Warning: ${w}`);
  return {
    ok: false,
    kind: e.kind,
    stage: e.stage,
    error: e.sparkMessage,
    exception: e.exception,
    console: [...printed, e.consoleBody].join('\n'),
    exitCode: e.exitCode,
    warnings,
    commandLine,
  };
}

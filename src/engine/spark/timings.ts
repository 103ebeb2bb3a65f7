// How long the things Spark does not time itself take in the simulation: JVM start-up, forking a
// process, a SparkContext coming up. Spark's own timers (heartbeats, timeouts, retries, back-offs)
// are not here: they come from Spark's configuration and code. These are realistic round figures
// for a small cluster on a LAN (docs/architecture.md, "Determinism"), in simulated milliseconds.

/** spark-submit in client mode: JVM start + SparkContext initialisation until RegisterApplication. */
export const CLIENT_DRIVER_STARTUP_MS = 3000;
/** ClientApp (legacy cluster-mode gateway) / RestSubmissionClientApp JVM start until its first request. */
export const SUBMIT_CLIENT_STARTUP_MS = 1000;
/** DriverRunner: create work/<driverId>/ and download the user jar before starting the JVM. */
export const DRIVER_RUNNER_PREPARE_MS = 300;
/** DriverWrapper JVM start + SparkContext initialisation until RegisterApplication. */
export const CLUSTER_DRIVER_STARTUP_MS = 3000;
/** ExecutorRunner: build the command and fork the process (then it reports RUNNING). */
export const EXECUTOR_FORK_MS = 100;
/** CoarseGrainedExecutorBackend JVM start until it asks the driver for its configuration. */
export const EXECUTOR_JVM_STARTUP_MS = 2000;
/** An executor told to stop (StopExecutor → Shutdown) until its JVM exits 0. */
export const EXECUTOR_SHUTDOWN_MS = 300;
/** SIGTERM to exit of a process that honours it (Utils.terminateProcess; exit code 143). */
export const PROCESS_TERMINATE_MS = 200;
/** sc.stop() finishing and the driver JVM exiting after UnregisterApplication is sent. */
export const DRIVER_SHUTDOWN_MS = 500;
/** Exit code of a JVM ended by SIGTERM (128 + 15). */
export const SIGTERM_EXIT_CODE = 143;

/**
 * A task without a `workload`: SparkPi's tasks each draw 100,000 samples, a few tens of
 * milliseconds on a modern core.
 */
export const DEFAULT_TASK_MS = 50;

// How long the things Spark does not time itself take in the simulation: JVM start-up, forking a
// process, a SparkContext coming up. Spark's own timers (heartbeats, timeouts, retries, back-offs)
// are not here: they come from Spark's configuration and code. In simulated milliseconds.
//
// The JVM figures are calibrated on real Spark 4.0.5: the conformance lab (docs/conformance-lab.md)
// runs the scenarios on real daemons and reads, from their log lines, how long each start took
// ("measured on the real run" in conformance/report.md). Each figure below is the median of those
// measurements over the 22 scenarios of the lab run that commit 515f315's conformance/report.md
// records (a 2-core machine where several JVMs often start together, otherwise idle); the spread
// and the count are given with it. The simulator takes the one figure, whatever the load: it does
// not model CPU contention, so a real JVM starting beside five others, or on a loaded machine, is
// slower than this (the 37-scenario run of the current report, under a load average near 10 from
// another job, measured about twice these medians).

/**
 * spark-submit in client mode: JVM start + SparkContext initialisation until RegisterApplication.
 * Lab: spark-submit start to "Registered app" at the Master, median 3,250 ms of 14 runs (2.4–4.1 s).
 */
export const CLIENT_DRIVER_STARTUP_MS = 3250;
/**
 * ClientApp (legacy cluster-mode gateway) / RestSubmissionClientApp JVM start until its first request.
 * Lab: spark-submit start to "Driver submitted" at the Master, median 2,350 ms of 9 runs (1.7–2.8 s).
 */
export const SUBMIT_CLIENT_STARTUP_MS = 2350;
/** DriverRunner: create work/<driverId>/ and download the user jar before starting the JVM. */
export const DRIVER_RUNNER_PREPARE_MS = 300;
/**
 * A driver JVM's start until the user's main() runs (a driverFault's afterMs counts from here, as
 * the user's code can only start then). Lab: in the supervised crash loop (driver-crash-supervised,
 * afterMs 5 s), each run of the driver exited 8.2 to 8.4 s after its DriverRunner's "Launch
 * Command" (three runs): 3.2 to 3.4 s before main(), median 3.3 s, less DRIVER_RUNNER_PREPARE_MS.
 */
export const DRIVER_JVM_STARTUP_MS = 3000;
/**
 * DriverWrapper JVM start + SparkContext initialisation until RegisterApplication. Lab: "Asked to
 * launch driver" to its application registered, median 3,370 ms of 12 runs (2.3–7.0 s), less
 * DRIVER_RUNNER_PREPARE_MS.
 */
export const CLUSTER_DRIVER_STARTUP_MS = 3050;
/** ExecutorRunner: build the command and fork the process (then it reports RUNNING). */
export const EXECUTOR_FORK_MS = 100;
/**
 * CoarseGrainedExecutorBackend JVM start until it asks the driver for its configuration. Lab: the
 * Worker's "Asked to launch executor" to the driver's "Registered executor", median 13,500 ms of
 * 101 executors (4.3–29.5 s; 6.7 s of it, median, before the JVM's first log line), less
 * EXECUTOR_FORK_MS and the two round trips to the driver.
 */
export const EXECUTOR_JVM_STARTUP_MS = 13_400;
/**
 * A Master started again (restart-master) until it runs: its RpcEnv bound, onStart done, the
 * election held. Lab: Master process start to ALIVE (a Master without recovery state), median
 * 2,400 ms of 24 starts (1.8–7.1 s). A scenario's first Masters and Workers are up at t = 0, as
 * the lab starts the scenario's clock once its cluster is up.
 */
export const MASTER_JVM_STARTUP_MS = 2400;
/**
 * A Worker started by a scenario action (add-worker, restart-worker) until it first asks a Master
 * to register it. Lab: Worker process start to "Successfully registered with master", median
 * 7,450 ms of 66 starts (4.5–10.4 s), less the registration round trip (median 510 ms).
 */
export const WORKER_JVM_STARTUP_MS = 6900;
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

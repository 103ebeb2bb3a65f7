// The playground's bounds on a scenario and on a run (docs/scenario-format.md, "Limits"). Spark
// itself has few of these: a Worker may claim two billion cores and a job may ask for a billion
// tasks. A simulator that models every task and every message must stop somewhere, and it must
// say where before it starts rather than run out of memory or spin; every way in (restoreScenario,
// the runner's --until, a link's playhead) checks against these numbers.

/** One simulated day, in ms. */
const DAY_MS = 24 * 60 * 60 * 1000;

export const LIMITS = {
  /** Workers in one scenario: the initial ones plus every add-worker host. */
  workers: 50_000,
  /** SPARK_WORKER_CORES of one worker: far beyond any machine; keeps every sum of cores exact. */
  workerCores: 65_536,
  /** SPARK_WORKER_MEMORY of one worker, in MiB (64 TiB). */
  workerMemoryMb: 64 * 1024 * 1024,
  /** Tasks of one submit's workload (or SparkPi's slices): every task is an event of its own. */
  tasks: 1_000_000,
  /** How long one task runs, in ms. */
  taskMs: DAY_MS,
  /** Actions in one scenario. */
  actions: 100_000,
  /** Latest simulated instant anything may name: an action's `at`, `--until`, a session's playhead. */
  simulatedMs: 7 * DAY_MS,
} as const;

/**
 * The work one run may do before it is stopped with a message (a crash loop that relaunches
 * executors every few ms for a simulated week would otherwise fill memory): kernel events
 * processed, and records kept for the trace, the log and the views.
 */
export const WORK_BUDGET = {
  events: 50_000_000,
  records: 2_000_000,
} as const;

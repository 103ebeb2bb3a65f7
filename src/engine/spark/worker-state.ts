// Models the state of deploy/worker/Worker.scala and of the runners it keeps
// (deploy/worker/ExecutorRunner.scala, deploy/worker/DriverRunner.scala) as plain data, apart from
// the code that handles them (worker.ts, executor-runner.ts, driver-runner.ts), as
// master-state.ts does for the Master: the runners and the views read these types without
// importing the Worker.
import type { Delivery, Pid } from '../sim/kernel';
import type { AddressMemo } from './cluster';
import type {
  ApplicationDescription,
  DriverDescription,
  DriverStateName,
  ExecutorStateName,
  Heartbeat,
} from './messages';

/** Worker.ENDPOINT_NAME: the RPC endpoint the Worker, and its runners' reports, go to. */
export const WORKER_EP = 'Worker';

/**
 * What a Worker's runner hands the child it forks: the machine, the worker's RPC address (Spark's
 * `--worker-url`, or DriverWrapper's first argument) and itself as the parent process. The child
 * knows nothing else of the Worker.
 */
export interface LaunchedByWorker {
  host: string;
  workerUrl: string;
  parent: Pid;
}

/** ExecutorRunner: the Worker's handle on one executor it launched (its fork, its process, its state). */
export interface ExecutorRunner {
  appId: string;
  execId: number;
  fullId: string;
  appDesc: ApplicationDescription;
  cores: number;
  memory: number;
  state: ExecutorStateName;
  /** The executor JVM, once forked. */
  pid: Pid;
  /** Handle of the pending fork, so a kill before it can cancel it. */
  forkTimer: number;
  killed: boolean;
}

/** DriverRunner: the Worker's handle on one cluster-mode driver (runCommandWithRetry's loop). */
export interface DriverRunner {
  driverId: string;
  driverDesc: DriverDescription;
  pid: Pid;
  killed: boolean;
  /** runCommandWithRetry's back-off, seconds. */
  waitSeconds: number;
  runStartedAt: number;
  /** When the current back-off sleep began (it sleeps in one-second slices, checking `killed`). */
  sleepStartedAt: number;
  /** runCommandWithRetry's `exitCode`, -1 before any run. */
  lastExitCode: number;
  /** 'preparing' → 'running' ⇄ 'backoff' → 'finished' */
  phase: 'preparing' | 'running' | 'backoff' | 'finished';
  finalState: DriverStateName | null;
  pendingTimer: number;
}

/** The Worker endpoint's fields. */
/** Its AddressMemo fields remember where `master` leads (a heartbeat every spark.worker.timeout / 4). */
export interface WorkerState extends AddressMemo {
  workerId: string;
  host: string;
  port: number;
  address: string;
  cores: number;
  memory: number;
  webUiUrl: string;
  /** Configured master RPC addresses ("host:port"). */
  masterAddresses: string[];
  master: string | null;
  activeMasterUrl: string;
  activeMasterWebUiUrl: string;
  registered: boolean;
  connected: boolean;
  connectionAttemptCount: number;
  /** Handle of the ReregisterWithMaster timer chain, 0 when none. */
  registrationRetryTimer: number;
  registrationRetryToken: number;
  /** REGISTRATION_RETRY_FUZZ_MULTIPLIER, drawn once per process. */
  fuzz: number;
  /** The Heartbeat this worker sends, always the same (messages are immutable once sent). */
  heartbeat: Heartbeat;
  /** Number of SendHeartbeat chains (one per RegisteredWorker: Spark's quirk). */
  heartbeatChains: number;
  coresUsed: number;
  memoryUsed: number;
  executors: Map<string, ExecutorRunner>;
  finishedExecutors: Map<string, ExecutorRunner>;
  drivers: Map<string, DriverRunner>;
  finishedDrivers: Map<string, DriverRunner>;
  appDirectories: Set<string>;
  /**
   * appDirectories.size, kept beside it (not Spark's): every worker hears of every finished app,
   * and most never ran it, so that check reads this field of the state it already holds instead
   * of reaching into the Set (two more objects, a cache miss each on a large cluster).
   */
  appDirectoryCount: number;
  finishedApps: Set<string>;
  decommissioned: boolean;
  executorStateSyncFailures: number;
  /**
   * The driver whose kill the Worker's message loop is waiting on: KillDriver runs
   * DriverRunner.kill() on the Worker endpoint's own thread, and Utils.terminateProcess waits for
   * the driver JVM to exit (its shutdown hook stops its SparkContext first), up to
   * spark.worker.driverTerminateTimeout. Null when the loop runs.
   */
  awaitingDriverExit: string | null;
  /** What reached the Worker endpoint while its loop waited, in arrival order (its inbox). */
  heldDeliveries: Delivery[];
}

// The scenario format, version 1 (docs/scenario-format.md): what one JSON document that describes a whole run
// looks like once restoreScenario() has validated it and filled its defaults. The types are
// declared by hand so they read as documentation; schema.ts checks at compile time that the zod
// schema produces exactly these shapes.

/** The newest scenario format this playground reads and writes. */
export const SCENARIO_FORMAT_VERSION = 1;

/** 2026-01-01T00:00:00Z: ids then look like Spark's (`app-20260101000005-0000`). */
export const DEFAULT_START_EPOCH_MS = 1767225600000;

export const DEFAULT_SEED = 1;
export const DEFAULT_SPARK_VERSION = '4.0';
/** spark.master port (SPARK_MASTER_PORT default). */
export const DEFAULT_MASTER_PORT = 7077;
export const DEFAULT_MASTER_HOST = 'master';
export const DEFAULT_NETWORK: Readonly<NetworkSpec> = { latencyMs: 2, jitterMs: 1 };
export const DEFAULT_SCENARIO_NAME = 'Untitled scenario';

/**
 * The machine `spark-submit` runs on (and, in client deploy mode, the driver). It is not a worker
 * or a master, but it is on the network, so a partition may name it; no worker or master may take
 * this host name.
 */
export const CLIENT_HOST = 'client';

/**
 * set-conf keys that are not Spark's: they change the simulated network from then on (the value is
 * a whole number of ms, as a string).
 */
export const NETWORK_CONF_KEYS = ['network.latencyMs', 'network.jitterMs'] as const;

/** A Worker daemon: cores and memory as SPARK_WORKER_CORES / SPARK_WORKER_MEMORY. */
export interface WorkerSpec {
  host: string;
  cores: number;
  /** Spark's SPARK_WORKER_MEMORY string: "16g", "512m"; no suffix means bytes. */
  memory: string;
  /** SPARK_WORKER_PORT; absent means Spark's default (0, a port chosen at start-up). */
  port?: number;
}

export interface MasterSpec {
  host: string;
  /** SPARK_MASTER_PORT (filled: 7077). */
  port: number;
}

export interface NetworkSpec {
  /** One-way RPC latency in ms. */
  latencyMs: number;
  /** Seeded jitter added to each message, up to this many ms. */
  jitterMs: number;
}

/** What the application does: `tasks` tasks of `taskMs` each, one core per task. */
export interface Workload {
  tasks: number;
  taskMs: number;
}

export type ExecutorFault =
  /** Every executor fails to launch: the worker reports FAILED without ever reporting RUNNING. */
  | { kind: 'launch-failure' }
  /** Every executor starts (RUNNING) and exits with `exitCode` `afterMs` after it started. */
  | { kind: 'crash'; afterMs: number; exitCode: number };

/** Every run of the driver process exits with `exitCode` `afterMs` after it started. */
export interface DriverFault {
  kind: 'crash';
  afterMs: number;
  exitCode: number;
}

/** Every action happens at `at` simulated ms from the start. */
interface At {
  at: number;
}

export interface SubmitAction extends At {
  type: 'submit';
  /** A whole `spark-submit ...` line. */
  command: string;
  workload?: Workload;
  executorFault?: ExecutorFault;
  driverFault?: DriverFault;
}

export interface AddWorkerAction extends At {
  type: 'add-worker';
  host: string;
  cores: number;
  memory: string;
  port?: number;
}

/** Actions aimed at one worker host. */
export interface WorkerTargetAction extends At {
  type: 'kill-worker' | 'power-off' | 'restart-worker' | 'decommission-worker' | 'remove-worker';
  target: string;
}

export interface PartitionAction extends At {
  type: 'partition';
  between: [string, string];
  /** Only messages from between[0] to between[1] are dropped. */
  oneWay?: boolean;
}

export interface HealAction extends At {
  type: 'heal';
  /** Absent: every partition ends. */
  between?: [string, string];
}

export interface KillExecutorAction extends At {
  type: 'kill-executor';
  /** `<appId>/<execId>`, e.g. `app-20260101000005-0000/1`. */
  target: string;
}

/** Actions aimed at a driver id (`driver-20260101000001-0000`). */
export interface DriverTargetAction extends At {
  type: 'kill-driver' | 'crash-driver';
  target: string;
}

export interface KillAppAction extends At {
  type: 'kill-app';
  target: string;
}

export interface MasterAction extends At {
  type: 'kill-master' | 'restart-master';
  /** A master host; absent: the active master (kill) or the first master that is down (restart). */
  target?: string;
}

export interface SetConfAction extends At {
  type: 'set-conf';
  key: string;
  value: string;
}

export type Action =
  | SubmitAction
  | AddWorkerAction
  | WorkerTargetAction
  | PartitionAction
  | HealAction
  | KillExecutorAction
  | DriverTargetAction
  | KillAppAction
  | MasterAction
  | SetConfAction;

/** A restored scenario: every default filled, actions sorted (stably) by `at`. */
export interface Scenario {
  version: typeof SCENARIO_FORMAT_VERSION;
  name: string;
  /** Markdown shown beside the canvas. */
  description: string;
  seed: number;
  startEpochMs: number;
  sparkVersion: string;
  /** Cluster-wide spark-defaults.conf: strings, as in the file. */
  conf: Record<string, string>;
  masters: MasterSpec[];
  network: NetworkSpec;
  workers: WorkerSpec[];
  actions: Action[];
}

/** One problem found in a scenario: where (`actions[2].target`) and what, in plain English. */
export interface ScenarioIssue {
  /** '' for the document itself. */
  path: string;
  message: string;
}

/** Where a scenario came from; only changes how a problem with the whole document is worded. */
export type ScenarioSource = 'file' | 'url' | 'storage' | 'builtin' | 'cli';

export interface RestoreOptions {
  source?: ScenarioSource;
}

export type RestoreResult =
  | { ok: true; scenario: Scenario; warnings: ScenarioIssue[] }
  | { ok: false; errors: ScenarioIssue[]; warnings: ScenarioIssue[] };

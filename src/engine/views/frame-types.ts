// The shapes the engine worker sends the page (docs/architecture.md, "The engine's public face"): the canvas's model of the cluster
// (one node per machine, its daemons and processes), messages in flight, state changes, log lines.
// Plain data, cheap to structured-clone; a frame carries only what changed since the last one,
// except on load and seek.

/**
 * Why a state changed, as the page shows it. The wire's own copy of the Spark model's `Cause`
 * (spark/cluster.ts), so the page never depends on the model's internals; the compiler checks
 * that the model's record stays assignable to it (frame-builder.ts hands one to the other).
 */
export interface CauseView {
  kind: 'message' | 'timer' | 'action' | 'start' | 'disconnect' | 'process-exit';
  type: string;
  /** Sender label for messages. */
  from?: string;
  /** The network message id, when it was one (index into the trace). */
  messageId?: number;
  t: number;
}

/** One state change of an application, driver, executor, worker or Master, with its cause. */
export interface StateChangeView {
  t: number;
  /** "app-…", "driver-…", "app-…/3", "worker-…" */
  subject: string;
  kind: 'application' | 'driver' | 'executor' | 'worker' | 'master';
  from: string | null;
  to: string;
  cause: CauseView;
}

/** What a message is about, for its colour and for the "show heartbeats / tasks" toggles. */
export type MessageKind = 'registration' | 'scheduling' | 'state' | 'heartbeat' | 'kill' | 'task' | 'other';

/** A driver or executor as a card on its machine. */
export interface ProcessCardView {
  /** "driver-20260101000001-0000", "app-20260101000005-0000/3", or "client-driver-<pid>" for a client-mode driver. */
  id: string;
  kind: 'driver' | 'executor';
  /** Short text for the card: "driver-…-0000", "exec 3". */
  label: string;
  /** The application it works for (its colour); null until the driver has registered one. */
  appId: string | null;
  /** Spark's state name: ExecutorState (LAUNCHING, RUNNING, KILLED, FAILED, LOST, EXITED,
   *  DECOMMISSIONED) or DriverState (SUBMITTED, RUNNING, FINISHED, RELAUNCHING, UNKNOWN, KILLED,
   *  FAILED, ERROR). */
  state: string;
  /** Cores and MiB it holds on its Worker (0 for a client-mode driver: it runs outside the cluster). */
  cores: number;
  memoryMb: number;
  /** The JVM's exit code once it ended. */
  exitCode: number | null;
  /** Ended: the card stays a few seconds so the exit can be seen, then leaves. */
  ended: boolean;
  /** An executor's tasks running now (its backend's own count); absent once it ended. */
  runningTasks?: number;
  /** A cluster-mode driver's --supervise relaunches so far (absent before the first). */
  restarts?: number;
  /**
   * A supervised driver in DriverRunner's back-off: since when it sleeps, when the relaunch timer
   * fires (simulated ms, the pending timer's own time) and the exit code that started it.
   */
  relaunch?: { since: number; at: number; lastExitCode: number };
  /**
   * Known only to the active Master: it launched this executor here but the Worker never started
   * it (a launch that failed). LAUNCHING until the Worker's FAILED arrives.
   */
  masterOnly?: boolean;
}

/** Is the daemon's process there: running, stopped (killed/exited), or its machine is off. */
export type DaemonProcess = 'running' | 'stopped' | 'machine-off';

export interface WorkerNodeView {
  kind: 'worker';
  /** The host name (nodes are machines). */
  id: string;
  host: string;
  port: number;
  /** The id the Worker registered with, e.g. "worker-20260101000000-w1-35000"; null before it starts. */
  workerId: string | null;
  /** The active Master's view of it (ALIVE, DEAD, DECOMMISSIONED, UNKNOWN), null when that Master does not know it. */
  state: string | null;
  process: DaemonProcess;
  /** The Worker believes it is registered with a Master. */
  registered: boolean;
  cores: number;
  memoryMb: number;
  coresUsed: number;
  memoryUsedMb: number;
  /** Live processes first (in launch order), then recently ended ones. */
  processes: ProcessCardView[];
  /**
   * Not registered yet and waiting for its next ReregisterWithMaster: `attempt` is Spark's
   * connectionAttemptCount (0 before the first retry); the timer was armed at `since` and fires
   * at `at` (simulated ms).
   */
  registering?: { attempt: number; since: number; at: number };
  /**
   * ALIVE to the active Master, whose last heartbeat from it is late: when that heartbeat arrived
   * and the CheckForWorkerTimeOut (simulated ms) that removes it unless another one arrives first.
   */
  silent?: { lastHeartbeatAt: number; deadAt: number };
}

export interface MasterNodeView {
  kind: 'master';
  id: string;
  host: string;
  port: number;
  /** RecoveryState (ALIVE, STANDBY, RECOVERING, COMPLETING_RECOVERY), or null when the process is not running. */
  state: string | null;
  process: DaemonProcess;
  /** Applications / drivers the Master is tracking, waiting for resources. */
  waitingApps: number;
  waitingDrivers: number;
  aliveWorkers: number;
}

export interface ZooKeeperNodeView {
  kind: 'zookeeper';
  id: string;
  host: string;
  port: number;
  process: DaemonProcess;
  /** The Master host holding the leader latch, if any. */
  leader: string | null;
}

/** The machine the user runs spark-submit on; client-mode drivers run here. */
export interface ClientNodeView {
  kind: 'client';
  id: string;
  host: string;
  processes: ProcessCardView[];
  /** spark-submit JVMs currently running (legacy Client or the REST client of cluster mode). */
  submitClients: number;
}

export type NodeView = WorkerNodeView | MasterNodeView | ZooKeeperNodeView | ClientNodeView;

/**
 * A worker whose executors' running-task counts alone changed since it was last sent: the counts,
 * one per card in the order of the worker's `processes` as last sent (null for a card without
 * one). The page applies them with `applyTaskCounts` (views/task-counts.ts).
 */
export interface TaskCountsView {
  id: string;
  running: (number | null)[];
}

export interface PartitionView {
  a: string;
  b: string;
  /** Only a → b is cut. */
  oneWay: boolean;
}

/** A message between two machines, as an arrow. Same-machine messages are not drawn. */
export interface MessageView {
  /** Network message id of the first one (equal messages in one frame are grouped). */
  id: number;
  /** Sent, and delivered (or lost) at, in simulated ms. */
  t: number;
  tDeliver: number;
  /** Node ids (hosts). */
  from: string;
  to: string;
  type: string;
  /**
   * The Spark name with its key argument: "ExecutorStateChanged(RUNNING)"; a reply reads as what
   * it answers: "↩ ExecutorStateChanged: true".
   */
  label: string;
  /** For a reply to an ask: the type of the ask it answers ("ExecutorStateChanged"). */
  answers?: string;
  kind: MessageKind;
  /** How many equal messages this arrow stands for (tasks and heartbeats are grouped per frame). */
  count: number;
  /** Why it was lost ('partition', 'host-down', 'process-dead'), when already known. */
  dropped?: string;
}

export interface LogEntry {
  /** Position in the run's log: stable key and cursor. */
  seq: number;
  t: number;
  /** "Master@master", "Worker@w1", … */
  source: string;
  level: 'INFO' | 'WARN' | 'ERROR';
  text: string;
}

/** A scenario action on the timeline. */
export interface TimelineAction {
  /** Index in the scenario's actions. */
  index: number;
  at: number;
  type: string;
  /** "kill-worker w2", "submit SparkPi (cluster)". */
  label: string;
  /** True when the user applied it in this session (false: it came with the scenario). */
  recorded: boolean;
}

/** The pacing hint: while control messages fly, the page slows time so each arrow is visible. */
export interface FlightHint {
  /** Shortest flight (tDeliver − t) among control messages in flight. */
  minFlightMs: number;
  /** Latest delivery time among them. */
  until: number;
}

export interface EngineFrame {
  /** A whole picture (load, seek, reset): the page replaces what it has; otherwise it merges. */
  full: boolean;
  /** Simulated ms reached. */
  time: number;
  /** The same instant as epoch ms. */
  epochMs: number;
  /** Nothing is left to happen but housekeeping: the page may pause. */
  idle: boolean;
  /** Simulated ms of the next pending event or action, null when none. */
  nextEventTime: number | null;
  /** Full: every node; otherwise the nodes that changed. */
  nodes: NodeView[];
  /** Workers whose running-task counts alone changed (never in a full frame). */
  counts: TaskCountsView[];
  /** Node ids that are gone (a removed worker). */
  removed: string[];
  /** Present when the partitions changed (always in a full frame). */
  partitions?: PartitionView[];
  /** Messages sent since the last frame (a full frame: those in flight now). */
  messages: MessageView[];
  /** Messages of this frame not drawn (beyond the per-frame arrow caps): counted, not sent. */
  undrawn: number;
  /** Messages of earlier frames found lost in this one. */
  drops: { id: number; reason: string }[];
  /** State changes since the last frame (full: every one up to now). */
  changes: StateChangeView[];
  /** Log lines since the last frame (the newest few hundred), and how many were left out. */
  logs: LogEntry[];
  skippedLogs: number;
  /** Present when the scenario's actions changed (always in a full frame). */
  actions?: TimelineAction[];
  /** Control messages in flight now, null when none. */
  flight: FlightHint | null;
  /** The furthest simulated ms this session has reached (seeking back keeps it). */
  horizon: number;
  /**
   * Set by play(): the rate time ran at and why (`detail` names what: the message type in flight,
   * the running tasks' count, the countdown), and the clock with its fraction (for smooth arrows).
   */
  pace?: {
    rate: number;
    reason: 'flight' | 'tasks' | 'countdown' | 'normal' | 'quiet';
    detail?: string;
    displayTime: number;
  };
  /** Set by the engine API once the run used up its work budget: why it stopped there for good. */
  exhausted?: string;
}

/** One of Spark's guarantees as a badge (views/guarantees-view.ts). */
export interface GuaranteeBadgeView {
  id: string;
  title: string;
  status: 'ok' | 'pending' | 'violated';
  /** One sentence: what broke, what is awaited, or that it holds. */
  detail: string;
  /** For a violated one: when it first broke, and the state change that showed it. */
  at?: number;
  change?: number;
}

/** One worker as the Master weighed it for one executor of an app, or for a driver. */
export interface WhyWorkerView {
  id: string;
  host: string;
  state: string;
  coresFree: number;
  memoryFreeMb: number;
  needCores: number;
  needMemoryMb: number;
  fits: boolean;
  short: ('state' | 'cores' | 'memory' | 'resources')[];
}

/** "Why is it waiting?": a stable reason code, one sentence, the per-worker table, what would change it. */
export interface WhyView {
  code: string;
  text: string;
  workers: WhyWorkerView[];
  fixes: string[];
}

/** What can be selected on the canvas, in the Master UI or in the log. */
export type Selection =
  | { kind: 'worker'; id: string }
  | { kind: 'master'; id: string }
  | { kind: 'zookeeper'; id: string }
  | { kind: 'client'; id: string }
  | { kind: 'executor'; id: string }
  | { kind: 'driver'; id: string }
  | { kind: 'application'; id: string };

/** The Inspector's view of a selection at the current simulated time. */
export interface InspectView {
  selection: Selection;
  title: string;
  /** Fields as Spark names them, in display order. */
  fields: { name: string; value: string }[];
  /** Its state changes, oldest first, each with its cause. */
  history: StateChangeView[];
  /** False when the thing does not exist (yet) at this time. */
  exists: boolean;
  /** For an application or a cluster-mode driver: why it holds what it holds (views/why.ts). */
  why?: WhyView;
  /** Its latest state change walked back to its origin, newest first (views/causes.ts). */
  chain?: CauseLinkView[];
}

/** One link of a causal chain: a state change, a message, a timer, an exit, the user's action. */
export interface CauseLinkView {
  /** Simulated ms of this link: the change, the message's send, the exit, the timer's firing. */
  t: number;
  kind: 'change' | 'message' | 'timer' | 'action' | 'start' | 'disconnect' | 'exit';
  /** One line for the panel. */
  text: string;
  /** For a message: its id, so a viewer can select it. */
  messageId?: number;
  /** For a change: its subject (app, driver, executor or worker id). */
  subject?: string;
}

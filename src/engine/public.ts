// The engine's public face for code that runs in the page's thread (docs/architecture.md, "The
// engine's public face"): the pure helpers the page may call directly (spark-submit's parser and
// checks for the submit dialog, restoreScenario for imported files, the worker-memory check for
// the palette, the engine version for share links) and the shapes of what the engine sends.
// Everything else the page asks of the engine goes through the worker (api.ts, types only).
// src/ui, src/share and src/interop import nothing else from src/engine; lint enforces it.
//
// The page's entry script imports a few values from here, and its lazily loaded dialogs import
// the rest, so every module re-exported below must be free of side effects at load time (the
// bundler then keeps only what each chunk uses): no registration, no work at import.

export { ENGINE_VERSION } from './version';

// The scenario document: its one way in, its checks, its types and defaults.
export { jsonErrorMessage, restoreScenario } from './scenario/restore';
export { actionSchemas } from './scenario/schema';
export { checkSubmitCommand } from './scenario/spark-checks';
export type { SubmitCheck } from './scenario/spark-checks';
export { checkWorkerMemory } from './scenario/worker-memory-check';
export { LIMITS, WORK_BUDGET } from './scenario/limits';
// The page checks a parsed file with it before posting it to the engine's worker.
export { exceedsNesting, MAX_NESTING } from './scenario/nesting';
export { CLIENT_HOST, DEFAULT_MASTER_HOST, DEFAULT_MASTER_PORT, SCENARIO_FORMAT_VERSION } from './scenario/types';
export type {
  Action,
  DriverFault,
  ExecutorFault,
  Scenario,
  ScenarioSource,
  SubmitAction,
  Workload,
} from './scenario/types';

// spark-submit as the submit dialog and the exporter use it.
export {
  DEFAULT_SPARK_HOME,
  DEFAULT_SPARK_VERSION,
  parseSparkSubmit,
  parseStandaloneMasterUrls,
  parseSubmitCommandLine,
  renderSparkSubmit,
  restAddressFromSparkUrl,
  shellQuote,
  singleQuote,
  splitShellWords,
} from './spark/submit';
export type { DeployMode, SubmitCommandLine } from './spark/submit';
export { isSparkPi, registeredAppName, SPARK_PI_DEFAULT_SLICES } from './spark/examples';
// The workload a submit action runs (the submit dialog's defaults are checked against it).
export { behaviourOf } from './world/actions';
export { DEFAULT_TASK_MS } from './spark/timings';
// The rules of adaptive time, for the words of the header's rate readout.
export {
  COUNTDOWN_WALL_MS,
  FLIGHT_VISIBLE_WALL_MS,
  QUIET_AFTER_WALL_MS,
  QUIET_BOOST,
  TASK_DOUBLING_WALL_MS,
  TASK_WATCH_WALL_MS,
} from './pacing-rules';
export { DEFAULT_ZOOKEEPER_HOST, ZOOKEEPER_CLIENT_PORT, zooKeeperServers } from './spark/settings';

// What the engine sends the page: frames, nodes, messages, selections, and Spark's /json shapes.
export type {
  CauseLinkView,
  CauseView,
  ClientNodeView,
  DaemonProcess,
  EngineFrame,
  GuaranteeBadgeView,
  InspectView,
  LogEntry,
  MasterNodeView,
  MessageKind,
  MessageView,
  NodeView,
  PartitionView,
  ProcessCardView,
  Selection,
  StateChangeView,
  TimelineAction,
  WhyView,
  WhyWorkerView,
  WorkerNodeView,
  ZooKeeperNodeView,
} from './views/frame-types';
// How the page merges a frame's count-only worker updates into the nodes it holds.
export { applyTaskCounts } from './views/task-counts';
export type {
  ApplicationInfoJson,
  DriverInfoJson,
  MasterStateJson,
  ResourceInfoJson,
  WorkerInfoJson,
} from './views/json-types';

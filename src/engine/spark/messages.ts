// Models deploy/DeployMessages.scala, deploy/master/MasterMessages.scala and
// scheduler/cluster/CoarseGrainedClusterMessage.scala: the RPC messages of a Standalone cluster,
// with Spark's names and payloads (refs are RPC addresses "host:port", as Spark's RpcEndpointRef).

export type ExecutorStateName = 'LAUNCHING' | 'RUNNING' | 'KILLED' | 'FAILED' | 'LOST' | 'EXITED' | 'DECOMMISSIONED';
export type DriverStateName =
  'SUBMITTED' | 'RUNNING' | 'FINISHED' | 'RELAUNCHING' | 'UNKNOWN' | 'KILLED' | 'FAILED' | 'ERROR';
export type ApplicationStateName = 'WAITING' | 'RUNNING' | 'FINISHED' | 'FAILED' | 'KILLED' | 'UNKNOWN';
export type WorkerStateName = 'ALIVE' | 'DEAD' | 'DECOMMISSIONED' | 'UNKNOWN';
export type RecoveryStateName = 'STANDBY' | 'ALIVE' | 'RECOVERING' | 'COMPLETING_RECOVERY';

/** ExecutorState.isFinished */
export function isExecutorFinished(s: ExecutorStateName): boolean {
  return s === 'KILLED' || s === 'FAILED' || s === 'LOST' || s === 'EXITED';
}

/** A JVM command line as Spark's deploy.Command carries it. */
export interface Command {
  mainClass: string;
  arguments: string[];
  javaOpts: string[];
}

/**
 * What the user's code does when it runs: not a Spark field, but the simulator's stand-in for the
 * jar. It travels inside the descriptions the way the jar's bytes would (docs/scenario-format.md: a
 * submission's workload and faults).
 */
export interface AppBehaviour {
  tasks: number;
  taskMs: number;
  executorFault: { kind: 'launch-failure' } | { kind: 'crash'; afterMs: number; exitCode: number } | null;
  driverFault: { kind: 'crash'; afterMs: number; exitCode: number } | null;
  /** spark.task.maxFailures of the application's conf (TaskSetManager's maxTaskFailures). */
  maxTaskFailures: number;
}

/** deploy/ApplicationDescription.scala (the parts the Master and Workers read). */
export interface ApplicationDescription {
  name: string;
  maxCores: number | null;
  memoryPerExecutorMB: number;
  /** Absent (null) when spark.executor.cores was not set: one executor per worker takes all cores given. */
  coresPerExecutor: number | null;
  command: Command;
  appUiUrl: string;
  user: string;
  initialExecutorLimit: number | null;
  behaviour: AppBehaviour;
}

/** deploy/DriverDescription.scala */
export interface DriverDescription {
  jarUrl: string;
  mem: number;
  cores: number;
  supervise: boolean;
  command: Command;
  behaviour: AppBehaviour;
}

/** deploy/ExecutorDescription.scala (worker → master on the wire). */
export interface ExecutorDescription {
  appId: string;
  execId: number;
  rpId: number;
  cores: number;
  memoryMb: number;
  state: ExecutorStateName;
}

// ---------------------------------------------------------------- Worker ⇄ Master

export interface RegisterWorker {
  type: 'RegisterWorker';
  id: string;
  host: string;
  port: number;
  worker: string;
  cores: number;
  memory: number;
  workerWebUiUrl: string;
  masterAddress: string;
}
export interface RegisteredWorker {
  type: 'RegisteredWorker';
  master: string;
  masterWebUiUrl: string;
  masterAddress: string;
  duplicate: boolean;
}
export interface RegisterWorkerFailed {
  type: 'RegisterWorkerFailed';
  message: string;
}
export interface MasterInStandby {
  type: 'MasterInStandby';
}
export interface Heartbeat {
  type: 'Heartbeat';
  workerId: string;
  worker: string;
}
export interface ReconnectWorker {
  type: 'ReconnectWorker';
  masterUrl: string;
}
export interface WorkerLatestState {
  type: 'WorkerLatestState';
  id: string;
  executors: ExecutorDescription[];
  driverIds: string[];
}
export interface LaunchExecutor {
  type: 'LaunchExecutor';
  masterUrl: string;
  appId: string;
  execId: number;
  rpId: number;
  appDesc: ApplicationDescription;
  cores: number;
  memory: number;
}
export interface KillExecutor {
  type: 'KillExecutor';
  masterUrl: string;
  appId: string;
  execId: number;
}
export interface ExecutorStateChanged {
  type: 'ExecutorStateChanged';
  appId: string;
  execId: number;
  state: ExecutorStateName;
  message: string | null;
  exitStatus: number | null;
}
export interface LaunchDriver {
  type: 'LaunchDriver';
  driverId: string;
  driverDesc: DriverDescription;
}
export interface KillDriver {
  type: 'KillDriver';
  driverId: string;
}
export interface DriverStateChanged {
  type: 'DriverStateChanged';
  driverId: string;
  state: DriverStateName;
  exception: string | null;
}
export interface ApplicationFinished {
  type: 'ApplicationFinished';
  id: string;
}
export interface MasterChanged {
  type: 'MasterChanged';
  master: string;
  masterWebUiUrl: string;
}
export interface WorkerSchedulerStateResponse {
  type: 'WorkerSchedulerStateResponse';
  id: string;
  execResponses: ExecutorDescription[];
  driverResponses: string[];
}
export interface DecommissionWorker {
  type: 'DecommissionWorker';
}
export interface WorkerDecommissioning {
  type: 'WorkerDecommissioning';
  id: string;
  worker: string;
}

// ---------------------------------------------------------------- AppClient ⇄ Master

export interface RegisterApplication {
  type: 'RegisterApplication';
  appDescription: ApplicationDescription;
  driver: string;
}
export interface RegisteredApplication {
  type: 'RegisteredApplication';
  appId: string;
  master: string;
}
export interface UnregisterApplication {
  type: 'UnregisterApplication';
  appId: string;
}
export interface ApplicationRemoved {
  type: 'ApplicationRemoved';
  message: string;
}
export interface ExecutorAdded {
  type: 'ExecutorAdded';
  id: number;
  workerId: string;
  hostPort: string;
  cores: number;
  memory: number;
}
export interface ExecutorUpdated {
  type: 'ExecutorUpdated';
  id: number;
  state: ExecutorStateName;
  message: string | null;
  exitStatus: number | null;
  workerHost: string | null;
}
export interface WorkerRemoved {
  type: 'WorkerRemoved';
  id: string;
  host: string;
  message: string;
}
export interface MasterChangeAcknowledged {
  type: 'MasterChangeAcknowledged';
  appId: string;
}
export interface StopAppClient {
  type: 'StopAppClient';
}

// ---------------------------------------------------------------- submission clients ⇄ Master

export interface RequestSubmitDriver {
  type: 'RequestSubmitDriver';
  driverDescription: DriverDescription;
}
export interface SubmitDriverResponse {
  type: 'SubmitDriverResponse';
  master: string;
  success: boolean;
  driverId: string | null;
  message: string;
}
export interface RequestKillDriver {
  type: 'RequestKillDriver';
  driverId: string;
}
export interface KillDriverResponse {
  type: 'KillDriverResponse';
  master: string;
  driverId: string;
  success: boolean;
  message: string;
}
export interface RequestDriverStatus {
  type: 'RequestDriverStatus';
  driverId: string;
}
export interface DriverStatusResponse {
  type: 'DriverStatusResponse';
  found: boolean;
  state: DriverStateName | null;
  workerId: string | null;
  workerHostPort: string | null;
  exception: string | null;
}
/** REST protocol (deploy/rest/*): the HTTP requests of the submission gateway on port 6066. */
export interface CreateSubmissionRequest {
  type: 'CreateSubmissionRequest';
  appResource: string;
  mainClass: string;
  appArgs: string[];
  sparkProperties: Record<string, string>;
  /** The jar's behaviour (simulator-only, see AppBehaviour). */
  behaviour: AppBehaviour;
}
export interface CreateSubmissionResponse {
  type: 'CreateSubmissionResponse';
  success: boolean;
  submissionId: string | null;
  message: string;
}
export interface SubmissionStatusRequest {
  type: 'SubmissionStatusRequest';
  submissionId: string;
}
export interface SubmissionStatusResponse {
  type: 'SubmissionStatusResponse';
  submissionId: string;
  success: boolean;
  driverState: DriverStateName | null;
  workerId: string | null;
  workerHostPort: string | null;
  message: string | null;
}

// ---------------------------------------------------------------- executor ⇄ driver

export interface RetrieveSparkAppConfig {
  type: 'RetrieveSparkAppConfig';
  resourceProfileId: number;
}
export interface SparkAppConfig {
  type: 'SparkAppConfig';
  sparkProperties: [string, string][];
}
export interface RegisterExecutor {
  type: 'RegisterExecutor';
  executorId: string;
  executorRef: string;
  hostname: string;
  cores: number;
}
/** The Boolean reply of RegisterExecutor / ExecutorStateChanged asks and similar. */
export interface BooleanReply {
  type: 'Boolean';
  value: boolean;
  message?: string;
}
export interface RegisteredExecutor {
  type: 'RegisteredExecutor';
}
export interface LaunchedExecutor {
  type: 'LaunchedExecutor';
  executorId: string;
}
export interface LaunchTask {
  type: 'LaunchTask';
  taskId: number;
  durationMs: number;
}
export interface StatusUpdate {
  type: 'StatusUpdate';
  executorId: string;
  taskId: number;
  state: 'FINISHED' | 'FAILED' | 'KILLED' | 'LOST';
}
export interface StopExecutors {
  type: 'StopExecutors';
}
export interface StopExecutor {
  type: 'StopExecutor';
}
export interface Shutdown {
  type: 'Shutdown';
}
/** Driver → executor: start decommissioning (CoarseGrainedClusterMessages.DecommissionExecutor). */
export interface DecommissionExecutor {
  type: 'DecommissionExecutor';
}
export interface RemoveExecutor {
  type: 'RemoveExecutor';
  executorId: string;
  reason: string;
}

export type SparkMessage =
  | RegisterWorker
  | RegisteredWorker
  | RegisterWorkerFailed
  | MasterInStandby
  | Heartbeat
  | ReconnectWorker
  | WorkerLatestState
  | LaunchExecutor
  | KillExecutor
  | ExecutorStateChanged
  | LaunchDriver
  | KillDriver
  | DriverStateChanged
  | ApplicationFinished
  | MasterChanged
  | WorkerSchedulerStateResponse
  | DecommissionWorker
  | WorkerDecommissioning
  | RegisterApplication
  | RegisteredApplication
  | UnregisterApplication
  | ApplicationRemoved
  | ExecutorAdded
  | ExecutorUpdated
  | WorkerRemoved
  | MasterChangeAcknowledged
  | StopAppClient
  | RequestSubmitDriver
  | SubmitDriverResponse
  | RequestKillDriver
  | KillDriverResponse
  | RequestDriverStatus
  | DriverStatusResponse
  | CreateSubmissionRequest
  | CreateSubmissionResponse
  | SubmissionStatusRequest
  | SubmissionStatusResponse
  | RetrieveSparkAppConfig
  | SparkAppConfig
  | RegisterExecutor
  | BooleanReply
  | RegisteredExecutor
  | LaunchedExecutor
  | LaunchTask
  | StatusUpdate
  | StopExecutors
  | StopExecutor
  | Shutdown
  | DecommissionExecutor
  | RemoveExecutor;

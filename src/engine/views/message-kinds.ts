// What each Spark message is about, for its colour on the canvas and for the page's toggles
// (heartbeats faint, task traffic grouped). Every message type the model sends is listed; a new
// one falls into 'other' until it is placed here (a test checks the list is complete).
import type { Msg } from '../sim/kernel';
import type { MessageKind } from './frame-types';

const KINDS: Record<string, MessageKind> = {
  // Who is who: workers, applications, executors and submissions joining a Master.
  RegisterWorker: 'registration',
  RegisteredWorker: 'registration',
  RegisterWorkerFailed: 'registration',
  MasterInStandby: 'registration',
  ReconnectWorker: 'registration',
  RegisterApplication: 'registration',
  RegisteredApplication: 'registration',
  RegisterExecutor: 'registration',
  RegisteredExecutor: 'registration',
  RetrieveSparkAppConfig: 'registration',
  SparkAppConfig: 'registration',
  MasterChanged: 'registration',
  MasterChangeAcknowledged: 'registration',
  WorkerSchedulerStateResponse: 'registration',
  RequestSubmitDriver: 'registration',
  SubmitDriverResponse: 'registration',
  CreateSubmissionRequest: 'registration',
  CreateSubmissionResponse: 'registration',
  // The Master placing work.
  LaunchExecutor: 'scheduling',
  LaunchDriver: 'scheduling',
  ExecutorAdded: 'scheduling',
  LaunchedExecutor: 'scheduling',
  // Reports of state.
  ExecutorStateChanged: 'state',
  DriverStateChanged: 'state',
  ExecutorUpdated: 'state',
  WorkerLatestState: 'state',
  ApplicationFinished: 'state',
  UnregisterApplication: 'state',
  StopAppClient: 'state',
  WorkerDecommissioning: 'state',
  DecommissionWorker: 'state',
  DecommissionExecutor: 'state',
  RequestDriverStatus: 'state',
  DriverStatusResponse: 'state',
  SubmissionStatusRequest: 'state',
  SubmissionStatusResponse: 'state',
  // Liveness.
  Heartbeat: 'heartbeat',
  Ping: 'heartbeat',
  PingResponse: 'heartbeat',
  // Ending things.
  KillExecutor: 'kill',
  KillDriver: 'kill',
  RequestKillDriver: 'kill',
  KillDriverResponse: 'kill',
  ApplicationRemoved: 'kill',
  WorkerRemoved: 'kill',
  Shutdown: 'kill',
  StopExecutor: 'kill',
  StopExecutors: 'kill',
  RemoveExecutor: 'kill',
  // The job's own traffic between driver and executors.
  LaunchTask: 'task',
  StatusUpdate: 'task',
  KillTask: 'task',
  ReviveOffers: 'task',
};

/** The message types placed above (the completeness test compares them with the model's). */
export const KNOWN_MESSAGE_TYPES: readonly string[] = Object.keys(KINDS);

export function messageKind(type: string): MessageKind {
  return KINDS[type] ?? 'other';
}

/** Spark's name with its telling argument: "ExecutorStateChanged(RUNNING)", "LaunchDriver(driver-…)". */
export function messageLabel(msg: Msg): string {
  const m = msg as unknown as Record<string, unknown>;
  if (typeof m.state === 'string') return `${msg.type}(${m.state})`;
  if (msg.type === 'Boolean' && typeof m.value === 'boolean') return `Boolean(${m.value})`;
  if (msg.type === 'KillExecutor' || msg.type === 'LaunchExecutor') {
    if (typeof m.appId === 'string' && (typeof m.execId === 'number' || typeof m.execId === 'string'))
      return `${msg.type}(${m.appId}/${m.execId})`;
  }
  if ((msg.type === 'LaunchDriver' || msg.type === 'KillDriver') && typeof m.driverId === 'string')
    return `${msg.type}(${m.driverId})`;
  return msg.type;
}

/**
 * A reply to an ask, read as what it answers. Spark's RpcEndpointRef.ask answers with a bare value
 * (`context.reply(true)`), which means nothing on its own, so a Boolean reads as the ask's name and
 * the value ("↩ ExecutorStateChanged: true"); a reply with a type of its own keeps its name
 * ("↩ SubmitDriverResponse").
 */
export function replyLabel(answers: string, msg: Msg): string {
  const m = msg as unknown as Record<string, unknown>;
  if (msg.type === 'Boolean' && typeof m.value === 'boolean') return `↩ ${answers}: ${m.value}`;
  return `↩ ${messageLabel(msg)}`;
}

/**
 * A reply's kind: that of a typed reply, else (a bare value) that of the ask it answers, so the
 * answer to ExecutorStateChanged is coloured as a state report.
 */
export function replyKind(answers: string, type: string): MessageKind {
  const own = messageKind(type);
  return own === 'other' ? messageKind(answers) : own;
}

// Models deploy/worker/Worker.scala: registration with the masters (with retries and their fuzz),
// heartbeats, following a changed master, launching and killing executors and drivers through
// their runners (executor-runner.ts, driver-runner.ts), and reporting every state change to the
// Master. The Worker's state types live in worker-state.ts.
import type { AskTimeout, ChildExited, Delivery, Disconnected, Pid, Process } from '../sim/kernel';
import type { SparkCluster } from './cluster';
import type { DriverRunnerTimer } from './driver-runner';
import {
  driverProcessExited,
  driverRunnerWakes,
  killDriverRunner,
  newDriverRunner,
  startDriverRunner,
} from './driver-runner';
import type { ExecutorForked } from './executor-runner';
import {
  executorForked,
  executorProcessExited,
  killExecutorRunner,
  newExecutorRunner,
  startExecutorRunner,
} from './executor-runner';
import { generateWorkerId } from './ids';
import type {
  ApplicationDescription,
  DriverStateChanged,
  ExecutorDescription,
  ExecutorStateChanged,
  SparkMessage,
} from './messages';
import { isExecutorFinished } from './messages';
import { megabytesToString } from './memory';
import type { WorkerState } from './worker-state';
import { WORKER_EP } from './worker-state';

type WorkerTimer =
  | { type: 'SendHeartbeat'; chain: number }
  | { type: 'ReregisterWithMaster'; token: number }
  | ExecutorForked
  | DriverRunnerTimer
  | { type: 'WorkerDecommissionSigReceived' }
  | { type: 'WorkerJvmStarted' };

export function startWorker(
  c: SparkCluster,
  opts: {
    host: string;
    cores: number;
    memoryMb: number;
    port?: number;
    masterAddresses: string[];
    /** How long its JVM takes to start before onStart registers it (0: at once, the scenario's first Workers). */
    startupMs?: number;
  },
): Process<WorkerState> {
  const port = opts.port ?? c.ephemeralPort(opts.host);
  const workerId = generateWorkerId(c.settings.workerIdPattern, c.epochNow, opts.host, port);
  const state: WorkerState = {
    workerId,
    host: opts.host,
    port,
    address: `${opts.host}:${port}`,
    cores: opts.cores,
    memory: opts.memoryMb,
    webUiUrl: `http://${opts.host}:8081`,
    masterAddresses: opts.masterAddresses,
    master: null,
    activeMasterUrl: '',
    activeMasterWebUiUrl: '',
    registered: false,
    connected: false,
    connectionAttemptCount: 0,
    registrationRetryTimer: 0,
    registrationRetryToken: 0,
    // new Random(UUID.randomUUID.getMostSignificantBits).nextDouble + 0.500
    fuzz: c.k.random.float() + 0.5,
    heartbeat: { type: 'Heartbeat', workerId, worker: `${opts.host}:${port}` },
    heartbeatChains: 0,
    coresUsed: 0,
    memoryUsed: 0,
    executors: new Map(),
    finishedExecutors: new Map(),
    drivers: new Map(),
    finishedDrivers: new Map(),
    appDirectories: new Set(),
    appDirectoryCount: 0,
    memoAddress: null,
    memoPid: 0,
    memoRebinds: 0,
    finishedApps: new Set(),
    decommissioned: false,
    executorStateSyncFailures: 0,
    awaitingDriverExit: null,
    heldDeliveries: [],
  };
  const p = c.spawn(opts.host, 'worker', `Worker@${opts.host}`, state, { port });
  c.bind(p.pid, opts.host, port);
  c.k.log(
    p.pid,
    `Starting Spark worker ${state.address} with ${opts.cores} cores, ${megabytesToString(opts.memoryMb)} RAM`,
  );
  // onStart: registerWithMaster, once the JVM is up.
  if (opts.startupMs) c.k.timer(p.pid, WORKER_EP, opts.startupMs, { type: 'WorkerJvmStarted' });
  else registerWithMaster(c, p);
  return p;
}

export function initialRetryIntervalMs(w: WorkerState): number {
  return Math.round(10 * w.fuzz) * 1000;
}

export function prolongedRetryIntervalMs(w: WorkerState): number {
  return Math.round(60 * w.fuzz) * 1000;
}

function tryRegisterAllMasters(c: SparkCluster, p: Process<WorkerState>): void {
  for (const address of p.state.masterAddresses) sendRegisterWorker(c, p, address);
}

function sendRegisterWorker(c: SparkCluster, p: Process<WorkerState>, masterAddress: string): void {
  const w = p.state;
  c.k.log(p.pid, `Connecting to master ${masterAddress}...`);
  c.sendTo(p.pid, WORKER_EP, masterAddress, 'Master', {
    type: 'RegisterWorker',
    id: w.workerId,
    host: w.host,
    port: w.port,
    worker: w.address,
    cores: w.cores,
    memory: w.memory,
    workerWebUiUrl: w.webUiUrl,
    masterAddress,
  });
}

export function registerWithMaster(c: SparkCluster, p: Process<WorkerState>): void {
  const w = p.state;
  if (w.registrationRetryTimer !== 0) {
    c.k.log(
      p.pid,
      'Not spawning another attempt to register with the master, since there is an attempt scheduled already.',
    );
    return;
  }
  w.registered = false;
  tryRegisterAllMasters(c, p);
  w.connectionAttemptCount = 0;
  startRetryTimer(c, p, initialRetryIntervalMs(w));
}

function startRetryTimer(c: SparkCluster, p: Process<WorkerState>, periodMs: number): void {
  const w = p.state;
  w.registrationRetryToken += 1;
  w.registrationRetryTimer = c.k.timer(p.pid, WORKER_EP, periodMs, {
    type: 'ReregisterWithMaster',
    token: w.registrationRetryToken,
  });
}

function cancelLastRegistrationRetry(c: SparkCluster, w: WorkerState): void {
  c.k.cancel(w.registrationRetryTimer);
  w.registrationRetryTimer = 0;
  w.registrationRetryToken += 1;
}

function reregisterWithMaster(c: SparkCluster, p: Process<WorkerState>): void {
  const w = p.state;
  const s = c.settings;
  w.connectionAttemptCount += 1;
  if (w.registered) {
    cancelLastRegistrationRetry(c, w);
  } else if (w.connectionAttemptCount <= s.maxRegistrationRetries) {
    c.k.log(p.pid, `Retrying connection to master (attempt # ${w.connectionAttemptCount})`);
    if (w.master) sendRegisterWorker(c, p, w.master);
    else tryRegisterAllMasters(c, p);
    // We have exceeded the initial registration retry threshold: all retries from now on use a
    // higher interval.
    if (w.connectionAttemptCount === s.initialRegistrationRetries) {
      cancelLastRegistrationRetry(c, w);
      startRetryTimer(c, p, prolongedRetryIntervalMs(w));
    } else {
      startRetryTimer(
        c,
        p,
        w.connectionAttemptCount < s.initialRegistrationRetries
          ? initialRetryIntervalMs(w)
          : prolongedRetryIntervalMs(w),
      );
    }
  } else {
    c.k.log(p.pid, 'All masters are unresponsive! Giving up.', 'ERROR');
    c.exitProcess(p.pid, 1);
  }
}

function changeMaster(c: SparkCluster, w: WorkerState, masterRef: string, webUiUrl: string): void {
  w.activeMasterUrl = `spark://${masterRef}`;
  w.activeMasterWebUiUrl = webUiUrl;
  w.master = masterRef;
  w.connected = true;
  cancelLastRegistrationRetry(c, w);
}

function executorDescriptions(w: WorkerState): ExecutorDescription[] {
  return [...w.executors.values()].map((e) => ({
    appId: e.appId,
    execId: e.execId,
    rpId: 0,
    cores: e.cores,
    memoryMb: e.memory,
    state: e.state,
  }));
}

// ---------------------------------------------------------------- receive

export function receive(c: SparkCluster, proc: Process, d: Delivery): void {
  const p = proc as Process<WorkerState>;
  const w = p.state;
  const msg = d.msg as SparkMessage | WorkerTimer | Disconnected | ChildExited | AskTimeout;
  // While KillDriver waits for the driver JVM to exit, the Worker endpoint's inbox only fills:
  // messages, its own timers and connection notices wait; the runners' threads go on.
  if (w.awaitingDriverExit !== null && (d.ep === WORKER_EP || d.ep === '*')) {
    w.heldDeliveries.push(d);
    return;
  }
  switch (msg.type) {
    case 'RegisteredWorker': {
      c.k.log(p.pid, `Successfully registered with master spark://${msg.master}`);
      if (msg.duplicate) c.k.log(p.pid, `Duplicate registration at master spark://${msg.masterAddress}`, 'WARN');
      w.registered = true;
      changeMaster(c, w, msg.master, msg.masterWebUiUrl);
      w.heartbeatChains += 1;
      c.k.timer(p.pid, WORKER_EP, 0, { type: 'SendHeartbeat', chain: w.heartbeatChains });
      c.sendTo(p.pid, WORKER_EP, msg.master, 'Master', {
        type: 'WorkerLatestState',
        id: w.workerId,
        executors: executorDescriptions(w),
        driverIds: [...w.drivers.keys()],
      });
      return;
    }
    case 'RegisterWorkerFailed': {
      if (!w.registered) {
        c.k.log(p.pid, `Worker registration failed: ${msg.message}`, 'ERROR');
        c.exitProcess(p.pid, 1);
      }
      return;
    }
    case 'MasterInStandby':
      return; // Ignore. Master not yet ready.
    case 'MasterChanged': {
      // A recovering leader: follow it (this also ends any registration retries) and tell it
      // what runs here, so it can re-attach executors and drivers under their own ids.
      c.k.log(p.pid, `Master has changed, new master is at spark://${msg.master}`);
      changeMaster(c, w, msg.master, msg.masterWebUiUrl);
      c.sendTo(p.pid, WORKER_EP, msg.master, 'Master', {
        type: 'WorkerSchedulerStateResponse',
        id: w.workerId,
        execResponses: executorDescriptions(w),
        driverResponses: [...w.drivers.keys()],
      });
      return;
    }
    case 'WorkerJvmStarted':
      registerWithMaster(c, p);
      return;
    case 'SendHeartbeat': {
      if (w.connected && w.master) c.sendToMemo(p.pid, WORKER_EP, w.master, w, 'Master', w.heartbeat);
      c.k.timer(p.pid, WORKER_EP, c.settings.workerTimeoutMs / 4, msg);
      return;
    }
    case 'ReregisterWithMaster': {
      if (msg.token !== w.registrationRetryToken) return; // a cancelled timer
      reregisterWithMaster(c, p);
      return;
    }
    case 'ReconnectWorker': {
      c.k.log(p.pid, `Master with url ${msg.masterUrl} requested this worker to reconnect.`);
      registerWithMaster(c, p);
      return;
    }
    case 'LaunchExecutor': {
      if (msg.masterUrl !== w.activeMasterUrl) {
        c.k.log(p.pid, `Invalid Master (${msg.masterUrl}) attempted to launch executor.`, 'WARN');
        return;
      }
      if (w.decommissioned) {
        c.k.log(p.pid, 'Asked to launch an executor while decommissioned. Not launching executor.', 'WARN');
        return;
      }
      launchExecutor(c, p, msg.appId, msg.execId, msg.appDesc, msg.cores, msg.memory);
      return;
    }
    case 'ExecutorForked': {
      const runner = w.executors.get(msg.fullId);
      if (runner) executorForked(c, p, runner);
      return;
    }
    case 'ExecutorStateChanged': {
      if (d.replyTo > 0) return; // the Master's `true`
      handleExecutorStateChanged(c, p, msg);
      return;
    }
    case 'Boolean':
      return; // the Master's reply to ExecutorStateChanged: ignored
    case 'AskTimeout': {
      if (msg.requestType === 'ExecutorStateChanged') retryExecutorStateSync(c, p, msg.ctx as ExecutorStateChanged);
      return;
    }
    case 'KillExecutor': {
      if (msg.masterUrl !== w.activeMasterUrl) {
        c.k.log(p.pid, `Invalid Master (${msg.masterUrl}) attempted to kill executor ${msg.execId}`, 'WARN');
        return;
      }
      const fullId = `${msg.appId}/${msg.execId}`;
      const runner = w.executors.get(fullId);
      if (!runner) {
        c.k.log(p.pid, `Asked to kill unknown executor ${fullId}`);
        return;
      }
      c.k.log(p.pid, `Asked to kill executor ${fullId}`);
      killExecutorRunner(c, p, runner);
      return;
    }
    case 'ChildExited': {
      onChildExited(c, p, msg.child, msg.exitCode);
      return;
    }
    case 'LaunchDriver': {
      c.k.log(p.pid, `Asked to launch driver ${msg.driverId}`);
      const runner = newDriverRunner(msg.driverId, msg.driverDesc);
      w.drivers.set(msg.driverId, runner);
      startDriverRunner(c, p, runner);
      w.coresUsed += msg.driverDesc.cores;
      w.memoryUsed += msg.driverDesc.mem;
      return;
    }
    case 'DriverPrepared':
    case 'DriverRelaunch': {
      const runner = w.drivers.get(msg.driverId);
      if (runner) driverRunnerWakes(c, p, runner);
      return;
    }
    case 'KillDriver': {
      const runner = w.drivers.get(msg.driverId);
      if (!runner) {
        c.k.log(p.pid, `Asked to kill unknown driver ${msg.driverId}`, 'ERROR');
        return;
      }
      c.k.log(p.pid, `Asked to kill driver ${msg.driverId}`);
      killDriverRunner(c, p, runner);
      return;
    }
    case 'DriverStateChanged': {
      handleDriverStateChanged(c, p, msg);
      return;
    }
    case 'ApplicationFinished': {
      // Every worker hears of every finished app; one that never ran it has nothing to clean up
      // (Spark adds the id to finishedApps and removes it again in the same call).
      if (w.appDirectoryCount === 0 || !w.appDirectories.has(msg.id)) return;
      w.finishedApps.add(msg.id);
      maybeCleanupApplication(c, p, msg.id);
      return;
    }
    case 'WorkerDecommissionSigReceived': {
      // SIGPWR: decommission self, then tell the Master.
      decommissionSelf(c, p);
      if (w.decommissioned && w.master)
        c.sendTo(p.pid, WORKER_EP, w.master, 'Master', {
          type: 'WorkerDecommissioning',
          id: w.workerId,
          worker: w.address,
        });
      return;
    }
    case 'DecommissionWorker': {
      decommissionSelf(c, p);
      return;
    }
    case 'Disconnected': {
      const address = `${msg.peerHost}:${msg.peerPort}`;
      if (w.master === address || (w.master === null && w.masterAddresses.includes(address))) {
        c.k.log(p.pid, `${address} Disassociated !`);
        masterDisconnected(c, p);
      }
      return;
    }
    default:
      c.k.log(p.pid, `Worker received unexpected message ${msg.type}`, 'WARN');
  }
}

function decommissionSelf(c: SparkCluster, p: Process<WorkerState>): void {
  const w = p.state;
  if (!c.settings.decommissionEnabled) {
    c.k.log(p.pid, 'Receive decommission request, but decommission feature is disabled.', 'WARN');
    return;
  }
  if (w.decommissioned) return;
  w.decommissioned = true;
  c.k.log(p.pid, `Decommission worker ${w.workerId}.`);
}

function masterDisconnected(c: SparkCluster, p: Process<WorkerState>): void {
  c.k.log(p.pid, 'Connection to master failed! Waiting for master to reconnect...', 'ERROR');
  p.state.connected = false;
  registerWithMaster(c, p);
}

// ---------------------------------------------------------------- executors

function launchExecutor(
  c: SparkCluster,
  p: Process<WorkerState>,
  appId: string,
  execId: number,
  appDesc: ApplicationDescription,
  cores: number,
  memory: number,
): void {
  const w = p.state;
  const fullId = `${appId}/${execId}`;
  c.k.log(p.pid, `Asked to launch executor ${fullId} for ${appDesc.name}`);
  if (appDesc.behaviour.executorFault?.kind === 'launch-failure') {
    // Creating work/<appId>/<execId> (or the app's local dirs) fails: the runner never starts and
    // the Worker reports FAILED straight away, with the exception's toString as the message.
    const error = `java.io.IOException: Failed to create directory /opt/spark/work/${appId}/${execId}`;
    c.k.log(p.pid, `Failed to launch executor ${fullId} for ${appDesc.name}.`, 'ERROR');
    syncExecutorStateWithMaster(c, p, {
      type: 'ExecutorStateChanged',
      appId,
      execId,
      state: 'FAILED',
      message: error,
      exitStatus: null,
    });
    return;
  }
  w.appDirectories.add(appId);
  w.appDirectoryCount = w.appDirectories.size;
  const runner = newExecutorRunner(appId, execId, appDesc, cores, memory);
  w.executors.set(fullId, runner);
  startExecutorRunner(c, p, runner);
  w.coresUsed += cores;
  w.memoryUsed += memory;
}

/** A runner's process ended (its waitFor() returned): the runner that started it handles it. */
function onChildExited(c: SparkCluster, p: Process<WorkerState>, child: Pid, exitCode: number): void {
  const w = p.state;
  for (const r of w.executors.values()) {
    if (r.pid !== child) continue;
    executorProcessExited(c, p, r, exitCode);
    return;
  }
  for (const r of w.drivers.values()) {
    if (r.pid !== child) continue;
    driverProcessExited(c, p, r, exitCode);
    if (w.awaitingDriverExit === r.driverId) resumeWorkerLoop(c, p);
    return;
  }
}

/**
 * DriverRunner.kill() returned (its driver JVM exited, or spark.worker.driverTerminateTimeout
 * passed): the Worker endpoint handles what waited in its inbox, in order, until it is empty or
 * a held KillDriver makes the loop wait again.
 */
export function resumeWorkerLoop(c: SparkCluster, p: Process<WorkerState>): void {
  const w = p.state;
  w.awaitingDriverExit = null;
  while (w.awaitingDriverExit === null && w.heldDeliveries.length > 0) c.redeliver(p, w.heldDeliveries.shift()!);
}

function handleExecutorStateChanged(c: SparkCluster, p: Process<WorkerState>, msg: ExecutorStateChanged): void {
  const w = p.state;
  syncExecutorStateWithMaster(c, p, msg);
  if (!isExecutorFinished(msg.state)) return;
  const fullId = `${msg.appId}/${msg.execId}`;
  const detail = `${msg.message !== null ? ` message ${msg.message}` : ''}${msg.exitStatus !== null ? ` exitStatus ${msg.exitStatus}` : ''}`;
  const runner = w.executors.get(fullId);
  if (runner) {
    c.k.log(p.pid, `Executor ${fullId} finished with state ${msg.state}${detail}`);
    w.executors.delete(fullId);
    w.finishedExecutors.set(fullId, runner);
    trimFinished(w.finishedExecutors, c.settings.retainedExecutorsOnWorker);
    w.coresUsed -= runner.cores;
    w.memoryUsed -= runner.memory;
  } else {
    c.k.log(p.pid, `Unknown Executor ${fullId} finished with state ${msg.state}${detail}`);
  }
  maybeCleanupApplication(c, p, msg.appId);
}

/** SPARK-34245: ExecutorStateChanged goes to the Master as an ask, retried on failure. */
function syncExecutorStateWithMaster(c: SparkCluster, p: Process<WorkerState>, msg: ExecutorStateChanged): void {
  const w = p.state;
  if (!w.master) {
    c.k.log(p.pid, `Failed to send ${msg.type} to master: none is connected.`, 'WARN');
    return;
  }
  c.askTo(p.pid, WORKER_EP, w.master, 'Master', msg, c.settings.askTimeoutMs, msg);
}

function retryExecutorStateSync(c: SparkCluster, p: Process<WorkerState>, msg: ExecutorStateChanged): void {
  const w = p.state;
  w.executorStateSyncFailures += 1;
  if (w.executorStateSyncFailures >= c.settings.executorStateSyncMaxAttempts) {
    c.k.log(
      p.pid,
      `Failed to send ${msg.type} to master after ${w.executorStateSyncFailures} attempts; shutting down the worker.`,
      'ERROR',
    );
    c.exitProcess(p.pid, 1);
    return;
  }
  syncExecutorStateWithMaster(c, p, msg);
}

function trimFinished<T>(finished: Map<string, T>, retained: number): void {
  if (finished.size <= retained) return;
  const drop = Math.max(Math.floor(finished.size / 10), 1);
  let i = 0;
  for (const key of [...finished.keys()]) {
    if (i++ >= drop) break;
    finished.delete(key);
  }
}

function maybeCleanupApplication(c: SparkCluster, p: Process<WorkerState>, appId: string): void {
  const w = p.state;
  if (!w.finishedApps.has(appId)) return;
  for (const e of w.executors.values()) if (e.appId === appId) return;
  w.finishedApps.delete(appId);
  if (w.appDirectories.delete(appId)) {
    w.appDirectoryCount = w.appDirectories.size;
    c.k.log(p.pid, `Cleaning up local directories for application ${appId}`);
  }
}

// ---------------------------------------------------------------- drivers

function handleDriverStateChanged(c: SparkCluster, p: Process<WorkerState>, msg: DriverStateChanged): void {
  const w = p.state;
  const { driverId, state, exception } = msg;
  switch (state) {
    case 'ERROR':
      c.k.log(p.pid, `Driver ${driverId} failed with unrecoverable exception: ${exception ?? ''}`, 'WARN');
      break;
    case 'FAILED':
      c.k.log(p.pid, `Driver ${driverId} exited with failure`, 'WARN');
      break;
    case 'FINISHED':
      c.k.log(p.pid, `Driver ${driverId} exited successfully`);
      break;
    case 'KILLED':
      c.k.log(p.pid, `Driver ${driverId} was killed by user`);
      break;
    default:
      c.k.log(p.pid, `Driver ${driverId} changed state to ${state}`);
  }
  if (w.master) c.sendTo(p.pid, WORKER_EP, w.master, 'Master', msg);
  const runner = w.drivers.get(driverId);
  if (!runner) return;
  w.drivers.delete(driverId);
  w.finishedDrivers.set(driverId, runner);
  trimFinished(w.finishedDrivers, c.settings.retainedDriversOnWorker);
  w.coresUsed -= runner.driverDesc.cores;
  w.memoryUsed -= runner.driverDesc.mem;
}

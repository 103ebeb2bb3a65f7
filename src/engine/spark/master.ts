// Models deploy/master/Master.scala: registration of workers and applications, schedule(), state
// changes from workers and drivers, worker liveness (timeOutDeadWorkers), kills, becoming leader
// (electedLeader, beginRecovery, completeRecovery over the persisted state), and the Master side of
// the submission gateways (RequestSubmitDriver, RequestKillDriver, RequestDriverStatus). The REST
// server in the same JVM is rest-server.ts; the leader election agent is leader-election.ts.
import type { Delivery, Disconnected, Process } from '../sim/kernel';
import type { SparkCluster } from './cluster';
import { recoveryModeOf } from './conf';
import { appIdFromName, newApplicationId, newDriverId } from './ids';
import type {
  ApplicationDescription,
  ApplicationStateName,
  DriverDescription,
  DriverStateName,
  ExecutorStateChanged,
  ExecutorUpdated,
  MasterChanged,
  RecoveryStateName,
  SparkMessage,
  WorkerSchedulerStateResponse,
} from './messages';
import { isExecutorFinished } from './messages';
import { megabytesToString } from './memory';
import type { ApplicationInfo, DriverInfo, ExecutorDesc, MasterState, WorkerInfo } from './master-state';
import {
  MASTER_EP,
  appAddExecutor,
  appRemoveExecutor,
  coresFree,
  coresLeft,
  isAppFinished,
  memoryFree,
  newApplicationInfo,
  newDriverInfo,
  newWorkerInfo,
  trimAndAppend,
  noteFreeCores,
  workerAddDriver,
  workerAddExecutor,
  workerRemoveDriver,
  workerRemoveExecutor,
} from './master-state';
import type { WorkerSlot } from './scheduling';
import { placeDrivers, startExecutorsOnWorkers } from './scheduling';
import {
  ZK_PERSISTENCE_EP,
  createPersistenceEngine,
  persistApplication,
  persistDriver,
  persistWorker,
  readPersistedData,
  unpersistApplication,
  unpersistDriver,
  unpersistWorker,
} from './persistence';
import { LEADER_AGENT_EP } from './curator-leader-latch';
import type { LeaderElectable } from './leader-election';
import { startMonarchyLeaderAgent } from './leader-election';
import { REST_EP, restServerReceive, restServerReply } from './rest-server';
import { ensureZooKeeperServer } from './zookeeper-server';
import {
  leaderAgentReceive,
  startZooKeeperLeaderElectionAgent,
  zooKeeperDisconnected,
} from './zookeeper-leader-election-agent';

/** Master-internal self-messages (MasterMessages.scala, and the UI's kill link). */
type MasterTimer =
  | { type: 'ElectedLeader' }
  | { type: 'RevokedLeadership' }
  | { type: 'CompleteRecovery' }
  | { type: 'CheckForWorkerTimeOut' }
  | { type: 'KillApplication'; appId: string }
  | { type: 'RestRequest' };

export function startMaster(c: SparkCluster, host: string, port: number): Process<MasterState> {
  const s = c.settings;
  const address = `${host}:${port}`;
  const recoveryMode = recoveryModeOf(c.world.conf);
  // The ZooKeeper ensemble runs before any Master that uses it (zkServer.sh, then start-master.sh).
  if (recoveryMode === 'ZOOKEEPER') ensureZooKeeperServer(c);
  const state: MasterState = {
    host,
    port,
    address,
    masterUrl: `spark://${address}`,
    webUiUrl: `http://${host}:8080`,
    restPort: s.restEnabled ? s.restPort : null,
    state: 'STANDBY',
    workers: [],
    idToWorker: new Map(),
    addressToWorker: new Map(),
    apps: [],
    idToApp: new Map(),
    addressToApp: new Map(),
    waitingApps: [],
    completedApps: [],
    drivers: [],
    waitingDrivers: [],
    completedDrivers: [],
    nextAppNumber: 0,
    nextDriverNumber: 0,
    persistenceEngine: createPersistenceEngine(c, recoveryMode, host),
    leaderElectionAgent: null,
    recoveryStartTimeMs: 0,
    workersWithFreeCores: new Set(),
    heartbeatSenders: [],
    restPending: new Map(),
  };
  const p = c.spawn(host, 'master', `Master@${host}`, state, { port });
  c.bind(p.pid, host, port);
  if (state.restPort !== null) {
    c.bind(p.pid, host, state.restPort);
    c.k.setEndpointPort(p.pid, REST_EP, state.restPort);
  }
  c.k.log(p.pid, `Starting Spark master at ${state.masterUrl}`);
  c.k.log(p.pid, `Running Spark version ${c.world.sparkVersion}`);
  if (state.restPort !== null)
    c.k.log(p.pid, `Started REST server for submitting applications on ${host} with port ${state.restPort}`);
  // onStart: the timeout check at a fixed rate from now, then the persistence engine and the
  // leader election agent of the recovery mode. The agent knows the Master only as a LeaderElectable.
  c.k.timer(p.pid, MASTER_EP, 0, { type: 'CheckForWorkerTimeOut' });
  const self: LeaderElectable = { pid: p.pid, ep: MASTER_EP, address };
  switch (recoveryMode) {
    case 'ZOOKEEPER':
      c.k.log(p.pid, 'Persisting recovery state to ZooKeeper');
      p.state.leaderElectionAgent = startZooKeeperLeaderElectionAgent(c, self);
      break;
    case 'FILESYSTEM':
    case 'ROCKSDB':
      c.k.log(p.pid, `Persisting recovery state to directory: ${s.recoveryDirectory}`);
      break;
    case 'CUSTOM':
      // The factory class of spark.deploy.recoveryMode.factory is user code the simulator has not got.
      c.k.log(
        p.pid,
        'CUSTOM recovery mode: the simulator has no StandaloneRecoveryModeFactory; nothing is persisted',
        'WARN',
      );
      break;
    default:
      break;
  }
  // MonarchyLeaderAgent (every mode but ZOOKEEPER): "we're initially and always the leader".
  if (recoveryMode !== 'ZOOKEEPER') p.state.leaderElectionAgent = startMonarchyLeaderAgent(c, self);
  return p;
}

function setState(c: SparkCluster, p: Process<MasterState>, to: RecoveryStateName): void {
  c.recordChange('master', p.state.address, p.state.state, to);
  p.state.state = to;
}

// ---------------------------------------------------------------- receive

export function receive(c: SparkCluster, proc: Process, d: Delivery): void {
  const p = proc as Process<MasterState>;
  const m = p.state;
  // The election agent's ZooKeeper client, and the answers to the persistence engine's writes
  // (which Spark waits for; nothing here depends on them).
  if (d.ep === LEADER_AGENT_EP) {
    if (m.leaderElectionAgent?.kind === 'ZooKeeper') leaderAgentReceive(c, m.leaderElectionAgent, d);
    return;
  }
  if (d.ep === ZK_PERSISTENCE_EP) return;
  const msg = d.msg as SparkMessage | MasterTimer | Disconnected;
  switch (msg.type) {
    case 'ElectedLeader': {
      electedLeader(c, p);
      return;
    }
    case 'CompleteRecovery': {
      completeRecovery(c, p);
      return;
    }
    case 'RevokedLeadership': {
      c.k.log(p.pid, 'Leadership has been revoked -- master shutting down.', 'ERROR');
      c.exitProcess(p.pid, 0);
      return;
    }
    case 'MasterChangeAcknowledged': {
      const app = m.idToApp.get(msg.appId);
      if (app) {
        c.k.log(p.pid, `Application has been re-registered: ${msg.appId}`);
        setAppState(c, app, 'WAITING');
      } else {
        c.k.log(p.pid, `Master change ack from unknown app: ${msg.appId}`, 'WARN');
      }
      if (canCompleteRecovery(m)) completeRecovery(c, p);
      return;
    }
    case 'WorkerSchedulerStateResponse': {
      handleWorkerSchedulerStateResponse(c, p, msg);
      if (canCompleteRecovery(m)) completeRecovery(c, p);
      return;
    }
    case 'CheckForWorkerTimeOut': {
      timeOutDeadWorkers(c, p);
      c.k.timer(p.pid, MASTER_EP, c.settings.workerTimeoutMs, { type: 'CheckForWorkerTimeOut' });
      return;
    }
    case 'RegisterWorker': {
      // handleRegisterWorker logs before it looks at the state: a standby logs it too.
      c.k.log(
        p.pid,
        `Registering worker ${msg.host}:${msg.port} with ${msg.cores} cores, ${megabytesToString(msg.memory)} RAM`,
      );
      if (m.state === 'STANDBY') {
        c.sendTo(p.pid, MASTER_EP, msg.worker, 'Worker', { type: 'MasterInStandby' });
        return;
      }
      const existing = m.idToWorker.get(msg.id);
      if (existing) {
        if (existing.state === 'UNKNOWN') {
          c.k.log(p.pid, `Worker has been re-registered: ${msg.id}`);
          setWorkerState(c, existing, 'ALIVE');
        }
        c.sendTo(p.pid, MASTER_EP, msg.worker, 'Worker', {
          type: 'RegisteredWorker',
          master: m.address,
          masterWebUiUrl: m.webUiUrl,
          masterAddress: m.address,
          duplicate: true,
        });
        return;
      }
      const worker = newWorkerInfo(
        {
          id: msg.id,
          host: msg.host,
          port: msg.port,
          endpoint: msg.worker,
          cores: msg.cores,
          memory: msg.memory,
          webUiAddress: msg.workerWebUiUrl,
        },
        c.epochNow,
      );
      if (registerWorker(c, p, worker)) {
        c.recordChange('worker', worker.id, null, 'ALIVE');
        persistWorker(c, p, worker);
        c.sendTo(p.pid, MASTER_EP, msg.worker, 'Worker', {
          type: 'RegisteredWorker',
          master: m.address,
          masterWebUiUrl: m.webUiUrl,
          masterAddress: m.address,
          duplicate: false,
        });
        schedule(c, p);
      } else {
        const text = `Attempted to re-register worker at same address: ${worker.endpoint}`;
        c.k.log(p.pid, text, 'WARN');
        c.sendTo(p.pid, MASTER_EP, msg.worker, 'Worker', { type: 'RegisterWorkerFailed', message: text });
      }
      return;
    }
    case 'RegisterApplication': {
      if (m.state === 'STANDBY') return; // ignore, don't send response
      c.k.log(p.pid, `Registering app ${msg.appDescription.name}`);
      const app = createApplication(c, p, msg.appDescription, msg.driver);
      registerApplication(c, p, app);
      c.k.log(p.pid, `Registered app ${msg.appDescription.name} with ID ${app.id}`);
      persistApplication(c, p, app);
      c.sendTo(p.pid, MASTER_EP, msg.driver, 'AppClient', {
        type: 'RegisteredApplication',
        appId: app.id,
        master: m.address,
      });
      schedule(c, p);
      return;
    }
    case 'Heartbeat': {
      // idToWorker.get(workerId), through the sender's last answer while idToWorker is unchanged.
      let w = m.heartbeatSenders[d.from];
      if (w === undefined || w.id !== msg.workerId) {
        w = m.idToWorker.get(msg.workerId);
        if (w) m.heartbeatSenders[d.from] = w;
      }
      if (w) {
        w.lastHeartbeat = c.epochNow;
      } else if (m.workers.some((x) => x.id === msg.workerId)) {
        c.k.log(p.pid, `Got heartbeat from unregistered worker ${msg.workerId}. Asking it to re-register.`, 'WARN');
        c.sendTo(p.pid, MASTER_EP, msg.worker, 'Worker', { type: 'ReconnectWorker', masterUrl: m.masterUrl });
      } else {
        c.k.log(
          p.pid,
          `Got heartbeat from unregistered worker ${msg.workerId}. This worker was never registered, so ignoring the heartbeat.`,
          'WARN',
        );
      }
      return;
    }
    case 'ExecutorStateChanged': {
      const ok = handleExecutorStateChanged(c, p, msg);
      if (ok && d.askId > 0) c.k.reply(d, { type: 'Boolean', value: true });
      return;
    }
    case 'DriverStateChanged': {
      const st = msg.state;
      if (st === 'ERROR' || st === 'FINISHED' || st === 'KILLED' || st === 'FAILED') {
        removeDriver(c, p, msg.driverId, st, msg.exception);
      } else {
        throw new Error(`Received unexpected state update for driver ${msg.driverId}: ${st}`);
      }
      return;
    }
    case 'UnregisterApplication': {
      c.k.log(p.pid, `Received unregister request from application ${msg.appId}`);
      const app = m.idToApp.get(msg.appId);
      if (app) finishApplication(c, p, app);
      return;
    }
    case 'WorkerLatestState': {
      const w = m.idToWorker.get(msg.id);
      if (!w) {
        c.k.log(p.pid, `Worker state from unknown worker: ${msg.id}`, 'WARN');
        return;
      }
      for (const e of msg.executors) {
        if (!w.executors.has(`${e.appId}/${e.execId}`)) {
          c.sendTo(p.pid, MASTER_EP, w.endpoint, 'Worker', {
            type: 'KillExecutor',
            masterUrl: m.masterUrl,
            appId: e.appId,
            execId: e.execId,
          });
        }
      }
      for (const driverId of msg.driverIds) {
        if (!w.drivers.has(driverId))
          c.sendTo(p.pid, MASTER_EP, w.endpoint, 'Worker', { type: 'KillDriver', driverId });
      }
      return;
    }
    case 'RequestSubmitDriver': {
      const reply = requestSubmitDriver(c, p, msg.driverDescription);
      c.k.reply(d, reply);
      return;
    }
    case 'RequestKillDriver': {
      c.k.reply(d, requestKillDriver(c, p, msg.driverId));
      return;
    }
    case 'RequestDriverStatus': {
      c.k.reply(d, requestDriverStatus(p, msg.driverId));
      return;
    }
    case 'KillApplication': {
      // The Master UI's kill link (MasterPage handleAppKillRequest): removeApplication(KILLED).
      const app = m.idToApp.get(msg.appId);
      if (app) {
        c.k.log(p.pid, `Received request to kill application ${app.id}`);
        removeApplication(c, p, app, 'KILLED');
      }
      return;
    }
    case 'WorkerDecommissioning': {
      if (m.state === 'STANDBY') {
        c.sendTo(p.pid, MASTER_EP, msg.worker, 'Worker', { type: 'MasterInStandby' });
        return;
      }
      const w = m.idToWorker.get(msg.id);
      if (w) decommissionWorker(c, p, w);
      return;
    }
    case 'Disconnected': {
      const address = `${msg.peerHost}:${msg.peerPort}`;
      const agent = m.leaderElectionAgent;
      if (agent?.kind === 'ZooKeeper' && address === agent.latch.server) zooKeeperDisconnected(c, agent);
      else onDisconnected(c, p, address);
      return;
    }
    case 'CreateSubmissionRequest':
    case 'SubmissionStatusRequest':
      restServerReceive(c, p, d);
      return;
    case 'SubmitDriverResponse':
    case 'DriverStatusResponse':
    case 'KillDriverResponse':
      restServerReply(c, p, d);
      return;
    default:
      c.k.log(p.pid, `Master received unexpected message ${msg.type}`, 'WARN');
  }
}

// ---------------------------------------------------------------- leader election and recovery

/**
 * ElectedLeader: read what the previous leader persisted. Nothing → ALIVE at once; anything →
 * RECOVERING, tell every stored app and worker that the master changed, and give them
 * spark.deploy.recoveryTimeout (default spark.worker.timeout) to answer.
 */
function electedLeader(c: SparkCluster, p: Process<MasterState>): void {
  const { apps, drivers, workers } = readPersistedData(c, p);
  const to: RecoveryStateName =
    apps.length === 0 && drivers.length === 0 && workers.length === 0 ? 'ALIVE' : 'RECOVERING';
  setState(c, p, to);
  c.k.log(p.pid, `I have been elected leader! New state: ${to}`);
  if (to === 'RECOVERING' && beginRecovery(c, p, apps, drivers, workers)) {
    // Not cancelled when recovery completes earlier: the message then finds the Master ALIVE.
    c.k.timer(p.pid, MASTER_EP, c.settings.recoveryTimeoutMs, { type: 'CompleteRecovery' });
  }
}

/** Returns whether recovery must wait for answers (false when it could complete at once). */
function beginRecovery(
  c: SparkCluster,
  p: Process<MasterState>,
  storedApps: ApplicationInfo[],
  storedDrivers: DriverInfo[],
  storedWorkers: WorkerInfo[],
): boolean {
  const m = p.state;
  m.recoveryStartTimeMs = c.now;
  // One immutable message for every app and worker.
  const changed: MasterChanged = { type: 'MasterChanged', master: m.address, masterWebUiUrl: m.webUiUrl };
  for (const app of storedApps) {
    c.k.log(p.pid, `Trying to recover app: ${app.id}`);
    app.state = 'UNKNOWN';
    registerApplication(c, p, app);
    c.sendTo(p.pid, MASTER_EP, app.driver, 'AppClient', changed);
  }
  for (const driver of storedDrivers) {
    // Here we just read in the list of drivers. Any drivers associated with now-lost workers
    // will be re-launched when we detect that the worker is missing.
    m.drivers.push(driver);
    c.recordChange('driver', driver.id, null, driver.state);
  }
  for (const worker of storedWorkers) {
    c.k.log(p.pid, `Trying to recover worker: ${worker.id}`);
    worker.state = 'UNKNOWN';
    if (registerWorker(c, p, worker)) c.recordChange('worker', worker.id, null, 'UNKNOWN');
    c.sendTo(p.pid, MASTER_EP, worker.endpoint, 'Worker', changed);
  }
  // In case of zero workers and apps, we can complete recovery.
  if (canCompleteRecovery(m)) {
    completeRecovery(c, p);
    return false;
  }
  return true;
}

function canCompleteRecovery(m: MasterState): boolean {
  for (const w of m.workers) if (w.state === 'UNKNOWN') return false;
  for (const app of m.apps) if (app.state === 'UNKNOWN') return false;
  return true;
}

/** Runs once (only from RECOVERING): whatever did not answer is dropped, the rest resumes. */
function completeRecovery(c: SparkCluster, p: Process<MasterState>): void {
  const m = p.state;
  if (m.state !== 'RECOVERING') return;
  setState(c, p, 'COMPLETING_RECOVERY');
  // Kill off any workers and apps that didn't respond to us.
  for (const w of m.workers.filter((x) => x.state === 'UNKNOWN')) removeWorker(c, p, w, 'Not responding for recovery');
  for (const app of m.apps.filter((x) => x.state === 'UNKNOWN')) finishApplication(c, p, app);
  // Update the state of recovered apps to RUNNING (even those that had no executor).
  for (const app of m.apps) if (app.state === 'WAITING') setAppState(c, app, 'RUNNING');
  // Reschedule drivers which were not claimed by any workers.
  for (const d of m.drivers.filter((x) => x.worker === null)) {
    c.k.log(p.pid, `Driver ${d.id} was not found after master recovery`, 'WARN');
    if (d.desc.supervise) {
      c.k.log(p.pid, `Re-launching ${d.id}`, 'WARN');
      relaunchDriver(c, p, d);
    } else {
      removeDriver(c, p, d.id, 'ERROR', null);
      c.k.log(p.pid, `Did not re-launch ${d.id} because it was not supervised`, 'WARN');
    }
  }
  setState(c, p, 'ALIVE');
  schedule(c, p);
  c.k.log(p.pid, `Recovery complete in ${c.now - m.recoveryStartTimeMs} ms - resuming operations!`);
}

/** A worker's answer to MasterChanged: it is ALIVE again, with its executors and drivers as they run. */
function handleWorkerSchedulerStateResponse(
  c: SparkCluster,
  p: Process<MasterState>,
  msg: WorkerSchedulerStateResponse,
): void {
  const m = p.state;
  const worker = m.idToWorker.get(msg.id);
  if (!worker) {
    c.k.log(p.pid, `Scheduler state from unknown worker: ${msg.id}`, 'WARN');
    return;
  }
  c.k.log(p.pid, `Worker has been re-registered: ${msg.id}`);
  setWorkerState(c, worker, 'ALIVE');
  for (const e of msg.execResponses) {
    const app = m.idToApp.get(e.appId);
    if (!app) continue;
    // The executor keeps its id; nextExecutorId moves past it.
    const exec = appAddExecutor(app, worker, e.cores, e.memoryMb, e.execId);
    workerAddExecutor(m, worker, exec);
    c.recordChange('executor', exec.fullId, null, e.state);
    exec.state = e.state;
  }
  for (const driverId of msg.driverResponses) {
    const driver = m.drivers.find((d) => d.id === driverId);
    if (!driver) continue;
    driver.worker = worker;
    setDriverState(c, driver, 'RUNNING');
    workerAddDriver(m, worker, driver);
  }
}

// ---------------------------------------------------------------- workers

function setWorkerState(c: SparkCluster, w: WorkerInfo, to: WorkerInfo['state']): void {
  c.recordChange('worker', w.id, w.state, to);
  w.state = to;
}

function registerWorker(c: SparkCluster, p: Process<MasterState>, worker: WorkerInfo): boolean {
  const m = p.state;
  // There may be one or more refs to dead workers on this same node (w/ different ID's), remove them.
  const deadHere = (w: WorkerInfo) => w.host === worker.host && w.port === worker.port && w.state === 'DEAD';
  // Look before copying: rebuilding the list on every registration made starting 20,000 workers
  // allocate gigabytes.
  if (m.workers.some(deadHere)) m.workers = m.workers.filter((w) => !deadHere(w));
  const old = m.addressToWorker.get(worker.endpoint);
  if (old) {
    if (old.state === 'UNKNOWN') {
      // A worker registered from UNKNOWN implies that the worker was restarted during recovery.
      removeWorker(c, p, old, 'Worker replaced by a new worker with same address');
    } else {
      c.k.log(p.pid, `Attempted to re-register worker at same address: ${worker.endpoint}`, 'INFO');
      return false;
    }
  }
  m.workers.push(worker);
  noteFreeCores(m, worker);
  m.idToWorker.set(worker.id, worker);
  m.heartbeatSenders = [];
  m.addressToWorker.set(worker.endpoint, worker);
  return true;
}

function removeWorker(c: SparkCluster, p: Process<MasterState>, worker: WorkerInfo, msg: string): void {
  const m = p.state;
  c.k.log(p.pid, `Removing worker ${worker.id} on ${worker.host}:${worker.port}`);
  setWorkerState(c, worker, 'DEAD');
  m.workersWithFreeCores.delete(worker);
  m.idToWorker.delete(worker.id);
  m.heartbeatSenders = [];
  m.addressToWorker.delete(worker.endpoint);
  for (const exec of [...worker.executors.values()]) {
    c.k.log(p.pid, `Telling app of lost executor: ${exec.id}`);
    const update: ExecutorUpdated = {
      type: 'ExecutorUpdated',
      id: exec.id,
      state: 'LOST',
      message: `worker lost: ${msg}`,
      exitStatus: null,
      workerHost: worker.host,
    };
    c.sendTo(p.pid, MASTER_EP, exec.app.driver, 'AppClient', update);
    setExecutorState(c, exec, 'LOST');
    appRemoveExecutor(exec.app, exec);
  }
  for (const driver of [...worker.drivers.values()]) {
    if (driver.desc.supervise) {
      c.k.log(p.pid, `Re-launching ${driver.id}`);
      relaunchDriver(c, p, driver);
    } else {
      c.k.log(p.pid, `Not re-launching ${driver.id} because it was not supervised`);
      removeDriver(c, p, driver.id, 'ERROR', null);
    }
  }
  c.k.log(p.pid, `Telling app of lost worker: ${worker.id}`);
  const removed = { type: 'WorkerRemoved', id: worker.id, host: worker.host, message: msg } as const;
  for (const app of m.apps) {
    if (!isAppFinished(app)) c.sendTo(p.pid, MASTER_EP, app.driver, 'AppClient', removed);
  }
  unpersistWorker(c, p, worker);
  schedule(c, p);
}

/** Master.decommissionWorker: no schedule() here, so replacements wait for the next trigger. */
function decommissionWorker(c: SparkCluster, p: Process<MasterState>, worker: WorkerInfo): void {
  if (worker.state === 'DECOMMISSIONED') return;
  c.k.log(p.pid, `Decommissioning worker ${worker.id} on ${worker.host}:${worker.port}`);
  setWorkerState(c, worker, 'DECOMMISSIONED');
  for (const exec of worker.executors.values()) {
    c.k.log(p.pid, `Telling app of decommission executors`);
    c.sendTo(p.pid, MASTER_EP, exec.app.driver, 'AppClient', {
      type: 'ExecutorUpdated',
      id: exec.id,
      state: 'DECOMMISSIONED',
      message: 'worker decommissioned',
      exitStatus: null,
      workerHost: worker.host,
    });
    setExecutorState(c, exec, 'DECOMMISSIONED');
    appRemoveExecutor(exec.app, exec);
  }
  // On recovery do not add a decommissioned worker.
  unpersistWorker(c, p, worker);
}

function timeOutDeadWorkers(c: SparkCluster, p: Process<MasterState>): void {
  const m = p.state;
  const s = c.settings;
  const currentTime = c.epochNow;
  const toRemove = m.workers.filter((w) => w.lastHeartbeat < currentTime - s.workerTimeoutMs);
  for (const worker of toRemove) {
    if (worker.state !== 'DEAD') {
      const workerTimeoutSecs = s.workerTimeoutMs / 1000;
      c.k.log(p.pid, `Removing ${worker.id} because we got no heartbeat in ${workerTimeoutSecs} seconds`, 'WARN');
      removeWorker(c, p, worker, `Not receiving heartbeat for ${workerTimeoutSecs} seconds`);
    } else if (worker.lastHeartbeat < currentTime - (s.deadWorkerPersistence + 1) * s.workerTimeoutMs) {
      m.workers = m.workers.filter((w) => w !== worker); // we've seen this DEAD worker in the UI, etc. for long enough; cull it
    }
  }
}

function onDisconnected(c: SparkCluster, p: Process<MasterState>, address: string): void {
  const m = p.state;
  // The disconnected client could've been either a worker or an app; remove whichever it was.
  c.k.log(p.pid, `${address} got disassociated, removing it.`);
  const w = m.addressToWorker.get(address);
  if (w) removeWorker(c, p, w, `${address} got disassociated`);
  const app = m.addressToApp.get(address);
  if (app) finishApplication(c, p, app);
  if (m.state === 'RECOVERING' && canCompleteRecovery(m)) completeRecovery(c, p);
}

// ---------------------------------------------------------------- applications

function createApplication(
  c: SparkCluster,
  p: Process<MasterState>,
  desc: ApplicationDescription,
  driver: string,
): ApplicationInfo {
  const m = p.state;
  const s = c.settings;
  const now = c.epochNow;
  // With useAppNameAsAppId, newApplicationId is not called, so the app number stays where it is.
  // Two applications of the same name then share an id, as in Spark (idToApp keeps the later).
  if (s.useAppNameAsAppId) {
    const id = appIdFromName(desc.name);
    return newApplicationInfo({ startTime: now, id, desc, submitDate: now, driver, defaultCores: s.defaultCores });
  }
  const appId = newApplicationId(s.appIdPattern, now, m.nextAppNumber);
  m.nextAppNumber += 1;
  if (s.appNumberModulo !== null) m.nextAppNumber %= s.appNumberModulo;
  return newApplicationInfo({ startTime: now, id: appId, desc, submitDate: now, driver, defaultCores: s.defaultCores });
}

function registerApplication(c: SparkCluster, p: Process<MasterState>, app: ApplicationInfo): void {
  const m = p.state;
  if (m.addressToApp.has(app.driver)) {
    c.k.log(p.pid, `Attempted to re-register application at same address: ${app.driver}`);
    return;
  }
  m.apps.push(app);
  m.idToApp.set(app.id, app);
  m.addressToApp.set(app.driver, app);
  m.waitingApps.push(app);
  // A new app is WAITING; one read back by beginRecovery is already marked UNKNOWN.
  c.recordChange('application', app.id, null, app.state);
}

function setAppState(c: SparkCluster, app: ApplicationInfo, to: ApplicationStateName): void {
  c.recordChange('application', app.id, app.state, to);
  app.state = to;
}

function finishApplication(c: SparkCluster, p: Process<MasterState>, app: ApplicationInfo): void {
  removeApplication(c, p, app, 'FINISHED');
}

function removeApplication(
  c: SparkCluster,
  p: Process<MasterState>,
  app: ApplicationInfo,
  state: ApplicationStateName,
): void {
  const m = p.state;
  if (!m.apps.includes(app)) return;
  c.k.log(p.pid, `Removing app ${app.id}`);
  m.apps = m.apps.filter((a) => a !== app);
  m.idToApp.delete(app.id);
  m.addressToApp.delete(app.driver);
  trimAndAppend(m.completedApps, app, c.settings.retainedApplications);
  m.waitingApps = m.waitingApps.filter((a) => a !== app);
  for (const exec of [...app.executors.values()]) killExecutor(c, p, exec);
  app.endTime = c.epochNow;
  setAppState(c, app, state);
  if (state !== 'FINISHED') {
    c.sendTo(p.pid, MASTER_EP, app.driver, 'AppClient', { type: 'ApplicationRemoved', message: state });
  }
  unpersistApplication(c, p, app);
  schedule(c, p);
  // Tell all workers that the application has finished, so they can clean up any app state.
  const finished = { type: 'ApplicationFinished', id: app.id } as const; // one immutable message for all
  for (const w of m.workers) c.sendToMemo(p.pid, MASTER_EP, w.endpoint, w, 'Worker', finished);
}

// ---------------------------------------------------------------- executors

function setExecutorState(c: SparkCluster, exec: ExecutorDesc, to: ExecutorDesc['state']): void {
  c.recordChange('executor', exec.fullId, exec.state, to);
  exec.state = to;
}

function killExecutor(c: SparkCluster, p: Process<MasterState>, exec: ExecutorDesc): void {
  workerRemoveExecutor(p.state, exec.worker, exec);
  c.sendTo(p.pid, MASTER_EP, exec.worker.endpoint, 'Worker', {
    type: 'KillExecutor',
    masterUrl: p.state.masterUrl,
    appId: exec.app.id,
    execId: exec.id,
  });
  setExecutorState(c, exec, 'KILLED');
}

/** Returns false when Spark's assertion fails: the ask then gets no `true` (the worker retries it). */
function handleExecutorStateChanged(c: SparkCluster, p: Process<MasterState>, msg: ExecutorStateChanged): boolean {
  const m = p.state;
  const app = m.idToApp.get(msg.appId);
  const exec = app?.executors.get(msg.execId);
  if (!app || !exec) {
    c.k.log(p.pid, `Got status update for unknown executor ${msg.appId}/${msg.execId}`, 'WARN');
    return true;
  }
  const oldState = exec.state;
  setExecutorState(c, exec, msg.state);
  if (msg.state === 'RUNNING') {
    if (oldState !== 'LAUNCHING') {
      // Reachable after a failover: a RUNNING update sent to the dead leader is retried to the new
      // one, which re-attached the executor as RUNNING already. Spark's assert fails the handler.
      c.k.log(
        p.pid,
        `java.lang.AssertionError: assertion failed: executor ${exec.id} state transfer from ${oldState} to RUNNING is illegal`,
        'ERROR',
      );
      return false;
    }
    app.retryCount = 0;
  }
  c.sendTo(p.pid, MASTER_EP, app.driver, 'AppClient', {
    type: 'ExecutorUpdated',
    id: exec.id,
    state: msg.state,
    message: msg.message,
    exitStatus: msg.exitStatus,
    workerHost: null,
  });
  if (isExecutorFinished(msg.state)) {
    c.k.log(p.pid, `Removing executor ${exec.fullId} because it is ${msg.state}`);
    // If an application has already finished, preserve its state to display its information properly on the UI
    if (!isAppFinished(app)) appRemoveExecutor(app, exec);
    workerRemoveExecutor(m, exec.worker, exec);
    const normalExit = msg.exitStatus === 0;
    const maxRetries = c.settings.maxExecutorRetries;
    // Only retry certain number of times so we don't go into an infinite loop.
    // Important note: this code path is not exercised by tests, so be very careful when changing this `if` condition.
    if (!normalExit && oldState !== 'DECOMMISSIONED' && ++app.retryCount >= maxRetries && maxRetries >= 0) {
      const execs = [...app.executors.values()];
      if (!execs.some((e) => e.state === 'RUNNING')) {
        c.k.log(
          p.pid,
          `Application ${app.desc.name} with ID ${app.id} failed ${app.retryCount} times; removing it`,
          'ERROR',
        );
        removeApplication(c, p, app, 'FAILED');
      }
    }
  }
  schedule(c, p);
  return true;
}

// ---------------------------------------------------------------- drivers

function createDriver(c: SparkCluster, p: Process<MasterState>, desc: DriverDescription): DriverInfo {
  const m = p.state;
  const now = c.epochNow;
  const id = newDriverId(c.settings.driverIdPattern, now, m.nextDriverNumber);
  m.nextDriverNumber += 1;
  return newDriverInfo({ startTime: now, id, desc, submitDate: now });
}

function setDriverState(c: SparkCluster, d: DriverInfo, to: DriverStateName): void {
  c.recordChange('driver', d.id, d.state, to);
  d.state = to;
}

function requestSubmitDriver(c: SparkCluster, p: Process<MasterState>, desc: DriverDescription): SparkMessage {
  const m = p.state;
  if (m.state !== 'ALIVE') {
    const message = `Current state is not alive: ${m.state}. Can only accept driver submissions in ALIVE state.`;
    return { type: 'SubmitDriverResponse', master: m.address, success: false, driverId: null, message };
  }
  c.k.log(p.pid, `Driver submitted ${desc.command.mainClass}`);
  const driver = createDriver(c, p, desc);
  c.recordChange('driver', driver.id, null, 'SUBMITTED');
  persistDriver(c, p, driver);
  m.waitingDrivers.push(driver);
  m.drivers.push(driver);
  schedule(c, p);
  // The reply comes after schedule(): the driver may already be RUNNING when the client hears.
  return {
    type: 'SubmitDriverResponse',
    master: m.address,
    success: true,
    driverId: driver.id,
    message: `Driver successfully submitted as ${driver.id}`,
  };
}

function requestKillDriver(c: SparkCluster, p: Process<MasterState>, driverId: string): SparkMessage {
  const m = p.state;
  if (m.state !== 'ALIVE') {
    const message = `Current state is not alive: ${m.state}. Can only kill drivers in ALIVE state.`;
    return { type: 'KillDriverResponse', master: m.address, driverId, success: false, message };
  }
  c.k.log(p.pid, `Asked to kill driver ${driverId}`);
  const driver = m.drivers.find((d) => d.id === driverId);
  if (!driver) {
    const message = `Driver ${driverId} has already finished or does not exist`;
    c.k.log(p.pid, message, 'WARN');
    return { type: 'KillDriverResponse', master: m.address, driverId, success: false, message };
  }
  if (m.waitingDrivers.includes(driver)) {
    m.waitingDrivers = m.waitingDrivers.filter((d) => d !== driver);
    c.k.send(p.pid, MASTER_EP, p.pid, MASTER_EP, {
      type: 'DriverStateChanged',
      driverId,
      state: 'KILLED',
      exception: null,
    });
  } else if (driver.worker) {
    c.sendTo(p.pid, MASTER_EP, driver.worker.endpoint, 'Worker', { type: 'KillDriver', driverId });
  }
  const message = `Kill request for ${driverId} submitted`;
  c.k.log(p.pid, message);
  return { type: 'KillDriverResponse', master: m.address, driverId, success: true, message };
}

function requestDriverStatus(p: Process<MasterState>, driverId: string): SparkMessage {
  const m = p.state;
  if (m.state !== 'ALIVE') {
    const exception = `Current state is not alive: ${m.state}. Can only request driver status in ALIVE state.`;
    return { type: 'DriverStatusResponse', found: false, state: null, workerId: null, workerHostPort: null, exception };
  }
  const d = m.drivers.find((x) => x.id === driverId) ?? m.completedDrivers.find((x) => x.id === driverId);
  if (!d)
    return {
      type: 'DriverStatusResponse',
      found: false,
      state: null,
      workerId: null,
      workerHostPort: null,
      exception: null,
    };
  return {
    type: 'DriverStatusResponse',
    found: true,
    state: d.state,
    workerId: d.worker?.id ?? null,
    workerHostPort: d.worker ? `${d.worker.host}:${d.worker.port}` : null,
    exception: d.exception,
  };
}

function relaunchDriver(c: SparkCluster, p: Process<MasterState>, driver: DriverInfo): void {
  const m = p.state;
  // We must setup a new driver with a new driver id here, because the original driver may
  // be still running. Consider this scenario: a worker is network partitioned with master,
  // the master then relaunches driver driverID1 with a driver id driverID2, then the worker
  // reconnects to master. From this point on, if driverID2 is equal to driverID1, then master
  // can not distinguish the statusUpdate of the original driver and the newly relaunched one.
  removeDriver(c, p, driver.id, 'RELAUNCHING', null);
  const newDriver = createDriver(c, p, driver.desc);
  c.recordChange('driver', newDriver.id, null, 'SUBMITTED');
  persistDriver(c, p, newDriver);
  m.drivers.push(newDriver);
  m.waitingDrivers.push(newDriver);
  schedule(c, p);
}

export function removeDriver(
  c: SparkCluster,
  p: Process<MasterState>,
  driverId: string,
  finalState: DriverStateName,
  exception: string | null,
): void {
  const m = p.state;
  const driver = m.drivers.find((d) => d.id === driverId);
  if (!driver) {
    c.k.log(p.pid, `Asked to remove unknown driver: ${driverId}`, 'WARN');
    return;
  }
  c.k.log(p.pid, `Removing driver: ${driverId}`);
  m.drivers = m.drivers.filter((d) => d !== driver);
  trimAndAppend(m.completedDrivers, driver, c.settings.retainedDrivers);
  unpersistDriver(c, p, driver);
  setDriverState(c, driver, finalState);
  driver.exception = exception;
  if (driver.worker) workerRemoveDriver(m, driver.worker, driver);
  schedule(c, p);
}

function launchDriver(c: SparkCluster, p: Process<MasterState>, worker: WorkerInfo, driver: DriverInfo): void {
  c.k.log(p.pid, `Launching driver ${driver.id} on worker ${worker.id}`);
  workerAddDriver(p.state, worker, driver);
  driver.worker = worker;
  c.sendTo(p.pid, MASTER_EP, worker.endpoint, 'Worker', {
    type: 'LaunchDriver',
    driverId: driver.id,
    driverDesc: driver.desc,
  });
  setDriverState(c, driver, 'RUNNING');
}

function launchExecutor(c: SparkCluster, p: Process<MasterState>, worker: WorkerInfo, exec: ExecutorDesc): void {
  c.k.log(p.pid, `Launching executor ${exec.fullId} on worker ${worker.id}`);
  workerAddExecutor(p.state, worker, exec);
  c.sendTo(p.pid, MASTER_EP, worker.endpoint, 'Worker', {
    type: 'LaunchExecutor',
    masterUrl: p.state.masterUrl,
    appId: exec.app.id,
    execId: exec.id,
    rpId: exec.rpId,
    appDesc: exec.app.desc,
    cores: exec.cores,
    memory: exec.memory,
  });
  c.sendTo(p.pid, MASTER_EP, exec.app.driver, 'AppClient', {
    type: 'ExecutorAdded',
    id: exec.id,
    workerId: worker.id,
    hostPort: `${worker.host}:${worker.port}`,
    cores: exec.cores,
    memory: exec.memory,
  });
  c.recordChange('executor', exec.fullId, null, 'LAUNCHING');
}

// ---------------------------------------------------------------- schedule()

function slot(w: WorkerInfo, idRank?: number): WorkerSlot {
  return {
    id: w.id,
    alive: w.state === 'ALIVE',
    coresFree: coresFree(w),
    memoryFree: memoryFree(w),
    processes: w.drivers.size + w.executors.size,
    resourcesFree: undefined,
    idRank,
  };
}

/**
 * Schedule the currently available resources among waiting apps. This method will be called
 * every time a new app joins or resource availability changes. Drivers first, then executors.
 */
export function schedule(c: SparkCluster, p: Process<MasterState>): void {
  const m = p.state;
  if (m.state !== 'ALIVE') return;
  const s = c.settings;

  if (m.waitingDrivers.length > 0) {
    const legacy = isLegacyDriverPlacement(c.world.sparkVersion);
    let workersInOrder: WorkerSlot[];
    let placement: 'round-robin' | 'first-fit' | 'nested-loop';
    if (legacy) {
      placement = 'nested-loop';
      workersInOrder = c.k.random.shuffle(m.workers).map((w) => slot(w));
    } else if (s.spreadOutDrivers) {
      placement = 'round-robin';
      workersInOrder = c.k.random.shuffle(m.workers.filter((w) => w.state === 'ALIVE')).map((w) => slot(w));
    } else {
      placement = 'first-fit';
      workersInOrder = m.workers.filter((w) => w.state === 'ALIVE').map((w) => slot(w));
    }
    const decision = placeDrivers({
      waiting: m.waitingDrivers.map((d) => ({ id: d.id, cores: d.desc.cores, memoryMb: d.desc.mem })),
      workersInOrder,
      placedDrivers: m.drivers.length - m.waitingDrivers.length,
      maxDrivers: s.maxDrivers,
      placement,
      inPlace: true, // the slots above are this call's own
    });
    for (const w of decision.warnings) c.k.log(p.pid, w, 'WARN');
    for (const launch of decision.launches) {
      const driver = m.waitingDrivers.find((d) => d.id === launch.driverId);
      const worker = m.idToWorker.get(launch.workerId);
      if (!driver || !worker)
        throw new Error(`scheduling chose an unknown driver or worker: ${launch.driverId} on ${launch.workerId}`);
      launchDriver(c, p, worker, driver);
      m.waitingDrivers = m.waitingDrivers.filter((d) => d !== driver);
    }
    if (decision.exception) {
      // Spark 1.4–1.6.1 removed from waitingDrivers while iterating it: the loop then read an
      // emptied slot and the handler died with this exception before scheduling executors.
      c.k.log(p.pid, `Ignoring error: ${decision.exception}`, 'ERROR');
      return;
    }
  }
  startExecutors(c, p);
}

function workersThatMayFit(m: MasterState): WorkerSlot[] {
  const alive: WorkerInfo[] = [];
  let unranked = false;
  for (const w of m.workersWithFreeCores) {
    if (w.state !== 'ALIVE') continue;
    if (w.idRank === undefined) unranked = true;
    alive.push(w);
  }
  // A worker registered since the ranks were made: rank every id known again (rare: once after a
  // burst of registrations, as the next app is scheduled).
  if (unranked) rankWorkerIds([...m.workers, ...m.workersWithFreeCores]);
  return alive.map((w) => slot(w, w.idRank));
}

/** Sets each worker's idRank to its id's place in String.compareTo order among `workers`. */
function rankWorkerIds(workers: readonly WorkerInfo[]): void {
  const sorted = [...new Set(workers)].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  sorted.forEach((w, i) => (w.idRank = i));
}

function startExecutors(c: SparkCluster, p: Process<MasterState>): void {
  const m = p.state;
  // Spark walks every app and skips those with fewer cores left than one executor needs; when
  // all are skipped nothing is allocated and nothing logged, so skip building the worker list too.
  if (!m.waitingApps.some((app) => coresLeft(app) >= (app.desc.coresPerExecutor ?? 1))) return;
  const s = c.settings;
  const decision = startExecutorsOnWorkers({
    apps: m.waitingApps.map((app) => ({
      id: app.id,
      coresLeft: coresLeft(app),
      coresPerExecutor: app.desc.coresPerExecutor ?? undefined,
      memoryPerExecutorMB: app.desc.memoryPerExecutorMB,
      executorsNow: app.executors.size,
      executorLimit: app.executorLimit,
      hasExecutors: app.executors.size > 0,
    })),
    // Only workers with a free core can be usable, and the order of this list does not matter:
    // startExecutorsOnWorkers sorts the usable ones by the policy, with the worker id breaking ties.
    workers: workersThatMayFit(m),
    spreadOut: s.spreadOutApps,
    policy: s.workerSelectionPolicy,
    waitingAppsCount: m.waitingApps.length,
    inPlace: true, // workersThatMayFit built the slots for this call
  });
  for (const w of decision.warnings) c.k.log(p.pid, w, 'WARN');
  for (const a of decision.allocations) {
    const app = m.idToApp.get(a.appId);
    const worker = m.idToWorker.get(a.workerId);
    if (!app || !worker) throw new Error(`scheduling chose an unknown app or worker: ${a.appId} on ${a.workerId}`);
    const exec = appAddExecutor(app, worker, a.cores, a.memoryMb);
    launchExecutor(c, p, worker, exec);
    if (app.state !== 'RUNNING') setAppState(c, app, 'RUNNING');
  }
}

/** Spark 1.4.0–1.6.1 placed waiting drivers with nested loops in Master.scala's schedule() (scheduling.ts's 'nested-loop'). */
function isLegacyDriverPlacement(sparkVersion: string): boolean {
  const [major, minor, patch] = sparkVersion.split('.').map((x) => Number(x));
  if (major !== 1 || minor === undefined) return false;
  if (minor === 4 || minor === 5) return true;
  return minor === 6 && (patch ?? 0) <= 1;
}

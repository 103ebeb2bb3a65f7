// Models the driver JVM: deploy/client/StandaloneAppClient.scala (the "AppClient" endpoint),
// scheduler/cluster/StandaloneSchedulerBackend.scala and CoarseGrainedSchedulerBackend.scala (the
// "CoarseGrainedScheduler" DriverEndpoint) with the task scheduling of the user's job, and
// deploy/worker/DriverWrapper.scala for cluster mode. In client mode this JVM is spark-submit's own.
import type { AskTimeout, Delivery, Disconnected, Pid, Process } from '../sim/kernel';
import type { AddressMemo, SparkCluster } from './cluster';
import type { AppBehaviour, ApplicationDescription, DriverDescription, SparkMessage } from './messages';
import { isExecutorFinished } from './messages';
import { registeredAppName } from './examples';
import { bytesConfAsMb, megabytesToString } from './memory';
import type { LaunchedByWorker } from './worker-state';
import {
  CLIENT_DRIVER_STARTUP_MS,
  CLUSTER_DRIVER_STARTUP_MS,
  DRIVER_JVM_STARTUP_MS,
  DRIVER_SHUTDOWN_MS,
  SIGTERM_EXIT_CODE,
} from './timings';

const APP_CLIENT_EP = 'AppClient';
export const DRIVER_EP = 'CoarseGrainedScheduler';

/** StandaloneAppClient: REGISTRATION_TIMEOUT_SECONDS and REGISTRATION_RETRIES. */
const REGISTRATION_TIMEOUT_MS = 20_000;
const REGISTRATION_RETRIES = 3;
/** spark.starvation.timeout */
const STARVATION_TIMEOUT_MS = 15_000;
/** spark.standalone.executorRemoveDelayOnDisconnection */
const EXECUTOR_REMOVE_DELAY_ON_DISCONNECTION_MS = 5_000;

/** Its AddressMemo fields remember where `address` leads (every task is launched there). */
export interface ExecutorData extends AddressMemo {
  executorId: string;
  address: string;
  host: string;
  totalCores: number;
  freeCores: number;
  /** Registered but not yet LaunchedExecutor: no tasks offered. */
  launched: boolean;
}

export interface DriverProcessState {
  mode: 'client' | 'cluster';
  /** The cluster-mode driver id (DriverWrapper), null in client mode. */
  driverId: string | null;
  /** Cluster mode: the Worker this DriverWrapper watches. */
  workerUrl: string | null;
  appName: string;
  masters: string[];
  /** The ApplicationDescription the backend builds once the driver knows its own address. */
  appDesc: ApplicationDescription | null;
  appDescInput: Omit<ApplicationDescription, 'command' | 'appUiUrl'>;
  /** The -D options its executors start with (the executor start-up part of its conf). */
  executorJavaOpts: string[];
  behaviour: AppBehaviour;
  // StandaloneAppClient.ClientEndpoint
  appId: string | null;
  registered: boolean;
  master: string | null;
  alreadyDisconnected: boolean;
  alreadyDead: boolean;
  clientStopped: boolean;
  // StandaloneSchedulerBackend / DriverEndpoint
  stopping: boolean;
  executors: Map<string, ExecutorData>;
  /**
   * The ids in `executors` by executor address, each set in the map's order: onDisconnected finds
   * the executor behind a dropped connection without walking every executor (not Spark's; the
   * RpcEnv does this lookup by itself).
   */
  executorIdsByAddress: Map<string, Set<string>>;
  executorsPendingLossReason: Set<string>;
  /** CoarseGrainedSchedulerBackend.executorsPendingDecommission: no new tasks go there. */
  executorsPendingDecommission: Set<string>;
  totalCoreCount: number;
  // The user's job
  jobStarted: boolean;
  jobStartedAt: number;
  pendingTasks: number[];
  running: Map<number, string>;
  /** The TID (launch number) of each running task's attempt, as Spark's task log lines name it. */
  runningTid: Map<number, number>;
  tasksDone: number;
  tasksLaunched: number;
  /**
   * TaskSetManager's numFailures by task index, and how many attempts of each were lost (the
   * attempt number in "Lost task 5.3"); touched only when an executor is lost with tasks on it.
   */
  taskFailures: Map<number, number>;
  taskLosses: Map<number, number>;
  /** Exit code the JVM ends with once stopped: 0 after a successful job, 1 after an abort. */
  exitCode: number;
}

type DriverTimer =
  | { type: 'SparkContextStarting' }
  | { type: 'RegistrationCheck'; attempt: number }
  | { type: 'StarvationCheck' }
  | { type: 'ExecutorLossReasonTimeout'; executorId: string }
  | { type: 'DriverJvmExit' }
  | { type: 'UserCodeCrash'; exitCode: number }
  | { type: 'SIGTERM' };

interface StartOpts {
  mode: 'client' | 'cluster';
  host: string;
  driverId: string | null;
  workerUrl: string | null;
  parent: Pid;
  masters: string[];
  app: Omit<ApplicationDescription, 'command' | 'appUiUrl'>;
  /** The -D options of the driver's conf that its executors start with (SparkConf.isExecutorStartupConf). */
  executorJavaOpts: string[];
}

function startDriverProcess(c: SparkCluster, o: StartOpts): Process<DriverProcessState> {
  const port = c.ephemeralPort(o.host);
  const state: DriverProcessState = {
    mode: o.mode,
    driverId: o.driverId,
    workerUrl: o.workerUrl,
    appName: o.app.name,
    masters: o.masters,
    appDesc: null,
    appDescInput: o.app,
    executorJavaOpts: o.executorJavaOpts,
    behaviour: o.app.behaviour,
    appId: null,
    registered: false,
    master: null,
    alreadyDisconnected: false,
    alreadyDead: false,
    clientStopped: false,
    stopping: false,
    executors: new Map(),
    executorIdsByAddress: new Map(),
    executorsPendingLossReason: new Set(),
    executorsPendingDecommission: new Set(),
    totalCoreCount: 0,
    jobStarted: false,
    jobStartedAt: 0,
    pendingTasks: [],
    running: new Map(),
    runningTid: new Map(),
    tasksDone: 0,
    tasksLaunched: 0,
    taskFailures: new Map(),
    taskLosses: new Map(),
    exitCode: 0,
  };
  const label = o.mode === 'client' ? `SparkSubmit (driver)@${o.host}` : `DriverWrapper ${o.driverId}@${o.host}`;
  const p = c.spawn(o.host, 'driver', label, state, { port, parent: o.parent });
  c.bind(p.pid, o.host, port);
  const startup = o.mode === 'client' ? CLIENT_DRIVER_STARTUP_MS : CLUSTER_DRIVER_STARTUP_MS;
  c.k.timer(p.pid, DRIVER_EP, startup, { type: 'SparkContextStarting' });
  const fault = o.app.behaviour.driverFault;
  // The user's code runs once the JVM has started and called its main(): the crash counts from there.
  if (fault)
    c.k.timer(p.pid, DRIVER_EP, DRIVER_JVM_STARTUP_MS + fault.afterMs, {
      type: 'UserCodeCrash',
      exitCode: fault.exitCode,
    });
  if (o.workerUrl) {
    // DriverWrapper's "workerWatcher" endpoint: fate-sharing with the Worker that launched it.
    c.k.connect(p.pid, c.resolve(o.workerUrl));
  }
  return p;
}

/** Client mode: the driver is the spark-submit JVM on the client machine. */
export function startClientDriver(
  c: SparkCluster,
  host: string,
  masters: string[],
  app: StartOpts['app'],
): Process<DriverProcessState> {
  return startDriverProcess(c, {
    mode: 'client',
    host,
    driverId: null,
    workerUrl: null,
    parent: 0,
    masters,
    app,
    executorJavaOpts: [],
  });
}

/** Cluster mode: DriverRunner starts a DriverWrapper JVM on the worker, the worker's URL its first argument. */
export function startClusterDriver(
  c: SparkCluster,
  worker: LaunchedByWorker,
  driverId: string,
  desc: DriverDescription,
): Process<DriverProcessState> {
  const args = desc.command.arguments;
  // DriverWrapper <workerUrl> <userJar> <mainClass> [args]; the app's conf travels in javaOpts (-Dk=v).
  const conf = new Map(
    desc.command.javaOpts
      .filter((o) => o.startsWith('-D'))
      .map((o) => {
        const i = o.indexOf('=');
        return [o.slice(2, i), o.slice(i + 1)] as const;
      }),
  );
  const masters = (conf.get('spark.master') ?? '')
    .replace(/^spark:\/\//, '')
    .split(',')
    .filter(Boolean)
    .map((m) => (m.includes(':') ? m : `${m}:7077`));
  const cores = conf.get('spark.executor.cores');
  const maxCores = conf.get('spark.cores.max');
  const mem = conf.get('spark.executor.memory');
  return startDriverProcess(c, {
    mode: 'cluster',
    host: worker.host,
    driverId,
    workerUrl: worker.workerUrl,
    parent: worker.parent,
    masters,
    // StandaloneSchedulerBackend: Utils.sparkJavaOpts(conf, SparkConf.isExecutorStartupConf), the
    // spark.rpc.* keys among them (the 10 s ask timeout ClientApp set).
    executorJavaOpts: desc.command.javaOpts.filter((o) => /^-Dspark\.(rpc|network|ssl|auth)/.test(o)),
    app: {
      name: registeredAppName(args[2] ?? '', conf.get('spark.app.name') ?? args[2] ?? ''),
      maxCores: maxCores !== undefined ? Number(maxCores) : null,
      memoryPerExecutorMB: mem !== undefined ? bytesConfAsMb(mem) : 1024,
      coresPerExecutor: cores !== undefined ? Number(cores) : null,
      user: conf.get('user.name') ?? 'spark',
      initialExecutorLimit: null,
      behaviour: desc.behaviour,
    },
  });
}

// ---------------------------------------------------------------- receive

export function receive(c: SparkCluster, proc: Process, d: Delivery): void {
  const p = proc as Process<DriverProcessState>;
  const s = p.state;
  const msg = d.msg as SparkMessage | DriverTimer | Disconnected | AskTimeout;
  switch (msg.type) {
    case 'SparkContextStarting': {
      // StandaloneSchedulerBackend.start: the executor command and the ApplicationDescription,
      // then the AppClient registers with every master.
      const address = c.addressOf(p.pid);
      s.appDesc = {
        ...s.appDescInput,
        command: {
          mainClass: 'org.apache.spark.executor.CoarseGrainedExecutorBackend',
          arguments: [
            '--driver-url',
            `spark://${DRIVER_EP}@${address}`,
            '--executor-id',
            '{{EXECUTOR_ID}}',
            '--hostname',
            '{{HOSTNAME}}',
            '--cores',
            '{{CORES}}',
            '--app-id',
            '{{APP_ID}}',
            '--worker-url',
            '{{WORKER_URL}}',
            '--resourceProfileId',
            '{{RESOURCE_PROFILE_ID}}',
          ],
          javaOpts: s.executorJavaOpts,
        },
        appUiUrl: `http://${p.host}:4040`,
      };
      registerWithMaster(c, p, 1);
      return;
    }
    case 'RegistrationCheck': {
      if (s.registered || s.alreadyDead) return;
      if (msg.attempt >= REGISTRATION_RETRIES) markDead(c, p, 'All masters are unresponsive! Giving up.');
      else registerWithMaster(c, p, msg.attempt + 1);
      return;
    }
    case 'RegisteredApplication': {
      s.appId = msg.appId;
      s.registered = true;
      s.master = msg.master;
      c.k.log(p.pid, `Connected to Spark cluster with app ID ${msg.appId}`);
      if (s.driverId) c.world.appDriver.set(msg.appId, s.driverId);
      startJob(c, p);
      return;
    }
    case 'ApplicationRemoved': {
      markDead(c, p, `Master removed our application: ${msg.message}`);
      s.clientStopped = true;
      return;
    }
    case 'ExecutorAdded': {
      const fullId = `${s.appId}/${msg.id}`;
      c.k.log(
        p.pid,
        `Granted executor ID ${fullId} on hostPort ${msg.hostPort} with ${msg.cores} core(s), ${megabytesToString(msg.memory)} RAM`,
      );
      return;
    }
    case 'ExecutorUpdated': {
      const fullId = `${s.appId}/${msg.id}`;
      c.k.log(p.pid, `Executor updated: ${fullId} is now ${msg.state}${msg.message ? ` (${msg.message})` : ''}`);
      if (isExecutorFinished(msg.state)) {
        // The loss reason (ExecutorExited or ExecutorProcessLost) prints as its message alone:
        // "Lost executor 2 on w2: Command exited with code 1" in the lab's real logs.
        const reason = msg.message ?? '';
        c.k.log(p.pid, `Executor ${fullId} removed: ${msg.message ?? ''}`);
        removeExecutor(c, p, String(msg.id), reason, exitCausedByApp(msg.exitStatus, msg.workerHost));
      } else if (msg.state === 'DECOMMISSIONED') {
        decommissionExecutor(c, p, String(msg.id), fullId);
      }
      return;
    }
    case 'WorkerRemoved': {
      c.k.log(p.pid, `Worker ${msg.id} removed: ${msg.message}`);
      return;
    }
    case 'MasterChanged': {
      c.k.log(p.pid, `Master has changed, new master is at spark://${msg.master}`);
      s.master = msg.master;
      s.alreadyDisconnected = false;
      if (s.appId)
        c.sendTo(p.pid, APP_CLIENT_EP, msg.master, 'Master', { type: 'MasterChangeAcknowledged', appId: s.appId });
      return;
    }
    case 'StopAppClient': {
      markDead(c, p, 'Application has been stopped.');
      if (s.master && s.appId && !s.clientStopped)
        c.sendTo(p.pid, APP_CLIENT_EP, s.master, 'Master', { type: 'UnregisterApplication', appId: s.appId });
      else if (!s.master) c.k.log(p.pid, 'Drop UnregisterApplication because has not yet connected to master', 'WARN');
      s.clientStopped = true;
      if (d.askId > 0) c.k.reply(d, { type: 'Boolean', value: true });
      return;
    }
    // ---- DriverEndpoint
    case 'RetrieveSparkAppConfig': {
      c.k.reply(d, { type: 'SparkAppConfig', sparkProperties: [['spark.app.id', s.appId ?? '']] });
      return;
    }
    case 'RegisterExecutor': {
      if (s.executors.has(msg.executorId)) {
        c.k.reply(d, { type: 'Boolean', value: false, message: `Duplicate executor ID: ${msg.executorId}` });
        return;
      }
      c.k.log(
        p.pid,
        `Registered executor NettyRpcEndpointRef(spark-client://Executor) (${msg.executorRef}) with ID ${msg.executorId}`,
      );
      s.executors.set(msg.executorId, {
        executorId: msg.executorId,
        address: msg.executorRef,
        host: msg.hostname,
        totalCores: msg.cores,
        freeCores: 0,
        launched: false,
        memoAddress: null,
        memoPid: 0,
        memoRebinds: 0,
      });
      const sameAddress = s.executorIdsByAddress.get(msg.executorRef);
      if (sameAddress) sameAddress.add(msg.executorId);
      else s.executorIdsByAddress.set(msg.executorRef, new Set([msg.executorId]));
      s.totalCoreCount += msg.cores;
      c.k.reply(d, { type: 'Boolean', value: true });
      return;
    }
    case 'LaunchedExecutor': {
      const ex = s.executors.get(msg.executorId);
      if (!ex) return;
      ex.launched = true;
      ex.freeCores = ex.totalCores;
      makeOffers(c, p, ex);
      return;
    }
    case 'StatusUpdate': {
      const ex = s.executors.get(msg.executorId);
      if (s.running.get(msg.taskId) !== msg.executorId) return;
      s.running.delete(msg.taskId);
      if (msg.state === 'FINISHED') s.tasksDone += 1;
      else s.pendingTasks.push(msg.taskId);
      if (ex) ex.freeCores += 1;
      if (s.tasksDone >= s.behaviour.tasks) {
        // Spark 4.0's DAGScheduler gives the job's time in ms ("took 46053.742171 ms" in the
        // conformance lab's real logs).
        c.k.log(p.pid, `Job 0 finished: reduce at SparkPi.scala:38, took ${(c.now - s.jobStartedAt).toFixed(6)} ms`);
        stopSparkContext(c, p, 0);
      } else if (ex) {
        makeOffers(c, p, ex);
      }
      return;
    }
    case 'StopExecutors': {
      c.k.log(p.pid, 'Asking each executor to shut down');
      for (const ex of s.executors.values())
        c.sendTo(p.pid, DRIVER_EP, ex.address, 'Executor', { type: 'StopExecutor' });
      if (d.askId > 0) c.k.reply(d, { type: 'Boolean', value: true });
      return;
    }
    case 'Boolean':
      return; // replies to our own StopExecutors / StopAppClient asks
    case 'StarvationCheck': {
      if (s.tasksLaunched > 0 || s.stopping) return;
      c.k.log(
        p.pid,
        'Initial job has not accepted any resources; check your cluster UI to ensure that workers are registered and have sufficient resources',
        'WARN',
      );
      c.k.timer(p.pid, DRIVER_EP, STARVATION_TIMEOUT_MS, { type: 'StarvationCheck' });
      return;
    }
    case 'ExecutorLossReasonTimeout': {
      if (!s.executorsPendingLossReason.has(msg.executorId)) return;
      removeExecutor(
        c,
        p,
        msg.executorId,
        'Remote RPC client disassociated. Likely due to containers exceeding thresholds, or network issues.',
        true, // ExecutorProcessLost's causedByApp defaults to true
      );
      return;
    }
    case 'Disconnected': {
      onDisconnected(c, p, `${msg.peerHost}:${msg.peerPort}`);
      return;
    }
    case 'AskTimeout':
      return;
    case 'UserCodeCrash': {
      c.k.log(p.pid, `Exception in thread "main": the user's code failed (exit code ${msg.exitCode})`, 'ERROR');
      c.exitProcess(p.pid, msg.exitCode);
      return;
    }
    case 'SIGTERM': {
      // SparkContext's shutdown hook (installed once its initialisation is done) stops it as
      // sc.stop() does: the executors are told to shut down and the application unregisters
      // before the JVM exits with 143. Before that, or once it is stopping anyway, the JVM exits.
      if (s.appDesc !== null && !s.stopping) {
        c.k.log(p.pid, 'Invoking stop() from shutdown hook');
        stopSparkContext(c, p, SIGTERM_EXIT_CODE);
      } else c.exitProcess(p.pid, SIGTERM_EXIT_CODE);
      return;
    }
    case 'DriverJvmExit': {
      c.exitProcess(p.pid, s.exitCode);
      return;
    }
    default:
      c.k.log(p.pid, `Driver received unexpected message ${msg.type}`, 'WARN');
  }
}

// ---------------------------------------------------------------- AppClient

function registerWithMaster(c: SparkCluster, p: Process<DriverProcessState>, attempt: number): void {
  const s = p.state;
  if (!s.appDesc) return;
  const self = c.addressOf(p.pid);
  for (const master of s.masters) {
    c.k.log(p.pid, `Connecting to master spark://${master}...`);
    c.sendTo(p.pid, APP_CLIENT_EP, master, 'Master', {
      type: 'RegisterApplication',
      appDescription: s.appDesc,
      driver: self,
    });
  }
  c.k.timer(p.pid, APP_CLIENT_EP, REGISTRATION_TIMEOUT_MS, { type: 'RegistrationCheck', attempt });
}

function markDead(c: SparkCluster, p: Process<DriverProcessState>, reason: string): void {
  const s = p.state;
  if (s.alreadyDead) return;
  s.alreadyDead = true;
  // StandaloneSchedulerBackend.dead
  if (!s.stopping) {
    c.k.log(p.pid, `Application has been killed. Reason: ${reason}`, 'ERROR');
    stopSparkContext(c, p, 1);
  }
}

function onDisconnected(c: SparkCluster, p: Process<DriverProcessState>, address: string): void {
  const s = p.state;
  if (s.workerUrl === address) {
    // WorkerWatcher in the DriverWrapper JVM.
    c.k.log(p.pid, `Lost connection to worker rpc endpoint spark://Worker@${address}. Exiting.`, 'ERROR');
    c.exitProcess(p.pid, 255);
    return;
  }
  if (s.master === address || (s.master === null && s.masters.includes(address))) {
    if (!s.alreadyDisconnected) {
      s.alreadyDisconnected = true;
      c.k.log(p.pid, 'Disconnected from Spark cluster! Waiting for reconnection...', 'WARN');
    }
    return;
  }
  // The first executor registered at that address, as a walk over `executors` would find.
  const ids = s.executorIdsByAddress.get(address);
  const first = ids === undefined ? undefined : ids.values().next().value;
  const ex = first === undefined ? undefined : s.executors.get(first);
  if (ex !== undefined) {
    // Standalone waits for the Master's ExecutorUpdated before removing the executor itself.
    s.executorsPendingLossReason.add(ex.executorId);
    c.k.timer(p.pid, DRIVER_EP, EXECUTOR_REMOVE_DELAY_ON_DISCONNECTION_MS, {
      type: 'ExecutorLossReasonTimeout',
      executorId: ex.executorId,
    });
  }
}

/**
 * StandaloneSchedulerBackend.executorRemoved's loss reason, as TaskSetManager.executorLost reads
 * it: an exit with a code is caused by the app unless it is HEARTBEAT_FAILURE (56) or
 * DISK_STORE_FAILED_TO_CREATE_DIR (53); a process lost with its worker (workerHost set) is not.
 */
function exitCausedByApp(exitStatus: number | null, workerHost: string | null): boolean {
  if (exitStatus !== null) return exitStatus !== 56 && exitStatus !== 53;
  return workerHost === null;
}

// ---------------------------------------------------------------- DriverEndpoint and the job

function startJob(c: SparkCluster, p: Process<DriverProcessState>): void {
  const s = p.state;
  if (s.jobStarted) return;
  s.jobStarted = true;
  s.jobStartedAt = c.now;
  const n = s.behaviour.tasks;
  // Task 0 is launched first: keep the stack in reverse.
  const pending: number[] = [];
  for (let i = n - 1; i >= 0; i--) pending.push(i);
  s.pendingTasks = pending;
  c.k.log(p.pid, `Starting job: reduce at SparkPi.scala:38 with ${n} output partitions`);
  c.k.log(p.pid, `Adding task set 0.0 with ${n} tasks resource profile 0`);
  if (n === 0) {
    stopSparkContext(c, p, 0);
    return;
  }
  c.k.timer(p.pid, DRIVER_EP, STARVATION_TIMEOUT_MS, { type: 'StarvationCheck' });
  for (const ex of c.k.random.shuffle([...s.executors.values()])) makeOffers(c, p, ex);
}

function makeOffers(c: SparkCluster, p: Process<DriverProcessState>, ex: ExecutorData): void {
  const s = p.state;
  if (
    !s.jobStarted ||
    s.stopping ||
    !ex.launched ||
    s.executorsPendingLossReason.has(ex.executorId) ||
    s.executorsPendingDecommission.has(ex.executorId)
  )
    return;
  while (ex.freeCores > 0 && s.pendingTasks.length > 0) {
    const taskId = s.pendingTasks.pop() as number;
    ex.freeCores -= 1;
    s.running.set(taskId, ex.executorId);
    s.runningTid.set(taskId, s.tasksLaunched);
    s.tasksLaunched += 1;
    c.sendToMemo(p.pid, DRIVER_EP, ex.address, ex, 'Executor', {
      type: 'LaunchTask',
      taskId,
      durationMs: s.behaviour.taskMs,
    });
  }
}

function removeExecutor(
  c: SparkCluster,
  p: Process<DriverProcessState>,
  executorId: string,
  reason: string,
  causedByApp: boolean,
): void {
  const s = p.state;
  const ex = s.executors.get(executorId);
  s.executorsPendingLossReason.delete(executorId);
  s.executorsPendingDecommission.delete(executorId);
  if (!ex) return;
  c.k.log(p.pid, `Lost executor ${executorId} on ${ex.host}: ${reason}`, 'ERROR');
  s.executors.delete(executorId);
  const sameAddress = s.executorIdsByAddress.get(ex.address);
  sameAddress?.delete(executorId);
  if (sameAddress?.size === 0) s.executorIdsByAddress.delete(ex.address);
  s.totalCoreCount -= ex.totalCores;
  // TaskSetManager.executorLost: its running tasks go back to pending and run elsewhere (the
  // last one added is offered first, as dequeueTaskFromList reads the pending list from its
  // end); each counts as a failure of its task when the loss was the app's doing.
  let failedTask = -1;
  for (const [taskId, execId] of s.running) {
    if (execId !== executorId) continue;
    s.running.delete(taskId);
    s.pendingTasks.push(taskId);
    if (s.stopping) continue;
    const attempt = s.taskLosses.get(taskId) ?? 0;
    s.taskLosses.set(taskId, attempt + 1);
    c.k.log(
      p.pid,
      `Lost task ${taskId}.${attempt} in stage 0.0 (TID ${s.runningTid.get(taskId) ?? 0}) (${ex.host} executor ${executorId}): ExecutorLostFailure (executor ${executorId} ${causedByApp ? 'exited caused by one of the running tasks' : 'exited unrelated to the running tasks'}) Reason: ${reason}`,
      'WARN',
    );
    if (!causedByApp) continue;
    const failures = (s.taskFailures.get(taskId) ?? 0) + 1;
    s.taskFailures.set(taskId, failures);
    if (failures >= s.behaviour.maxTaskFailures && failedTask < 0) failedTask = taskId;
  }
  if (failedTask >= 0) {
    abortJob(c, p, failedTask);
    return;
  }
  // makeOffers launches nothing without pending tasks of a running job: skip the walk over every
  // executor then (an app losing thousands of executors as it stops would make it quadratic).
  if (s.jobStarted && !s.stopping && s.pendingTasks.length > 0)
    for (const other of s.executors.values()) makeOffers(c, p, other);
}

/**
 * StandaloneSchedulerBackend.executorDecommissioned → decommissionExecutors: stop offering it
 * tasks and tell the executor (DecommissionExecutor); it exits once its running tasks are done.
 */
function decommissionExecutor(
  c: SparkCluster,
  p: Process<DriverProcessState>,
  executorId: string,
  fullId: string,
): void {
  const s = p.state;
  c.k.log(p.pid, `Asked to decommission executor ${fullId}`);
  const ex = s.executors.get(executorId);
  if (!ex || s.executorsPendingDecommission.has(executorId)) return;
  s.executorsPendingDecommission.add(executorId);
  c.sendTo(p.pid, DRIVER_EP, ex.address, 'Executor', { type: 'DecommissionExecutor' });
}

/**
 * TaskSetManager.handleFailedTask → abort: the job fails, the user's main() gets the exception
 * (SparkPi does not catch it), and the SparkContext stops as the JVM exits with 1.
 */
function abortJob(c: SparkCluster, p: Process<DriverProcessState>, taskId: number): void {
  const s = p.state;
  const max = s.behaviour.maxTaskFailures;
  c.k.log(p.pid, `Task ${taskId} in stage 0.0 failed ${max} times; aborting job`, 'ERROR');
  c.k.log(p.pid, `Job 0 failed: reduce at SparkPi.scala:38, took ${(c.now - s.jobStartedAt).toFixed(6)} ms`);
  s.pendingTasks = [];
  stopSparkContext(c, p, 1);
}

/** SparkContext.stop → StandaloneSchedulerBackend.stop: stop executors, unregister, exit. */
function stopSparkContext(c: SparkCluster, p: Process<DriverProcessState>, exitCode: number): void {
  const s = p.state;
  if (s.stopping) return;
  s.stopping = true;
  s.exitCode = exitCode;
  c.k.log(p.pid, 'Shutting down all executors');
  c.k.ask(p.pid, DRIVER_EP, p.pid, DRIVER_EP, { type: 'StopExecutors' }, c.settings.askTimeoutMs);
  c.k.ask(p.pid, DRIVER_EP, p.pid, APP_CLIENT_EP, { type: 'StopAppClient' }, c.settings.askTimeoutMs);
  c.k.log(p.pid, 'Successfully stopped SparkContext');
  c.k.timer(p.pid, DRIVER_EP, DRIVER_SHUTDOWN_MS, { type: 'DriverJvmExit' });
}

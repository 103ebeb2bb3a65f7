// Models executor/CoarseGrainedExecutorBackend.scala (with deploy/worker/WorkerWatcher.scala): the
// executor JVM fetches its config from the driver, registers, runs the tasks it is given, and exits
// when told to stop, when its driver or its worker goes away, or when the user's code crashes it.
import type { AskTimeout, Delivery, Disconnected, Process } from '../sim/kernel';
import type { AddressMemo, SparkCluster } from './cluster';
import type { AppBehaviour, ApplicationDescription, SparkMessage } from './messages';
import type { LaunchedByWorker } from './worker-state';
import { getTimeMs } from './conf';
import { EXECUTOR_JVM_STARTUP_MS, EXECUTOR_SHUTDOWN_MS, SIGTERM_EXIT_CODE } from './timings';

const EXECUTOR_EP = 'Executor';
const DRIVER_EP = 'CoarseGrainedScheduler';

/** Its AddressMemo fields remember where `driverUrl` leads (a status update for every task). */
export interface ExecutorBackendState extends AddressMemo {
  appId: string;
  executorId: string;
  hostname: string;
  cores: number;
  /** The driver's RPC address (from --driver-url). */
  driverUrl: string;
  workerUrl: string;
  phase: 'starting' | 'fetching-config' | 'registering' | 'running' | 'stopping';
  stopping: boolean;
  decommissioned: boolean;
  /** Running tasks: task id → timer handle. */
  tasks: Map<number, number>;
  behaviour: AppBehaviour;
  /** spark.rpc.askTimeout as its command's -D options give it (else the cluster's). */
  askTimeoutMs: number;
  /** Tries of the bootstrap's driver lookup so far (CoarseGrainedExecutorBackend.run). */
  fetchTries: number;
}

/** sys.env EXECUTOR_DRIVER_PROPS_FETCHER_MAX_ATTEMPTS, unset in standalone: "3". */
const DRIVER_PROPS_FETCHER_MAX_ATTEMPTS = 3;

type ExecutorTimer =
  | { type: 'JvmStarted' }
  | { type: 'TaskFinished'; taskId: number }
  | { type: 'UserCodeCrash'; exitCode: number }
  | { type: 'ShutdownComplete' }
  | { type: 'DecommissionShutdownCheck' }
  | { type: 'SIGTERM' };

/** The executor's own command-line arguments (--app-id, --executor-id, --cores, and the app's command with --driver-url). */
export interface ExecutorArguments {
  appId: string;
  execId: number;
  cores: number;
  appDesc: ApplicationDescription;
}

/** ExecutorRunner's fork: a CoarseGrainedExecutorBackend JVM on the worker's machine. */
export function startExecutorProcess(
  c: SparkCluster,
  worker: LaunchedByWorker,
  r: ExecutorArguments,
): Process<ExecutorBackendState> {
  const host = worker.host;
  const port = c.ephemeralPort(host);
  // --driver-url spark://CoarseGrainedScheduler@host:port, as the ApplicationDescription's command has it.
  const args = r.appDesc.command.arguments;
  const driverUrl = (args[args.indexOf('--driver-url') + 1] ?? '').replace(/^spark:\/\/[^@]*@/, '');
  const state: ExecutorBackendState = {
    appId: r.appId,
    executorId: String(r.execId),
    hostname: host,
    cores: r.cores,
    driverUrl,
    workerUrl: worker.workerUrl,
    phase: 'starting',
    stopping: false,
    decommissioned: false,
    tasks: new Map(),
    behaviour: r.appDesc.behaviour,
    askTimeoutMs: askTimeoutOf(c, r.appDesc.command.javaOpts),
    fetchTries: 0,
    memoAddress: null,
    memoPid: 0,
    memoRebinds: 0,
  };
  const p = c.spawn(host, 'executor', `Executor ${r.appId}/${r.execId}@${host}`, state, {
    port,
    parent: worker.parent,
  });
  c.bind(p.pid, host, port);
  c.k.timer(p.pid, EXECUTOR_EP, EXECUTOR_JVM_STARTUP_MS, { type: 'JvmStarted' });
  return p;
}

function askTimeoutOf(c: SparkCluster, javaOpts: readonly string[]): number {
  const opt = javaOpts.findLast((o) => o.startsWith('-Dspark.rpc.askTimeout='));
  if (opt === undefined) return c.settings.askTimeoutMs;
  return getTimeMs({ 'spark.rpc.askTimeout': opt.slice('-Dspark.rpc.askTimeout='.length) }, 'spark.rpc.askTimeout');
}

function fetchDriverConfig(c: SparkCluster, p: Process<ExecutorBackendState>): void {
  const e = p.state;
  e.fetchTries += 1;
  c.askTo(
    p.pid,
    EXECUTOR_EP,
    e.driverUrl,
    DRIVER_EP,
    { type: 'RetrieveSparkAppConfig', resourceProfileId: 0 },
    e.askTimeoutMs,
  );
}

function exitExecutor(c: SparkCluster, p: Process<ExecutorBackendState>, code: number, reason: string): void {
  c.k.log(p.pid, `Executor self-exiting due to : ${reason}`, code === 0 ? 'INFO' : 'ERROR');
  c.exitProcess(p.pid, code);
}

export function receive(c: SparkCluster, proc: Process, d: Delivery): void {
  const p = proc as Process<ExecutorBackendState>;
  const e = p.state;
  const msg = d.msg as SparkMessage | ExecutorTimer | Disconnected | AskTimeout;
  switch (msg.type) {
    case 'JvmStarted': {
      // Bootstrap: a temporary RpcEnv asks the driver for the app's config; WorkerWatcher connects
      // to the worker so that the executor dies with it. A Worker that died while this JVM was
      // starting refuses the connection: WorkerWatcher.onNetworkError exits at once (exitNonZero).
      const worker = c.resolve(e.workerUrl);
      if (worker === 0 || !c.k.proc(worker).alive) {
        c.k.log(p.pid, `Lost connection to worker rpc endpoint spark://Worker@${e.workerUrl}. Exiting.`, 'ERROR');
        c.exitProcess(p.pid, 255);
        return;
      }
      c.k.connect(p.pid, worker);
      e.phase = 'fetching-config';
      fetchDriverConfig(c, p);
      return;
    }
    case 'SparkAppConfig': {
      e.phase = 'registering';
      c.k.log(p.pid, `Connecting to driver: spark://CoarseGrainedScheduler@${e.driverUrl}`);
      c.askTo(
        p.pid,
        EXECUTOR_EP,
        e.driverUrl,
        DRIVER_EP,
        {
          type: 'RegisterExecutor',
          executorId: e.executorId,
          executorRef: c.addressOf(p.pid),
          hostname: e.hostname,
          cores: e.cores,
        },
        e.askTimeoutMs,
      );
      return;
    }
    case 'Boolean': {
      // The reply to RegisterExecutor.
      if (msg.value) {
        c.k.log(p.pid, 'Successfully registered with driver');
        c.k.send(p.pid, EXECUTOR_EP, p.pid, EXECUTOR_EP, { type: 'RegisteredExecutor' });
      } else {
        exitExecutor(c, p, 1, `Cannot register with driver: spark://CoarseGrainedScheduler@${e.driverUrl}`);
      }
      return;
    }
    case 'AskTimeout': {
      if (e.phase === 'fetching-config') {
        // The bootstrap looks the driver up EXECUTOR_DRIVER_PROPS_FETCHER_MAX_ATTEMPTS times (the
        // lookup and the config fetch are one ask here), each failing after spark.rpc.askTimeout;
        // the last failure is thrown out of main(): exit code 1. With a driver whose machine is
        // gone that is 3 × 10 s in cluster mode, as the conformance lab saw.
        c.k.log(p.pid, 'Ask terminated before connecting successfully', 'ERROR');
        if (e.fetchTries < DRIVER_PROPS_FETCHER_MAX_ATTEMPTS) {
          fetchDriverConfig(c, p);
          return;
        }
        c.k.log(
          p.pid,
          `Exception in thread "main": org.apache.spark.rpc.RpcTimeoutException: Cannot receive any reply from ${e.driverUrl} in ${e.askTimeoutMs / 1000} seconds. This timeout is controlled by spark.rpc.askTimeout`,
          'ERROR',
        );
        c.exitProcess(p.pid, 1);
        return;
      }
      exitExecutor(c, p, 1, `Cannot register with driver: spark://CoarseGrainedScheduler@${e.driverUrl}`);
      return;
    }
    case 'RegisteredExecutor': {
      e.phase = 'running';
      // CoarseGrainedExecutorBackend creates its Executor on RegisteredExecutor, and the Executor's
      // constructor starts the executor plugins (PluginContainer in Executor.scala): the user's code
      // on an executor, and so an executorFault's crash, can run from here on.
      const fault = e.behaviour.executorFault;
      if (fault?.kind === 'crash')
        c.k.timer(p.pid, EXECUTOR_EP, fault.afterMs, { type: 'UserCodeCrash', exitCode: fault.exitCode });
      c.k.send(p.pid, EXECUTOR_EP, c.resolve(e.driverUrl), DRIVER_EP, {
        type: 'LaunchedExecutor',
        executorId: e.executorId,
      });
      return;
    }
    case 'LaunchTask': {
      if (e.stopping) return;
      e.tasks.set(
        msg.taskId,
        c.k.timer(p.pid, EXECUTOR_EP, msg.durationMs, { type: 'TaskFinished', taskId: msg.taskId }),
      );
      return;
    }
    case 'TaskFinished': {
      if (!e.tasks.delete(msg.taskId)) return;
      c.sendToMemo(p.pid, EXECUTOR_EP, e.driverUrl, e, DRIVER_EP, {
        type: 'StatusUpdate',
        executorId: e.executorId,
        taskId: msg.taskId,
        state: 'FINISHED',
      });
      return;
    }
    case 'DecommissionExecutor': {
      // decommissionSelf: no block migration is configured, so the executor exits 0 once no task
      // runs, checking every second after an initial one-second sleep.
      if (!c.settings.decommissionEnabled) {
        c.k.log(p.pid, 'Receive decommission request, but decommission feature is disabled.', 'WARN');
        return;
      }
      if (e.decommissioned) return;
      e.decommissioned = true;
      c.k.log(p.pid, `Decommission executor ${e.executorId}.`);
      c.k.timer(p.pid, EXECUTOR_EP, 1000, { type: 'DecommissionShutdownCheck' });
      return;
    }
    case 'DecommissionShutdownCheck': {
      if (e.tasks.size === 0) {
        c.k.log(p.pid, 'No running tasks, no block migration configured, stopping.');
        exitExecutor(c, p, 0, 'Finished decommissioning');
      } else {
        c.k.log(p.pid, `Blocked from shutdown by ${e.tasks.size} running tasks`);
        c.k.timer(p.pid, EXECUTOR_EP, 1000, { type: 'DecommissionShutdownCheck' });
      }
      return;
    }
    case 'StopExecutor': {
      e.stopping = true;
      c.k.log(p.pid, 'Driver commanded a shutdown');
      c.k.send(p.pid, EXECUTOR_EP, p.pid, EXECUTOR_EP, { type: 'Shutdown' });
      return;
    }
    case 'Shutdown': {
      e.stopping = true;
      e.phase = 'stopping';
      for (const handle of e.tasks.values()) c.k.cancel(handle);
      e.tasks.clear();
      c.k.timer(p.pid, EXECUTOR_EP, EXECUTOR_SHUTDOWN_MS, { type: 'ShutdownComplete' });
      return;
    }
    case 'ShutdownComplete': {
      c.exitProcess(p.pid, 0);
      return;
    }
    case 'SIGTERM': {
      c.k.log(p.pid, 'RECEIVED SIGNAL TERM', 'ERROR');
      c.exitProcess(p.pid, SIGTERM_EXIT_CODE);
      return;
    }
    case 'UserCodeCrash': {
      c.k.log(p.pid, `Uncaught exception in the user's code: exiting with code ${msg.exitCode}`, 'ERROR');
      c.exitProcess(p.pid, msg.exitCode);
      return;
    }
    case 'Disconnected': {
      const address = `${msg.peerHost}:${msg.peerPort}`;
      if (address === e.workerUrl) {
        // WorkerWatcher: fate-sharing with the worker (System.exit(-1) → status 255).
        c.k.log(p.pid, `Lost connection to worker rpc endpoint spark://Worker@${e.workerUrl}. Exiting.`, 'ERROR');
        c.exitProcess(p.pid, 255);
      } else if (address === e.driverUrl) {
        if (e.stopping) c.k.log(p.pid, `Driver from ${address} disconnected during shutdown`);
        else exitExecutor(c, p, 1, `Driver ${address} disassociated! Shutting down.`);
      }
      return;
    }
    default:
      c.k.log(p.pid, `Executor received unexpected message ${msg.type}`, 'WARN');
  }
}

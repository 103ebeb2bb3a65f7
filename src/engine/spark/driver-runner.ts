// Models deploy/worker/DriverRunner.scala: the Worker's runner for one cluster-mode driver.
// start() prepares the driver's directory, then runCommandWithRetry launches DriverWrapper
// (driver.ts) with the worker's URL as its first argument and, with --supervise, relaunches it
// after a failure with a doubling back-off; kill() terminates the process or ends the back-off.
// When the runner is done it reports the driver's final state to the Worker.
import type { Process } from '../sim/kernel';
import type { SparkCluster } from './cluster';
import { startClusterDriver } from './driver';
import { terminateProcess } from './executor-runner';
import type { DriverDescription, DriverStateName } from './messages';
import { DRIVER_RUNNER_PREPARE_MS } from './timings';
import type { DriverRunner, WorkerState } from './worker-state';
import { WORKER_EP } from './worker-state';

/** The runner's own endpoint name in the trace (its reports go to the Worker endpoint). */
const RUNNER_EP = 'DriverRunner';

/** The runner's timers: the driver's directory is ready, or a back-off sleep is over. */
export type DriverRunnerTimer =
  { type: 'DriverPrepared'; driverId: string } | { type: 'DriverRelaunch'; driverId: string };

/** new DriverRunner(...): nothing has run yet. */
export function newDriverRunner(driverId: string, driverDesc: DriverDescription): DriverRunner {
  return {
    driverId,
    driverDesc,
    pid: 0,
    killed: false,
    waitSeconds: 1,
    runStartedAt: 0,
    sleepStartedAt: 0,
    lastExitCode: -1,
    phase: 'preparing',
    finalState: null,
    pendingTimer: 0,
  };
}

/** DriverRunner.start(): prepareAndRunDriver begins with the driver's working directory. */
export function startDriverRunner(c: SparkCluster, p: Process<WorkerState>, runner: DriverRunner): void {
  runner.pendingTimer = c.k.timer(p.pid, RUNNER_EP, DRIVER_RUNNER_PREPARE_MS, {
    type: 'DriverPrepared',
    driverId: runner.driverId,
  } satisfies DriverRunnerTimer);
}

/** The runner thread wakes (prepared, or a back-off slice is over): launch, unless it was killed. */
export function driverRunnerWakes(c: SparkCluster, p: Process<WorkerState>, runner: DriverRunner): void {
  if (runner.phase === 'finished') return;
  if (runner.killed) {
    finishDriverRunner(c, p, runner, runner.lastExitCode);
    return;
  }
  launchDriverProcess(c, p, runner);
}

function launchDriverProcess(c: SparkCluster, p: Process<WorkerState>, r: DriverRunner): void {
  const w = p.state;
  r.phase = 'running';
  r.runStartedAt = c.now;
  const child = startClusterDriver(c, { host: w.host, workerUrl: w.address, parent: p.pid }, r.driverId, r.driverDesc);
  r.pid = child.pid;
  c.k.log(
    p.pid,
    `Launch Command: "java" "-Xmx${r.driverDesc.mem}M" "org.apache.spark.deploy.worker.DriverWrapper" "spark://Worker@${w.address}" "${r.driverDesc.jarUrl}" "${r.driverDesc.command.arguments[2] ?? ''}"`,
  );
}

/** DriverRunner.runCommandWithRetry after the process exits. */
export function driverProcessExited(c: SparkCluster, p: Process<WorkerState>, r: DriverRunner, exitCode: number): void {
  r.pid = 0;
  r.lastExitCode = exitCode;
  const keepTrying = r.driverDesc.supervise && exitCode !== 0 && !r.killed;
  if (!keepTrying) {
    finishDriverRunner(c, p, r, exitCode);
    return;
  }
  const runMs = c.now - r.runStartedAt;
  if (runMs > 5000) r.waitSeconds = 1; // successfulRunDuration = 5 s
  c.k.log(p.pid, `Command exited with status ${exitCode}, re-launching after ${r.waitSeconds} s.`);
  r.phase = 'backoff';
  r.sleepStartedAt = c.now;
  c.world.driverRestarts.set(r.driverId, (c.world.driverRestarts.get(r.driverId) ?? 0) + 1);
  r.pendingTimer = c.k.timer(p.pid, RUNNER_EP, r.waitSeconds * 1000, {
    type: 'DriverRelaunch',
    driverId: r.driverId,
  } satisfies DriverRunnerTimer);
  r.waitSeconds *= 2;
}

/** The end of prepareAndRunDriver: the final state goes to the Worker as DriverStateChanged. */
function finishDriverRunner(c: SparkCluster, p: Process<WorkerState>, r: DriverRunner, exitCode: number): void {
  r.phase = 'finished';
  const finalState: DriverStateName = exitCode === 0 ? 'FINISHED' : r.killed ? 'KILLED' : 'FAILED';
  r.finalState = finalState;
  c.k.send(p.pid, RUNNER_EP, p.pid, WORKER_EP, {
    type: 'DriverStateChanged',
    driverId: r.driverId,
    state: finalState,
    exception: null,
  });
}

/**
 * DriverRunner.kill(): Utils.terminateProcess on a running driver; a sleeping or preparing runner
 * sees `killed`. terminateProcess waits for the JVM to exit, on the Worker endpoint's thread (the
 * Worker calls kill() from its KillDriver handler), so the Worker handles nothing else until the
 * driver's shutdown hook has stopped its SparkContext and the JVM is gone (worker.ts holds its
 * inbox meanwhile). A simulated driver always honours SIGTERM, so
 * spark.worker.driverTerminateTimeout (10 s, then destroyForcibly) never runs out here.
 */
export function killDriverRunner(c: SparkCluster, p: Process<WorkerState>, r: DriverRunner): void {
  r.killed = true;
  if (r.phase === 'running' && r.pid !== 0) {
    p.state.awaitingDriverExit = r.driverId;
    terminateProcess(c, r.pid);
  } else if (r.phase === 'backoff' || r.phase === 'preparing') {
    // The back-off sleeps in one-second slices and checks `killed`; preparing checks it before launch.
    c.k.cancel(r.pendingTimer);
    const remainder = r.phase === 'backoff' ? 1000 - ((c.now - r.sleepStartedAt) % 1000) : 0;
    r.pendingTimer = c.k.timer(p.pid, RUNNER_EP, remainder, {
      type: 'DriverRelaunch',
      driverId: r.driverId,
    } satisfies DriverRunnerTimer);
  }
}

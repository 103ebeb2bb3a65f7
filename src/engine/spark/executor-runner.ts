// Models deploy/worker/ExecutorRunner.scala: the Worker's runner thread for one executor. start()
// forks the executor JVM (CoarseGrainedExecutorBackend, executor.ts) with only what its command
// line carries; the runner reports RUNNING, then EXITED with the exit code when the process ends,
// or KILLED when kill() interrupts it and terminates the process.
import type { Pid, Process } from '../sim/kernel';
import type { SparkCluster } from './cluster';
import { startExecutorProcess } from './executor';
import type { ApplicationDescription, ExecutorStateChanged, ExecutorStateName } from './messages';
import { EXECUTOR_FORK_MS, PROCESS_TERMINATE_MS } from './timings';
import type { ExecutorRunner, WorkerState } from './worker-state';
import { WORKER_EP } from './worker-state';

/** The runner's own endpoint name in the trace (its reports go to the Worker endpoint). */
const RUNNER_EP = 'ExecutorRunner';

/** The runner's timer: the fork is done and the process runs. */
export interface ExecutorForked {
  type: 'ExecutorForked';
  fullId: string;
}

function executorStateChanged(
  r: ExecutorRunner,
  state: ExecutorStateName,
  message: string | null,
  exitStatus: number | null,
): ExecutorStateChanged {
  return { type: 'ExecutorStateChanged', appId: r.appId, execId: r.execId, state, message, exitStatus };
}

/** new ExecutorRunner(...): LAUNCHING, no process yet. */
export function newExecutorRunner(
  appId: string,
  execId: number,
  appDesc: ApplicationDescription,
  cores: number,
  memory: number,
): ExecutorRunner {
  return {
    appId,
    execId,
    fullId: `${appId}/${execId}`,
    appDesc,
    cores,
    memory,
    state: 'LAUNCHING',
    pid: 0,
    forkTimer: 0,
    killed: false,
  };
}

/** ExecutorRunner.start(): the runner thread begins forking the executor JVM. */
export function startExecutorRunner(c: SparkCluster, p: Process<WorkerState>, runner: ExecutorRunner): void {
  runner.forkTimer = c.k.timer(p.pid, RUNNER_EP, EXECUTOR_FORK_MS, {
    type: 'ExecutorForked',
    fullId: runner.fullId,
  } satisfies ExecutorForked);
}

/**
 * fetchAndRunExecutor: the process is started with the executor's command line (the worker's URL
 * among its arguments), and the runner tells the Worker it is RUNNING.
 */
export function executorForked(c: SparkCluster, p: Process<WorkerState>, runner: ExecutorRunner): void {
  if (runner.killed) return;
  const w = p.state;
  const child = startExecutorProcess(
    c,
    { host: w.host, workerUrl: w.address, parent: p.pid },
    { appId: runner.appId, execId: runner.execId, cores: runner.cores, appDesc: runner.appDesc },
  );
  runner.pid = child.pid;
  runner.state = 'RUNNING';
  c.k.send(p.pid, RUNNER_EP, p.pid, WORKER_EP, executorStateChanged(runner, 'RUNNING', null, null));
}

/** ExecutorRunner.kill(): interrupt the runner thread; it terminates the process and reports KILLED. */
export function killExecutorRunner(c: SparkCluster, p: Process<WorkerState>, r: ExecutorRunner): void {
  if (r.killed) return;
  const exited = r.state === 'EXITED';
  r.killed = true;
  r.state = 'KILLED';
  // The runner thread is done (its EXITED report is on its way to the Worker): interrupting it
  // does nothing, and its "interrupted" line is never logged.
  if (exited) return;
  const message = `Runner thread for executor ${r.fullId} interrupted`;
  c.k.log(p.pid, message);
  if (r.pid === 0) {
    // Interrupted before the process started: no exit code.
    c.k.cancel(r.forkTimer);
    c.k.send(p.pid, RUNNER_EP, p.pid, WORKER_EP, executorStateChanged(r, 'KILLED', message, null));
    return;
  }
  c.k.log(p.pid, 'Killing process!');
  terminateProcess(c, r.pid);
}

/** Utils.terminateProcess: SIGTERM; a JVM exits with 143 shortly after. */
export function terminateProcess(c: SparkCluster, pid: Pid): void {
  c.k.timer(pid, 'SIGTERM', PROCESS_TERMINATE_MS, { type: 'SIGTERM' });
}

/** process.waitFor() returned: EXITED with the code, or KILLED when the runner was interrupted. */
export function executorProcessExited(
  c: SparkCluster,
  p: Process<WorkerState>,
  r: ExecutorRunner,
  exitCode: number,
): void {
  if (r.killed) {
    c.k.send(
      p.pid,
      RUNNER_EP,
      p.pid,
      WORKER_EP,
      executorStateChanged(r, 'KILLED', `Runner thread for executor ${r.fullId} interrupted`, exitCode),
    );
  } else {
    r.state = 'EXITED';
    c.k.send(
      p.pid,
      RUNNER_EP,
      p.pid,
      WORKER_EP,
      executorStateChanged(r, 'EXITED', `Command exited with code ${exitCode}`, exitCode),
    );
  }
}

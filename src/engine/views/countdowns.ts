// The waits a user needs to follow, read from the engine's own timers: a supervised driver's
// back-off before DriverRunner relaunches it, a Worker's next registration retry, and a Worker the
// Master has not heard from (its heartbeat age and the CheckForWorkerTimeOut that will bury it).
// Each due time is the pending timer's own time in the kernel's queue, never a recomputed guess;
// the pacer slows time while one is running so each stays readable (pacing.ts).
import type { SparkCluster } from '../spark/cluster';
import type { MasterState, WorkerInfo } from '../spark/master-state';
import { initialRetryIntervalMs, prolongedRetryIntervalMs } from '../spark/worker';
import type { DriverRunner, WorkerState } from '../spark/worker-state';
import type { Delivery, Process } from '../sim/kernel';

/**
 * A Worker is "silent" once the Master's last heartbeat from it is this many heartbeat intervals
 * old (a Worker sends one every spark.worker.timeout / 4): one heartbeat is half an interval late,
 * which network latency and jitter alone do not explain.
 */
export const SILENT_AFTER_INTERVALS = 1.5;

/** One wait in simulated ms: it began at `since` and its timer fires at `at`. */
export interface Countdown {
  kind: 'relaunch' | 'registration' | 'heartbeat';
  /** What waits: a driver id or a worker's host. */
  subject: string;
  since: number;
  at: number;
}

/**
 * The due times of the events pending in the kernel's queue, read once (lazily) per view: a
 * timer's handle is its event's sequence number. Cancelled events are left out.
 */
export class PendingTimers {
  private readonly c: SparkCluster;
  private bySeq: Map<number, number> | null = null;
  private checks: Map<number, number> | null = null;

  constructor(c: SparkCluster) {
    this.c = c;
  }

  private index(): void {
    const s = this.c.k.state;
    this.bySeq = new Map();
    this.checks = new Map();
    for (const d of s.queue as Delivery[]) {
      if (s.cancelled.has(d.seq)) continue;
      this.bySeq.set(d.seq, d.t);
      if (d.msg.type === 'CheckForWorkerTimeOut') {
        const prev = this.checks.get(d.to);
        if (prev === undefined || d.t < prev) this.checks.set(d.to, d.t);
      }
    }
  }

  /** When the timer with this handle fires, or null when it is not pending. */
  dueAt(handle: number): number | null {
    if (handle <= 0) return null;
    if (!this.bySeq) this.index();
    return this.bySeq?.get(handle) ?? null;
  }

  /** The next CheckForWorkerTimeOut of this Master process, or null. */
  nextTimeoutCheck(masterPid: number): number | null {
    if (!this.checks) this.index();
    return this.checks?.get(masterPid) ?? null;
  }
}

/** A supervised driver sleeping before runCommandWithRetry relaunches it. */
export function driverBackoff(r: DriverRunner, timers: PendingTimers): { since: number; at: number } | null {
  if (r.phase !== 'backoff' || r.killed) return null;
  const at = timers.dueAt(r.pendingTimer);
  return at === null ? null : { since: r.sleepStartedAt, at };
}

/**
 * A Worker not registered yet, waiting for its next ReregisterWithMaster: `attempt` is
 * connectionAttemptCount (Spark's "Retrying connection to master (attempt # N)"), 0 before the
 * first retry. The period is the one the Worker armed the timer with, so `since` is when it did.
 */
export function workerRegistration(
  c: SparkCluster,
  p: Process<WorkerState>,
  timers: PendingTimers,
): { attempt: number; since: number; at: number } | null {
  const w = p.state;
  if (!p.alive || w.registered) return null;
  const at = timers.dueAt(w.registrationRetryTimer);
  if (at === null) return null;
  const period =
    w.connectionAttemptCount < c.settings.initialRegistrationRetries
      ? initialRetryIntervalMs(w)
      : prolongedRetryIntervalMs(w);
  return { attempt: w.connectionAttemptCount, since: Math.max(0, at - period), at };
}

/** The Master process that answers for the cluster (the leader, else a standby), or null. */
export function activeMasterProcess(c: SparkCluster): Process<MasterState> | null {
  let fallback: Process<MasterState> | null = null;
  for (const m of c.world.topology.masters) {
    const p = c.k.proc<MasterState>(m.pid);
    if (!p.alive) continue;
    if (p.state.state !== 'STANDBY') return p;
    fallback ??= p;
  }
  return fallback;
}

/**
 * An ALIVE Worker whose heartbeat is late, as the Master sees it: when its last heartbeat arrived
 * and the CheckForWorkerTimeOut that will remove it unless one arrives first. The check runs at a
 * fixed rate (every spark.worker.timeout from the Master's start) and removes a worker whose
 * lastHeartbeat < now − timeout, so that is the first pending check time past lastHeartbeat + timeout.
 */
export function workerSilence(
  c: SparkCluster,
  master: Process<MasterState>,
  info: WorkerInfo,
  timers: PendingTimers,
): { lastHeartbeatAt: number; deadAt: number } | null {
  if (info.state !== 'ALIVE') return null;
  const timeout = c.settings.workerTimeoutMs;
  const lastHeartbeatAt = info.lastHeartbeat - c.world.epochMs;
  if (c.now - lastHeartbeatAt <= (SILENT_AFTER_INTERVALS * timeout) / 4) return null;
  let deadAt = timers.nextTimeoutCheck(master.pid);
  if (deadAt === null) return null;
  // Removed at a check when lastHeartbeat < check − timeout; later checks come every `timeout`.
  if (deadAt - timeout <= lastHeartbeatAt)
    deadAt += Math.ceil((lastHeartbeatAt + 1 - (deadAt - timeout)) / timeout) * timeout;
  return { lastHeartbeatAt, deadAt };
}

/** Every wait running now, for the pacer. */
export function countdowns(c: SparkCluster): Countdown[] {
  const out: Countdown[] = [];
  const timers = new PendingTimers(c);
  for (const [host, spec] of c.world.topology.workers) {
    const p = c.k.proc<WorkerState>(spec.pid);
    if (!p.alive) continue;
    const reg = workerRegistration(c, p, timers);
    if (reg) out.push({ kind: 'registration', subject: host, since: reg.since, at: reg.at });
    for (const r of p.state.drivers.values()) {
      const b = driverBackoff(r, timers);
      if (b) out.push({ kind: 'relaunch', subject: r.driverId, since: b.since, at: b.at });
    }
  }
  const master = activeMasterProcess(c);
  if (master) {
    for (const info of master.state.workers) {
      const s = workerSilence(c, master, info, timers);
      if (s) out.push({ kind: 'heartbeat', subject: info.host, since: s.lastHeartbeatAt, at: s.deadAt });
    }
  }
  return out;
}

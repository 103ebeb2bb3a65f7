// The facade the rest of the app uses (DESIGN.md §4): load a scenario, advance simulated time,
// read the views. One Simulation is one cluster run; it is deterministic in (scenario, engine
// version).
import type { Scenario } from './scenario/types';
import { CLIENT_HOST } from './scenario/types';
import { applyAction, bootCluster, scheduleAction } from './spark/actions';
import { SparkCluster } from './spark/cluster';
import type { MasterState } from './spark/master-state';
import './spark/driver';
import './spark/executor';
import './spark/master';
import './spark/submit-client';
import './spark/worker';
import { zooKeeperExpiryPending } from './spark/zookeeper';
import type { SimOutput, SimTraceEntry } from './views/json-types';
import { formatLogLine, traceEntry } from './views/log-format';
import { simOutput } from './views/sim-output';
import type { Action } from './scenario/types';

/** An action without its time (Omit spread over the union, so each kind keeps its fields). */
export type ActionInput = Action extends infer A ? (A extends Action ? Omit<A, 'at'> : never) : never;

/** Bumped whenever the engine's behaviour changes a trace: share links record it. */
export const ENGINE_VERSION = 1;

/** The runner's cap for "until nothing is left to happen" (DESIGN.md §3). */
export const MAX_RUN_MS = 24 * 60 * 60 * 1000;

/**
 * Timers and messages that recur for as long as the cluster lives; they alone do not count as
 * "something left to happen".
 */
const BACKGROUND = new Set([
  'CheckForWorkerTimeOut',
  'SendHeartbeat',
  'Heartbeat',
  'StarvationCheck',
  'MonitorDriverStatus',
  'DriverStatusResponse',
  'RequestDriverStatus',
  // ZooKeeper sessions: the clients' pings and the server's expiry checks.
  'Ping',
  'PingResponse',
  'SendThreadWakeup',
  'ExpireSessions',
]);

export class Simulation {
  readonly scenario: Scenario;
  readonly cluster: SparkCluster;

  private constructor(scenario: Scenario, record: boolean) {
    this.scenario = scenario;
    this.cluster = new SparkCluster({
      seed: scenario.seed,
      epochMs: scenario.startEpochMs,
      conf: scenario.conf,
      sparkVersion: scenario.sparkVersion,
      latencyMs: scenario.network.latencyMs,
      jitterMs: scenario.network.jitterMs,
      record,
    });
    this.cluster.k.setBackground(BACKGROUND);
    bootCluster(this.cluster, { clientHost: CLIENT_HOST, masters: scenario.masters, workers: scenario.workers });
    for (const a of scenario.actions) scheduleAction(this.cluster, a);
  }

  static fromScenario(scenario: Scenario, opts: { record?: boolean } = {}): Simulation {
    return new Simulation(scenario, opts.record ?? true);
  }

  get time(): number {
    return this.cluster.k.now;
  }

  /** Runs every event up to `ms` (inclusive) and sets the clock there. */
  advanceTo(ms: number): void {
    this.cluster.k.runUntil(ms);
  }

  /** Runs the next event only; returns false when nothing is pending. */
  step(): boolean {
    return this.cluster.k.step() !== undefined;
  }

  nextEventTime(): number {
    return this.cluster.k.nextTime();
  }

  /**
   * Nothing left to happen: no pending event beyond the cluster's endless housekeeping
   * (heartbeats, timeout checks, starvation warnings), and no failure that housekeeping has yet to
   * notice (a Master that still counts a dead or cut-off worker as ALIVE, a ZooKeeper session whose
   * Master is gone).
   */
  isIdle(): boolean {
    const k = this.cluster.k;
    if (k.foregroundPending() > 0) return false;
    return !this.detectionPending();
  }

  private detectionPending(): boolean {
    const c = this.cluster;
    // A leader's ZooKeeper session outlives its process by up to the session timeout.
    if (zooKeeperExpiryPending(c)) return true;
    for (const m of c.world.topology.masters) {
      const mp = c.k.proc<MasterState>(m.pid);
      if (!mp.alive) continue;
      for (const w of mp.state.workers) {
        if (w.state === 'DEAD') continue;
        const pid = c.world.addresses.get(w.endpoint);
        const wp = pid ? c.k.proc(pid) : null;
        if (!wp || !wp.alive || c.k.blocked(wp.host, mp.host)) return true;
      }
    }
    return false;
  }

  /** DESIGN.md §3: run to `until`, or until nothing is left to happen (capped at 24 h). */
  run(until?: number): void {
    if (until !== undefined) {
      this.advanceTo(until);
      return;
    }
    const k = this.cluster.k;
    while (k.now < MAX_RUN_MS && !this.isIdle()) {
      const next = k.nextTime();
      if (next > MAX_RUN_MS) break;
      k.runUntil(next);
    }
  }

  /** Applies a user action now (it is also recorded into the scenario's timeline). */
  apply(action: ActionInput): Action {
    const a = { ...action, at: this.time } as Action;
    this.scenario.actions.push(a);
    applyAction(this.cluster, a);
    return a;
  }

  output(opts: { trace?: boolean; log?: boolean } = {}): SimOutput {
    return simOutput(this.cluster, opts);
  }

  /** "[t=1.203s] Master@master: Registering app SparkPi" lines, from index `from`. */
  logLines(from = 0): string[] {
    return this.cluster.k.logs.slice(from).map(formatLogLine);
  }

  traceSince(from = 0): SimTraceEntry[] {
    return this.cluster.k.messages.slice(from).map(traceEntry);
  }

  /** FNV hash of every message and log line so far: equal runs have equal hashes. */
  traceHash(): string {
    return this.cluster.k.state.hash.toString(16).padStart(8, '0');
  }
}

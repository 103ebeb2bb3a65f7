// The facade the rest of the engine uses (docs/architecture.md, "The engine's public face"): load
// a scenario, advance simulated time, read the views. One Simulation is one cluster run; it is
// deterministic in (scenario, engine version). It is the model's composition root: it builds the
// SparkCluster with the RECEIVERS table and applies the world's actions (world/actions.ts).
import type { Scenario } from './scenario/types';
import { CLIENT_HOST } from './scenario/types';
import { applyAction, bootCluster } from './world/actions';
import { SparkCluster } from './spark/cluster';
import type { StateChange } from './spark/cluster';
import type { MasterState } from './spark/master-state';
import { RECEIVERS } from './spark/receivers';
import { zooKeeperExpiryPending } from './spark/zookeeper-server';
import type { SimOutput, SimTraceEntry } from './views/json-types';
import { formatLogLine, traceEntry } from './views/log-format';
import { simOutput } from './views/sim-output';
import { checkGuarantees } from './checks/guarantees';
import type { Action } from './scenario/types';
import { timelineOrder } from './scenario/semantics';
import type { KernelState, LogRecord, MessageRecord } from './sim/kernel';
import { LIMITS, WORK_BUDGET } from './scenario/limits';
import { budgetExhaustedMessage, simulatedDuration } from './work-budget';

/** An action without its time (Omit spread over the union, so each kind keeps its fields). */
export type ActionInput = Action extends infer A ? (A extends Action ? Omit<A, 'at'> : never) : never;

/** The runner's cap for "until nothing is left to happen" (docs/architecture.md, "The headless runner"). */
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

/** Simulated ms between checkpoints: seeking back replays at most this much. */
export const CHECKPOINT_EVERY_MS = 10_000;
/** Checkpoints kept; beyond it every other old one is dropped (so a long session stays small). */
const MAX_CHECKPOINTS = 240;

/** Why a run that played on to LIMITS.simulatedMs stopped there. */
const END_OF_TIME = `The run stopped at ${simulatedDuration(LIMITS.simulatedMs)} of simulated time, the longest the playground simulates (a session or an action cannot name a later instant). Seek back, or Reset, to go on exploring.`;

/** The work one run may do (WORK_BUDGET unless the caller sets other numbers). */
export interface WorkBudget {
  /** Kernel events processed since the run started. */
  events: number;
  /** Records kept since the run started: recorded messages, log lines, state changes and processes. */
  records: number;
}

/**
 * Events between two looks at the records kept (the events count itself is exact): cheap enough
 * to be invisible, frequent enough that the records budget is overshot by a few thousand at most.
 */
const RECORDS_CHECK_EVERY = 1024;

/** The whole run at one instant: enough to continue from there exactly. */
interface Checkpoint {
  t: number;
  /**
   * The kernel's state. Null only for the boot checkpoint of a run without checkpoints (the runner,
   * the benchmark): cloning a large cluster's boot state was ~2 % of a whole large run, and a seek
   * back, which needs it, is rare there; bootState() makes it again from the scenario.
   */
  kernel: KernelState | null;
  /** Actions applied so far (index into `timeline`). */
  cursor: number;
  messages: number;
  logs: number;
}

/** A cluster booted for `scenario`: its masters, workers and client started, nothing run yet. */
function bootedCluster(scenario: Scenario, record: boolean): SparkCluster {
  const cluster = new SparkCluster({
    seed: scenario.seed,
    epochMs: scenario.startEpochMs,
    conf: scenario.conf,
    sparkVersion: scenario.sparkVersion,
    latencyMs: scenario.network.latencyMs,
    jitterMs: scenario.network.jitterMs,
    record,
    receivers: RECEIVERS,
    onChange: checkGuarantees,
  });
  cluster.k.setBackground(BACKGROUND);
  bootCluster(cluster, { clientHost: CLIENT_HOST, masters: scenario.masters, workers: scenario.workers });
  return cluster;
}

export class Simulation {
  readonly scenario: Scenario;
  readonly cluster: SparkCluster;
  /** The scenario's actions in the order they happen (by `at`, ties in document order). */
  private readonly timeline: Action[];
  /** How many of `timeline` have been applied. */
  private cursor = 0;
  /** Actions the user applied in this session (not the scenario's own). */
  readonly recordedActions = new Set<Action>();
  /** History recorded after the current point by an earlier run of this same timeline (see restoreCheckpoint). */
  private future: { messageBase: number; messages: MessageRecord[]; logBase: number; logs: LogRecord[] } | null = null;
  /**
   * The same for state changes: they live in the world's state, which a checkpoint restores, so the
   * changes after it are kept aside here (index `base` is the first of `items`). Only the views read
   * it (the event log's whole recorded run); the run itself never does.
   */
  private futureChanges: { base: number; items: StateChange[] } | null = null;
  /** Checkpoints by time (the first is the state before anything ran). */
  private checkpoints: Checkpoint[] = [];

  /** Whether checkpoints are taken every CHECKPOINT_EVERY_MS (the page seeks; the runner and the benchmark do not). */
  private readonly checkpointing: boolean;

  private readonly budget: WorkBudget;
  /** The kernel's event count and the records kept when the run started (boot may already log). */
  private readonly base: { events: number; records: number };
  /**
   * Events of this run so far, counted from the kernel's own count after each kernel run and set
   * again from it before each one, so a replay after a seek back (which restores that count) never
   * counts the same stretch twice.
   */
  private spent = 0;
  /** The value of `spent` at which runKernel next looks at the whole budget (the kernel stops there). */
  private checkAt = 0;
  private exhaustedBy: string | null = null;

  private constructor(scenario: Scenario, record: boolean, checkpointing: boolean, budget: WorkBudget) {
    this.checkpointing = checkpointing;
    this.budget = budget;
    this.scenario = scenario;
    this.cluster = bootedCluster(scenario, record);
    this.timeline = timelineOrder(scenario.actions).map((i) => scenario.actions[i] as Action);
    this.checkpoints.push(this.checkpoint(checkpointing ? undefined : null));
    this.base = { events: this.cluster.k.state.eventsProcessed, records: 0 };
    this.base.records = this.recordsKept();
  }

  /**
   * The boot checkpoint's kernel state, made again from the scenario when it was not kept: the
   * boot is a pure function of the scenario's seed, configuration and machines (actions are not
   * part of it), so a second cluster booted the same way is in exactly that state.
   */
  private bootState(): KernelState {
    const boot = this.checkpoints[0] as Checkpoint;
    boot.kernel ??= bootedCluster(this.scenario, this.cluster.k.record).k.snapshot();
    return boot.kernel;
  }

  /**
   * `record` keeps every message and log line (the views of a trace need them); `checkpoints`
   * snapshots the run every CHECKPOINT_EVERY_MS so seeking back is fast. Without checkpoints a seek
   * back replays from the start. `budget` overrides WORK_BUDGET (tests and the fuzz use a small
   * one); once the run uses it up it stops there for good and `exhausted` says why.
   */
  static fromScenario(
    scenario: Scenario,
    opts: { record?: boolean; checkpoints?: boolean; budget?: Partial<WorkBudget> } = {},
  ): Simulation {
    const budget = { ...WORK_BUDGET, ...opts.budget };
    return new Simulation(scenario, opts.record ?? true, opts.checkpoints ?? false, budget);
  }

  /**
   * Null while the run is within its work budget. Once it is used up, one sentence: when the run
   * stopped, which budget, the likely cause and what to change (or that the run reached
   * LIMITS.simulatedMs). The run then stays at that instant: advanceTo, run and step do nothing
   * more, and only a seek back (which clears it) moves the clock.
   */
  get exhausted(): string | null {
    return this.exhaustedBy;
  }

  /**
   * Records kept so far: what grows with the run and stays in memory for the views: recorded
   * messages and log lines, state changes (each with its cause), and processes (an ended one stays
   * in the table, and an executor relaunch loop spawns thousands). Each is one length read. Dead
   * executors in an app's removedExecutors and a worker's finished lists grow with these.
   */
  private recordsKept(): number {
    const k = this.cluster.k;
    return k.messages.length + k.logs.length + this.cluster.world.changes.length + k.state.procs.length;
  }

  /**
   * Sets `spent` from the kernel before a kernel run (see `spent`). The next look stays where it
   * was (a run to each next instant processes a few events per call, and pushing it on every call
   * would never reach it); only a seek back, which lowers `spent`, brings it nearer.
   */
  private arm(): void {
    this.spent = this.cluster.k.state.eventsProcessed - this.base.events;
    this.checkAt = Math.min(this.checkAt, this.budget.events, this.spent + RECORDS_CHECK_EVERY);
  }

  /** The whole budget, every RECORDS_CHECK_EVERY events and at the events limit: true ends the run. */
  private overBudget(): boolean {
    const events = this.spent;
    if (events >= this.budget.events) return this.exhaust('events', events);
    const records = this.recordsKept() - this.base.records;
    if (records >= this.budget.records) return this.exhaust('records', records);
    this.checkAt = Math.min(this.budget.events, events + RECORDS_CHECK_EVERY);
    return false;
  }

  private exhaust(kind: 'events' | 'records', used: number): true {
    this.exhaustedBy = budgetExhaustedMessage(this.cluster, {
      kind,
      limit: this.budget[kind],
      used,
      events: this.spent,
    });
    return true;
  }

  /**
   * A kernel run to `ms` under the budget (and the caller's `stop`); true when either ended it.
   * The kernel runs at most up to `checkAt` events at a time, and the whole budget is looked at
   * each time it gets there: the same instants as a check after every event, without one.
   */
  private runKernel(ms: number, stop?: () => boolean): boolean {
    this.arm();
    const k = this.cluster.k;
    for (;;) {
      const before = k.state.eventsProcessed;
      k.runUntil(ms, stop, this.checkAt - this.spent);
      this.spent += k.state.eventsProcessed - before;
      if (k.stopped) {
        // The budget is looked at first, as when the event that reached checkAt also met `stop`.
        if (this.spent >= this.checkAt) this.overBudget();
        return true;
      }
      if (!k.limited) return false;
      if (this.overBudget()) return true;
    }
  }

  get time(): number {
    return this.cluster.k.now;
  }

  /**
   * Runs every event and action up to `ms` (inclusive) and sets the clock there. An action at t
   * runs after every event of instant t, which is also when a user applying it live at t sees it
   * run; checkpoints are taken on the way. `stop`, checked after each event and action, ends the
   * run early (returns true; the clock stays there).
   */
  advanceTo(ms: number, stop?: () => boolean): boolean {
    if (this.exhaustedBy !== null) return true;
    // Nothing may name an instant after LIMITS.simulatedMs (an action's `at`, --until, a session's
    // playhead), so a run that plays on past it ends there: a session saved later could not be
    // opened again. The runner never asks for more; the page's play loop does.
    if (ms > LIMITS.simulatedMs) {
      const ended = this.advanceTo(LIMITS.simulatedMs, stop);
      if (!ended) this.exhaustedBy = END_OF_TIME;
      return true;
    }
    const k = this.cluster.k;
    for (;;) {
      const last = this.checkpoints[this.checkpoints.length - 1] as Checkpoint;
      // Checkpoints are taken at multiples of CHECKPOINT_EVERY_MS beyond the latest one (after a
      // seek back, those before it already exist).
      const from = Math.max(0, last.t, k.now);
      const nextCheckpoint = this.checkpointing
        ? (Math.floor(from / CHECKPOINT_EVERY_MS) + 1) * CHECKPOINT_EVERY_MS
        : Infinity;
      const target = Math.min(ms, nextCheckpoint);
      if (this.runActionsTo(target, stop)) return true;
      if (this.runKernel(target, stop)) return true;
      if (target === nextCheckpoint && target > last.t) this.addCheckpoint();
      if (target >= ms) return false;
    }
  }

  /** Applies the actions due by `ms`, each after the events of its instant; true when the budget or `stop` ended it. */
  private runActionsTo(ms: number, stop?: () => boolean): boolean {
    for (let a = this.timeline[this.cursor]; a !== undefined && a.at <= ms; a = this.timeline[this.cursor]) {
      if (this.runKernel(a.at, stop)) return true;
      this.cursor++;
      applyAction(this.cluster, a);
      // An action is not an event: only the caller's own stop is asked after it.
      if (stop?.()) return true;
    }
    return false;
  }

  /** Runs the next event (or the next action, when it comes first); false when nothing is pending. */
  step(): boolean {
    if (this.exhaustedBy !== null) return false;
    const k = this.cluster.k;
    const action = this.timeline[this.cursor];
    // An action runs after the events of its own instant.
    if (action !== undefined && action.at < k.nextTime()) {
      this.advanceTo(Math.max(action.at, k.now));
      return true;
    }
    const next = k.nextTime();
    if (!Number.isFinite(next)) return false;
    // Through advanceTo so checkpoints stay regular, but only the first event of that instant.
    if (next > k.now && this.advanceTo(next - 1)) return false;
    if (k.step() === undefined) return false;
    this.spent = k.state.eventsProcessed - this.base.events;
    this.overBudget();
    return true;
  }

  /** Time of the next pending event or action (Infinity when none). */
  nextEventTime(): number {
    const action = this.timeline[this.cursor];
    return Math.min(this.cluster.k.nextTime(), action ? Math.max(action.at, this.time) : Infinity);
  }

  // ---------------------------------------------------------------- checkpoints and seeking

  /** The run as it is now; `kernel` null leaves the kernel's state to bootState() (the boot only). */
  private checkpoint(kernel: KernelState | null = this.cluster.k.snapshot()): Checkpoint {
    const k = this.cluster.k;
    return { t: k.now, kernel, cursor: this.cursor, messages: k.messages.length, logs: k.logs.length };
  }

  private addCheckpoint(): void {
    this.checkpoints.push(this.checkpoint());
    if (this.checkpoints.length > MAX_CHECKPOINTS) {
      // Thin the older half (never the boot state): recent history stays dense for scrubbing.
      const half = Math.floor(this.checkpoints.length / 2);
      this.checkpoints = this.checkpoints.filter((_, i) => i === 0 || i >= half || i % 2 === 0);
    }
  }

  /**
   * Moves the clock to `ms`: forward runs, backward restores the latest checkpoint at or before it
   * and replays from there. The result is the state a run straight to `ms` would have. `stop`, as
   * for advanceTo, ends it early (returns true): seeking again to `ms` continues from there.
   */
  seek(ms: number, stop?: () => boolean): boolean {
    const target = Math.max(0, Math.floor(ms));
    if (this.exhaustedBy !== null) {
      if (target >= this.time) return true;
      // Back before the stop, the past stays open to look at; the run is deterministic, so going
      // forward again stops at the same instant with the same sentence.
      this.exhaustedBy = null;
    }
    let ck = this.checkpoints[0] as Checkpoint;
    for (const c of this.checkpoints) if (c.t <= target) ck = c;
    // Back: from the latest checkpoint before the target. Forward: also jump to a checkpoint
    // when one lies between now and the target (seen before, so it is still this timeline).
    if (target < this.time) this.restoreCheckpoint(ck);
    else if (ck.t > this.time) this.restoreCheckpoint(ck);
    return this.advanceTo(target, stop);
  }

  /**
   * Restores a checkpoint. Going back, the recorded history after it is kept aside (`future`), as
   * the run is deterministic; going forward past what is recorded now, that kept history fills the
   * gap. Returns false when a forward jump has no such history (the caller replays instead).
   */
  private restoreCheckpoint(ck: Checkpoint): boolean {
    const k = this.cluster.k;
    const forward = ck.messages > k.messages.length || ck.logs > k.logs.length;
    if (forward) {
      const f = this.future;
      if (!f || f.messageBase > k.messages.length || f.logBase > k.logs.length) return false;
      if (f.messageBase + f.messages.length < ck.messages || f.logBase + f.logs.length < ck.logs) return false;
      appendRange(k.messages, f.messages, k.messages.length - f.messageBase, ck.messages - f.messageBase);
      appendRange(k.logs, f.logs, k.logs.length - f.logBase, ck.logs - f.logBase);
    } else {
      // Keep everything after the checkpoint: what is live now, then what was kept before beyond it.
      const messages = k.messages.slice(ck.messages);
      const logs = k.logs.slice(ck.logs);
      const f = this.future;
      if (f && f.messageBase <= k.messages.length && f.logBase <= k.logs.length) {
        appendRange(messages, f.messages, k.messages.length - f.messageBase, f.messages.length);
        appendRange(logs, f.logs, k.logs.length - f.logBase, f.logs.length);
      }
      this.future = { messageBase: ck.messages, messages, logBase: ck.logs, logs };
    }
    const changesBefore = this.cluster.world.changes;
    k.restore(ck.kernel ?? this.bootState(), { messages: ck.messages, logs: ck.logs });
    this.keepFutureChanges(changesBefore);
    // Messages that were in flight at the checkpoint are in flight again.
    for (let i = ck.messages - 1; i >= 0; i--) {
      const m = k.messages[i];
      if (!m) break;
      if (m.tDeliver <= ck.t && m.t < ck.t - 60_000) break;
      if (m.tDeliver > ck.t) {
        m.delivered = null;
        delete m.dropReason;
      }
    }
    this.cursor = ck.cursor;
    // Later checkpoints stay: the run is deterministic, so replaying reaches exactly them again.
    // Only a new action (apply) makes them stale, and apply() drops them.
    return true;
  }

  /**
   * After a restore: the changes the run had recorded beyond the restored point (`before`, the
   * world's list as it was), followed by those kept from an earlier seek back beyond that.
   */
  private keepFutureChanges(before: readonly StateChange[]): void {
    const now = this.cluster.world.changes.length;
    const f = this.futureChanges;
    if (before.length <= now) {
      // Forward (or nothing recorded beyond): the kept future still starts where it did.
      if (f && f.base + f.items.length <= now) this.futureChanges = null;
      return;
    }
    const items = before.slice(now);
    if (f && f.base <= before.length) appendRange(items, f.items, before.length - f.base, f.items.length);
    this.futureChanges = { base: now, items };
  }

  /**
   * Everything this timeline has recorded, up to the furthest point reached: the run's own records
   * (up to now) and, after a seek back, those kept from beyond now. Views read it (never change it);
   * the `later` parts are empty when the playhead is at the furthest point.
   */
  recorded(): {
    messages: readonly MessageRecord[];
    laterMessages: readonly MessageRecord[];
    logs: readonly LogRecord[];
    laterLogs: readonly LogRecord[];
    changes: readonly StateChange[];
    laterChanges: readonly StateChange[];
  } {
    const k = this.cluster.k;
    const changes = this.cluster.world.changes;
    const f = this.future;
    const fc = this.futureChanges;
    const beyond = <T>(items: readonly T[], base: number, have: number): readonly T[] =>
      base <= have ? items.slice(have - base) : [];
    return {
      messages: k.messages,
      laterMessages: f ? beyond(f.messages, f.messageBase, k.messages.length) : [],
      logs: k.logs,
      laterLogs: f ? beyond(f.logs, f.logBase, k.logs.length) : [],
      changes,
      laterChanges: fc ? beyond(fc.items, fc.base, changes.length) : [],
    };
  }

  /**
   * Nothing left to happen: no pending event beyond the cluster's endless housekeeping
   * (heartbeats, timeout checks, starvation warnings), and no failure that housekeeping has yet to
   * notice (a Master that still counts a dead or cut-off worker as ALIVE, a ZooKeeper session whose
   * Master is gone).
   */
  isIdle(): boolean {
    const k = this.cluster.k;
    if (this.cursor < this.timeline.length) return false;
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

  /**
   * The headless runner's run (docs/architecture.md, "The headless runner"): to `until`, or until
   * nothing is left to happen (capped at MAX_RUN_MS); either way it ends early when the work
   * budget is used up (see `exhausted`).
   */
  run(until?: number): void {
    if (until !== undefined) {
      this.advanceTo(until);
      return;
    }
    const k = this.cluster.k;
    while (k.now < MAX_RUN_MS && !this.isIdle()) {
      const next = this.nextEventTime();
      if (next > MAX_RUN_MS) break;
      if (this.advanceTo(next)) break;
    }
  }

  /**
   * Applies a user action now and records it into the scenario, after the actions already at this
   * instant, so a replay of the scenario runs it at the same point. Actions later in the timeline
   * (the scenario's own, or recorded ones after a seek back) stay, unless `dropFuture` is set.
   */
  apply(action: ActionInput, opts: { dropFuture?: boolean } = {}): Action {
    const a = { ...action, at: this.time } as Action;
    if (opts.dropFuture) this.dropFutureActions();
    this.timeline.splice(this.cursor, 0, a);
    this.recordedActions.add(a);
    this.syncDocument();
    this.cursor++;
    applyAction(this.cluster, a);
    // Checkpoints and history after now described a future without this action.
    this.checkpoints = this.checkpoints.filter((c) => c.t <= this.time);
    this.future = null;
    this.futureChanges = null;
    return a;
  }

  /** Forgets every action after now (the old future of a fork). */
  dropFutureActions(): void {
    const now = this.time;
    let keep = this.cursor;
    while (keep < this.timeline.length && (this.timeline[keep] as Action).at <= now) keep++;
    this.timeline.splice(keep);
    this.syncDocument();
  }

  /** The document lists actions in timeline order, so replaying it (a stable sort by time) runs them in this order. */
  private syncDocument(): void {
    this.scenario.actions.length = 0;
    appendRange(this.scenario.actions, this.timeline, 0, this.timeline.length);
  }

  /** How many actions have run so far (a viewer redraws everything when it changes). */
  get actionsApplied(): number {
    return this.cursor;
  }

  /** Actions still to come (after the playhead). */
  futureActions(): number {
    return this.timeline.length - this.cursor;
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

/** target.push(...source.slice(from, to)) without spreading (histories run to millions of entries). */
function appendRange<T>(target: T[], source: readonly T[], from: number, to: number): void {
  for (let i = from; i < to; i++) target.push(source[i] as T);
}

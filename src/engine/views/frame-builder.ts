// Turns a Simulation's progress into the small frames the page gets (docs/architecture.md, "The engine's public face"): the nodes that
// changed since the last frame (compared by their serialised form; a worker whose executors'
// running-task counts alone changed sends only those counts), messages sent since then
// (task and heartbeat traffic grouped per pair of machines), messages found lost, new state
// changes and log lines. A full frame (load, seek) carries the whole picture instead.
import { FNV_OFFSET, fnv, type MessageRecord } from '../sim/kernel';
import type { Simulation } from '../simulation';
import {
  clusterNodes,
  daemonNodes,
  executorChangeHosts,
  partitionViews,
  silentWorkerHosts,
  viewContext,
  workerNodeView,
} from './cluster-view';
import type { WorkerState } from '../spark/worker-state';
import type {
  EngineFrame,
  FlightHint,
  LogEntry,
  MessageKind,
  MessageView,
  NodeView,
  TaskCountsView,
  TimelineAction,
} from './frame-types';
import { messageKind, messageLabel, replyKind, replyLabel } from './message-kinds';

/** The newest log lines a frame carries (a jump of hours would otherwise carry thousands). */
export const MAX_LOGS_PER_FRAME = 300;
/** Control-message arrows per frame; beyond it they are grouped like chatter. */
export const MAX_MESSAGES_PER_FRAME = 40;
/**
 * Grouped arrows (task and heartbeat traffic, overflow) per frame. A driver talking to 500
 * executors would otherwise send 500 arrows every frame; the rest is only counted (`undrawn`).
 */
export const MAX_GROUPS_PER_FRAME = 24;
/** How far back a full frame looks for messages still in flight (and a reply for its ask). */
const MAX_FLIGHT_MS = 120_000;
/** Asks remembered for their replies' labels; the oldest are forgotten past this (unanswered asks). */
const MAX_ASKS_REMEMBERED = 4096;

const GROUPED_KINDS = new Set(['task', 'heartbeat']);

interface Pending {
  id: number;
  control: boolean;
}

/** One message's arrow, before grouping adds to its count (one literal: every arrow has one shape). */
function arrowOf(m: MessageRecord, from: string, to: string, label: string, kind: MessageKind): MessageView {
  return { id: m.id, t: m.t, tDeliver: m.tDeliver, from, to, type: m.type, label, kind, count: 1 };
}

/** The type of the ask that reply `m` answers, from the records before it (none once too old). */
function askBefore(messages: readonly MessageRecord[], m: MessageRecord): string | undefined {
  for (let i = m.id - 2; i >= 0; i--) {
    const r = messages[i];
    if (!r || r.t < m.t - MAX_FLIGHT_MS) return undefined;
    if (r.askId === m.replyTo) return r.type;
  }
  return undefined;
}

/**
 * Simulated ms between two frames that re-send a worker only because its executors' running-task
 * counts moved. Each task start and end changes a count, so on a large busy cluster every worker
 * changed in every frame: 500 workers made frames of 69 KB and re-rendered every node each frame
 * (`npm run bench -- ui`). A count is at most this stale; any other change is sent at once.
 */
export const TASK_COUNT_REFRESH_MS = 1000;

/**
 * Where in each TASK_COUNT_REFRESH_MS a worker's count refresh falls: a fixed offset per host, so
 * that a busy cluster's refreshes spread over the second instead of arriving together. Without it
 * every worker that started its executor in the same burst came due in the same frame once a
 * second: one frame with 500 worker nodes, the page's slowest and largest (`npm run bench -- ui`).
 */
function refreshPhase(host: string): number {
  return fnv(FNV_OFFSET, host) % TASK_COUNT_REFRESH_MS;
}

/**
 * Whether a worker sent at `sentAt` with only newer task counts since is re-sent at `now`: once
 * its counts are TASK_COUNT_REFRESH_MS old, or earlier on its own phase's tick, if at least half
 * that has passed. A refresh after a change elsewhere thus moves back to the worker's phase
 * within two refreshes, and counts are never older than TASK_COUNT_REFRESH_MS.
 */
export function countsRefreshDue(host: string, sentAt: number, now: number): boolean {
  const age = now - sentAt;
  if (age >= TASK_COUNT_REFRESH_MS) return true;
  if (age < TASK_COUNT_REFRESH_MS / 2) return false;
  const phase = refreshPhase(host);
  return Math.floor((now - phase) / TASK_COUNT_REFRESH_MS) > Math.floor((sentAt - phase) / TASK_COUNT_REFRESH_MS);
}

/** A worker node's serialised form without its executors' running-task counts. */
function withoutTaskCounts(n: NodeView): string {
  if (n.kind !== 'worker') return '';
  const counts = n.processes.map((p) => p.runningTasks);
  for (const p of n.processes) delete p.runningTasks;
  const text = JSON.stringify(n);
  n.processes.forEach((p, i) => {
    const count = counts[i];
    if (count !== undefined) p.runningTasks = count;
  });
  return text;
}

export class FrameBuilder {
  private readonly sim: Simulation;
  private nodeText = new Map<string, string>();
  private partitionsText = '';
  private actionsText = '';
  private messageCursor = 0;
  private logCursor = 0;
  private changeCursor = 0;
  /** Messages the page was sent whose fate is not known yet. */
  private pending = new Map<number, Pending>();
  /** Messages of the last frame left off the canvas (beyond the arrow caps). */
  private undrawn = 0;
  /** Ask id → the ask's type, for the label of its reply ("↩ ExecutorStateChanged: true"). */
  private asks = new Map<number, string>();
  horizon = 0;

  /** Actions applied when the last frame was built (an action can change any machine). */
  private actionsSeen = -1;
  /** Workers whose node showed ended cards: they change again when those cards expire. */
  private expiring = new Set<string>();
  /** Workers the Master had not heard from lately: their node changes when that starts or ends. */
  private silent = new Set<string>();
  /** Per worker: its last sent form without task counts, and when (simulated ms) it was sent. */
  private sentShape = new Map<string, { text: string; at: number }>();
  /** Workers whose newer task counts wait for TASK_COUNT_REFRESH_MS: rebuilt every frame until sent. */
  private countsDue = new Set<string>();

  constructor(sim: Simulation) {
    this.sim = sim;
    sim.cluster.k.touched = new Set();
  }

  private nodeHosts(): Set<string> {
    const topo = this.sim.cluster.world.topology;
    const hosts = new Set<string>([topo.clientHost]);
    for (const m of topo.masters) hosts.add(m.host);
    if (topo.zooKeeper) hosts.add(topo.zooKeeper.host);
    for (const h of topo.workers.keys()) hosts.add(h);
    return hosts;
  }

  /** The whole picture (after load, seek or reset). */
  full(): EngineFrame {
    const sim = this.sim;
    const k = sim.cluster.k;
    this.horizon = Math.max(this.horizon, sim.time);
    const nodes = clusterNodes(sim.cluster);
    this.nodeText = new Map(nodes.map((n) => [n.id, JSON.stringify(n)]));
    this.sentShape = new Map(
      nodes.filter((n) => n.kind === 'worker').map((n) => [n.id, { text: withoutTaskCounts(n), at: sim.time }]),
    );
    this.countsDue = new Set();
    k.touched = new Set();
    this.actionsSeen = sim.actionsApplied;
    this.expiring = new Set(
      nodes.filter((n) => n.kind === 'worker' && n.processes.some((p) => p.ended)).map((n) => n.id),
    );
    this.silent = silentWorkerHosts(sim.cluster);
    const partitions = partitionViews(sim.cluster);
    this.partitionsText = JSON.stringify(partitions);
    const actions = this.timelineActions();
    this.actionsText = JSON.stringify(actions);

    // Messages in flight now (sent, not yet arrived): scan back from the newest.
    const now = sim.time;
    let from = k.messages.length;
    while (from > 0 && (k.messages[from - 1] as MessageRecord).t >= now - MAX_FLIGHT_MS) from--;
    this.pending.clear();
    this.asks.clear();
    const inFlight: MessageRecord[] = [];
    for (let i = from; i < k.messages.length; i++) {
      const m = k.messages[i] as MessageRecord;
      if (m.tDeliver > now || m.delivered === null) inFlight.push(m);
    }
    this.messageCursor = k.messages.length;
    const messages = this.views(inFlight);

    const changes = sim.cluster.world.changes.slice();
    this.changeCursor = changes.length;
    const logs = this.newLogs();
    return {
      full: true,
      ...this.clock(),
      nodes,
      counts: [],
      removed: [],
      partitions,
      messages,
      undrawn: this.undrawn,
      drops: [],
      changes,
      logs: logs.items,
      skippedLogs: logs.skipped,
      actions,
      flight: this.flight(),
      horizon: this.horizon,
    };
  }

  /** What changed since the last frame. */
  next(): EngineFrame {
    const sim = this.sim;
    const k = sim.cluster.k;
    this.horizon = Math.max(this.horizon, sim.time);

    const { nodes, counts, removed } = this.changedNodes();

    const partitions = partitionViews(sim.cluster);
    const partitionsText = JSON.stringify(partitions);
    const partitionsChanged = partitionsText !== this.partitionsText;
    this.partitionsText = partitionsText;

    const actions = this.timelineActions();
    const actionsText = JSON.stringify(actions);
    const actionsChanged = actionsText !== this.actionsText;
    this.actionsText = actionsText;

    // Fates of earlier messages first, so a message sent and lost within this frame is reported once.
    const drops: { id: number; reason: string }[] = [];
    for (const [id, p] of this.pending) {
      const m = k.messages[id - 1];
      if (!m || m.delivered === null) continue;
      if (m.delivered === false) drops.push({ id: p.id, reason: m.dropReason ?? 'lost' });
      this.pending.delete(id);
    }
    const sent = k.messages.slice(this.messageCursor);
    this.messageCursor = k.messages.length;
    const messages = this.views(sent);

    const world = sim.cluster.world;
    const changes = world.changes.slice(this.changeCursor);
    this.changeCursor = world.changes.length;
    const logs = this.newLogs();
    return {
      full: false,
      ...this.clock(),
      nodes,
      counts,
      removed,
      ...(partitionsChanged ? { partitions } : {}),
      messages,
      undrawn: this.undrawn,
      drops,
      changes,
      logs: logs.items,
      skippedLogs: logs.skipped,
      ...(actionsChanged ? { actions } : {}),
      flight: this.flight(),
      horizon: this.horizon,
    };
  }

  /**
   * Nodes whose serialised form changed. Only machines where something happened are rebuilt:
   * those whose processes handled an event (the kernel's `touched`), those whose Worker or
   * driver the Master changed its mind about, and those with ended cards about to expire; an
   * action (which can add, remove or power off any machine) rebuilds them all.
   */
  private changedNodes(): { nodes: NodeView[]; counts: TaskCountsView[]; removed: string[] } {
    const sim = this.sim;
    const c = sim.cluster;
    const k = c.k;
    const touched = k.touched ?? new Set<string>();
    k.touched = new Set();
    const everything = sim.actionsApplied !== this.actionsSeen;
    this.actionsSeen = sim.actionsApplied;
    const topo = c.world.topology;
    const dirty = new Set<string>();
    // Silence begins without an event on the silent machine (it is off, or cut off).
    const silent = silentWorkerHosts(c);
    for (const h of silent) if (!this.silent.has(h)) dirty.add(h);
    for (const h of this.silent) if (!silent.has(h)) dirty.add(h);
    this.silent = silent;
    if (everything) for (const h of topo.workers.keys()) dirty.add(h);
    else {
      for (const h of touched) if (topo.workers.has(h)) dirty.add(h);
      for (const h of this.expiring) dirty.add(h);
      for (const h of this.countsDue) dirty.add(h);
      const changes = c.world.changes;
      for (const h of executorChangeHosts(c, changes, this.changeCursor)) dirty.add(h);
      for (let i = this.changeCursor; i < changes.length; i++) {
        const ch = changes[i];
        if (!ch) continue;
        if (ch.kind === 'worker') {
          // "worker-20260101000000-w1-35000": the host sits between the timestamp and the port.
          for (const h of topo.workers.keys()) if (ch.subject.includes(`-${h}-`)) dirty.add(h);
        } else if (ch.kind === 'driver') {
          for (const [h, spec] of topo.workers) {
            const w = k.proc<WorkerState>(spec.pid).state;
            if (w.drivers.has(ch.subject) || w.finishedDrivers.has(ch.subject)) dirty.add(h);
          }
        }
      }
    }

    const nodes: NodeView[] = [];
    const counts: TaskCountsView[] = [];
    const now = sim.time;
    const consider = (n: NodeView) => {
      const text = JSON.stringify(n);
      if (this.nodeText.get(n.id) === text) {
        this.countsDue.delete(n.id);
        return;
      }
      if (n.kind === 'worker') {
        const shape = withoutTaskCounts(n);
        const sent = this.sentShape.get(n.id);
        const countsOnly = sent !== undefined && sent.text === shape;
        if (countsOnly && !countsRefreshDue(n.id, sent.at, now)) {
          this.countsDue.add(n.id);
          return;
        }
        this.sentShape.set(n.id, { text: shape, at: now });
        this.countsDue.delete(n.id);
        if (countsOnly) {
          // The same machine with the same cards: only the counts travel (30 bytes, not 400).
          this.nodeText.set(n.id, text);
          counts.push({ id: n.id, running: n.processes.map((p) => p.runningTasks ?? null) });
          return;
        }
      }
      this.nodeText.set(n.id, text);
      nodes.push(n);
    };
    for (const n of daemonNodes(c)) consider(n);
    if (dirty.size > 0) {
      const ctx = viewContext(c);
      for (const h of dirty) {
        const n = workerNodeView(c, h, ctx);
        if (!n) continue;
        consider(n);
        if (n.processes.some((p) => p.ended)) this.expiring.add(h);
        else this.expiring.delete(h);
      }
    }
    const removed: string[] = [];
    if (everything) {
      const live = new Set<string>([topo.clientHost, ...topo.masters.map((m) => m.host), ...topo.workers.keys()]);
      if (topo.zooKeeper) live.add(topo.zooKeeper.host);
      for (const id of this.nodeText.keys()) if (!live.has(id)) removed.push(id);
      for (const id of removed) {
        this.nodeText.delete(id);
        this.sentShape.delete(id);
        this.countsDue.delete(id);
        this.expiring.delete(id);
      }
    }
    return { nodes, counts, removed };
  }

  /** A fork: the future the page saw is gone. */
  forgetFuture(): void {
    this.horizon = this.sim.time;
  }

  private clock() {
    const sim = this.sim;
    const next = sim.nextEventTime();
    return {
      time: sim.time,
      epochMs: sim.scenario.startEpochMs + sim.time,
      idle: sim.isIdle(),
      nextEventTime: Number.isFinite(next) ? next : null,
    };
  }

  /** Message records as arrows: machine to machine only, chatter grouped, at most a frame's worth. */
  private views(records: readonly MessageRecord[]): MessageView[] {
    const k = this.sim.cluster.k;
    const hosts = this.nodeHosts();
    const out: MessageView[] = [];
    const groups = new Map<string, MessageView>();
    let individual = 0;
    this.undrawn = 0;
    for (const m of records) {
      if (m.askId > 0) this.rememberAsk(m.askId, m.type);
      const answers = m.replyTo > 0 ? this.answered(m) : undefined;
      const from = k.proc(m.from).host;
      const to = k.proc(m.to).host;
      if (from === to || !hosts.has(from) || !hosts.has(to)) continue;
      const kind = answers === undefined ? messageKind(m.type) : replyKind(answers, m.type);
      const label = answers === undefined ? messageLabel(m.msg) : replyLabel(answers, m.msg);
      const dropped = m.delivered === false ? (m.dropReason ?? 'lost') : undefined;
      const grouped = GROUPED_KINDS.has(kind) || individual >= MAX_MESSAGES_PER_FRAME;
      if (grouped && !dropped) {
        const key = `${from}|${to}|${label}`;
        const g = groups.get(key);
        if (g) {
          g.count++;
          g.tDeliver = Math.max(g.tDeliver, m.tDeliver);
          continue;
        }
        if (groups.size >= MAX_GROUPS_PER_FRAME) {
          this.undrawn++;
          continue;
        }
        const view = arrowOf(m, from, to, label, kind);
        if (answers !== undefined) view.answers = answers;
        groups.set(key, view);
        out.push(view);
      } else {
        individual++;
        const view = arrowOf(m, from, to, label, kind);
        if (answers !== undefined) view.answers = answers;
        if (dropped) view.dropped = dropped;
        out.push(view);
      }
      if (m.delivered === null) this.pending.set(m.id, { id: m.id, control: !GROUPED_KINDS.has(kind) });
    }
    return out;
  }

  private rememberAsk(askId: number, type: string): void {
    this.asks.set(askId, type);
    if (this.asks.size > MAX_ASKS_REMEMBERED) {
      const oldest = this.asks.keys().next();
      if (!oldest.done) this.asks.delete(oldest.value);
    }
  }

  /** What reply `m` answers: an ask seen in an earlier frame, else found among the records before it. */
  private answered(m: MessageRecord): string | undefined {
    const known = this.asks.get(m.replyTo);
    if (known !== undefined) {
      this.asks.delete(m.replyTo);
      return known;
    }
    return askBefore(this.sim.cluster.k.messages, m);
  }

  private flight(): FlightHint | null {
    const k = this.sim.cluster.k;
    const now = this.sim.time;
    let minFlightMs = Infinity;
    let until = -Infinity;
    for (const [id, p] of this.pending) {
      if (!p.control) continue;
      const m = k.messages[id - 1];
      if (!m || m.tDeliver <= now) continue;
      minFlightMs = Math.min(minFlightMs, m.tDeliver - m.t);
      until = Math.max(until, m.tDeliver);
    }
    return Number.isFinite(minFlightMs) ? { minFlightMs, until } : null;
  }

  private newLogs(): { items: LogEntry[]; skipped: number } {
    const logs = this.sim.cluster.k.logs;
    const start = Math.max(this.logCursor, logs.length - MAX_LOGS_PER_FRAME);
    const skipped = start - this.logCursor;
    const items: LogEntry[] = [];
    for (let i = start; i < logs.length; i++) {
      const l = logs[i];
      if (l) items.push({ seq: i, t: l.t, source: l.source, level: l.level, text: l.text });
    }
    this.logCursor = logs.length;
    return { items, skipped };
  }

  private timelineActions(): TimelineAction[] {
    const sim = this.sim;
    return sim.scenario.actions.map((a, index) => ({
      index,
      at: a.at,
      type: a.type,
      label: actionLabel(a),
      recorded: sim.recordedActions.has(a),
    }));
  }
}

/** "kill-worker w2", "submit SparkPi (cluster)", "partition w1 ⇹ master". */
export function actionLabel(a: Simulation['scenario']['actions'][number]): string {
  switch (a.type) {
    case 'submit': {
      const cls = /--class\s+(\S+)/.exec(a.command)?.[1];
      const mode = /--deploy-mode\s+(\S+)/.exec(a.command)?.[1] ?? 'client';
      return `submit ${cls ? (cls.split('.').pop() ?? cls) : 'application'} (${mode})`;
    }
    case 'add-worker':
      return `add-worker ${a.host} (${a.cores} cores, ${a.memory})`;
    case 'partition':
      return `partition ${a.between[0]} ${a.oneWay ? '→' : '⇹'} ${a.between[1]}`;
    case 'heal':
      return a.between ? `heal ${a.between[0]} ⇹ ${a.between[1]}` : 'heal every partition';
    case 'set-conf':
      return `set-conf ${a.key}=${a.value}`;
    case 'kill-master':
    case 'restart-master':
      return a.target ? `${a.type} ${a.target}` : a.type;
    default:
      return `${a.type} ${a.target}`;
  }
}

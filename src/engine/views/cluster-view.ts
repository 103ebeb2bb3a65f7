// The canvas's model of the cluster at the current instant: one node per machine (the client, each
// Master, ZooKeeper, each Worker) with its daemon's state and its processes. A pure function of
// engine state. Resources come from each Worker's own accounting (Worker.coresUsed/memoryUsed, what
// its page shows); the state badge is the active Master's view of that Worker (WorkerInfo.state).
import type { SparkCluster, StateChange } from '../spark/cluster';
import type { DriverProcessState } from '../spark/driver';
import type { ExecutorBackendState } from '../spark/executor';
import type { ApplicationInfo, DriverInfo, ExecutorDesc, MasterState, WorkerInfo } from '../spark/master-state';
import type { DriverRunner, ExecutorRunner, WorkerState } from '../spark/worker-state';
import type { ZooKeeperServerState } from '../spark/zookeeper-server';
import type { Process } from '../sim/kernel';
import type {
  ClientNodeView,
  DaemonProcess,
  MasterNodeView,
  NodeView,
  PartitionView,
  ProcessCardView,
  WorkerNodeView,
  ZooKeeperNodeView,
} from './frame-types';
import {
  activeMasterProcess,
  driverBackoff,
  PendingTimers,
  SILENT_AFTER_INTERVALS,
  workerRegistration,
  workerSilence,
} from './countdowns';

/** How long (simulated ms) an ended process's card stays on its machine. */
export const ENDED_CARD_MS = 8_000;
/** At most this many ended cards per machine (a crash loop must not fill the node). */
export const MAX_ENDED_CARDS = 4;

function daemon(c: SparkCluster, p: Process): DaemonProcess {
  if (c.k.host(p.host)?.up === false) return 'machine-off';
  return p.alive ? 'running' : 'stopped';
}

/** The Master's drivers by id (running, waiting and completed), for a driver card's state. */
function masterDrivers(m: MasterState | null): Map<string, DriverInfo> {
  const out = new Map<string, DriverInfo>();
  if (!m) return out;
  for (const d of m.completedDrivers) out.set(d.id, d);
  for (const d of m.waitingDrivers) out.set(d.id, d);
  for (const d of m.drivers) out.set(d.id, d);
  return out;
}

function recentlyEnded(c: SparkCluster, pid: number): boolean {
  const p = c.k.proc(pid);
  return !p.alive && p.exitedAt >= c.k.now - ENDED_CARD_MS;
}

/** ExecutorState's and DriverState's final states: a card in one of them has ended. */
const FINAL_STATES = new Set(['KILLED', 'FAILED', 'LOST', 'EXITED', 'FINISHED', 'ERROR', 'DECOMMISSIONED']);

function executorCard(c: SparkCluster, r: ExecutorRunner, workerAlive: boolean, finished: boolean): ProcessCardView {
  const p = r.pid > 0 ? c.k.proc<ExecutorBackendState>(r.pid) : null;
  const ended = finished || (p !== null && !p.alive);
  // A Worker that died took its executors with it; the Master reports them LOST. A JVM that ended
  // before its runner noticed (a kill -9 a moment ago) is what the runner reports next: EXITED
  // with its code (ExecutorRunner's process.waitFor()), so badge and exit code never disagree.
  let state: string = r.state;
  if (!finished && ended) state = !workerAlive ? 'LOST' : FINAL_STATES.has(r.state) ? r.state : 'EXITED';
  const card: ProcessCardView = {
    id: r.fullId,
    kind: 'executor',
    label: `exec ${r.execId}`,
    appId: r.appId,
    state,
    cores: r.cores,
    memoryMb: r.memory,
    exitCode: ended && p ? p.exitCode : null,
    ended,
  };
  if (!ended && p?.alive) card.runningTasks = p.state.tasks.size;
  return card;
}

/**
 * An executor the active Master launched on this Worker that the Worker never started (its launch
 * failed: no runner, no process): the Master's record, LAUNCHING until the Worker's FAILED arrives.
 */
function masterOnlyExecutorCard(e: ExecutorDesc, state: string): ProcessCardView {
  const ended = FINAL_STATES.has(state);
  return {
    id: e.fullId,
    kind: 'executor',
    label: `exec ${e.id}`,
    appId: e.app.id,
    state,
    cores: ended ? 0 : e.cores,
    memoryMb: ended ? 0 : e.memory,
    exitCode: null,
    ended,
    masterOnly: true,
  };
}

function driverCard(
  c: SparkCluster,
  r: DriverRunner,
  known: Map<string, DriverInfo>,
  timers: PendingTimers,
  finished: boolean,
): ProcessCardView {
  const p = r.pid > 0 ? c.k.proc<DriverProcessState>(r.pid) : null;
  const info = known.get(r.driverId);
  const ended = finished || r.phase === 'finished';
  const state = r.finalState ?? (r.phase === 'backoff' ? 'RELAUNCHING' : (info?.state ?? 'RUNNING'));
  const card: ProcessCardView = {
    id: r.driverId,
    kind: 'driver',
    label: r.driverId,
    appId: p?.state.appId ?? null,
    state: ended && r.finalState ? r.finalState : state,
    cores: r.driverDesc.cores,
    memoryMb: r.driverDesc.mem,
    exitCode: ended && r.lastExitCode >= 0 ? r.lastExitCode : null,
    ended,
  };
  const restarts = c.world.driverRestarts.get(r.driverId) ?? 0;
  if (restarts > 0) card.restarts = restarts;
  const backoff = ended ? null : driverBackoff(r, timers);
  if (backoff) card.relaunch = { ...backoff, lastExitCode: r.lastExitCode };
  return card;
}

/** Live cards first (launch order), then the most recently ended ones. */
function withEnded(live: ProcessCardView[], ended: { card: ProcessCardView; at: number }[]): ProcessCardView[] {
  if (ended.length === 0) return live;
  ended.sort((a, b) => b.at - a.at);
  return [...live, ...ended.slice(0, MAX_ENDED_CARDS).map((e) => e.card)];
}

function workerNode(
  c: SparkCluster,
  host: string,
  spec: { cores: number; memoryMb: number; port?: number; pid: number },
  ctx: ViewContext,
): WorkerNodeView {
  const { infoByHost, drivers, timers } = ctx;
  const p = c.k.proc<WorkerState>(spec.pid);
  const w = p.state;
  const alive = p.alive;
  const info = infoByHost.get(`${w.workerId}`) ?? infoByHost.get(`host:${host}`);
  const live: ProcessCardView[] = [];
  const ended: { card: ProcessCardView; at: number }[] = [];
  // A runner without a process on a Worker that is gone (a fork still pending, a driver between
  // runs) ended with the Worker.
  const endedAt = (pid: number) => (pid > 0 ? c.k.proc(pid).exitedAt : alive ? c.k.now : p.exitedAt);
  // A driver's runner forgets its process once it exits: a finished driver's end is the instant
  // the Master recorded its final state (or now, while the Worker has not filed it yet).
  const driverEnd = (r: DriverRunner, filed: boolean): number | null => {
    if (r.pid > 0) return recentlyEnded(c, r.pid) ? c.k.proc(r.pid).exitedAt : null;
    if (!alive) return recentlyEnded(c, p.pid) ? p.exitedAt : null;
    return filed ? (ctx.recentEnds().get(r.driverId) ?? null) : c.k.now;
  };

  for (const r of w.drivers.values()) {
    const card = driverCard(c, r, drivers, timers, false);
    if (!card.ended && alive) live.push(card);
    else {
      const at = driverEnd(r, false);
      if (at !== null) ended.push({ card: endedDriver(c, card, r), at });
    }
  }
  for (const r of w.executors.values()) {
    const card = executorCard(c, r, alive, false);
    if (!card.ended && alive) live.push(card);
    else if (r.pid > 0 ? recentlyEnded(c, r.pid) : alive || recentlyEnded(c, p.pid))
      ended.push({ card: { ...card, ended: true }, at: endedAt(r.pid) });
  }
  for (const r of w.finishedDrivers.values()) {
    const at = driverEnd(r, true);
    if (at !== null) ended.push({ card: driverCard(c, r, drivers, timers, true), at });
  }
  for (const r of w.finishedExecutors.values()) {
    if (r.pid > 0 && recentlyEnded(c, r.pid)) ended.push({ card: executorCard(c, r, alive, true), at: endedAt(r.pid) });
  }
  if (alive) masterOnlyExecutors(c, w, info, ctx, live, ended);

  const node: WorkerNodeView = {
    kind: 'worker',
    id: host,
    host,
    port: w.port,
    workerId: w.workerId || null,
    state: info?.state ?? null,
    process: daemon(c, p),
    registered: alive && w.registered,
    cores: spec.cores,
    memoryMb: spec.memoryMb,
    coresUsed: alive ? w.coresUsed : 0,
    memoryUsedMb: alive ? w.memoryUsed : 0,
    processes: withEnded(live, ended),
  };
  const registering = workerRegistration(c, p, timers);
  if (registering) node.registering = registering;
  const master = ctx.master;
  const silence = master && info ? workerSilence(c, master, info, timers) : null;
  if (silence) node.silent = silence;
  return node;
}

/** A driver's card once its process is gone from this machine: ended, with the exit code it had. */
function endedDriver(c: SparkCluster, card: ProcessCardView, r: DriverRunner): ProcessCardView {
  const code = r.pid > 0 ? c.k.proc(r.pid).exitCode : r.lastExitCode >= 0 ? r.lastExitCode : null;
  const { relaunch: _relaunch, ...rest } = card;
  return { ...rest, ended: true, exitCode: code };
}

/** The active Master's executors on this Worker that the Worker never started (launch failures). */
function masterOnlyExecutors(
  c: SparkCluster,
  w: WorkerState,
  info: WorkerInfo | undefined,
  ctx: ViewContext,
  live: ProcessCardView[],
  ended: { card: ProcessCardView; at: number }[],
): void {
  const known = (fullId: string) => w.executors.has(fullId) || w.finishedExecutors.has(fullId);
  if (info) {
    for (const e of info.executors.values()) {
      if (e.state === 'LAUNCHING' && !known(e.fullId)) live.push(masterOnlyExecutorCard(e, e.state));
    }
  }
  for (const f of ctx.recentFailedLaunches().get(w.host) ?? []) {
    if (!known(f.exec.fullId) && f.exec.worker.id === w.workerId)
      ended.push({ card: masterOnlyExecutorCard(f.exec, f.exec.state), at: f.at });
  }
}

function masterNode(c: SparkCluster, m: { host: string; port: number; pid: number }): MasterNodeView {
  const p = c.k.proc<MasterState>(m.pid);
  const s = p.state;
  let aliveWorkers = 0;
  if (p.alive) for (const w of s.workers) if (w.state === 'ALIVE') aliveWorkers++;
  return {
    kind: 'master',
    id: m.host,
    host: m.host,
    port: m.port,
    state: p.alive ? s.state : null,
    process: daemon(c, p),
    // Spark keeps a registered app in waitingApps for its whole life (the scheduler looks there for
    // apps that still want cores); "waiting" on the node means state WAITING: no executor yet.
    waitingApps: p.alive ? s.waitingApps.filter((a) => a.state === 'WAITING').length : 0,
    waitingDrivers: p.alive ? s.waitingDrivers.length : 0,
    aliveWorkers,
  };
}

function zooKeeperNode(c: SparkCluster, zk: { host: string; port: number; pid: number }): ZooKeeperNodeView {
  const p = c.k.proc<ZooKeeperServerState>(zk.pid);
  let leader: string | null = null;
  for (const m of c.world.topology.masters) {
    const mp = c.k.proc<MasterState>(m.pid);
    if (mp.alive && mp.state.state !== 'STANDBY') leader = m.host;
  }
  return { kind: 'zookeeper', id: zk.host, host: zk.host, port: zk.port, process: daemon(c, p), leader };
}

function clientNode(c: SparkCluster): ClientNodeView {
  const host = c.world.topology.clientHost;
  const live: ProcessCardView[] = [];
  const ended: { card: ProcessCardView; at: number }[] = [];
  let submitClients = 0;
  // Every process the client ever ran, not only the live ones (procsOn): a client-mode driver's
  // card must stay to show how its JVM ended, as a worker's ended drivers and executors do.
  for (const p of c.k.state.procs) {
    if (p.host !== host) continue;
    if (p.kind === 'submit-client') {
      if (p.alive) submitClients++;
      continue;
    }
    if (p.kind !== 'driver') continue;
    const s = p.state as DriverProcessState;
    if (s.mode !== 'client') continue;
    const card: ProcessCardView = {
      id: `client-driver-${p.pid}`,
      kind: 'driver',
      label: s.appName,
      appId: s.appId,
      // A client-mode driver has no DriverState: it is the spark-submit JVM itself.
      state: p.alive ? 'RUNNING' : p.exitCode === 0 ? 'FINISHED' : 'FAILED',
      cores: 0,
      memoryMb: 0,
      exitCode: p.alive ? null : p.exitCode,
      ended: !p.alive,
    };
    if (p.alive) live.push(card);
    else if (p.exitedAt >= c.k.now - ENDED_CARD_MS) ended.push({ card, at: p.exitedAt });
  }
  return { kind: 'client', id: host, host, processes: withEnded(live, ended), submitClients };
}

/** What every worker node is drawn against: the active Master's records, read once per frame. */
export interface ViewContext {
  infoByHost: Map<string, WorkerInfo>;
  drivers: Map<string, DriverInfo>;
  /** The active Master's process (its timeout check), null when none runs. */
  master: Process<MasterState> | null;
  /** The kernel's pending timers (read only when a card needs one). */
  timers: PendingTimers;
  /** Drivers and executors whose final state was recorded within ENDED_CARD_MS: subject → time. */
  recentEnds(): Map<string, number>;
  /** Executors the active Master recorded as failed within ENDED_CARD_MS, by the host it placed them on. */
  recentFailedLaunches(): Map<string, { exec: ExecutorDesc; at: number }[]>;
}

const FINAL_EXECUTOR_STATES = new Set(['KILLED', 'FAILED', 'LOST', 'EXITED']);

/** The application by id among the active Master's running and completed ones. */
function findApp(m: MasterState, appId: string): ApplicationInfo | undefined {
  return m.idToApp.get(appId) ?? m.completedApps.find((a) => a.id === appId);
}

export function viewContext(c: SparkCluster): ViewContext {
  const master = activeMasterProcess(c);
  const active = master?.state ?? null;
  // The active Master's WorkerInfo per worker id, and per host (the latest entry) as a fallback.
  const infoByHost = new Map<string, WorkerInfo>();
  if (active) {
    for (const w of active.workers) {
      infoByHost.set(w.id, w);
      infoByHost.set(`host:${w.host}`, w);
    }
  }
  let ends: Map<string, number> | null = null;
  const recentEnds = () => {
    if (ends) return ends;
    ends = new Map();
    const changes = c.world.changes;
    const since = c.k.now - ENDED_CARD_MS;
    // The changes are in time order: walk back over the last ENDED_CARD_MS only.
    for (let i = changes.length - 1; i >= 0; i--) {
      const ch = changes[i];
      if (!ch || ch.t < since) break;
      if ((ch.kind === 'driver' || ch.kind === 'executor') && FINAL_STATES.has(ch.to) && !ends.has(ch.subject))
        ends.set(ch.subject, ch.t);
    }
    return ends;
  };
  let failed: Map<string, { exec: ExecutorDesc; at: number }[]> | null = null;
  const recentFailedLaunches = () => {
    if (failed) return failed;
    failed = new Map();
    if (!active) return failed;
    for (const [subject, at] of recentEnds()) {
      const slash = subject.lastIndexOf('/');
      if (slash < 0 || !subject.startsWith('app-')) continue;
      const app = findApp(active, subject.slice(0, slash));
      const id = Number(subject.slice(slash + 1));
      const exec = app?.executors.get(id) ?? app?.removedExecutors.find((e) => e.id === id);
      if (!exec || !FINAL_EXECUTOR_STATES.has(exec.state)) continue;
      const list = failed.get(exec.worker.host) ?? [];
      list.push({ exec, at });
      failed.set(exec.worker.host, list);
    }
    return failed;
  };
  return {
    infoByHost,
    drivers: masterDrivers(active),
    master,
    timers: new PendingTimers(c),
    recentEnds,
    recentFailedLaunches,
  };
}

/**
 * Hosts of the executors these state changes are about, where the active Master placed them: an
 * executor the Worker never started changes only in the Master, and its card is drawn on the Worker.
 */
export function executorChangeHosts(c: SparkCluster, changes: readonly StateChange[], from: number): Set<string> {
  const out = new Set<string>();
  const active = activeMasterProcess(c)?.state;
  if (!active) return out;
  for (let i = from; i < changes.length; i++) {
    const ch = changes[i];
    if (ch?.kind !== 'executor') continue;
    const slash = ch.subject.lastIndexOf('/');
    const app = findApp(active, ch.subject.slice(0, slash));
    const exec = app?.executors.get(Number(ch.subject.slice(slash + 1)));
    const host = exec?.worker.host ?? app?.removedExecutors.find((e) => e.fullId === ch.subject)?.worker.host;
    if (host) out.add(host);
  }
  return out;
}

/** Hosts of the ALIVE workers the active Master has not heard from lately (their node shows it). */
export function silentWorkerHosts(c: SparkCluster): Set<string> {
  const out = new Set<string>();
  const master = activeMasterProcess(c);
  if (!master) return out;
  const limit = c.k.now - (SILENT_AFTER_INTERVALS * c.settings.workerTimeoutMs) / 4;
  const epoch = c.world.epochMs;
  for (const w of master.state.workers) if (w.state === 'ALIVE' && w.lastHeartbeat - epoch < limit) out.add(w.host);
  return out;
}

/** The machines that are not workers: the client, the Masters, ZooKeeper. */
export function daemonNodes(c: SparkCluster): NodeView[] {
  const topo = c.world.topology;
  const nodes: NodeView[] = [clientNode(c)];
  for (const m of topo.masters) nodes.push(masterNode(c, m));
  if (topo.zooKeeper) nodes.push(zooKeeperNode(c, topo.zooKeeper));
  return nodes;
}

/** One worker's node, or null when the host is not a worker (any more). */
export function workerNodeView(c: SparkCluster, host: string, ctx: ViewContext): WorkerNodeView | null {
  const spec = c.world.topology.workers.get(host);
  return spec ? workerNode(c, host, spec, ctx) : null;
}

/** Every node, in a stable order: client, masters, ZooKeeper, workers (in the order they joined). */
export function clusterNodes(c: SparkCluster): NodeView[] {
  const ctx = viewContext(c);
  const nodes = daemonNodes(c);
  for (const [host, spec] of c.world.topology.workers) nodes.push(workerNode(c, host, spec, ctx));
  return nodes;
}

export function partitionViews(c: SparkCluster): PartitionView[] {
  return c.k.state.network.partitions.map((p) => ({ a: p.a, b: p.b, oneWay: p.oneWay }));
}

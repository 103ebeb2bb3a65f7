// The canvas's model of the cluster at the current instant: one node per machine (the client, each
// Master, ZooKeeper, each Worker) with its daemon's state and its processes. A pure function of
// engine state. Resources come from each Worker's own accounting (Worker.coresUsed/memoryUsed, what
// its page shows); the state badge is the active Master's view of that Worker (WorkerInfo.state).
import type { SparkCluster } from '../spark/cluster';
import type { DriverProcessState } from '../spark/driver';
import type { DriverInfo, MasterState, WorkerInfo } from '../spark/master-state';
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
import { activeMasterState } from './sim-output';

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

function executorCard(c: SparkCluster, r: ExecutorRunner, workerAlive: boolean, finished: boolean): ProcessCardView {
  const p = r.pid > 0 ? c.k.proc(r.pid) : null;
  const ended = finished || (p !== null && !p.alive);
  // A Worker that died took its executors with it; the Master reports them LOST.
  const state = !finished && !workerAlive && ended ? 'LOST' : r.state;
  return {
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
}

function driverCard(
  c: SparkCluster,
  r: DriverRunner,
  known: Map<string, DriverInfo>,
  finished: boolean,
): ProcessCardView {
  const p = r.pid > 0 ? c.k.proc<DriverProcessState>(r.pid) : null;
  const info = known.get(r.driverId);
  const ended = finished || r.phase === 'finished';
  const state = r.finalState ?? (r.phase === 'backoff' ? 'RELAUNCHING' : (info?.state ?? 'RUNNING'));
  return {
    id: r.driverId,
    kind: 'driver',
    label: r.driverId,
    appId: p?.state.appId ?? null,
    state: ended && r.finalState ? r.finalState : state,
    cores: r.driverDesc.cores,
    memoryMb: r.driverDesc.mem,
    exitCode: ended ? r.lastExitCode : null,
    ended,
  };
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
  { infoByHost, drivers }: ViewContext,
): WorkerNodeView {
  const p = c.k.proc<WorkerState>(spec.pid);
  const w = p.state;
  const alive = p.alive;
  const info = infoByHost.get(`${w.workerId}`) ?? infoByHost.get(`host:${host}`);
  const live: ProcessCardView[] = [];
  const ended: { card: ProcessCardView; at: number }[] = [];
  const endedAt = (pid: number) => (pid > 0 ? c.k.proc(pid).exitedAt : c.k.now);

  for (const r of w.drivers.values()) {
    const card = driverCard(c, r, drivers, false);
    if (!card.ended && alive) live.push(card);
    else if (r.pid > 0 && recentlyEnded(c, r.pid)) ended.push({ card: { ...card, ended: true }, at: endedAt(r.pid) });
  }
  for (const r of w.executors.values()) {
    const card = executorCard(c, r, alive, false);
    if (!card.ended && alive) live.push(card);
    else if (r.pid <= 0 || recentlyEnded(c, r.pid)) ended.push({ card: { ...card, ended: true }, at: endedAt(r.pid) });
  }
  for (const r of w.finishedDrivers.values()) {
    if (r.pid > 0 && recentlyEnded(c, r.pid)) ended.push({ card: driverCard(c, r, drivers, true), at: endedAt(r.pid) });
  }
  for (const r of w.finishedExecutors.values()) {
    if (r.pid > 0 && recentlyEnded(c, r.pid)) ended.push({ card: executorCard(c, r, alive, true), at: endedAt(r.pid) });
  }

  return {
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
  for (const p of c.k.procsOn(host)) {
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
}

export function viewContext(c: SparkCluster): ViewContext {
  const active = activeMasterState(c);
  // The active Master's WorkerInfo per worker id, and per host (the latest entry) as a fallback.
  const infoByHost = new Map<string, WorkerInfo>();
  if (active) {
    for (const w of active.workers) {
      infoByHost.set(w.id, w);
      infoByHost.set(`host:${w.host}`, w);
    }
  }
  return { infoByHost, drivers: masterDrivers(active) };
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

// The Inspector's view of one thing at the current instant: its fields (as Spark's pages and /json
// name them) and its state history from the Master's state machines, each change with its cause.
// A pure function of engine state; an id that does not exist (yet) gives exists: false.
import { megabytesToString } from '../spark/memory';
import type { SparkCluster, StateChange } from '../spark/cluster';
import type { DriverProcessState } from '../spark/driver';
import type { ApplicationInfo, DriverInfo, MasterState } from '../spark/master-state';
import { findApplication, findDriverInfo } from '../spark/master-state';
import type { ExecutorRunner, WorkerState } from '../spark/worker-state';
import type { ZooKeeperServerState } from '../spark/zookeeper-server';
import { javaDateString } from '../spark/ids';
import type { InspectView, Selection } from './frame-types';
import { causalChain } from './causes';
import { activeMasterState } from './sim-output';
import { appWhy, driverWhy } from './why';

type Field = { name: string; value: string };

/** The causal chain of the latest change in `h`, for "Why did this happen?". */
function chainOf(c: SparkCluster, h: readonly StateChange[]): { chain?: ReturnType<typeof causalChain> } {
  const last = h[h.length - 1];
  return last ? { chain: causalChain(c, last) } : {};
}

function history(c: SparkCluster, subjects: ReadonlySet<string>): StateChange[] {
  return c.world.changes.filter((ch) => subjects.has(ch.subject));
}

function findApp(m: MasterState | null, id: string): ApplicationInfo | undefined {
  return m ? findApplication(m, id) : undefined;
}

function findDriver(m: MasterState | null, id: string): DriverInfo | undefined {
  return m ? findDriverInfo(m, id) : undefined;
}

function findExecutorRunner(
  c: SparkCluster,
  fullId: string,
): { runner: ExecutorRunner; host: string; finished: boolean } | null {
  let found: { runner: ExecutorRunner; host: string; finished: boolean } | null = null;
  for (const spec of c.world.topology.workers.values()) {
    const w = c.k.proc<WorkerState>(spec.pid).state;
    const live = w.executors.get(fullId);
    if (live) return { runner: live, host: w.host, finished: false };
    const done = w.finishedExecutors.get(fullId);
    if (done) found = { runner: done, host: w.host, finished: true };
  }
  return found;
}

function processState(c: SparkCluster, pid: number): string {
  if (pid <= 0) return 'not started';
  const p = c.k.proc(pid);
  if (p.alive) return `running (pid ${p.pid}, since ${(p.startedAt / 1000).toFixed(3)} s)`;
  return `exited with code ${p.exitCode ?? '?'} at ${(p.exitedAt / 1000).toFixed(3)} s`;
}

function workerView(c: SparkCluster, host: string, sel: Selection): InspectView {
  const spec = c.world.topology.workers.get(host);
  if (!spec) return { selection: sel, title: `Worker ${host}`, fields: [], history: [], exists: false };
  const p = c.k.proc<WorkerState>(spec.pid);
  const w = p.state;
  const active = activeMasterState(c);
  const ids = new Set<string>();
  for (const info of active?.workers ?? []) if (info.host === host) ids.add(info.id);
  if (w.workerId) ids.add(w.workerId);
  const info = active?.workers.find((x) => x.id === w.workerId);
  const fields: Field[] = [
    { name: 'Worker Id', value: w.workerId || '(not started)' },
    { name: 'Address', value: `${w.host}:${w.port}` },
    { name: 'Process', value: c.k.host(host)?.up === false ? 'machine powered off' : processState(c, p.pid) },
    { name: 'State (Master)', value: info?.state ?? 'not known to the active Master' },
    { name: 'Cores', value: `${w.cores} (${p.alive ? w.coresUsed : 0} Used)` },
    { name: 'Memory', value: `${megabytesToString(w.memory)} (${megabytesToString(p.alive ? w.memoryUsed : 0)} Used)` },
    { name: 'Registered', value: p.alive && w.registered ? `yes, with ${w.activeMasterUrl || w.master}` : 'no' },
    { name: 'Connection attempts', value: String(w.connectionAttemptCount) },
    { name: 'Decommissioned', value: w.decommissioned ? 'yes' : 'no' },
    { name: 'Executors', value: [...w.executors.keys()].join(', ') || 'none' },
    { name: 'Drivers', value: [...w.drivers.keys()].join(', ') || 'none' },
  ];
  if (info) fields.push({ name: 'Last heartbeat', value: javaDateString(info.lastHeartbeat) });
  const h = history(c, ids);
  return { selection: sel, title: `Worker ${host}`, fields, history: h, exists: true, ...chainOf(c, h) };
}

function masterView(c: SparkCluster, host: string, sel: Selection): InspectView {
  const m = c.world.topology.masters.find((x) => x.host === host);
  if (!m) return { selection: sel, title: `Master ${host}`, fields: [], history: [], exists: false };
  const p = c.k.proc<MasterState>(m.pid);
  const s = p.state;
  const fields: Field[] = [
    { name: 'URL', value: s.masterUrl },
    { name: 'Process', value: c.k.host(host)?.up === false ? 'machine powered off' : processState(c, p.pid) },
    { name: 'Status', value: p.alive ? s.state : '(not running)' },
    { name: 'Recovery mode', value: c.settings.recoveryMode },
    { name: 'Workers', value: `${s.workers.filter((w) => w.state === 'ALIVE').length} alive of ${s.workers.length}` },
    {
      name: 'Applications',
      value: `${s.apps.length} running, ${s.waitingApps.length} waiting, ${s.completedApps.length} completed`,
    },
    {
      name: 'Drivers',
      value: `${s.drivers.length} running, ${s.waitingDrivers.length} waiting, ${s.completedDrivers.length} completed`,
    },
  ];
  return { selection: sel, title: `Master ${host}`, fields, history: history(c, new Set([s.address])), exists: true };
}

function executorView(c: SparkCluster, id: string, sel: Selection): InspectView {
  const found = findExecutorRunner(c, id);
  const active = activeMasterState(c);
  const [appId, execId] = [id.slice(0, id.lastIndexOf('/')), Number(id.slice(id.lastIndexOf('/') + 1))];
  const app = findApp(active, appId);
  const desc = app?.executors.get(execId) ?? app?.removedExecutors.find((e) => e.id === execId);
  const h = history(c, new Set([id]));
  if (!found && !desc) return { selection: sel, title: `Executor ${id}`, fields: [], history: h, exists: h.length > 0 };
  const fields: Field[] = [
    { name: 'Executor', value: id },
    { name: 'Application', value: appId },
  ];
  if (found) {
    fields.push(
      { name: 'Worker', value: found.host },
      { name: 'State (ExecutorRunner)', value: found.runner.state },
      { name: 'Cores', value: String(found.runner.cores) },
      { name: 'Memory', value: megabytesToString(found.runner.memory) },
      { name: 'Process', value: processState(c, found.runner.pid) },
    );
  }
  if (desc) fields.push({ name: 'State (Master)', value: desc.state });
  return { selection: sel, title: `Executor ${id}`, fields, history: h, exists: true, ...chainOf(c, h) };
}

function driverView(c: SparkCluster, id: string, sel: Selection): InspectView {
  const active = activeMasterState(c);
  const d = findDriver(active, id);
  const h = history(c, new Set([id]));
  if (!d) return { selection: sel, title: `Driver ${id}`, fields: [], history: h, exists: h.length > 0 };
  let appId: string | null = null;
  for (const [app, driver] of c.world.appDriver) if (driver === id) appId = app;
  const fields: Field[] = [
    { name: 'Submission ID', value: d.id },
    { name: 'Submitted Time', value: javaDateString(d.submitDate) },
    { name: 'Worker', value: d.worker ? `${d.worker.id} (${d.worker.host})` : '(none)' },
    { name: 'State', value: d.state },
    { name: 'Cores', value: String(d.desc.cores) },
    { name: 'Memory', value: megabytesToString(d.desc.mem) },
    { name: 'Supervise', value: d.desc.supervise ? 'true' : 'false' },
    { name: 'Restarts (supervise)', value: String(c.world.driverRestarts.get(id) ?? 0) },
    { name: 'Application', value: appId ?? '(not registered yet)' },
  ];
  if (d.exception) fields.push({ name: 'Exception', value: d.exception });
  return {
    selection: sel,
    title: `Driver ${id}`,
    fields,
    history: h,
    exists: true,
    why: driverWhy(c, active, d),
    ...chainOf(c, h),
  };
}

function applicationView(c: SparkCluster, id: string, sel: Selection): InspectView {
  const app = findApp(activeMasterState(c), id);
  const h = history(c, new Set([id]));
  if (!app) return { selection: sel, title: `Application ${id}`, fields: [], history: h, exists: h.length > 0 };
  const fields: Field[] = [
    { name: 'ID', value: app.id },
    { name: 'Name', value: app.desc.name },
    { name: 'User', value: app.desc.user },
    { name: 'State', value: app.state },
    {
      name: 'Cores',
      value: `${app.coresGranted} granted${app.desc.maxCores !== null ? ` of ${app.desc.maxCores} (spark.cores.max)` : ''}`,
    },
    { name: 'Executor Memory', value: megabytesToString(app.desc.memoryPerExecutorMB) },
    {
      name: 'Executors',
      value: [...app.executors.values()].map((e) => `${e.id}@${e.worker.host} ${e.state}`).join(', ') || 'none',
    },
    { name: 'Removed executors', value: String(app.removedExecutors.length) },
    { name: 'Submitted Time', value: javaDateString(app.submitDate) },
    { name: 'Driver', value: c.world.appDriver.get(app.id) ?? app.driver },
  ];
  return {
    selection: sel,
    title: `Application ${id}`,
    fields,
    history: h,
    exists: true,
    why: appWhy(c, activeMasterState(c), app),
    ...chainOf(c, h),
  };
}

function clientView(c: SparkCluster, sel: Selection): InspectView {
  const host = c.world.topology.clientHost;
  const procs = c.k.procsOn(host);
  const drivers = procs
    .filter((p) => p.kind === 'driver' && p.alive)
    .map((p) => (p.state as DriverProcessState).appName);
  const fields: Field[] = [
    { name: 'Host', value: host },
    { name: 'Role', value: 'runs spark-submit; client-mode drivers run here' },
    { name: 'Client-mode drivers', value: drivers.join(', ') || 'none' },
    { name: 'spark-submit JVMs', value: String(procs.filter((p) => p.kind === 'submit-client' && p.alive).length) },
  ];
  return { selection: sel, title: `Client machine ${host}`, fields, history: [], exists: true };
}

function zooKeeperView(c: SparkCluster, sel: Selection): InspectView {
  const zk = c.world.topology.zooKeeper;
  if (!zk) return { selection: sel, title: 'ZooKeeper', fields: [], history: [], exists: false };
  const p = c.k.proc<ZooKeeperServerState>(zk.pid);
  const fields: Field[] = [
    { name: 'Address', value: `${zk.host}:${zk.port}` },
    { name: 'Process', value: processState(c, p.pid) },
    { name: 'Sessions', value: String(p.state.sessions.size) },
    { name: 'znodes', value: [...p.state.znodes.keys()].sort().join(', ') || 'none' },
  ];
  return { selection: sel, title: `ZooKeeper ${zk.host}`, fields, history: [], exists: true };
}

export function inspect(c: SparkCluster, sel: Selection): InspectView {
  switch (sel.kind) {
    case 'worker':
      return workerView(c, sel.id, sel);
    case 'master':
      return masterView(c, sel.id, sel);
    case 'executor':
      return executorView(c, sel.id, sel);
    case 'driver':
      return driverView(c, sel.id, sel);
    case 'application':
      return applicationView(c, sel.id, sel);
    case 'client':
      return clientView(c, sel);
    case 'zookeeper':
      return zooKeeperView(c, sel);
  }
}

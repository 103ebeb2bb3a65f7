// The headless runner's document (docs/architecture.md, "The headless runner"): the active Master's /json, every Master's and
// Worker's /json, and the simulator's own summary of apps and drivers. A pure function of state.
import type { SparkCluster } from '../spark/cluster';
import type { ExecutorDesc, MasterState } from '../spark/master-state';
import type { WorkerState } from '../spark/worker-state';
import { formatLogLine, traceEntry } from './log-format';
import type { SimAppJson, SimDriverJson, SimExecutorJson, SimOutput } from './json-types';
import { masterStateJson, workerStateJson } from './spark-json';

function executorJson(e: ExecutorDesc): SimExecutorJson {
  return { id: e.id, worker: e.worker.host, cores: e.cores, memory: e.memory, state: e.state };
}

/** The Master the runner reports: the live one that leads (ALIVE or recovering), else any live one. */
export function activeMasterState(c: SparkCluster): MasterState | null {
  let fallback: MasterState | null = null;
  for (const m of c.world.topology.masters) {
    const p = c.k.proc<MasterState>(m.pid);
    if (!p.alive) continue;
    if (p.state.state !== 'STANDBY') return p.state;
    fallback ??= p.state;
  }
  return fallback;
}

export function simOutput(c: SparkCluster, opts: { trace?: boolean; log?: boolean } = {}): SimOutput {
  const now = c.epochNow;
  const topo = c.world.topology;
  const active = activeMasterState(c);
  const masters = topo.masters.map((m) => {
    const p = c.k.proc<MasterState>(m.pid);
    return p.alive ? masterStateJson(p.state, now) : null;
  });
  const workers: SimOutput['workers'] = {};
  for (const [host, w] of topo.workers) {
    const p = c.k.proc<WorkerState>(w.pid);
    workers[host] = p.alive ? workerStateJson(p.state) : null;
  }
  const apps: SimAppJson[] = [];
  const drivers: SimOutput['drivers'] = [];
  if (active) {
    const all = [...active.completedApps, ...active.apps].sort(
      (a, b) => a.startTime - b.startTime || (a.id < b.id ? -1 : 1),
    );
    for (const app of all) {
      const entry: SimAppJson = {
        id: app.id,
        name: app.desc.name,
        state: app.state,
        driver: c.world.appDriver.get(app.id) ?? null,
        executors: [...app.executors.values()].map(executorJson),
        removedExecutors: app.removedExecutors.map(executorJson),
      };
      apps.push(entry);
    }
    const allDrivers = [...active.completedDrivers, ...active.drivers].sort(
      (a, b) => a.startTime - b.startTime || (a.id < b.id ? -1 : 1),
    );
    for (const d of allDrivers) {
      const entry: SimDriverJson = {
        id: d.id,
        state: d.state,
        worker: d.worker?.host ?? null,
        supervise: d.desc.supervise,
        restarts: c.world.driverRestarts.get(d.id) ?? 0,
      };
      drivers.push(entry);
    }
  }
  const out: SimOutput = {
    time: c.k.now,
    master: active ? masterStateJson(active, now) : null,
    masters,
    workers,
    apps,
    drivers,
  };
  if (opts.trace) out.trace = c.k.messages.map(traceEntry);
  if (opts.log) out.log = c.k.logs.map(formatLogLine);
  return out;
}

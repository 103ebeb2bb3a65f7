// Test helper: the Master's accounting invariants the property tests and the hostile-input fuzz
// check. `checkStep` holds after every single event; `checkEnd` at the end of a run within one
// Master's lifetime (a restarted Master only knows what it recovered). Each throws an Error that
// names what broke.
import type { MasterState } from '../spark/master-state';
import type { Simulation } from '../simulation';

/** No ALIVE worker over-allocated, no app over its core cap, no executor counted on a lost worker. */
export function checkStep(m: MasterState): void {
  for (const w of m.workers) {
    if (w.state !== 'ALIVE') continue;
    if (w.coresUsed > w.cores || w.memoryUsed > w.memory || w.coresUsed < 0 || w.memoryUsed < 0) {
      throw new Error(
        `worker ${w.id} over-allocated: ${w.coresUsed}/${w.cores} cores, ${w.memoryUsed}/${w.memory} MiB`,
      );
    }
  }
  for (const app of m.apps) {
    const max = app.desc.maxCores ?? app.defaultCores;
    if (app.coresGranted > max) throw new Error(`${app.id} holds ${app.coresGranted} cores > spark.cores.max ${max}`);
    for (const e of app.executors.values()) {
      if (e.worker.state !== 'ALIVE' && e.worker.state !== 'DECOMMISSIONED')
        throw new Error(`${e.fullId} counted on a ${e.worker.state} worker`);
    }
  }
}

/** Every executor and driver ever created is tracked exactly once; no app is both active and completed. */
export function checkEnd(sim: Simulation, m: MasterState): void {
  const changes = sim.cluster.world.changes;
  const created = (kind: string) =>
    new Set(changes.filter((ch) => ch.kind === kind && ch.from === null).map((ch) => ch.subject));
  const apps = [...m.apps, ...m.completedApps];
  const tracked = new Map<string, number>();
  for (const app of apps) {
    for (const e of [...app.executors.values(), ...app.removedExecutors])
      tracked.set(e.fullId, (tracked.get(e.fullId) ?? 0) + 1);
  }
  for (const id of created('executor')) {
    // An executor whose app the Master already dropped is tracked through that app's record.
    if (tracked.get(id) !== 1) throw new Error(`executor ${id} is tracked ${tracked.get(id) ?? 0} times`);
  }
  const drivers = [...m.drivers, ...m.completedDrivers].map((d) => d.id);
  for (const id of created('driver')) {
    const n = drivers.filter((d) => d === id).length;
    if (n !== 1) throw new Error(`driver ${id} is in ${n} of active/completed`);
  }
  for (const app of m.completedApps) if (m.apps.includes(app)) throw new Error(`${app.id} both active and completed`);
}

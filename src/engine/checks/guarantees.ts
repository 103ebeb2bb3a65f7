// Spark's guarantees, checked as the run goes: the Master's promises about its own bookkeeping
// (Master.scala, WorkerInfo.scala, ApplicationInfo.scala) that every state change must keep, and
// two liveness promises shown as pending until they are met. The safety checks run inside the
// event that made each state change (SparkCluster's onChange hook, wired by simulation.ts), on
// the Master that made it, and write what they find into the world's ledger, which checkpoints
// keep; views/guarantees-view.ts reads the ledger and the state for the badge row.
//
// The safety guarantees:
// - worker-accounting: a worker's used cores and memory never exceed its own, and always equal
//   the sum of its drivers' and executors' (WorkerInfo.addExecutor / addDriver / remove*);
// - launch-on-alive: no executor or driver is launched on a worker that is not ALIVE (schedule()
//   only considers ALIVE workers);
// - cores-max: an app's cores granted never exceed spark.cores.max (or spark.deploy.defaultCores);
// - app-id-unique: no application id is handed out twice.
// The liveness ones:
// - supervised-relaunch: a supervised driver whose worker was lost is relaunched (under a new id:
//   Master.relaunchDriver) and runs again once a worker fits it;
// - dead-within-two-timeouts: a worker that stopped heartbeating is DEAD within two
//   spark.worker.timeout periods (timeOutDeadWorkers runs every timeout and removes workers
//   silent for longer than one).
import type { GuaranteeViolation, SparkCluster, StateChange } from '../spark/cluster';
import type { MasterState, WorkerInfo } from '../spark/master-state';
import { findApplication, findDriverInfo, requestedCores } from '../spark/master-state';

export type GuaranteeId =
  | 'worker-accounting'
  | 'launch-on-alive'
  | 'cores-max'
  | 'app-id-unique'
  | 'supervised-relaunch'
  | 'dead-within-two-timeouts';

export const GUARANTEES: readonly { id: GuaranteeId; title: string; liveness: boolean }[] = [
  { id: 'worker-accounting', title: "A worker's used cores and memory add up and fit", liveness: false },
  { id: 'launch-on-alive', title: 'Launched only on ALIVE workers', liveness: false },
  { id: 'cores-max', title: 'No app over spark.cores.max', liveness: false },
  { id: 'app-id-unique', title: 'No app id reused', liveness: false },
  { id: 'supervised-relaunch', title: 'A supervised driver comes back', liveness: true },
  { id: 'dead-within-two-timeouts', title: 'A silent worker is DEAD within 2 × spark.worker.timeout', liveness: true },
];

/** The Master handling the current event, else the one that leads. */
function masterOf(c: SparkCluster): MasterState | null {
  const pid = c.current?.to ?? 0;
  for (const m of c.world.topology.masters) {
    if (m.pid === pid) return c.k.proc<MasterState>(m.pid).state;
  }
  for (const m of c.world.topology.masters) {
    const p = c.k.proc<MasterState>(m.pid);
    if (p.alive && p.state.state !== 'STANDBY') return p.state;
  }
  return null;
}

function violate(c: SparkCluster, id: GuaranteeId, change: StateChange, text: string): void {
  const v: GuaranteeViolation = { id, t: change.t, change: c.world.changes.length - 1, text };
  c.world.guarantees.violations.push(v);
}

function checkWorker(c: SparkCluster, w: WorkerInfo, change: StateChange): void {
  if (w.state !== 'ALIVE' && w.state !== 'DECOMMISSIONED') return; // a removed worker's counts are dropped
  let cores = 0;
  let memory = 0;
  for (const e of w.executors.values()) {
    cores += e.cores;
    memory += e.memory;
  }
  for (const d of w.drivers.values()) {
    cores += d.desc.cores;
    memory += d.desc.mem;
  }
  if (w.coresUsed !== cores || w.memoryUsed !== memory) {
    violate(
      c,
      'worker-accounting',
      change,
      `${w.id} counts ${w.coresUsed} cores and ${w.memoryUsed} MiB used; its drivers and executors hold ${cores} and ${memory}.`,
    );
  } else if (w.coresUsed > w.cores || w.memoryUsed > w.memory) {
    violate(
      c,
      'worker-accounting',
      change,
      `${w.id} has ${w.coresUsed} of ${w.cores} cores and ${w.memoryUsed} of ${w.memory} MiB in use.`,
    );
  }
}

/** The onChange hook: the safety guarantees, on the records the change touched. */
export function checkGuarantees(c: SparkCluster, change: StateChange): void {
  const m = masterOf(c);
  if (m === null) return;
  switch (change.kind) {
    case 'application': {
      // A new registration is WAITING; an app a recovering Master read back keeps its id (UNKNOWN).
      if (change.from !== null || change.to !== 'WAITING') return;
      const ids = c.world.guarantees.appIds;
      if (ids.has(change.subject)) violate(c, 'app-id-unique', change, `${change.subject} was handed out before.`);
      ids.add(change.subject);
      return;
    }
    case 'executor': {
      const slash = change.subject.lastIndexOf('/');
      const app = findApplication(m, change.subject.slice(0, slash));
      if (!app) return;
      const id = Number(change.subject.slice(slash + 1));
      const e = app.executors.get(id) ?? app.removedExecutors.find((x) => x.id === id);
      if (e && change.from === null && e.worker.state !== 'ALIVE') {
        violate(
          c,
          'launch-on-alive',
          change,
          `${e.fullId} was launched on ${e.worker.id}, which is ${e.worker.state}.`,
        );
      }
      const max = requestedCores(app);
      if (app.coresGranted > max) {
        violate(c, 'cores-max', change, `${app.id} holds ${app.coresGranted} cores, more than its ${max}.`);
      }
      if (e) checkWorker(c, e.worker, change);
      return;
    }
    case 'driver': {
      const d = findDriverInfo(m, change.subject);
      if (!d?.worker) return;
      if (change.to === 'RUNNING' && change.from !== 'RUNNING' && d.worker.state !== 'ALIVE') {
        violate(c, 'launch-on-alive', change, `${d.id} was launched on ${d.worker.id}, which is ${d.worker.state}.`);
      }
      checkWorker(c, d.worker, change);
      return;
    }
    case 'worker': {
      const w = m.idToWorker.get(change.subject);
      if (w) checkWorker(c, w, change);
      return;
    }
    case 'master':
      return;
  }
}

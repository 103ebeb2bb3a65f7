// Not Spark: the end of a daemon JVM's start-up, for the daemons a scenario action starts again
// (sbin/start-master.sh after a kill). The world process (cluster.ts) receives the timer the
// action set, and the Master process starts then: before it, nothing listens on its port, as
// nothing does while a real Master's JVM loads (MASTER_JVM_STARTUP_MS in timings.ts).
import type { Delivery, Process } from '../sim/kernel';
import type { SparkCluster } from './cluster';
import { startMaster } from './master';

/** Set by the restart-master action (world/actions.ts). */
export interface MasterJvmStarted {
  type: 'MasterJvmStarted';
  host: string;
}

export function receiveWorld(c: SparkCluster, _p: Process, d: Delivery): void {
  const msg = d.msg as MasterJvmStarted;
  if (msg.type !== 'MasterJvmStarted') return;
  const m = c.world.topology.masters.find((x) => x.host === msg.host);
  // Killed while starting (kill-master clears the mark), or its machine lost power meanwhile.
  if (!m || m.startingUntil === undefined) return;
  delete m.startingUntil;
  if (c.k.state.hosts.get(m.host)?.up === false || c.k.proc(m.pid).alive) return;
  m.pid = startMaster(c, m.host, m.port).pid;
}

// The badge row of Spark's guarantees (checks/guarantees.ts): each safety one green until the
// ledger holds a violation (then red, with the first one's time and state change), each liveness
// one pending while it is awaited. A pure function of engine state.
import type { GuaranteeViolation, SparkCluster } from '../spark/cluster';
import type { MasterState, WorkerInfo } from '../spark/master-state';
import { GUARANTEES, type GuaranteeId } from '../checks/guarantees';
import type { GuaranteeBadgeView } from './frame-types';

export interface GuaranteeBadge extends GuaranteeBadgeView {
  id: GuaranteeId;
}

function firstViolation(c: SparkCluster, id: GuaranteeId): GuaranteeViolation | undefined {
  return c.world.guarantees.violations.find((v) => v.id === id);
}

/** The badge row: each guarantee as of now. */
export function guaranteesView(c: SparkCluster): GuaranteeBadge[] {
  return GUARANTEES.map(({ id, title, liveness }) => {
    if (!liveness) {
      const v = firstViolation(c, id);
      if (v) {
        const more = c.world.guarantees.violations.filter((x) => x.id === id).length - 1;
        return {
          id,
          title,
          status: 'violated',
          detail: more > 0 ? `${v.text} (and ${more} more)` : v.text,
          at: v.t,
          change: v.change,
        };
      }
      return { id, title, status: 'ok', detail: 'Held at every state change so far.' };
    }
    return id === 'supervised-relaunch' ? supervisedRelaunch(c, title) : deadWithinTwoTimeouts(c, title);
  });
}

function leader(c: SparkCluster): MasterState | null {
  for (const m of c.world.topology.masters) {
    const p = c.k.proc<MasterState>(m.pid);
    if (p.alive && p.state.state !== 'STANDBY') return p.state;
  }
  return null;
}

function supervisedRelaunch(c: SparkCluster, title: string): GuaranteeBadge {
  const id: GuaranteeId = 'supervised-relaunch';
  const m = leader(c);
  if (m === null) return { id, title, status: 'ok', detail: 'No Master leads: nothing to watch.' };
  // Master.relaunchDriver ends the lost driver RELAUNCHING and queues a new one (a new id) with
  // the same description: that one is what must run again.
  const relaunched = new Set(m.completedDrivers.filter((d) => d.state === 'RELAUNCHING').map((d) => d.desc));
  const waiting = m.waitingDrivers.filter((d) => d.desc.supervise && relaunched.has(d.desc));
  if (waiting.length === 0)
    return { id, title, status: 'ok', detail: 'No supervised driver is waiting to be relaunched.' };
  const names = waiting.map((d) => d.id).join(', ');
  return {
    id,
    title,
    status: 'pending',
    detail: `${names}: relaunched after its worker was lost, SUBMITTED until a worker fits it.`,
  };
}

function deadWithinTwoTimeouts(c: SparkCluster, title: string): GuaranteeBadge {
  const id: GuaranteeId = 'dead-within-two-timeouts';
  const m = leader(c);
  if (m === null || m.state !== 'ALIVE')
    return { id, title, status: 'ok', detail: 'No Master is ALIVE: nothing to watch.' };
  const timeout = c.settings.workerTimeoutMs;
  const now = c.epochNow;
  // A Worker beats every timeout / 4; one beat missed, and more, makes it silent.
  const silentAfter = timeout / 2;
  let worst: { w: WorkerInfo; silent: number } | null = null;
  for (const w of m.workers) {
    if (w.state !== 'ALIVE') continue;
    const silent = now - w.lastHeartbeat;
    if (silent > silentAfter && (worst === null || silent > worst.silent)) worst = { w, silent };
  }
  if (worst === null) return { id, title, status: 'ok', detail: 'Every ALIVE worker is heartbeating.' };
  const s = (worst.silent / 1000).toFixed(1);
  if (worst.silent > 2 * timeout) {
    return {
      id,
      title,
      status: 'violated',
      detail: `${worst.w.id} has been silent ${s} s and is still ALIVE.`,
      at: c.k.now - (worst.silent - 2 * timeout),
    };
  }
  return {
    id,
    title,
    status: 'pending',
    detail: `${worst.w.id} silent for ${s} s: DEAD by ${(2 * timeout) / 1000} s of silence.`,
  };
}

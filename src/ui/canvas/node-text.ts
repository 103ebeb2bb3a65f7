// The words the canvas nodes show and say: state badges, accessible names, and which keys open a
// node's context menu. Pure, so they are unit-tested; the node components only render them.
import type {
  ClientNodeView,
  DaemonProcess,
  MasterNodeView,
  ProcessCardView,
  WorkerNodeView,
  ZooKeeperNodeView,
} from '../../engine/public';
import { heldResources, processResources } from './worker-resources';

/** The badge of a worker: the active Master's view of it, or that no Master knows it. */
export function workerBadge(w: Pick<WorkerNodeView, 'state'>): string {
  return w.state ?? 'not registered';
}

/** data-state of a worker node: Spark's state name, "not-registered" when the Master does not know it. */
export function workerDataState(w: Pick<WorkerNodeView, 'state'>): string {
  return w.state ?? 'not-registered';
}

export function daemonText(p: DaemonProcess): string {
  switch (p) {
    case 'running':
      return 'running';
    case 'stopped':
      return 'stopped';
    case 'machine-off':
      return 'machine off';
  }
}

/** A worker that should look dead: its daemon is gone, its machine is off, or the Master buried it. */
export function workerLooksDead(w: Pick<WorkerNodeView, 'process' | 'state'>): boolean {
  return w.process !== 'running' || w.state === 'DEAD';
}

export function workerAriaLabel(w: WorkerNodeView): string {
  const parts = [`Worker ${w.host}`, workerBadge(w)];
  if (w.process !== 'running') parts.push(`daemon ${daemonText(w.process)}`);
  parts.push(`${heldResources(w).cores} of ${w.cores} cores used`);
  const live = w.processes.filter((p) => !p.ended).length;
  if (live > 0) parts.push(`${live} ${live === 1 ? 'process' : 'processes'}`);
  return parts.join(', ');
}

/** A Master's badge: its RecoveryState, or "down" when its process is not running. */
export function masterBadge(m: Pick<MasterNodeView, 'state' | 'process'>): string {
  if (m.process === 'machine-off') return 'machine off';
  return m.state ?? 'down';
}

export function masterDataState(m: Pick<MasterNodeView, 'state'>): string {
  return m.state ?? 'down';
}

export function masterAriaLabel(m: MasterNodeView): string {
  const parts = [`Master ${m.host}`, masterBadge(m)];
  if (m.state !== null) {
    parts.push(`${m.aliveWorkers} alive ${m.aliveWorkers === 1 ? 'worker' : 'workers'}`);
    if (m.waitingApps > 0)
      parts.push(`${m.waitingApps} waiting ${m.waitingApps === 1 ? 'application' : 'applications'}`);
    if (m.waitingDrivers > 0)
      parts.push(`${m.waitingDrivers} waiting ${m.waitingDrivers === 1 ? 'driver' : 'drivers'}`);
  }
  return parts.join(', ');
}

export function zooKeeperAriaLabel(z: ZooKeeperNodeView): string {
  const parts = [`ZooKeeper ${z.host}`, daemonText(z.process)];
  if (z.process === 'running') parts.push(z.leader ? `leader ${z.leader}` : 'no leader');
  return parts.join(', ');
}

export function clientAriaLabel(c: ClientNodeView): string {
  const drivers = c.processes.filter((p) => !p.ended).length;
  const parts = [`Client machine ${c.host}, spark-submit`];
  parts.push(`${drivers} client-mode ${drivers === 1 ? 'driver' : 'drivers'}`);
  if (c.submitClients > 0)
    parts.push(`${c.submitClients} submit ${c.submitClients === 1 ? 'client' : 'clients'} running`);
  return parts.join(', ');
}

export function processAriaLabel(p: ProcessCardView): string {
  const parts = [`${p.kind === 'driver' ? 'Driver' : 'Executor'} ${p.label}`];
  if (p.appId) parts.push(`of ${p.appId}`);
  parts.push(p.state);
  const res = processResources(p);
  if (res) parts.push(res);
  if (p.exitCode !== null) parts.push(`exit code ${p.exitCode}`);
  return parts.join(', ');
}

/** Keys that open the context menu of a focused node or card (Enter, the Menu key, Shift+F10). */
export function isMenuKey(e: { key: string; shiftKey: boolean }): boolean {
  return e.key === 'Enter' || e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey);
}

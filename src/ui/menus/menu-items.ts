// What the context menu (and the Delete key) offers for a selected thing: only the faults that
// make sense for it right now, looked up in the cluster's current nodes, partitions and the
// Master page. Pure, so every case is unit-tested without a DOM.
import type { ActionInput, MasterPageView } from '../../engine/api';
import type { MasterNodeView, NodeView, PartitionView, ProcessCardView, Selection } from '../../engine/public';

export interface MenuItem {
  label: string;
  action: ActionInput;
  /** What happened, for the notice after it was applied: "Worker on w1 killed (kill -9)". */
  done: string;
}

export interface MenuModel {
  /** "Worker w1", "Executor app-…/3": the menu's heading and accessible name. */
  title: string;
  items: MenuItem[];
  /** Why there is nothing to offer, shown as a disabled line when `items` is empty. */
  empty: string;
}

export interface MenuContext {
  nodes: Readonly<Record<string, NodeView>>;
  partitions: readonly PartitionView[];
  masterPage: MasterPageView | null;
}

// A driver or application in one of these states is over: nothing left to kill.
const ENDED_DRIVER = new Set(['FINISHED', 'KILLED', 'FAILED', 'ERROR']);
const ENDED_APP = new Set(['FINISHED', 'KILLED', 'FAILED']);

/** The leading Master's host: a running Master that is not a standby, else the first Master. */
export function activeMasterHost(nodes: Readonly<Record<string, NodeView>>): string | null {
  const masters = Object.values(nodes).filter((n): n is MasterNodeView => n.kind === 'master');
  const leader = masters.find((m) => m.process === 'running' && m.state !== null && m.state !== 'STANDBY');
  return (leader ?? masters[0])?.host ?? null;
}

/** The partition cutting a and b apart, in either direction. */
export function partitionBetween(partitions: readonly PartitionView[], a: string, b: string): PartitionView | null {
  return partitions.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a)) ?? null;
}

/** A driver or executor card by id, wherever it runs. */
export function findProcess(nodes: Readonly<Record<string, NodeView>>, id: string): ProcessCardView | null {
  for (const n of Object.values(nodes)) {
    if (n.kind !== 'worker' && n.kind !== 'client') continue;
    const p = n.processes.find((c) => c.id === id);
    if (p) return p;
  }
  return null;
}

/** Partition from / heal with the leading Master, for any machine that is not that Master. */
function partitionItem(host: string, ctx: MenuContext): MenuItem | null {
  const master = activeMasterHost(ctx.nodes);
  if (master === null || master === host) return null;
  const cut = partitionBetween(ctx.partitions, host, master);
  if (cut) {
    return {
      label: 'Heal partition',
      action: { type: 'heal', between: [cut.a, cut.b] },
      done: `Network between ${cut.a} and ${cut.b} healed`,
    };
  }
  return {
    label: 'Partition from Master',
    action: { type: 'partition', between: [host, master] },
    done: `${host} cut off from ${master}`,
  };
}

function workerMenu(host: string, ctx: MenuContext): MenuModel {
  const title = `Worker ${host}`;
  const node = ctx.nodes[host];
  if (node?.kind !== 'worker') return { title, items: [], empty: 'This worker is not in the cluster at this time.' };
  const items: MenuItem[] = [];
  const running = node.process === 'running';
  if (running) {
    items.push({
      label: 'Kill Worker process (kill -9)',
      action: { type: 'kill-worker', target: host },
      done: `Worker on ${host} killed (kill -9)`,
    });
  }
  if (node.process !== 'machine-off') {
    items.push({
      label: 'Power off machine',
      action: { type: 'power-off', target: host },
      done: `${host} powered off`,
    });
  }
  const partition = partitionItem(host, ctx);
  if (partition) items.push(partition);
  if (!running) {
    items.push({
      // start-worker.sh on a machine that is off means switching it on first.
      label: node.process === 'machine-off' ? 'Power on and restart Worker' : 'Restart Worker',
      action: { type: 'restart-worker', target: host },
      done: `Worker on ${host} restarted`,
    });
  }
  if (running && node.state !== 'DECOMMISSIONED') {
    items.push({
      label: 'Decommission',
      action: { type: 'decommission-worker', target: host },
      done: `Worker on ${host} decommissioning`,
    });
  }
  items.push({
    label: 'Remove worker (stop-worker.sh)',
    action: { type: 'remove-worker', target: host },
    done: `Worker on ${host} stopped and removed`,
  });
  return { title, items, empty: '' };
}

function masterMenu(host: string, ctx: MenuContext): MenuModel {
  const title = `Master ${host}`;
  const node = ctx.nodes[host];
  if (node?.kind !== 'master') return { title, items: [], empty: 'There is no Master on this host.' };
  const items: MenuItem[] = [];
  if (node.process === 'running') {
    items.push({
      label: 'Kill Master',
      action: { type: 'kill-master', target: host },
      done: `Master on ${host} killed (kill -9)`,
    });
  } else {
    items.push({
      label: 'Restart Master',
      action: { type: 'restart-master', target: host },
      done: `Master on ${host} restarted`,
    });
  }
  if (node.process !== 'machine-off') {
    items.push({
      label: 'Power off machine',
      action: { type: 'power-off', target: host },
      done: `${host} powered off`,
    });
  }
  return { title, items, empty: '' };
}

function executorMenu(id: string, ctx: MenuContext): MenuModel {
  const title = `Executor ${id}`;
  const card = findProcess(ctx.nodes, id);
  if (!card || card.ended) return { title, items: [], empty: 'This executor is not running.' };
  return {
    title,
    items: [{ label: 'Kill executor', action: { type: 'kill-executor', target: id }, done: `Executor ${id} killed` }],
    empty: '',
  };
}

function driverState(id: string, ctx: MenuContext): string | null {
  const page = ctx.masterPage;
  if (!page) return null;
  const sim = page.drivers.find((d) => d.id === id);
  if (sim) return sim.state;
  const json = page.master && [...page.master.activedrivers, ...page.master.completeddrivers].find((d) => d.id === id);
  return json ? json.state : null;
}

function appState(id: string, ctx: MenuContext): string | null {
  const page = ctx.masterPage;
  if (!page) return null;
  const sim = page.apps.find((a) => a.id === id);
  if (sim) return sim.state;
  const json = page.master && [...page.master.activeapps, ...page.master.completedapps].find((a) => a.id === id);
  return json ? json.state : null;
}

function killAppItem(appId: string): MenuItem {
  return {
    label: 'Kill application',
    action: { type: 'kill-app', target: appId },
    done: `Application ${appId} killed`,
  };
}

function driverMenu(id: string, ctx: MenuContext): MenuModel {
  const title = `Driver ${id}`;
  const card = findProcess(ctx.nodes, id);
  if (!id.startsWith('driver-')) {
    // A client-mode driver is spark-submit's own JVM: Spark has no submission id to kill, but its
    // application can be killed from the Master.
    if (card && !card.ended && card.appId) return { title, items: [killAppItem(card.appId)], empty: '' };
    return { title, items: [], empty: 'This client-mode driver has no application to kill.' };
  }
  const state = driverState(id, ctx);
  if ((state !== null && ENDED_DRIVER.has(state)) || (state === null && card?.ended)) {
    return { title, items: [], empty: 'This driver has finished.' };
  }
  const items: MenuItem[] = [
    {
      label: 'Kill driver (spark-submit --kill)',
      action: { type: 'kill-driver', target: id },
      done: `Kill of driver ${id} requested`,
    },
  ];
  // Crashing needs a driver process; a SUBMITTED driver waiting for a worker has none yet.
  if (card && !card.ended)
    items.push({ label: 'Crash driver', action: { type: 'crash-driver', target: id }, done: `Driver ${id} crashed` });
  return { title, items, empty: '' };
}

function applicationMenu(id: string, ctx: MenuContext): MenuModel {
  const title = `Application ${id}`;
  const state = appState(id, ctx);
  if (state !== null && ENDED_APP.has(state)) return { title, items: [], empty: 'This application has finished.' };
  return { title, items: [killAppItem(id)], empty: '' };
}

function networkOnlyMenu(title: string, host: string, ctx: MenuContext): MenuModel {
  const partition = partitionItem(host, ctx);
  return { title, items: partition ? [partition] : [], empty: 'No faults to inject here.' };
}

/** The menu for a target, given the cluster as it is now. */
export function menuFor(target: Selection, ctx: MenuContext): MenuModel {
  switch (target.kind) {
    case 'worker':
      return workerMenu(target.id, ctx);
    case 'master':
      return masterMenu(target.id, ctx);
    case 'executor':
      return executorMenu(target.id, ctx);
    case 'driver':
      return driverMenu(target.id, ctx);
    case 'application':
      return applicationMenu(target.id, ctx);
    case 'zookeeper':
      return networkOnlyMenu(`ZooKeeper ${target.id}`, target.id, ctx);
    case 'client':
      return networkOnlyMenu(`Client machine ${target.id}`, target.id, ctx);
  }
}

const KILLS = new Set(['kill-worker', 'kill-executor', 'kill-driver', 'kill-app']);

/** What Delete / Backspace does to a selection: the menu's kill for executors, drivers, workers and apps. */
export function killItemFor(target: Selection, ctx: MenuContext): MenuItem | null {
  if (target.kind === 'master' || target.kind === 'zookeeper' || target.kind === 'client') return null;
  return menuFor(target, ctx).items.find((i) => KILLS.has(i.action.type)) ?? null;
}

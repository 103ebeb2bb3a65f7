// Menu items per target: only what makes sense for the thing as it is now.
import { describe, expect, it } from 'vitest';
import type {
  ClientNodeView,
  MasterNodeView,
  NodeView,
  ProcessCardView,
  WorkerNodeView,
  ZooKeeperNodeView,
} from '../../engine/public';
import type { MasterPageView } from '../../engine/api';
import { activeMasterHost, killItemFor, type MenuContext, menuFor } from './menu-items';

const APP = 'app-20260101000003-0000';
const DRIVER = 'driver-20260101000001-0000';

const card = (id: string, over: Partial<ProcessCardView> = {}): ProcessCardView => ({
  id,
  kind: id.includes('/') ? 'executor' : 'driver',
  label: id,
  appId: APP,
  state: 'RUNNING',
  cores: 1,
  memoryMb: 1024,
  exitCode: null,
  ended: false,
  ...over,
});

const worker = (host: string, over: Partial<WorkerNodeView> = {}): WorkerNodeView => ({
  kind: 'worker',
  id: host,
  host,
  port: 35000,
  workerId: `worker-20260101000000-${host}-35000`,
  state: 'ALIVE',
  process: 'running',
  registered: true,
  cores: 4,
  memoryMb: 8192,
  coresUsed: 0,
  memoryUsedMb: 0,
  processes: [],
  ...over,
});

const master = (host: string, over: Partial<MasterNodeView> = {}): MasterNodeView => ({
  kind: 'master',
  id: host,
  host,
  port: 7077,
  state: 'ALIVE',
  process: 'running',
  waitingApps: 0,
  waitingDrivers: 0,
  aliveWorkers: 1,
  ...over,
});

const client: ClientNodeView = { kind: 'client', id: 'client', host: 'client', processes: [], submitClients: 0 };
const zk: ZooKeeperNodeView = { kind: 'zookeeper', id: 'zk', host: 'zk', port: 2181, process: 'running', leader: 'm1' };

function ctx(nodes: NodeView[], over: Partial<MenuContext> = {}): MenuContext {
  return { nodes: Object.fromEntries(nodes.map((n) => [n.id, n])), partitions: [], masterPage: null, ...over };
}

const types = (m: { items: { action: { type: string } }[] }) => m.items.map((i) => i.action.type);

describe('worker menu', () => {
  it('offers every fault for a running worker, partition against the leading master', () => {
    const m = menuFor(
      { kind: 'worker', id: 'w1' },
      ctx([master('m1', { state: 'STANDBY' }), master('m2'), worker('w1')]),
    );
    expect(m.title).toBe('Worker w1');
    expect(types(m)).toEqual(['kill-worker', 'power-off', 'partition', 'decommission-worker', 'remove-worker']);
    expect(m.items[2]?.action).toEqual({ type: 'partition', between: ['w1', 'm2'] });
    expect(m.items[0]?.label).toBe('Kill Worker process (kill -9)');
  });

  it('offers heal when the worker is cut from the master, in either direction', () => {
    const m = menuFor(
      { kind: 'worker', id: 'w1' },
      ctx([master('master'), worker('w1')], { partitions: [{ a: 'master', b: 'w1', oneWay: true }] }),
    );
    expect(m.items.find((i) => i.action.type === 'heal')?.action).toEqual({ type: 'heal', between: ['master', 'w1'] });
    expect(types(m)).not.toContain('partition');
  });

  it('offers restart (not kill or decommission) when the process is stopped or the machine off', () => {
    const stopped = menuFor(
      { kind: 'worker', id: 'w1' },
      ctx([master('master'), worker('w1', { process: 'stopped', state: 'DEAD' })]),
    );
    expect(types(stopped)).toEqual(['power-off', 'partition', 'restart-worker', 'remove-worker']);
    const off = menuFor(
      { kind: 'worker', id: 'w1' },
      ctx([master('master'), worker('w1', { process: 'machine-off' })]),
    );
    expect(types(off)).toEqual(['partition', 'restart-worker', 'remove-worker']);
    expect(off.items.find((i) => i.action.type === 'restart-worker')?.label).toBe('Power on and restart Worker');
  });

  it('does not decommission twice', () => {
    const m = menuFor({ kind: 'worker', id: 'w1' }, ctx([master('master'), worker('w1', { state: 'DECOMMISSIONED' })]));
    expect(types(m)).not.toContain('decommission-worker');
  });

  it('explains an unknown worker', () => {
    const m = menuFor({ kind: 'worker', id: 'gone' }, ctx([master('master')]));
    expect(m.items).toEqual([]);
    expect(m.empty).toMatch(/not in the cluster/);
  });
});

describe('master menu', () => {
  it('kills a running master and restarts a stopped one', () => {
    expect(types(menuFor({ kind: 'master', id: 'master' }, ctx([master('master')])))).toEqual([
      'kill-master',
      'power-off',
    ]);
    expect(menuFor({ kind: 'master', id: 'master' }, ctx([master('master')])).items[0]?.action).toEqual({
      type: 'kill-master',
      target: 'master',
    });
    expect(
      types(menuFor({ kind: 'master', id: 'master' }, ctx([master('master', { process: 'stopped', state: null })]))),
    ).toEqual(['restart-master', 'power-off']);
    expect(
      types(
        menuFor({ kind: 'master', id: 'master' }, ctx([master('master', { process: 'machine-off', state: null })])),
      ),
    ).toEqual(['restart-master']);
  });
});

describe('process menus', () => {
  const exec = `${APP}/3`;
  it('kills a live executor and explains an ended one', () => {
    const live = ctx([worker('w1', { processes: [card(exec)] })]);
    expect(menuFor({ kind: 'executor', id: exec }, live).items.map((i) => i.action)).toEqual([
      { type: 'kill-executor', target: exec },
    ]);
    const ended = ctx([worker('w1', { processes: [card(exec, { ended: true, state: 'KILLED' })] })]);
    expect(menuFor({ kind: 'executor', id: exec }, ended).items).toEqual([]);
    expect(menuFor({ kind: 'executor', id: exec }, ctx([])).items).toEqual([]);
  });

  it('kills or crashes a cluster-mode driver; only kills one still waiting for a worker', () => {
    const running = ctx([worker('w1', { processes: [card(DRIVER)] })]);
    expect(types(menuFor({ kind: 'driver', id: DRIVER }, running))).toEqual(['kill-driver', 'crash-driver']);
    expect(types(menuFor({ kind: 'driver', id: DRIVER }, ctx([worker('w1')])))).toEqual(['kill-driver']);
  });

  it('offers nothing for a finished driver, known from the Master page', () => {
    const page: MasterPageView = {
      master: null,
      apps: [],
      drivers: [{ id: DRIVER, state: 'FINISHED', worker: 'w1', supervise: false, restarts: 0 }],
      time: 0,
    };
    expect(menuFor({ kind: 'driver', id: DRIVER }, ctx([worker('w1')], { masterPage: page })).items).toEqual([]);
  });

  it("kills a client-mode driver's application instead", () => {
    const c = ctx([{ ...client, processes: [card('client-driver-7', { cores: 0 })] }]);
    expect(menuFor({ kind: 'driver', id: 'client-driver-7' }, c).items.map((i) => i.action)).toEqual([
      { type: 'kill-app', target: APP },
    ]);
    const noApp = ctx([{ ...client, processes: [card('client-driver-7', { appId: null })] }]);
    expect(menuFor({ kind: 'driver', id: 'client-driver-7' }, noApp).items).toEqual([]);
  });

  it('kills an application unless it has finished', () => {
    expect(types(menuFor({ kind: 'application', id: APP }, ctx([])))).toEqual(['kill-app']);
    const page: MasterPageView = {
      master: null,
      apps: [{ id: APP, name: 'Spark Pi', state: 'FINISHED', driver: null, executors: [], removedExecutors: [] }],
      drivers: [],
      time: 0,
    };
    expect(menuFor({ kind: 'application', id: APP }, ctx([], { masterPage: page })).items).toEqual([]);
  });
});

describe('network-only menus', () => {
  it('partitions the client or ZooKeeper from the master', () => {
    expect(menuFor({ kind: 'client', id: 'client' }, ctx([master('m1'), client])).items.map((i) => i.action)).toEqual([
      { type: 'partition', between: ['client', 'm1'] },
    ]);
    expect(types(menuFor({ kind: 'zookeeper', id: 'zk' }, ctx([master('m1'), zk])))).toEqual(['partition']);
    expect(menuFor({ kind: 'client', id: 'client' }, ctx([client])).items).toEqual([]);
  });
});

describe('activeMasterHost', () => {
  it('prefers a running non-standby master, else the first', () => {
    expect(
      activeMasterHost(ctx([master('m1', { state: 'STANDBY' }), master('m2', { state: 'RECOVERING' })]).nodes),
    ).toBe('m2');
    expect(
      activeMasterHost(
        ctx([master('m1', { process: 'stopped', state: null }), master('m2', { state: 'STANDBY' })]).nodes,
      ),
    ).toBe('m1');
    expect(activeMasterHost(ctx([worker('w1')]).nodes)).toBeNull();
  });
});

describe('killItemFor (Delete key)', () => {
  it('picks the kill of workers, executors, drivers and apps, nothing for masters', () => {
    const c = ctx([master('master'), worker('w1', { processes: [card(`${APP}/0`), card(DRIVER)] })]);
    expect(killItemFor({ kind: 'worker', id: 'w1' }, c)?.action.type).toBe('kill-worker');
    expect(killItemFor({ kind: 'executor', id: `${APP}/0` }, c)?.action.type).toBe('kill-executor');
    expect(killItemFor({ kind: 'driver', id: DRIVER }, c)?.action.type).toBe('kill-driver');
    expect(killItemFor({ kind: 'application', id: APP }, c)?.action.type).toBe('kill-app');
    expect(killItemFor({ kind: 'master', id: 'master' }, c)).toBeNull();
    expect(
      killItemFor({ kind: 'worker', id: 'w1' }, ctx([master('master'), worker('w1', { process: 'stopped' })])),
    ).toBeNull();
  });
});

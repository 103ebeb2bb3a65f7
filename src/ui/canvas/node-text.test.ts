import { describe, expect, it } from 'vitest';
import type {
  ClientNodeView,
  MasterNodeView,
  ProcessCardView,
  WorkerNodeView,
  ZooKeeperNodeView,
} from '../../engine/public';
import {
  clientAriaLabel,
  daemonText,
  isMenuKey,
  masterAriaLabel,
  masterBadge,
  masterDataState,
  processAriaLabel,
  workerAriaLabel,
  workerBadge,
  workerDataState,
  workerLooksDead,
  zooKeeperAriaLabel,
} from './node-text';

const exec: ProcessCardView = {
  id: 'app-20260101000005-0000/3',
  kind: 'executor',
  label: 'exec 3',
  appId: 'app-20260101000005-0000',
  state: 'RUNNING',
  cores: 2,
  memoryMb: 1024,
  exitCode: null,
  ended: false,
};

const w1: WorkerNodeView = {
  kind: 'worker',
  id: 'w1',
  host: 'w1',
  port: 35000,
  workerId: 'worker-1',
  state: 'ALIVE',
  process: 'running',
  registered: true,
  cores: 8,
  memoryMb: 16384,
  coresUsed: 3,
  memoryUsedMb: 2048,
  processes: [exec],
};

const master: MasterNodeView = {
  kind: 'master',
  id: 'master',
  host: 'master',
  port: 7077,
  state: 'ALIVE',
  process: 'running',
  waitingApps: 1,
  waitingDrivers: 0,
  aliveWorkers: 2,
};

describe('worker texts', () => {
  it('names a worker with its state and cores', () => {
    // The cores its cards hold (exec 3's two), as the grid shows them.
    expect(workerAriaLabel(w1)).toBe('Worker w1, ALIVE, 2 of 8 cores used, 1 process');
  });

  it('says when no Master knows the worker and when its daemon is gone', () => {
    const off: WorkerNodeView = { ...w1, state: null, process: 'machine-off', coresUsed: 0, processes: [] };
    expect(workerBadge(off)).toBe('not registered');
    expect(workerDataState(off)).toBe('not-registered');
    expect(workerAriaLabel(off)).toBe('Worker w1, not registered, daemon machine off, 0 of 8 cores used');
  });

  it('looks dead when stopped, powered off or DEAD', () => {
    expect(workerLooksDead(w1)).toBe(false);
    expect(workerLooksDead({ ...w1, process: 'stopped' })).toBe(true);
    expect(workerLooksDead({ ...w1, process: 'machine-off' })).toBe(true);
    expect(workerLooksDead({ ...w1, state: 'DEAD' })).toBe(true);
    expect(workerLooksDead({ ...w1, state: 'DECOMMISSIONED' })).toBe(false);
  });

  it('prints daemon states', () => {
    expect(daemonText('running')).toBe('running');
    expect(daemonText('stopped')).toBe('stopped');
    expect(daemonText('machine-off')).toBe('machine off');
  });
});

describe('master, ZooKeeper and client texts', () => {
  it('names a Master with its recovery state and what waits', () => {
    expect(masterAriaLabel(master)).toBe('Master master, ALIVE, 2 alive workers, 1 waiting application');
    expect(masterAriaLabel({ ...master, state: 'STANDBY', aliveWorkers: 1, waitingApps: 0, waitingDrivers: 2 })).toBe(
      'Master master, STANDBY, 1 alive worker, 2 waiting drivers',
    );
  });

  it('says a Master is down or its machine is off', () => {
    const down = { ...master, state: null, process: 'stopped' as const };
    expect(masterBadge(down)).toBe('down');
    expect(masterDataState(down)).toBe('down');
    expect(masterAriaLabel(down)).toBe('Master master, down');
    expect(masterBadge({ state: null, process: 'machine-off' })).toBe('machine off');
  });

  it('names ZooKeeper with its leader', () => {
    const zk: ZooKeeperNodeView = {
      kind: 'zookeeper',
      id: 'zk',
      host: 'zk',
      port: 2181,
      process: 'running',
      leader: 'master1',
    };
    expect(zooKeeperAriaLabel(zk)).toBe('ZooKeeper zk, running, leader master1');
    expect(zooKeeperAriaLabel({ ...zk, leader: null })).toBe('ZooKeeper zk, running, no leader');
    expect(zooKeeperAriaLabel({ ...zk, process: 'stopped' })).toBe('ZooKeeper zk, stopped');
  });

  it('names the client machine with its drivers and submit clients', () => {
    const c: ClientNodeView = { kind: 'client', id: 'client', host: 'client', processes: [], submitClients: 1 };
    expect(clientAriaLabel(c)).toBe(
      'Client machine client, spark-submit, 0 client-mode drivers, 1 submit client running',
    );
  });
});

describe('processAriaLabel', () => {
  it('names an executor and a finished driver', () => {
    expect(processAriaLabel(exec)).toBe('Executor exec 3, of app-20260101000005-0000, RUNNING, 2 cores · 1024.0 MiB');
    const d: ProcessCardView = {
      ...exec,
      id: 'driver-1',
      kind: 'driver',
      label: 'driver-…-0000',
      appId: null,
      state: 'FAILED',
      exitCode: 1,
      ended: true,
    };
    expect(processAriaLabel(d)).toBe('Driver driver-…-0000, FAILED, 2 cores · 1024.0 MiB, exit code 1');
  });
});

describe('isMenuKey', () => {
  it('opens the menu on Enter, the Menu key and Shift+F10 only', () => {
    expect(isMenuKey({ key: 'Enter', shiftKey: false })).toBe(true);
    expect(isMenuKey({ key: 'ContextMenu', shiftKey: false })).toBe(true);
    expect(isMenuKey({ key: 'F10', shiftKey: true })).toBe(true);
    expect(isMenuKey({ key: 'F10', shiftKey: false })).toBe(false);
    expect(isMenuKey({ key: ' ', shiftKey: false })).toBe(false);
  });
});

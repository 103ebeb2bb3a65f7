// Field subscriptions: a node's readers hear of that node's replacement only, the selection's
// readers of selection changes only, and count-only frames reach the workers they name.
import { describe, expect, it } from 'vitest';
import type { EngineFrame, WorkerNodeView } from '../engine/public';
import { createPlaygroundStore } from './store';
import { subscribeNode, subscribeSelection } from './store-fields';

function worker(id: string, runningTasks = 0): WorkerNodeView {
  return {
    kind: 'worker',
    id,
    host: id,
    port: 35000,
    workerId: `worker-20260101000000-${id}-35000`,
    state: 'ALIVE',
    process: 'running',
    registered: true,
    cores: 8,
    memoryMb: 16384,
    coresUsed: 8,
    memoryUsedMb: 4096,
    processes: [
      {
        id: 'app-20260101000001-0000/0',
        kind: 'executor',
        label: 'exec 0',
        appId: 'app-20260101000001-0000',
        state: 'RUNNING',
        cores: 8,
        memoryMb: 4096,
        exitCode: null,
        ended: false,
        runningTasks,
      },
    ],
  };
}

function frame(extra: Partial<EngineFrame>): EngineFrame {
  return {
    full: false,
    time: 1,
    epochMs: 1,
    idle: false,
    nextEventTime: null,
    nodes: [],
    counts: [],
    removed: [],
    messages: [],
    undrawn: 0,
    drops: [],
    changes: [],
    logs: [],
    skippedLogs: 0,
    flight: null,
    horizon: 1,
    ...extra,
  };
}

describe('store fields', () => {
  it('calls a node reader when that node is replaced, and no other', () => {
    const store = createPlaygroundStore();
    store.getState().applyFrame(frame({ full: true, nodes: [worker('w1'), worker('w2')] }));
    const heard: string[] = [];
    const off1 = subscribeNode(store, 'w1', () => heard.push('w1'));
    subscribeNode(store, 'w2', () => heard.push('w2'));
    let selections = 0;
    subscribeSelection(store, () => selections++);
    store.getState().applyFrame(frame({ counts: [{ id: 'w2', running: [3] }] }));
    expect(heard).toEqual(['w2']);
    const w2 = store.getState().nodes.w2;
    expect(w2?.kind === 'worker' && w2.processes[0]?.runningTasks).toBe(3);
    store.getState().setSpeed(10);
    expect(heard).toEqual(['w2']);
    store.getState().select({ kind: 'worker', id: 'w1' });
    expect(selections).toBe(1);
    expect(heard).toEqual(['w2']);
    off1();
    store.getState().applyFrame(frame({ nodes: [worker('w1', 5)] }));
    expect(heard).toEqual(['w2']);
  });
});

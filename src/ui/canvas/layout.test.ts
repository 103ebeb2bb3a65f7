import { describe, expect, it } from 'vitest';
import {
  assignSlots,
  COMPACT_WORKER_THRESHOLD,
  estimatedSize,
  gridColumns,
  layoutCluster,
  layoutKey,
  parseLayoutKey,
  type LayoutEntry,
} from './layout';
import type { NodeView } from '../../engine/public';

const worker = (id: string, cores = 8): LayoutEntry => ({ id, kind: 'worker', cores });
const workers = (n: number, cores = 8) => Array.from({ length: n }, (_, i) => worker(`w${i + 1}`, cores));

function boxes(entries: LayoutEntry[], compact: boolean, positions: Map<string, { x: number; y: number }>) {
  return entries.map((e) => {
    const p = positions.get(e.id);
    if (!p) throw new Error(`no position for ${e.id}`);
    return { id: e.id, ...p, ...estimatedSize(e, compact) };
  });
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('assignSlots', () => {
  it('gives new ids the lowest free slots in order', () => {
    expect([...assignSlots(new Map(), ['a', 'b', 'c'])]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
  });

  it('keeps the slots of ids that stay and reuses a freed one', () => {
    const first = assignSlots(new Map(), ['w1', 'w2', 'w3']);
    const without2 = assignSlots(first, ['w1', 'w3']);
    expect(without2.get('w3')).toBe(2);
    const added = assignSlots(without2, ['w1', 'w3', 'w4']);
    expect(added.get('w4')).toBe(1);
    expect(added.get('w3')).toBe(2);
  });

  it('never gives two ids one slot, even from a bad previous map', () => {
    const slots = assignSlots(
      new Map([
        ['a', 0],
        ['b', 0],
      ]),
      ['a', 'b'],
    );
    expect(new Set(slots.values()).size).toBe(2);
  });
});

describe('gridColumns', () => {
  it('never has more columns than workers', () => {
    expect(gridColumns(1, false)).toBe(1);
    expect(gridColumns(2, false)).toBeLessThanOrEqual(2);
    expect(gridColumns(0, false)).toBe(1);
  });

  it('is wider than tall for many workers', () => {
    const cols = gridColumns(500, true);
    expect(cols).toBeGreaterThan(Math.ceil(500 / cols) * 0.5);
    expect(cols).toBeLessThan(500);
  });
});

describe('layoutCluster', () => {
  const cluster: LayoutEntry[] = [
    { id: 'client', kind: 'client', cores: 0 },
    { id: 'master', kind: 'master', cores: 0 },
    ...workers(5),
  ];

  it('puts the client left of everything, masters on top, workers below', () => {
    const { positions } = layoutCluster(cluster);
    const client = positions.get('client');
    const master = positions.get('master');
    expect(client && master).toBeTruthy();
    const ws = workers(5).map((w) => positions.get(w.id));
    for (const w of ws) {
      expect(w).toBeDefined();
      expect(w!.y).toBeGreaterThan(master!.y + estimatedSize({ kind: 'master', cores: 0 }, false).height);
      expect(w!.x).toBeGreaterThan(client!.x + estimatedSize({ kind: 'client', cores: 0 }, false).width);
    }
    expect(client!.x + estimatedSize({ kind: 'client', cores: 0 }, false).width).toBeLessThan(master!.x);
  });

  it('centres the master row over the worker grid', () => {
    const { positions } = layoutCluster(cluster);
    const xs = workers(5).map((w) => positions.get(w.id)!.x);
    const gridMid = (Math.min(...xs) + Math.max(...xs) + estimatedSize(worker('x'), false).width) / 2;
    const m = positions.get('master')!;
    expect(m.x + estimatedSize({ kind: 'master', cores: 0 }, false).width / 2).toBeCloseTo(gridMid, 5);
  });

  it('lays out standby masters and ZooKeeper side by side without overlap', () => {
    const entries: LayoutEntry[] = [
      { id: 'master1', kind: 'master', cores: 0 },
      { id: 'master2', kind: 'master', cores: 0 },
      { id: 'zk', kind: 'zookeeper', cores: 0 },
      ...workers(3),
    ];
    const { positions } = layoutCluster(entries);
    const b = boxes(entries, false, positions);
    for (let i = 0; i < b.length; i++)
      for (let j = i + 1; j < b.length; j++) expect(overlaps(b[i]!, b[j]!)).toBe(false);
    expect(positions.get('master1')!.y).toBe(positions.get('zk')!.y);
  });

  it('has no overlapping nodes with mixed core counts', () => {
    const entries: LayoutEntry[] = [
      { id: 'client', kind: 'client', cores: 0 },
      { id: 'master', kind: 'master', cores: 0 },
      worker('w1', 4),
      worker('w2', 64),
      worker('w3', 1024),
      worker('w4', 16),
      worker('w5', 128),
      worker('w6', 2),
    ];
    const { positions } = layoutCluster(entries);
    const b = boxes(entries, false, positions);
    for (let i = 0; i < b.length; i++)
      for (let j = i + 1; j < b.length; j++) expect(overlaps(b[i]!, b[j]!), `${b[i]!.id}/${b[j]!.id}`).toBe(false);
  });

  it('goes compact above the threshold and still does not overlap at 500 workers', () => {
    expect(layoutCluster(workers(COMPACT_WORKER_THRESHOLD)).compact).toBe(false);
    const many: LayoutEntry[] = [{ id: 'master', kind: 'master', cores: 0 }, ...workers(500)];
    const layout = layoutCluster(many);
    expect(layout.compact).toBe(true);
    const b = boxes(many, true, layout.positions);
    for (let i = 0; i < b.length; i++)
      for (let j = i + 1; j < b.length; j++)
        if (overlaps(b[i]!, b[j]!)) expect.fail(`${b[i]!.id} overlaps ${b[j]!.id}`);
  });

  it('keeps other workers in place when one is removed', () => {
    const before = layoutCluster(workers(6));
    const rest = workers(6).filter((w) => w.id !== 'w2');
    const after = layoutCluster(rest, before.slots);
    for (const w of rest) expect(after.positions.get(w.id)).toEqual(before.positions.get(w.id));
  });

  it('is a pure function of its input', () => {
    expect(layoutCluster(cluster)).toEqual(layoutCluster(cluster));
  });

  it('handles an empty cluster and a cluster without workers', () => {
    expect(layoutCluster([]).positions.size).toBe(0);
    const { positions } = layoutCluster([
      { id: 'master', kind: 'master', cores: 0 },
      { id: 'client', kind: 'client', cores: 0 },
    ]);
    expect(positions.get('client')!.x).toBeLessThan(positions.get('master')!.x);
  });
});

describe('layoutKey', () => {
  it('round-trips kind and cores and skips unknown ids', () => {
    const nodes: Record<string, NodeView> = {
      master: {
        kind: 'master',
        id: 'master',
        host: 'master',
        port: 7077,
        state: 'ALIVE',
        process: 'running',
        waitingApps: 0,
        waitingDrivers: 0,
        aliveWorkers: 1,
      },
      w1: {
        kind: 'worker',
        id: 'w1',
        host: 'w1',
        port: 35000,
        workerId: null,
        state: null,
        process: 'running',
        registered: false,
        cores: 12,
        memoryMb: 1024,
        coresUsed: 0,
        memoryUsedMb: 0,
        processes: [],
      },
    };
    const key = layoutKey(['master', 'gone', 'w1'], nodes);
    expect(parseLayoutKey(key)).toEqual([
      { id: 'master', kind: 'master', cores: 0 },
      { id: 'w1', kind: 'worker', cores: 12 },
    ]);
    expect(parseLayoutKey('')).toEqual([]);
  });

  it('changes when a worker changes its cores but not when its usage changes', () => {
    const w = (cores: number, coresUsed: number): Record<string, NodeView> => ({
      w1: {
        kind: 'worker',
        id: 'w1',
        host: 'w1',
        port: 1,
        workerId: null,
        state: null,
        process: 'running',
        registered: false,
        cores,
        memoryMb: 1,
        coresUsed,
        memoryUsedMb: 0,
        processes: [],
      },
    });
    expect(layoutKey(['w1'], w(8, 0))).toBe(layoutKey(['w1'], w(8, 6)));
    expect(layoutKey(['w1'], w(8, 0))).not.toBe(layoutKey(['w1'], w(16, 0)));
  });
});

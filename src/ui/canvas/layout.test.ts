import { describe, expect, it } from 'vitest';
import {
  assignSlots,
  estimatedSize,
  fitTransform,
  FULL_CARD_ZOOM,
  GLYPH_NAME_FONT_PX,
  layoutCluster,
  layoutKey,
  MAX_FIT_ZOOM,
  MIN_TEXT_PX,
  parseLayoutKey,
  unionRect,
  workerRendering,
  type LayoutEntry,
  type Rect,
  type Viewport,
} from './layout';
import type { NodeView } from '../../engine/public';

const worker = (id: string, cores = 8): LayoutEntry => ({ id, kind: 'worker', cores });
const workers = (n: number, cores = 8) => Array.from({ length: n }, (_, i) => worker(`w${i + 1}`, cores));
const client: LayoutEntry = { id: 'client', kind: 'client', cores: 0 };
const master: LayoutEntry = { id: 'master', kind: 'master', cores: 0 };

/** The canvases the page has at 1280×720, 1440×900 and on a tablet in portrait (820×1180). */
const LAPTOP: Viewport = { width: 755, height: 569 };
const DESKTOP: Viewport = { width: 915, height: 781 };
const TABLET: Viewport = { width: 687, height: 708 };

function boxes(
  entries: readonly LayoutEntry[],
  positions: Map<string, { x: number; y: number }>,
): (Rect & { id: string })[] {
  return entries.map((e) => {
    const p = positions.get(e.id);
    if (!p) throw new Error(`no position for ${e.id}`);
    return { id: e.id, ...p, ...estimatedSize(e) };
  });
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function expectNoOverlap(entries: readonly LayoutEntry[], positions: Map<string, { x: number; y: number }>) {
  const b = boxes(entries, positions);
  for (let i = 0; i < b.length; i++)
    for (let j = i + 1; j < b.length; j++) if (overlaps(b[i]!, b[j]!)) expect.fail(`${b[i]!.id} overlaps ${b[j]!.id}`);
}

/** Where a box lands on screen under the fitted transform. */
function onScreen(r: Rect, t: { x: number; y: number; zoom: number }): Rect {
  return { x: r.x * t.zoom + t.x, y: r.y * t.zoom + t.y, width: r.width * t.zoom, height: r.height * t.zoom };
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

describe('layoutCluster', () => {
  const cluster: LayoutEntry[] = [client, master, ...workers(4)];

  it('puts the Masters on top with a clear band above the worker grid', () => {
    const { positions } = layoutCluster(cluster, LAPTOP);
    const m = positions.get('master')!;
    const mBottom = m.y + estimatedSize(master).height;
    for (const w of workers(4)) expect(positions.get(w.id)!.y).toBeGreaterThanOrEqual(mBottom + 40);
  });

  it('keeps the client out of the way of the arrows: in the top row, or left of the whole grid', () => {
    for (const viewport of [LAPTOP, DESKTOP, TABLET]) {
      for (const entries of [cluster, [client, master, ...workers(2)], [client, master, ...workers(9)]]) {
        const { positions, arrangement } = layoutCluster(entries, viewport);
        const c = positions.get('client')!;
        const cBox = { ...c, ...estimatedSize(client) };
        const ws = boxes(
          entries.filter((e) => e.kind === 'worker'),
          positions,
        );
        if (arrangement.client === 'top') {
          expect(c.y).toBe(positions.get('master')!.y);
          expect(cBox.x + cBox.width).toBeLessThan(positions.get('master')!.x);
        } else {
          for (const w of ws) expect(cBox.x + cBox.width).toBeLessThan(w.x);
        }
        expectNoOverlap(entries, positions);
      }
    }
  });

  it('fits the whole cluster in both dimensions, at a zoom where 11 px text stays legible, from 1280×720 to a tablet', () => {
    const shapes: LayoutEntry[][] = [
      [client, master, ...workers(2, 4)],
      [client, master, ...workers(3)],
      [client, master, ...workers(4)],
      [
        client,
        { id: 'm1', kind: 'master', cores: 0 },
        { id: 'm2', kind: 'master', cores: 0 },
        { id: 'zk', kind: 'zookeeper', cores: 0 },
        ...workers(2, 4),
      ],
    ];
    for (const viewport of [LAPTOP, DESKTOP, TABLET]) {
      for (const entries of shapes) {
        const layout = layoutCluster(entries, viewport);
        const t = fitTransform(layout.bounds, viewport);
        expect(t.zoom, `${entries.length} nodes in ${viewport.width}×${viewport.height}`).toBeGreaterThanOrEqual(1);
        for (const b of boxes(entries, layout.positions)) {
          const s = onScreen(b, t);
          expect(s.x).toBeGreaterThanOrEqual(0);
          expect(s.y).toBeGreaterThanOrEqual(0);
          expect(s.x + s.width).toBeLessThanOrEqual(viewport.width + 1e-6);
          expect(s.y + s.height).toBeLessThanOrEqual(viewport.height + 1e-6);
        }
      }
    }
  });

  it('chooses the column count from the canvas: wide canvases get more columns than tall ones', () => {
    const many = [master, ...workers(24)];
    const wide = layoutCluster(many, { width: 1600, height: 600 }).arrangement.columns;
    const tall = layoutCluster(many, { width: 600, height: 1600 }).arrangement.columns;
    expect(wide).toBeGreaterThan(tall);
    // And the chosen count is the best one: the fit is at least as large as with any other.
    const viewport = { width: 1600, height: 600 };
    const chosen = fitTransform(layoutCluster(many, viewport).bounds, viewport).zoom;
    expect(chosen).toBeGreaterThan(
      fitTransform(layoutCluster(many, { width: 600, height: 1600 }).bounds, viewport).zoom,
    );
  });

  it('leaves room at the top for a notice over the canvas', () => {
    const viewport = { ...LAPTOP, topInset: 60 };
    const layout = layoutCluster(cluster, viewport);
    const t = fitTransform(layout.bounds, viewport);
    for (const b of boxes(cluster, layout.positions)) expect(onScreen(b, t).y).toBeGreaterThanOrEqual(60);
  });

  it('stops the fit at MAX_FIT_ZOOM on a large canvas', () => {
    const viewport = { width: 3000, height: 2000 };
    expect(fitTransform(layoutCluster([master, ...workers(1)], viewport).bounds, viewport).zoom).toBe(MAX_FIT_ZOOM);
  });

  it('lays out standby Masters and ZooKeeper side by side without overlap', () => {
    const entries: LayoutEntry[] = [
      { id: 'master1', kind: 'master', cores: 0 },
      { id: 'master2', kind: 'master', cores: 0 },
      { id: 'zk', kind: 'zookeeper', cores: 0 },
      ...workers(3),
    ];
    const { positions } = layoutCluster(entries, LAPTOP);
    expectNoOverlap(entries, positions);
    expect(positions.get('master1')!.y).toBe(positions.get('zk')!.y);
  });

  it('has no overlapping nodes with mixed core counts', () => {
    const entries: LayoutEntry[] = [
      client,
      master,
      worker('w1', 4),
      worker('w2', 64),
      worker('w3', 1024),
      worker('w4', 16),
      worker('w5', 128),
      worker('w6', 2),
    ];
    for (const viewport of [LAPTOP, TABLET]) expectNoOverlap(entries, layoutCluster(entries, viewport).positions);
  });

  it('lays out 500 workers in a grid shaped like the canvas, without overlap', () => {
    const many: LayoutEntry[] = [client, master, ...workers(500)];
    const layout = layoutCluster(many, LAPTOP);
    expectNoOverlap(many, layout.positions);
    const aspect = layout.bounds.width / layout.bounds.height;
    expect(aspect).toBeGreaterThan((LAPTOP.width / LAPTOP.height) * 0.8);
    expect(aspect).toBeLessThan((LAPTOP.width / LAPTOP.height) * 1.25);
  });

  it('keeps other workers in place when one is removed or added', () => {
    const before = layoutCluster(workers(6), LAPTOP);
    const rest = workers(6).filter((w) => w.id !== 'w2');
    const after = layoutCluster(rest, LAPTOP, before.slots);
    for (const w of rest) expect(after.positions.get(w.id)).toEqual(before.positions.get(w.id));
    // A newcomer takes the freed slot; nobody else moves.
    const again = layoutCluster([...rest, worker('w7')], LAPTOP, after.slots);
    expect(again.slots.get('w7')).toBe(before.slots.get('w2'));
    for (const w of rest) expect(again.positions.get(w.id)).toEqual(before.positions.get(w.id));
  });

  it('keeps the slot order when a resize changes the column count', () => {
    const first = layoutCluster([master, ...workers(8)], { width: 1600, height: 500 });
    const second = layoutCluster([master, ...workers(8)], { width: 500, height: 1600 }, first.slots);
    expect(second.arrangement.columns).not.toBe(first.arrangement.columns);
    expect([...second.slots]).toEqual([...first.slots]);
    // Reading order (row by row) is still slot order.
    const order = workers(8)
      .map((w) => ({ id: w.id, p: second.positions.get(w.id)! }))
      .sort((a, b) => a.p.y - b.p.y || a.p.x - b.p.x)
      .map((w) => w.id);
    expect(order).toEqual(workers(8).map((w) => w.id));
  });

  it('is a pure function of its input', () => {
    expect(layoutCluster(cluster, TABLET)).toEqual(layoutCluster(cluster, TABLET));
  });

  it('handles an empty cluster and a cluster without workers', () => {
    expect(layoutCluster([]).positions.size).toBe(0);
    const { positions } = layoutCluster([master, client]);
    expect(positions.get('client')!.x).toBeLessThan(positions.get('master')!.x);
  });
});

describe('workerRendering', () => {
  it('draws cards from FULL_CARD_ZOOM up, glyphs below, named only where the name renders at 11 px', () => {
    expect(workerRendering(1)).toBe('card');
    expect(workerRendering(FULL_CARD_ZOOM)).toBe('card');
    expect(workerRendering(FULL_CARD_ZOOM - 0.01)).toBe('glyph-named');
    expect(workerRendering(MIN_TEXT_PX / GLYPH_NAME_FONT_PX)).toBe('glyph-named');
    expect(workerRendering(MIN_TEXT_PX / GLYPH_NAME_FONT_PX - 0.01)).toBe('glyph');
    expect(workerRendering(0.05)).toBe('glyph');
  });
});

describe('unionRect', () => {
  it('holds both rectangles', () => {
    expect(unionRect({ x: 0, y: 0, width: 10, height: 10 }, { x: -5, y: 5, width: 10, height: 20 })).toEqual({
      x: -5,
      y: 0,
      width: 15,
      height: 25,
    });
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

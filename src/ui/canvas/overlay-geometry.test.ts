import { describe, expect, it } from 'vitest';
import {
  borderPoint,
  centre,
  chooseLabels,
  dropText,
  flightAlpha,
  flightLabel,
  flightShown,
  LABEL_CAP,
  labelCap,
  placeLabels,
  pointAlong,
  segmentBetween,
  toScreen,
} from './overlay-geometry';

const box = (x: number, y: number, width = 100, height = 50) => ({ x, y, width, height });

describe('borderPoint', () => {
  it('leaves through the side facing the target', () => {
    const r = box(0, 0);
    expect(borderPoint(r, { x: 1000, y: 25 }, 0)).toEqual({ x: 100, y: 25 });
    expect(borderPoint(r, { x: 50, y: -500 }, 0)).toEqual({ x: 50, y: 0 });
    expect(borderPoint(r, { x: 50, y: 25 }, 0)).toEqual(centre(r));
  });

  it('takes the corner side on a diagonal', () => {
    const p = borderPoint(box(0, 0, 100, 100), { x: 200, y: 150 }, 0);
    expect(p.x).toBeCloseTo(100);
    expect(p.y).toBeCloseTo(83.333);
  });
});

describe('segmentBetween', () => {
  it('runs border to border', () => {
    const s = segmentBetween(box(0, 0), box(300, 0), 0);
    expect(s).toEqual({ from: { x: 104, y: 25 }, to: { x: 296, y: 25 } });
  });

  it('puts a request and its reply on opposite sides', () => {
    const there = segmentBetween(box(0, 0), box(300, 0), 3)!;
    const back = segmentBetween(box(300, 0), box(0, 0), 3)!;
    expect(there.from.y).toBe(28);
    expect(back.from.y).toBe(22);
  });

  it('draws nothing between overlapping boxes', () => {
    expect(segmentBetween(box(0, 0), box(0, 0))).toBeNull();
    expect(segmentBetween(box(0, 0), box(50, 10))).toBeNull();
  });
});

describe('pointAlong and toScreen', () => {
  it('interpolates and applies the viewport', () => {
    const s = { from: { x: 0, y: 0 }, to: { x: 10, y: 20 } };
    expect(pointAlong(s, 0.5)).toEqual({ x: 5, y: 10 });
    expect(toScreen({ x: 10, y: 20 }, { x: 5, y: -5, zoom: 2 })).toEqual({ x: 25, y: 35 });
  });
});

describe('flightShown', () => {
  const on = { showHeartbeats: true, showTasks: true };
  it('hides same-machine messages and the toggled kinds', () => {
    expect(flightShown({ from: 'a', to: 'a', kind: 'state' }, on)).toBe(false);
    expect(flightShown({ from: 'a', to: 'b', kind: 'heartbeat' }, on)).toBe(true);
    expect(flightShown({ from: 'a', to: 'b', kind: 'heartbeat' }, { ...on, showHeartbeats: false })).toBe(false);
    expect(flightShown({ from: 'a', to: 'b', kind: 'task' }, { ...on, showTasks: false })).toBe(false);
    expect(flightShown({ from: 'a', to: 'b', kind: 'registration' }, { showHeartbeats: false, showTasks: false })).toBe(
      true,
    );
  });
});

describe('labels', () => {
  it('adds the count of grouped messages', () => {
    expect(flightLabel({ label: 'LaunchTask', count: 1 })).toBe('LaunchTask');
    expect(flightLabel({ label: 'LaunchTask', count: 12 })).toBe('LaunchTask ×12');
  });

  it('draws heartbeats faint', () => {
    expect(flightAlpha('heartbeat')).toBeLessThan(0.5);
    expect(flightAlpha('registration')).toBe(1);
  });

  it('prints a loss reason', () => {
    expect(dropText('host-down')).toBe('lost: host down');
  });

  it('labels everything under the cap', () => {
    const fl = [
      { id: 1, kind: 'task' as const, t: 0 },
      { id: 2, kind: 'heartbeat' as const, t: 1 },
    ];
    expect(chooseLabels(fl)).toEqual(new Set([1, 2]));
  });

  it('over the cap keeps losses, then control messages, then the newest', () => {
    const flights = [
      ...Array.from({ length: 100 }, (_, i) => ({ id: i, kind: 'task' as const, t: i })),
      ...Array.from({ length: 100 }, (_, i) => ({ id: 100 + i, kind: 'heartbeat' as const, t: 500 + i })),
      { id: 1000, kind: 'registration' as const, t: 0 },
      { id: 1001, kind: 'heartbeat' as const, t: 0, dropped: 'partition' },
    ];
    const chosen = chooseLabels(flights);
    expect(chosen.size).toBe(LABEL_CAP);
    expect(chosen.has(1001)).toBe(true);
    expect(chosen.has(1000)).toBe(true);
    // The rest are the newest tasks, no heartbeats.
    expect(chosen.has(99)).toBe(true);
    expect(chosen.has(100)).toBe(false);
    expect(chosen.has(0)).toBe(false);
  });
});

describe('placeLabels', () => {
  it('keeps a free spot and moves a clashing label up', () => {
    const [a, b] = placeLabels([
      { x: 50, y: 100, width: 40, height: 10 },
      { x: 55, y: 100, width: 40, height: 10 },
    ]);
    expect(a).toEqual({ x: 30, y: 90 });
    expect(b).toEqual({ x: 35, y: 78 });
  });

  it('leaves a label out when there is no room after the tries', () => {
    const same = { x: 0, y: 0, width: 10, height: 10 };
    const out = placeLabels([same, same, same], 1);
    expect(out[0]).not.toBeNull();
    expect(out[1]).not.toBeNull();
    expect(out[2]).toBeNull();
  });
});

describe('labelCap', () => {
  it('draws fewer labels when zoomed far out', () => {
    expect(labelCap(1)).toBe(LABEL_CAP);
    expect(labelCap(0.6)).toBe(LABEL_CAP);
    expect(labelCap(0.4)).toBeLessThan(LABEL_CAP);
    expect(labelCap(0.1)).toBeLessThan(labelCap(0.4));
    expect(labelCap(0.1)).toBeGreaterThan(0);
  });
});

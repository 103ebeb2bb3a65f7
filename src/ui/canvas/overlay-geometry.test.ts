import { describe, expect, it } from 'vitest';
import {
  flightAlpha,
  flightShown,
  LABEL_CAP,
  labelCap,
  pointAlong,
  segmentBetween,
  segmentInto,
  toScreen,
} from './overlay-geometry';

const box = (x: number, y: number, width = 100, height = 50) => ({ x, y, width, height });

describe('segmentBetween', () => {
  it('runs border to border', () => {
    const s = segmentBetween(box(0, 0), box(300, 0), 0);
    expect(s).toEqual({ from: { x: 104, y: 25 }, to: { x: 296, y: 25 } });
  });

  it('leaves through the side facing the target, the corner side on a diagonal', () => {
    const down = segmentBetween(box(0, 0), box(0, 500), 0)!;
    expect(down.from).toEqual({ x: 50, y: 54 });
    expect(down.to).toEqual({ x: 50, y: 496 });
    const diagonal = segmentBetween(box(0, 0, 100, 100), box(400, 300, 100, 100), 0)!;
    // Through the right side of the first box (x = 100 + gap), at 3/4 of the way down it.
    expect(diagonal.from.x).toBeCloseTo(104);
    expect(diagonal.from.y).toBeCloseTo(50 + 54 * 0.75);
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

  it('writes into the segment it is given, with the gap asked for', () => {
    const out = { from: { x: 0, y: 0 }, to: { x: 0, y: 0 } };
    expect(segmentInto(box(0, 0), box(300, 0), 0, 10, out)).toBe(true);
    expect(out).toEqual({ from: { x: 110, y: 25 }, to: { x: 290, y: 25 } });
    expect(segmentInto(box(0, 0), box(150, 0), 0, 30, out)).toBe(false);
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
  const on = { showHeartbeats: true, showTasks: true, showReplies: true };
  it('hides same-machine messages and the toggled kinds', () => {
    expect(flightShown({ from: 'a', to: 'a', kind: 'state' }, on)).toBe(false);
    expect(flightShown({ from: 'a', to: 'b', kind: 'heartbeat' }, on)).toBe(true);
    expect(flightShown({ from: 'a', to: 'b', kind: 'heartbeat' }, { ...on, showHeartbeats: false })).toBe(false);
    expect(flightShown({ from: 'a', to: 'b', kind: 'task' }, { ...on, showTasks: false })).toBe(false);
    expect(
      flightShown(
        { from: 'a', to: 'b', kind: 'registration' },
        { showHeartbeats: false, showTasks: false, showReplies: false },
      ),
    ).toBe(true);
  });

  it('hides the replies to asks with their toggle, and nothing else', () => {
    const reply = { from: 'master', to: 'w1', kind: 'state' as const, answers: 'ExecutorStateChanged' };
    expect(flightShown(reply, on)).toBe(true);
    expect(flightShown(reply, { ...on, showReplies: false })).toBe(false);
    expect(flightShown({ ...reply, answers: undefined }, { ...on, showReplies: false })).toBe(true);
  });
});

describe('flightAlpha', () => {
  it('draws heartbeats faint', () => {
    expect(flightAlpha('heartbeat')).toBeLessThan(0.5);
    expect(flightAlpha('registration')).toBe(1);
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

// Timeline arithmetic and the drag throttle (with a fake clock).
import { describe, expect, it } from 'vitest';
import {
  type Clock,
  createThrottle,
  failureTone,
  fractionOf,
  keyTarget,
  MIN_SPAN_MS,
  pointerToMs,
  tickLabel,
  ticks,
  tickStep,
  timelineEnd,
} from './timeline-scale';

describe('timelineEnd', () => {
  it('covers the horizon, the playhead and actions still to come', () => {
    expect(timelineEnd(0, 0, [])).toBe(MIN_SPAN_MS);
    expect(timelineEnd(120_000, 30_000, [])).toBe(120_000);
    expect(timelineEnd(10_000, 12_000, [])).toBe(12_000);
    expect(timelineEnd(10_000, 5_000, [{ at: 15_000 }, { at: 3_000 }])).toBe(15_000);
  });
});

describe('ms ↔ position', () => {
  it('maps time to a fraction, clamped', () => {
    expect(fractionOf(0, 1000)).toBe(0);
    expect(fractionOf(250, 1000)).toBe(0.25);
    expect(fractionOf(2000, 1000)).toBe(1);
    expect(fractionOf(-5, 1000)).toBe(0);
    expect(fractionOf(5, 0)).toBe(0);
  });

  it('maps a pointer to whole ms, clamped to the bar', () => {
    const bar = { left: 100, width: 400 };
    expect(pointerToMs(100, bar, 60_000)).toBe(0);
    expect(pointerToMs(300, bar, 60_000)).toBe(30_000);
    expect(pointerToMs(201, bar, 1000)).toBe(253);
    expect(pointerToMs(50, bar, 60_000)).toBe(0);
    expect(pointerToMs(900, bar, 60_000)).toBe(60_000);
    expect(pointerToMs(300, { left: 0, width: 0 }, 60_000)).toBe(0);
  });

  it('round-trips within a pixel', () => {
    const bar = { left: 0, width: 1000 };
    for (const ms of [0, 1234, 33_333, 59_999]) {
      const x = fractionOf(ms, 60_000) * bar.width;
      expect(Math.abs(pointerToMs(x, bar, 60_000) - ms)).toBeLessThanOrEqual(60);
    }
  });
});

describe('keyTarget', () => {
  it('steps 1 s with arrows, 10 s with Page keys, jumps with Home/End, never before 0', () => {
    expect(keyTarget('ArrowRight', 5000, 60_000)).toBe(6000);
    expect(keyTarget('ArrowUp', 5000, 60_000)).toBe(6000);
    expect(keyTarget('ArrowLeft', 5000, 60_000)).toBe(4000);
    expect(keyTarget('ArrowDown', 500, 60_000)).toBe(0);
    expect(keyTarget('PageUp', 5000, 60_000)).toBe(15_000);
    expect(keyTarget('PageDown', 5000, 60_000)).toBe(0);
    expect(keyTarget('PageUp', 55_000, 60_000)).toBe(65_000);
    expect(keyTarget('ArrowRight', 1000, 1000)).toBe(2000);
    expect(keyTarget('Home', 5000, 60_000)).toBe(0);
    expect(keyTarget('End', 5000, 60_000)).toBe(60_000);
    expect(keyTarget('a', 5000, 60_000)).toBeNull();
  });
});

describe('ticks', () => {
  it('picks a readable step that keeps labels apart', () => {
    expect(tickStep(10_000, 800)).toBe(1000);
    expect(tickStep(120_000, 800)).toBe(15_000);
    expect(tickStep(3_600_000, 600)).toBe(600_000);
    expect(tickStep(1000, 0)).toBe(86_400_000);
  });
  it('lists ticks from zero to the end', () => {
    expect(ticks(5000, 2000)).toEqual([0, 2000, 4000]);
    expect(ticks(4000, 2000)).toEqual([0, 2000, 4000]);
  });
  it('labels in seconds below a minute, as a clock above', () => {
    expect(tickLabel(500, 5000)).toBe('0.5 s');
    expect(tickLabel(45_000, 50_000)).toBe('45 s');
    expect(tickLabel(90_000, 120_000)).toBe('1:30');
    expect(tickLabel(3_720_000, 7_200_000)).toBe('1:02:00');
  });
});

describe('failureTone', () => {
  it('is red for what broke, amber for what was stopped or is in doubt', () => {
    for (const s of ['LOST', 'FAILED', 'ERROR', 'DEAD']) expect(failureTone(s)).toBe('danger');
    for (const s of ['KILLED', 'RELAUNCHING', 'UNKNOWN']) expect(failureTone(s)).toBe('warn');
  });
});

describe('createThrottle', () => {
  function fakeClock() {
    let now = 0;
    const timers = new Map<number, { at: number; fn: () => void }>();
    let id = 0;
    const clock: Clock = {
      now: () => now,
      setTimeout: (fn, ms) => {
        timers.set(++id, { at: now + ms, fn });
        return id;
      },
      clearTimeout: (h) => void timers.delete(h as number),
    };
    const advance = (ms: number) => {
      now += ms;
      for (const [k, t] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at <= now) {
          timers.delete(k);
          t.fn();
        }
      }
    };
    return { clock, advance, pending: () => timers.size };
  }

  it('runs the first value at once, then at most once per interval with the latest value', () => {
    const { clock, advance } = fakeClock();
    const seen: number[] = [];
    const th = createThrottle<number>((v) => seen.push(v), 100, clock);
    th.call(1);
    expect(seen).toEqual([1]);
    advance(20);
    th.call(2);
    advance(20);
    th.call(3);
    expect(seen).toEqual([1]);
    advance(60);
    expect(seen).toEqual([1, 3]);
    advance(200);
    th.call(4);
    expect(seen).toEqual([1, 3, 4]);
  });

  it('flush drops what is pending and runs the final value once', () => {
    const { clock, advance, pending } = fakeClock();
    const seen: number[] = [];
    const th = createThrottle<number>((v) => seen.push(v), 100, clock);
    th.call(1);
    advance(10);
    th.call(2);
    th.flush(9);
    expect(seen).toEqual([1, 9]);
    expect(pending()).toBe(0);
    advance(500);
    expect(seen).toEqual([1, 9]);
  });

  it('cancel forgets a pending value', () => {
    const { clock, advance } = fakeClock();
    const seen: number[] = [];
    const th = createThrottle<number>((v) => seen.push(v), 100, clock);
    th.call(1);
    th.call(2);
    th.cancel();
    advance(500);
    expect(seen).toEqual([1]);
  });
});

describe('createThrottle flush after a click', () => {
  it('does not send the same final value twice', () => {
    let now = 0;
    const clock: Clock = { now: () => now, setTimeout: () => 1, clearTimeout: () => undefined };
    const seen: number[] = [];
    const th = createThrottle<number>((v) => seen.push(v), 100, clock);
    th.call(5);
    th.flush(5);
    expect(seen).toEqual([5]);
    now = 1000;
    th.call(6);
    th.call(7);
    th.flush(7);
    expect(seen).toEqual([5, 6, 7]);
  });
});

// The timeline's arithmetic: its length, ms ↔ position, keyboard steps, tick marks, marker tones,
// and the throttle that keeps a drag from flooding the engine with seeks.
import type { TimelineAction } from '../../engine/public';

/** The shortest timeline: at t = 0 the bar still has a scale. */
export const MIN_SPAN_MS = 1000;

/**
 * The timeline runs from 0 to the furthest of: the session's horizon, the playhead, and the
 * scenario's last action, so actions still to come show where they will happen.
 */
export function timelineEnd(horizon: number, time: number, actions: readonly Pick<TimelineAction, 'at'>[]): number {
  let end = Math.max(horizon, time, MIN_SPAN_MS);
  for (const a of actions) if (a.at > end) end = a.at;
  return end;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** Where `ms` sits on a timeline ending at `end`, 0…1. */
export function fractionOf(ms: number, end: number): number {
  return end > 0 ? clamp(ms / end, 0, 1) : 0;
}

/** The simulated ms under a pointer at client x over a bar at [left, left + width). Whole ms. */
export function pointerToMs(clientX: number, bar: { left: number; width: number }, end: number): number {
  if (bar.width <= 0) return 0;
  return Math.round(clamp((clientX - bar.left) / bar.width, 0, 1) * end);
}

export const SMALL_STEP_MS = 1000;
export const LARGE_STEP_MS = 10_000;

/**
 * The slider's keyboard: arrows ±1 s, Page keys ±10 s, Home / End. Null for other keys. Stepping
 * forward may go past the end: seeking there runs the simulation on, and the timeline grows.
 */
export function keyTarget(key: string, time: number, end: number): number | null {
  let t: number;
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      t = time - SMALL_STEP_MS;
      break;
    case 'ArrowRight':
    case 'ArrowUp':
      t = time + SMALL_STEP_MS;
      break;
    case 'PageDown':
      t = time - LARGE_STEP_MS;
      break;
    case 'PageUp':
      t = time + LARGE_STEP_MS;
      break;
    case 'Home':
      t = 0;
      break;
    case 'End':
      t = end;
      break;
    default:
      return null;
  }
  return Math.max(0, Math.round(t));
}

// Tick intervals people read easily, from a tenth of a second to a day.
const TICK_STEPS_MS = [
  100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000,
  3_600_000, 7_200_000, 14_400_000, 21_600_000, 43_200_000, 86_400_000,
];

/** The smallest readable interval that keeps labels at least `minGapPx` apart. */
export function tickStep(end: number, widthPx: number, minGapPx = 72): number {
  if (widthPx <= 0 || end <= 0) return TICK_STEPS_MS[TICK_STEPS_MS.length - 1] as number;
  for (const step of TICK_STEPS_MS) if ((step / end) * widthPx >= minGapPx) return step;
  return TICK_STEPS_MS[TICK_STEPS_MS.length - 1] as number;
}

/** Tick times from 0 to `end` inclusive at `step`. */
export function ticks(end: number, step: number): number[] {
  const out: number[] = [];
  for (let t = 0; t <= end; t += step) out.push(t);
  return out;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A tick's label: seconds on short timelines ("0.5 s", "45 s"), clock form past a minute ("1:30", "1:02:00"). */
export function tickLabel(ms: number, end: number): string {
  if (end < 60_000) return `${Number((ms / 1000).toFixed(1))} s`;
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${pad2(m)}:${pad2(s % 60)}` : `${m}:${pad2(s % 60)}`;
}

/** A failure marker's colour: things that broke (red) or were stopped / are in doubt (amber). */
export function failureTone(state: string): 'danger' | 'warn' {
  return state === 'KILLED' || state === 'RELAUNCHING' || state === 'UNKNOWN' ? 'warn' : 'danger';
}

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface Throttle<T> {
  /** Runs `fn` now if `intervalMs` passed since the last run, else once when it has (latest value). */
  call(value: T): void;
  /** Drops anything pending and runs `fn(value)` now, unless that is the value last run: the end of a drag. */
  flush(value: T): void;
  cancel(): void;
}

/** Leading-and-trailing throttle: the first value at once, then at most one per interval, the last one always. */
export function createThrottle<T>(fn: (value: T) => void, intervalMs: number, clock: Clock): Throttle<T> {
  let last = -Infinity;
  let lastValue: { value: T } | null = null;
  let timer: unknown = null;
  let pending: { value: T } | null = null;
  const run = (value: T): void => {
    last = clock.now();
    lastValue = { value };
    fn(value);
  };
  const cancel = (): void => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    pending = null;
  };
  return {
    call(value) {
      const wait = last + intervalMs - clock.now();
      if (wait <= 0 && timer === null) {
        run(value);
        return;
      }
      pending = { value };
      if (timer === null) {
        timer = clock.setTimeout(
          () => {
            timer = null;
            const p = pending;
            pending = null;
            if (p) run(p.value);
          },
          Math.max(0, wait),
        );
      }
    },
    flush(value) {
      cancel();
      // A click (press and release without moving) has already been sent by call().
      if (lastValue !== null && Object.is(lastValue.value, value)) return;
      run(value);
    },
    cancel,
  };
}

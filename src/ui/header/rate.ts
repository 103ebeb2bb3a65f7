// How the header words the current pace of simulated time: a short readout ("slowed for
// RegisterApplication", "16 tasks · real time", "quiet · 20×") and, for its tooltip, the rule
// behind it in a sentence, with the engine's own numbers (engine/pacing-rules.ts).
import {
  COUNTDOWN_WALL_MS,
  FLIGHT_VISIBLE_WALL_MS,
  QUIET_AFTER_WALL_MS,
  QUIET_BOOST,
  TASK_DOUBLING_WALL_MS,
  TASK_WATCH_WALL_MS,
} from '../../engine/public';
import type { RateReason } from '../store';

/** Simulated ms per wall ms, short: "0.004", "0.25", "2.5", "10", "1000". */
export function formatRate(rate: number): string {
  if (!Number.isFinite(rate) || rate <= 0) return '0';
  if (rate >= 100) return String(Math.round(rate));
  if (rate >= 1) return String(Number(rate.toFixed(1)));
  if (rate < 0.0001) return '< 0.0001';
  // Two significant digits below 1: the exact pace of a slowed-down flight is not the point.
  return String(Number(rate.toPrecision(2)));
}

/** "real time" at exactly 1×, else "20×" or "0.004×". */
function pace(rate: number): string {
  return rate === 1 ? 'real time' : `${formatRate(rate)}×`;
}

const seconds = (ms: number) => `${ms / 1000} s`;

/** A countdown's detail ("relaunch driver-…", "registration w1", "heartbeat w3") in words. */
function countdownWords(detail: string): { short: string; long: string } {
  const [kind = '', subject = ''] = detail.split(' ');
  switch (kind) {
    case 'relaunch':
      return { short: 'back-off', long: `the supervise back-off of ${subject}` };
    case 'registration':
      return { short: 'registration retry', long: `the registration retry of ${subject}` };
    case 'heartbeat':
      return { short: 'heartbeat timeout', long: `the Master's heartbeat timeout for ${subject}` };
    default:
      return { short: 'countdown', long: 'a countdown' };
  }
}

/** The readout beside the clock: why time runs as it does, in a few words. */
export function rateText(rate: number, reason: RateReason, detail = ''): string {
  switch (reason) {
    case 'paused':
      return 'paused';
    case 'flight':
      return detail ? `slowed for ${detail}` : `slowed · ${pace(rate)}`;
    case 'tasks': {
      const n = Number(detail);
      const tasks = n > 0 ? `${n} ${n === 1 ? 'task' : 'tasks'}` : 'tasks';
      return `${tasks} · ${pace(rate)}`;
    }
    case 'countdown':
      return `${countdownWords(detail).short} · ${pace(rate)}`;
    case 'normal':
      return pace(rate);
    case 'quiet':
      return `quiet · ${pace(rate)}`;
  }
}

/** The readout's tooltip: the rule that sets this pace, and the rate against real time. */
export function rateTitle(rate: number, reason: RateReason, detail = ''): string {
  const now = `Simulated time runs at ${formatRate(rate)}× real time (Speed multiplies every rule).`;
  switch (reason) {
    case 'paused':
      return 'Paused: simulated time stands still.';
    case 'flight':
      return `Slowed so ${detail || 'the message in flight'} can be read: a control message takes at least ${seconds(FLIGHT_VISIBLE_WALL_MS)} of real time to cross at Speed 1×. ${now}`;
    case 'tasks':
      return `Tasks running: at Speed 1× they play in real time, so each executor's tasks can be seen starting and finishing; after ${seconds(TASK_WATCH_WALL_MS)} a long task phase speeds up, doubling every ${seconds(TASK_DOUBLING_WALL_MS)} up to ${QUIET_BOOST}×. ${now}`;
    case 'countdown':
      return `Paced so ${countdownWords(detail).long} can be followed: a wait takes about ${seconds(COUNTDOWN_WALL_MS)} of real time at Speed 1× (never slower than real time, at most ${QUIET_BOOST}× faster). ${now}`;
    case 'normal':
      return `Nothing to watch in flight: real time at Speed 1×; after ${seconds(QUIET_AFTER_WALL_MS)} of this, ${QUIET_BOOST}× faster until something happens. ${now}`;
    case 'quiet':
      return `Quiet: nothing in flight, no tasks, no countdown, so time runs ${QUIET_BOOST}× faster until something happens. ${now}`;
  }
}

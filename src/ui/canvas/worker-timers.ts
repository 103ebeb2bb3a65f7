// The waits a Worker's card shows, in words, from the engine's own timers (views/countdowns.ts):
// its registration retries, and the Master's heartbeat timeout for a Worker it cannot hear.
import type { WorkerNodeView } from '../../engine/public';
import { secondsLeft } from './card-status';

const pad = (n: number) => String(n).padStart(2, '0');

/** A simulated instant as the header's clock reads it, without the milliseconds: "2:00", "1:02:05". */
export function clockText(ms: number): string {
  const t = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const s = t % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** "registering · attempt 3, next in 8 s" (Spark's connectionAttemptCount), or "registering · retry in 6 s" before the first retry. */
export function registeringText(w: Pick<WorkerNodeView, 'registering'>, now: number): string | null {
  const r = w.registering;
  if (!r) return null;
  const left = secondsLeft(r.at, now);
  const next = left > 0 ? `in ${left} s` : 'now';
  return r.attempt > 0 ? `registering · attempt ${r.attempt}, next ${next}` : `registering · retry ${next}`;
}

/** "silent 42 s · DEAD at 2:00 unless a heartbeat arrives": the Master's last heartbeat and its next timeout check. */
export function silentText(w: Pick<WorkerNodeView, 'silent'>, now: number): string | null {
  const s = w.silent;
  if (!s) return null;
  const age = Math.max(0, Math.floor((now - s.lastHeartbeatAt) / 1000));
  return `silent ${age} s · DEAD at ${clockText(s.deadAt)} unless a heartbeat arrives`;
}

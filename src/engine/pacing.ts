// Adaptive time (docs/architecture.md, "From a scenario to a drawn frame", step 6): how much
// simulated time a slice of wall time buys, and why. At 1×:
// - a control message (anything but heartbeats and task traffic) between two machines takes at
//   least FLIGHT_VISIBLE_WALL_MS of wall time to fly, so every arrow can be read;
// - while tasks run, time runs at 1× (tasks are seen starting and finishing); a long task phase
//   speeds up after TASK_WATCH_WALL_MS of wall time, doubling every TASK_DOUBLING_WALL_MS up to
//   QUIET_BOOST, so a job of 100,000 two-second tasks still ends within minutes;
// - while a countdown is on a card (a supervise back-off, a registration retry, a silent
//   Worker's heartbeat timeout; views/countdowns.ts), a wait of T takes about COUNTDOWN_WALL_MS
//   (T / COUNTDOWN_WALL_MS, between 1× and QUIET_BOOST), so each one can be followed;
// - otherwise time runs at 1×, and after QUIET_AFTER_WALL_MS of wall time with nothing of the
//   above QUIET_BOOST times faster (a 60 s heartbeat timeout passes in seconds).
// The slowest rule that applies wins; the speed multiplies all of it. Time is advanced event by
// event and stops at the send of a control message, at the first task of a task phase and at the
// start of a supervise back-off, so none is skipped over. Deterministic, and the simulation's results never depend on pacing: the
// wall time is an input, and the pacer only reads the run.
import type { ExecutorBackendState } from './spark/executor';
import type { MessageRecord } from './sim/kernel';
import type { Simulation } from './simulation';
import { countdowns, type Countdown } from './views/countdowns';
import { messageKind } from './views/message-kinds';
import {
  COUNTDOWN_WALL_MS,
  FLIGHT_VISIBLE_WALL_MS,
  QUIET_AFTER_WALL_MS,
  QUIET_BOOST,
  TASK_DOUBLING_WALL_MS,
  TASK_WATCH_WALL_MS,
} from './pacing-rules';

export type PaceReason = 'flight' | 'tasks' | 'countdown' | 'normal' | 'quiet';

export interface PaceReport {
  /** Simulated ms per wall ms at the end of the slice. */
  rate: number;
  reason: PaceReason;
  /**
   * What the reason is about, for the page's words: the message type in flight
   * ("RegisterApplication", a reply as "↩ RegisterWorker"), the running tasks' count ("16"), or the countdown
   * ("relaunch driver-…", "registration w1", "heartbeat w3"); empty when there is nothing to name.
   */
  detail: string;
  /** Simulated time with its fraction (the engine's clock is whole ms): for smooth arrows. */
  displayTime: number;
}

const CHATTER = new Set(['heartbeat', 'task']);

/** The task phase's rate (before the speed multiplier) after `wallMs` of wall time in it. */
export function taskPhaseRate(wallMs: number): number {
  if (wallMs < TASK_WATCH_WALL_MS) return 1;
  const doublings = 1 + Math.floor((wallMs - TASK_WATCH_WALL_MS) / TASK_DOUBLING_WALL_MS);
  return Math.min(QUIET_BOOST, 2 ** doublings);
}

/** A countdown's rate (before the speed multiplier): its whole wait in about COUNTDOWN_WALL_MS. */
export function countdownRate(cd: Pick<Countdown, 'since' | 'at'>): number {
  return Math.min(QUIET_BOOST, Math.max(1, (cd.at - cd.since) / COUNTDOWN_WALL_MS));
}

export class Pacer {
  private readonly sim: Simulation;
  /** Messages already looked at. */
  private cursor = 0;
  /** Control messages between machines that have not arrived yet. */
  private inFlight: MessageRecord[] = [];
  /** Executors seen given tasks: a task phase lasts while one of them runs some. */
  private taskExecutors = new Set<number>();
  /** Supervise relaunches counted so far (a new one starts a back-off countdown). */
  private restarts = 0;
  /** A countdown may have begun since the waits were read. */
  private waitsStale = false;
  /** Tasks were running when the pace was last looked at. */
  private inTaskPhase = false;
  private quietWall = 0;
  /** Wall ms spent in the current task phase (0 outside one). */
  private taskWall = 0;
  /** The fraction of a simulated ms owed to the clock (slow rates buy less than 1 ms a frame). */
  private carry = 0;
  private last: PaceReport = { rate: 0, reason: 'normal', detail: '', displayTime: 0 };

  constructor(sim: Simulation) {
    this.sim = sim;
    this.resync();
  }

  /** After a seek or reset: rebuild what is in flight from the trace. */
  resync(): void {
    const msgs = this.sim.cluster.k.messages;
    const now = this.sim.time;
    let from = msgs.length;
    while (from > 0 && (msgs[from - 1] as MessageRecord).t >= now - 120_000) from--;
    this.cursor = from;
    this.inFlight = [];
    this.taskExecutors = new Set();
    this.inTaskPhase = false;
    this.restarts = this.countRestarts();
    this.waitsStale = false;
    this.carry = 0;
    this.quietWall = 0;
    this.taskWall = 0;
    this.scan();
    this.last = { rate: 0, reason: 'normal', detail: '', displayTime: now };
  }

  get report(): PaceReport {
    return this.last;
  }

  private isControl(m: MessageRecord): boolean {
    if (CHATTER.has(messageKind(m.type))) return false;
    const k = this.sim.cluster.k;
    return k.proc(m.from).host !== k.proc(m.to).host;
  }

  /**
   * Tasks running now in live executors (what their cards count; a task the driver still believes
   * runs on a machine that lost power is not watched). `any` stops at the first executor with one.
   */
  private runningTasks(any: boolean): number {
    const k = this.sim.cluster.k;
    let n = 0;
    for (const pid of this.taskExecutors) {
      const p = k.proc<ExecutorBackendState>(pid);
      if (!p.alive) {
        this.taskExecutors.delete(pid);
        continue;
      }
      n += p.state.tasks.size;
      if (any && n > 0) return n;
    }
    return n;
  }

  /**
   * Looks at messages sent since the last scan; true when the pace must be looked at again: a
   * control message was among them, or the first task of a task phase.
   */
  private scan(): boolean {
    const msgs = this.sim.cluster.k.messages;
    let found = false;
    for (; this.cursor < msgs.length; this.cursor++) {
      const m = msgs[this.cursor] as MessageRecord;
      if (m.type === 'LaunchTask') {
        if (!this.inTaskPhase) found = true;
        this.inTaskPhase = true;
        this.taskExecutors.add(m.to);
      } else if (m.tDeliver > this.sim.time && this.isControl(m)) {
        this.inFlight.push(m);
        found = true;
      }
    }
    return found;
  }

  private prune(now: number): void {
    if (this.inFlight.some((m) => m.tDeliver <= now)) this.inFlight = this.inFlight.filter((m) => m.tDeliver > now);
  }

  private countRestarts(): number {
    let n = 0;
    for (const r of this.sim.cluster.world.driverRestarts.values()) n += r;
    return n;
  }

  /** A driver's back-off began (its restart was counted): the pace must be looked at again. */
  private backoffBegan(): boolean {
    if (this.sim.cluster.world.driverRestarts.size === 0) return false;
    const n = this.countRestarts();
    if (n === this.restarts) return false;
    this.restarts = n;
    this.waitsStale = true;
    return true;
  }

  /** Runs events up to `target`, stopping right after one that sends a control message or starts a back-off. */
  private runUntilControl(target: number): void {
    const msgs = this.sim.cluster.k.messages;
    this.sim.advanceTo(target, () => (this.cursor !== msgs.length && this.scan()) || this.backoffBegan());
  }

  /** A message's name for the readout: a reply to an ask is named after the ask ("↩ RegisterWorker"). */
  private flightName(m: MessageRecord): string {
    if (m.replyTo <= 0) return m.type;
    return `↩ ${this.sim.cluster.k.state.asks.get(m.replyTo)?.requestType ?? m.type}`;
  }

  /** The pace from now: the slowest rule that applies, and where a pass must stop to look again. */
  private paceNow(speed: number, waits: readonly Countdown[]) {
    const now = this.sim.time;
    let cap = Infinity;
    let rate = Infinity;
    let reason: PaceReason = 'normal';
    let detail = '';
    if (this.inFlight.length > 0) {
      let shortest: MessageRecord | null = null;
      for (const m of this.inFlight) {
        if (!shortest || m.tDeliver - m.t < shortest.tDeliver - shortest.t) shortest = m;
        cap = Math.min(cap, m.tDeliver);
      }
      const flight = shortest ? shortest.tDeliver - shortest.t : 1;
      rate = Math.min(1, Math.max(flight, 1) / FLIGHT_VISIBLE_WALL_MS);
      reason = 'flight';
      detail = shortest ? this.flightName(shortest) : '';
    }
    const tasks = this.taskExecutors.size > 0 && this.runningTasks(true) > 0;
    this.inTaskPhase = tasks;
    if (tasks) {
      const r = taskPhaseRate(this.taskWall);
      if (r < rate) {
        rate = r;
        reason = 'tasks';
        detail = 'tasks';
      }
    }
    let waitEnd = Infinity;
    for (const cd of waits) {
      if (cd.at <= now || cd.since > now) continue;
      // The pass ends when the wait does: what follows may be paced otherwise.
      waitEnd = Math.min(waitEnd, cd.at);
      const r = countdownRate(cd);
      if (r < rate) {
        rate = r;
        reason = 'countdown';
        detail = `${cd.kind} ${cd.subject}`;
      }
    }
    if (rate === Infinity) {
      reason = this.quietWall >= QUIET_AFTER_WALL_MS ? 'quiet' : 'normal';
      rate = reason === 'quiet' ? QUIET_BOOST : 1;
    }
    return { rate: rate * speed, reason, detail, cap: Math.min(cap, waitEnd), waitEnd, tasks };
  }

  /** Spends `wallMs` of wall time at `speed`; returns the pace at the end. */
  play(wallMs: number, speed: number): PaceReport {
    const sim = this.sim;
    let wall = Math.max(0, wallMs);
    let pace = {
      rate: speed,
      reason: 'normal' as PaceReason,
      detail: '',
      cap: Infinity,
      waitEnd: Infinity,
      tasks: false,
    };
    // The waits on screen, read once a slice (a wall frame): they change far less often than that.
    let waits = countdowns(sim.cluster);
    // Each pass ends at a delivery, a control send, a wait's end or the end of the slice; the guard
    // only bounds a pathological run of zero-length passes.
    for (let guard = 0; wall > 1e-9 && guard < 10_000; guard++) {
      const now = sim.time;
      this.prune(now);
      if (this.waitsStale) {
        waits = countdowns(sim.cluster);
        this.waitsStale = false;
      }
      pace = this.paceNow(speed, waits);
      if (pace.reason === 'flight' || pace.reason === 'tasks' || pace.reason === 'countdown') this.quietWall = 0;
      if (!pace.tasks) this.taskWall = 0;
      const { rate, cap } = pace;
      const reach = now + this.carry + wall * rate;
      let target = Math.floor(reach);
      const capped = target > cap;
      if (capped) target = cap;
      if (target <= now) {
        // Less than a whole simulated ms: owe it to the next slice.
        this.carry = reach - now;
        this.account(pace, wall);
        break;
      }
      this.runUntilControl(target);
      if (sim.time >= target && !capped) {
        this.carry = reach - target;
        this.account(pace, wall);
        break;
      }
      // Stopped at a delivery, a wait's end or a control message's send: the rest of the slice
      // goes on at the rate that applies from there.
      const spent = Math.max(0, sim.time - now - this.carry) / rate;
      this.carry = 0;
      this.account(pace, spent);
      wall -= spent;
      // A wait ended: read them again.
      if (capped && target === pace.waitEnd) this.waitsStale = true;
    }
    this.prune(sim.time);
    // The task count is read once, at the end: the pace itself only needs to know whether any runs.
    const detail = pace.reason === 'tasks' ? String(this.runningTasks(false)) : pace.detail;
    this.last = { rate: pace.rate, reason: pace.reason, detail, displayTime: sim.time + this.carry };
    return this.last;
  }

  /** Wall time spent at a pace: it counts toward a quiet spell, or toward the task phase. */
  private account(pace: { reason: PaceReason; tasks: boolean }, wall: number): void {
    if (pace.reason === 'normal' || pace.reason === 'quiet') this.quietWall += wall;
    if (pace.tasks) this.taskWall += wall;
  }
}

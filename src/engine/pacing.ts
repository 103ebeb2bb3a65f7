// Adaptive time (docs/architecture.md, "The engine's public face"): how much simulated time a slice of wall time buys. At 1× a
// control message (anything but heartbeats and task traffic) between two machines takes at least
// FLIGHT_VISIBLE_WALL_MS of wall time to fly, so every arrow can be seen; with nothing in flight
// time runs at 1 simulated second per second, and after a quiet spell it runs QUIET_BOOST times
// faster (a 60 s heartbeat timeout passes in seconds). The speed multiplies all of it. Time is
// advanced event by event and stops at the send of a control message, so none is skipped over.
// Deterministic: the wall time is an input; the simulation's results never depend on pacing.
import type { MessageRecord } from './sim/kernel';
import type { Simulation } from './simulation';
import { messageKind } from './views/message-kinds';

/** Wall ms a control message takes to fly at 1× (at least). */
export const FLIGHT_VISIBLE_WALL_MS = 500;
/** Wall ms without a control message in flight before time speeds up. */
export const QUIET_AFTER_WALL_MS = 600;
/** How much faster than 1× a quiet stretch runs (before the speed multiplier). */
export const QUIET_BOOST = 20;

export type PaceReason = 'flight' | 'normal' | 'quiet';

export interface PaceReport {
  /** Simulated ms per wall ms at the end of the slice. */
  rate: number;
  reason: PaceReason;
  /** Simulated time with its fraction (the engine's clock is whole ms): for smooth arrows. */
  displayTime: number;
}

const CHATTER = new Set(['heartbeat', 'task']);

export class Pacer {
  private readonly sim: Simulation;
  /** Messages already looked at. */
  private cursor = 0;
  /** Control messages between machines that have not arrived yet. */
  private inFlight: MessageRecord[] = [];
  private quietWall = 0;
  /** The fraction of a simulated ms owed to the clock (slow rates buy less than 1 ms a frame). */
  private carry = 0;
  private last: PaceReport = { rate: 0, reason: 'normal', displayTime: 0 };

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
    this.carry = 0;
    this.quietWall = 0;
    this.scan();
    this.last = { rate: 0, reason: 'normal', displayTime: now };
  }

  get report(): PaceReport {
    return this.last;
  }

  private isControl(m: MessageRecord): boolean {
    if (CHATTER.has(messageKind(m.type))) return false;
    const k = this.sim.cluster.k;
    return k.proc(m.from).host !== k.proc(m.to).host;
  }

  /** Looks at messages sent since the last scan; true when a control message was among them. */
  private scan(): boolean {
    const msgs = this.sim.cluster.k.messages;
    let found = false;
    for (; this.cursor < msgs.length; this.cursor++) {
      const m = msgs[this.cursor] as MessageRecord;
      if (m.tDeliver > this.sim.time && this.isControl(m)) {
        this.inFlight.push(m);
        found = true;
      }
    }
    return found;
  }

  private prune(now: number): void {
    if (this.inFlight.some((m) => m.tDeliver <= now)) this.inFlight = this.inFlight.filter((m) => m.tDeliver > now);
  }

  /** Runs events up to `target`, stopping right after one that sends a control message. */
  private runUntilControl(target: number): void {
    const msgs = this.sim.cluster.k.messages;
    this.sim.advanceTo(target, () => this.cursor !== msgs.length && this.scan());
  }

  /** Spends `wallMs` of wall time at `speed`; returns the pace at the end. */
  play(wallMs: number, speed: number): PaceReport {
    const sim = this.sim;
    let wall = Math.max(0, wallMs);
    let rate = speed;
    let reason: PaceReason = 'normal';
    // Each pass ends at a delivery, a control send or the end of the slice; the guard only bounds
    // a pathological run of zero-length passes.
    for (let guard = 0; wall > 1e-9 && guard < 10_000; guard++) {
      const now = sim.time;
      this.prune(now);
      // In flight, a pass ends at the next delivery, where the rate may change.
      let cap = Infinity;
      if (this.inFlight.length > 0) {
        let minFlight = Infinity;
        for (const m of this.inFlight) {
          minFlight = Math.min(minFlight, m.tDeliver - m.t);
          cap = Math.min(cap, m.tDeliver);
        }
        this.quietWall = 0;
        reason = 'flight';
        rate = speed * Math.min(1, Math.max(minFlight, 1) / FLIGHT_VISIBLE_WALL_MS);
      } else {
        reason = this.quietWall >= QUIET_AFTER_WALL_MS ? 'quiet' : 'normal';
        rate = speed * (reason === 'quiet' ? QUIET_BOOST : 1);
      }
      const reach = now + this.carry + wall * rate;
      let target = Math.floor(reach);
      const capped = target > cap;
      if (capped) target = cap;
      if (target <= now) {
        // Less than a whole simulated ms: owe it to the next slice.
        this.carry = reach - now;
        break;
      }
      this.runUntilControl(target);
      if (sim.time >= target && !capped) {
        this.carry = reach - target;
        if (reason !== 'flight') this.quietWall += wall;
        break;
      }
      // Stopped at a delivery or at a control message's send: the rest of the slice goes on at
      // the rate that applies from there.
      const spent = Math.max(0, sim.time - now - this.carry) / rate;
      this.carry = 0;
      if (reason !== 'flight') this.quietWall += spent;
      wall -= spent;
    }
    this.prune(sim.time);
    this.last = { rate, reason, displayTime: sim.time + this.carry };
    return this.last;
  }
}

// Messages in flight, outside React: they change every animation frame, so the canvas overlay
// reads them in its own requestAnimationFrame loop (zustand's "transient updates") instead of
// re-rendering components. The controller writes frames in; the overlay reads `at(time)`.
import type { MessageView } from '../engine/public';

/** How long (simulated ms) a lost message's cross stays after it was lost. */
export const DROP_LINGER_MS = 400;

export interface Flight extends MessageView {
  /** Wall-clock independent: the overlay turns (time − t) / (tDeliver − t) into a position. */
  dropped?: string;
}

export interface FlightBoard {
  /** The simulated time the overlay should draw (the controller sets it every frame). */
  time: number;
  /** Messages sent and not yet delivered at `time`, plus recently lost ones. */
  flights: Map<number, Flight>;
  /** Bumped on every change, so a reader can skip redrawing an unchanged board. */
  version: number;
  /**
   * When set, every addFlights call is also kept here, for a reader that keeps its own copy of
   * the board (the overlay's worker) and drains it.
   */
  outbox?: { messages: readonly MessageView[]; drops: readonly { id: number; reason: string }[]; full: boolean }[];
}

export function createFlightBoard(): FlightBoard {
  return { time: 0, flights: new Map(), version: 0 };
}

/** The page's board. Tests make their own. */
export const flightBoard = createFlightBoard();

/** Adds a frame's messages and drops; `full` replaces everything (load, seek). */
export function addFlights(
  board: FlightBoard,
  messages: readonly MessageView[],
  drops: readonly { id: number; reason: string }[],
  full: boolean,
): void {
  if (board.outbox) {
    if (full) board.outbox.length = 0;
    board.outbox.push({ messages, drops, full });
  }
  if (full) board.flights.clear();
  for (const m of messages) board.flights.set(m.id, { ...m });
  for (const d of drops) {
    const f = board.flights.get(d.id);
    if (f) f.dropped = d.reason;
  }
  board.version++;
}

/** Moves the board's clock and forgets messages that have arrived (or were lost a while ago). */
export function advanceFlights(board: FlightBoard, time: number): void {
  board.time = time;
  for (const [id, f] of board.flights) {
    const linger = f.dropped ? DROP_LINGER_MS : 0;
    if (f.tDeliver + linger < time) board.flights.delete(id);
  }
  board.version++;
}

/** Position along the arrow in [0, 1] at `time` (a lost message stops short of its target). */
export function progress(f: Flight, time: number): number {
  const span = f.tDeliver - f.t;
  const p = span <= 0 ? 1 : (time - f.t) / span;
  const clamped = Math.min(1, Math.max(0, p));
  return f.dropped ? Math.min(clamped, 0.8) : clamped;
}

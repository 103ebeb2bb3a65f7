// Geometry and choices of the message overlay, as pure functions: where an arrow between two node
// boxes starts and ends, where its dot is, which flights are drawn and which get a label.
import type { MessageKind } from '../../engine/public';
import type { Flight } from '../flights';
import type { XY } from './layout';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Segment {
  from: XY;
  to: XY;
}

/** The most labels drawn in one frame; other flights show only their dot and arrow. */
export const LABEL_CAP = 40;

/**
 * Labels drawn at a zoom level: the full cap close up; fewer when zoomed out over a large cluster,
 * where a label is far bigger than the nodes it flies between and forty of them hide the picture.
 */
export function labelCap(zoom: number): number {
  if (zoom >= 0.6) return LABEL_CAP;
  if (zoom >= 0.3) return Math.round(LABEL_CAP / 2);
  return Math.round(LABEL_CAP / 4);
}

/** Gap between an arrow's ends and the node borders (flow units). */
const BORDER_GAP = 4;

export function centre(r: Rect): XY {
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

/** Where the ray from the rect's centre towards `towards` leaves the rect (plus `gap`). */
export function borderPoint(r: Rect, towards: XY, gap = BORDER_GAP): XY {
  const c = centre(r);
  const dx = towards.x - c.x;
  const dy = towards.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const hw = r.width / 2 + gap;
  const hh = r.height / 2 + gap;
  // Scale the direction so it touches the nearer of the vertical or horizontal sides.
  const sx = dx === 0 ? Infinity : hw / Math.abs(dx);
  const sy = dy === 0 ? Infinity : hh / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: c.x + dx * s, y: c.y + dy * s };
}

/**
 * The arrow from box a to box b, border to border, shifted `offset` to the right of its direction
 * (the ends move with it, a few units along the borders) so a request and its reply (b → a) run side by side instead of on top of each other. Null when
 * the boxes overlap (nothing sensible to draw).
 */
export function segmentBetween(a: Rect, b: Rect, offset = 0): Segment | null {
  const ca = centre(a);
  const cb = centre(b);
  const len = Math.hypot(cb.x - ca.x, cb.y - ca.y);
  if (len === 0) return null;
  // Right-hand normal in screen coordinates (y grows downwards).
  const nx = -(cb.y - ca.y) / len;
  const ny = (cb.x - ca.x) / len;
  const from = borderPoint(a, cb);
  const to = borderPoint(b, ca);
  // The boxes overlap (or touch) when the ends cross over: the arrow would point backwards.
  if ((to.x - from.x) * (cb.x - ca.x) + (to.y - from.y) * (cb.y - ca.y) <= 0) return null;
  return {
    from: { x: from.x + nx * offset, y: from.y + ny * offset },
    to: { x: to.x + nx * offset, y: to.y + ny * offset },
  };
}

export function pointAlong(s: Segment, t: number): XY {
  return { x: s.from.x + (s.to.x - s.from.x) * t, y: s.from.y + (s.to.y - s.from.y) * t };
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export function toScreen(p: XY, v: Viewport): XY {
  return { x: p.x * v.zoom + v.x, y: p.y * v.zoom + v.y };
}

export interface FlightFilter {
  showHeartbeats: boolean;
  showTasks: boolean;
}

/** Whether a flight is drawn at all: same-machine messages never are; the toggles hide two kinds. */
export function flightShown(f: Pick<Flight, 'from' | 'to' | 'kind'>, filter: FlightFilter): boolean {
  if (f.from === f.to) return false;
  if (f.kind === 'heartbeat' && !filter.showHeartbeats) return false;
  if (f.kind === 'task' && !filter.showTasks) return false;
  return true;
}

export function flightLabel(f: Pick<Flight, 'label' | 'count'>): string {
  return f.count > 1 ? `${f.label} ×${f.count}` : f.label;
}

/** Faint kinds: many of them fly all the time and matter least. */
export function flightAlpha(kind: MessageKind): number {
  return kind === 'heartbeat' ? 0.35 : 1;
}

/** How much a flight's label is worth showing: losses first, then the control plane, then the chatter. */
function labelRank(f: Pick<Flight, 'kind' | 'dropped'>): number {
  if (f.dropped) return 0;
  if (f.kind === 'heartbeat') return 3;
  if (f.kind === 'task') return 2;
  return 1;
}

/**
 * The ids of the flights that get a label, at most `cap`: the most telling first (losses, then
 * control messages, tasks, heartbeats), newest first among equals, so hundreds of task messages
 * never crowd out a registration.
 */
export function chooseLabels(
  flights: readonly Pick<Flight, 'id' | 'kind' | 'dropped' | 't'>[],
  cap = LABEL_CAP,
): Set<number> {
  if (flights.length <= cap) return new Set(flights.map((f) => f.id));
  const ranked = [...flights].sort((a, b) => labelRank(a) - labelRank(b) || b.t - a.t || a.id - b.id);
  return new Set(ranked.slice(0, cap).map((f) => f.id));
}

/** "lost: partition" under a dropped message's cross. */
export function dropText(reason: string): string {
  return `lost: ${reason.replace(/-/g, ' ')}`;
}

export interface LabelBox {
  /** Where the label wants to be: its centre x and bottom y (it sits above its anchor). */
  x: number;
  y: number;
  width: number;
  height: number;
}

function boxesOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Places labels greedily in the given order (most important first): each takes its wanted spot,
 * or moves up a step at a time (at most `tries` steps) until it clears the labels already placed;
 * one that finds no room is left out (null). Returns each label's top-left corner.
 */
export function placeLabels(wanted: readonly LabelBox[], tries = 3, gap = 2): (XY | null)[] {
  const placed: Rect[] = [];
  return wanted.map((w) => {
    for (let k = 0; k <= tries; k++) {
      const r = { x: w.x - w.width / 2, y: w.y - w.height - k * (w.height + gap), width: w.width, height: w.height };
      if (!placed.some((p) => boxesOverlap(p, r))) {
        placed.push(r);
        return { x: r.x, y: r.y };
      }
    }
    return null;
  });
}

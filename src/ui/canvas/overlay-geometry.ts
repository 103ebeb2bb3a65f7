// Geometry and choices of the message overlay, as pure functions: where an arrow between two node
// boxes starts and ends, where its dot is, which flights are drawn and how many get a label (where
// the labels go is label-placement.ts; how repeats merge, label-stack.ts).
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
export const BORDER_GAP = 4;

/**
 * The arrow from box a to box b, border to border (`gap` short of each), shifted `offset` to the
 * right of its direction (the ends move with it, a few units along the borders) so a request and
 * its reply (b → a) run side by side instead of on top of each other. Written into `out` (the
 * overlay computes hundreds per animation frame); false when the boxes overlap (nothing sensible
 * to draw).
 */
export function segmentInto(a: Rect, b: Rect, offset: number, gap: number, out: Segment): boolean {
  const cax = a.x + a.width / 2;
  const cay = a.y + a.height / 2;
  const cbx = b.x + b.width / 2;
  const cby = b.y + b.height / 2;
  const dx = cbx - cax;
  const dy = cby - cay;
  const len = Math.hypot(dx, dy);
  if (len === 0) return false;
  // Where the centre-to-centre ray leaves each box: scaled to the nearer of its sides.
  const sa = Math.min(
    dx === 0 ? Infinity : (a.width / 2 + gap) / Math.abs(dx),
    dy === 0 ? Infinity : (a.height / 2 + gap) / Math.abs(dy),
  );
  const sb = Math.min(
    dx === 0 ? Infinity : (b.width / 2 + gap) / Math.abs(dx),
    dy === 0 ? Infinity : (b.height / 2 + gap) / Math.abs(dy),
  );
  // The boxes overlap (or touch) when the ends cross over: the arrow would point backwards.
  if (sa + sb >= 1) return false;
  // Right-hand normal in screen coordinates (y grows downwards).
  const nx = (-dy / len) * offset;
  const ny = (dx / len) * offset;
  out.from.x = cax + dx * sa + nx;
  out.from.y = cay + dy * sa + ny;
  out.to.x = cbx - dx * sb + nx;
  out.to.y = cby - dy * sb + ny;
  return true;
}

/** segmentInto as a new segment, or null (flow units, the default gap). */
export function segmentBetween(a: Rect, b: Rect, offset = 0): Segment | null {
  const out = { from: { x: 0, y: 0 }, to: { x: 0, y: 0 } };
  return segmentInto(a, b, offset, BORDER_GAP, out) ? out : null;
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
  showReplies: boolean;
}

/**
 * Whether a flight is drawn at all: same-machine messages never are; the toggles hide two kinds
 * and the replies to asks.
 */
export function flightShown(
  f: Pick<Flight, 'from' | 'to' | 'kind'> & Partial<Pick<Flight, 'answers'>>,
  filter: FlightFilter,
): boolean {
  if (f.from === f.to) return false;
  if (f.kind === 'heartbeat' && !filter.showHeartbeats) return false;
  if (f.kind === 'task' && !filter.showTasks) return false;
  if (f.answers !== undefined && !filter.showReplies) return false;
  return true;
}

/** Faint kinds: many of them fly all the time and matter least. */
export function flightAlpha(kind: MessageKind): number {
  return kind === 'heartbeat' ? 0.35 : 1;
}

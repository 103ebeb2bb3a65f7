// Where a message label goes on the overlay: the first free spot along its arrow (at its dot, then
// step by step further along, on either side of the line), never over a node's box or a label
// already placed; a label with no free spot is left out. Overlap tests go through a uniform grid of
// the boxes on screen, so hundreds of nodes cost a few cell lookups per try, and nothing is
// allocated per label once the grid's cells exist.
import type { XY } from './layout';
import type { Segment } from './overlay-geometry';

/** Boxes in screen pixels, filed by the grid cells they touch; boxes outside the bounds are ignored. */
export class BoxGrid {
  private readonly cell: number;
  private cols = 0;
  private rows = 0;
  private width = 0;
  private height = 0;
  private xs: number[] = [];
  private ys: number[] = [];
  private ws: number[] = [];
  private hs: number[] = [];
  private count = 0;
  /** cells[row * cols + col]: indexes of the boxes touching that cell. */
  private cells: number[][] = [];
  /** Cells holding something, to empty on clear. */
  private filled: number[][] = [];

  constructor(cell = 48) {
    this.cell = cell;
  }

  /** Empties the grid and sets the area it covers (the canvas, from 0,0). */
  reset(width: number, height: number): void {
    for (const c of this.filled) c.length = 0;
    this.filled.length = 0;
    this.count = 0;
    this.width = width;
    this.height = height;
    this.cols = Math.max(1, Math.ceil(width / this.cell));
    this.rows = Math.max(1, Math.ceil(height / this.cell));
    while (this.cells.length < this.cols * this.rows) this.cells.push([]);
  }

  get size(): number {
    return this.count;
  }

  add(x: number, y: number, w: number, h: number): void {
    if (x >= this.width || y >= this.height || x + w <= 0 || y + h <= 0 || w <= 0 || h <= 0) return;
    const i = this.count++;
    this.xs[i] = x;
    this.ys[i] = y;
    this.ws[i] = w;
    this.hs[i] = h;
    const c0 = this.col(x);
    const c1 = this.col(x + w);
    const r0 = this.row(y);
    const r1 = this.row(y + h);
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++) {
        const list = this.cells[r * this.cols + c] as number[];
        if (list.length === 0) this.filled.push(list);
        list.push(i);
      }
  }

  /** Whether the box overlaps any box in the grid (touching edges do not count). */
  hits(x: number, y: number, w: number, h: number): boolean {
    const c0 = this.col(x);
    const c1 = this.col(x + w);
    const r0 = this.row(y);
    const r1 = this.row(y + h);
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++) {
        const list = this.cells[r * this.cols + c] as number[];
        for (let k = 0; k < list.length; k++) {
          const i = list[k] as number;
          const bx = this.xs[i] as number;
          const by = this.ys[i] as number;
          if (x < bx + (this.ws[i] as number) && bx < x + w && y < by + (this.hs[i] as number) && by < y + h)
            return true;
        }
      }
    return false;
  }

  private col(x: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor(x / this.cell)));
  }

  private row(y: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor(y / this.cell)));
  }
}

/** Space kept between a label and the line it labels, a node or another label (px). */
export const LABEL_GAP = 3;
/** Steps along the arrow tried on each side of the preferred spot. */
const STEPS_EACH_WAY = 12;
/**
 * Spots tried at each step, as [side of the line, rows further out]: just clear of the line on its
 * right, then on its left, then one row further out on each side.
 */
const SPOTS = [
  [1, 0],
  [-1, 0],
  [1, 1],
  [-1, 1],
] as const;

export interface Bounds {
  width: number;
  height: number;
}

function hitsAny(grids: readonly BoxGrid[], x: number, y: number, w: number, h: number): boolean {
  for (const g of grids) if (g.hits(x, y, w, h)) return true;
  return false;
}

/**
 * Finds a free spot for a `w`×`h` label along arrow `s` (screen px), starting where `t` (0…1) puts
 * it and trying further along both ways, each time beside the line on its right (the side away
 * from the arrow of a reply, which runs on the other side), then on its left, then a row further
 * out on each side. A spot must lie inside `bounds` and clear every box of `blocked`. Writes the label's
 * top-left corner into `out` and returns true, or returns false when no spot is free.
 */
export function placeAlong(
  s: Segment,
  t: number,
  w: number,
  h: number,
  blocked: readonly BoxGrid[],
  bounds: Bounds,
  out: XY,
): boolean {
  const dx = s.to.x - s.from.x;
  const dy = s.to.y - s.from.y;
  const len = Math.hypot(dx, dy);
  if (len === 0) return false;
  // Right-hand normal (screen y grows downwards) and the label's half extent along it.
  const nx = -dy / len;
  const ny = dx / len;
  const extent = (Math.abs(nx) * w + Math.abs(ny) * h) / 2;
  const step = Math.max(h, len / STEPS_EACH_WAY) / len;
  const start = Math.min(1, Math.max(0, t));
  for (let k = 0; k <= 2 * STEPS_EACH_WAY; k++) {
    // 0, +1, −1, +2, −2 … steps from the start.
    const along = start + (k % 2 === 1 ? 1 : -1) * Math.ceil(k / 2) * step;
    if (along < 0 || along > 1) continue;
    const px = s.from.x + dx * along;
    const py = s.from.y + dy * along;
    for (const [side, row] of SPOTS) {
      // Centred on the normal, just far enough out to clear the line; further rows stack
      // vertically (labels are read in rows), away from the line.
      const away = side * (ny === 0 ? 1 : Math.sign(ny));
      const x = px + side * nx * (extent + LABEL_GAP) - w / 2;
      const y = py + side * ny * (extent + LABEL_GAP) + away * row * (h + LABEL_GAP) - h / 2;
      if (x < 0 || y < 0 || x + w > bounds.width || y + h > bounds.height) continue;
      if (hitsAny(blocked, x, y, w, h)) continue;
      out.x = x;
      out.y = y;
      return true;
    }
  }
  return false;
}

// Label placement: a label takes the first free spot along its arrow, never over a node's box or
// another label, inside the canvas, and is left out when no spot is free.
import { describe, expect, it } from 'vitest';
import { BoxGrid, placeAlong } from './label-placement';
import type { Rect } from './overlay-geometry';

const bounds = { width: 800, height: 600 };
const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function grid(...boxes: Rect[]): BoxGrid {
  const g = new BoxGrid();
  g.reset(bounds.width, bounds.height);
  for (const b of boxes) g.add(b.x, b.y, b.width, b.height);
  return g;
}

describe('BoxGrid', () => {
  it('finds overlaps across cells and ignores touching edges', () => {
    const g = grid({ x: 100, y: 100, width: 200, height: 40 });
    expect(g.hits(290, 130, 50, 50)).toBe(true);
    expect(g.hits(300, 100, 50, 40)).toBe(false);
    expect(g.hits(0, 0, 99, 99)).toBe(false);
    expect(g.size).toBe(1);
  });

  it('starts empty after a reset and keeps boxes outside its area out', () => {
    const g = grid({ x: 10, y: 10, width: 20, height: 20 });
    g.reset(bounds.width, bounds.height);
    expect(g.hits(0, 0, 800, 600)).toBe(false);
    g.add(-100, -100, 50, 50);
    g.add(900, 10, 50, 50);
    expect(g.size).toBe(0);
    // Partly inside counts.
    g.add(-10, -10, 30, 30);
    expect(g.hits(0, 0, 5, 5)).toBe(true);
  });
});

describe('placeAlong', () => {
  const seg = { from: { x: 100, y: 300 }, to: { x: 700, y: 300 } };
  const out = { x: 0, y: 0 };

  it('puts a label beside its dot, right of the arrow’s direction, when that is free', () => {
    expect(placeAlong(seg, 0.5, 100, 16, [grid()], bounds, out)).toBe(true);
    // Centred on x = 400; below a left-to-right line (its right-hand side on screen), clear of it.
    expect(out.x).toBe(350);
    expect(out.y).toBeGreaterThan(300);
    expect(out.y).toBeLessThan(310);
    const back = { from: seg.to, to: seg.from };
    expect(placeAlong(back, 0.5, 100, 16, [grid()], bounds, out)).toBe(true);
    expect(out.y + 16).toBeLessThan(300);
  });

  it('never covers a node: moves along the arrow to the gap between the nodes', () => {
    // Two nodes at the arrow's ends and a third across its middle, leaving a gap at x 450–600.
    const nodes = [
      { x: 0, y: 250, width: 100, height: 100 },
      { x: 700, y: 250, width: 100, height: 100 },
      { x: 200, y: 200, width: 250, height: 200 },
    ];
    expect(placeAlong(seg, 0.4, 100, 16, [grid(...nodes)], bounds, out)).toBe(true);
    const label = { x: out.x, y: out.y, width: 100, height: 16 };
    for (const n of nodes) expect(overlaps(label, n)).toBe(false);
    expect(out.x).toBeGreaterThanOrEqual(450);
  });

  it('stacks labels on one arrow without overlap, then leaves the rest out', () => {
    // A short arrow in a corridor between two rows of nodes: room for a few labels only.
    const nodes = [
      { x: 0, y: 0, width: 800, height: 260 },
      { x: 0, y: 340, width: 800, height: 260 },
    ];
    const short = { from: { x: 350, y: 300 }, to: { x: 450, y: 300 } };
    const placed: Rect[] = [];
    const labels = new BoxGrid();
    labels.reset(bounds.width, bounds.height);
    let left = 0;
    for (let i = 0; i < 30; i++) {
      if (!placeAlong(short, 0.5, 120, 16, [grid(...nodes), labels], bounds, out)) {
        left++;
        continue;
      }
      const r = { x: out.x, y: out.y, width: 120, height: 16 };
      for (const p of placed) expect(overlaps(r, p)).toBe(false);
      for (const n of nodes) expect(overlaps(r, n)).toBe(false);
      placed.push(r);
      labels.add(r.x - 2, r.y - 2, r.width + 4, r.height + 4);
    }
    expect(placed.length).toBeGreaterThan(1);
    expect(left).toBeGreaterThan(0);
    expect(placed.length + left).toBe(30);
  });

  it('finds no spot when nodes fill the canvas, or outside it', () => {
    const full = grid({ x: 0, y: 0, width: 800, height: 600 });
    expect(placeAlong(seg, 0.5, 100, 16, [full], bounds, out)).toBe(false);
    const offCanvas = { from: { x: -400, y: -50 }, to: { x: -100, y: -50 } };
    expect(placeAlong(offCanvas, 0.5, 100, 16, [grid()], bounds, out)).toBe(false);
    expect(placeAlong({ from: seg.from, to: seg.from }, 0.5, 100, 16, [grid()], bounds, out)).toBe(false);
  });

  it('beside a vertical arrow, the label sits to its side', () => {
    const down = { from: { x: 400, y: 100 }, to: { x: 400, y: 500 } };
    expect(placeAlong(down, 0.5, 100, 16, [grid()], bounds, out)).toBe(true);
    // Heading down the screen, its right-hand side is towards −x.
    expect(out.x + 100).toBeLessThan(400);
    expect(out.y).toBe(292);
  });
});

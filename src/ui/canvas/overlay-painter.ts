// The message overlay's drawing, one 2D pass per animation frame: partitions as red cuts, each
// flight as a faint line with its dot (a red ✕ where a lost one stopped), then the labels, one
// stack per arrow with repeats merged (label-stack.ts), each in the first free spot along its
// arrow (label-placement.ts), never over a node or another label; what finds no room is counted
// in a small note instead of covering the cluster. Lines, heads and dots are batched per kind (one
// path each), and the painter keeps its arrays, grids and measured widths from frame to frame, so
// hundreds of flights over hundreds of nodes cost one cheap pass and little garbage.
import type { MessageKind, PartitionView } from '../../engine/public';
import { progress, type Flight, type FlightBoard } from '../flights';
import type { XY } from './layout';
import { BoxGrid, LABEL_GAP, placeAlong } from './label-placement';
import { LabelStacks, labelText, type LabelEntry } from './label-stack';
import type { OverlayLabelBox } from './overlay-labels';
import {
  BORDER_GAP,
  flightAlpha,
  flightShown,
  labelCap,
  segmentInto,
  type FlightFilter,
  type Rect,
  type Segment,
} from './overlay-geometry';

const KINDS: readonly MessageKind[] = ['registration', 'scheduling', 'state', 'heartbeat', 'kill', 'task', 'other'];

/** Space between an arrow and its reply (flow units, before zoom). */
const REPLY_OFFSET = 4;
const DOT_RADIUS = 4;
/** Half the side of the dot's three squares: a 12-sided outline that a circle of DOT_RADIUS bounds. */
const DOT_ARM = 2.5;
const DOT_CORNER = 3.2;
const ARROW_SIZE = 7;
const LABEL_FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const LABEL_HEIGHT = 16;
const LABEL_PADDING = 5;
/** Room kept around a node's box: a label never touches its border (px). */
const NODE_MARGIN = 2;
/** Labels tried per label the zoom's cap allows (most telling first); the rest are counted hidden. */
const TRIES_PER_LABEL = 2;
/** Label texts whose widths are remembered before the cache starts over. */
const WIDTH_CACHE = 2000;

export interface Colours {
  kind: Record<MessageKind, string>;
  danger: string;
  fg: string;
  labelBg: string;
}

export interface Scene {
  width: number;
  height: number;
  /** Device pixels per CSS pixel (the canvas's transform). */
  ratio: number;
  zoom: number;
  board: FlightBoard;
  colours: Colours;
  reduced: boolean;
  partitions: readonly PartitionView[];
  filter: FlightFilter;
  /** Where the canvas's top-left corner is in the page's viewport (for the published boxes). */
  origin: XY;
}

interface NodeBox extends Rect {
  /** The node pass that last saw it (older ones are gone from the flow). */
  pass: number;
  /** A number of its own, for the arrows' keys. */
  index: number;
}

interface Drawn {
  f: Flight;
  seg: Segment;
  t: number;
  /**
   * Its arrow: kind, sender and receiver as one number. Flights on the same arrow share its line
   * and head, so each is stroked once: the same pixels (one path per kind covers a pixel once
   * however often it is drawn), and on a busy cluster half the path (2,000 flights on 1,000 arrows).
   */
  arrow: number;
}

const KIND_INDEX = Object.fromEntries(KINDS.map((k, i) => [k, i])) as Record<MessageKind, number>;
/** Room for the node indexes in an arrow's key (2^20 nodes; a cluster has at most a few thousand). */
const NODE_SPAN = 1 << 20;

/**
 * A travelling dot: three axis-aligned rectangles (a wide bar, a tall bar and a square between
 * them) whose union is a 12-sided disc of DOT_RADIUS, which anti-aliasing at 8 px rounds into a
 * dot. Skia rasterises straight axis-aligned edges far cheaper than the conics of an arc(): with
 * 2,000 flights the arcs were most of the overlay canvas's raster time on the page's main thread
 * (`npm run bench -- ui`, Chromium trace, LayerTreeHost::DoUpdateLayers), the rectangles a fifth
 * of it. One path per kind, filled with the nonzero rule, so overlaps are covered once.
 */
function dotPath(ctx: CanvasRenderingContext2D, x: number, y: number): void {
  ctx.rect(x - DOT_RADIUS, y - DOT_ARM, 2 * DOT_RADIUS, 2 * DOT_ARM);
  ctx.rect(x - DOT_ARM, y - DOT_RADIUS, 2 * DOT_ARM, 2 * DOT_RADIUS);
  ctx.rect(x - DOT_CORNER, y - DOT_CORNER, 2 * DOT_CORNER, 2 * DOT_CORNER);
}

/**
 * A head's triangle, for fill() (which closes every subpath itself). No closePath(): Chromium's
 * cost for it grew with the path, and one path holds every head of a kind, so 1,500 heads on a
 * busy cluster took a sixth of the page's main thread (`npm run bench -- ui`, CPU profile).
 */
function arrowHeadPath(ctx: CanvasRenderingContext2D, s: Segment, size: number): void {
  const a = Math.atan2(s.to.y - s.from.y, s.to.x - s.from.x);
  ctx.moveTo(s.to.x, s.to.y);
  ctx.lineTo(s.to.x - size * Math.cos(a - 0.45), s.to.y - size * Math.sin(a - 0.45));
  ctx.lineTo(s.to.x - size * Math.cos(a + 0.45), s.to.y - size * Math.sin(a + 0.45));
}

function drawPartition(ctx: CanvasRenderingContext2D, s: Segment, oneWay: boolean, c: Colours): void {
  ctx.save();
  ctx.strokeStyle = c.danger;
  ctx.fillStyle = c.danger;
  ctx.lineWidth = 2;
  ctx.setLineDash([7, 5]);
  ctx.beginPath();
  ctx.moveTo(s.from.x, s.from.y);
  ctx.lineTo(s.to.x, s.to.y);
  ctx.stroke();
  ctx.setLineDash([]);
  // One-way: an arrowhead where the cut messages would arrive.
  if (oneWay) {
    ctx.beginPath();
    arrowHeadPath(ctx, s, 11);
    ctx.fill();
  }
  const mx = (s.from.x + s.to.x) / 2;
  const my = (s.from.y + s.to.y) / 2;
  ctx.beginPath();
  ctx.arc(mx, my, 11, 0, Math.PI * 2);
  ctx.fillStyle = c.labelBg;
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = c.danger;
  ctx.font = '16px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText('✂', mx, my + 1);
  ctx.restore();
}

const newSegment = (): Segment => ({ from: { x: 0, y: 0 }, to: { x: 0, y: 0 } });

export class OverlayPainter {
  /** Every node's box on screen (px), by id, and the grid of those on the canvas. */
  private readonly nodes = new Map<string, NodeBox>();
  private readonly nodeGrid = new BoxGrid();
  private readonly labelGrid = new BoxGrid();
  private readonly blocked = [this.nodeGrid, this.labelGrid] as const;
  private nodePass = 0;
  private nextNodeIndex = 0;
  private readonly arrowsSeen = new Set<number>();
  private readonly drawn: Drawn[] = [];
  private readonly flights: Flight[] = [];
  private drawnCount = 0;
  private readonly stacks = new LabelStacks();
  private readonly widths = new Map<string, number>();
  private readonly spot: XY = { x: 0, y: 0 };
  private readonly partitionSeg = newSegment();
  /** The labels of the last draw (the test hook's array, its boxes reused). */
  readonly labels: OverlayLabelBox[] = [];
  private readonly boxes: OverlayLabelBox[] = [];
  /** Labels left out of the last draw (no room, or beyond the zoom's cap). */
  hidden = 0;

  /** Starts a pass over the flow's nodes (call `node` for each, then `endNodes`). */
  beginNodes(width: number, height: number): void {
    this.nodePass++;
    this.nodeGrid.reset(width, height);
  }

  /** A node's box on screen (px). */
  node(id: string, x: number, y: number, width: number, height: number): void {
    let n = this.nodes.get(id);
    if (!n) {
      n = { x, y, width, height, pass: this.nodePass, index: this.nextNodeIndex++ };
      this.nodes.set(id, n);
    }
    n.x = x;
    n.y = y;
    n.width = width;
    n.height = height;
    n.pass = this.nodePass;
    this.nodeGrid.add(x - NODE_MARGIN, y - NODE_MARGIN, width + 2 * NODE_MARGIN, height + 2 * NODE_MARGIN);
  }

  /** Forgets nodes the pass did not see. */
  endNodes(): void {
    for (const [id, n] of this.nodes) if (n.pass !== this.nodePass) this.nodes.delete(id);
  }

  draw(ctx: CanvasRenderingContext2D, sc: Scene): void {
    ctx.clearRect(0, 0, sc.width, sc.height);
    const c = sc.colours;
    for (const p of sc.partitions) {
      const a = this.nodes.get(p.a);
      const b = this.nodes.get(p.b);
      if (a && b && segmentInto(a, b, 0, BORDER_GAP * sc.zoom, this.partitionSeg))
        drawPartition(ctx, this.partitionSeg, p.oneWay, c);
    }
    this.collect(sc);
    this.drawLines(ctx, sc);
    this.drawDots(ctx, sc);
    this.drawLabels(ctx, sc);
    ctx.globalAlpha = 1;
  }

  /** The flights shown and on screen, with their arrows and progress. */
  private collect(sc: Scene): void {
    const offset = REPLY_OFFSET * sc.zoom;
    const gap = BORDER_GAP * sc.zoom;
    let n = 0;
    for (const f of sc.board.flights.values()) {
      if (!flightShown(f, sc.filter)) continue;
      const a = this.nodes.get(f.from);
      const b = this.nodes.get(f.to);
      if (!a || !b) continue;
      let d = this.drawn[n];
      if (!d) {
        d = { f, seg: newSegment(), t: 0, arrow: 0 };
        this.drawn[n] = d;
      }
      const s = d.seg;
      if (!segmentInto(a, b, offset, gap, s)) continue;
      // Off screen entirely: nothing to draw.
      if (
        Math.max(s.from.x, s.to.x) < -20 ||
        Math.min(s.from.x, s.to.x) > sc.width + 20 ||
        Math.max(s.from.y, s.to.y) < -20 ||
        Math.min(s.from.y, s.to.y) > sc.height + 20
      )
        continue;
      d.f = f;
      d.t = progress(f, sc.board.time);
      d.arrow = (KIND_INDEX[f.kind] * NODE_SPAN + a.index) * NODE_SPAN + b.index;
      this.flights[n] = f;
      n++;
    }
    this.drawnCount = n;
  }

  /**
   * Lines first (faint), one path per kind, with their heads. One CSS pixel wide with flat ends:
   * Skia draws a stroke no wider than a device pixel as a hairline, without outlining it first,
   * and on a software-rasterised canvas that cut the busy cluster's raster time per frame from
   * about 19 ms to 5 (`npm run bench -- ui`, Chromium trace). The dots carry the motion.
   */
  private drawLines(ctx: CanvasRenderingContext2D, sc: Scene): void {
    ctx.lineWidth = 1;
    ctx.lineCap = 'butt';
    const seen = this.arrowsSeen;
    for (const kind of KINDS) {
      let any = false;
      seen.clear();
      ctx.beginPath();
      for (let i = 0; i < this.drawnCount; i++) {
        const { f, seg, t, arrow } = this.drawn[i] as Drawn;
        if (f.kind !== kind) continue;
        any = true;
        if (!f.dropped) {
          if (seen.has(arrow)) continue;
          seen.add(arrow);
        }
        ctx.moveTo(seg.from.x, seg.from.y);
        if (f.dropped) ctx.lineTo(seg.from.x + (seg.to.x - seg.from.x) * t, seg.from.y + (seg.to.y - seg.from.y) * t);
        else ctx.lineTo(seg.to.x, seg.to.y);
      }
      if (!any) continue;
      const colour = sc.colours.kind[kind];
      ctx.strokeStyle = colour;
      ctx.fillStyle = colour;
      // As much ink as the 1.5 px lines at 0.45 they replaced: a thinner line, a little less faint.
      ctx.globalAlpha = flightAlpha(kind) * (sc.reduced ? 0.9 : 0.65);
      ctx.stroke();
      ctx.beginPath();
      for (let i = 0; i < this.drawnCount; i++) {
        const { f, seg, arrow } = this.drawn[i] as Drawn;
        // seen holds each arrow of this kind once: its first flight draws the head.
        if (f.kind === kind && !f.dropped && seen.delete(arrow)) arrowHeadPath(ctx, seg, ARROW_SIZE);
      }
      ctx.fill();
    }
  }

  /** Then the dots (none with reduced motion: the arrows are drawn whole) and the crosses of losses. */
  private drawDots(ctx: CanvasRenderingContext2D, sc: Scene): void {
    let lost = false;
    for (const kind of KINDS) {
      if (sc.reduced) break;
      let any = false;
      ctx.beginPath();
      for (let i = 0; i < this.drawnCount; i++) {
        const { f, seg, t } = this.drawn[i] as Drawn;
        if (f.dropped) lost = true;
        if (f.kind !== kind || f.dropped) continue;
        any = true;
        const x = seg.from.x + (seg.to.x - seg.from.x) * t;
        const y = seg.from.y + (seg.to.y - seg.from.y) * t;
        dotPath(ctx, x, y);
      }
      if (!any) continue;
      ctx.globalAlpha = flightAlpha(kind);
      ctx.fillStyle = sc.colours.kind[kind];
      ctx.fill();
    }
    if (sc.reduced) for (let i = 0; i < this.drawnCount && !lost; i++) lost = Boolean(this.drawn[i]?.f.dropped);
    if (!lost) return;
    ctx.globalAlpha = 1;
    ctx.strokeStyle = sc.colours.danger;
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    for (let i = 0; i < this.drawnCount; i++) {
      const { f, seg, t } = this.drawn[i] as Drawn;
      if (!f.dropped) continue;
      const x = seg.from.x + (seg.to.x - seg.from.x) * t;
      const y = seg.from.y + (seg.to.y - seg.from.y) * t;
      ctx.moveTo(x - 5, y - 5);
      ctx.lineTo(x + 5, y + 5);
      ctx.moveTo(x + 5, y - 5);
      ctx.lineTo(x - 5, y + 5);
    }
    ctx.stroke();
    ctx.lineWidth = 1.5;
  }

  private width(ctx: CanvasRenderingContext2D, text: string): number {
    let w = this.widths.get(text);
    if (w === undefined) {
      if (this.widths.size >= WIDTH_CACHE) this.widths.clear();
      w = Math.ceil(ctx.measureText(text).width) + 2 * LABEL_PADDING;
      this.widths.set(text, w);
    }
    return w;
  }

  /** Last the labels, on top of everything, each where it finds room. */
  private drawLabels(ctx: CanvasRenderingContext2D, sc: Scene): void {
    this.labels.length = 0;
    this.hidden = 0;
    this.labelGrid.reset(sc.width, sc.height);
    const entries = this.stacks.build(this.flights, this.drawnCount);
    if (entries.length === 0) return;
    const cap = labelCap(sc.zoom);
    ctx.font = LABEL_FONT;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    ctx.lineWidth = 1;
    const bounds = { width: sc.width, height: sc.height };
    // Labels that find no room cost the most (every spot is tried), so only so many are tried.
    let tries = TRIES_PER_LABEL * cap;
    for (const e of entries) {
      if (this.labels.length >= cap || tries-- <= 0) {
        this.hidden++;
        continue;
      }
      const d = this.drawn[e.lead] as Drawn;
      const w = this.width(ctx, labelText(e));
      // A lone message's label rides with its dot; a merged stack stays put mid-arrow.
      const t = e.flights > 1 || (sc.reduced && !e.dropped) ? 0.5 : d.t;
      if (!placeAlong(d.seg, t, w, LABEL_HEIGHT, this.blocked, bounds, this.spot)) {
        this.hidden++;
        continue;
      }
      this.drawLabel(ctx, sc, e, this.spot.x, this.spot.y, w);
    }
    if (this.hidden > 0) this.drawHiddenNote(ctx, sc);
  }

  private drawLabel(ctx: CanvasRenderingContext2D, sc: Scene, e: LabelEntry, x: number, y: number, w: number): void {
    const c = sc.colours;
    ctx.globalAlpha = flightAlpha(e.kind) < 1 ? 0.75 : 1;
    ctx.fillStyle = c.labelBg;
    ctx.strokeStyle = e.dropped ? c.danger : c.kind[e.kind];
    ctx.beginPath();
    ctx.roundRect(x, y, w, LABEL_HEIGHT, 4);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = e.dropped ? c.danger : c.fg;
    ctx.fillText(e.text, x + LABEL_PADDING, y + LABEL_HEIGHT / 2 + 0.5);
    this.keep(sc, x, y, w, e.text);
  }

  /** "3 labels hidden", in a free corner of the canvas (or not at all). */
  private drawHiddenNote(ctx: CanvasRenderingContext2D, sc: Scene): void {
    const text = `${this.hidden} label${this.hidden === 1 ? '' : 's'} hidden`;
    const w = this.width(ctx, text);
    const corners = [
      [8, 8],
      [sc.width - w - 8, 8],
      [sc.width - w - 8, sc.height - LABEL_HEIGHT - 24],
    ] as const;
    for (const [x, y] of corners) {
      if (x < 0 || y < 0 || this.nodeGrid.hits(x, y, w, LABEL_HEIGHT) || this.labelGrid.hits(x, y, w, LABEL_HEIGHT))
        continue;
      ctx.globalAlpha = 0.8;
      ctx.fillStyle = sc.colours.fg;
      ctx.fillText(text, x + LABEL_PADDING, y + LABEL_HEIGHT / 2 + 0.5);
      this.keep(sc, x, y, w, text);
      return;
    }
  }

  /** Marks a label's spot as taken and publishes its box. */
  private keep(sc: Scene, x: number, y: number, w: number, text: string): void {
    this.labelGrid.add(x - LABEL_GAP, y - LABEL_GAP, w + 2 * LABEL_GAP, LABEL_HEIGHT + 2 * LABEL_GAP);
    const i = this.labels.length;
    let box = this.boxes[i];
    if (!box) {
      box = { x: 0, y: 0, width: 0, height: 0, text: '' };
      this.boxes[i] = box;
    }
    box.x = sc.origin.x + x;
    box.y = sc.origin.y + y;
    box.width = w;
    box.height = LABEL_HEIGHT;
    box.text = text;
    this.labels.push(box);
  }
}

// The canvas's automatic layout, as pure functions of the node list and the canvas's size: the
// Masters and ZooKeeper in a row at the top, a clear band under it where the Master's arrows fly,
// then the Workers in a grid whose column count is chosen so that the whole cluster fits the
// canvas's width and height at the largest zoom. The client machine goes either at the left end of
// the top row (its arrows to the Master then stay in that row) or, when that row would be too
// wide, at the left of the grid. Worker grid slots are sticky (a worker keeps its slot while it
// exists, a new one takes the lowest free slot), so adding or removing one worker does not shuffle
// the others around the screen; only a change of column count moves them, in slot order.
import type { NodeView } from '../../engine/public';

export interface XY {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Rect extends XY, Size {}

/** What the layout needs to know of a node: its kind and (for a worker) how many cores it has. */
export interface LayoutEntry {
  id: string;
  kind: NodeView['kind'];
  cores: number;
}

/** Worker core grid: at most this many cells a row; beyond CORE_CELL_LIMIT cores a bar replaces the cells. */
export const CORE_GRID_COLUMNS = 16;
export const CORE_CELL_LIMIT = 128;

/** Process cards a full-size machine shows before "+N more" (keeps the node's height bounded). */
export const MAX_PROCESS_CARDS = 4;
/** Process chips a compact worker shows before "+N". */
export const MAX_PROCESS_CHIPS = 7;

/**
 * The canvas's own zoom limits. The default fit stops at MAX_FIT_ZOOM: past it a small cluster
 * would only get cartoonishly large.
 */
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 2.5;
export const MAX_FIT_ZOOM = 1.4;
/** Screen pixels kept free around the fitted cluster. */
export const FIT_MARGIN = 12;

/**
 * Below this zoom a worker is drawn as a glyph (state colour, cores and memory bars) instead of its
 * full card, whose smallest text (11 px) would render under 7 px. Between it and 1 (a small embed,
 * a user zooming out a little) the cards stay: small text, but the processes still show.
 */
export const FULL_CARD_ZOOM = 0.6;
/** The glyph's host name, in flow pixels: shown only when it renders at 11 px or more. */
export const GLYPH_NAME_FONT_PX = 40;
export const MIN_TEXT_PX = 11;

/** How a worker is drawn at a given zoom. */
export type WorkerRendering = 'card' | 'glyph-named' | 'glyph';

export function workerRendering(zoom: number): WorkerRendering {
  if (zoom >= FULL_CARD_ZOOM) return 'card';
  return zoom * GLYPH_NAME_FONT_PX >= MIN_TEXT_PX ? 'glyph-named' : 'glyph';
}

// Flow-pixel sizes; widths are the CSS widths of canvas.css, heights the most a node grows to
// (canvas.css's paddings, rows and gaps added up), so the grid leaves room for a node with all its
// process cards showing and nothing ever overlaps.
const GAP_X = 20;
const GAP_Y = 20;
/** Room between the top row and the worker grid, where the Master's arrows and labels fly. */
const BAND = 48;
/** Room between the client machine (at the side) and the grid. */
const CLIENT_GAP = 28;
/** Room between neighbours in the top row. */
const TOP_GAP = 24;

const WIDTH: Record<NodeView['kind'], number> = { worker: 312, master: 190, zookeeper: 176, client: 312 };

/** Border and padding, the header row, and the gap under it: what every node has. */
const NODE_FRAME = 3 + 13 + 17 + 4;
const ROW = 14;
const GAP = 4;
/** Cards sit two to a row: a worker keeps room for two rows of 34 px cards, then "+N more". */
const CARDS = 2 * 34 + 3 + GAP + ROW;
/**
 * The client's cards are one a row (a client-mode driver's card has one line, its name and state)
 * and it keeps room for two: it rarely holds more at once, and it sits in the top row, whose height
 * every other row pays for. A third driver makes it grow into the band under the row, not over a
 * worker.
 */
const CLIENT_CARDS = 2 * 20 + 3 + GAP + ROW;

/** How many rows of cells a worker's core grid has. */
export function coreRows(cores: number): number {
  if (cores > CORE_CELL_LIMIT) return 1;
  return Math.max(1, Math.ceil(cores / CORE_GRID_COLUMNS));
}

/**
 * The size a node is laid out with (and drawn with by the overlay until it has been measured). A
 * worker's glyph has exactly its card's box, so switching between them by zoom moves nothing; the
 * second argument is the rendering, which therefore does not change the answer.
 */
export function estimatedSize(entry: Pick<LayoutEntry, 'kind' | 'cores'>, _compact = false): Size {
  switch (entry.kind) {
    case 'worker': {
      const rows = coreRows(entry.cores);
      // Status line, core rows, memory bar, then the cards.
      const cores = rows * 12 + (rows - 1) * 2;
      return { width: WIDTH.worker, height: NODE_FRAME + ROW + GAP + cores + GAP + 8 + GAP + CARDS + 2 };
    }
    case 'master':
      // The badge row and the three counters (label and figure).
      return { width: WIDTH.master, height: NODE_FRAME + 17 + GAP + 14 + 19 + 2 };
    case 'zookeeper':
      return { width: WIDTH.zookeeper, height: NODE_FRAME + ROW + GAP + ROW + 2 };
    case 'client':
      return { width: WIDTH.client, height: NODE_FRAME + ROW + GAP + CLIENT_CARDS + 2 };
  }
}

/**
 * Grid slots for workers: ids that had one keep it, new ids (in the given order) take the lowest
 * free slots, ids no longer present give theirs up.
 */
export function assignSlots(previous: ReadonlyMap<string, number>, workerIds: readonly string[]): Map<string, number> {
  const slots = new Map<string, number>();
  const taken = new Set<number>();
  for (const id of workerIds) {
    const s = previous.get(id);
    if (s !== undefined && !taken.has(s)) {
      slots.set(id, s);
      taken.add(s);
    }
  }
  let next = 0;
  for (const id of workerIds) {
    if (slots.has(id)) continue;
    while (taken.has(next)) next++;
    slots.set(id, next);
    taken.add(next);
  }
  return slots;
}

/** Where the client machine goes: first in the top row, or at the left of the worker grid. */
export type ClientPlacement = 'top' | 'side';

export interface Arrangement {
  columns: number;
  client: ClientPlacement;
}

export interface Layout {
  positions: Map<string, XY>;
  slots: Map<string, number>;
  arrangement: Arrangement;
  /** The box around every node at its estimated size, in flow coordinates. */
  bounds: Rect;
}

/** The canvas area the cluster is fitted into: its size, less what lies over its top edge. */
export interface Viewport extends Size {
  /** Screen pixels at the top covered by notices (the session banner): the fit leaves them free. */
  topInset?: number;
}

/** Until the canvas has been measured: about a 1280×720 window's canvas. */
export const DEFAULT_VIEWPORT: Viewport = { width: 760, height: 560 };

interface Parts {
  top: LayoutEntry[];
  client: LayoutEntry | undefined;
  /** Workers by slot, with their heights. */
  workers: { entry: LayoutEntry; slot: number; height: number }[];
  slotCount: number;
}

function partsOf(entries: readonly LayoutEntry[], slots: ReadonlyMap<string, number>): Parts {
  const workers = entries
    .filter((e) => e.kind === 'worker')
    .map((entry) => ({ entry, slot: slots.get(entry.id) ?? 0, height: estimatedSize(entry).height }));
  const slotCount = workers.reduce((m, w) => Math.max(m, w.slot + 1), 0);
  return {
    // Masters first (in their order), then ZooKeeper.
    top: [...entries.filter((e) => e.kind === 'master'), ...entries.filter((e) => e.kind === 'zookeeper')],
    client: entries.find((e) => e.kind === 'client'),
    workers,
    slotCount,
  };
}

/** The grid's column widths are equal; each row is as tall as its tallest worker. */
function gridGeometry(parts: Parts, columns: number) {
  const rowHeights: number[] = [];
  let usedColumns = 0;
  for (const w of parts.workers) {
    const row = Math.floor(w.slot / columns);
    rowHeights[row] = Math.max(rowHeights[row] ?? 0, w.height);
    usedColumns = Math.max(usedColumns, (w.slot % columns) + 1);
  }
  const rowTops: number[] = [];
  let height = 0;
  for (let r = 0; r < rowHeights.length; r++) {
    const h = rowHeights[r] ?? 0;
    // A row every worker has left (sticky slots) takes no room.
    if (h > 0 && height > 0) height += GAP_Y;
    rowTops[r] = height;
    height += h;
  }
  const width = usedColumns > 0 ? usedColumns * (WIDTH.worker + GAP_X) - GAP_X : 0;
  return { rowTops, width, height };
}

/** Where the rows go and the box around everything, without placing each node. */
function geometry(parts: Parts, arrangement: Arrangement) {
  const grid = gridGeometry(parts, arrangement.columns);
  const clientOnTop = parts.client !== undefined && (arrangement.client === 'top' || parts.workers.length === 0);
  const topRow = clientOnTop && parts.client ? [parts.client, ...parts.top] : parts.top;
  const topWidth = topRow.reduce((sum, e, i) => sum + estimatedSize(e).width + (i > 0 ? TOP_GAP : 0), 0);
  const topHeight = topRow.reduce((m, e) => Math.max(m, estimatedSize(e).height), 0);
  const gridTop = topRow.length > 0 && parts.workers.length > 0 ? topHeight + BAND : 0;
  // The client at the side sits level with the grid's top, at its left.
  const clientSize = parts.client && !clientOnTop ? estimatedSize(parts.client) : null;
  const clientAt: XY | null = clientSize ? { x: -clientSize.width - CLIENT_GAP, y: gridTop } : null;
  const lowerLeft = clientAt ? clientAt.x : 0;
  // The top row is centred over what is below it.
  const topLeft = (lowerLeft + grid.width - topWidth) / 2;
  const left = Math.min(lowerLeft, topLeft);
  const right = Math.max(grid.width, topLeft + topWidth);
  const bottom = Math.max(
    topHeight,
    gridTop + grid.height,
    clientAt && clientSize ? clientAt.y + clientSize.height : 0,
  );
  const bounds: Rect = { x: left, y: 0, width: right - left, height: bottom };
  return { grid, topRow, topLeft, gridTop, clientAt, bounds };
}

function place(parts: Parts, arrangement: Arrangement): { positions: Map<string, XY>; bounds: Rect } {
  const g = geometry(parts, arrangement);
  const positions = new Map<string, XY>();
  let x = g.topLeft;
  for (const e of g.topRow) {
    positions.set(e.id, { x, y: 0 });
    x += estimatedSize(e).width + TOP_GAP;
  }
  for (const w of parts.workers) {
    const row = Math.floor(w.slot / arrangement.columns);
    positions.set(w.entry.id, {
      x: (w.slot % arrangement.columns) * (WIDTH.worker + GAP_X),
      y: g.gridTop + (g.grid.rowTops[row] ?? 0),
    });
  }
  if (parts.client && g.clientAt) positions.set(parts.client.id, g.clientAt);
  return { positions, bounds: g.bounds };
}

/** The zoom at which `bounds` fits the viewport (less its margins), before the fit's own limits. */
function rawFitZoom(bounds: Size, viewport: Viewport): number {
  const w = Math.max(1, viewport.width - 2 * FIT_MARGIN);
  const h = Math.max(1, viewport.height - 2 * FIT_MARGIN - (viewport.topInset ?? 0));
  return Math.min(w / Math.max(1, bounds.width), h / Math.max(1, bounds.height));
}

/**
 * The arrangement with the largest fitting zoom (up to MAX_FIT_ZOOM: past it, the client on top
 * is preferred, then the larger zoom). Every column count from 1 to the number of slots is tried
 * with both client placements: the grid is cheap to measure.
 */
function chooseArrangement(parts: Parts, viewport: Viewport): Arrangement {
  const placements: ClientPlacement[] = parts.client ? ['top', 'side'] : ['top'];
  let best: { arrangement: Arrangement; capped: number; raw: number } | null = null;
  for (const client of placements) {
    for (let columns = 1; columns <= Math.max(1, parts.slotCount); columns++) {
      const arrangement = { columns, client };
      const raw = rawFitZoom(geometry(parts, arrangement).bounds, viewport);
      const capped = Math.round(Math.min(raw, MAX_FIT_ZOOM) * 1000) / 1000;
      if (
        !best ||
        capped > best.capped ||
        (capped === best.capped && client === best.arrangement.client && raw > best.raw)
      )
        best = { arrangement, capped, raw };
    }
  }
  return best?.arrangement ?? { columns: 1, client: 'top' };
}

/**
 * Top-left positions for every node (React Flow's node origin is the top-left corner), arranged
 * for the viewport, keeping the workers' previous slots.
 */
export function layoutCluster(
  entries: readonly LayoutEntry[],
  viewport: Viewport = DEFAULT_VIEWPORT,
  previousSlots: ReadonlyMap<string, number> = new Map(),
): Layout {
  const slots = assignSlots(
    previousSlots,
    entries.filter((e) => e.kind === 'worker').map((w) => w.id),
  );
  const parts = partsOf(entries, slots);
  const arrangement = chooseArrangement(parts, viewport);
  const { positions, bounds } = place(parts, arrangement);
  return { positions, slots, arrangement, bounds };
}

/** React Flow's viewport transform: flow point p is drawn at (p.x × zoom + x, p.y × zoom + y). */
export interface Transform {
  x: number;
  y: number;
  zoom: number;
}

/** The transform that shows `bounds` whole and centred in the viewport, below its top inset. */
export function fitTransform(bounds: Rect, viewport: Viewport): Transform {
  const zoom = Math.min(MAX_FIT_ZOOM, Math.max(MIN_ZOOM, rawFitZoom(bounds, viewport)));
  const inset = viewport.topInset ?? 0;
  const x = (viewport.width - bounds.width * zoom) / 2 - bounds.x * zoom;
  const y = inset + (viewport.height - inset - bounds.height * zoom) / 2 - bounds.y * zoom;
  return { x, y, zoom };
}

/** The smallest rectangle holding both. */
export function unionRect(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}

/** A stable text key of what the layout depends on (the canvas re-lays out only when it changes). */
export function layoutKey(order: readonly string[], nodes: Readonly<Record<string, NodeView | undefined>>): string {
  if (order === lastOrder && nodes === lastNodes) return lastKey;
  // Most frames replace a few nodes' views and keep every kind and core count: the same key,
  // found without building it again.
  if (order === lastOrder && lastNodes !== null && sameLayoutFields(order, nodes, lastNodes)) {
    lastNodes = nodes;
    return lastKey;
  }
  let key = '';
  for (const id of order) {
    const n = nodes[id];
    if (!n) continue;
    key += `${id}\u0000${n.kind}\u0000${n.kind === 'worker' ? n.cores : 0}\u0001`;
  }
  lastOrder = order;
  lastNodes = nodes;
  lastKey = key;
  return key;
}

// The store calls a selector on every change and React again while rendering: remember the last
// answer so a frame costs one pass over the nodes, not several.
let lastOrder: readonly string[] | null = null;
let lastNodes: Readonly<Record<string, NodeView | undefined>> | null = null;
let lastKey = '';

function sameLayoutFields(
  order: readonly string[],
  nodes: Readonly<Record<string, NodeView | undefined>>,
  before: Readonly<Record<string, NodeView | undefined>>,
): boolean {
  for (const id of order) {
    const n = nodes[id];
    const b = before[id];
    if (n === b) continue;
    if (!n || !b || n.kind !== b.kind) return false;
    if (n.kind === 'worker' && b.kind === 'worker' && n.cores !== b.cores) return false;
  }
  return true;
}

/** The inverse of layoutKey. */
export function parseLayoutKey(key: string): LayoutEntry[] {
  if (key === '') return [];
  return key
    .split('\u0001')
    .filter((part) => part !== '')
    .map((part) => {
      const [id = '', kind = 'worker', cores = '0'] = part.split('\u0000');
      return { id, kind: kind as NodeView['kind'], cores: Number(cores) };
    });
}

// The canvas's automatic layout, as pure functions: the client machine on the left, Masters and
// ZooKeeper in a row at the top, Workers in a grid below. Worker grid slots are sticky (a worker
// keeps its slot while it exists, a new one takes the lowest free slot), so adding or removing one
// worker does not shuffle the others around the screen.
import type { NodeView } from '../../engine/public';

export interface XY {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/** What the layout needs to know of a node: its kind and (for a worker) how many cores it has. */
export interface LayoutEntry {
  id: string;
  kind: NodeView['kind'];
  cores: number;
}

/** Above this many workers, nodes switch to their compact rendering (see WorkerNode). */
export const COMPACT_WORKER_THRESHOLD = 60;

/**
 * Whether the cluster is drawn compact (more than COMPACT_WORKER_THRESHOLD workers), as a store
 * selector every worker node calls: it counts once per node list, not once per node.
 */
export function isCompactCluster(s: {
  nodeOrder: readonly string[];
  nodes: Readonly<Record<string, NodeView | undefined>>;
}): boolean {
  if (s.nodeOrder === compactOrder && s.nodes === compactNodes) return compactAnswer;
  let workers = 0;
  for (const id of s.nodeOrder) if (s.nodes[id]?.kind === 'worker') workers++;
  compactOrder = s.nodeOrder;
  compactNodes = s.nodes;
  compactAnswer = workers > COMPACT_WORKER_THRESHOLD;
  return compactAnswer;
}

let compactOrder: readonly string[] | null = null;
let compactNodes: Readonly<Record<string, NodeView | undefined>> | null = null;
let compactAnswer = false;

/** Worker core grid: at most this many cells a row; beyond CORE_CELL_LIMIT cores a bar replaces the cells. */
export const CORE_GRID_COLUMNS = 16;
export const CORE_CELL_LIMIT = 128;

/** Process cards a full-size worker shows before "+N more" (keeps the node's height bounded). */
export const MAX_PROCESS_CARDS = 4;
/** Process chips a compact worker shows before "+N". */
export const MAX_PROCESS_CHIPS = 7;

const GAP_X = 32;
const GAP_Y = 36;
/** Room between the Master row and the worker grid, where most arrows fly. */
const TOP_ROW_GAP = 110;
/** Room between the client machine and the cluster. */
const CLIENT_GAP = 120;

// Sizes are the CSS sizes of canvas.css (widths are fixed there; heights are the most a node grows
// to), so the grid leaves room for a node with all its process cards showing.
const WIDTH: Record<NodeView['kind'], number> = { worker: 236, master: 210, zookeeper: 190, client: 236 };
const COMPACT_WORKER_WIDTH = 150;

/** How many rows of cells a worker's core grid has. */
export function coreRows(cores: number): number {
  if (cores > CORE_CELL_LIMIT) return 1;
  return Math.max(1, Math.ceil(cores / CORE_GRID_COLUMNS));
}

/** The size a node is laid out with (and drawn with by the overlay until it has been measured). */
export function estimatedSize(entry: Pick<LayoutEntry, 'kind' | 'cores'>, compact: boolean): Size {
  switch (entry.kind) {
    case 'worker': {
      const rows = coreRows(entry.cores);
      // Compact workers have exactly this height (WorkerNode sets it): a node that never changes
      // size never makes React Flow re-measure, which is what keeps 500 workers cheap.
      if (compact) return { width: COMPACT_WORKER_WIDTH, height: 86 + rows * 8 };
      // Header, daemon line, core rows, memory bar and usage text, then the cards and "+N more".
      return { width: WIDTH.worker, height: 92 + rows * 14 + MAX_PROCESS_CARDS * 36 + 18 };
    }
    case 'master':
      return { width: WIDTH.master, height: 118 };
    case 'zookeeper':
      return { width: WIDTH.zookeeper, height: 84 };
    case 'client':
      return { width: WIDTH.client, height: 140 };
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

/**
 * Columns of the worker grid: about as wide as a 16:9 screen makes sense for the node's shape, and
 * never more columns than workers.
 */
export function gridColumns(workers: number, compact: boolean, cores = 8): number {
  if (workers <= 0) return 1;
  const size = estimatedSize({ kind: 'worker', cores }, compact);
  const ratio = (size.height + GAP_Y) / (size.width + GAP_X);
  return Math.max(1, Math.min(workers, Math.ceil(Math.sqrt(workers * ratio * (16 / 9)))));
}

export interface Layout {
  positions: Map<string, XY>;
  slots: Map<string, number>;
  compact: boolean;
}

/** Top-left positions for every node (React Flow's node origin is the top-left corner). */
export function layoutCluster(
  entries: readonly LayoutEntry[],
  previousSlots: ReadonlyMap<string, number> = new Map(),
): Layout {
  const workers = entries.filter((e) => e.kind === 'worker');
  const compact = workers.length > COMPACT_WORKER_THRESHOLD;
  const slots = assignSlots(
    previousSlots,
    workers.map((w) => w.id),
  );
  const positions = new Map<string, XY>();

  // The grid: a column per (slot mod cols), each row as tall as its tallest worker.
  const typicalCores = workers.length > 0 ? Math.max(...workers.map((w) => Math.min(w.cores, CORE_CELL_LIMIT + 1))) : 8;
  const cols = gridColumns(workers.length, compact, typicalCores);
  const colWidth = estimatedSize({ kind: 'worker', cores: 1 }, compact).width + GAP_X;
  const rowHeights: number[] = [];
  for (const w of workers) {
    const row = Math.floor((slots.get(w.id) ?? 0) / cols);
    const h = estimatedSize(w, compact).height;
    rowHeights[row] = Math.max(rowHeights[row] ?? 0, h);
  }
  const rowTops: number[] = [];
  let y = 0;
  for (let r = 0; r < rowHeights.length; r++) {
    rowTops[r] = y;
    y += (rowHeights[r] ?? 0) + GAP_Y;
  }
  const gridWidth = workers.length > 0 ? Math.min(cols, workers.length) * colWidth - GAP_X : 0;

  // The top row: Masters, then ZooKeeper, centred over the grid.
  const top = entries.filter((e) => e.kind === 'master' || e.kind === 'zookeeper');
  const topWidth =
    top.reduce((sum, e) => sum + estimatedSize(e, compact).width + GAP_X * 2, 0) - (top.length > 0 ? GAP_X * 2 : 0);
  const topHeight = top.reduce((m, e) => Math.max(m, estimatedSize(e, compact).height), 0);
  const gridTop = top.length > 0 ? topHeight + TOP_ROW_GAP : 0;
  let x = (gridWidth - topWidth) / 2;
  for (const e of top) {
    positions.set(e.id, { x, y: 0 });
    x += estimatedSize(e, compact).width + GAP_X * 2;
  }

  for (const w of workers) {
    const slot = slots.get(w.id) ?? 0;
    const row = Math.floor(slot / cols);
    positions.set(w.id, { x: (slot % cols) * colWidth, y: gridTop + (rowTops[row] ?? 0) });
  }

  // The client machine: left of everything, level with the Masters.
  const left = Math.min(0, (gridWidth - topWidth) / 2);
  for (const e of entries) {
    if (e.kind !== 'client') continue;
    positions.set(e.id, { x: left - estimatedSize(e, compact).width - CLIENT_GAP, y: 0 });
  }
  return { positions, slots, compact };
}

/** A stable text key of what the layout depends on (the canvas re-lays out only when it changes). */
export function layoutKey(order: readonly string[], nodes: Readonly<Record<string, NodeView | undefined>>): string {
  if (order === lastOrder && nodes === lastNodes) return lastKey;
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

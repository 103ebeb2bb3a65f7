// The message overlay's own thread: the canvas is an OffscreenCanvas transferred here, and the
// painter (overlay-painter.ts) draws it in this worker's animation frames, so the arrows, dots and
// labels of thousands of flights, and Skia's rasterising of them, cost the page's main thread
// nothing. A busy 500-worker cluster spent 4 to 6 ms of each main-thread frame on them
// (`npm run bench -- ui`, Chromium trace). The worker keeps a copy of the flight board, fed by the
// same addFlights / advanceFlights the page's board uses.
import { addFlights, advanceFlights, createFlightBoard } from '../flights';
import { OverlayPainter, type Scene } from './overlay-painter';
import type { FromOverlayWorker, ToOverlayWorker } from './overlay-protocol';

interface WorkerScope {
  onmessage: ((e: MessageEvent<ToOverlayWorker>) => void) | null;
  postMessage(message: FromOverlayWorker): void;
  requestAnimationFrame(cb: () => void): number;
}

const scope = globalThis as unknown as WorkerScope;
const board = createFlightBoard();
const painter = new OverlayPainter();
let ctx: OffscreenCanvasRenderingContext2D | null = null;
let canvas: OffscreenCanvas | null = null;
let ids: readonly string[] = [];
let boxes: Float64Array = new Float64Array(0);
let scene: Omit<Scene, 'width' | 'height' | 'ratio' | 'board'> | null = null;
let width = 0;
let height = 0;
let ratio = 1;
let nodesDirty = true;
let dirty = true;
let scheduled = false;

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  scope.requestAnimationFrame(draw);
}

function draw(): void {
  scheduled = false;
  if (!ctx || !canvas || !scene || !dirty) return;
  dirty = false;
  const pw = Math.max(1, Math.round(width * ratio));
  const ph = Math.max(1, Math.round(height * ratio));
  if (canvas.width !== pw || canvas.height !== ph) {
    canvas.width = pw;
    canvas.height = ph;
  }
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  if (nodesDirty) {
    nodesDirty = false;
    painter.beginNodes(width, height);
    for (let i = 0; i < ids.length; i++) {
      const o = i * 4;
      painter.node(ids[i] as string, boxes[o] ?? 0, boxes[o + 1] ?? 0, boxes[o + 2] ?? 0, boxes[o + 3] ?? 0);
    }
    painter.endNodes();
  }
  // The painter draws through the 2D API both contexts share.
  painter.draw(ctx as unknown as CanvasRenderingContext2D, { ...scene, width, height, ratio, board });
  scope.postMessage({ type: 'labels', labels: painter.labels.map((l) => ({ ...l })) });
}

scope.onmessage = (e) => {
  const m = e.data;
  switch (m.type) {
    case 'init':
      canvas = m.canvas;
      ctx = canvas.getContext('2d');
      break;
    case 'size':
      width = m.width;
      height = m.height;
      ratio = m.ratio;
      nodesDirty = true;
      break;
    case 'nodes':
      if (m.ids) ids = m.ids;
      boxes = m.boxes;
      nodesDirty = true;
      break;
    case 'scene':
      scene = m;
      break;
    case 'flights':
      for (const b of m.batches) addFlights(board, b.messages, b.drops, b.full);
      advanceFlights(board, m.time);
      break;
  }
  dirty = true;
  schedule();
};

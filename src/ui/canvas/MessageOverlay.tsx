// Messages in flight and network partitions, drawn on one <canvas> over the flow (overlay-painter.ts
// draws). It runs its own requestAnimationFrame loop and reads the flight board and React Flow's
// store directly (never React state), and redraws only when the board, the viewport, the nodes or
// the toggles changed, so hundreds of flights cost one 2D pass per animation frame and nothing
// when idle. Where the browser can hand a canvas to a worker (OffscreenCanvas), that pass runs in
// the overlay's own worker (overlay-worker.ts): this loop only posts what changed (node boxes,
// new flights, the scene), and the drawing and its rasterising leave the page's main thread.
// After each draw the boxes of the labels it drew are on `window.__sparkOverlayLabels` (viewport
// px), which the browser tests read to check that no label covers a node's text or another label.
import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { MessageKind } from '../../engine/public';
import { messageColorVar } from '../colors';
import { flightBoard } from '../flights';
import { usePlaygroundStore } from '../PlaygroundProvider';
import { DARK_SCHEME_QUERY, REDUCED_MOTION_QUERY } from '../use-media-query';
import { estimatedSize } from './layout';
import type { OverlayLabelBox } from './overlay-labels';
import type { Colours, OverlayPainter } from './overlay-painter';
import type { FromOverlayWorker, ToOverlayWorker } from './overlay-protocol';

const KINDS: readonly MessageKind[] = ['registration', 'scheduling', 'state', 'heartbeat', 'kill', 'task', 'other'];

function readColours(el: Element): Colours {
  const cs = getComputedStyle(el);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  const kind = {} as Record<MessageKind, string>;
  for (const k of KINDS) kind[k] = v(messageColorVar(k), '#888888');
  return { kind, danger: v('--danger', '#cf222e'), fg: v('--fg', '#1f2328'), labelBg: v('--node-bg', '#ffffff') };
}

/** The overlay's worker, or null where a canvas cannot be handed to one (then it draws here). */
function startWorker(canvas: HTMLCanvasElement): Worker | null {
  if (typeof Worker === 'undefined' || typeof canvas.transferControlToOffscreen !== 'function') return null;
  const worker = new Worker(new URL('./overlay-worker.ts', import.meta.url), {
    type: 'module',
    name: 'message-overlay',
  });
  const offscreen = canvas.transferControlToOffscreen();
  const init: ToOverlayWorker = { type: 'init', canvas: offscreen };
  worker.postMessage(init, [offscreen]);
  return worker;
}

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

function sameBoxes(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function MessageOverlay({ compact }: { compact: boolean }) {
  // The canvas is made here, not by React: a canvas handed to a worker cannot be drawn on again,
  // so each mount (StrictMode mounts twice in development) needs a fresh one.
  const hostRef = useRef<HTMLDivElement>(null);
  const rf = useStoreApi();
  const store = usePlaygroundStore();
  const compactRef = useRef(compact);
  const dirtyRef = useRef(true);
  const nodesDirtyRef = useRef(true);

  useEffect(() => {
    compactRef.current = compact;
    dirtyRef.current = true;
    nodesDirtyRef.current = true;
  }, [compact]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const canvas = document.createElement('canvas');
    canvas.className = 'message-overlay';
    canvas.setAttribute('aria-hidden', 'true');
    canvas.dataset.testid = 'message-overlay';
    host.append(canvas);
    const worker = startWorker(canvas);
    const ctx = worker ? null : canvas.getContext('2d');
    if (!worker && !ctx) {
      canvas.remove();
      return;
    }

    // Drawing here (no worker) needs the painter, which the page then loads on its own: where the
    // worker draws, the entry script does not carry it.
    let painter: OverlayPainter | null = null;
    let disposed = false;
    // The labels of the last draw, kept in one array (the worker's arrive as copies).
    const published: OverlayLabelBox[] = [];
    window.__sparkOverlayLabels = published;
    if (!worker)
      void import('./overlay-painter').then(({ OverlayPainter: Painter }) => {
        if (disposed) return;
        painter = new Painter();
        nodesDirtyRef.current = true;
        dirtyRef.current = true;
      });
    if (worker) {
      worker.onmessage = (e: MessageEvent<FromOverlayWorker>) => {
        published.length = 0;
        published.push(...e.data.labels);
      };
      // From now on the board keeps each frame's flights for the worker too; it starts with those in flight.
      flightBoard.outbox = [{ messages: [...flightBoard.flights.values()], drops: [], full: true }];
    }
    const post = (m: ToOverlayWorker, transfer: Transferable[] = []) => worker?.postMessage(m, transfer);
    let postedIds: readonly string[] = [];
    let postedBoxes = new Float64Array(0);
    let postedTime = Number.NaN;
    let postedScene = '';
    let postedPartitions: unknown = null;
    let postedSize = '';
    let coloursVersion = 0;
    let colours = readColours(canvas);
    let coloursStale = false;
    let lastVersion = -1;
    let lastReduced = false;
    let width = 0;
    let height = 0;
    let dpr = 0;
    const origin = { x: 0, y: 0 };
    const markDirty = () => {
      dirtyRef.current = true;
    };
    const markNodes = () => {
      nodesDirtyRef.current = true;
      dirtyRef.current = true;
    };
    const markColours = () => {
      coloursStale = true;
      coloursVersion++;
      dirtyRef.current = true;
    };
    // Where the canvas sits in the viewport, for the published label boxes: read when it is laid
    // out anew (resized, the window resized or the page scrolled), never in the animation frame.
    const readOrigin = () => {
      const r = canvas.getBoundingClientRect();
      origin.x = r.left;
      origin.y = r.top;
    };

    const reducedQuery = window.matchMedia(REDUCED_MOTION_QUERY);
    const darkQuery = window.matchMedia(DARK_SCHEME_QUERY);
    darkQuery.addEventListener('change', markColours);
    // The page switches themes with a data-theme attribute somewhere above the canvas.
    const themeObserver = new MutationObserver(markColours);
    themeObserver.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme'],
      subtree: true,
    });
    const unsubscribeFlow = rf.subscribe(markNodes);
    const unsubscribePage = store.subscribe((s, prev) => {
      if (s.theme !== prev.theme) markColours();
      if (s.nodes !== prev.nodes) markNodes();
      if (
        s.partitions !== prev.partitions ||
        s.showHeartbeats !== prev.showHeartbeats ||
        s.showTasks !== prev.showTasks ||
        s.showReplies !== prev.showReplies
      )
        markDirty();
    });
    const resize = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (!box) return;
      width = box.width;
      height = box.height;
      readOrigin();
      markNodes();
    });
    resize.observe(canvas);
    const moved = () => {
      readOrigin();
      markDirty();
    };
    window.addEventListener('resize', moved);
    // The page itself, not the panels' own scrolling: nothing but the page moves the canvas.
    window.addEventListener('scroll', moved, { passive: true });

    /** Every node's box on screen, from React Flow's positions and measured sizes. */
    const passNodes = (tx: number, ty: number, zoom: number) => {
      const lookup = rf.getState().nodeLookup;
      const ids: string[] = [];
      const boxes = new Float64Array(lookup.size * 4);
      if (!worker) painter?.beginNodes(width, height);
      const page = store.getState();
      lookup.forEach((n, id) => {
        const { x, y } = n.internals.positionAbsolute;
        let w = n.measured.width;
        let h = n.measured.height;
        // Nodes outside the view are not rendered (onlyRenderVisibleElements) and may never have
        // been measured: use the size the layout gave them.
        if (!w || !h) {
          const view = page.nodes[id];
          const est = estimatedSize(
            { kind: view?.kind ?? 'worker', cores: view?.kind === 'worker' ? view.cores : 0 },
            compactRef.current,
          );
          w = w || est.width;
          h = h || est.height;
        }
        if (!worker) {
          painter?.node(id, x * zoom + tx, y * zoom + ty, w * zoom, h * zoom);
          return;
        }
        const o = ids.length * 4;
        ids.push(id);
        boxes[o] = x * zoom + tx;
        boxes[o + 1] = y * zoom + ty;
        boxes[o + 2] = w * zoom;
        boxes[o + 3] = h * zoom;
      });
      if (!worker) {
        painter?.endNodes();
        return;
      }
      // Frames replace node views all the time; the boxes seldom move: post only a change.
      const newIds = !sameIds(ids, postedIds);
      if (!newIds && sameBoxes(boxes, postedBoxes)) return;
      postedIds = ids;
      postedBoxes = boxes.slice();
      post({ type: 'nodes', ids: newIds ? ids : null, boxes }, [boxes.buffer]);
    };

    let raf = 0;
    const frame = () => {
      raf = requestAnimationFrame(frame);
      const reduced = reducedQuery.matches;
      const ratio = window.devicePixelRatio || 1;
      if (reduced !== lastReduced || ratio !== dpr) dirtyRef.current = true;
      if (!dirtyRef.current && flightBoard.version === lastVersion) return;
      dirtyRef.current = false;
      lastVersion = flightBoard.version;
      lastReduced = reduced;
      if (coloursStale) {
        colours = readColours(canvas);
        coloursStale = false;
      }
      const [tx, ty, zoom] = rf.getState().transform;
      const page = store.getState();
      const filter = { showHeartbeats: page.showHeartbeats, showTasks: page.showTasks, showReplies: page.showReplies };
      if (worker) {
        const size = `${width}|${height}|${ratio}`;
        if (size !== postedSize) {
          postedSize = size;
          dpr = ratio;
          post({ type: 'size', width, height, ratio });
        }
        if (nodesDirtyRef.current) {
          nodesDirtyRef.current = false;
          passNodes(tx, ty, zoom);
        }
        const sceneKey = `${zoom}|${reduced}|${coloursVersion}|${origin.x}|${origin.y}|${filter.showHeartbeats}|${filter.showTasks}|${filter.showReplies}`;
        if (sceneKey !== postedScene || page.partitions !== postedPartitions) {
          postedScene = sceneKey;
          postedPartitions = page.partitions;
          post({ type: 'scene', zoom, colours, reduced, partitions: page.partitions, filter, origin: { ...origin } });
        }
        const batches = flightBoard.outbox ?? [];
        if (batches.length > 0 || flightBoard.time !== postedTime) {
          postedTime = flightBoard.time;
          post({ type: 'flights', batches: batches.splice(0), time: flightBoard.time });
        }
        return;
      }
      if (!ctx || !painter) return;
      const pw = Math.max(1, Math.round(width * ratio));
      const ph = Math.max(1, Math.round(height * ratio));
      if (canvas.width !== pw || canvas.height !== ph || ratio !== dpr) {
        canvas.width = pw;
        canvas.height = ph;
        dpr = ratio;
      }
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      if (nodesDirtyRef.current) {
        nodesDirtyRef.current = false;
        passNodes(tx, ty, zoom);
      }
      painter.draw(ctx, {
        width,
        height,
        ratio,
        zoom,
        board: flightBoard,
        colours,
        reduced,
        partitions: page.partitions,
        filter,
        origin,
      });
      published.length = 0;
      published.push(...painter.labels);
    };
    raf = requestAnimationFrame(frame);

    return () => {
      disposed = true;
      cancelAnimationFrame(raf);
      darkQuery.removeEventListener('change', markColours);
      themeObserver.disconnect();
      unsubscribeFlow();
      unsubscribePage();
      resize.disconnect();
      window.removeEventListener('resize', moved);
      window.removeEventListener('scroll', moved);
      if (window.__sparkOverlayLabels === published) window.__sparkOverlayLabels = [];
      if (worker) {
        flightBoard.outbox = undefined;
        worker.terminate();
      }
      canvas.remove();
    };
  }, [rf, store]);

  return <div ref={hostRef} className="message-overlay-host" />;
}

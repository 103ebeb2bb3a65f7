// Messages in flight and network partitions, drawn on one <canvas> over the flow (overlay-painter.ts
// draws). It runs its own requestAnimationFrame loop and reads the flight board and React Flow's
// store directly (never React state), and redraws only when the board, the viewport, the nodes or
// the toggles changed, so hundreds of flights cost one cheap 2D pass per animation frame and
// nothing when idle. After each draw the boxes of the labels it drew are on
// `window.__sparkOverlayLabels` (viewport px), which the browser tests read to check that no label
// covers a node's text or another label.
import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { MessageKind } from '../../engine/public';
import { messageColorVar } from '../colors';
import { flightBoard } from '../flights';
import { usePlaygroundStore } from '../PlaygroundProvider';
import { DARK_SCHEME_QUERY, REDUCED_MOTION_QUERY } from '../use-media-query';
import { estimatedSize } from './layout';
import { OverlayPainter, type Colours } from './overlay-painter';

const KINDS: readonly MessageKind[] = ['registration', 'scheduling', 'state', 'heartbeat', 'kill', 'task', 'other'];

function readColours(el: Element): Colours {
  const cs = getComputedStyle(el);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  const kind = {} as Record<MessageKind, string>;
  for (const k of KINDS) kind[k] = v(messageColorVar(k), '#888888');
  return { kind, danger: v('--danger', '#cf222e'), fg: v('--fg', '#1f2328'), labelBg: v('--node-bg', '#ffffff') };
}

export function MessageOverlay({ compact }: { compact: boolean }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
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
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;

    const painter = new OverlayPainter();
    window.__sparkOverlayLabels = painter.labels;
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
      painter.beginNodes(width, height);
      const page = store.getState();
      rf.getState().nodeLookup.forEach((n, id) => {
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
        painter.node(id, x * zoom + tx, y * zoom + ty, w * zoom, h * zoom);
      });
      painter.endNodes();
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
      const pw = Math.max(1, Math.round(width * ratio));
      const ph = Math.max(1, Math.round(height * ratio));
      if (canvas.width !== pw || canvas.height !== ph || ratio !== dpr) {
        canvas.width = pw;
        canvas.height = ph;
        dpr = ratio;
      }
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      const [tx, ty, zoom] = rf.getState().transform;
      if (nodesDirtyRef.current) {
        nodesDirtyRef.current = false;
        passNodes(tx, ty, zoom);
      }
      const page = store.getState();
      painter.draw(ctx, {
        width,
        height,
        ratio,
        zoom,
        board: flightBoard,
        colours,
        reduced,
        partitions: page.partitions,
        filter: { showHeartbeats: page.showHeartbeats, showTasks: page.showTasks, showReplies: page.showReplies },
        origin,
      });
    };
    raf = requestAnimationFrame(frame);

    return () => {
      cancelAnimationFrame(raf);
      darkQuery.removeEventListener('change', markColours);
      themeObserver.disconnect();
      unsubscribeFlow();
      unsubscribePage();
      resize.disconnect();
      window.removeEventListener('resize', moved);
      window.removeEventListener('scroll', moved);
      if (window.__sparkOverlayLabels === painter.labels) window.__sparkOverlayLabels = [];
    };
  }, [rf, store]);

  return <canvas ref={canvasRef} className="message-overlay" aria-hidden="true" data-testid="message-overlay" />;
}

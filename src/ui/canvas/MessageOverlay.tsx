// Messages in flight and network partitions, drawn on one <canvas> over the flow. It runs its own
// requestAnimationFrame loop and reads the flight board and React Flow's store directly (never
// React state), and redraws only when the board, the viewport, the nodes or the toggles changed,
// so hundreds of flights cost one cheap 2D pass per animation frame and nothing when idle.
import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { MessageKind, PartitionView } from '../../engine/public';
import { messageColorVar } from '../colors';
import { flightBoard, progress, type Flight } from '../flights';
import { usePlaygroundStore } from '../PlaygroundProvider';
import { DARK_SCHEME_QUERY, REDUCED_MOTION_QUERY } from '../use-media-query';
import { estimatedSize } from './layout';
import {
  chooseLabels,
  dropText,
  flightAlpha,
  flightLabel,
  flightShown,
  labelCap,
  placeLabels,
  pointAlong,
  segmentBetween,
  toScreen,
  type Rect,
  type Segment,
  type Viewport,
} from './overlay-geometry';

const KINDS: readonly MessageKind[] = ['registration', 'scheduling', 'state', 'heartbeat', 'kill', 'task', 'other'];

/** Space between an arrow and its reply (flow units, before zoom). */
const REPLY_OFFSET = 4;
const DOT_RADIUS = 4;
const ARROW_SIZE = 7;
const LABEL_FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const LABEL_HEIGHT = 16;

interface Colours {
  kind: Record<MessageKind, string>;
  danger: string;
  fg: string;
  labelBg: string;
}

function readColours(el: Element): Colours {
  const cs = getComputedStyle(el);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  const kind = {} as Record<MessageKind, string>;
  for (const k of KINDS) kind[k] = v(messageColorVar(k), '#888888');
  return { kind, danger: v('--danger', '#cf222e'), fg: v('--fg', '#1f2328'), labelBg: v('--node-bg', '#ffffff') };
}

interface Drawn {
  f: Flight;
  s: Segment;
  t: number;
}

function arrowHead(ctx: CanvasRenderingContext2D, s: Segment, size: number): void {
  const a = Math.atan2(s.to.y - s.from.y, s.to.x - s.from.x);
  ctx.beginPath();
  ctx.moveTo(s.to.x, s.to.y);
  ctx.lineTo(s.to.x - size * Math.cos(a - 0.45), s.to.y - size * Math.sin(a - 0.45));
  ctx.lineTo(s.to.x - size * Math.cos(a + 0.45), s.to.y - size * Math.sin(a + 0.45));
  ctx.closePath();
  ctx.fill();
}

function cross(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x - r, y - r);
  ctx.lineTo(x + r, y + r);
  ctx.moveTo(x + r, y - r);
  ctx.lineTo(x - r, y + r);
  ctx.stroke();
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
  if (oneWay) arrowHead(ctx, s, 11);
  const m = pointAlong(s, 0.5);
  ctx.beginPath();
  ctx.arc(m.x, m.y, 11, 0, Math.PI * 2);
  ctx.fillStyle = c.labelBg;
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = c.danger;
  ctx.font = '16px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText('✂', m.x, m.y + 1);
  ctx.restore();
}

interface Scene {
  width: number;
  height: number;
  viewport: Viewport;
  rect: (id: string) => Rect | null;
  colours: Colours;
  reduced: boolean;
  partitions: readonly PartitionView[];
  showHeartbeats: boolean;
  showTasks: boolean;
}

function drawScene(ctx: CanvasRenderingContext2D, sc: Scene): void {
  const { viewport: v, colours: c } = sc;
  ctx.clearRect(0, 0, sc.width, sc.height);
  const screenSeg = (a: Rect, b: Rect, offset: number): Segment | null => {
    const seg = segmentBetween(a, b, offset);
    return seg && { from: toScreen(seg.from, v), to: toScreen(seg.to, v) };
  };

  for (const p of sc.partitions) {
    const a = sc.rect(p.a);
    const b = sc.rect(p.b);
    const s = a && b && screenSeg(a, b, 0);
    if (s) drawPartition(ctx, s, p.oneWay, c);
  }

  const filter = { showHeartbeats: sc.showHeartbeats, showTasks: sc.showTasks };
  const drawn: Drawn[] = [];
  for (const f of flightBoard.flights.values()) {
    if (!flightShown(f, filter)) continue;
    const a = sc.rect(f.from);
    const b = sc.rect(f.to);
    const s = a && b && screenSeg(a, b, REPLY_OFFSET);
    if (!s) continue;
    // Off screen entirely: nothing to draw.
    const minX = Math.min(s.from.x, s.to.x);
    const maxX = Math.max(s.from.x, s.to.x);
    const minY = Math.min(s.from.y, s.to.y);
    const maxY = Math.max(s.from.y, s.to.y);
    if (maxX < -20 || minX > sc.width + 20 || maxY < -20 || minY > sc.height + 20) continue;
    drawn.push({ f, s, t: progress(f, flightBoard.time) });
  }

  // Lines first (faint), then dots and crosses, then labels on top of everything.
  ctx.lineWidth = 1.5;
  ctx.lineCap = 'round';
  for (const { f, s, t } of drawn) {
    const colour = c.kind[f.kind];
    ctx.strokeStyle = colour;
    ctx.fillStyle = colour;
    ctx.globalAlpha = flightAlpha(f.kind) * (sc.reduced ? 0.9 : 0.45);
    const end = f.dropped ? pointAlong(s, t) : s.to;
    ctx.beginPath();
    ctx.moveTo(s.from.x, s.from.y);
    ctx.lineTo(end.x, end.y);
    ctx.stroke();
    if (!f.dropped) arrowHead(ctx, s, ARROW_SIZE);
  }
  for (const { f, s, t } of drawn) {
    const p = pointAlong(s, t);
    if (f.dropped) {
      ctx.globalAlpha = 1;
      ctx.strokeStyle = c.danger;
      ctx.lineWidth = 2.5;
      cross(ctx, p.x, p.y, 5);
      ctx.lineWidth = 1.5;
    } else if (!sc.reduced) {
      ctx.globalAlpha = flightAlpha(f.kind);
      ctx.fillStyle = c.kind[f.kind];
      ctx.beginPath();
      ctx.arc(p.x, p.y, DOT_RADIUS, 0, Math.PI * 2);
      ctx.fill();
    }
  }

  const labelled = chooseLabels(
    drawn.map((d) => d.f),
    labelCap(v.zoom),
  );
  if (labelled.size === 0) {
    ctx.globalAlpha = 1;
    return;
  }
  ctx.font = LABEL_FONT;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  const wanted = drawn
    .filter((d) => labelled.has(d.f.id))
    // Most telling first, so placement gives them the best spots.
    .sort(
      (x, y) =>
        Number(Boolean(y.f.dropped)) - Number(Boolean(x.f.dropped)) || flightAlpha(y.f.kind) - flightAlpha(x.f.kind),
    );
  const texts = wanted.map((d) => (d.f.dropped ? `${flightLabel(d.f)} — ${dropText(d.f.dropped)}` : flightLabel(d.f)));
  const anchors = wanted.map((d) => pointAlong(d.s, sc.reduced && !d.f.dropped ? 0.5 : d.t));
  const widths = texts.map((t) => ctx.measureText(t).width + 10);
  const spots = placeLabels(
    wanted.map((_, i) => ({
      x: anchors[i]!.x,
      y: anchors[i]!.y - DOT_RADIUS - 2,
      width: widths[i]!,
      height: LABEL_HEIGHT,
    })),
  );
  wanted.forEach((d, i) => {
    const spot = spots[i];
    if (!spot) return;
    const text = texts[i]!;
    const w = widths[i]!;
    ctx.globalAlpha = flightAlpha(d.f.kind) < 1 ? 0.75 : 1;
    ctx.fillStyle = c.labelBg;
    ctx.strokeStyle = d.f.dropped ? c.danger : c.kind[d.f.kind];
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.roundRect(spot.x, spot.y, w, LABEL_HEIGHT, 4);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = d.f.dropped ? c.danger : c.fg;
    ctx.fillText(text, spot.x + 5, spot.y + LABEL_HEIGHT / 2 + 0.5);
  });
  ctx.globalAlpha = 1;
}

export function MessageOverlay({ compact }: { compact: boolean }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rf = useStoreApi();
  const store = usePlaygroundStore();
  const compactRef = useRef(compact);
  const dirtyRef = useRef(true);

  useEffect(() => {
    compactRef.current = compact;
    dirtyRef.current = true;
  }, [compact]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;

    let colours = readColours(canvas);
    let coloursStale = false;
    let lastVersion = -1;
    let lastReduced = false;
    let width = 0;
    let height = 0;
    let dpr = 0;
    const markDirty = () => {
      dirtyRef.current = true;
    };
    const markColours = () => {
      coloursStale = true;
      dirtyRef.current = true;
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
    const unsubscribeFlow = rf.subscribe(markDirty);
    const unsubscribePage = store.subscribe((s, prev) => {
      if (s.theme !== prev.theme) markColours();
      if (
        s.partitions !== prev.partitions ||
        s.showHeartbeats !== prev.showHeartbeats ||
        s.showTasks !== prev.showTasks ||
        s.nodes !== prev.nodes
      )
        markDirty();
    });
    const resize = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (!box) return;
      width = box.width;
      height = box.height;
      markDirty();
    });
    resize.observe(canvas);

    const rectOf = (id: string): Rect | null => {
      const n = rf.getState().nodeLookup.get(id);
      if (!n) return null;
      const { x, y } = n.internals.positionAbsolute;
      let w = n.measured.width;
      let h = n.measured.height;
      // Nodes outside the view are not rendered (onlyRenderVisibleElements) and may never have
      // been measured: use the size the layout gave them.
      if (!w || !h) {
        const view = store.getState().nodes[id];
        const est = estimatedSize(
          { kind: view?.kind ?? 'worker', cores: view?.kind === 'worker' ? view.cores : 0 },
          compactRef.current,
        );
        w = w || est.width;
        h = h || est.height;
      }
      return { x, y, width: w, height: h };
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
      const page = store.getState();
      drawScene(ctx, {
        width,
        height,
        viewport: { x: tx, y: ty, zoom },
        rect: rectOf,
        colours,
        reduced,
        partitions: page.partitions,
        showHeartbeats: page.showHeartbeats,
        showTasks: page.showTasks,
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
    };
  }, [rf, store]);

  return <canvas ref={canvasRef} className="message-overlay" aria-hidden="true" data-testid="message-overlay" />;
}

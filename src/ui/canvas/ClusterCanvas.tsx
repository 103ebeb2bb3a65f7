// The cluster as a React Flow canvas: one node per machine (client, Masters, ZooKeeper, Workers)
// in an automatic layout the user can rearrange by dragging, messages and partitions drawn by the
// overlay, and workers dropped in from the palette. React Flow's node objects carry no data: each
// node component reads its own slice of the store, so frames never rebuild the node list.
// The layout is arranged for the canvas's size (measured with a ResizeObserver) and fitted into
// it, below whatever notice lies over the canvas's top; it is arranged and fitted again when
// machines come or go and, unless the user moved the view, when the canvas or the notices resize.
import {
  applyNodeChanges,
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  type Node,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DragEvent, RefObject } from 'react';
import { useController, usePlayground, usePlaygroundStore } from '../PlaygroundProvider';
import { REDUCED_MOTION_QUERY, useMediaQuery } from '../use-media-query';
import { addWorker } from './add-worker';
import { ClientNode } from './ClientNode';
import {
  DEFAULT_VIEWPORT,
  estimatedSize,
  fitTransform,
  layoutCluster,
  layoutKey,
  MAX_ZOOM,
  MIN_ZOOM,
  parseLayoutKey,
  unionRect,
  workerRendering,
  type Viewport,
  type XY,
} from './layout';
import { MasterNode } from './MasterNode';
import { MessageOverlay } from './MessageOverlay';
import { decodeDragPayload, WORKER_DRAG_TYPE } from './worker-presets';
import { WorkerNode } from './WorkerNode';
import { WorkerRenderingContext } from './worker-rendering';
import { ZooKeeperNode } from './ZooKeeperNode';
import './canvas.css';

// Module level: React Flow re-creates every node when this object changes identity.
const nodeTypes: NodeTypes = { worker: WorkerNode, master: MasterNode, zookeeper: ZooKeeperNode, client: ClientNode };

// The wrapper React Flow draws around each node: our node component is the focusable, named
// element, so the wrapper must not announce itself as a second, nameless "node".
const wrapperAttributes = { 'aria-roledescription': undefined } as Node['domAttributes'];

function samePosition(a: XY, b: XY): boolean {
  return a.x === b.x && a.y === b.y;
}

/**
 * A node placed at `position`. React Flow draws a node at a translate() transform of its own; the
 * node's style (which it applies after that) places it with left/top instead. Hundreds of
 * transforms are hundreds of paint property nodes, and Chromium's layerization walks every one of
 * them on every frame that paints: with 500 workers that was most of a frame's budget.
 */
function placeNode(node: Node, position: XY): Node {
  return { ...node, position, style: { transform: 'none', left: position.x, top: position.y } };
}

/** After React Flow moved nodes (a drag), their left/top follow their positions. */
function followPositions(nodes: Node[]): Node[] {
  let changed = false;
  const next = nodes.map((n) => {
    const style = n.style;
    if (style && style.left === n.position.x && style.top === n.position.y) return n;
    changed = true;
    return placeNode(n, n.position);
  });
  return changed ? next : nodes;
}

function sameViewport(a: Viewport, b: Viewport): boolean {
  return a.width === b.width && a.height === b.height && (a.topInset ?? 0) === (b.topInset ?? 0);
}

/** The fit's animation when machines come or go (none for the first fit, a resize or reduced motion). */
const REFIT_MS = 300;

/**
 * The canvas's size, and how far down the notices over its top edge reach (they sit in the same
 * cell of the page, `.canvas-notices` beside the canvas): both followed with a ResizeObserver.
 */
function useCanvasViewport(ref: RefObject<HTMLDivElement | null>): Viewport {
  const [viewport, setViewport] = useState<Viewport>(DEFAULT_VIEWPORT);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const notices = el.parentElement?.querySelector('.canvas-notices') ?? null;
    const measure = () => {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return;
      let topInset = 0;
      if (notices && notices.childElementCount > 0) {
        const n = notices.getBoundingClientRect();
        if (n.height > 0) topInset = Math.max(0, Math.round(n.bottom - box.top));
      }
      const next = { width: Math.round(box.width), height: Math.round(box.height), topInset };
      setViewport((prev) => (sameViewport(prev, next) ? prev : next));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    if (notices) ro.observe(notices);
    return () => ro.disconnect();
  }, [ref]);
  return viewport;
}

function CanvasInner({ viewport }: { viewport: Viewport }) {
  const controller = useController();
  const store = usePlaygroundStore();
  const key = usePlayground((s) => layoutKey(s.nodeOrder, s.nodes));
  const scenarioId = usePlayground((s) => s.scenarioId);
  const theme = usePlayground((s) => s.theme);
  const entries = useMemo(() => parseLayoutKey(key), [key]);
  const flow = useReactFlow();
  const reducedMotion = useMediaQuery(REDUCED_MOTION_QUERY);

  // Sticky worker slots and the user's own positions (dragged or dropped), kept across frames.
  const slotsRef = useRef<ReadonlyMap<string, number>>(new Map());
  const pinsRef = useRef(new Map<string, XY>());
  // Hosts placed by a drop whose node has not appeared yet: their arrival should not refit the view.
  const droppedRef = useRef(new Set<string>());

  const layout = useMemo(() => layoutCluster(entries, viewport, slotsRef.current), [entries, viewport]);
  const rendering = useStore((s) => workerRendering(s.transform[2]));
  useEffect(() => {
    slotsRef.current = layout.slots;
  }, [layout]);

  // Whether the user panned or zoomed since the last automatic fit: then a resize leaves the view be.
  const userMovedRef = useRef(false);

  // A different scenario starts from the automatic layout again.
  useEffect(() => {
    pinsRef.current.clear();
    droppedRef.current.clear();
    userMovedRef.current = false;
  }, [scenarioId]);

  // The automatic layout's box plus wherever the user put nodes of their own.
  const fit = useCallback(
    (duration: number) => {
      let bounds = layout.bounds;
      for (const e of entries) {
        const pin = pinsRef.current.get(e.id);
        if (pin) bounds = unionRect(bounds, { ...pin, ...estimatedSize(e) });
      }
      userMovedRef.current = false;
      void flow.setViewport(fitTransform(bounds, viewport), { duration });
    },
    [entries, flow, layout, viewport],
  );

  const [rfNodes, setRfNodes] = useState<Node[]>([]);
  useEffect(() => {
    setRfNodes((prev) => {
      const before = new Map(prev.map((n) => [n.id, n]));
      return entries.map((e) => {
        const position = pinsRef.current.get(e.id) ?? layout.positions.get(e.id) ?? { x: 0, y: 0 };
        const old = before.get(e.id);
        if (old && old.type === e.kind) return samePosition(old.position, position) ? old : placeNode(old, position);
        return placeNode({ id: e.id, type: e.kind, position, data: {}, domAttributes: wrapperAttributes }, position);
      });
    });
  }, [entries, layout]);

  // Fit the view when machines come or go (not when a dropped one lands where the user put it),
  // and when the canvas or the notices over it change size, unless the user moved the view.
  const knownRef = useRef<ReadonlySet<string>>(new Set());
  const fittedViewportRef = useRef<Viewport | null>(null);
  useEffect(() => {
    const ids = new Set(entries.map((e) => e.id));
    const before = knownRef.current;
    knownRef.current = ids;
    const added = [...ids].filter((id) => !before.has(id));
    const removed = [...before].some((id) => !ids.has(id));
    const resized = fittedViewportRef.current !== null && !sameViewport(fittedViewportRef.current, viewport);
    if (ids.size === 0) return;
    if (added.length > 0 || removed) {
      const onlyDropped = !removed && added.every((id) => droppedRef.current.has(id));
      for (const id of added) droppedRef.current.delete(id);
      if (!onlyDropped) {
        fittedViewportRef.current = viewport;
        fit(reducedMotion || before.size === 0 ? 0 : REFIT_MS);
        return;
      }
    }
    if (resized || fittedViewportRef.current === null) {
      fittedViewportRef.current = viewport;
      if (!userMovedRef.current) fit(0);
    }
  }, [entries, viewport, fit, reducedMotion]);

  // Moves with an event are the user's (programmatic ones have none).
  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null) => {
    if (event) userMovedRef.current = true;
  }, []);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => setRfNodes((nds) => followPositions(applyNodeChanges(changes, nds))),
    [],
  );
  const onNodeDragStop = useCallback((_: unknown, _node: Node, dragged: Node[]) => {
    for (const n of dragged) pinsRef.current.set(n.id, n.position);
  }, []);

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(WORKER_DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const raw = e.dataTransfer.getData(WORKER_DRAG_TYPE);
      if (!raw) return;
      e.preventDefault();
      const preset = decodeDragPayload(raw);
      if (!preset) {
        store.getState().notify('error', 'That worker could not be added: its cores or memory are not valid.');
        return;
      }
      const at = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const size = estimatedSize({ kind: 'worker', cores: preset.cores });
      // The pointer holds the node by its header, as if it had been picked up there.
      const position = { x: at.x - size.width / 2, y: at.y - 14 };
      let placed: string | null = null;
      void addWorker(controller, store, preset, (host) => {
        placed = host;
        pinsRef.current.set(host, position);
        droppedRef.current.add(host);
      }).then((added) => {
        // Refused: forget the spot so a later worker of that name gets a grid slot.
        if (added === null && placed !== null) {
          pinsRef.current.delete(placed);
          droppedRef.current.delete(placed);
        }
      });
    },
    [controller, store, flow],
  );

  const onPaneClick = useCallback(() => controller.select(null), [controller]);

  const colorMode = theme === 'system' ? 'system' : theme;

  return (
    <WorkerRenderingContext.Provider value={rendering}>
      <ReactFlow
        className="cluster-flow"
        aria-label="Cluster canvas"
        nodes={rfNodes}
        edges={[]}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onMoveStart={onMoveStart}
        onPaneClick={onPaneClick}
        onDrop={onDrop}
        onDragOver={onDragOver}
        onlyRenderVisibleElements
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        // Space is the page's play/pause shortcut; dragging the empty canvas already pans.
        panActivationKeyCode={null}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        colorMode={colorMode}
      >
        <Background
          variant={BackgroundVariant.Dots}
          gap={20}
          size={1.5}
          color="var(--canvas-dots)"
          bgColor="var(--canvas-bg)"
        />
        <MessageOverlay compact={rendering !== 'card'} />
        {/* React Flow's own fit would fit the measured nodes; this one fits the layout's box. */}
        <Controls showInteractive={false} showFitView={false}>
          <ControlButton
            className="react-flow__controls-fitview"
            title="Fit view"
            aria-label="Fit view"
            onClick={() => fit(reducedMotion ? 0 : REFIT_MS)}
          >
            <FitIcon />
          </ControlButton>
        </Controls>
      </ReactFlow>
    </WorkerRenderingContext.Provider>
  );
}

/** Four corners, as React Flow's own fit-view button draws them. */
function FitIcon() {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 30" aria-hidden="true">
      <path d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" />
    </svg>
  );
}

export function ClusterCanvas() {
  const ref = useRef<HTMLDivElement>(null);
  const viewport = useCanvasViewport(ref);
  return (
    <div className="cluster-canvas" data-testid="cluster-canvas" ref={ref}>
      <ReactFlowProvider>
        <CanvasInner viewport={viewport} />
      </ReactFlowProvider>
    </div>
  );
}

// The cluster as a React Flow canvas: one node per machine (client, Masters, ZooKeeper, Workers)
// in an automatic layout the user can rearrange by dragging, messages and partitions drawn by the
// overlay, and workers dropped in from the palette. React Flow's node objects carry no data: each
// node component reads its own slice of the store, so frames never rebuild the node list.
import {
  applyNodeChanges,
  Background,
  BackgroundVariant,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStoreApi,
  type Node,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { LazyMotion, MotionConfig } from 'framer-motion';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { useController, usePlayground, usePlaygroundStore } from '../PlaygroundProvider';
import { REDUCED_MOTION_QUERY, useMediaQuery } from '../use-media-query';
import { addWorker } from './add-worker';
import { ClientNode } from './ClientNode';
import { estimatedSize, layoutCluster, layoutKey, parseLayoutKey, type XY } from './layout';
import { MasterNode } from './MasterNode';
import { MessageOverlay } from './MessageOverlay';
import { decodeDragPayload, WORKER_DRAG_TYPE } from './worker-presets';
import { WorkerNode } from './WorkerNode';
import { ZooKeeperNode } from './ZooKeeperNode';
import './canvas.css';

// The animation features arrive in their own chunk once the canvas is up (see motion-features.ts).
const loadMotionFeatures = () => import('./motion-features').then((m) => m.default);

// Module level: React Flow re-creates every node when this object changes identity.
const nodeTypes: NodeTypes = { worker: WorkerNode, master: MasterNode, zookeeper: ZooKeeperNode, client: ClientNode };

// The wrapper React Flow draws around each node: our node component is the focusable, named
// element, so the wrapper must not announce itself as a second, nameless "node".
const wrapperAttributes = { 'aria-roledescription': undefined } as Node['domAttributes'];

const FIT_PADDING = 0.08;

function samePosition(a: XY, b: XY): boolean {
  return a.x === b.x && a.y === b.y;
}

function CanvasInner() {
  const controller = useController();
  const store = usePlaygroundStore();
  const key = usePlayground((s) => layoutKey(s.nodeOrder, s.nodes));
  const scenarioId = usePlayground((s) => s.scenarioId);
  const theme = usePlayground((s) => s.theme);
  const entries = useMemo(() => parseLayoutKey(key), [key]);
  const flow = useReactFlow();
  const rfStore = useStoreApi();
  const reducedMotion = useMediaQuery(REDUCED_MOTION_QUERY);

  // Sticky worker slots and the user's own positions (dragged or dropped), kept across frames.
  const slotsRef = useRef<ReadonlyMap<string, number>>(new Map());
  const pinsRef = useRef(new Map<string, XY>());
  // Hosts placed by a drop whose node has not appeared yet: their arrival should not refit the view.
  const droppedRef = useRef(new Set<string>());

  const layout = useMemo(() => layoutCluster(entries, slotsRef.current), [entries]);
  useEffect(() => {
    slotsRef.current = layout.slots;
  }, [layout]);

  // A different scenario starts from the automatic layout again.
  useEffect(() => {
    pinsRef.current.clear();
    droppedRef.current.clear();
  }, [scenarioId]);

  const [rfNodes, setRfNodes] = useState<Node[]>([]);
  useEffect(() => {
    setRfNodes((prev) => {
      const before = new Map(prev.map((n) => [n.id, n]));
      return entries.map((e) => {
        const position = pinsRef.current.get(e.id) ?? layout.positions.get(e.id) ?? { x: 0, y: 0 };
        const old = before.get(e.id);
        if (old && old.type === e.kind) return samePosition(old.position, position) ? old : { ...old, position };
        return { id: e.id, type: e.kind, position, data: {}, domAttributes: wrapperAttributes };
      });
    });
  }, [entries, layout]);

  // Fit the view when machines come or go (not when a dropped one lands where the user put it).
  const knownRef = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    const ids = new Set(entries.map((e) => e.id));
    const before = knownRef.current;
    knownRef.current = ids;
    const added = [...ids].filter((id) => !before.has(id));
    const removed = [...before].some((id) => !ids.has(id));
    if (added.length === 0 && !removed) return;
    const onlyDropped = !removed && added.every((id) => droppedRef.current.has(id));
    for (const id of added) droppedRef.current.delete(id);
    if (onlyDropped || ids.size === 0) return;
    void flow.fitView({ padding: FIT_PADDING, duration: reducedMotion || before.size === 0 ? 0 : 300 });
  }, [entries, flow, reducedMotion]);

  const onNodesChange = useCallback((changes: NodeChange[]) => setRfNodes((nds) => applyNodeChanges(changes, nds)), []);
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
      const size = estimatedSize({ kind: 'worker', cores: preset.cores }, layout.compact);
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
    [controller, store, flow, layout.compact],
  );

  const onPaneClick = useCallback(() => controller.select(null), [controller]);

  // Framer measures layout in page pixels; inside the zoomed viewport its animations must work in
  // flow units or a card would slide by the wrong distance at any zoom but 1.
  const transformPagePoint = useCallback(
    (p: { x: number; y: number }) => {
      const [tx, ty, zoom] = rfStore.getState().transform;
      return { x: (p.x - tx) / zoom, y: (p.y - ty) / zoom };
    },
    [rfStore],
  );

  const colorMode = theme === 'system' ? 'system' : theme;

  return (
    <LazyMotion features={loadMotionFeatures} strict>
      <MotionConfig reducedMotion="user" transformPagePoint={transformPagePoint}>
        <ReactFlow
          className="cluster-flow"
          aria-label="Cluster canvas"
          nodes={rfNodes}
          edges={[]}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onNodeDragStop={onNodeDragStop}
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
          minZoom={0.05}
          maxZoom={2.5}
          fitView
          fitViewOptions={{ padding: FIT_PADDING }}
          colorMode={colorMode}
        >
          <Background
            variant={BackgroundVariant.Dots}
            gap={20}
            size={1.5}
            color="var(--canvas-dots)"
            bgColor="var(--canvas-bg)"
          />
          <MessageOverlay compact={layout.compact} />
          <Controls showInteractive={false} />
        </ReactFlow>
      </MotionConfig>
    </LazyMotion>
  );
}

export function ClusterCanvas() {
  return (
    <div className="cluster-canvas" data-testid="cluster-canvas">
      <ReactFlowProvider>
        <CanvasInner />
      </ReactFlowProvider>
    </div>
  );
}

// Every machine on the canvas renders in NodeShell: the same wrapper attributes whatever its kind,
// the selection mark, the dead and compact looks, and the process list with its highlight. Rendered
// against a store of its own (no DOM: server markup).
import type { NodeProps } from '@xyflow/react';
import type { ComponentType } from 'react';
import { describe, expect, it } from 'vitest';
import type {
  ClientNodeView,
  MasterNodeView,
  NodeView,
  ProcessCardView,
  Selection,
  WorkerNodeView,
  ZooKeeperNodeView,
} from '../../engine/public';
import { appColor } from '../colors';
import type { PlaygroundState } from '../store';
import { renderWithStore } from '../test-render';
import { ClientNode } from './ClientNode';
import { MasterNode } from './MasterNode';
import { clientAriaLabel, masterAriaLabel, workerAriaLabel, zooKeeperAriaLabel } from './node-text';
import { nodeClassName } from './NodeShell';
import { WorkerNode } from './WorkerNode';
import { WorkerRenderingContext } from './worker-rendering';
import type { WorkerRendering } from './layout';
import { ZooKeeperNode } from './ZooKeeperNode';

const app = 'app-20260101000005-0000';
const proc = (n: number, over: Partial<ProcessCardView> = {}): ProcessCardView => ({
  id: `${app}/${n}`,
  kind: 'executor',
  label: `exec ${n}`,
  appId: app,
  state: 'RUNNING',
  cores: 1,
  memoryMb: 1024,
  exitCode: null,
  ended: false,
  ...over,
});
const worker = (id: string, over: Partial<WorkerNodeView> = {}): WorkerNodeView => ({
  kind: 'worker',
  id,
  host: id,
  port: 35000,
  workerId: `worker-${id}`,
  state: 'ALIVE',
  process: 'running',
  registered: true,
  cores: 8,
  memoryMb: 16384,
  coresUsed: 2,
  memoryUsedMb: 2048,
  processes: [proc(0), proc(1)],
  ...over,
});
const master: MasterNodeView = {
  kind: 'master',
  id: 'master',
  host: 'master',
  port: 7077,
  state: 'ALIVE',
  process: 'running',
  waitingApps: 1,
  waitingDrivers: 0,
  aliveWorkers: 1,
};
const zk: ZooKeeperNodeView = {
  kind: 'zookeeper',
  id: 'zk',
  host: 'zk',
  port: 2181,
  process: 'running',
  leader: 'master',
};
const client: ClientNodeView = { kind: 'client', id: 'client', host: 'client', processes: [], submitClients: 0 };

const COMPONENTS: Record<NodeView['kind'], ComponentType<NodeProps>> = {
  worker: WorkerNode,
  master: MasterNode,
  zookeeper: ZooKeeperNode,
  client: ClientNode,
};

function cluster(nodes: NodeView[], selection: Selection | null = null): Partial<PlaygroundState> {
  return { nodes: Object.fromEntries(nodes.map((n) => [n.id, n])), nodeOrder: nodes.map((n) => n.id), selection };
}

function render(node: NodeView, state: Partial<PlaygroundState>): string {
  const Node = COMPONENTS[node.kind];
  return renderWithStore(<Node {...({ id: node.id } as NodeProps)} />, state).html;
}

/** The opening tag of the node's wrapper. */
const shell = (html: string): string => /^<div [^>]*>/.exec(html)?.[0] ?? '';

describe('NodeShell', () => {
  const all: [NodeView, string][] = [
    [worker('w1'), workerAriaLabel(worker('w1'))],
    [master, masterAriaLabel(master)],
    [zk, zooKeeperAriaLabel(zk)],
    [client, clientAriaLabel(client)],
  ];

  it('gives every kind of node the same wrapper: test id, group role, focusable, named, its kind class', () => {
    for (const [node, label] of all) {
      const tag = shell(render(node, cluster([node])));
      expect(tag, node.kind).toContain(`class="cn cn-${node.kind}"`);
      expect(tag).toContain(`data-testid="node-${node.id}"`);
      expect(tag).toContain('role="group"');
      expect(tag).toContain('tabindex="0"');
      expect(tag).toContain(`aria-label="${label}"`);
      expect(tag).not.toContain('data-selected');
    }
  });

  it('marks the selected node, and only that one', () => {
    for (const [node] of all) {
      const selected = shell(render(node, cluster([node], { kind: node.kind, id: node.id })));
      expect(selected, node.kind).toContain('cn--selected');
      expect(selected).toContain('data-selected="true"');
      const other = shell(render(node, cluster([node], { kind: node.kind, id: 'someone-else' })));
      expect(other).not.toContain('cn--selected');
    }
  });

  it('carries the state tokens the tests and styles key on', () => {
    expect(shell(render(master, cluster([master])))).toContain('data-state="ALIVE" data-process="running"');
    expect(shell(render(client, cluster([client])))).toContain('data-state="up" data-process="running"');
    const off: ZooKeeperNodeView = { ...zk, process: 'machine-off' };
    expect(shell(render(off, cluster([off])))).toMatch(
      /class="cn cn-zookeeper cn--dead" [^>]*data-state="machine-off" data-process="machine-off"/,
    );
  });

  it('greys out a dead worker and a stopped Master', () => {
    const dead = worker('w1', { state: 'DEAD' });
    expect(shell(render(dead, cluster([dead])))).toContain('class="cn cn-worker cn--dead"');
    const stopped: MasterNodeView = { ...master, state: null, process: 'stopped' };
    expect(shell(render(stopped, cluster([stopped])))).toContain('class="cn cn-master cn--dead"');
  });

  it('composes the classes in one order', () => {
    expect(nodeClassName('worker', { compact: true, dead: true, selected: true })).toBe(
      'cn cn-worker cn--compact cn--dead cn--selected',
    );
    expect(nodeClassName('client', {})).toBe('cn cn-client');
  });
});

describe('ProcessList', () => {
  it("shows a full-size worker's processes as cards, highlighting the selected application's", () => {
    const w = worker('w1', { processes: [proc(0), proc(1, { appId: 'app-20260101000006-0001' })] });
    const html = render(w, cluster([w], { kind: 'application', id: app }));
    expect(html).toContain('class="pcards"');
    expect(html).toMatch(
      new RegExp(
        `class="pcard pcard--executor pcard--selected"[^>]*data-testid="proc-${app}/0"[^>]*data-selected="true"[^>]*role="button"[^>]*aria-current="true"`,
      ),
    );
    // The other application's card: its own colour, not highlighted.
    expect(html).toMatch(
      new RegExp(
        `class="pcard pcard--executor" style="--app-color:${appColor('app-20260101000006-0001')}"[^>]*data-testid="proc-${app}/1"`,
      ),
    );
  });

  it('says "+N more" past four cards, and "No client-mode drivers" on an empty client', () => {
    const w = worker('w1', { processes: [0, 1, 2, 3, 4, 5].map((n) => proc(n)) });
    expect(render(w, cluster([w]))).toContain('<div class="cn-more">+2 more</div>');
    expect(render(client, cluster([client]))).toContain('No client-mode drivers');
  });

  it('draws the zoomed-out worker as a glyph in its card box, named only when the zoom allows', () => {
    const w = worker('w1');
    const at = (rendering: WorkerRendering) =>
      renderWithStore(
        <WorkerRenderingContext.Provider value={rendering}>
          <WorkerNode {...({ id: w.id } as NodeProps)} />
        </WorkerRenderingContext.Provider>,
        cluster([w]),
      ).html;
    const named = at('glyph-named');
    expect(shell(named)).toMatch(/class="cn cn-worker cn--compact" [^>]*style="height:\d+px"/);
    expect(named).toContain('<span class="cn-host">w1</span>');
    expect(named).toContain('cores cores--bar');
    expect(named).not.toContain('pcard');
    const bare = at('glyph');
    expect(bare).not.toContain('cn-host');
    expect(bare).toContain('cores cores--bar');
    // Zoomed in, the same worker is its full card.
    const card = at('card');
    expect(shell(card)).toContain('class="cn cn-worker"');
    expect(card).toContain('class="pcards"');
  });
});

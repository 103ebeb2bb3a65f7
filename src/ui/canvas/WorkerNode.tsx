// A Worker machine on the canvas: host and port, the Master's view of it, its daemon, its cores
// and memory by holder, and its drivers and executors. Subscribes to its own node only, so a frame
// that changes one worker re-renders one node. Zoomed out (see layout.ts's workerRendering) it is
// a glyph in the same box instead: its state as a colour, its cores and memory as two bars, and its
// host name only while that can be drawn at a legible size.
import type { NodeProps } from '@xyflow/react';
import { memo, useContext } from 'react';
import { useNodeView } from '../PlaygroundProvider';
import { DaemonIcon, ServerIcon } from './icons';
import { estimatedSize } from './layout';
import { daemonText, workerAriaLabel, workerBadge, workerDataState, workerLooksDead } from './node-text';
import { NodeShell } from './NodeShell';
import { ProcessList } from './ProcessList';
import { CoreGrid, MemoryBar } from './WorkerResources';
import { WorkerTimers } from './WorkerTimers';
import { WorkerRenderingContext } from './worker-rendering';
import { usageText } from './worker-resources';

export const WorkerNode = memo(function WorkerNode({ id }: NodeProps) {
  const node = useNodeView(id);
  const rendering = useContext(WorkerRenderingContext);
  if (node?.kind !== 'worker') return null;

  const dataState = workerDataState(node);
  if (rendering !== 'card') {
    return (
      <NodeShell
        kind="worker"
        id={id}
        state={dataState}
        process={node.process}
        dead={workerLooksDead(node)}
        compact
        label={workerAriaLabel(node)}
        // Exactly the card's box: a node that never changes size is never re-measured, which is
        // what keeps hundreds of glyphs cheap, and the switch to cards moves nothing.
        style={{ height: estimatedSize(node).height }}
        head={rendering === 'glyph-named' ? <span className="cn-host">{node.host}</span> : null}
      >
        <CoreGrid worker={node} bar />
        <MemoryBar worker={node} />
      </NodeShell>
    );
  }
  return (
    <NodeShell
      kind="worker"
      id={id}
      state={dataState}
      process={node.process}
      dead={workerLooksDead(node)}
      label={workerAriaLabel(node)}
      headTitle={node.port > 0 ? `${node.host}:${node.port}` : undefined}
      head={
        <>
          <ServerIcon />
          <span className="cn-host">{node.host}</span>
          {node.port > 0 && <span className="cn-port">:{node.port}</span>}
          <span className={`cn-badge badge-${dataState}`}>{workerBadge(node)}</span>
        </>
      }
    >
      {/* The daemon and the usage share a line: the card's height is what the grid pays for. */}
      <div className="cn-status">
        <span className={`cn-daemon daemon-${node.process}`}>
          <DaemonIcon process={node.process} />
          daemon {daemonText(node.process)}
        </span>
        <span className="cn-usage">{usageText(node)}</span>
      </div>
      <WorkerTimers worker={node} />
      <CoreGrid worker={node} />
      <MemoryBar worker={node} />
      <ProcessList processes={node.processes} />
    </NodeShell>
  );
});

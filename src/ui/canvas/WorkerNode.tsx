// A Worker machine on the canvas: host and port, the Master's view of it, its daemon, its cores
// and memory by holder, and its drivers and executors. Subscribes to its own node only, so a frame
// that changes one worker re-renders one node.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { usePlayground } from '../PlaygroundProvider';
import { DaemonIcon, ServerIcon } from './icons';
import { estimatedSize, isCompactCluster } from './layout';
import { daemonText, workerAriaLabel, workerBadge, workerDataState, workerLooksDead } from './node-text';
import { NodeShell } from './NodeShell';
import { ProcessList } from './ProcessList';
import { CoreGrid, MemoryBar } from './WorkerResources';
import { WorkerTimers } from './WorkerTimers';
import { usageText } from './worker-resources';

export const WorkerNode = memo(function WorkerNode({ id }: NodeProps) {
  const node = usePlayground((s) => s.nodes[id]);
  const compact = usePlayground(isCompactCluster);
  if (node?.kind !== 'worker') return null;

  const dataState = workerDataState(node);
  return (
    <NodeShell
      kind="worker"
      id={id}
      state={dataState}
      process={node.process}
      dead={workerLooksDead(node)}
      compact={compact}
      label={workerAriaLabel(node)}
      style={compact ? { height: estimatedSize(node, true).height } : undefined}
      headTitle={node.port > 0 ? `${node.host}:${node.port}` : undefined}
      head={
        <>
          {/* Compact nodes skip the icon and port: hundreds of them on screen cost paint time. */}
          {!compact && <ServerIcon />}
          <span className="cn-host">{node.host}</span>
          {!compact && node.port > 0 && <span className="cn-port">:{node.port}</span>}
          <span className={`cn-badge badge-${dataState}`}>{workerBadge(node)}</span>
        </>
      }
    >
      {(!compact || node.process !== 'running') && (
        <div className={`cn-daemon daemon-${node.process}`}>
          <DaemonIcon process={node.process} />
          {compact ? daemonText(node.process) : <>Worker daemon {daemonText(node.process)}</>}
        </div>
      )}
      <WorkerTimers worker={node} />
      <CoreGrid worker={node} />
      <MemoryBar worker={node} />
      <div className="cn-usage">{usageText(node)}</div>
      <ProcessList processes={node.processes} compact={compact} />
    </NodeShell>
  );
});

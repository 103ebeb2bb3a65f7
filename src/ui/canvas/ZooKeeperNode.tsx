// The ZooKeeper server (with ZOOKEEPER recovery): whether it runs, and which Master holds the
// leader latch.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useNodeView } from '../PlaygroundProvider';
import { DaemonIcon, ZooKeeperIcon } from './icons';
import { daemonText, zooKeeperAriaLabel } from './node-text';
import { NodeShell } from './NodeShell';

export const ZooKeeperNode = memo(function ZooKeeperNode({ id }: NodeProps) {
  const node = useNodeView(id);
  if (node?.kind !== 'zookeeper') return null;

  return (
    <NodeShell
      kind="zookeeper"
      id={id}
      state={node.process}
      process={node.process}
      dead={node.process !== 'running'}
      label={zooKeeperAriaLabel(node)}
      head={
        <>
          <ZooKeeperIcon />
          <span className="cn-title">ZooKeeper</span>
          <span className="cn-host">{node.host}</span>
          <span className="cn-port">:{node.port}</span>
        </>
      }
    >
      <div className={`cn-daemon daemon-${node.process}`}>
        <DaemonIcon process={node.process} />
        {daemonText(node.process)}
      </div>
      {node.process === 'running' && (
        <div className="cn-row">
          Leader: <strong>{node.leader ?? 'none'}</strong>
        </div>
      )}
    </NodeShell>
  );
});

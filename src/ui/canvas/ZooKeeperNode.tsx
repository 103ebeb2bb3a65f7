// The ZooKeeper server (with ZOOKEEPER recovery): whether it runs, and which Master holds the
// leader latch.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { usePlayground } from '../store';
import { DaemonIcon, ZooKeeperIcon } from './icons';
import { daemonText, zooKeeperAriaLabel } from './node-text';
import { isSelected } from './selection';
import { useNodeActions } from './use-node-actions';

export const ZooKeeperNode = memo(function ZooKeeperNode({ id }: NodeProps) {
  const node = usePlayground((s) => s.nodes[id]);
  const selected = usePlayground((s) => isSelected(s.selection, 'zookeeper', id));
  const actions = useNodeActions({ kind: 'zookeeper', id });
  if (node?.kind !== 'zookeeper') return null;

  let className = 'cn cn-zookeeper';
  if (node.process !== 'running') className += ' cn--dead';
  if (selected) className += ' cn--selected';

  return (
    <div
      className={className}
      data-testid={`node-${id}`}
      data-state={node.process}
      data-process={node.process}
      data-selected={selected || undefined}
      role="group"
      tabIndex={0}
      aria-label={zooKeeperAriaLabel(node)}
      {...actions}
    >
      <div className="cn-head">
        <ZooKeeperIcon />
        <span className="cn-title">ZooKeeper</span>
        <span className="cn-host">{node.host}</span>
        <span className="cn-port">:{node.port}</span>
      </div>
      <div className={`cn-daemon daemon-${node.process}`}>
        <DaemonIcon process={node.process} />
        {daemonText(node.process)}
      </div>
      {node.process === 'running' && (
        <div className="cn-row">
          Leader: <strong>{node.leader ?? 'none'}</strong>
        </div>
      )}
    </div>
  );
});

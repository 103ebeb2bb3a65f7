// A Master on the canvas: its recovery state (ALIVE, STANDBY, RECOVERING, COMPLETING_RECOVERY) or
// that it is down, and what it tracks: alive workers, waiting applications and drivers.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { usePlayground } from '../store';
import { DaemonIcon, MasterIcon } from './icons';
import { daemonText, masterAriaLabel, masterBadge, masterDataState } from './node-text';
import { isSelected } from './selection';
import { useNodeActions } from './use-node-actions';

export const MasterNode = memo(function MasterNode({ id }: NodeProps) {
  const node = usePlayground((s) => s.nodes[id]);
  const selected = usePlayground((s) => isSelected(s.selection, 'master', id));
  const actions = useNodeActions({ kind: 'master', id });
  if (node?.kind !== 'master') return null;

  const dataState = masterDataState(node);
  const down = node.state === null || node.process !== 'running';
  let className = 'cn cn-master';
  if (down) className += ' cn--dead';
  if (selected) className += ' cn--selected';

  return (
    <div
      className={className}
      data-testid={`node-${id}`}
      data-state={dataState}
      data-process={node.process}
      data-selected={selected || undefined}
      role="group"
      tabIndex={0}
      aria-label={masterAriaLabel(node)}
      {...actions}
    >
      <div className="cn-head">
        <MasterIcon />
        <span className="cn-title">Master</span>
        <span className="cn-host">{node.host}</span>
        <span className="cn-port">:{node.port}</span>
      </div>
      <div className="cn-row">
        <span className={`cn-badge badge-${dataState}`}>{masterBadge(node)}</span>
      </div>
      {node.process !== 'running' ? (
        <div className={`cn-daemon daemon-${node.process}`}>
          <DaemonIcon process={node.process} />
          Master process {daemonText(node.process)}
        </div>
      ) : (
        node.state !== null && (
          <dl className="cn-facts">
            <div>
              <dt>Alive workers</dt>
              <dd>{node.aliveWorkers}</dd>
            </div>
            <div>
              <dt>Waiting apps</dt>
              <dd>{node.waitingApps}</dd>
            </div>
            <div>
              <dt>Waiting drivers</dt>
              <dd>{node.waitingDrivers}</dd>
            </div>
          </dl>
        )
      )}
    </div>
  );
});

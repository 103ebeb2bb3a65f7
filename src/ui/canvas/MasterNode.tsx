// A Master on the canvas: its recovery state (ALIVE, STANDBY, RECOVERING, COMPLETING_RECOVERY) or
// that it is down, and what it tracks: alive workers, waiting applications and drivers.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useNodeView } from '../PlaygroundProvider';
import { DaemonIcon, MasterIcon } from './icons';
import { daemonText, masterAriaLabel, masterBadge, masterDataState } from './node-text';
import { NodeShell } from './NodeShell';

export const MasterNode = memo(function MasterNode({ id }: NodeProps) {
  const node = useNodeView(id);
  if (node?.kind !== 'master') return null;

  const dataState = masterDataState(node);
  return (
    <NodeShell
      kind="master"
      id={id}
      state={dataState}
      process={node.process}
      dead={node.state === null || node.process !== 'running'}
      label={masterAriaLabel(node)}
      head={
        <>
          <MasterIcon />
          <span className="cn-title">Master</span>
          <span className="cn-host">{node.host}</span>
          <span className="cn-port">:{node.port}</span>
        </>
      }
    >
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
    </NodeShell>
  );
});

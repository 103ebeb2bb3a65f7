// The machine the user runs spark-submit on: its running submit clients and the drivers of
// client-mode applications, which run here, outside the cluster.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useNodeView } from '../PlaygroundProvider';
import { TerminalIcon } from './icons';
import { clientAriaLabel } from './node-text';
import { NodeShell } from './NodeShell';
import { ProcessList } from './ProcessList';

export const ClientNode = memo(function ClientNode({ id }: NodeProps) {
  const node = useNodeView(id);
  if (node?.kind !== 'client') return null;

  return (
    <NodeShell
      kind="client"
      id={id}
      state="up"
      process="running"
      label={clientAriaLabel(node)}
      head={
        <>
          <TerminalIcon />
          <span className="cn-host">{node.host}</span>
          <span className="cn-sub">— spark-submit</span>
        </>
      }
    >
      <div className="cn-row" data-testid="client-submits">
        {/* Cluster mode's spark-submit is a short-lived client (legacy gateway or REST); in client
            mode spark-submit's JVM is the driver itself, shown as a card below. */}
        {node.submitClients > 0 ? (
          <>
            <span className="cn-pulse" aria-hidden="true" />
            cluster-mode submission in progress{node.submitClients > 1 ? ` ×${node.submitClients}` : ''}
          </>
        ) : (
          <span className="cn-muted">
            {node.processes.some((p) => !p.ended) ? 'client-mode driver in spark-submit' : 'idle'}
          </span>
        )}
      </div>
      <ProcessList processes={node.processes} empty={<div className="cn-muted cn-empty">No client-mode drivers</div>} />
    </NodeShell>
  );
});

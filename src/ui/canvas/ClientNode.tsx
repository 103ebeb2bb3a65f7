// The machine the user runs spark-submit on: its running submit clients and the drivers of
// client-mode applications, which run here, outside the cluster.
import type { NodeProps } from '@xyflow/react';
import { AnimatePresence } from 'framer-motion';
import { memo } from 'react';
import { usePlayground } from '../store';
import { TerminalIcon } from './icons';
import { MAX_PROCESS_CARDS } from './layout';
import { clientAriaLabel } from './node-text';
import { ProcessCard } from './ProcessCard';
import { cardHighlighted, highlightKey, isSelected } from './selection';
import { useNodeActions } from './use-node-actions';
import { visibleProcesses } from './worker-resources';

export const ClientNode = memo(function ClientNode({ id }: NodeProps) {
  const node = usePlayground((s) => s.nodes[id]);
  const selected = usePlayground((s) => isSelected(s.selection, 'client', id));
  const highlight = usePlayground((s) => {
    const n = s.nodes[id];
    return n?.kind === 'client' ? highlightKey(s.selection, n.processes) : null;
  });
  const actions = useNodeActions({ kind: 'client', id });
  if (node?.kind !== 'client') return null;

  const { shown, hidden } = visibleProcesses(node.processes, MAX_PROCESS_CARDS);
  return (
    <div
      className={`cn cn-client${selected ? ' cn--selected' : ''}`}
      data-testid={`node-${id}`}
      data-state="up"
      data-process="running"
      data-selected={selected || undefined}
      role="group"
      tabIndex={0}
      aria-label={clientAriaLabel(node)}
      {...actions}
    >
      <div className="cn-head">
        <TerminalIcon />
        <span className="cn-host">{node.host}</span>
        <span className="cn-sub">— spark-submit</span>
      </div>
      <div className="cn-row" data-testid="client-submits">
        {/* Cluster mode's spark-submit is a short-lived client (legacy gateway or REST); in client
            mode spark-submit's JVM is the driver itself, shown as a card below. */}
        {node.submitClients > 0 ? (
          <>
            <span className="cn-pulse" aria-hidden="true" />
            cluster-mode submission in progress{node.submitClients > 1 ? ` ×${node.submitClients}` : ''}
          </>
        ) : (
          <span className="cn-muted">{node.processes.some((p) => !p.ended) ? 'client-mode driver in spark-submit' : 'idle'}</span>
        )}
      </div>
      <div className="pcards">
        <AnimatePresence initial={false} mode="popLayout">
          {shown.map((p) => (
            <ProcessCard key={p.id} proc={p} highlighted={cardHighlighted(highlight, p)} />
          ))}
        </AnimatePresence>
        {hidden > 0 && <div className="cn-more">+{hidden} more</div>}
        {node.processes.length === 0 && <div className="cn-muted cn-empty">No client-mode drivers</div>}
      </div>
    </div>
  );
});

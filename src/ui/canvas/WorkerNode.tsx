// A Worker machine on the canvas: host and port, the Master's view of it, its daemon, its cores
// and memory by holder, and its drivers and executors. Subscribes to its own node only, so a frame
// that changes one worker re-renders one node.
import type { NodeProps } from '@xyflow/react';
import { AnimatePresence } from 'framer-motion';
import { memo } from 'react';
import { usePlayground } from '../store';
import { useCanvasContext } from './canvas-context';
import { DaemonIcon, ServerIcon } from './icons';
import { estimatedSize, MAX_PROCESS_CARDS, MAX_PROCESS_CHIPS } from './layout';
import { daemonText, workerAriaLabel, workerBadge, workerDataState, workerLooksDead } from './node-text';
import { ProcessCard, ProcessChip } from './ProcessCard';
import { cardHighlighted, highlightKey, isSelected } from './selection';
import { useNodeActions } from './use-node-actions';
import { CoreGrid, MemoryBar } from './WorkerResources';
import { usageText, visibleProcesses } from './worker-resources';

export const WorkerNode = memo(function WorkerNode({ id }: NodeProps) {
  const node = usePlayground((s) => s.nodes[id]);
  const selected = usePlayground((s) => isSelected(s.selection, 'worker', id));
  const highlight = usePlayground((s) => {
    const n = s.nodes[id];
    return n?.kind === 'worker' ? highlightKey(s.selection, n.processes) : null;
  });
  const { compact } = useCanvasContext();
  const actions = useNodeActions({ kind: 'worker', id });
  if (node?.kind !== 'worker') return null;

  const dead = workerLooksDead(node);
  const dataState = workerDataState(node);
  const { shown, hidden } = visibleProcesses(node.processes, compact ? MAX_PROCESS_CHIPS : MAX_PROCESS_CARDS);
  let className = 'cn cn-worker';
  if (compact) className += ' cn--compact';
  if (dead) className += ' cn--dead';
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
      aria-label={workerAriaLabel(node)}
      style={compact ? { height: estimatedSize(node, true).height } : undefined}
      {...actions}
    >
      <div className="cn-head" title={node.port > 0 ? `${node.host}:${node.port}` : undefined}>
        {/* Compact nodes skip the icon and port: hundreds of them on screen cost paint time. */}
        {!compact && <ServerIcon />}
        <span className="cn-host">{node.host}</span>
        {!compact && node.port > 0 && <span className="cn-port">:{node.port}</span>}
        <span className={`cn-badge badge-${dataState}`}>{workerBadge(node)}</span>
      </div>
      {(!compact || node.process !== 'running') && (
        <div className={`cn-daemon daemon-${node.process}`}>
          <DaemonIcon process={node.process} />
          {compact ? daemonText(node.process) : <>Worker daemon {daemonText(node.process)}</>}
        </div>
      )}
      <CoreGrid worker={node} />
      <MemoryBar worker={node} />
      <div className="cn-usage">{usageText(node)}</div>
      {compact ? (
        shown.length > 0 && (
          <div className="pchips">
            {shown.map((p) => (
              <ProcessChip key={p.id} proc={p} highlighted={cardHighlighted(highlight, p)} />
            ))}
            {hidden > 0 && <span className="cn-more">+{hidden}</span>}
          </div>
        )
      ) : (
        <div className="pcards">
          <AnimatePresence initial={false} mode="popLayout">
            {shown.map((p) => (
              <ProcessCard key={p.id} proc={p} highlighted={cardHighlighted(highlight, p)} />
            ))}
          </AnimatePresence>
          {hidden > 0 && <div className="cn-more">+{hidden} more</div>}
        </div>
      )}
    </div>
  );
});

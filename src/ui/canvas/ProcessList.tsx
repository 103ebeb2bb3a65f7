// A machine's drivers and executors: full-size nodes show animated cards (up to MAX_PROCESS_CARDS,
// then "+N more"), compact nodes a row of chips. The highlight (the selected process, or the
// processes of the selected application) is selected as one key per node, so a selection change
// re-renders only the lists whose answer changed.
import { AnimatePresence } from 'framer-motion';
import type { ReactNode } from 'react';
import type { ProcessCardView } from '../../engine/public';
import { usePlayground } from '../PlaygroundProvider';
import { MAX_PROCESS_CARDS, MAX_PROCESS_CHIPS } from './layout';
import { ProcessCard, ProcessChip } from './ProcessCard';
import { cardHighlighted, highlightKey } from './selection';
import { visibleProcesses } from './worker-resources';

interface ProcessListProps {
  processes: readonly ProcessCardView[];
  compact?: boolean;
  /** Shown under the cards when there are no processes at all. */
  empty?: ReactNode;
}

export function ProcessList({ processes, compact = false, empty }: ProcessListProps) {
  const highlight = usePlayground((s) => highlightKey(s.selection, processes));
  const { shown, hidden } = visibleProcesses(processes, compact ? MAX_PROCESS_CHIPS : MAX_PROCESS_CARDS);
  if (compact) {
    if (shown.length === 0) return null;
    return (
      <div className="pchips">
        {shown.map((p) => (
          <ProcessChip key={p.id} proc={p} highlighted={cardHighlighted(highlight, p)} />
        ))}
        {hidden > 0 && <span className="cn-more">+{hidden}</span>}
      </div>
    );
  }
  return (
    <div className="pcards">
      <AnimatePresence initial={false} mode="popLayout">
        {shown.map((p) => (
          <ProcessCard key={p.id} proc={p} highlighted={cardHighlighted(highlight, p)} />
        ))}
      </AnimatePresence>
      {hidden > 0 && <div className="cn-more">+{hidden} more</div>}
      {processes.length === 0 && empty}
    </div>
  );
}

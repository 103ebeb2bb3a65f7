// A machine's drivers and executors: full-size nodes show animated cards (up to MAX_PROCESS_CARDS,
// then "+N more"), compact nodes a row of chips. The highlight (the selected process, or the
// processes of the selected application) is selected as one key per node, so a selection change
// re-renders only the lists whose answer changed. A card that reached a final state stays at least
// a second of wall time (linger.ts), and leaving cards fade in place, in the list's flow, so they
// never overlap each other or leave their machine. The animations are CSS (process-card.css): the
// cards that were there when the list mounted (a first draw, a node panned into view) do not
// animate in, as nothing arrived.
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { ProcessCardView } from '../../engine/public';
import { usePlayground, usePlaygroundStore } from '../PlaygroundProvider';
import { MAX_PROCESS_CARDS, MAX_PROCESS_CHIPS } from './layout';
import { emptyLinger, lingerStep, type LingerState } from './linger';
import { ProcessCard, ProcessChip } from './ProcessCard';
import { cardHighlighted, highlightKey } from './selection';
import { visibleProcesses } from './worker-resources';

interface ProcessListProps {
  processes: readonly ProcessCardView[];
  compact?: boolean;
  /** Shown under the cards when there are no processes at all. */
  empty?: ReactNode;
}

/** The engine's cards plus those that must stay a little longer; re-renders when one is due to fade or leave. */
function useLingering(processes: readonly ProcessCardView[]): {
  shown: readonly ProcessCardView[];
  leaving: ReadonlySet<string>;
} {
  const store = usePlaygroundStore();
  const state = useRef<{ linger: LingerState; time: number }>({ linger: emptyLinger(), time: 0 });
  const [, setTick] = useState(0);
  // Time went back (a seek, a reset): what lingered belongs to a future that is not on screen.
  const time = store.getState().time;
  if (time < state.current.time) state.current.linger = emptyLinger();
  state.current.time = time;
  const result = lingerStep(state.current.linger, processes, performance.now());
  state.current.linger = result.state;
  const { nextAt } = result;
  useEffect(() => {
    if (nextAt === null) return;
    const id = window.setTimeout(() => setTick((n) => n + 1), Math.max(0, nextAt - performance.now()) + 16);
    return () => window.clearTimeout(id);
  }, [nextAt]);
  return result;
}

export function ProcessList({ processes, compact = false, empty }: ProcessListProps) {
  const { shown: all, leaving } = useLingering(processes);
  // The cards present at mount: shown as they are, without the entrance.
  const [present] = useState(() => new Set(all.map((p) => p.id)));
  const highlight = usePlayground((s) => highlightKey(s.selection, all));
  const { shown, hidden } = visibleProcesses(all, compact ? MAX_PROCESS_CHIPS : MAX_PROCESS_CARDS);
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
      {shown.map((p) => (
        <ProcessCard
          key={p.id}
          proc={p}
          highlighted={cardHighlighted(highlight, p)}
          enter={!present.has(p.id)}
          leaving={leaving.has(p.id)}
        />
      ))}
      {hidden > 0 && <div className="cn-more">+{hidden} more</div>}
      {all.length === 0 && empty}
    </div>
  );
}

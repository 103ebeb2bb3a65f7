// The event log's entries, read from the engine (the whole recorded run is there, not in the page):
// again whenever the query changes, and while the run moves at most every HISTORY_REFRESH_MS of
// wall time (with a last read once it stops), so a playing run costs the engine a few scans a second.
import { useEffect, useRef, useState } from 'react';
import type { HistoryPage, HistoryQuery } from '../../engine/api';
import { useController, usePlayground } from '../PlaygroundProvider';

/** Wall ms between two reads while time runs. */
export const HISTORY_REFRESH_MS = 250;

export function useHistory(query: HistoryQuery): HistoryPage | null {
  const controller = useController();
  const ready = usePlayground((s) => s.status === 'ready');
  // What makes the recorded run or the playhead change: the time, the horizon, the actions.
  const time = usePlayground((s) => s.time);
  const horizon = usePlayground((s) => s.horizon);
  const actions = usePlayground((s) => s.actions);
  const [page, setPage] = useState<HistoryPage | null>(null);
  const asked = useRef(0);
  const lastRead = useRef(-Infinity);
  const queryKey = JSON.stringify(query);
  const lastKey = useRef('');

  useEffect(() => {
    if (!ready) return;
    const read = () => {
      lastRead.current = performance.now();
      lastKey.current = queryKey;
      const n = ++asked.current;
      controller.history(JSON.parse(queryKey) as HistoryQuery).then(
        (p) => {
          // Answers come in order, but only the newest request's is wanted.
          if (n === asked.current) setPage(p);
        },
        () => undefined,
      );
    };
    const wait = lastKey.current === queryKey ? lastRead.current + HISTORY_REFRESH_MS - performance.now() : 0;
    if (wait <= 0) {
      read();
      return;
    }
    // Too soon after the last read: read once the wait is over (a newer change restarts it).
    const timer = window.setTimeout(read, wait);
    return () => window.clearTimeout(timer);
  }, [controller, ready, queryKey, time, horizon, actions]);

  return ready ? page : null;
}

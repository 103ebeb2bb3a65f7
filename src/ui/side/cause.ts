// Wording of state changes and their causes for the Inspector's history ("why is this executor
// LOST?"): one short line per change, naming the message, timer, user action or OS event.
import type { CauseView, StateChangeView } from '../../engine/public';
import { formatSimTime } from '../format';

/** "ExecutorStateChanged from Worker@w1", "timer CheckForWorkerTimeOut", "user action kill-worker". */
export function describeCause(cause: CauseView): string {
  switch (cause.kind) {
    case 'message':
      return cause.from ? `${cause.type} from ${cause.from}` : cause.type;
    case 'timer':
      return `timer ${cause.type}`;
    case 'action':
      return `user action ${cause.type}`;
    case 'disconnect':
      return cause.from ? `disconnect of ${cause.from}` : 'disconnect';
    case 'process-exit':
      // The child that ended is the interesting part when the change is its parent's (a Worker
      // reporting its executor's exit); "process exit" alone when the engine did not say whose.
      return cause.from ? `process exit of ${cause.from}` : 'process exit';
    case 'start':
      return 'start-up';
  }
}

/** The state a thing had before its first change: it did not exist. */
export const NO_STATE = '—';

/** One history line's parts: "0:00:03.002", "WAITING → RUNNING", the cause. */
export function describeChange(c: StateChangeView): { time: string; transition: string; cause: string } {
  return {
    time: formatSimTime(c.t),
    transition: `${c.from ?? NO_STATE} → ${c.to}`,
    cause: describeCause(c.cause),
  };
}

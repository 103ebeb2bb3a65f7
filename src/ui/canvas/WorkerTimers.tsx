// The waits on a Worker's card, ticking with the simulated clock: its registration retries and,
// when the Master cannot hear it, the heartbeat's age and the timeout check that will bury it.
// Only this line re-renders as the clock moves.
import { memo } from 'react';
import type { WorkerNodeView } from '../../engine/public';
import { usePlayground } from '../PlaygroundProvider';
import { registeringText, silentText } from './worker-timers';
import './process-card.css';

export const WorkerTimers = memo(function WorkerTimers({
  worker,
}: {
  worker: Pick<WorkerNodeView, 'registering' | 'silent'>;
}) {
  const registering = usePlayground((s) => registeringText(worker, s.time));
  const silent = usePlayground((s) => silentText(worker, s.time));
  if (!registering && !silent) return null;
  return (
    <>
      {registering && (
        <div className="cn-timer" data-testid="worker-registering">
          {registering}
        </div>
      )}
      {silent && (
        <div
          className="cn-timer cn-timer--silent"
          data-testid="worker-silent"
          title="The Master's last heartbeat from this Worker, and its next CheckForWorkerTimeOut (every spark.worker.timeout)"
        >
          {silent}
        </div>
      )}
    </>
  );
});

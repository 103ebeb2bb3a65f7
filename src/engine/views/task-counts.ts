// A frame's count-only update of a worker (TaskCountsView) applied to the node the page holds:
// pure, shared by the page's store and the frame builder's tests, so both merge frames the same way.
import type { TaskCountsView, WorkerNodeView } from './frame-types';

/**
 * The worker with its cards' running-task counts replaced; the same object when nothing differs
 * or when the counts do not fit its cards (a frame the page missed: the next full node mends it).
 */
export function applyTaskCounts(node: WorkerNodeView, update: TaskCountsView): WorkerNodeView {
  const { running } = update;
  if (running.length !== node.processes.length) return node;
  let processes: WorkerNodeView['processes'] | null = null;
  node.processes.forEach((p, i) => {
    const count = running[i] ?? null;
    if (count === null || p.runningTasks === count) return;
    processes ??= node.processes.slice();
    processes[i] = { ...p, runningTasks: count };
  });
  return processes ? { ...node, processes } : node;
}

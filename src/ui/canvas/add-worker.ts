// Adding a worker from the palette (button or drop): pick its host name, apply the action, and
// tell the user when the engine refuses it.
import type { Controller } from '../controller-api';
import type { PlaygroundStore } from '../store';
import { nextWorkerHost, type WorkerPreset } from './worker-presets';

// Names handed out whose worker has not reached the store yet: two quick drops must not both pick
// "w4". A name leaves the set once its node is in the store or the action failed; a name whose
// worker never shows up (the user seeks back before it) only makes later names skip one.
const reserved = new Set<string>();

function takeHost(store: PlaygroundStore): string {
  const nodes = store.getState().nodes;
  for (const h of reserved) if (h in nodes) reserved.delete(h);
  const host = nextWorkerHost([...Object.keys(nodes), ...reserved]);
  reserved.add(host);
  return host;
}

/**
 * Adds a worker with the preset at the current simulated time. `place` runs with the chosen host
 * before the action is sent (so the canvas can pin its position before the node appears); the
 * result is the host, or null when the engine refused (the user has been told why).
 */
export async function addWorker(
  controller: Controller,
  store: PlaygroundStore,
  preset: WorkerPreset,
  place?: (host: string) => void,
): Promise<string | null> {
  const host = takeHost(store);
  place?.(host);
  const { notify } = store.getState();
  try {
    const outcome = await controller.apply({ type: 'add-worker', host, cores: preset.cores, memory: preset.memory });
    if (outcome.ok) return host;
    reserved.delete(host);
    notify('error', outcome.error);
  } catch (err) {
    reserved.delete(host);
    notify('error', `Could not add worker ${host}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return null;
}

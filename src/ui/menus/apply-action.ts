// Applying a fault or kill the user chose (menu, Delete key, the Master page's "(kill)" links),
// and telling them how it went: one place, so every path words its notices the same way.
import type { Controller } from '../controller-api';
import { formatSimTime } from '../format';
import type { PlaygroundStore } from '../store';
import type { MenuItem } from './menu-items';

/** Applies the item's action at the current simulated time; true when the engine accepted it. */
export async function applyWithNotice(
  controller: Pick<Controller, 'apply'>,
  store: PlaygroundStore,
  item: Pick<MenuItem, 'action' | 'done'>,
): Promise<boolean> {
  // The time it was applied at: the clock may move on while the worker answers.
  const at = store.getState().time;
  let outcome: Awaited<ReturnType<Controller['apply']>>;
  try {
    outcome = await controller.apply(item.action);
  } catch (err) {
    outcome = { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  if (outcome.ok) store.getState().notify('info', `${item.done} at ${formatSimTime(at)}`);
  else store.getState().notify('error', outcome.error);
  return outcome.ok;
}

// Fire-and-forget controller calls from event handlers: a failure becomes an error notice
// instead of an unhandled promise rejection.
import { playgroundStore } from '../store';

export function attempt(p: Promise<unknown>): void {
  p.catch((err: unknown) => playgroundStore.getState().notify('error', err instanceof Error ? err.message : String(err)));
}

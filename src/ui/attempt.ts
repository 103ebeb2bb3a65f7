// Fire-and-forget controller calls from event handlers: a failure becomes an error notice
// instead of an unhandled promise rejection.
import { useCallback } from 'react';
import { usePlaygroundStore } from './PlaygroundProvider';
import type { PlaygroundStore } from './store';

export function attempt(store: PlaygroundStore, p: Promise<unknown>): void {
  p.catch((err: unknown) => store.getState().notify('error', err instanceof Error ? err.message : String(err)));
}

/** attempt() bound to the provided store. */
export function useAttempt(): (p: Promise<unknown>) => void {
  const store = usePlaygroundStore();
  return useCallback((p: Promise<unknown>) => attempt(store, p), [store]);
}

// The page's store and controller, provided once at the root (as xyflow's ReactFlowProvider
// provides its store): components select what they show with usePlayground(selector) and act
// through useController(), so no component takes the controller as a prop, and a test renders any
// component against a store of its own.
import { createContext, type ReactNode, useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import type { NodeView, Selection } from '../engine/public';
import type { Controller } from './controller-api';
import type { Playground, PlaygroundStore } from './store';
import { nodeOf, subscribeNode, subscribeSelection } from './store-fields';

interface PlaygroundContextValue {
  store: PlaygroundStore;
  controller: Controller;
}

const PlaygroundContext = createContext<PlaygroundContextValue | null>(null);

export function PlaygroundProvider({
  store,
  controller,
  children,
}: {
  store: PlaygroundStore;
  controller: Controller;
  children: ReactNode;
}) {
  const value = useMemo(() => ({ store, controller }), [store, controller]);
  return <PlaygroundContext.Provider value={value}>{children}</PlaygroundContext.Provider>;
}

function usePlaygroundContext(): PlaygroundContextValue {
  const value = useContext(PlaygroundContext);
  if (!value) throw new Error('This component renders only inside a PlaygroundProvider.');
  return value;
}

/** The store itself, for event handlers that read the state as it is at that moment. */
export function usePlaygroundStore(): PlaygroundStore {
  return usePlaygroundContext().store;
}

/** Subscribes the component to one slice of the page state. */
export function usePlayground<T>(selector: (s: Playground) => T): T {
  return useStore(usePlaygroundContext().store, selector);
}

/**
 * One node's view, re-rendering only when that node is replaced: for the canvas's nodes, which
 * number in the hundreds (store-fields.ts says why usePlayground would cost too much there).
 */
export function useNodeView(id: string): NodeView | undefined {
  const store = usePlaygroundContext().store;
  const subscribe = useCallback((listener: () => void) => subscribeNode(store, id, listener), [store, id]);
  const snapshot = useCallback(() => nodeOf(store, id), [store, id]);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/**
 * What `select` makes of the selection, re-rendering only when the selection changes and the
 * answer with it (it must return a primitive or a stable value).
 */
export function useSelectionAnswer<T>(select: (selection: Selection | null) => T): T {
  const store = usePlaygroundContext().store;
  const subscribe = useCallback((listener: () => void) => subscribeSelection(store, listener), [store]);
  const snapshot = () => select(store.getState().selection);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** The page's controller: every request to the engine goes through it. */
export function useController(): Controller {
  return usePlaygroundContext().controller;
}

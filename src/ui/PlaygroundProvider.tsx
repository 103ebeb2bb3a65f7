// The page's store and controller, provided once at the root (as xyflow's ReactFlowProvider
// provides its store): components select what they show with usePlayground(selector) and act
// through useController(), so no component takes the controller as a prop, and a test renders any
// component against a store of its own.
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { useStore } from 'zustand';
import type { Controller } from './controller-api';
import type { Playground, PlaygroundStore } from './store';

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

/** The page's controller: every request to the engine goes through it. */
export function useController(): Controller {
  return usePlaygroundContext().controller;
}

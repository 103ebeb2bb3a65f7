// What every node on the canvas needs besides its own slice of the store: the controller to act
// through, and whether the cluster is large enough for the compact rendering. A context (not node
// data) so React Flow's node objects stay plain and a frame never has to rebuild them.
import { createContext, useContext } from 'react';
import type { Controller } from '../controller-api';

export interface CanvasContextValue {
  controller: Controller;
  compact: boolean;
}

export const CanvasContext = createContext<CanvasContextValue | null>(null);

export function useCanvasContext(): CanvasContextValue {
  const value = useContext(CanvasContext);
  if (!value) throw new Error('Canvas nodes render only inside ClusterCanvas.');
  return value;
}

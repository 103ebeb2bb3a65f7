// How workers are drawn at the canvas's current zoom (layout.ts's workerRendering), handed from
// the canvas to every worker node: the canvas reads React Flow's zoom once and only a change of
// answer reaches the nodes, so zooming does not re-render hundreds of workers per frame.
import { createContext } from 'react';
import type { WorkerRendering } from './layout';

export const WorkerRenderingContext = createContext<WorkerRendering>('card');

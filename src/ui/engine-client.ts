// The page's only door into the engine: a comlink proxy over the Web Worker that hosts the
// Simulation (src/engine/worker.ts). Only types cross the import; the engine's code is bundled
// into the worker chunk, never into the page.
import { releaseProxy, wrap } from 'comlink';
import type { EngineApi, EngineFrame, LoadResult, ScenarioSource } from '../engine/worker';

export interface EngineClient {
  load(scenarioInput: unknown, source?: ScenarioSource): Promise<LoadResult>;
  advanceTo(simMs: number): Promise<EngineFrame>;
  reset(): Promise<EngineFrame | null>;
  dispose(): void;
}

export interface EngineClientOptions {
  /** Called when the worker itself fails (a script error or a message it cannot decode). */
  onFatal?: (message: string) => void;
}

export function createEngineClient(opts: EngineClientOptions = {}): EngineClient {
  const worker = new Worker(new URL('../engine/worker.ts', import.meta.url), { type: 'module', name: 'spark-engine' });
  worker.addEventListener('error', (e) => opts.onFatal?.(e.message || 'The engine worker failed to start.'));
  worker.addEventListener('messageerror', () => opts.onFatal?.('The engine worker sent a message the page cannot read.'));
  const remote = wrap<EngineApi>(worker);
  return {
    load: (input, source) => remote.load(input, source),
    advanceTo: (ms) => remote.advanceTo(ms),
    reset: () => remote.reset(),
    dispose() {
      remote[releaseProxy]();
      worker.terminate();
    },
  };
}

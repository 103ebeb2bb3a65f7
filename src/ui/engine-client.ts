// The page's only door into the engine: a comlink proxy over the Web Worker that hosts the
// Simulation (src/engine/worker.ts). Only types cross the import; the engine's code is bundled
// into the worker chunk, never into the page.
import { releaseProxy, type Remote, wrap } from 'comlink';
import type { EngineApi } from '../engine/worker';

/** Every engine call, as a promise; plus dispose() to end the worker. */
export type EngineClient = { [K in keyof EngineApi]: (...args: Parameters<EngineApi[K]>) => Promise<ReturnType<EngineApi[K]>> } & {
  dispose(): void;
};

export interface EngineClientOptions {
  /** Called when the worker itself fails (a script error or a message it cannot decode). */
  onFatal?: (message: string) => void;
}

export function createEngineClient(opts: EngineClientOptions = {}): EngineClient {
  const worker = new Worker(new URL('../engine/worker.ts', import.meta.url), { type: 'module', name: 'spark-engine' });
  worker.addEventListener('error', (e) => opts.onFatal?.(e.message || 'The engine worker failed to start.'));
  worker.addEventListener('messageerror', () => opts.onFatal?.('The engine worker sent a message the page cannot read.'));
  const remote: Remote<EngineApi> = wrap<EngineApi>(worker);
  return {
    load: (input, source) => remote.load(input, source),
    advanceTo: (ms) => remote.advanceTo(ms),
    play: (wallMs, speed) => remote.play(wallMs, speed),
    step: () => remote.step(),
    seek: (ms) => remote.seek(ms),
    apply: (action, o) => remote.apply(action, o),
    reset: () => remote.reset(),
    masterPage: () => remote.masterPage(),
    inspect: (selection) => remote.inspect(selection),
    scenario: () => remote.scenario(),
    dispose() {
      remote[releaseProxy]();
      worker.terminate();
    },
  };
}

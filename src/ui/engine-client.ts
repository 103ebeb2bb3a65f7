// The page's only door into the engine: a comlink proxy over the Web Worker that hosts the
// engine (src/engine/worker.ts exposes src/engine/api.ts). Only types cross
// the import; the engine's code is bundled into the worker chunk, never into the page.
import { releaseProxy, type Remote, wrap } from 'comlink';
import type { EngineApi } from '../engine/api';

/**
 * Every engine call, as a promise; plus dispose() to end the worker. A mapped type rather than
 * comlink's Remote<EngineApi>: Remote adds its proxy symbols and splits union results, which an
 * in-thread engine (createEngineApi() wrapped in promises, as the controller's tests do) would
 * have to fake. comlink's proxy satisfies this type as it is.
 */
export type EngineClient = {
  [K in keyof EngineApi]: (...args: Parameters<EngineApi[K]>) => Promise<Awaited<ReturnType<EngineApi[K]>>>;
} & {
  dispose(): void;
};

export interface EngineClientOptions {
  /** Called when the worker itself fails (a script error or a message it cannot decode). */
  onFatal?: (message: string) => void;
}

export function createEngineClient(opts: EngineClientOptions = {}): EngineClient {
  const worker = new Worker(new URL('../engine/worker.ts', import.meta.url), { type: 'module', name: 'spark-engine' });
  worker.addEventListener('error', (e) => opts.onFatal?.(e.message || 'The engine worker failed to start.'));
  worker.addEventListener('messageerror', () =>
    opts.onFatal?.('The engine worker sent a message the page cannot read.'),
  );
  const remote: Remote<EngineApi> = wrap<EngineApi>(worker);
  const dispose = (): void => {
    remote[releaseProxy]();
    worker.terminate();
  };
  // Not Object.assign(remote, { dispose }): a property set on comlink's proxy is sent to the
  // worker (a function cannot be cloned, so that fails), and reading `dispose` back would give a
  // remote call. This proxy answers `dispose` itself and hands every other name to comlink.
  return new Proxy(remote, {
    get: (target, key, receiver) => (key === 'dispose' ? dispose : Reflect.get(target, key, receiver)),
  }) as unknown as EngineClient;
}

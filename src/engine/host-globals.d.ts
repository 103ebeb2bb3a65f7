// The two host globals the engine uses that ES2023 does not define. The engine is compiled
// without DOM, WebWorker or node types (tsconfig.engine.json) so that nothing else from a host
// slips in; it runs in a Web Worker, in node and in the page's thread, and each of them provides
// these two (the HTML structured clone and the Encoding standard's TextEncoder). Only the
// signatures the engine calls are declared. Included by tsconfig.engine.json alone: the other
// projects take the full declarations from their DOM, WebWorker or node types.

/** A deep copy: sim/kernel.ts snapshots and restores its state with it. */
declare function structuredClone<T>(value: T): T;

/** UTF-8 bytes of a string: spark-submit's File.toURI percent-encodes them. */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

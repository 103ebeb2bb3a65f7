// Spark's check of a Worker's memory, in a chunk of its own: the palette imports it when a value is
// edited (use-memory-check.ts), so the byte-string parser behind it is not in the page's entry.
export { checkWorkerMemory } from '../../engine/public';

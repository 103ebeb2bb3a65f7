// The palette's worker presets and the rules for a new worker: its cores and memory as Spark
// would accept them, the next free host name, and the drag-and-drop payload between the palette
// and the canvas. Spark's memory check (MemoryCheck) is passed in: the palette loads it when a
// value is edited (use-memory-check.ts), so it is not in the page's entry script.

/** Spark's complaint about a SPARK_WORKER_MEMORY value, or undefined when the Worker would start. */
export type MemoryCheck = (value: string) => string | undefined;

export interface WorkerPreset {
  cores: number;
  memory: string;
}

export const WORKER_PRESETS: readonly WorkerPreset[] = [
  { cores: 4, memory: '8g' },
  { cores: 8, memory: '16g' },
  { cores: 16, memory: '64g' },
];

/** The most cores the palette offers (the schema has no upper bound; this keeps the grid sane). */
export const MAX_WORKER_CORES = 1024;

/** The drag payload's type: only the canvas accepts it, so a drop elsewhere does nothing. */
export const WORKER_DRAG_TYPE = 'application/x-spark-playground-worker';

/** Cores as typed: a whole number 1..1024, or the reason it is not. */
export function parseCores(text: string): { ok: true; cores: number } | { ok: false; error: string } {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return { ok: false, error: 'Cores must be a whole number from 1 to 1024.' };
  const cores = Number(t);
  if (cores < 1 || cores > MAX_WORKER_CORES)
    return { ok: false, error: 'Cores must be a whole number from 1 to 1024.' };
  return { ok: true, cores };
}

/**
 * Memory as SPARK_WORKER_MEMORY: undefined when the Worker would start, else Spark's own complaint;
 * null while Spark's check is not at hand yet (it cannot be told).
 */
export function memoryError(text: string, check: MemoryCheck | null): string | undefined | null {
  if (text.trim() === '') return 'Memory is required, e.g. 512m or 8g.';
  return check ? check(text) : null;
}

/** The checked preset, or the first problem with it (error null: the memory is still being checked). */
export function checkPreset(
  cores: string,
  memory: string,
  check: MemoryCheck | null,
): { ok: true; preset: WorkerPreset } | { ok: false; error: string | null } {
  const c = parseCores(cores);
  if (!c.ok) return c;
  const m = memoryError(memory, check);
  if (m !== undefined) return { ok: false, error: m };
  return { ok: true, preset: { cores: c.cores, memory: memory.trim() } };
}

/**
 * The next worker host name: one past the highest "w<N>" in use, so a new machine does not take
 * the name of one removed earlier in the session (its history in the log would read as the new
 * one's). Any taken name is skipped.
 */
export function nextWorkerHost(taken: Iterable<string>): string {
  let max = 0;
  const all = new Set<string>();
  for (const name of taken) {
    all.add(name);
    const m = /^w(\d+)$/.exec(name);
    if (m) max = Math.max(max, Number(m[1]));
  }
  let n = max + 1;
  while (all.has(`w${n}`)) n++;
  return `w${n}`;
}

export function accessibleAddLabel(p: WorkerPreset): string {
  return `Add worker with ${p.cores} ${p.cores === 1 ? 'core' : 'cores'} and ${p.memory}`;
}

export function encodeDragPayload(p: WorkerPreset): string {
  return JSON.stringify({ cores: p.cores, memory: p.memory });
}

/**
 * A dropped payload, checked again (it could come from another tab or page). Without Spark's
 * memory check at hand the memory is only required to be there: adding the worker has the engine
 * check it as Spark would, and a refusal comes back in Spark's words (add-worker.ts).
 */
export function decodeDragPayload(text: string, check: MemoryCheck | null = null): WorkerPreset | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { cores, memory } = value as Record<string, unknown>;
  if (typeof cores !== 'number' || typeof memory !== 'string') return null;
  const checked = checkPreset(String(cores), memory, check ?? (() => undefined));
  return checked.ok ? checked.preset : null;
}

// What a worker's core grid and memory bar show, as pure functions: which process holds each core,
// how its memory splits between processes, and the usage line under them.
import type { ProcessCardView, WorkerNodeView } from '../../engine/public';
import { megabytesToString } from '../format';

/** A core or a run of memory held by one process. */
export interface Holder {
  processId: string;
  kind: ProcessCardView['kind'];
  appId: string | null;
}

export interface MemorySegment extends Holder {
  memoryMb: number;
  /** Share of the worker's memory, 0..1. */
  fraction: number;
}

/** Processes that hold resources now: an ended card lingers for show but has given its share back. */
function holders(processes: readonly ProcessCardView[]): ProcessCardView[] {
  return processes.filter((p) => !p.ended);
}

function holderOf(p: ProcessCardView): Holder {
  return { processId: p.id, kind: p.kind, appId: p.appId };
}

/**
 * One entry per core: the process holding it, or null when it is free. Processes take consecutive
 * cores in their card order (live ones in launch order), so a process's cores stay together and do
 * not move while it runs. More claimed cores than the worker has (a transient the engine never
 * reports, but a bad frame should not break the page) are cut at the worker's size.
 */
export function coreOwners(worker: Pick<WorkerNodeView, 'cores' | 'processes'>): (Holder | null)[] {
  const cells: (Holder | null)[] = new Array<Holder | null>(Math.max(0, worker.cores)).fill(null);
  let i = 0;
  for (const p of holders(worker.processes)) {
    const h = holderOf(p);
    for (let k = 0; k < p.cores && i < cells.length; k++) cells[i++] = h;
  }
  return cells;
}

/** Contiguous runs of equal owners (for the bar that replaces cells on very large workers). */
export function coreRuns(owners: readonly (Holder | null)[]): { holder: Holder | null; count: number }[] {
  const runs: { holder: Holder | null; count: number }[] = [];
  for (const o of owners) {
    const last = runs[runs.length - 1];
    if (last && (last.holder?.processId ?? null) === (o?.processId ?? null)) last.count++;
    else runs.push({ holder: o, count: 1 });
  }
  return runs;
}

/** The memory bar: one segment per live process with memory, in card order; the rest is free. */
export function memorySegments(worker: Pick<WorkerNodeView, 'memoryMb' | 'processes'>): MemorySegment[] {
  const total = worker.memoryMb;
  if (total <= 0) return [];
  const segments: MemorySegment[] = [];
  let left = total;
  for (const p of holders(worker.processes)) {
    if (p.memoryMb <= 0 || left <= 0) continue;
    const mb = Math.min(p.memoryMb, left);
    left -= mb;
    segments.push({ ...holderOf(p), memoryMb: mb, fraction: mb / total });
  }
  return segments;
}

/**
 * What the grid and the bar show as held: the cores with an owner and the memory of the segments.
 * The usage line counts these, not the Worker's own counters, so the numbers never disagree with
 * the picture above them (a card killed a moment ago has already given its share back there,
 * while the Worker's counters wait for it to notice the exit).
 */
export function heldResources(worker: Pick<WorkerNodeView, 'cores' | 'memoryMb' | 'processes'>): {
  cores: number;
  memoryMb: number;
} {
  let cores = 0;
  for (const o of coreOwners(worker)) if (o) cores++;
  let memoryMb = 0;
  for (const s of memorySegments(worker)) memoryMb += s.memoryMb;
  return { cores, memoryMb };
}

/** "3/8 cores · 6.0 GiB/16.0 GiB" (sizes as Spark's Master UI prints them), counted as the grid shows them. */
export function usageText(worker: Pick<WorkerNodeView, 'cores' | 'memoryMb' | 'processes'>): string {
  const held = heldResources(worker);
  return `${held.cores}/${worker.cores} cores · ${megabytesToString(held.memoryMb)}/${megabytesToString(worker.memoryMb)}`;
}

/** "2 cores · 1024.0 MiB" for a card; a client-mode driver holds nothing of the cluster's. */
export function processResources(p: Pick<ProcessCardView, 'cores' | 'memoryMb'>): string {
  if (p.cores === 0 && p.memoryMb === 0) return '';
  const cores = `${p.cores} ${p.cores === 1 ? 'core' : 'cores'}`;
  return p.memoryMb > 0 ? `${cores} · ${megabytesToString(p.memoryMb)}` : cores;
}

/** The cards a worker shows and how many it leaves out (live ones are listed first by the engine). */
export function visibleProcesses<T>(processes: readonly T[], max: number): { shown: readonly T[]; hidden: number } {
  if (processes.length <= max) return { shown: processes, hidden: 0 };
  return { shown: processes.slice(0, max), hidden: processes.length - max };
}

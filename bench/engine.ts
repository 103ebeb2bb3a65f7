// Engine benchmark (docs/architecture.md, "Quality gates"): a large run through the real Spark model, and the bare kernel
// loop on trivial events as the ceiling, measured in the same process one after the other.
import { getHeapStatistics } from 'node:v8';
import { restoreScenario } from '../src/engine/scenario/restore';
import { Simulation } from '../src/engine/simulation';
import { Kernel } from '../src/engine/sim/kernel';
import { Random } from '../src/engine/sim/random';

export const ENGINE_BUDGET = { eventsPerSec: 1_000_000, speedup: 1000, fractionOfKernel: 0.25, heapMb: 1024 };

/** 1,000 workers of 16 cores / 64g; 500 apps over one simulated hour, mixed deploy modes. */
export function largeScenario(opts: { workers?: number; apps?: number; seed?: number } = {}) {
  const workers = opts.workers ?? 1000;
  const apps = opts.apps ?? 500;
  const r = new Random(opts.seed ?? 2026);
  const actions = [];
  for (let i = 0; i < apps; i++) {
    const executors = r.int(2, 8);
    const cluster = i % 2 === 1;
    const tasks = r.int(200, 800);
    const taskMs = r.int(500, 3000);
    actions.push({
      at: Math.floor((i * 3_600_000) / apps),
      type: 'submit',
      command:
        `spark-submit --master spark://master:7077 --deploy-mode ${cluster ? 'cluster' : 'client'} --name bench-${i} ` +
        `--executor-cores 4 --executor-memory 4g --total-executor-cores ${executors * 4} ` +
        `--class org.apache.spark.examples.SparkPi /opt/spark/examples/jars/spark-examples.jar ${tasks}`,
      workload: { tasks, taskMs },
    });
  }
  return {
    version: 1,
    name: 'engine benchmark',
    seed: opts.seed ?? 2026,
    workers: Array.from({ length: workers }, (_v, i) => ({
      host: `w${String(i + 1).padStart(4, '0')}`,
      cores: 16,
      memory: '64g',
    })),
    actions,
  };
}

function kernelCeiling(events: number): { events: number; wallMs: number; eventsPerSec: number } {
  // Trivial events through the same queue and dispatch: each handler schedules the next timer.
  let left = events;
  const k = new Kernel({ seed: 1, record: false }, (kk, p) => {
    if (--left > 0) kk.timer(p.pid, 'e', 1 + (left & 7), { type: 'Tick' });
  });
  for (let i = 0; i < 1000; i++) {
    const p = k.spawn(`h${i}`, 'x', 'x', null);
    k.timer(p.pid, 'e', i & 15, { type: 'Tick' });
  }
  const t0 = performance.now();
  k.runUntil(Number.MAX_SAFE_INTEGER);
  const wallMs = performance.now() - t0;
  const n = k.state.eventsProcessed;
  return { events: n, wallMs: Math.round(wallMs), eventsPerSec: Math.round(n / (wallMs / 1000)) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** One full run of the large scenario through the real engine. */
function engineRun(opts: { workers?: number; apps?: number }) {
  const restored = restoreScenario(largeScenario(opts), { source: 'cli' });
  if (!restored.ok) throw new Error(`benchmark scenario invalid: ${JSON.stringify(restored.errors.slice(0, 3))}`);
  let peakHeap = 0;
  const t0 = performance.now();
  const sim = Simulation.fromScenario(restored.scenario, { record: false });
  // Run in one-minute slices until nothing is left to happen, sampling the heap between slices.
  while (!sim.isIdle() && sim.time < 24 * 3_600_000) {
    sim.advanceTo(sim.time + 60_000);
    peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
  }
  const wallMs = performance.now() - t0;
  // Count from the state history: the Master itself keeps only spark.deploy.retainedApplications.
  const finished = sim.cluster.world.changes.filter((ch) => ch.kind === 'application' && ch.to === 'FINISHED').length;
  return { wallMs, events: sim.cluster.k.state.eventsProcessed, simulatedMs: sim.time, finished, peakHeap };
}

/**
 * The large run three times, each followed by the bare kernel loop, so that both see the same
 * machine; medians are reported (2-core machines are noisy), and every run is listed.
 */
export function runEngineBench(opts: { workers?: number; apps?: number; repeats?: number } = {}) {
  const runs: ReturnType<typeof engineRun>[] = [];
  const ceilings: number[] = [];
  for (let i = 0; i < (opts.repeats ?? 3); i++) {
    runs.push(engineRun(opts));
    ceilings.push(kernelCeiling(Math.max(2_000_000, Math.min(runs[i]!.events, 5_000_000))).eventsPerSec);
  }
  const first = runs[0]!;
  const eventsPerSecRuns = runs.map((r) => Math.round(r.events / (r.wallMs / 1000)));
  const eventsPerSec = median(eventsPerSecRuns);
  const wallMs = median(runs.map((r) => r.wallMs));
  const kernelEventsPerSec = median(ceilings);
  return {
    workers: opts.workers ?? 1000,
    apps: opts.apps ?? 500,
    appsFinished: first.finished,
    simulatedMs: first.simulatedMs,
    events: first.events,
    wallMs: Math.round(wallMs),
    eventsPerSec,
    speedup: Math.round(first.simulatedMs / wallMs),
    kernelEventsPerSec,
    fractionOfKernel: Number((eventsPerSec / kernelEventsPerSec).toFixed(3)),
    heapMb: Math.round(Math.max(...runs.map((r) => r.peakHeap)) / 1048576),
    runs: { eventsPerSec: eventsPerSecRuns, kernelEventsPerSec: ceilings },
    budget: ENGINE_BUDGET,
  };
}

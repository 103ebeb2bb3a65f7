import { describe, expect, it } from 'vitest';
import { restoreScenario } from '../../src/engine/scenario/restore';
import type { Scenario } from '../../src/engine/scenario/types';
import { describeGate, faultGates, gateCounts, gateOpen } from './fault-gates';
import { simulateScenario } from './sim-run';

function scenario(doc: Record<string, unknown>): Scenario {
  const r = restoreScenario({ version: 1, name: 'test', seed: 1, ...doc });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

const SUBMIT =
  'spark-submit --master spark://master:7077 --deploy-mode cluster --executor-memory 1g --total-executor-cores 4 --class org.apache.spark.examples.SparkPi examples.jar 60';

const killAndHeal = scenario({
  conf: { 'spark.worker.timeout': '10' },
  workers: [
    { host: 'w1', cores: 2, memory: '4g' },
    { host: 'w2', cores: 2, memory: '4g' },
    { host: 'w3', cores: 2, memory: '4g' },
  ],
  actions: [
    { at: 0, type: 'submit', command: SUBMIT, workload: { tasks: 60, taskMs: 1000 } },
    { at: 8000, type: 'partition', between: ['w2', 'master'] },
    { at: 20000, type: 'heal', between: ['w2', 'master'] },
  ],
});

describe('faultGates', () => {
  const sim = simulateScenario(killAndHeal, { pollMs: 500 });

  it('gates only the first action after a submission, with what the simulated cluster showed just before it', () => {
    const gates = faultGates(killAndHeal, sim.timeline);
    expect(gates.map((g) => g.index)).toEqual([1]);
    const before = sim.timeline.filter((s) => s.t < 8000).at(-1)!;
    expect(gates[0]).toEqual({ index: 1, at: 8000, ...gateCounts(before) });
    // A cluster-mode driver and its application, and executors on the workers' cores.
    expect(gates[0]!.apps).toBe(1);
    expect(gates[0]!.drivers).toBe(1);
    expect(gates[0]!.executors).toBeGreaterThan(0);
  });

  it('opens on a poll that shows at least as much, and not on one that shows less', () => {
    const [gate] = faultGates(killAndHeal, sim.timeline);
    const first = sim.timeline[0]!;
    expect(gateOpen(gate!, first)).toBe(false);
    const later = sim.timeline.find((s) => s.t >= 8000)!;
    expect(gateOpen(gate!, later)).toBe(true);
    expect(describeGate(gate!)).toMatch(/^1 application registered, 1 driver running, \d+ executors? running$/);
  });

  it('has no gate for an action before anything was submitted, nor for one the cluster reached nothing before', () => {
    const early = scenario({
      workers: [{ host: 'w1', cores: 2, memory: '4g' }],
      actions: [
        { at: 0, type: 'add-worker', host: 'w2', cores: 2, memory: '4g' },
        { at: 100, type: 'submit', command: SUBMIT },
        { at: 100, type: 'kill-worker', target: 'w1' },
      ],
    });
    expect(faultGates(early, simulateScenario(early, { pollMs: 500 }).timeline)).toEqual([]);
  });
});

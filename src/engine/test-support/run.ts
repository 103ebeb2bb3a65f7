// Test helpers: build a scenario from a few fields, run it through restoreScenario and the engine.
import { restoreScenario } from '../scenario/restore';
import { Simulation } from '../simulation';
import type { SimTraceEntry } from '../views/json-types';

export function scenario(partial: Record<string, unknown>): Record<string, unknown> {
  return { version: 1, name: 'test', seed: 1, ...partial };
}

export function simulate(partial: Record<string, unknown>, until?: number): Simulation {
  const r = restoreScenario(scenario(partial), { source: 'cli' });
  if (!r.ok) throw new Error(`invalid test scenario: ${JSON.stringify(r.errors)}`);
  const sim = Simulation.fromScenario(r.scenario);
  sim.run(until);
  return sim;
}

export const SUBMIT = 'spark-submit --master spark://master:7077';

/** Message types in trace order, leaving out the periodic and task chatter. */
export function controlMessages(trace: SimTraceEntry[]): SimTraceEntry[] {
  const noise = new Set(['Heartbeat', 'LaunchTask', 'StatusUpdate', 'RequestDriverStatus', 'DriverStatusResponse']);
  return trace.filter((m) => !noise.has(m.type));
}

/** Index of the first message matching type (and endpoints, given as "Endpoint@" prefixes). */
export function firstIndex(trace: SimTraceEntry[], type: string, from?: string, to?: string): number {
  return trace.findIndex((m) => m.type === type && (!from || m.from.startsWith(from)) && (!to || m.to.startsWith(to)));
}

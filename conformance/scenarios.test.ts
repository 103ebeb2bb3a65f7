import { describe, expect, it } from 'vitest';
import { restoreScenario } from '../src/engine/scenario/restore';
import { compareRuns, summarize } from './compare/compare';
import { simulateScenario } from './compare/sim-run';
import { conformanceScenarios, EXCLUDED } from './scenarios';

const all = conformanceScenarios();

describe('the conformance scenarios', () => {
  it('are at least 20, each once, with a quick subset of four', () => {
    expect(all.length).toBeGreaterThanOrEqual(20);
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    expect(all.filter((s) => s.quick).map((s) => s.id)).toHaveLength(4);
    expect(all.filter((s) => s.source === 'matrix').length).toBeGreaterThanOrEqual(12);
  });

  it('leave out only the library scenarios listed with a reason', () => {
    for (const [id, reason] of Object.entries(EXCLUDED)) {
      expect(all.some((s) => s.id === id)).toBe(false);
      expect(reason.length).toBeGreaterThan(20);
    }
  });

  it.each(all.map((s) => [s.id, s] as const))('%s restores cleanly and runs in the engine', (_id, s) => {
    const r = restoreScenario(s.doc, { source: 'file' });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.warnings).toEqual([]);
    const sim = simulateScenario(r.scenario, {
      pollMs: 500,
      ...(s.untilMs !== undefined ? { untilMs: s.untilMs } : {}),
    });
    expect(sim.timeline.length).toBeGreaterThan(1);
    // Every real run is shorter than ten minutes of simulated time.
    expect(sim.doc.time).toBeLessThan(600_000);
    // The simulated run compared with itself matches on every check.
    const c = summarize(s.id, compareRuns(r.scenario, sim, sim, { pollMs: 500 }));
    expect(c.diffs).toEqual([]);
  });
});

// The hostile-input fuzz: scenarios and session-like documents built from every kind of input
// that once crashed, hung or grew without bound (test-support/hostile-inputs.ts). Each goes
// through restoreScenario and, when it restores, through a Simulation under a small work budget
// to a bounded horizon, checking the Master's invariants after every event. Every case must end
// in a valid result or a clear error (every error and warning with a message), within its time,
// never an exception. FUZZ_RUNS sets the number of cases (`npm run test:nightly` runs 100,000).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from './scenario/limits';
import { restoreScenario } from './scenario/restore';
import type { Scenario, ScenarioIssue } from './scenario/types';
import { Simulation } from './simulation';
import type { MasterState } from './spark/master-state';
import { hostileCase, type Category, type HostileCase } from './test-support/hostile-inputs';
import { checkStep } from './test-support/master-invariants';

const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
/** Ten simulated minutes: far enough for every fault loop to show, short enough for thousands of cases. */
const HORIZON_MS = 600_000;
const BUDGET = { events: 30_000, records: 30_000 };
/** Wall time one case may take (restore, run, checks), generous for a loaded two-core machine. */
const CASE_MS = 5_000;

type Outcome = 'refused' | 'ran' | 'idle' | 'budget' | 'session-refused' | 'seeked';

function clear(issues: readonly ScenarioIssue[]): boolean {
  return issues.every((i) => typeof i.message === 'string' && i.message.trim().length > 0);
}

function master(sim: Simulation): { alive: boolean; state: MasterState } | null {
  const m = sim.cluster.world.topology.masters[0];
  return m ? sim.cluster.k.proc<MasterState>(m.pid) : null;
}

/** Runs to the horizon (or until idle), the Master's accounting checked after every event. */
function runChecked(scenario: Scenario, opts: { checkpoints?: boolean } = {}): Simulation {
  const sim = Simulation.fromScenario(structuredClone(scenario), { record: true, budget: BUDGET, ...opts });
  const check = () => {
    const m = master(sim);
    if (m?.alive) checkStep(m.state);
    return false;
  };
  while (sim.time < HORIZON_MS && !sim.isIdle() && sim.exhausted === null) {
    const next = Math.min(HORIZON_MS, Math.max(sim.nextEventTime(), sim.time + 1));
    sim.advanceTo(next, check);
  }
  return sim;
}

/** A session: seek to its playhead (bounded by the horizon), back to half of it, and forward again. */
function runSession(scenario: Scenario, playhead: unknown): Outcome {
  if (typeof playhead !== 'number' || !Number.isInteger(playhead) || playhead < 0 || playhead > LIMITS.simulatedMs)
    return 'session-refused';
  const target = Math.min(playhead, HORIZON_MS);
  const seeking = Simulation.fromScenario(structuredClone(scenario), {
    record: true,
    checkpoints: true,
    budget: BUDGET,
  });
  seeking.seek(target);
  const reached = seeking.exhausted === null;
  seeking.seek(Math.floor(target / 2));
  seeking.seek(target);
  const straight = Simulation.fromScenario(structuredClone(scenario), { record: true, budget: BUDGET });
  straight.advanceTo(target);
  // A replay after a seek back must not count the same events twice: the seeking run is used up
  // exactly when the straight one is, and otherwise reaches the same state.
  expect(seeking.exhausted === null).toBe(straight.exhausted === null);
  if (reached) expect(seeking.traceHash()).toBe(straight.traceHash());
  return seeking.exhausted === null ? 'seeked' : 'budget';
}

function runCase(c: HostileCase): Outcome {
  const r = restoreScenario(c.input, { source: c.category === 'session' ? 'url' : 'file' });
  expect(clear(r.warnings)).toBe(true);
  if (!r.ok) {
    expect(r.errors.length).toBeGreaterThan(0);
    expect(clear(r.errors)).toBe(true);
    return 'refused';
  }
  if (c.category === 'session') return runSession(r.scenario, c.playhead);
  const sim = runChecked(r.scenario);
  if (sim.exhausted !== null) {
    expect(sim.exhausted).toMatch(/^The run was stopped at .+ of simulated time: it used its .*budget of [\d,]+ /);
    return 'budget';
  }
  return sim.isIdle() ? 'idle' : 'ran';
}

describe('hostile inputs (fuzz)', () => {
  it(
    `end in a valid run or a clear error, never an exception (${RUNS} cases)`,
    () => {
      const counts = new Map<string, number>();
      // Every failing case is kept (not only the first, as fc.assert would): the counts and the
      // reproducers of all of them are what a reader of a red run needs.
      const failures: string[] = [];
      let slowest = 0;
      fc.assert(
        fc.property(hostileCase, (c) => {
          const t0 = performance.now();
          let outcome: Outcome | 'failed';
          try {
            outcome = runCase(c);
            const ms = performance.now() - t0;
            slowest = Math.max(slowest, ms);
            if (ms > CASE_MS) throw new Error(`took ${Math.round(ms)} ms (more than ${CASE_MS})`);
          } catch (e) {
            outcome = 'failed';
            const text = typeof c.input === 'string' ? c.input : JSON.stringify(c.input);
            const playhead = c.playhead === undefined ? '' : ` playhead ${JSON.stringify(c.playhead)}`;
            failures.push(`${c.category}: ${String(e)}\n  input${playhead}: ${text.slice(0, 400)}`);
          }
          const key = `${c.category}/${outcome}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }),
        { numRuns: RUNS, seed: 20261202 },
      );
      const byCategory = new Map<Category | string, string[]>();
      for (const [key, n] of [...counts].sort()) {
        const [category, outcome] = key.split('/') as [string, string];
        byCategory.set(category, [...(byCategory.get(category) ?? []), `${outcome} ${n}`]);
      }
      const lines = [...byCategory].map(([category, parts]) => `  ${category}: ${parts.join(', ')}`);
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      console.log(
        `hostile-input fuzz: ${total} cases, ${failures.length} failed, slowest ${Math.round(slowest)} ms\n${lines.join('\n')}`,
      );
      expect(total).toBe(RUNS);
      expect({ failed: failures.length, first: failures.slice(0, 5) }).toEqual({ failed: 0, first: [] });
      // The cases must reach the engine, not only the validator, or the fuzz tests little.
      const ran = [...counts].filter(([k]) => /\/(ran|idle|budget|seeked)$/.test(k));
      expect(ran.reduce((a, [, n]) => a + n, 0)).toBeGreaterThan(RUNS * 0.3);
    },
    Math.max(600_000, RUNS * 20),
  );
});

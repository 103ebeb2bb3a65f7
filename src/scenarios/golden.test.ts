// Golden traces: every built-in scenario runs to the end with a known trace hash and outcome. A
// change to the engine that changes any message, its timing or a log line shows up here; when the
// change is intended, update the table (and ENGINE_VERSION, so old share links can say so).
import { describe, expect, it } from 'vitest';
import { restoreScenario } from '../engine/scenario/restore';
import { Simulation } from '../engine/simulation';
import { builtinScenarios } from './index';

const GOLDEN: Record<string, { hash: string; time: number; apps: string[]; drivers: string[] }> = {
  'client-mode': { hash: '6170eae7', time: 23000, apps: ['FINISHED'], drivers: [] },
  'cluster-mode': { hash: 'd45906a6', time: 31837, apps: ['FINISHED'], drivers: ['FINISHED'] },
  'spread-out': { hash: 'f34c5d34', time: 30434, apps: ['FINISHED'], drivers: [] },
  consolidate: { hash: '19898ecc', time: 30435, apps: ['FINISHED'], drivers: [] },
  'drivers-round-robin': { hash: '03dd1901', time: 40459, apps: ['FINISHED', 'FINISHED', 'FINISHED', 'FINISHED', 'FINISHED'], drivers: ['FINISHED', 'FINISHED', 'FINISHED', 'FINISHED'] },
  'rest-gateway': { hash: '0cc5ef75', time: 27027, apps: ['FINISHED'], drivers: ['FINISHED'] },
  'executor-cores-set-vs-unset': { hash: '18a08cf6', time: 30929, apps: ['FINISHED', 'FINISHED'], drivers: [] },
  'worker-power-off': { hash: 'e48d5d0a', time: 126215, apps: ['FINISHED'], drivers: [] },
  'executor-launch-failure': { hash: 'acd3febc', time: 23000, apps: ['FAILED'], drivers: [] },
  sandbox: { hash: '1af5247e', time: 13000, apps: [], drivers: [] },
};

describe('built-in scenarios (golden traces)', () => {
  it('has a golden entry for every built-in', () => {
    expect(Object.keys(GOLDEN).sort()).toEqual(builtinScenarios.map((b) => b.id).sort());
  });

  for (const b of builtinScenarios) {
    it(`${b.id} replays to its golden trace`, () => {
      const r = restoreScenario(b.scenario, { source: 'builtin' });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      const sim = Simulation.fromScenario(r.scenario);
      sim.run();
      const out = sim.output();
      expect({ hash: sim.traceHash(), time: out.time, apps: out.apps.map((a) => a.state), drivers: out.drivers.map((d) => d.state) }).toEqual(GOLDEN[b.id]);
    });
  }

  it('places the waiting drivers of drivers-round-robin one per worker when capacity frees at once', () => {
    const b = builtinScenarios.find((x) => x.id === 'drivers-round-robin');
    const r = restoreScenario(b?.scenario, { source: 'builtin' });
    if (!r.ok) throw new Error('invalid');
    const sim = Simulation.fromScenario(r.scenario);
    sim.run();
    const hosts = sim.output().drivers.map((d) => d.worker);
    expect(new Set(hosts).size).toBe(hosts.length);
  });

  it('spread-out and consolidate place the same request differently', () => {
    const execHosts = (id: string) => {
      const r = restoreScenario(builtinScenarios.find((x) => x.id === id)?.scenario, { source: 'builtin' });
      if (!r.ok) throw new Error('invalid');
      const sim = Simulation.fromScenario(r.scenario);
      sim.run();
      const app = sim.output().apps[0];
      return [...(app?.executors ?? []), ...(app?.removedExecutors ?? [])].map((e) => `${e.worker}:${e.cores}`).sort();
    };
    // 12 cores asked of 4 × 8: three per worker spread out; 8 + 4 consolidated.
    expect(execHosts('spread-out')).toEqual(['w1:3', 'w2:3', 'w3:3', 'w4:3']);
    expect(execHosts('consolidate')).toEqual(['w3:4', 'w4:8']);
  });
});

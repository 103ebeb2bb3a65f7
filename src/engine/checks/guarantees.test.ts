// The guarantee checks: silent on every library scenario, loud on a broken worker count, pending
// while a liveness promise is awaited, and kept across a seek.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreScenario } from '../scenario/restore';
import { Simulation } from '../simulation';
import type { MasterState } from '../spark/master-state';
import { SUBMIT, simulate } from '../test-support/run';
import { GUARANTEES } from './guarantees';
import { guaranteesView } from '../views/guarantees-view';

const LIBRARY = join(process.cwd(), 'src', 'scenarios');
const PI = '--class org.apache.spark.examples.SparkPi examples.jar';
const TWO = [
  { host: 'w1', cores: 4, memory: '8g' },
  { host: 'w2', cores: 4, memory: '8g' },
];

function badge(sim: Simulation, id: string) {
  return guaranteesView(sim.cluster).find((b) => b.id === id)!;
}

describe('guarantees', () => {
  it.each(readdirSync(LIBRARY).filter((f) => f.endsWith('.json')))('hold on every state change of %s', (file) => {
    const r = restoreScenario(JSON.parse(readFileSync(join(LIBRARY, file), 'utf8')), { source: 'file' });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const sim = Simulation.fromScenario(r.scenario);
    sim.run();
    expect(sim.cluster.world.guarantees.violations).toEqual([]);
    expect(guaranteesView(sim.cluster).filter((b) => b.status === 'violated')).toEqual([]);
  });

  it('name every guarantee once, in the order of the badge row', () => {
    const sim = simulate({ workers: TWO, actions: [] }, 1_000);
    expect(guaranteesView(sim.cluster).map((b) => b.id)).toEqual(GUARANTEES.map((g) => g.id));
    expect(guaranteesView(sim.cluster).every((b) => b.status === 'ok')).toBe(true);
  });

  it('catch a worker whose count of used cores is off, at the next state change there', () => {
    const sim = simulate(
      {
        workers: TWO,
        actions: [{ at: 0, type: 'submit', command: `${SUBMIT} ${PI} 20`, workload: { tasks: 20, taskMs: 1000 } }],
      },
      2_000,
    );
    const m = sim.cluster.k.proc<MasterState>(sim.cluster.world.topology.masters[0]!.pid).state;
    m.workers[0]!.coresUsed += 1; // what a bookkeeping bug would do
    sim.run();
    const b = badge(sim, 'worker-accounting');
    expect(b.status).toBe('violated');
    expect(b.detail).toMatch(
      /^worker-\S+ counts \d+ cores and \d+ MiB used; its drivers and executors hold \d+ and \d+\./,
    );
    const change = sim.cluster.world.changes[b.change!]!;
    expect(change.t).toBe(b.at);
    expect(change.t).toBeGreaterThan(2_000);
  });

  it('show a powered-off worker pending until the Master declares it DEAD, then hold', () => {
    const run = (until: number) =>
      simulate({ workers: TWO, actions: [{ at: 10_000, type: 'power-off', target: 'w2' }] }, until);
    expect(badge(run(20_000), 'dead-within-two-timeouts').status).toBe('ok'); // one beat missed is not silence yet
    const pending = badge(run(60_000), 'dead-within-two-timeouts');
    expect(pending.status).toBe('pending');
    expect(pending.detail).toMatch(/^worker-\S+-w2-\S+ silent for \d+\.\d s: DEAD by 120 s of silence\.$/);
    expect(badge(run(130_000), 'dead-within-two-timeouts').status).toBe('ok');
  });

  it('show a supervised driver pending while no worker can take it back', () => {
    const sim = simulate(
      {
        workers: [{ host: 'w1', cores: 4, memory: '8g' }],
        actions: [
          {
            at: 0,
            type: 'submit',
            command: `${SUBMIT} --deploy-mode cluster --supervise ${PI} 2000`,
            workload: { tasks: 2000, taskMs: 1000 },
          },
          { at: 20_000, type: 'kill-worker', target: 'w1' },
        ],
      },
      30_000,
    );
    const b = badge(sim, 'supervised-relaunch');
    expect(b.status).toBe('pending');
    expect(b.detail).toMatch(
      /^driver-\S+-0001: relaunched after its worker was lost, SUBMITTED until a worker fits it\.$/,
    );
  });

  it('are kept in the checkpoints: a seek back forgets a violation found later', () => {
    const r = restoreScenario(
      {
        version: 1,
        name: 't',
        seed: 1,
        workers: TWO,
        actions: [{ at: 0, type: 'submit', command: `${SUBMIT} ${PI} 20`, workload: { tasks: 20, taskMs: 1000 } }],
      },
      { source: 'file' },
    );
    if (!r.ok) throw new Error('invalid');
    const sim = Simulation.fromScenario(r.scenario, { checkpoints: true });
    sim.advanceTo(2_000);
    const m = sim.cluster.k.proc<MasterState>(sim.cluster.world.topology.masters[0]!.pid).state;
    m.workers[0]!.coresUsed += 1;
    sim.advanceTo(60_000);
    expect(sim.cluster.world.guarantees.violations.length).toBeGreaterThan(0);
    sim.seek(1_000);
    expect(sim.cluster.world.guarantees.violations).toEqual([]);
  });
});

// Causal chains of the library's failure scenarios: each state change walked back to the user's
// fault, a timer or a process exit, through the messages the engine recorded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreScenario } from '../scenario/restore';
import { Simulation } from '../simulation';
import type { StateChange } from '../spark/cluster';
import { causalChain, MAX_CHAIN } from './causes';

function library(name: string, until?: number): Simulation {
  const text = readFileSync(join(process.cwd(), 'src', 'scenarios', `${name}.json`), 'utf8');
  const r = restoreScenario(JSON.parse(text), { source: 'file' });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const sim = Simulation.fromScenario(r.scenario);
  sim.run(until);
  return sim;
}

function first(sim: Simulation, pred: (ch: StateChange) => boolean): StateChange {
  const ch = sim.cluster.world.changes.find(pred);
  if (!ch) throw new Error('no such state change');
  return ch;
}

const kinds = (sim: Simulation, ch: StateChange) => causalChain(sim.cluster, ch).map((l) => l.kind);
const texts = (sim: Simulation, ch: StateChange) => causalChain(sim.cluster, ch).map((l) => l.text);

describe('causal chains', () => {
  it('worker-kill-vs-power-off: the killed worker is DEAD at once, through its disconnect, back to kill-worker', () => {
    const sim = library('worker-kill-vs-power-off');
    const dead = first(sim, (ch) => ch.kind === 'worker' && ch.to === 'DEAD' && ch.cause.kind === 'disconnect');
    expect(kinds(sim, dead)).toEqual(['change', 'disconnect', 'exit', 'action']);
    const t = texts(sim, dead);
    expect(t[1]).toMatch(/^Disconnected: the connection to Worker@w\d is gone$/);
    expect(t[2]).toMatch(/^Worker@w\d exited with code 137 at \d+\.\d{3} s$/);
    expect(t[3]).toMatch(/^the scenario's action kill-worker at /);
  });

  it('worker-kill-vs-power-off: the powered-off one is DEAD at the timeout check, after its last heartbeat', () => {
    const sim = library('worker-kill-vs-power-off');
    const dead = first(sim, (ch) => ch.kind === 'worker' && ch.to === 'DEAD' && ch.cause.kind === 'timer');
    const chain = causalChain(sim.cluster, dead);
    expect(chain.map((l) => l.kind)).toEqual(['change', 'timer', 'exit', 'action']);
    expect(chain[1]!.text).toMatch(
      /^timer CheckForWorkerTimeOut fired at .*: the last Heartbeat from Worker@w\d arrived at .* more than spark\.worker\.timeout \(60 s\) before$/,
    );
    expect(sim.cluster.k.messages[chain[1]!.messageId! - 1]!.type).toBe('Heartbeat');
    expect(chain[3]!.text).toMatch(/^the scenario's action power-off at /);
    // Times only go back.
    for (let i = 1; i < chain.length; i++) expect(chain[i]!.t).toBeLessThanOrEqual(chain[i - 1]!.t);
  });

  it('network-partition-heal: the cut-off worker’s heartbeats were lost to the partition', () => {
    const sim = library('network-partition-heal');
    const dead = first(sim, (ch) => ch.kind === 'worker' && ch.to === 'DEAD');
    const t = texts(sim, dead);
    expect(t.some((x) => /^Heartbeat from Worker@w\d to Master@master, sent at .*, lost \(partition\)$/.test(x))).toBe(
      true,
    );
  });

  it('driver-supervised-relaunch: RELAUNCHING goes back to the lost worker and its kill', () => {
    const sim = library('driver-supervised-relaunch');
    const relaunching = first(sim, (ch) => ch.kind === 'driver' && ch.to === 'RELAUNCHING');
    const chain = causalChain(sim.cluster, relaunching);
    expect(chain[0]!.subject).toBe(relaunching.subject);
    expect(['action', 'timer']).toContain(chain[chain.length - 1]!.kind);
    expect(chain.length).toBeLessThan(MAX_CHAIN);
  });

  it('executor-launch-failure: the app FAILED because of an ExecutorStateChanged, sent as the executor’s process failed', () => {
    const sim = library('executor-launch-failure');
    const failed = first(sim, (ch) => ch.kind === 'application' && ch.to === 'FAILED');
    const chain = causalChain(sim.cluster, failed);
    expect(chain[1]!.kind).toBe('message');
    expect(chain[1]!.text).toMatch(/^ExecutorStateChanged from Worker@w\d to Master@master/);
    expect(chain.some((l) => l.kind === 'exit' || l.kind === 'timer')).toBe(true);
  });

  it('every state change of every failure scenario has a chain that ends at an origin', () => {
    for (const name of [
      'worker-power-off',
      'worker-decommission',
      'master-recovery-filesystem',
      'driver-unsupervised-lost',
    ]) {
      const sim = library(name);
      for (const ch of sim.cluster.world.changes) {
        const chain = causalChain(sim.cluster, ch);
        const end = chain[chain.length - 1]!;
        expect(['action', 'timer', 'start', 'disconnect', 'exit', 'message']).toContain(end.kind);
        for (let i = 1; i < chain.length; i++) expect(chain[i]!.t).toBeLessThanOrEqual(chain[i - 1]!.t);
      }
    }
  });
});

// Golden traces: every built-in scenario runs to the end with a known trace hash and outcome. A
// change to the engine that changes any message, its timing or a log line shows up here. Each run
// is also written out as a short summary (its first control messages and the final states) in
// __golden__/<id>.txt, so a failure shows what changed, not only that the hash did. When the
// change is intended: update the summaries (vitest -u), the hashes below, and ENGINE_VERSION, so
// share links made before it can say their replay may differ.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restoreScenario } from '../engine/scenario/restore';
import { Simulation } from '../engine/simulation';
import { controlMessages } from '../engine/test-support/run';
import { MASTER_JVM_STARTUP_MS } from '../engine/spark/timings';
import { ENGINE_VERSION } from '../engine/version';
import { builtinScenarios } from './index';

/** The ENGINE_VERSION the hashes below were recorded with. */
const GOLDEN_ENGINE_VERSION = 3;

/** How many control messages each summary lists. */
const SUMMARY_MESSAGES = 25;

const GOLDEN: Record<string, { hash: string; time: number; apps: string[]; drivers: string[] }> = {
  'client-mode': { hash: '41bbc53a', time: 32444, apps: ['FINISHED'], drivers: [] },
  'cluster-mode': { hash: 'ac5db24a', time: 44642, apps: ['FINISHED'], drivers: ['FINISHED'] },
  'spread-out': { hash: '771d21dc', time: 42083, apps: ['FINISHED'], drivers: [] },
  consolidate: { hash: 'f9df5e2d', time: 42086, apps: ['FINISHED'], drivers: [] },
  'drivers-round-robin': {
    hash: '01851f9b',
    time: 60988,
    apps: ['FINISHED', 'FINISHED', 'FINISHED', 'FINISHED', 'FINISHED'],
    drivers: ['FINISHED', 'FINISHED', 'FINISHED', 'FINISHED'],
  },
  'drivers-nested-loop': {
    hash: '2bcece5e',
    time: 64340,
    apps: ['FINISHED', 'FINISHED', 'FINISHED', 'FINISHED', 'FINISHED'],
    drivers: ['FINISHED', 'FINISHED', 'FINISHED', 'FINISHED'],
  },
  'rest-gateway': { hash: '74e92fe7', time: 39826, apps: ['FINISHED'], drivers: ['FINISHED'] },
  'executor-cores-set-vs-unset': { hash: '1d4d6bb5', time: 42581, apps: ['FINISHED', 'FINISHED'], drivers: [] },
  'app-waiting-for-memory': { hash: 'dc9b6659', time: 98696, apps: ['FINISHED'], drivers: [] },
  'app-held-by-first-app': { hash: 'b1141197', time: 60629, apps: ['FINISHED', 'FINISHED'], drivers: [] },
  'executor-cores-too-large': { hash: 'fca15104', time: 92662, apps: ['FINISHED'], drivers: [] },
  'all-workers-lost': { hash: 'b8e7e489', time: 134979, apps: ['FINISHED'], drivers: [] },
  'driver-too-big': { hash: 'c2a83a83', time: 93004, apps: ['FINISHED'], drivers: ['FINISHED'] },
  'max-drivers': { hash: '3f09b5ed', time: 82002, apps: ['FINISHED', 'FINISHED'], drivers: ['FINISHED', 'FINISHED'] },
  'worker-power-off': { hash: '4af2f0f8', time: 126215, apps: ['FINISHED'], drivers: [] },
  'worker-kill-vs-power-off': { hash: 'cf6ed444', time: 126214, apps: ['FINISHED'], drivers: [] },
  'network-partition-heal': { hash: '48d2f565', time: 204453, apps: ['FINISHED'], drivers: [] },
  'worker-decommission': { hash: '1e5ff4ab', time: 78256, apps: ['FINISHED'], drivers: [] },
  'executor-launch-failure': { hash: '12fa868e', time: 23250, apps: ['FAILED'], drivers: [] },
  'driver-supervised-relaunch': {
    hash: 'd327b67a',
    time: 92332,
    apps: ['FINISHED', 'FINISHED'],
    drivers: ['RELAUNCHING', 'FINISHED'],
  },
  'driver-unsupervised-lost': { hash: '76773406', time: 25704, apps: ['FINISHED'], drivers: ['ERROR'] },
  'driver-supervise-crash-loop': { hash: 'a6ffa2db', time: 83655, apps: [], drivers: ['KILLED'] },
  'master-restart-no-recovery': { hash: 'd2f2a283', time: 65002, apps: [], drivers: [] },
  'master-recovery-filesystem': { hash: '1dbf3795', time: 107400, apps: ['FINISHED'], drivers: [] },
  'master-failover-zookeeper': { hash: '5a818a59', time: 142242, apps: ['FINISHED'], drivers: [] },
  sandbox: { hash: '1af5247e', time: 13000, apps: [], drivers: [] },
};

/**
 * What a reader needs to see when a golden run changes: the first control messages (heartbeats,
 * tasks and driver-status polling left out) as `t from -> to Type`, then the final state of every
 * application, driver, Master and Worker.
 */
function summarize(id: string, sim: Simulation): string {
  const out = sim.output();
  const messages = controlMessages(sim.traceSince(0)).slice(0, SUMMARY_MESSAGES);
  const width = String(messages.at(-1)?.t ?? 0).length;
  const lines = [
    `${id}: ends at t=${out.time} ms`,
    '',
    `First ${messages.length} control messages (t from -> to Type):`,
  ];
  for (const m of messages)
    lines.push(
      `  ${String(m.t).padStart(width)} ${m.from} -> ${m.to} ${m.type}${m.delivered ? '' : ' (not delivered)'}`,
    );

  // Executors alike are counted, in the order they first appear: "2 x w1 (4 cores, 2048 MB) KILLED".
  const executors = (list: { worker: string; cores: number; memory: number; state: string }[]) => {
    const counts = new Map<string, number>();
    for (const e of list) {
      const key = `${e.worker} (${e.cores} ${e.cores === 1 ? 'core' : 'cores'}, ${e.memory} MB) ${e.state}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts.size === 0 ? 'none' : [...counts].map(([key, n]) => `${n} x ${key}`).join(', ');
  };
  lines.push('', 'Applications:');
  if (out.apps.length === 0) lines.push('  none');
  for (const a of out.apps) {
    lines.push(`  ${a.id} "${a.name}" ${a.state}, driver ${a.driver ?? 'none'}`);
    lines.push(`    executors: ${executors(a.executors)}; removed: ${executors(a.removedExecutors)}`);
  }
  lines.push('', 'Drivers:');
  if (out.drivers.length === 0) lines.push('  none');
  for (const d of out.drivers) {
    lines.push(
      `  ${d.id} ${d.state} on ${d.worker ?? 'no worker'}${d.supervise ? ', supervised' : ''}, ${d.restarts} restarts`,
    );
  }
  lines.push('', 'Masters:');
  out.masters.forEach((m, i) => lines.push(m ? `  ${m.url} ${m.status}` : `  master ${i + 1}: process down`));

  // Each worker as the leading Master sees it, then its own process.
  lines.push('', "Workers (leading Master's view; process):");
  const seen = new Map((out.master?.workers ?? []).map((w) => [w.host, w]));
  const hosts = [...new Set([...seen.keys(), ...Object.keys(out.workers)])];
  if (hosts.length === 0) lines.push('  none');
  for (const host of hosts) {
    const w = seen.get(host);
    const view = w
      ? `${w.state}, ${w.coresused}/${w.cores} cores and ${w.memoryused}/${w.memory} MB used`
      : 'not registered';
    const p = out.workers[host];
    const proc = p
      ? `process up, ${p.executors.length} executors running, ${p.finishedexecutors.length} finished, master ${p.masterurl || 'none'}`
      : 'process down';
    lines.push(`  ${host}: ${view}; ${proc}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('built-in scenarios (golden traces)', () => {
  it('has a golden entry and a summary file for every built-in', () => {
    const ids = builtinScenarios.map((b) => b.id).sort();
    expect(Object.keys(GOLDEN).sort()).toEqual(ids);
    const files = readdirSync(new URL('./__golden__/', import.meta.url)).sort();
    expect(
      files,
      'src/scenarios/__golden__ holds one <id>.txt per built-in; delete the summaries of removed ones',
    ).toEqual(ids.map((id) => `${id}.txt`));
  });

  it('the golden hashes were recorded with the current ENGINE_VERSION', () => {
    expect(
      ENGINE_VERSION,
      'ENGINE_VERSION (src/engine/version.ts) changed: re-record the golden hashes below and set GOLDEN_ENGINE_VERSION to it',
    ).toBe(GOLDEN_ENGINE_VERSION);
  });

  for (const b of builtinScenarios) {
    it(`${b.id} replays to its golden trace`, async () => {
      const r = restoreScenario(b.scenario, { source: 'builtin' });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      const sim = Simulation.fromScenario(r.scenario);
      sim.run();
      const out = sim.output();
      // Soft, so a changed run reports both the readable diff and the hash.
      await expect.soft(summarize(b.id, sim)).toMatchFileSnapshot(`./__golden__/${b.id}.txt`);
      expect(
        {
          hash: sim.traceHash(),
          time: out.time,
          apps: out.apps.map((a) => a.state),
          drivers: out.drivers.map((d) => d.state),
        },
        `The run of ${b.id} changed (the summary diff, if any, shows how). If that is intended, bump ENGINE_VERSION in ` +
          'src/engine/version.ts and GOLDEN_ENGINE_VERSION here, update this entry of GOLDEN, and run vitest -u for the summary',
      ).toEqual(GOLDEN[b.id]);
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

// What the explanations beside the canvas promise: the messages, states and times they quote.
describe('built-in scenarios show what their explanations say', () => {
  function run(id: string, until?: number): Simulation {
    const r = restoreScenario(builtinScenarios.find((x) => x.id === id)?.scenario, { source: 'builtin' });
    if (!r.ok) throw new Error(`${id} is invalid`);
    const sim = Simulation.fromScenario(r.scenario);
    sim.run(until);
    return sim;
  }
  /** Simulated ms of each log line that contains `text`. */
  function logTimes(sim: Simulation, text: string): number[] {
    return sim
      .logLines(0)
      .filter((l) => l.includes(text))
      .map((l) => Math.round(Number(/^\[t=([\d.]+)s\]/.exec(l)?.[1]) * 1000));
  }
  function workerState(sim: Simulation, host: string): string | undefined {
    return sim.output().master?.workers.find((w) => w.host === host)?.state;
  }

  it('drivers-nested-loop: Spark 1.6.0 piles the drivers two by two on two workers, with the NullPointerException of its loop', () => {
    const sim = run('drivers-nested-loop');
    const perWorker = new Map<string, number>();
    for (const d of sim.output().drivers) perWorker.set(d.worker ?? '', (perWorker.get(d.worker ?? '') ?? 0) + 1);
    expect([...perWorker.values()]).toEqual([2, 2]);
    expect(logTimes(sim, 'ERROR Ignoring error: java.lang.NullPointerException')).toHaveLength(2);
    expect(logTimes(sim, 'Running Spark version 1.6.0')).toEqual([0]);
  });

  it('app-waiting-for-memory: WAITING with no executor and starvation warnings until w3 joins at 60 s', () => {
    const sim = run('app-waiting-for-memory', 59_000);
    expect(sim.output().apps.map((a) => [a.state, a.executors.length])).toEqual([['WAITING', 0]]);
    expect(logTimes(sim, 'requires more resource than any of Workers could have')).toEqual([3253]);
    expect(logTimes(sim, 'Initial job has not accepted any resources').map((t) => Math.round(t / 1000))).toEqual([
      18, 33, 48,
    ]);
    sim.run();
    const app = sim.output().apps[0];
    expect(
      [...(app?.executors ?? []), ...(app?.removedExecutors ?? [])].map((e) => [e.worker, e.cores, e.memory]),
    ).toEqual([['w3', 8, 20480]]);
  });

  it('worker-kill-vs-power-off: the killed worker goes at once, the powered-off one at the check at 120 s', () => {
    const sim = run('worker-kill-vs-power-off', 119_000);
    expect([workerState(sim, 'w2'), workerState(sim, 'w3')]).toEqual(['DEAD', 'ALIVE']);
    // The first disconnect the Master sees is w2's, right after the kill.
    expect(sim.logLines(0).find((l) => l.includes('got disassociated, removing it.'))).toContain('Master@master: w2:');
    const [disconnect = NaN] = logTimes(sim, 'got disassociated, removing it.');
    expect(disconnect).toBeGreaterThanOrEqual(20_000);
    expect(disconnect).toBeLessThan(20_010);
    sim.run();
    expect(workerState(sim, 'w3')).toBe('DEAD');
    expect(logTimes(sim, 'because we got no heartbeat in 60 seconds')).toEqual([120_000]);
  });

  it('worker-power-off: removed by the check at 120 s, not the one at 60 s', () => {
    expect(logTimes(run('worker-power-off'), 'because we got no heartbeat in 60 seconds')).toEqual([120_000]);
  });

  it('network-partition-heal: timed out at 120 s, told to reconnect after the heal, old executor killed', () => {
    const sim = run('network-partition-heal');
    expect(logTimes(sim, 'because we got no heartbeat in 60 seconds')).toEqual([120_000]);
    const after = sim.traceSince(0).filter((m) => m.t >= 150_000);
    expect(after.some((m) => m.type === 'ReconnectWorker' && m.to.startsWith('Worker@w3'))).toBe(true);
    expect(
      after.filter((m) => m.type === 'KillExecutor' && m.to.startsWith('Worker@w3') && m.t < 151_000),
    ).toHaveLength(1);
    expect(workerState(sim, 'w3')).toBe('ALIVE');
    const app = sim.output().apps[0];
    expect(app?.removedExecutors.map((e) => [e.worker, e.state])).toEqual([['w3', 'LOST']]);
    expect(app?.executors.filter((e) => e.worker === 'w3')).toHaveLength(1);
  });

  it('worker-decommission: DECOMMISSIONED worker and executors, no executor sent there afterwards', () => {
    const sim = run('worker-decommission');
    expect(workerState(sim, 'w2')).toBe('DECOMMISSIONED');
    const app = sim.output().apps[0];
    expect(app?.removedExecutors.map((e) => [e.worker, e.state])).toEqual([
      ['w2', 'DECOMMISSIONED'],
      ['w2', 'DECOMMISSIONED'],
    ]);
    expect(sim.traceSince(0).filter((m) => m.type === 'LaunchExecutor' && m.t > 25_000)).toEqual([]);
    expect(logTimes(sim, 'No running tasks, no block migration configured, stopping.')).toHaveLength(2);
  });

  it('driver-supervised-relaunch: a new driver id on another worker, a new application', () => {
    const out = run('driver-supervised-relaunch').output();
    const [old, relaunched] = out.drivers;
    expect(old).toMatchObject({ id: 'driver-20260101000002-0000', worker: 'w3', state: 'RELAUNCHING' });
    expect(relaunched).toMatchObject({ id: 'driver-20260101000020-0001', state: 'FINISHED' });
    expect(relaunched?.worker).not.toBe('w3');
    expect(out.apps.map((a) => a.driver)).toEqual([old?.id, relaunched?.id]);
  });

  it('driver-unsupervised-lost: not relaunched', () => {
    const sim = run('driver-unsupervised-lost');
    expect(sim.output().drivers.map((d) => [d.worker, d.state])).toEqual([['w3', 'ERROR']]);
    expect(logTimes(sim, 'because it was not supervised')).toHaveLength(1);
  });

  it('driver-supervise-crash-loop: back-off 1, 2, 4, 8, 16, 32 s, then KILLED', () => {
    const sim = run('driver-supervise-crash-loop');
    const waits = sim
      .logLines(0)
      .map((l) => /re-launching after (\d+) s\./.exec(l)?.[1])
      .filter((w) => w !== undefined)
      .map(Number);
    expect(waits).toEqual([1, 2, 4, 8, 16, 32]);
    expect(sim.output().drivers).toEqual([expect.objectContaining({ state: 'KILLED', worker: 'w1', restarts: 6 })]);
  });

  it('master-restart-no-recovery: the new Master kills what the workers report; the app never comes back', () => {
    const sim = run('master-restart-no-recovery');
    const trace = sim.traceSince(0);
    expect(trace.filter((m) => m.type === 'KillExecutor' && m.t > 45_000)).toHaveLength(2);
    expect(trace.filter((m) => m.type === 'RegisterApplication' && m.t > 20_000)).toEqual([]);
    expect(trace.filter((m) => m.type === 'MasterChanged')).toEqual([]);
    expect(logTimes(sim, 'I have been elected leader! New state: ALIVE')).toEqual([0, 45_000 + MASTER_JVM_STARTUP_MS]);
  });

  it('master-recovery-filesystem: RECOVERING once the Master restarted at 45 s is up, the app keeps its executors', () => {
    const sim = run('master-recovery-filesystem');
    expect(logTimes(sim, 'New state: RECOVERING')).toEqual([45_000 + MASTER_JVM_STARTUP_MS]);
    expect(sim.traceSince(0).filter((m) => m.type === 'LaunchExecutor' && m.t > 20_000)).toEqual([]);
    expect(sim.output().apps[0]?.removedExecutors).toEqual([]);
    expect(logTimes(sim, 'Recovery complete in 5 ms')).toHaveLength(1);
  });

  it('master-failover-zookeeper: m1 leads, its session expires at 68 s, m2 recovers the app', () => {
    const sim = run('master-failover-zookeeper');
    expect(logTimes(sim, 'Master@m1: We have gained leadership')).toHaveLength(1);
    expect(logTimes(sim, 'timeout of 40000ms exceeded')).toEqual([68_000]);
    const takeover = logTimes(sim, 'Master@m2: I have been elected leader! New state: RECOVERING');
    expect(takeover).toHaveLength(1);
    expect(takeover[0]).toBeLessThan(68_020);
    const trace = sim.traceSince(0);
    expect(
      trace
        .filter((m) => m.type === 'MasterChanged' && m.from.startsWith('Master@m2'))
        .map((m) => m.to.split('@')[0])
        .sort(),
    ).toEqual(['AppClient', 'Worker', 'Worker']);
    expect(trace.filter((m) => m.type === 'LaunchExecutor' && m.t > 40_000)).toEqual([]);
    const out = sim.output();
    expect(out.master?.url).toBe('spark://m2:7077');
    expect(out.masters.map((m) => m?.status)).toEqual(['STANDBY', 'ALIVE']);
  });
});

// Sessions: the share-link length of every library scenario with ten recorded actions,
// the time to seek anywhere in a one-hour session (checkpoints + replay, as the page's worker
// does it), and the time to decode the largest of those links. Figures only, beside their budgets.
import { restoreScenario } from '../src/engine/scenario/restore';
import type { Action, Scenario } from '../src/engine/scenario/types';
import { Simulation } from '../src/engine/simulation';
import { ENGINE_VERSION } from '../src/engine/version';
import { builtinScenarios } from '../src/scenarios';
import { decodeSession, encodeSession, SESSION_FORMAT } from '../src/share/codec';
import type { Session } from '../src/share/session-types';

export const SHARE_BUDGET = { linkChars: 2000, seekMs: 200 };

const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/** Ten actions a user might record: faults on the first worker and the Master, a new worker. */
function tenActions(s: Scenario): Action[] {
  const w = s.workers[0]?.host ?? 'w1';
  const m = s.masters[0]?.host ?? 'master';
  const base = Math.max(0, ...s.actions.map((a) => a.at)) + 5_000;
  return [
    { at: base, type: 'kill-worker', target: w },
    { at: base + 4_000, type: 'restart-worker', target: w },
    { at: base + 9_000, type: 'partition', between: [w, m] },
    { at: base + 30_000, type: 'heal' },
    { at: base + 41_000, type: 'add-worker', host: 'w-extra', cores: 8, memory: '16g' },
    { at: base + 47_000, type: 'power-off', target: 'w-extra' },
    { at: base + 52_000, type: 'restart-worker', target: 'w-extra' },
    { at: base + 60_000, type: 'decommission-worker', target: w },
    { at: base + 71_000, type: 'kill-master', target: m },
    { at: base + 80_000, type: 'restart-master', target: m },
  ];
}

function restored(doc: unknown): Scenario {
  const r = restoreScenario(doc, { source: 'builtin' });
  if (!r.ok) throw new Error(`invalid: ${JSON.stringify(r.errors.slice(0, 2))}`);
  return r.scenario;
}

/** A one-hour session: 12 workers and an application every ten minutes, each running for a while. */
function hourScenario(): Scenario {
  const submit = (at: number, i: number): Action => ({
    at,
    type: 'submit',
    command: `spark-submit --master spark://master:7077 --deploy-mode ${i % 2 ? 'cluster' : 'client'} --executor-cores 4 --executor-memory 4g --total-executor-cores 24 --class org.apache.spark.examples.SparkPi /opt/spark/examples/jars/spark-examples.jar 100`,
    workload: { tasks: 20_000, taskMs: 700 },
  });
  return restored({
    version: 1,
    name: 'one hour',
    seed: 3,
    masters: [{ host: 'master' }],
    workers: Array.from({ length: 12 }, (_, i) => ({ host: `w${i + 1}`, cores: 8, memory: '16g' })),
    actions: [0, 1, 2, 3, 4, 5].map((k) => submit(k * 600_000, k)),
  });
}

export async function runShareBench() {
  const links: { id: string; chars: number }[] = [];
  let largest = '';
  for (const entry of builtinScenarios) {
    const scenario = restored(entry.scenario);
    const withActions = restored({ ...scenario, actions: [...scenario.actions, ...tenActions(scenario)] });
    const session: Session = {
      format: SESSION_FORMAT,
      engine: ENGINE_VERSION,
      scenario: withActions,
      playhead: 123_456,
      builtin: entry.id,
      view: { tab: 'master', speed: 1 },
    };
    const fragment = await encodeSession(session);
    links.push({ id: entry.id, chars: fragment.length });
    if (fragment.length > largest.length) largest = fragment;
  }

  const decodes: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    const r = await decodeSession(largest);
    decodes.push(performance.now() - t0);
    if (!r.ok) throw new Error(r.error);
  }
  decodes.sort((a, b) => a - b);

  const sim = Simulation.fromScenario(hourScenario(), { record: true, checkpoints: true });
  const t0 = performance.now();
  sim.advanceTo(3_600_000);
  const playMs = performance.now() - t0;
  const hourSession = {
    events: sim.cluster.k.state.eventsProcessed,
    messages: sim.cluster.k.messages.length,
    logLines: sim.cluster.k.logs.length,
    playToOneHourMs: Math.round(playMs),
  };
  const seeks: number[] = [];
  // Deterministic spread of targets, backwards and forwards, as a user scrubbing would.
  for (let i = 0; i < 24; i++) {
    const target = ((i * 7919) % 24) * 150_000 + ((i * 104_729) % 150_000);
    const s0 = performance.now();
    sim.seek(target);
    seeks.push(performance.now() - s0);
  }
  seeks.sort((a, b) => a - b);
  const maxLink = Math.max(...links.map((l) => l.chars));
  return {
    links: links.sort((a, b) => b.chars - a.chars),
    longestLinkChars: maxLink,
    decodeLargestLinkMs: {
      median: round(decodes[25] as number, 2),
      max: round(decodes[decodes.length - 1] as number, 2),
    },
    hourSession,
    seekMs: {
      median: round(seeks[12] as number),
      p95: round(seeks[22] as number),
      max: round(seeks[23] as number),
      seeks: seeks.length,
    },
    budget: SHARE_BUDGET,
    within: { linkChars: maxLink <= SHARE_BUDGET.linkChars, seek: (seeks[23] as number) <= SHARE_BUDGET.seekMs },
  };
}

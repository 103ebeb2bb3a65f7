// Frames: a full picture on load and seek, then only what changed; arrows between machines only,
// chatter grouped, losses reported, and every message type placed in a kind.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restoreScenario } from '../scenario/restore';
import { Simulation } from '../simulation';
import { SUBMIT, scenario } from '../test-support/run';
import { clusterNodes } from './cluster-view';
import { FrameBuilder, TASK_COUNT_REFRESH_MS, countsRefreshDue } from './frame-builder';
import type { MessageView, NodeView, WorkerNodeView } from './frame-types';
import { KNOWN_MESSAGE_TYPES } from './message-kinds';
import { applyTaskCounts } from './task-counts';

function sim(partial: Record<string, unknown>): Simulation {
  const r = restoreScenario(scenario(partial), { source: 'cli' });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return Simulation.fromScenario(r.scenario);
}

const base = {
  masters: [{ host: 'master' }],
  workers: [
    { host: 'w1', cores: 4, memory: '8g' },
    { host: 'w2', cores: 4, memory: '8g' },
  ],
  actions: [
    {
      at: 1000,
      type: 'submit',
      command: `${SUBMIT} --deploy-mode cluster --supervise --executor-cores 2 --executor-memory 2g --class org.apache.spark.examples.SparkPi /opt/spark/examples/jars/spark-examples.jar 10`,
      workload: { tasks: 200, taskMs: 300 },
    },
  ],
};

describe('FrameBuilder', () => {
  it('sends every node in a full frame and only changed ones after', () => {
    const s = sim(base);
    const fb = new FrameBuilder(s);
    s.advanceTo(0);
    const full = fb.full();
    expect(full.full).toBe(true);
    expect(full.nodes.map((n) => n.id)).toEqual(['client', 'master', 'w1', 'w2']);
    expect(full.partitions).toEqual([]);
    expect(full.actions?.map((a) => a.label)).toEqual(['submit SparkPi (cluster)']);
    const quiet = fb.next();
    expect(quiet.nodes).toEqual([]);
    expect(quiet.partitions).toBeUndefined();
    expect(quiet.actions).toBeUndefined();
  });

  it('shows the driver and executors on their workers with the cores they hold', () => {
    const s = sim(base);
    const fb = new FrameBuilder(s);
    fb.full();
    s.advanceTo(15_000);
    const f = fb.next();
    const workers = f.nodes.filter((n): n is WorkerNodeView => n.kind === 'worker');
    const cards = workers.flatMap((w) => w.processes.filter((p) => !p.ended));
    expect(cards.filter((c) => c.kind === 'driver')).toHaveLength(1);
    expect(cards.filter((c) => c.kind === 'executor').length).toBeGreaterThan(0);
    for (const w of workers) {
      const held = w.processes.filter((p) => !p.ended).reduce((sum, p) => sum + p.cores, 0);
      expect(w.coresUsed).toBe(held);
      expect(w.state).toBe('ALIVE');
    }
    const exec = cards.find((c) => c.kind === 'executor');
    expect(exec?.state).toBe('RUNNING');
    expect(exec?.cores).toBe(2);
    expect(exec?.memoryMb).toBe(2048);
  });

  it('draws machine-to-machine messages only, with Spark names and kinds', () => {
    const s = sim(base);
    const fb = new FrameBuilder(s);
    // The Worker's RegisterWorker leaves as it boots, before the first frame.
    const first = fb.full();
    s.advanceTo(12_000);
    const f = fb.next();
    f.messages.unshift(...first.messages);
    expect(f.messages.length).toBeGreaterThan(0);
    for (const m of f.messages) expect(m.from).not.toBe(m.to);
    const reg = f.messages.find((m) => m.type === 'RegisterWorker');
    expect(reg).toMatchObject({ to: 'master', kind: 'registration', label: 'RegisterWorker' });
    expect(f.messages.some((m) => m.label === 'ExecutorStateChanged(RUNNING)' && m.kind === 'state')).toBe(true);
    expect(f.messages.some((m) => m.type === 'LaunchDriver' && m.kind === 'scheduling')).toBe(true);
  });

  it('draws a reply as what it answers, in the kind of its ask', () => {
    const s = sim(base);
    const fb = new FrameBuilder(s);
    const arrows = [...fb.full().messages];
    for (let t = 0; t <= 30_000; t += 50) {
      s.advanceTo(t);
      arrows.push(...fb.next().messages);
    }
    const replies = arrows.filter((m) => m.answers !== undefined);
    expect(replies.length).toBeGreaterThan(0);
    expect(arrows.filter((m) => m.label.startsWith('Boolean('))).toEqual([]);
    expect(replies.find((m) => m.answers === 'ExecutorStateChanged')).toMatchObject({
      type: 'Boolean',
      label: '↩ ExecutorStateChanged: true',
      kind: 'state',
    });
    expect(replies.find((m) => m.answers === 'RegisterExecutor')).toMatchObject({
      label: '↩ RegisterExecutor: true',
      kind: 'registration',
    });
    expect(replies.find((m) => m.answers === 'RequestSubmitDriver')).toMatchObject({
      type: 'SubmitDriverResponse',
      label: '↩ SubmitDriverResponse',
    });
    // Requests are not replies.
    expect(arrows.find((m) => m.type === 'ExecutorStateChanged')?.answers).toBeUndefined();
  });

  it('names the ask of a reply in flight when a full frame is taken', () => {
    const s = sim({ ...base, network: { latencyMs: 400 } });
    const fb = new FrameBuilder(s);
    // Step until a reply is in flight, then take a full frame there (as after a seek).
    let reply: MessageView | undefined;
    for (let t = 0; t <= 20_000 && !reply; t += 25) {
      s.advanceTo(t);
      reply = fb.full().messages.find((m) => m.answers !== undefined);
    }
    expect(reply?.label).toMatch(/^↩ \w+/);
    expect(reply?.label).not.toMatch(/Boolean/);
  });

  it('groups task traffic per pair of machines', () => {
    const s = sim(base);
    const fb = new FrameBuilder(s);
    s.advanceTo(10_000);
    fb.full();
    s.advanceTo(40_000);
    const f = fb.next();
    const tasks = f.messages.filter((m) => m.kind === 'task');
    const keys = tasks.map((m) => `${m.from}|${m.to}|${m.label}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(tasks.reduce((n, m) => n + m.count, 0)).toBeGreaterThan(tasks.length);
  });

  it('reports messages lost to a partition', () => {
    const s = sim({
      ...base,
      network: { latencyMs: 5 },
      actions: [{ at: 2000, type: 'partition', between: ['w1', 'master'] }],
    });
    const fb = new FrameBuilder(s);
    fb.full();
    s.advanceTo(2000);
    expect(fb.next().partitions).toEqual([{ a: 'w1', b: 'master', oneWay: false }]);
    let lost = 0;
    for (let t = 2000; t < 40_000; t += 7) {
      s.advanceTo(t);
      const f = fb.next();
      lost += f.drops.length + f.messages.filter((m) => m.dropped).length;
    }
    expect(lost).toBeGreaterThan(0);
  });

  it('removes a removed worker and keeps frames small in steady play', () => {
    const s = sim({ ...base, actions: [...base.actions, { at: 60_000, type: 'remove-worker', target: 'w2' }] });
    const fb = new FrameBuilder(s);
    fb.full();
    const sizes: number[] = [];
    let removed: string[] = [];
    for (let t = 0; t <= 70_000; t += 17) {
      s.advanceTo(t);
      const f = fb.next();
      sizes.push(JSON.stringify(f).length);
      if (f.removed.length) removed = f.removed;
    }
    expect(removed).toEqual(['w2']);
    sizes.sort((a, b) => a - b);
    expect(sizes[Math.floor(sizes.length * 0.95)]).toBeLessThan(10 * 1024);
  });

  it('a full frame after a seek back carries the messages then in flight', () => {
    const s = sim({ ...base, network: { latencyMs: 400 } });
    const fb = new FrameBuilder(s);
    s.advanceTo(20_000);
    fb.full();
    s.seek(1500);
    const f = fb.full();
    expect(f.time).toBe(1500);
    for (const m of f.messages) expect(m.t <= 1500 && m.tDeliver > 1500).toBe(true);
    expect(f.horizon).toBe(20_000);
  });

  it('places every message type the model sends in a kind', () => {
    const source = readFileSync(new URL('../spark/messages.ts', import.meta.url), 'utf8');
    const types = [...source.matchAll(/type: '([A-Za-z]+)'/g)].map((m) => m[1] as string);
    const unplaced = [...new Set(types)].filter((t) => t !== 'Boolean' && !KNOWN_MESSAGE_TYPES.includes(t));
    expect(unplaced).toEqual([]);
  });

  it('rebuilding only touched machines gives the same picture as rebuilding all, through faults', () => {
    const s = sim({
      ...base,
      workers: [...base.workers, { host: 'w3', cores: 4, memory: '8g' }],
      actions: [
        ...base.actions,
        { at: 9000, type: 'kill-worker', target: 'w1' },
        { at: 12_000, type: 'power-off', target: 'w2' },
        { at: 20_000, type: 'add-worker', host: 'w4', cores: 8, memory: '16g' },
        { at: 30_000, type: 'restart-worker', target: 'w1' },
        { at: 45_000, type: 'remove-worker', target: 'w3' },
        { at: 200_000, type: 'kill-master' },
      ],
    });
    const fb = new FrameBuilder(s);
    const merged = new Map<string, NodeView>(fb.full().nodes.map((n) => [n.id, n]));
    // Running-task counts alone are sent at most every TASK_COUNT_REFRESH_MS: everything else must
    // match at once, and the counts shown must be the true counts of some instant that recent.
    const counts = (n: NodeView) => (n.kind === 'worker' ? n.processes.map((p) => p.runningTasks ?? -1).join(',') : '');
    const strip = (nodes: NodeView[]) =>
      structuredClone(nodes)
        .map((n) => {
          if (n.kind === 'worker') for (const p of n.processes) delete p.runningTasks;
          return n;
        })
        .sort((a, b) => a.id.localeCompare(b.id));
    const history: { t: number; counts: Map<string, string> }[] = [];
    for (let t = 0; t <= 260_000; t += 97) {
      s.advanceTo(t);
      const f = fb.next();
      for (const n of f.nodes) merged.set(n.id, n);
      for (const c of f.counts) {
        const n = merged.get(c.id);
        expect(n?.kind, `counts for ${c.id} at ${t} ms`).toBe('worker');
        if (n?.kind === 'worker') {
          expect(c.running.length, `counts for ${c.id} at ${t} ms`).toBe(n.processes.length);
          merged.set(c.id, applyTaskCounts(n, c));
        }
      }
      for (const id of f.removed) merged.delete(id);
      const truth = clusterNodes(s.cluster);
      history.push({ t, counts: new Map(truth.map((n) => [n.id, counts(n)])) });
      while ((history[0]?.t ?? t) < t - TASK_COUNT_REFRESH_MS - 97) history.shift();
      if (t % 13 === 0 || t > 255_000) {
        expect(strip([...merged.values()]), `at ${t} ms`).toEqual(strip(truth));
        for (const n of merged.values()) {
          const shown = counts(n);
          expect(
            history.some((h) => h.counts.get(n.id) === shown),
            `${n.id}'s task counts at ${t} ms are no older than ${TASK_COUNT_REFRESH_MS} ms`,
          ).toBe(true);
        }
      }
    }
  });

  it('re-sends a busy worker for its task counts alone at most twice a second, and other changes at once', () => {
    const s = sim({ ...base, actions: [{ ...base.actions[0], workload: { tasks: 2000, taskMs: 150 } }] });
    const fb = new FrameBuilder(s);
    fb.full();
    const sentAt = new Map<string, number[]>();
    let countChanges = 0;
    let last = new Map<string, string>();
    for (let t = 0; t <= 40_000; t += 16) {
      s.advanceTo(t);
      const f = fb.next();
      for (const id of [...f.nodes.filter((n) => n.kind === 'worker').map((n) => n.id), ...f.counts.map((c) => c.id)])
        sentAt.set(id, [...(sentAt.get(id) ?? []), t]);
      const now = new Map(
        clusterNodes(s.cluster).map((n) => [
          n.id,
          n.kind === 'worker' ? JSON.stringify(n.processes.map((p) => p.runningTasks)) : '',
        ]),
      );
      for (const [id, c] of now) if (last.get(id) !== undefined && last.get(id) !== c) countChanges++;
      last = now;
    }
    // The counts moved far more often than the workers were sent.
    const sends = [...sentAt.values()].reduce((a, ts) => a + ts.length, 0);
    expect(countChanges).toBeGreaterThan(3 * sends);
    expect(sends).toBeGreaterThan(0);
  });

  it('sends a worker whose task counts alone changed as its counts, not as a node', () => {
    const s = sim({ ...base, actions: [{ ...base.actions[0], workload: { tasks: 2000, taskMs: 150 } }] });
    const fb = new FrameBuilder(s);
    fb.full();
    let countUpdates = 0;
    for (let t = 0; t <= 40_000; t += 16) {
      s.advanceTo(t);
      const f = fb.next();
      const nodeIds = new Set(f.nodes.map((n) => n.id));
      for (const c of f.counts) {
        countUpdates++;
        expect(nodeIds.has(c.id), `${c.id} at ${t} ms`).toBe(false);
        expect(JSON.stringify(c).length).toBeLessThan(60);
      }
    }
    expect(countUpdates).toBeGreaterThan(10);
  });

  it('spreads the count refreshes of a busy cluster over the second, once a second per worker', () => {
    const workers = Array.from({ length: 60 }, (_v, i) => ({ host: `w${i + 1}`, cores: 4, memory: '8g' }));
    const s = sim({
      ...base,
      workers,
      actions: [
        {
          at: 0,
          type: 'submit',
          command: `${SUBMIT} --executor-cores 4 --executor-memory 2g --class org.apache.spark.examples.SparkPi /opt/spark/examples/jars/spark-examples.jar 10`,
          workload: { tasks: 200_000, taskMs: 150 },
        },
      ],
    });
    const fb = new FrameBuilder(s);
    fb.full();
    const perFrame: number[] = [];
    const sends = new Map<string, number>();
    for (let t = 0; t <= 40_000; t += 16) {
      s.advanceTo(t);
      const f = fb.next();
      const workerNodes = [...f.nodes.filter((n) => n.kind === 'worker'), ...f.counts];
      if (t < 30_000) continue; // every executor has started and the counts alone change
      perFrame.push(workerNodes.length);
      for (const n of workerNodes) sends.set(n.id, (sends.get(n.id) ?? 0) + 1);
    }
    // 10 s at one refresh a second: about 10 each, and no frame carries a crowd.
    expect(sends.size).toBe(60);
    for (const [id, n] of sends) expect(n, id).toBeGreaterThanOrEqual(9);
    for (const [id, n] of sends) expect(n, id).toBeLessThanOrEqual(12);
    expect(Math.max(...perFrame)).toBeLessThanOrEqual(10);
  });

  it("refreshes counts on the worker's phase, never sooner than half the period nor later than the period", () => {
    for (const host of ['w1', 'w2', 'worker-a', 'w500']) {
      for (let sentAt = 0; sentAt < 3000; sentAt += 37) {
        expect(countsRefreshDue(host, sentAt, sentAt + TASK_COUNT_REFRESH_MS / 2 - 1)).toBe(false);
        expect(countsRefreshDue(host, sentAt, sentAt + TASK_COUNT_REFRESH_MS)).toBe(true);
        // Within the period there is exactly one tick, and from it on the refresh is due.
        const due = Array.from({ length: TASK_COUNT_REFRESH_MS }, (_v, d) =>
          countsRefreshDue(host, sentAt, sentAt + d),
        );
        const first = due.indexOf(true);
        if (first >= 0) expect(due.slice(first).every(Boolean)).toBe(true);
      }
    }
  });
});

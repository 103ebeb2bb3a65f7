import { describe, expect, it } from 'vitest';
import type { Delivery, Process } from './kernel';
import { Kernel, TCP_GIVE_UP_MS } from './kernel';
import { HeapKeys, heapPop, heapPush } from './queue';
import { Random } from './random';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

type Seen = { t: number; pid: number; ep: string; type: string; replyTo: number };

function recorder(opts: { seed?: number; latencyMs?: number; jitterMs?: number } = {}) {
  const seen: Seen[] = [];
  const handlers = new Map<number, (k: Kernel, p: Process, d: Delivery) => void>();
  const k = new Kernel(
    { seed: opts.seed ?? 1, network: { latencyMs: opts.latencyMs ?? 5, jitterMs: opts.jitterMs ?? 0 } },
    (kk, p, d) => {
      seen.push({ t: kk.now, pid: p.pid, ep: d.ep, type: d.msg.type, replyTo: d.replyTo });
      handlers.get(p.pid)?.(kk, p, d);
    },
  );
  return { k, seen, handlers };
}

describe('event queue', () => {
  it('pops in (time, insertion sequence) order', () => {
    const heap: { t: number; seq: number }[] = [];
    const input = [
      { t: 5, seq: 1 },
      { t: 1, seq: 2 },
      { t: 5, seq: 3 },
      { t: 0, seq: 4 },
      { t: 1, seq: 5 },
    ];
    const keys = new HeapKeys();
    for (const e of input) heapPush(heap, keys, e);
    const out = [];
    for (let e = heapPop(heap, keys); e; e = heapPop(heap, keys)) out.push(e.seq);
    expect(out).toEqual([4, 2, 5, 1, 3]);
  });

  it('keeps order over many random inserts', () => {
    const r = new Random(42);
    const heap: { t: number; seq: number }[] = [];
    const keys = new HeapKeys();
    for (let i = 0; i < 5000; i++) heapPush(heap, keys, { t: r.int(0, 100), seq: i });
    let last = { t: -1, seq: -1 };
    for (let e = heapPop(heap, keys); e; e = heapPop(heap, keys)) {
      expect(e.t > last.t || (e.t === last.t && e.seq > last.seq)).toBe(true);
      last = e;
    }
  });

  it('keeps order with pushes and pops interleaved, and after its keys are rebuilt from a copy', () => {
    // The kernel's pattern (pop one, push a few later ones) and its restore (a structured clone of
    // the events, keys rebuilt): both must pop exactly what a sort would.
    const r = new Random(7);
    const heap: { t: number; seq: number }[] = [];
    const keys = new HeapKeys();
    const popped: { t: number; seq: number }[] = [];
    let seq = 0;
    let now = 0;
    for (let i = 0; i < 3000; i++) heapPush(heap, keys, { t: r.int(0, 50), seq: ++seq });
    for (let round = 0; round < 20_000; round++) {
      if (round === 10_000) {
        const copy = structuredClone(heap);
        const fresh = new HeapKeys();
        fresh.rebuild(copy);
        heap.splice(0, heap.length, ...copy);
        keys.buf = fresh.buf;
      }
      const e = heapPop(heap, keys);
      if (!e) break;
      expect(e.t).toBeGreaterThanOrEqual(now);
      now = e.t;
      popped.push(e);
      for (let j = r.int(0, 2); j > 0; j--) heapPush(heap, keys, { t: now + r.int(0, 30), seq: ++seq });
    }
    for (let i = 1; i < popped.length; i++) {
      const a = popped[i - 1]!;
      const b = popped[i]!;
      expect(a.t < b.t || (a.t === b.t && a.seq < b.seq)).toBe(true);
    }
  });
});

describe('seeded random', () => {
  it('draws exactly what uniformInt draws, on the power-of-two shortcut and off it', () => {
    for (let seed = 0; seed < 20; seed++) {
      const ours = new Random(seed);
      const gen = xoroshiro128plus(seed);
      const ranges: [number, number][] = [
        [0, 1],
        [2, 3],
        [-5, -2],
        [0, 7],
        [10, 10 + 1023],
        [0, 2 ** 31 - 1],
        [-(2 ** 31), -1],
        [0, 2],
        [32768, 60999],
        [0, 2 ** 32],
        [3, 2],
        [0.5, 1.5],
      ];
      for (let i = 0; i < 200; i++) {
        const [from, to] = ranges[i % ranges.length] as [number, number];
        expect(ours.int(from, to)).toBe(from === to ? from : uniformInt(gen, from, to));
      }
      // The two generators stayed in step: the same number of draws was taken.
      expect(ours.getState()).toEqual(gen.getState());
    }
  });

  it('is a pure function of the seed and can resume from its state', () => {
    const a = new Random(7);
    const b = new Random(7);
    const xs = Array.from({ length: 10 }, () => a.int(0, 1000));
    expect(Array.from({ length: 10 }, () => b.int(0, 1000))).toEqual(xs);
    const c = new Random(a.getState());
    expect(c.int(0, 1 << 30)).toBe(a.int(0, 1 << 30));
    expect(new Random(8).int(0, 1 << 30)).not.toBe(new Random(7).int(0, 1 << 30));
  });

  it('shuffles into a new permutation without touching the input', () => {
    const input = [1, 2, 3, 4, 5, 6];
    const out = new Random(3).shuffle(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...out].sort()).toEqual(input);
  });
});

describe('kernel', () => {
  it('delivers messages after the latency and runs timers on the virtual clock', () => {
    const { k, seen } = recorder({ latencyMs: 5 });
    const a = k.spawn('h1', 'x', 'A', {});
    const b = k.spawn('h2', 'x', 'B', {});
    k.send(a.pid, 'ea', b.pid, 'eb', { type: 'Hello' });
    k.timer(a.pid, 'ea', 3, { type: 'Tick' });
    k.runUntil(100);
    expect(seen.map((s) => [s.t, s.pid, s.type])).toEqual([
      [3, a.pid, 'Tick'],
      [5, b.pid, 'Hello'],
    ]);
    expect(k.now).toBe(100);
    expect(k.messages[0]).toMatchObject({ type: 'Hello', delivered: true, tDeliver: 5 });
  });

  it('keeps per-connection order even with jitter', () => {
    const { k, seen } = recorder({ latencyMs: 2, jitterMs: 50, seed: 9 });
    const a = k.spawn('h1', 'x', 'A', {});
    const b = k.spawn('h2', 'x', 'B', {});
    for (let i = 0; i < 50; i++) k.send(a.pid, 'e', b.pid, 'e', { type: `M${i}` });
    k.runUntil(1000);
    expect(seen.map((s) => s.type)).toEqual(Array.from({ length: 50 }, (_v, i) => `M${i}`));
  });

  /**
   * Random sends among `processes` processes (from one of the first `senders`) for 40 ms, checked
   * against the rule as first written: a Map of last delivery times per sender, with the same
   * draws (one per message between two processes, in send order).
   */
  function checkLinkOrder(processes: number, senders: number, opts: { burst: number; restoreAt?: number }) {
    const seed = 9;
    let { k, seen } = recorder({ seed, latencyMs: 2, jitterMs: 4 });
    const pids = Array.from({ length: processes }, (_v, i) => k.spawn(`h${i}`, 'x', `P${i}`, null).pid);
    const plan = new Random(77);
    const ref = new Random(seed);
    const last = new Map<string, number>();
    const expected: { t: number; pid: number; type: string }[] = [];
    for (let now = 0; now < 40; now++) {
      k.runUntil(now);
      if (now === opts.restoreAt) {
        // Through a snapshot, as a seek restores one: the link times must come along.
        const copy = recorder({ seed, latencyMs: 2, jitterMs: 4 });
        copy.k.restore(k.snapshot());
        copy.seen.push(...seen);
        ({ k, seen } = copy);
      }
      for (let n = plan.int(0, opts.burst); n > 0; n--) {
        const from = pids[plan.int(0, senders - 1)] as number;
        const to = pids[plan.int(0, processes - 1)] as number;
        const type = `M${expected.length}`;
        k.send(from, 'e', to, 'e', { type });
        let t = now;
        if (from !== to) {
          t += 2 + ref.int(0, 4);
          const before = last.get(`${from}>${to}`);
          if (before !== undefined && before > t) t = before;
          last.set(`${from}>${to}`, t);
        }
        expected.push({ t, pid: to, type });
      }
    }
    k.runUntil(100);
    const key = (e: { t: number; pid: number; type: string }) => `${e.type}@${e.t}>${e.pid}`;
    expect(seen.map(key).sort()).toEqual(expected.map(key).sort());
    return k;
  }

  it('keeps each connection in order when a sender alternates between peers (same times as one Map per sender)', () => {
    const k = checkLinkOrder(4, 4, { burst: 4 });
    expect(k.state.procs.every((p) => p.linkTable === null)).toBe(true);
  });

  it('keeps the same times when a sender of many peers moves them to a table, through a snapshot too', () => {
    // Two senders, 300 peers, bursts like a Master's broadcast: both pass 64 destinations.
    const k = checkLinkOrder(300, 2, { burst: 200, restoreAt: 20 });
    expect(k.state.procs.slice(0, 2).every((p) => p.linkTable !== null && p.linkLast.size === 0)).toBe(true);
  });

  it('holds messages across a partition, one-way or two-way, and delivers them in order after the heal', () => {
    const { k, seen } = recorder();
    const a = k.spawn('h1', 'x', 'A', {});
    const b = k.spawn('h2', 'x', 'B', {});
    k.partition('h1', 'h2', true);
    k.send(a.pid, 'e', b.pid, 'e', { type: 'AtoB' });
    k.send(b.pid, 'e', a.pid, 'e', { type: 'BtoA' });
    k.runUntil(10);
    expect(seen.map((s) => s.type)).toEqual(['BtoA']);
    // The packet is dropped at the cut (drawn so), and TCP keeps it to send again.
    expect(k.messages[0]).toMatchObject({ type: 'AtoB', delivered: false, dropReason: 'partition' });
    k.heal();
    k.partition('h2', 'h1');
    k.send(a.pid, 'e', b.pid, 'e', { type: 'AtoB2' });
    k.runUntil(20);
    // The retransmission met the new partition: held again, with AtoB2 behind it.
    expect(seen.map((s) => s.type)).toEqual(['BtoA']);
    k.heal('h1', 'h2');
    k.send(a.pid, 'e', b.pid, 'e', { type: 'AtoB3' });
    k.runUntil(30);
    expect(seen.map((s) => s.type)).toEqual(['BtoA', 'AtoB', 'AtoB2', 'AtoB3']);
  });

  it("loses what a partition held longer than TCP keeps retransmitting, and a powered-off sender's data", () => {
    const { k, seen } = recorder();
    const a = k.spawn('h1', 'x', 'A', {});
    const b = k.spawn('h2', 'x', 'B', {});
    const c = k.spawn('h3', 'x', 'C', {});
    k.partition('h1', 'h2');
    k.partition('h3', 'h2');
    k.send(a.pid, 'e', b.pid, 'e', { type: 'AtoB' });
    k.runUntil(10);
    k.send(c.pid, 'e', b.pid, 'e', { type: 'CtoB' });
    k.runUntil(20);
    k.powerOff('h3');
    k.runUntil(10 + TCP_GIVE_UP_MS + 1);
    k.heal();
    k.runUntil(20 + TCP_GIVE_UP_MS);
    expect(seen.map((s) => s.type)).toEqual([]);
    expect(k.state.network.held).toBeUndefined();
  });

  it('replies to asks, and times out unanswered asks exactly once', () => {
    const { k, seen, handlers } = recorder({ latencyMs: 5 });
    const a = k.spawn('h1', 'x', 'A', {});
    const b = k.spawn('h2', 'x', 'B', {});
    handlers.set(b.pid, (kk, _p, d) => {
      if (d.msg.type === 'Ping') kk.reply(d, { type: 'Pong' });
    });
    const id = k.ask(a.pid, 'e', b.pid, 'e', { type: 'Ping' }, 1000, { note: 'ctx' });
    let ctxAtReply: unknown;
    handlers.set(a.pid, (kk, _p, d) => {
      if (d.msg.type === 'Pong') ctxAtReply = kk.askContext(d.replyTo);
    });
    k.runUntil(2000);
    expect(seen.filter((s) => s.pid === a.pid).map((s) => [s.t, s.type, s.replyTo])).toEqual([[10, 'Pong', id]]);
    expect(ctxAtReply).toEqual({ note: 'ctx' });

    k.exit(b.pid, 1);
    k.ask(a.pid, 'e', b.pid, 'e', { type: 'Ping' }, 1000);
    k.runUntil(5000);
    const timeouts = seen.filter((s) => s.type === 'AskTimeout');
    expect(timeouts.map((s) => s.t)).toEqual([3000]);
  });

  it('tells peers of a dead process (onDisconnected), but not after a power-off', () => {
    const { k, seen } = recorder({ latencyMs: 5 });
    const a = k.spawn('h1', 'x', 'A', {});
    const b = k.spawn('h2', 'x', 'B', {});
    const c = k.spawn('h3', 'x', 'C', {});
    k.send(a.pid, 'e', b.pid, 'e', { type: 'Hi' });
    k.send(c.pid, 'e', b.pid, 'e', { type: 'Hi' });
    k.runUntil(10);
    k.exit(a.pid, 137);
    k.runUntil(20);
    expect(seen.filter((s) => s.type === 'Disconnected').map((s) => [s.t, s.pid, s.ep])).toEqual([[15, b.pid, '*']]);
    k.powerOff('h3');
    k.runUntil(40);
    expect(seen.filter((s) => s.type === 'Disconnected')).toHaveLength(1);
    expect(k.proc(c.pid).alive).toBe(false);
    k.send(b.pid, 'e', c.pid, 'e', { type: 'Lost' });
    k.runUntil(50);
    expect(k.messages.at(-1)).toMatchObject({ type: 'Lost', delivered: false, dropReason: 'host-down' });
  });

  it('tells a parent on the same host when its child exits', () => {
    const { k, seen } = recorder();
    const parent = k.spawn('h1', 'x', 'P', {});
    const child = k.spawn('h1', 'x', 'C', {}, { parent: parent.pid });
    k.exit(child.pid, 3);
    k.runUntil(1);
    expect(seen).toContainEqual({ t: 0, pid: parent.pid, ep: '@child', type: 'ChildExited', replyTo: 0 });
  });

  it('runs at most maxEvents events, leaving the clock at the last one, and goes on from there', () => {
    const { k, seen } = recorder();
    const a = k.spawn('h1', 'x', 'A', {});
    for (let i = 1; i <= 5; i++) k.timer(a.pid, 'e', i * 10, { type: `T${i}` });
    expect(k.runUntil(100, undefined, 3)).toBe(3);
    expect(k.limited).toBe(true);
    expect(k.stopped).toBe(false);
    expect(k.now).toBe(30);
    expect(k.state.eventsProcessed).toBe(3);
    // Exactly as many as are due: not limited, and the clock goes to `until`.
    expect(k.runUntil(100, undefined, 2)).toBe(2);
    expect(k.limited).toBe(false);
    expect(k.now).toBe(100);
    expect(seen.map((e) => e.type)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
  });

  it('cancels timers and counts only foreground events as pending work', () => {
    const { k, seen } = recorder();
    k.setBackground(new Set(['Heartbeat']));
    const a = k.spawn('h1', 'x', 'A', {});
    const t = k.timer(a.pid, 'e', 10, { type: 'Retry' });
    k.timer(a.pid, 'e', 10, { type: 'Heartbeat' });
    expect(k.foregroundPending()).toBe(1);
    k.cancel(t);
    k.runUntil(20);
    expect(seen.map((s) => s.type)).toEqual(['Heartbeat']);
    expect(k.foregroundPending()).toBe(0);
  });

  it('snapshots to plain data and resumes identically', () => {
    const run = (k: Kernel) => {
      const a = k.spawn('h1', 'x', 'A', { n: 0 });
      const b = k.spawn('h2', 'x', 'B', { n: 0 });
      for (let i = 0; i < 20; i++) k.send(a.pid, 'e', b.pid, 'e', { type: `M${i}` });
      return { a, b };
    };
    const one = recorder({ jitterMs: 30, seed: 5 });
    run(one.k);
    one.k.runUntil(15);
    const snap = one.k.snapshot();
    one.k.runUntil(1000);
    const hashA = one.k.state.hash;
    const two = recorder({ jitterMs: 30, seed: 5 });
    two.k.restore(snap);
    two.k.runUntil(1000);
    expect(two.k.state.hash).toBe(hashA);
    expect(structuredClone(snap).now).toBe(15);
  });
});

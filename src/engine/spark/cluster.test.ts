import { describe, expect, it } from 'vitest';
import type { Delivery, Process } from '../sim/kernel';
import type { AddressMemo, ProcessKind, Receive } from './cluster';
import { SparkCluster } from './cluster';

/** A cluster whose workers record what reaches them (pid and message type). */
function cluster() {
  const seen: { pid: number; type: string }[] = [];
  const record: Receive = (_c, p: Process, d: Delivery) => {
    seen.push({ pid: p.pid, type: d.msg.type });
  };
  const none: Receive = () => undefined;
  const receivers: Record<ProcessKind, Receive> = {
    master: none,
    worker: record,
    driver: none,
    executor: none,
    'submit-client': none,
    zookeeper: none,
    world: none,
  };
  const c = new SparkCluster({
    seed: 1,
    epochMs: 0,
    conf: {},
    sparkVersion: '4.0.0',
    latencyMs: 2,
    jitterMs: 1,
    record: true,
    receivers,
  });
  const sender = c.spawn('master', 'master', 'Master@master', null, { port: 7077 });
  c.bind(sender.pid, 'master', 7077);
  return { c, seen, sender };
}

function startListener(c: SparkCluster, host: string, port: number): number {
  const p = c.spawn(host, 'worker', `Worker@${host}`, null, { port });
  c.bind(p.pid, host, port);
  return p.pid;
}

describe('sendToMemo', () => {
  it('reaches what sendTo reaches, and follows an address rebound to a new process', () => {
    const { c, seen, sender } = cluster();
    const memo: AddressMemo = { memoAddress: null, memoPid: 0, memoRebinds: 0 };
    const first = startListener(c, 'w1', 9000);
    c.sendToMemo(sender.pid, 'Master', 'w1:9000', memo, 'Worker', { type: 'One' });
    expect(memo.memoPid).toBe(first);
    c.k.runUntil(100);
    // The worker restarts on the same port: the memo must not keep the old process.
    c.exitProcess(first, 0);
    const second = startListener(c, 'w1', 9000);
    expect(c.world.rebinds).toBe(1);
    c.sendToMemo(sender.pid, 'Master', 'w1:9000', memo, 'Worker', { type: 'Two' });
    c.k.runUntil(200);
    expect(seen).toEqual([
      { pid: first, type: 'One' },
      { pid: second, type: 'Two' },
    ]);
    expect(memo.memoPid).toBe(second);
  });

  it('logs a refusal like sendTo, and finds the address once something listens there', () => {
    const { c, seen, sender } = cluster();
    const memo: AddressMemo = { memoAddress: null, memoPid: 0, memoRebinds: 0 };
    c.sendToMemo(sender.pid, 'Master', 'w2:9000', memo, 'Worker', { type: 'Lost' });
    expect(c.k.logs.map((l) => l.text)).toEqual(['Failed to connect to w2:9000: Connection refused']);
    const pid = startListener(c, 'w2', 9000);
    // A first bind is not a rebind, yet the memo of a refusal is not trusted.
    expect(c.world.rebinds).toBe(0);
    c.sendToMemo(sender.pid, 'Master', 'w2:9000', memo, 'Worker', { type: 'Found' });
    c.k.runUntil(100);
    expect(seen).toEqual([{ pid, type: 'Found' }]);
  });

  it('re-resolves when the holder now names another address', () => {
    const { c, seen, sender } = cluster();
    const memo: AddressMemo = { memoAddress: null, memoPid: 0, memoRebinds: 0 };
    const a = startListener(c, 'w3', 9000);
    const b = startListener(c, 'w4', 9000);
    c.sendToMemo(sender.pid, 'Master', 'w3:9000', memo, 'Worker', { type: 'ToA' });
    c.sendToMemo(sender.pid, 'Master', 'w4:9000', memo, 'Worker', { type: 'ToB' });
    c.k.runUntil(100);
    expect(seen.map((s) => s.pid).sort()).toEqual([a, b].sort());
    expect(seen.find((s) => s.type === 'ToB')?.pid).toBe(b);
  });
});

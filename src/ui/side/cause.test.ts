// Cause wording: each kind of cause reads as the Inspector shows it.
import { describe, expect, it } from 'vitest';
import type { StateChangeView } from '../../engine/public';
import { describeCause, describeChange } from './cause';

describe('describeCause', () => {
  it('names a message and its sender', () => {
    expect(
      describeCause({ kind: 'message', type: 'ExecutorStateChanged', from: 'Worker@w1', t: 5, messageId: 3 }),
    ).toBe('ExecutorStateChanged from Worker@w1');
  });
  it('names a message without a known sender by its type only', () => {
    expect(describeCause({ kind: 'message', type: 'Heartbeat', t: 5 })).toBe('Heartbeat');
  });
  it('names timers, user actions, disconnects, exits and start-up', () => {
    expect(describeCause({ kind: 'timer', type: 'CheckForWorkerTimeOut', t: 60_000 })).toBe(
      'timer CheckForWorkerTimeOut',
    );
    expect(describeCause({ kind: 'action', type: 'kill-worker', t: 1 })).toBe('user action kill-worker');
    expect(describeCause({ kind: 'disconnect', type: 'Disconnected', from: 'Worker@w2', t: 1 })).toBe(
      'disconnect of Worker@w2',
    );
    expect(describeCause({ kind: 'disconnect', type: 'Disconnected', t: 1 })).toBe('disconnect');
    expect(describeCause({ kind: 'process-exit', type: 'ChildExited', t: 1 })).toBe('process exit');
    expect(describeCause({ kind: 'process-exit', type: 'ChildExited', from: 'Executor app-1/0@w1', t: 1 })).toBe(
      'process exit of Executor app-1/0@w1',
    );
    expect(describeCause({ kind: 'start', type: 'start', t: 0 })).toBe('start-up');
  });
});

describe('describeChange', () => {
  it('formats time, transition and cause', () => {
    const c: StateChangeView = {
      t: 3002,
      subject: 'app-20260101000003-0000',
      kind: 'application',
      from: 'WAITING',
      to: 'RUNNING',
      cause: { kind: 'message', type: 'ExecutorStateChanged', from: 'Worker@w1', t: 3002 },
    };
    expect(describeChange(c)).toEqual({
      time: '0:00:03.002',
      transition: 'WAITING → RUNNING',
      cause: 'ExecutorStateChanged from Worker@w1',
    });
  });
  it('shows a first state as coming from nothing', () => {
    const c: StateChangeView = {
      t: 0,
      subject: 'worker-x',
      kind: 'worker',
      from: null,
      to: 'ALIVE',
      cause: { kind: 'message', type: 'RegisterWorker', from: 'Worker@w1', t: 0 },
    };
    expect(describeChange(c).transition).toBe('— → ALIVE');
  });
});

// Labels of messages and replies: a reply reads as what it answers, never as a bare Boolean.
import { describe, expect, it } from 'vitest';
import type { Msg } from '../sim/kernel';
import { messageKind, messageLabel, replyKind, replyLabel } from './message-kinds';

const msg = (m: Record<string, unknown>) => m as unknown as Msg;

describe('message labels', () => {
  it('adds the telling argument', () => {
    expect(messageLabel(msg({ type: 'ExecutorStateChanged', state: 'RUNNING' }))).toBe('ExecutorStateChanged(RUNNING)');
    expect(messageLabel(msg({ type: 'LaunchExecutor', appId: 'app-1', execId: 3 }))).toBe('LaunchExecutor(app-1/3)');
    expect(messageLabel(msg({ type: 'RegisterWorker' }))).toBe('RegisterWorker');
  });

  it('reads a Boolean reply as the ask it answers and its value', () => {
    expect(replyLabel('ExecutorStateChanged', msg({ type: 'Boolean', value: true }))).toBe(
      '↩ ExecutorStateChanged: true',
    );
    expect(replyLabel('RegisterExecutor', msg({ type: 'Boolean', value: false, message: 'Duplicate' }))).toBe(
      '↩ RegisterExecutor: false',
    );
  });

  it('keeps a typed reply’s own name', () => {
    expect(replyLabel('RequestSubmitDriver', msg({ type: 'SubmitDriverResponse' }))).toBe('↩ SubmitDriverResponse');
    expect(replyLabel('RequestDriverStatus', msg({ type: 'DriverStatusResponse', state: 'RUNNING' }))).toBe(
      '↩ DriverStatusResponse(RUNNING)',
    );
  });

  it('colours a bare reply as its ask, a typed one as itself', () => {
    expect(messageKind('Boolean')).toBe('other');
    expect(replyKind('ExecutorStateChanged', 'Boolean')).toBe('state');
    expect(replyKind('RegisterExecutor', 'Boolean')).toBe('registration');
    expect(replyKind('RequestKillDriver', 'KillDriverResponse')).toBe('kill');
  });
});

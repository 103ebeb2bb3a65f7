// A card's parts come from one function, so badge, exit code and strike-through never disagree.
import { describe, expect, it } from 'vitest';
import type { ProcessCardView } from '../../engine/public';
import {
  appShortId,
  cardStatus,
  detailsText,
  isFinalState,
  processLabel,
  relaunchText,
  secondsLeft,
  tasksText,
} from './card-status';

const exec: ProcessCardView = {
  id: 'app-20260101000005-0001/0',
  kind: 'executor',
  label: 'exec 0',
  appId: 'app-20260101000005-0001',
  state: 'RUNNING',
  cores: 2,
  memoryMb: 1024,
  exitCode: null,
  ended: false,
};

describe('cardStatus', () => {
  it('strikes through and shows the exit code only on an ended card with a final badge', () => {
    expect(cardStatus(exec)).toEqual({ badge: 'RUNNING', struck: false, exit: null, exitOk: false });
    expect(cardStatus({ ...exec, state: 'EXITED', ended: true, exitCode: 137 })).toEqual({
      badge: 'EXITED',
      struck: true,
      exit: 'exit 137',
      exitOk: false,
    });
    expect(cardStatus({ ...exec, state: 'FINISHED', ended: true, exitCode: 0 })).toMatchObject({
      exit: 'exit 0',
      exitOk: true,
    });
    // A driver of a lost machine: RELAUNCHING (elsewhere) ends its card here.
    expect(cardStatus({ state: 'RELAUNCHING', ended: true, exitCode: 137 }).struck).toBe(true);
  });

  it('never shows an exit code under a live badge, whatever the frame says', () => {
    for (const state of ['RUNNING', 'LAUNCHING', 'SUBMITTED', 'UNKNOWN']) {
      const s = cardStatus({ ...exec, state, ended: true, exitCode: 137 });
      expect(s.struck).toBe(false);
      expect(s.exit).toBeNull();
      expect(s.badge).toBe(state);
    }
    // A live card with a code (never sent) shows no code either.
    expect(cardStatus({ ...exec, exitCode: 1 }).exit).toBeNull();
  });

  it('agrees in every combination: struck ⇔ final badge on an ended card; exit ⇒ struck', () => {
    const states = ['LAUNCHING', 'RUNNING', 'KILLED', 'FAILED', 'LOST', 'EXITED', 'FINISHED', 'ERROR', 'RELAUNCHING'];
    for (const state of states)
      for (const ended of [false, true])
        for (const exitCode of [null, 0, 1, 137]) {
          const s = cardStatus({ state, ended, exitCode });
          expect(s.struck).toBe(ended && (isFinalState(state) || state === 'RELAUNCHING'));
          if (s.exit !== null) expect(s.struck).toBe(true);
          expect(s.badge).toBe(state);
        }
  });
});

describe('labels and details', () => {
  it('names an executor with its app number, so several "exec 0" can be told apart', () => {
    expect(appShortId('app-20260101000005-0001')).toBe('0001');
    expect(appShortId(null)).toBeNull();
    expect(processLabel(exec)).toBe('0001·exec 0');
    expect(processLabel({ ...exec, appId: null })).toBe('exec 0');
    expect(processLabel({ kind: 'driver', label: 'driver-20260101000001-0000', appId: exec.appId })).toBe(
      'driver-20260101000001-0000',
    );
  });

  it('counts running tasks first, then the resources', () => {
    expect(tasksText({ runningTasks: 1 })).toBe('1 task');
    expect(tasksText({})).toBeNull();
    expect(detailsText({ ...exec, runningTasks: 4 })).toBe('4 tasks · 2 cores · 1024.0 MiB');
    expect(detailsText({ ...exec, runningTasks: 0 })).toBe('0 tasks · 2 cores · 1024.0 MiB');
    expect(detailsText({ cores: 0, memoryMb: 0 })).toBe('');
  });
});

describe('relaunchText', () => {
  const relaunch = { since: 10_305, at: 14_305, lastExitCode: 1 };
  it('counts down to the relaunch timer with the restart count and the last exit', () => {
    expect(relaunchText({ relaunch, restarts: 3 }, 10_305)).toBe('relaunching in 4 s · restart 3 · last exit 1');
    expect(relaunchText({ relaunch, restarts: 3 }, 13_400)).toBe('relaunching in 1 s · restart 3 · last exit 1');
    expect(relaunchText({ relaunch, restarts: 3 }, 14_305)).toBe('relaunching now · restart 3 · last exit 1');
    expect(relaunchText({ restarts: 3 }, 0)).toBeNull();
  });

  it('rounds seconds up and never below zero', () => {
    expect(secondsLeft(8_001, 0)).toBe(9);
    expect(secondsLeft(8_000, 0)).toBe(8);
    expect(secondsLeft(0, 5_000)).toBe(0);
  });
});

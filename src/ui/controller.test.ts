import { describe, expect, it } from 'vitest';
import type { EngineFrame, LoadResult } from '../engine/worker';
import { createController, type Scheduler } from './controller';
import type { EngineClient } from './engine-client';
import { createPlaygroundStore } from './store';

function frameAt(time: number, extra: Partial<EngineFrame> = {}): EngineFrame {
  return {
    time,
    epochMs: 1767225600000 + time,
    idle: false,
    nextEventTime: null,
    master: null,
    workers: {},
    apps: [],
    drivers: [],
    newLogs: [`[t=${time}] tick`],
    newMessages: [],
    skippedLogs: 0,
    skippedMessages: 0,
    ...extra,
  };
}

/** A fake engine whose advanceTo answers only when the test says so. */
function fakeClient() {
  const requests: number[] = [];
  let pending: (() => void) | null = null;
  const client: EngineClient = {
    load: async (): Promise<LoadResult> => ({ ok: true, name: 'Demo', description: '', warnings: [] }),
    advanceTo: (ms) => {
      requests.push(ms);
      if (ms === 0) return Promise.resolve(frameAt(0));
      return new Promise((resolve) => {
        pending = () => resolve(frameAt(ms));
      });
    },
    reset: async () => frameAt(0),
    dispose: () => {},
  };
  const answer = async () => {
    const p = pending;
    pending = null;
    p?.();
    await Promise.resolve();
    await Promise.resolve();
  };
  return { client, requests, answer };
}

function manualFrames() {
  let cb: ((now: number) => void) | null = null;
  const scheduler: Scheduler = {
    request: (f) => {
      cb = f;
      return 1;
    },
    cancel: () => {
      cb = null;
    },
  };
  return { scheduler, frame: (now: number) => cb?.(now) };
}

describe('pacing controller', () => {
  it('advances by wall time × speed with at most one request in flight', async () => {
    const store = createPlaygroundStore();
    const { client, requests, answer } = fakeClient();
    const { scheduler, frame } = manualFrames();
    const controller = createController(store, client, scheduler);
    await controller.load('demo', {});
    expect(store.getState().status).toBe('ready');
    expect(requests).toEqual([0]);

    store.getState().setSpeed(10);
    controller.togglePlaying();
    frame(1000); // first frame only starts the wall clock
    frame(1016);
    expect(requests).toEqual([0, 160]);
    frame(1032); // busy: no second request
    frame(1048);
    expect(requests).toEqual([0, 160]);
    await answer();
    expect(store.getState().time).toBe(160);
    frame(1064); // the wall time spent waiting counts
    expect(requests).toEqual([0, 160, 640]);
    await answer();

    controller.togglePlaying();
    frame(5000);
    frame(6000);
    expect(requests).toEqual([0, 160, 640]);
    expect(store.getState().logs.map((l) => l.text)).toEqual(['[t=0] tick', '[t=160] tick', '[t=640] tick']);
    controller.dispose();
  });

  it('caps the wall time one request may cover', async () => {
    const store = createPlaygroundStore();
    const { client, requests } = fakeClient();
    const { scheduler, frame } = manualFrames();
    const controller = createController(store, client, scheduler);
    await controller.load('demo', {});
    store.getState().setSpeed(100);
    controller.togglePlaying();
    frame(0);
    frame(60_000); // a backgrounded tab comes back after a minute
    expect(requests).toEqual([0, 25_000]);
    controller.dispose();
  });

  it('drops answers that belong to a run that was replaced', async () => {
    const store = createPlaygroundStore();
    const { client, answer } = fakeClient();
    const { scheduler, frame } = manualFrames();
    const controller = createController(store, client, scheduler);
    await controller.load('demo', {});
    store.getState().setSpeed(1);
    controller.togglePlaying();
    frame(0);
    frame(500);
    await controller.reset();
    await answer();
    expect(store.getState().time).toBe(0);
    expect(store.getState().playing).toBe(false);
    controller.dispose();
  });
});

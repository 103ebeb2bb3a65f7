// The page's controller against a fake engine: wall-time slices, one request at a time, stale
// answers dropped, seeks collapsed to the latest, frames merged into the store and the flight board.
import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../engine/api';
import type { EngineFrame } from '../engine/public';
import { createController, MAX_WALL_STEP_MS, type Scheduler } from './controller';
import type { EngineClient } from './engine-client';
import { createFlightBoard } from './flights';
import { createPlaygroundStore } from './store';

function frameAt(time: number, extra: Partial<EngineFrame> = {}): EngineFrame {
  return {
    full: false,
    time,
    epochMs: 1767225600000 + time,
    idle: false,
    nextEventTime: null,
    nodes: [],
    removed: [],
    messages: [],
    undrawn: 0,
    drops: [],
    changes: [],
    logs: [{ seq: time, t: time, source: 'Master@master', level: 'INFO', text: `tick ${time}` }],
    skippedLogs: 0,
    flight: null,
    horizon: time,
    ...extra,
  };
}

/** A fake engine whose play() answers only when the test says so. */
function fakeClient() {
  const plays: [number, number][] = [];
  const seeks: number[] = [];
  let time = 0;
  let pending: (() => void) | null = null;
  const client = {
    load: async (): Promise<LoadResult> => ({ ok: true, name: 'Demo', description: '', warnings: [], latencyMs: 1, conf: {} }),
    play: (wallMs: number, speed: number) => {
      plays.push([wallMs, speed]);
      return new Promise<EngineFrame>((resolve) => {
        pending = () => {
          time += Math.floor(wallMs * speed);
          resolve(frameAt(time, { pace: { rate: speed, reason: 'normal', displayTime: time } }));
        };
      });
    },
    seek: async (ms: number) => {
      seeks.push(ms);
      time = ms;
      return frameAt(ms, { full: true, logs: [] });
    },
    step: async () => frameAt(++time),
    apply: async () => ({ ok: true as const, frame: frameAt(time) }),
    reset: async () => {
      time = 0;
      return frameAt(0, { full: true, logs: [] });
    },
    advanceTo: async (ms: number) => frameAt(ms),
    masterPage: async () => null,
    inspect: async () => null,
    scenario: async () => null,
    dispose: () => {},
  } satisfies EngineClient;
  const answer = async () => {
    const p = pending;
    pending = null;
    p?.();
    for (let i = 0; i < 4; i++) await Promise.resolve();
  };
  return { client, plays, seeks, answer };
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
    now: () => 0,
  };
  return { scheduler, frame: (now: number) => cb?.(now) };
}

async function loaded() {
  const store = createPlaygroundStore();
  const fake = fakeClient();
  const frames = manualFrames();
  const board = createFlightBoard();
  const controller = createController(store, fake.client, frames.scheduler, board);
  await controller.load('demo', {});
  return { store, ...fake, ...frames, board, controller };
}

describe('controller: pacing requests', () => {
  it('hands the worker the wall time that passed, with at most one request in flight', async () => {
    const { store, plays, answer, frame, controller } = await loaded();
    expect(store.getState().status).toBe('ready');
    store.getState().setSpeed(10);
    controller.togglePlaying();
    frame(1000); // the first frame only starts the wall clock
    frame(1016);
    expect(plays).toEqual([[16, 10]]);
    frame(1032); // busy: no second request
    frame(1048);
    expect(plays).toHaveLength(1);
    await answer();
    expect(store.getState().time).toBe(160);
    expect(store.getState().rate).toBe(10);
    frame(1064); // the wall time spent waiting counts
    expect(plays[1]).toEqual([48, 10]);
    await answer();

    controller.togglePlaying();
    frame(5000);
    frame(6000);
    expect(plays).toHaveLength(2);
    expect(store.getState().rateReason).toBe('paused');
    expect(store.getState().logs.map((l) => l.text)).toEqual(['tick 160', 'tick 640']);
    controller.dispose();
  });

  it('caps the wall time one request may cover', async () => {
    const { plays, frame, controller, store } = await loaded();
    store.getState().setSpeed(100);
    controller.togglePlaying();
    frame(0);
    frame(60_000); // a backgrounded tab comes back after a minute
    expect(plays).toEqual([[MAX_WALL_STEP_MS, 100]]);
    controller.dispose();
  });

  it('drops answers that belong to a run that was replaced', async () => {
    const { store, answer, frame, controller } = await loaded();
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

describe('controller: seek, step, apply', () => {
  it('seeks collapse to the latest target while one runs', async () => {
    const { seeks, controller, store } = await loaded();
    const first = controller.seek(5000);
    void controller.seek(6000);
    void controller.seek(7000);
    await first;
    expect(seeks).toEqual([0, 5000, 7000]);
    expect(store.getState().time).toBe(7000);
    controller.dispose();
  });

  it('a step pauses and takes one frame', async () => {
    const { store, controller } = await loaded();
    controller.togglePlaying();
    await controller.step();
    expect(store.getState().playing).toBe(false);
    expect(store.getState().time).toBe(1);
    controller.dispose();
  });

  it('messages of a frame reach the flight board, and leave once delivered', async () => {
    const { board, controller, client } = await loaded();
    const message = { id: 7, t: 0, tDeliver: 5, from: 'w1', to: 'master', type: 'RegisterWorker', label: 'RegisterWorker', kind: 'registration' as const, count: 1 };
    client.step = async () => frameAt(1, { messages: [message] });
    await controller.step();
    expect([...board.flights.keys()]).toEqual([7]);
    client.step = async () => frameAt(9);
    await controller.step();
    expect(board.flights.size).toBe(0);
    controller.dispose();
  });

  it('reports a refused action as text', async () => {
    const { controller, client } = await loaded();
    client.apply = async () => ({ ok: false as const, error: '"w9" is not a worker at 0 ms.' }) as never;
    expect(await controller.apply({ type: 'kill-worker', target: 'w9' })).toEqual({ ok: false, error: '"w9" is not a worker at 0 ms.' });
    controller.dispose();
  });
});

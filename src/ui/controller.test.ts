// The page's controller against a fake engine (wall-time slices, one request at a time, stale
// answers dropped, seeks collapsed to the latest, frames merged into the store and the flight
// board), then against the real engine API run in-thread: a library scenario loaded, played,
// sought, a worker killed, a fork kept as a branch, and the session it all comes to.
import { describe, expect, it, vi } from 'vitest';
import { createEngineApi, type LoadResult, type RunSlot, type SeekProgress } from '../engine/api';
import type { EngineFrame, NodeView, WorkerNodeView } from '../engine/public';
import { builtinScenarios } from '../scenarios';
import { ENGINE_VERSION } from '../engine/public';
import { SESSION_FORMAT } from '../share/codec';
import type { Session } from '../share/session-types';
import { createController, FIRST_SLICE_EVENTS, MAX_WALL_STEP_MS, type Scheduler } from './controller';
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
    counts: [],
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

/** A wall clock the test moves: each seek slice of the fake engine "takes" `sliceWallMs`. */
function testClock() {
  const clock = { now: 0, sliceWallMs: 40 };
  return clock;
}

/**
 * A fake engine whose play() answers only when the test says so. A seek slice covers at most
 * `msPerEvent × maxEvents` simulated ms (Infinity: any seek is one slice) and moves the test clock.
 */
function fakeClient(clock = testClock()) {
  const plays: [number, number][] = [];
  const seeks: number[] = [];
  const slices: { target: number; maxEvents: number; slot: string }[] = [];
  const loads: unknown[] = [];
  let time = 0;
  let prepared: number | null = null;
  const opts = { msPerEvent: Infinity, seekError: null as string | null };
  let pending: (() => void) | null = null;
  const result: LoadResult = {
    ok: true,
    name: 'Demo',
    description: '',
    warnings: [],
    latencyMs: 1,
    conf: {},
    isBuiltin: false,
  };
  const client = {
    load: async (scenario: unknown): Promise<LoadResult> => {
      loads.push(scenario);
      time = 0;
      return result;
    },
    prepare: async (scenario: unknown): Promise<LoadResult> => {
      loads.push(scenario);
      prepared = 0;
      return result;
    },
    commit: async () => {
      if (prepared === null) return null;
      time = prepared;
      prepared = null;
      return frameAt(time, { full: true, logs: [] });
    },
    discard: async () => {
      prepared = null;
    },
    seekTo: async (ms: number, o: { maxEvents: number; slot?: RunSlot }): Promise<SeekProgress> => {
      const slot = o.slot ?? 'running';
      slices.push({ target: ms, maxEvents: o.maxEvents, slot });
      if (slot === 'running') seeks.push(ms);
      clock.now += clock.sliceWallMs;
      const from = slot === 'prepared' ? (prepared ?? 0) : time;
      if (opts.seekError !== null) {
        if (slot === 'prepared') prepared = null;
        return {
          done: true,
          time: from,
          target: ms,
          frame: slot === 'running' ? frameAt(from, { full: true, logs: [] }) : null,
          error: opts.seekError,
        };
      }
      const reach = o.maxEvents * opts.msPerEvent;
      const next = Math.abs(ms - from) <= reach ? ms : from + Math.sign(ms - from) * reach;
      if (slot === 'prepared') prepared = next;
      else time = next;
      const done = next === ms;
      return {
        done,
        time: next,
        target: ms,
        frame: done && slot === 'running' ? frameAt(ms, { full: true, logs: [] }) : null,
      };
    },
    frame: async () => frameAt(time, { full: true, logs: [] }),
    play: (wallMs: number, speed: number) => {
      plays.push([wallMs, speed]);
      return new Promise<EngineFrame>((resolve) => {
        pending = () => {
          time += Math.floor(wallMs * speed);
          resolve(frameAt(time, { pace: { rate: speed, reason: 'normal', displayTime: time } }));
        };
      });
    },
    step: async () => frameAt(++time),
    apply: async () => ({ ok: true as const, frame: frameAt(time) }),
    reset: async () => {
      time = 0;
      return frameAt(0, { full: true, logs: [] });
    },
    advanceTo: async (ms: number) => frameAt(ms),
    panels: async () => null,
    history: async () => null,
    scenario: async () => null,
    dispose: () => {},
  } satisfies EngineClient;
  const answer = async () => {
    const p = pending;
    pending = null;
    p?.();
    for (let i = 0; i < 4; i++) await Promise.resolve();
  };
  return { client, plays, seeks, slices, loads, opts, answer, clock };
}

function manualFrames(clock = testClock()) {
  let cb: ((now: number) => void) | null = null;
  const scheduler: Scheduler = {
    request: (f) => {
      cb = f;
      return 1;
    },
    cancel: () => {
      cb = null;
    },
    now: () => clock.now,
  };
  return { scheduler, frame: (now: number) => cb?.(now) };
}

async function loaded() {
  const store = createPlaygroundStore();
  const clock = testClock();
  const fake = fakeClient(clock);
  const frames = manualFrames(clock);
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
    expect(seeks).toEqual([5000, 7000]);
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
    const message = {
      id: 7,
      t: 0,
      tDeliver: 5,
      from: 'w1',
      to: 'master',
      type: 'RegisterWorker',
      label: 'RegisterWorker',
      kind: 'registration' as const,
      count: 1,
    };
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
    expect(await controller.apply({ type: 'kill-worker', target: 'w9' })).toEqual({
      ok: false,
      error: '"w9" is not a worker at 0 ms.',
    });
    controller.dispose();
  });
});

/** A session of the fake engine's scenario at `playhead`. */
function sessionAt(playhead: number, extra: Partial<Session> = {}): Session {
  return { format: SESSION_FORMAT, engine: ENGINE_VERSION, scenario: { name: 'Linked' }, playhead, ...extra };
}

/** Lets every queued promise callback run (the fake engine answers at once). */
const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe('controller: replays in slices', () => {
  it('a long seek runs slice by slice, shows progress after half a second, and clears it at the end', async () => {
    const { store, controller, opts, slices } = await loaded();
    opts.msPerEvent = 10; // the first slice (FIRST_SLICE_EVENTS events) covers 20 s
    const progress: (number | null)[] = [];
    store.subscribe((s, prev) => {
      if (s.progress !== prev.progress) progress.push(s.progress?.reached ?? null);
    });
    await controller.seek(3_600_000);
    expect(slices.length).toBeGreaterThan(5);
    expect(slices[0]?.maxEvents).toBe(FIRST_SLICE_EVENTS);
    // Each fake slice "takes" 40 ms of wall time: the size stays where SLICE_TARGET_MS puts it.
    expect(slices.every((x) => x.maxEvents === FIRST_SLICE_EVENTS)).toBe(true);
    expect(store.getState().time).toBe(3_600_000);
    // Nothing for the first 500 ms (12 slices of 40 ms), then growing, then gone.
    const shown = progress.filter((p): p is number => p !== null);
    expect(shown[0]).toBe(13 * FIRST_SLICE_EVENTS * 10);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    expect(progress.at(-1)).toBeNull();
    expect(store.getState().progress).toBeNull();
    controller.dispose();
  });

  it('slices are sized from how long the earlier ones took', async () => {
    const { controller, opts, slices, clock } = await loaded();
    opts.msPerEvent = 1;
    clock.sliceWallMs = 160; // four times too slow: the next slice is a quarter
    await controller.seek(5000);
    expect(slices.map((x) => x.maxEvents).slice(0, 3)).toEqual([2000, 500, 125]);
    controller.dispose();
  });

  it('Cancel stops at the point reached and leaves the run there', async () => {
    const { store, controller, opts, slices } = await loaded();
    opts.msPerEvent = 10;
    // The fake answers at once: the user presses Cancel as soon as the progress shows.
    let shown = 0;
    store.subscribe((st, prev) => {
      if (st.progress && !prev.progress && shown++ === 0) controller.cancel();
    });
    await controller.seek(86_400_000);
    expect(shown).toBe(1);
    const reached = slices.length * FIRST_SLICE_EVENTS * 10;
    expect(store.getState().time).toBe(reached);
    expect(reached).toBeLessThan(86_400_000);
    expect(store.getState().progress).toBeNull();
    expect(store.getState().status).toBe('ready');
    controller.dispose();
  });

  it('a newer seek retargets the one under way; a load interrupts it', async () => {
    const { store, controller, opts, slices } = await loaded();
    opts.msPerEvent = 10;
    const first = controller.seek(1_000_000);
    await settle();
    void controller.seek(50_000);
    await first;
    expect(store.getState().time).toBe(50_000);
    expect(slices.at(-1)?.target).toBe(50_000);

    const again = controller.seek(10_000_000);
    await settle();
    const before = slices.length;
    await controller.load('other', {});
    await again;
    // At most the slice already on its way when the load came; nothing after it.
    expect(slices.length - before).toBeLessThanOrEqual(1);
    expect(store.getState().scenarioId).toBe('other');
    expect(store.getState().time).toBe(0);
    expect(store.getState().progress).toBeNull();
    controller.dispose();
  });

  it('an engine error during a seek is a sentence, and the page goes on', async () => {
    const { store, controller, opts } = await loaded();
    opts.seekError = 'JvmException: boom';
    await controller.seek(9000);
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(s.notices.map((n) => [n.tone, n.text])).toEqual([
      ['error', 'The replay to 0:00:09.000 stopped: JvmException: boom The playhead is back at 0:00:00.000.'],
    ]);
    controller.dispose();
  });

  it('while a replay runs, step and apply wait and play does not start a request', async () => {
    const { controller, opts, plays, frame, store } = await loaded();
    opts.msPerEvent = 1;
    const seeking = controller.seek(1_000_000);
    store.getState().setPlaying(true);
    frame(0);
    frame(100);
    expect(plays).toEqual([]);
    expect(await controller.apply({ type: 'kill-worker', target: 'w1' })).toEqual({
      ok: false,
      error: 'Nothing was applied: the playhead is still moving.',
    });
    controller.cancel();
    await seeking;
    controller.dispose();
  });
});

describe('controller: a run that used up its work budget', () => {
  it('stops playing, keeps Play off and holds the sentence until another run', async () => {
    const { store, controller, client } = await loaded();
    client.step = async () => frameAt(1, { exhausted: 'The run stopped at 0:00:00.001: it used up its budget.' });
    controller.togglePlaying();
    await controller.step();
    expect(store.getState().exhausted).toBe('The run stopped at 0:00:00.001: it used up its budget.');
    controller.togglePlaying();
    expect(store.getState().playing).toBe(false);
    await controller.reset();
    expect(store.getState().exhausted).toBeNull();
    controller.togglePlaying();
    expect(store.getState().playing).toBe(true);
    controller.dispose();
  });
});

describe('controller: a file or a link replaces the session only once it started', () => {
  it('a file the engine refuses leaves the store as it was and says why', async () => {
    const { store, controller, client } = await loaded();
    await controller.seek(4000);
    const before = store.getState();
    client.load = async () => ({
      ok: false,
      errors: [{ path: 'conf["spark.deploy.defaultCores"]', message: 'must be positive' }],
      warnings: [],
    });
    expect(await controller.load('', { name: 'probe' }, 'file')).toEqual({
      ok: false,
      errors: [{ path: 'conf["spark.deploy.defaultCores"]', message: 'must be positive' }],
    });
    const after = store.getState();
    expect(after.status).toBe('ready');
    expect(after.scenarioId).toBe('demo');
    expect(after.time).toBe(4000);
    expect(after.nodes).toBe(before.nodes);
    controller.dispose();
  });

  it('a document the page cannot post (too deep to clone) is an error, not "The engine stopped"', async () => {
    const { store, controller, client } = await loaded();
    client.load = async () => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    expect(await controller.load('', {}, 'file')).toEqual({
      ok: false,
      errors: [{ path: '', message: 'Maximum call stack size exceeded' }],
    });
    expect(store.getState().status).toBe('ready');
    controller.dispose();
  });

  it('a built-in that fails still shows its problems', async () => {
    const { store, controller, client } = await loaded();
    client.load = async () => ({ ok: false, errors: [{ path: 'workers', message: 'bad' }], warnings: [] });
    await controller.load('broken', {});
    expect(store.getState().status).toBe('invalid');
    expect(store.getState().errors).toEqual([{ path: 'workers', message: 'bad' }]);
    controller.dispose();
  });

  it('openSession: a session that cannot be restored changes nothing', async () => {
    const { store, controller, client } = await loaded();
    await controller.seek(4000);
    client.prepare = async () => ({ ok: false, errors: [{ path: 'version', message: 'must be 1' }], warnings: [] });
    expect(await controller.openSession(sessionAt(5000))).toEqual({
      ok: false,
      error: 'version: must be 1',
    });
    expect(store.getState()).toMatchObject({ status: 'ready', scenarioId: 'demo', time: 4000 });
    controller.dispose();
  });

  it('openSession: a replay that fails changes nothing; a rejection is an outcome too', async () => {
    const { store, controller, client, opts } = await loaded();
    opts.seekError = 'boom';
    expect(await controller.openSession(sessionAt(5000))).toEqual({
      ok: false,
      error: 'its replay to 0:00:05.000 failed: boom',
    });
    expect(store.getState()).toMatchObject({ status: 'ready', scenarioId: 'demo', time: 0 });
    client.prepare = async () => {
      throw new Error('worker gone');
    };
    expect(await controller.openSession(sessionAt(5000))).toEqual({
      ok: false,
      error: 'worker gone',
    });
    controller.dispose();
  });

  it('openSession replays beside the run on screen, with progress, then shows it; Cancel opens it where it got', async () => {
    const { store, controller, opts, slices } = await loaded();
    opts.msPerEvent = 10;
    const seen: { label: string | undefined; scenarioId: string; time: number }[] = [];
    store.subscribe((st) => {
      if (!st.progress || seen.length > 0) return;
      seen.push({ label: st.progress.label, scenarioId: st.scenarioId, time: st.time });
      // Until it opened, the page shows the old run, and seeks do not reach the engine.
      void controller.seek(1000);
      controller.cancel();
    });
    expect(await controller.openSession(sessionAt(7 * 86_400_000, { view: { speed: 5, tab: 'log' } }))).toEqual({
      ok: true,
    });
    expect(seen).toEqual([{ label: 'Opening the session', scenarioId: 'demo', time: 0 }]);
    expect(slices.every((x) => x.slot === 'prepared')).toBe(true);
    const s = store.getState();
    expect(s.time).toBe(slices.length * FIRST_SLICE_EVENTS * 10);
    expect(s).toMatchObject({ scenarioId: '', speed: 5, sideTab: 'log', progress: null });
    controller.dispose();
  });

  it('openSession interrupted by a load reports it and leaves the load on screen', async () => {
    const { store, controller, opts } = await loaded();
    opts.msPerEvent = 10;
    const opening = controller.openSession(sessionAt(86_400_000));
    await settle();
    await controller.load('other', {});
    expect(await opening).toMatchObject({ ok: false });
    expect(store.getState()).toMatchObject({ scenarioId: 'other', progress: null });
    controller.dispose();
  });
});

/** The engine API in this thread, each answer a promise as comlink's proxy gives it. */
function inThreadClient(): EngineClient {
  const api = createEngineApi();
  return {
    load: (...args) => Promise.resolve(api.load(...args)),
    advanceTo: (...args) => Promise.resolve(api.advanceTo(...args)),
    play: (...args) => Promise.resolve(api.play(...args)),
    step: () => Promise.resolve(api.step()),
    prepare: (...args) => Promise.resolve(api.prepare(...args)),
    commit: () => Promise.resolve(api.commit()),
    discard: () => Promise.resolve(api.discard()),
    seekTo: (...args) => Promise.resolve(api.seekTo(...args)),
    frame: () => Promise.resolve(api.frame()),
    apply: (...args) => Promise.resolve(api.apply(...args)),
    reset: () => Promise.resolve(api.reset()),
    panels: (...args) => Promise.resolve(api.panels(...args)),
    history: (...args) => Promise.resolve(api.history(...args)),
    scenario: () => Promise.resolve(api.scenario()),
    dispose: () => {},
  };
}

function workerNode(nodes: Record<string, NodeView>, id: string): WorkerNodeView {
  const node = nodes[id];
  if (node?.kind !== 'worker') throw new Error(`${id} is not a worker node`);
  return node;
}

async function realEngine(id = 'client-mode') {
  const builtin = builtinScenarios.find((b) => b.id === id);
  if (!builtin) throw new Error(`no built-in ${id}`);
  const store = createPlaygroundStore();
  const frames = manualFrames();
  const controller = createController(store, inThreadClient(), frames.scheduler, createFlightBoard());
  await controller.load(builtin.id, builtin.scenario);
  return { store, controller, builtin, ...frames };
}

describe('controller: against the real engine API, in-thread', () => {
  it('a session claiming a built-in it is not opens as a scenario of its own; the built-in itself as that built-in', async () => {
    const { store, controller, builtin } = await realEngine();
    const other = { ...structuredClone(builtin.scenario), description: 'Not the built-in: **mine**.' };
    const claim = { format: SESSION_FORMAT, engine: ENGINE_VERSION, builtin: 'client-mode' } as const;
    expect(await controller.openSession({ ...claim, scenario: other, playhead: 3000 })).toEqual({ ok: true });
    expect(store.getState()).toMatchObject({
      scenarioId: '',
      scenarioDescription: 'Not the built-in: **mine**.',
      time: 3000,
    });
    expect(await controller.openSession({ ...claim, scenario: builtin.scenario, playhead: 2000 })).toEqual({
      ok: true,
    });
    expect(store.getState()).toMatchObject({ scenarioId: 'client-mode', time: 2000 });
    controller.dispose();
  });

  it('a built-in picked by id, and a session naming one, load its document from the library chunk', async () => {
    const { store, controller } = await realEngine();
    expect(await controller.loadBuiltin('worker-power-off')).toEqual({ ok: true });
    expect(store.getState()).toMatchObject({ status: 'ready', scenarioId: 'worker-power-off' });
    const cluster = builtinScenarios.find((b) => b.id === 'cluster-mode');
    if (!cluster) throw new Error('no cluster-mode');
    const claim = { format: SESSION_FORMAT, engine: ENGINE_VERSION, builtin: 'cluster-mode' } as const;
    expect(await controller.openSession({ ...claim, scenario: cluster.scenario, playhead: 1000 })).toEqual({
      ok: true,
    });
    expect(store.getState()).toMatchObject({ scenarioId: 'cluster-mode', time: 1000 });
    expect((await controller.loadBuiltin('no-such-scenario')).ok).toBe(false);
    expect(store.getState().scenarioId).toBe('cluster-mode');
    controller.dispose();
  });

  it('a file the real engine refuses leaves the session on screen and in the engine as they were', async () => {
    const { store, controller } = await realEngine();
    await controller.seek(5000);
    const bad = {
      version: 1,
      name: 'probe',
      conf: { 'spark.deploy.defaultCores': '0' },
      workers: [{ host: 'w1', cores: 1, memory: '1g' }],
    };
    const outcome = await controller.load('', bad, 'file');
    expect(outcome.ok).toBe(false);
    expect(store.getState()).toMatchObject({ status: 'ready', scenarioId: 'client-mode', time: 5000 });
    expect((await controller.session())?.scenario).toMatchObject({ name: expect.stringContaining('Client mode') });
    controller.dispose();
  });

  it('the Master UI panel and the Inspector show the instant of the frame on the canvas, frame after frame', async () => {
    const { store, controller, frame } = await realEngine('worker-power-off');
    controller.watchMasterPage(true);
    await vi.waitFor(() => expect(store.getState().masterPage?.time).toBe(0));
    controller.select({ kind: 'worker', id: 'w3' });
    await vi.waitFor(() => expect(store.getState().inspect?.selection).toEqual({ kind: 'worker', id: 'w3' }));
    store.getState().setSpeed(1000);
    controller.togglePlaying();
    // Whenever the store changes, the canvas's workers and the Master page's agree: every worker
    // the page calls DEAD is drawn DEAD, and the other way round.
    const disagreements: string[] = [];
    const unsubscribe = store.subscribe((s) => {
      const page = s.masterPage?.master;
      if (!page) return;
      for (const w of page.workers) {
        const node = s.nodes[w.host];
        if (node?.kind === 'worker' && (node.state === 'DEAD') !== (w.state === 'DEAD'))
          disagreements.push(`${w.host} at ${s.time}: page ${w.state}, canvas ${node.state}`);
      }
    });
    let wall = 0;
    frame(wall);
    while (store.getState().time < 150_000 && store.getState().playing) {
      wall += 250;
      frame(wall);
      await vi.waitFor(() => expect(store.getState().masterPage?.time).toBe(store.getState().time));
    }
    unsubscribe();
    expect(disagreements).toEqual([]);
    const s = store.getState();
    // The power-off's worker was declared DEAD on the way, and the page says so at the same time.
    expect(s.masterPage?.master?.workers.some((w) => w.state === 'DEAD')).toBe(true);
    expect(s.inspect?.selection).toEqual({ kind: 'worker', id: 'w3' });
    controller.dispose();
  });

  it('loads a library scenario: its name, its machines, the time at zero', async () => {
    const { store, controller, builtin } = await realEngine();
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(s.scenarioId).toBe('client-mode');
    expect(s.scenarioName).toBe(builtin.scenario.name);
    expect(s.time).toBe(0);
    expect(s.nodeOrder).toEqual(['client', 'master', 'w1', 'w2']);
    expect(s.nodes.master?.kind === 'master' && s.nodes.master.state).toBe('ALIVE');
    expect(s.actions.map((a) => a.label)).toEqual(['submit SparkPi (client)']);
    controller.dispose();
  });

  it('plays on the wall clock, and seeks forward to executors running on both workers', async () => {
    const { store, controller, frame } = await realEngine();
    store.getState().setSpeed(10);
    controller.togglePlaying();
    frame(0);
    frame(250);
    await vi.waitFor(() => expect(store.getState().time).toBeGreaterThan(0));
    const played = store.getState().time;
    expect(store.getState().rate).toBeGreaterThan(0);
    controller.togglePlaying();

    await controller.seek(5000);
    const s = store.getState();
    expect(played).toBeLessThan(5000);
    expect(s.time).toBe(5000);
    expect(s.horizon).toBe(5000);
    for (const w of ['w1', 'w2']) {
      const worker = workerNode(s.nodes, w);
      expect(worker.state).toBe('ALIVE');
      expect(worker.processes.map((p) => [p.kind, p.state])).toEqual([['executor', 'RUNNING']]);
    }
    controller.dispose();
  });

  it('kills a worker: the action is recorded, the Master marks it dead, the session replays it', async () => {
    const { store, controller } = await realEngine();
    await controller.seek(5000);
    expect(await controller.apply({ type: 'kill-worker', target: 'w1' })).toEqual({ ok: true });
    expect(store.getState().forkPrompt).toBeNull();
    expect(store.getState().actions.map((a) => [a.at, a.label, a.recorded])).toEqual([
      [0, 'submit SparkPi (client)', false],
      [5000, 'kill-worker w1', true],
    ]);
    expect(workerNode(store.getState().nodes, 'w1').process).toBe('stopped');

    await controller.seek(8000);
    const s = store.getState();
    expect(workerNode(s.nodes, 'w1')).toMatchObject({ state: 'DEAD', process: 'stopped', processes: [] });
    expect(workerNode(s.nodes, 'w2').processes.map((p) => p.state)).toEqual(['RUNNING']);

    const session = await controller.session();
    expect(session).toMatchObject({ builtin: 'client-mode', playhead: 8000, view: { tab: 'master', speed: 1 } });
    const actions = (session?.scenario as { actions: { at: number; type: string; target?: string }[] }).actions;
    expect(actions.map((a) => [a.at, a.type, a.target])).toEqual([
      [0, 'submit', undefined],
      [5000, 'kill-worker', 'w1'],
    ]);
    controller.dispose();
  });

  it('an action behind the horizon asks first; kept as a branch, the old future can be opened again', async () => {
    const { store, controller } = await realEngine();
    await controller.seek(5000);
    await controller.apply({ type: 'kill-worker', target: 'w1' });
    await controller.seek(8000);
    await controller.seek(2000);

    const applying = controller.apply({ type: 'kill-worker', target: 'w2' });
    await vi.waitFor(() =>
      expect(store.getState().forkPrompt).toEqual({ action: 'kill-worker w2', at: 2000, horizon: 8000 }),
    );
    controller.resolveFork('branch');
    expect(await applying).toEqual({ ok: true });

    const s = store.getState();
    expect(s.forkPrompt).toBeNull();
    expect(s.horizon).toBe(2000);
    expect(s.actions.map((a) => [a.at, a.label, a.recorded])).toEqual([
      [0, 'submit SparkPi (client)', false],
      [2000, 'kill-worker w2', true],
    ]);
    expect(s.branches).toHaveLength(1);
    const branch = s.branches[0];
    expect(branch?.label).toBe('until 0:00:08.000 (before kill-worker w2 at 0:00:02.000)');
    expect(branch?.session.playhead).toBe(8000);

    if (!branch) throw new Error('no branch');
    expect(await controller.openSession(branch.session)).toEqual({ ok: true });
    const back = store.getState();
    expect(back.time).toBe(8000);
    // The branch's document holds the kill as its own action now: listed, no longer "recorded".
    expect(back.actions.map((a) => [a.at, a.label])).toEqual([
      [0, 'submit SparkPi (client)'],
      [5000, 'kill-worker w1'],
    ]);
    expect(workerNode(back.nodes, 'w1').state).toBe('DEAD');
    expect(workerNode(back.nodes, 'w2').state).toBe('ALIVE');
    controller.dispose();
  });
});

// The engine API the page drives: a scenario replaces the running one only once it started, a
// prepared run waits beside it until committed, seeks run in slices of events that end where a
// straight seek ends, a failure on the way puts the run back, and a session's claim to be a
// built-in is checked against the built-in itself.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { builtinScenarios } from '../scenarios';
import { createEngineApi, type EngineApi, type SeekProgress } from './api';
import { Simulation } from './simulation';

function builtin(id: string): Record<string, unknown> {
  const b = builtinScenarios.find((s) => s.id === id);
  if (!b) throw new Error(`no built-in ${id}`);
  return structuredClone(b.scenario) as unknown as Record<string, unknown>;
}

/** Seeks to `ms` in slices of `maxEvents`; the progress of every slice. */
function sliced(api: EngineApi, ms: number, maxEvents: number, slot?: 'running' | 'prepared'): SeekProgress[] {
  const out: SeekProgress[] = [];
  for (let i = 0; i < 100_000; i++) {
    const p = api.seekTo(ms, { maxEvents, ...(slot ? { slot } : {}) });
    out.push(p);
    if (p.done) return out;
  }
  throw new Error('the seek never finished');
}

afterEach(() => vi.restoreAllMocks());

describe('engine API: load checks completely before it replaces', () => {
  it('a scenario the engine cannot start leaves the running one as it was', () => {
    const api = createEngineApi();
    expect(api.load(builtin('client-mode'), 'builtin')).toMatchObject({ ok: true, name: expect.any(String) });
    api.seekTo(3000, { maxEvents: Infinity });
    const before = api.scenario();

    const bad = { ...builtin('client-mode'), name: 'probe', conf: { 'spark.deploy.defaultCores': '0' } };
    const r = api.load(bad, 'file');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]?.message).toMatch(/defaultCores/);
    expect(api.scenario()).toEqual(before);
    expect(api.frame().time).toBe(3000);
  });

  it('an engine failure while starting is an error, not an exception', () => {
    const api = createEngineApi();
    vi.spyOn(Simulation, 'fromScenario').mockImplementationOnce(() => {
      throw new Error('boom at boot');
    });
    const r = api.load(builtin('client-mode'), 'file');
    expect(r).toEqual({
      ok: false,
      errors: [{ path: '', message: 'The engine could not start this scenario: boom at boot' }],
      warnings: [],
    });
    expect(api.scenario()).toBeNull();
  });

  it('instant 0 has run when load returns, as the page shows it', () => {
    const api = createEngineApi();
    api.load(builtin('client-mode'));
    const frame = api.frame();
    expect(frame.time).toBe(0);
    expect(frame.logs.length).toBeGreaterThan(0);
  });
});

describe('engine API: a prepared run waits beside the running one', () => {
  it('prepare and seek it; the running run answers as before until commit', () => {
    const api = createEngineApi();
    api.load(builtin('client-mode'));
    api.seekTo(2000, { maxEvents: Infinity });
    const mine = api.scenario();

    expect(api.prepare(builtin('cluster-mode'), 'url')).toMatchObject({ ok: true });
    const steps = sliced(api, 60_000, 200, 'prepared');
    expect(steps.length).toBeGreaterThan(1);
    expect(steps.at(-1)).toMatchObject({ done: true, time: 60_000, frame: null });
    expect(api.scenario()).toEqual(mine);
    expect(api.frame().time).toBe(2000);

    const frame = api.commit();
    expect(frame?.full).toBe(true);
    expect(frame?.time).toBe(60_000);
    expect(api.scenario()?.name).toBe(builtin('cluster-mode').name);
    expect(api.commit()).toBeNull();
  });

  it('discard forgets it; a failed prepare leaves nothing prepared', () => {
    const api = createEngineApi();
    api.load(builtin('client-mode'));
    api.prepare(builtin('cluster-mode'), 'url');
    api.discard();
    expect(api.commit()).toBeNull();
    expect(api.prepare({ version: 99 }, 'url').ok).toBe(false);
    expect(() => api.seekTo(10, { maxEvents: 10, slot: 'prepared' })).toThrow(/prepared/);
  });
});

describe('engine API: seeks in slices', () => {
  it('ends exactly where one straight seek ends, forward and back', () => {
    const straight = createEngineApi();
    straight.load(builtin('client-mode'));
    const slicedApi = createEngineApi();
    slicedApi.load(builtin('client-mode'));

    for (const target of [45_000, 12_345, 90_000]) {
      const one = straight.seekTo(target, { maxEvents: Infinity });
      expect(one.done).toBe(true);
      const steps = sliced(slicedApi, target, 10);
      // The first seek starts at 0 and replays everything; the later ones start from checkpoints.
      if (target === 45_000) expect(steps.length).toBeGreaterThan(2);
      // Progress only moves toward the target, and only the last slice carries a frame.
      expect(steps.slice(0, -1).every((p) => !p.done && p.frame === null && p.time <= target)).toBe(true);
      const last = steps.at(-1);
      expect(last?.time).toBe(target);
      const { nodes, changes, time } = last?.frame ?? {};
      expect({ nodes, changes, time }).toEqual({
        nodes: one.frame?.nodes,
        changes: one.frame?.changes,
        time: one.frame?.time,
      });
    }
    expect(slicedApi.scenario()).toEqual(straight.scenario());
  });

  it('a slice of one event still makes progress; a stopped seek leaves a consistent frame', () => {
    const api = createEngineApi();
    api.load(builtin('client-mode'));
    const first = api.seekTo(30_000, { maxEvents: 1 });
    expect(first.done).toBe(false);
    const second = api.seekTo(30_000, { maxEvents: 500 });
    expect(second.time).toBeGreaterThanOrEqual(first.time);
    // Stopped here (Cancel): the frame is the run at that instant, and play goes on from it.
    const frame = api.frame();
    expect(frame.full).toBe(true);
    expect(frame.time).toBe(second.time);
    expect(api.advanceTo(second.time + 1000).time).toBe(second.time + 1000);
  });

  it('an engine failure on the way is an error, and the run is back where the seek began', () => {
    const api = createEngineApi();
    api.load(builtin('client-mode'));
    api.seekTo(4000, { maxEvents: Infinity });
    const seek = Simulation.prototype.seek;
    vi.spyOn(Simulation.prototype, 'seek').mockImplementationOnce(function (this: Simulation, ms, stop) {
      seek.call(this, Math.min(ms, 6000), stop);
      throw new Error('JvmException in the middle of an event');
    });
    const p = api.seekTo(20_000, { maxEvents: Infinity });
    expect(p).toMatchObject({ done: true, time: 4000, error: 'JvmException in the middle of an event' });
    expect(p.frame?.time).toBe(4000);
    expect(api.seekTo(20_000, { maxEvents: Infinity })).toMatchObject({ done: true, time: 20_000 });
  });

  it('a failure while a prepared run replays drops it', () => {
    const api = createEngineApi();
    api.load(builtin('client-mode'));
    api.prepare(builtin('cluster-mode'), 'url');
    vi.spyOn(Simulation.prototype, 'seek').mockImplementationOnce(() => {
      throw new Error('boom');
    });
    expect(api.seekTo(5000, { maxEvents: 100, slot: 'prepared' })).toMatchObject({ done: true, error: 'boom' });
    expect(api.commit()).toBeNull();
    expect(api.scenario()?.name).toBe(builtin('client-mode').name);
  });
});

describe('engine API: is it the built-in it claims to be?', () => {
  it('the built-in, and the built-in with actions of the user, are; another scenario is not', () => {
    const api = createEngineApi();
    const doc = builtin('cluster-mode');
    expect(api.prepare(doc, 'url', { builtin: doc })).toMatchObject({ ok: true, isBuiltin: true });

    api.load(doc);
    api.seekTo(3000, { maxEvents: Infinity });
    expect(api.apply({ type: 'kill-worker', target: 'w1' }).ok).toBe(true);
    const played = api.scenario();
    expect(api.prepare(played, 'url', { builtin: doc })).toMatchObject({ ok: true, isBuiltin: true });

    const other = { ...doc, description: 'Something else entirely: **not** the built-in.' };
    expect(api.prepare(other, 'url', { builtin: doc })).toMatchObject({ ok: true, isBuiltin: false });
    const fewer = { ...doc, actions: [] };
    expect(api.prepare(fewer, 'url', { builtin: doc })).toMatchObject({ ok: true, isBuiltin: false });
    expect(api.prepare(doc, 'url')).toMatchObject({ ok: true, isBuiltin: false });
  });
});

describe('engine API: a run that used up its work budget', () => {
  it('a seek ends where the budget ran out, and every frame after carries the sentence', () => {
    const fromScenario = Simulation.fromScenario.bind(Simulation);
    vi.spyOn(Simulation, 'fromScenario').mockImplementation((s, o) =>
      fromScenario(s, { ...o, budget: { events: 3000 } }),
    );
    const api = createEngineApi();
    api.load(builtin('client-mode'));
    const steps = sliced(api, 7 * 24 * 60 * 60 * 1000, 500);
    const last = steps.at(-1);
    expect(last?.done).toBe(true);
    expect(last?.time).toBeLessThan(7 * 24 * 60 * 60 * 1000);
    expect(last?.frame?.exhausted).toEqual(expect.any(String));
    expect(api.play(100, 1).exhausted).toBe(last?.frame?.exhausted);
    expect(api.frame().time).toBe(last?.time);
  });
});

describe('engine API: the panels at the instant of the last frame', () => {
  it('sends each view when asked and changed, leaves out what the page has, and matches the frame', async () => {
    const api = createEngineApi();
    expect(await api.panels({ master: true, selection: null })).toBeNull();
    api.load(builtin('worker-power-off'));
    const frame = api.advanceTo(1000);
    const first = await api.panels({ master: true, selection: { kind: 'worker', id: 'w1' } });
    expect(first?.time).toBe(frame.time);
    expect(first?.master?.time).toBe(frame.time);
    expect(first?.inspect?.selection).toEqual({ kind: 'worker', id: 'w1' });
    // Nothing ran since: with the stamps the page has, nothing is sent again.
    const have = first?.stamps;
    expect(await api.panels({ master: true, selection: { kind: 'worker', id: 'w1' }, have })).toEqual({
      time: frame.time,
      stamps: have,
    });
    // Not asked for: not sent, whatever the stamps.
    expect(await api.panels({ master: false, selection: null })).toEqual({ time: frame.time, stamps: have });
    // Time runs (heartbeats reach the Master): both views are new, at the new frame's instant.
    const later = api.advanceTo(30_000);
    const next = await api.panels({ master: true, selection: { kind: 'worker', id: 'w1' }, have });
    expect(next?.master?.time).toBe(later.time);
    expect(next?.inspect).toBeDefined();
    expect(next?.stamps.master).not.toBe(have?.master);
    // A new run never carries the stamps of the old one.
    const reset = api.reset();
    expect(reset?.time).toBe(0);
    expect((await api.panels({ master: true, selection: null, have: next?.stamps }))?.master?.time).toBe(0);
  });
});

describe('engine API: a worker added by the page', () => {
  it("is refused in Spark's words when Spark would refuse its memory (the palette may not have checked it)", () => {
    const api = createEngineApi();
    api.load(builtin('sandbox'));
    const r = api.apply({ type: 'add-worker', host: 'w9', cores: 4, memory: '8q' });
    expect(r.ok ? '' : r.error).toMatch(/^A Worker with SPARK_WORKER_MEMORY="8q" would not start: .*Invalid suffix/);
  });
});

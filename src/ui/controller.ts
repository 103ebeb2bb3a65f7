// Wall-clock pacing (DESIGN.md §4): the page owns one requestAnimationFrame loop and asks the
// worker to advance simulated time by (wall ms elapsed × speed). At most one request is in
// flight: while the engine is busy, wall time accumulates (capped) and goes into the next request,
// so a slow engine slows the simulated clock instead of queueing work behind it.
import type { ScenarioSource } from '../engine/worker';
import type { EngineClient } from './engine-client';
import type { PlaygroundStore } from './store';

/** Longest wall-time slice one request may cover: a backgrounded tab must not jump hours ahead. */
const MAX_WALL_STEP_MS = 250;

export interface Controller {
  load(scenarioId: string, scenario: unknown, source?: ScenarioSource): Promise<void>;
  reset(): Promise<void>;
  togglePlaying(): void;
  dispose(): void;
}

export interface Scheduler {
  request(cb: (now: number) => void): number;
  cancel(id: number): void;
}

const animationFrames: Scheduler = {
  request: (cb) => requestAnimationFrame(cb),
  cancel: (id) => cancelAnimationFrame(id),
};

export function createController(store: PlaygroundStore, client: EngineClient, scheduler: Scheduler = animationFrames): Controller {
  // Bumped whenever the run is replaced (load, reset), so answers to older requests are dropped.
  let generation = 0;
  let inFlight = false;
  let lastWall: number | null = null;
  // Fractional simulated ms carried between frames: at 1× a 16.7 ms frame is not an integer.
  let simClock = 0;
  let frameId = 0;
  let disposed = false;

  const fail = (err: unknown): void => {
    store.getState().failed(err instanceof Error ? err.message : String(err));
  };

  const tick = (now: number): void => {
    if (disposed) return;
    frameId = scheduler.request(tick);
    const s = store.getState();
    if (!s.playing || s.status !== 'ready') {
      lastWall = null;
      return;
    }
    if (inFlight) return;
    if (lastWall === null) {
      lastWall = now;
      simClock = s.time;
      return;
    }
    const wall = Math.min(Math.max(0, now - lastWall), MAX_WALL_STEP_MS);
    lastWall = now;
    simClock = Math.max(simClock, s.time) + wall * s.speed;
    const target = Math.floor(simClock);
    if (target <= s.time) return;
    const gen = generation;
    inFlight = true;
    client.advanceTo(target).then(
      (frame) => {
        inFlight = false;
        if (gen === generation) store.getState().applyFrame(frame);
      },
      (err: unknown) => {
        inFlight = false;
        if (gen === generation) fail(err);
      },
    );
  };
  frameId = scheduler.request(tick);

  // Replacing the run: later answers to in-flight requests belong to the old run.
  const restart = (): number => {
    generation += 1;
    lastWall = null;
    simClock = 0;
    return generation;
  };

  return {
    async load(scenarioId, scenario, source = 'builtin') {
      const gen = restart();
      store.getState().loading(scenarioId);
      try {
        const result = await client.load(scenario, source);
        if (gen !== generation) return;
        if (!result.ok) {
          store.getState().invalid(result.errors, result.warnings);
          return;
        }
        const frame = await client.advanceTo(0);
        if (gen !== generation) return;
        store.getState().loaded(result.name, result.description, result.warnings);
        store.getState().applyFrame(frame, { fresh: true });
      } catch (err) {
        if (gen === generation) fail(err);
      }
    },

    async reset() {
      const gen = restart();
      store.getState().setPlaying(false);
      try {
        const frame = await client.reset();
        if (gen === generation && frame) store.getState().applyFrame(frame, { fresh: true });
      } catch (err) {
        if (gen === generation) fail(err);
      }
    },

    togglePlaying() {
      const s = store.getState();
      s.setPlaying(!s.playing);
    },

    dispose() {
      disposed = true;
      scheduler.cancel(frameId);
      client.dispose();
    },
  };
}

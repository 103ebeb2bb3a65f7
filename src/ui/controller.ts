// Wall-clock pacing and every request to the engine (docs/architecture.md, "The engine's public
// face"). The page owns one requestAnimationFrame loop; each frame it hands the worker the wall
// time that passed and the speed, and the worker's pacer turns that into simulated time (slow
// while control messages fly, fast when quiet). At most one play request is in flight: while the
// engine is busy, wall time accumulates (capped) into the next request, so a slow engine slows
// the clock rather than queueing work. Frames go into the store (React) and the flight board
// (the canvas overlay).
import type { ActionInput } from '../engine/api';
import { ENGINE_VERSION, type EngineFrame, type ScenarioSource, type Selection } from '../engine/public';
import type { ApplyOutcome, Controller } from './controller-api';
import type { EngineClient } from './engine-client';
import { addFlights, advanceFlights, type FlightBoard, flightBoard } from './flights';
import { SESSION_FORMAT } from '../share/codec';
import type { ForkChoice, Session } from '../share/session-types';
import { formatSimTime } from './format';
import type { PlaygroundStore } from './store';

export type { Controller } from './controller-api';

/** Longest wall-time slice one request may cover: a backgrounded tab must not jump hours ahead. */
export const MAX_WALL_STEP_MS = 250;
/** How often (wall ms) the Inspector and the Master UI panel are refreshed while time runs. */
export const PANEL_REFRESH_MS = 250;

export interface Scheduler {
  request(cb: (now: number) => void): number;
  cancel(id: number): void;
  now(): number;
}

const animationFrames: Scheduler = {
  request: (cb) => requestAnimationFrame(cb),
  cancel: (id) => cancelAnimationFrame(id),
  now: () => performance.now(),
};

/** The benchmark's probe (bench/ui.ts installs it before the page loads): bytes of each frame. */
interface PerfProbe {
  frameBytes: number[];
  /** What the frames over 10 KiB were made of (for finding what makes them big). */
  bigFrames?: {
    bytes: number;
    time: number;
    nodes: number;
    messages: number;
    changes: number;
    logs: number;
    full: boolean;
  }[];
}

function perfProbe(): PerfProbe | undefined {
  return (globalThis as { __sspPerf?: PerfProbe }).__sspPerf;
}

export function createController(
  store: PlaygroundStore,
  client: EngineClient,
  scheduler: Scheduler = animationFrames,
  board: FlightBoard = flightBoard,
): Controller {
  // Bumped whenever the run is replaced or moved (load, reset, seek), so answers to older
  // requests are dropped.
  let generation = 0;
  let busy = false;
  let lastWall: number | null = null;
  let frameId = 0;
  let disposed = false;
  let masterPageVisible = false;
  let lastPanelRefresh = -Infinity;
  let panelTime = -1;
  // The fork question's answer, once the user gives it.
  let forkAnswer: ((choice: ForkChoice) => void) | null = null;
  // Seeks while one is running collapse into the latest target.
  let seeking = false;
  let nextSeek: number | null = null;

  const fail = (err: unknown): void => {
    store.getState().failed(err instanceof Error ? err.message : String(err));
  };

  const take = (frame: EngineFrame): void => {
    const probe = perfProbe();
    if (probe) {
      const bytes = JSON.stringify(frame).length;
      probe.frameBytes.push(bytes);
      if (bytes > 10 * 1024 && probe.bigFrames) {
        const { time, nodes, messages, changes, logs, full } = frame;
        probe.bigFrames.push({
          bytes,
          time,
          nodes: nodes.length,
          messages: messages.length,
          changes: changes.length,
          logs: logs.length,
          full,
        });
      }
    }
    const s = store.getState();
    s.applyFrame(frame);
    if (frame.pace) s.setRate(frame.pace.rate, frame.pace.reason);
    addFlights(board, frame.messages, frame.drops, frame.full);
    advanceFlights(board, frame.pace?.displayTime ?? frame.time);
  };

  /** Inspector and Master UI data: pulled, not pushed, and only while someone looks. */
  const refreshPanels = async (force = false): Promise<void> => {
    const s = store.getState();
    if (s.status !== 'ready') return;
    if (!force && s.time === panelTime) return;
    panelTime = s.time;
    const gen = generation;
    const [inspect, master] = await Promise.all([
      s.selection ? client.inspect(s.selection) : Promise.resolve(null),
      masterPageVisible ? client.masterPage() : Promise.resolve(null),
    ]);
    if (gen !== generation) return;
    const now = store.getState();
    if (now.selection && inspect && JSON.stringify(inspect.selection) === JSON.stringify(now.selection))
      now.setInspect(inspect);
    if (masterPageVisible && master) now.setMasterPage(master);
  };

  const maybeRefreshPanels = (now: number): void => {
    const s = store.getState();
    if (!s.selection && !masterPageVisible) return;
    if (now - lastPanelRefresh < PANEL_REFRESH_MS) return;
    lastPanelRefresh = now;
    refreshPanels().catch(fail);
  };

  const tick = (now: number): void => {
    if (disposed) return;
    frameId = scheduler.request(tick);
    maybeRefreshPanels(now);
    const s = store.getState();
    if (!s.playing || s.status !== 'ready') {
      lastWall = null;
      if (s.rateReason !== 'paused') s.setRate(0, 'paused');
      return;
    }
    if (busy || seeking) return;
    if (lastWall === null) {
      lastWall = now;
      return;
    }
    const wall = Math.min(Math.max(0, now - lastWall), MAX_WALL_STEP_MS);
    lastWall = now;
    if (wall <= 0) return;
    const gen = generation;
    busy = true;
    client.play(wall, s.speed).then(
      (frame) => {
        busy = false;
        if (gen === generation) take(frame);
      },
      (err: unknown) => {
        busy = false;
        if (gen === generation) fail(err);
      },
    );
  };
  frameId = scheduler.request(tick);

  /** The run is replaced or moved: answers to older requests belong to the old picture. */
  const bump = (): number => {
    generation += 1;
    lastWall = null;
    // A new picture: the panels must be read again even if the clock shows the same time.
    panelTime = -1;
    return generation;
  };

  const currentSession = async (): Promise<Session | null> => {
    const s = store.getState();
    if (s.status !== 'ready') return null;
    const scenario = await client.scenario();
    if (!scenario) return null;
    const view: NonNullable<Session['view']> = { speed: s.speed, tab: s.sideTab };
    if (s.selection) view.selection = s.selection;
    const session: Session = { format: SESSION_FORMAT, engine: ENGINE_VERSION, scenario, playhead: s.time, view };
    if (s.scenarioId) session.builtin = s.scenarioId;
    return session;
  };

  const runSeek = async (target: number): Promise<void> => {
    seeking = true;
    try {
      let next: number | null = target;
      while (next !== null) {
        nextSeek = null;
        const gen = bump();
        const frame = await client.seek(next);
        if (gen === generation) take(frame);
        next = nextSeek;
      }
      await refreshPanels(true);
    } finally {
      seeking = false;
    }
  };

  return {
    async load(scenarioId, scenario, source: ScenarioSource = 'builtin') {
      const gen = bump();
      store.getState().loading(scenarioId);
      try {
        const result = await client.load(scenario, source);
        if (gen !== generation) return;
        if (!result.ok) {
          store.getState().invalid(result.errors, result.warnings);
          return;
        }
        const frame = await client.seek(0);
        if (gen !== generation) return;
        store.getState().loaded(result.name, result.description, result.warnings, result.latencyMs, result.conf);
        take(frame);
      } catch (err) {
        if (gen === generation) fail(err);
      }
    },

    async reset() {
      const gen = bump();
      store.getState().setPlaying(false);
      try {
        const frame = await client.reset();
        if (gen === generation && frame) {
          take(frame);
          store.getState().forked();
        }
      } catch (err) {
        if (gen === generation) fail(err);
      }
    },

    togglePlaying() {
      const s = store.getState();
      s.setPlaying(!s.playing);
    },

    async step() {
      const s = store.getState();
      if (s.status !== 'ready') return;
      s.setPlaying(false);
      // Not a new generation: a play answer still on its way carries changes this frame builds on
      // (the worker answers in order), so it must be taken, not dropped.
      const gen = generation;
      try {
        const frame = await client.step();
        if (gen === generation) take(frame);
        await refreshPanels(true);
      } catch (err) {
        if (gen === generation) fail(err);
      }
    },

    async seek(simMs) {
      if (store.getState().status !== 'ready' || !Number.isFinite(simMs)) return;
      const target = Math.max(0, Math.floor(simMs));
      if (seeking) {
        nextSeek = target;
        return;
      }
      try {
        await runSeek(target);
      } catch (err) {
        fail(err);
      }
    },

    async apply(action: ActionInput): Promise<ApplyOutcome> {
      const s = store.getState();
      if (s.status !== 'ready') return { ok: false, error: 'No scenario is running.' };
      // Behind the horizon, an action rewrites what happens next: ask first (discard the old
      // future, or keep it as a branch to come back to).
      let dropFuture = false;
      if (s.time < s.horizon) {
        s.setPlaying(false);
        const label = describeAction(action);
        const choice = await new Promise<ForkChoice>((resolve) => {
          forkAnswer?.('cancel');
          forkAnswer = resolve;
          s.setForkPrompt({ action: label, at: s.time, horizon: s.horizon });
        });
        store.getState().setForkPrompt(null);
        if (choice === 'cancel') return { ok: false, error: `Nothing was applied: ${label} was cancelled.` };
        if (choice === 'branch') {
          const kept = await currentSession();
          if (kept) {
            kept.playhead = s.horizon;
            store
              .getState()
              .addBranch(`until ${formatSimTime(s.horizon)} (before ${label} at ${formatSimTime(s.time)})`, kept);
          }
        }
        dropFuture = true;
      }
      // As for step: answers still on their way are taken, in order, before this one.
      const gen = generation;
      try {
        const result = await client.apply(action, { dropFuture });
        if (!result.ok) return result;
        const past = s.time < s.horizon;
        if (gen === generation) take(result.frame);
        if (past) store.getState().forked();
        await refreshPanels(true);
        return { ok: true };
      } catch (err) {
        return { ok: false, error: err instanceof Error ? err.message : String(err) };
      }
    },

    session: () => currentSession(),

    async openSession(session, scenarioId = session.builtin ?? '') {
      await this.load(scenarioId, session.scenario, 'url');
      const s = store.getState();
      if (s.status !== 'ready') return false;
      if (session.view?.speed) s.setSpeed(session.view.speed);
      if (session.view?.tab) s.setSideTab(session.view.tab);
      if (session.playhead > 0) await runSeek(session.playhead);
      if (session.view?.selection) this.select(session.view.selection);
      return true;
    },

    resolveFork(choice) {
      const answer = forkAnswer;
      forkAnswer = null;
      answer?.(choice);
    },

    select(selection: Selection | null) {
      store.getState().select(selection);
      if (selection) refreshPanels(true).catch(fail);
    },

    watchMasterPage(visible) {
      masterPageVisible = visible;
      if (visible) refreshPanels(true).catch(fail);
      else store.getState().setMasterPage(null);
    },

    dispose() {
      disposed = true;
      scheduler.cancel(frameId);
      client.dispose();
    },
  };
}

/** "kill-worker w1", "submit" — how the fork question names the action. */
function describeAction(a: ActionInput): string {
  const target = 'target' in a && typeof a.target === 'string' ? ` ${a.target}` : '';
  const host = 'host' in a && typeof a.host === 'string' ? ` ${a.host}` : '';
  const between = 'between' in a && Array.isArray(a.between) ? ` ${a.between.join(' ⇹ ')}` : '';
  return `${a.type}${target}${host}${between}`;
}

// Wall-clock pacing and every request to the engine (docs/architecture.md, "The engine's public
// face"). The page owns one requestAnimationFrame loop; each frame it hands the worker the wall
// time that passed and the speed, and the worker's pacer turns that into simulated time (slow
// while control messages fly, fast when quiet). At most one play request is in flight: while the
// engine is busy, wall time accumulates (capped) into the next request, so a slow engine slows
// the clock rather than queueing work. Frames go into the store (React) and the flight board
// (the canvas overlay).
//
// Replays (a seek, a session's playhead) run in slices of engine work (SLICE_TARGET_MS each), so
// the worker answers between them: a newer seek retargets the replay, a load interrupts it, Cancel
// stops it where it got to, and after PROGRESS_AFTER_MS the store shows how far it is. A scenario
// from a file or a link replaces the one on screen only once the engine has started it (and, for a
// session, replayed it): until then, and whenever that fails, the page stays as it was.
import type { ActionInput, PanelsRequest, PanelsView, RunSlot } from '../engine/api';
import { ENGINE_VERSION, type EngineFrame, type ScenarioSource, type Selection } from '../engine/public';
import { builtinCatalogue, loadBuiltin } from '../scenarios/catalogue';
import type { ApplyOutcome, Controller, LoadOutcome, OpenOutcome } from './controller-api';
import type { EngineClient } from './engine-client';
import { addFlights, advanceFlights, type FlightBoard, flightBoard } from './flights';
import { SESSION_FORMAT } from '../share/codec';
import { problemsSentence } from '../interop/problems';
import type { ForkChoice, Session } from '../share/session-types';
import { formatSimTime } from './format';
import type { PlaygroundStore } from './store';

export type { Controller } from './controller-api';

/** Longest wall-time slice one request may cover: a backgrounded tab must not jump hours ahead. */
export const MAX_WALL_STEP_MS = 250;
/**
 * How often (wall ms) a large cluster's Master UI panel is read while time runs. A small one is read
 * with every frame that changed it; 500 workers' /json costs the engine about 10 ms to write, too
 * much for every animation frame, and a table of 500 rows cannot be read at 60 frames a second.
 */
export const PANEL_REFRESH_MS = 250;
/** Workers above which the Master UI panel counts as large (see PANEL_REFRESH_MS). */
export const LARGE_MASTER_PAGE_WORKERS = 64;
/** A replay shows its progress (and a Cancel button) once it has taken this long. */
export const PROGRESS_AFTER_MS = 500;
/** Wall time one slice of a replay aims at: short, so Cancel or another seek is answered at once. */
export const SLICE_TARGET_MS = 40;
/** Events in the first slice; later slices are sized from how long the earlier ones took. */
export const FIRST_SLICE_EVENTS = 2_000;
const MIN_SLICE_EVENTS = 100;
const MAX_SLICE_EVENTS = 1_000_000;

const SUPERSEDED = 'Another scenario was opened before this one had finished opening.';
function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A replay under way: the target may move (a newer seek), `cancelled` stops it after its slice. */
interface Replay {
  gen: number;
  target: number;
  cancelled: boolean;
  slot: RunSlot;
  label: string;
}

type ReplayEnd =
  { kind: 'done'; frame: EngineFrame | null; error?: string } | { kind: 'cancelled' } | { kind: 'superseded' };

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
  // Bumped by each pick of a built-in: a document that arrives after a later pick is dropped.
  let builtinPick = 0;
  let busy = false;
  let lastWall: number | null = null;
  let frameId = 0;
  let disposed = false;
  let masterPageVisible = false;
  // What the store holds of the panels, by the engine's stamps (PanelStamps): -1 for nothing.
  let haveMaster = -1;
  let haveWorld = -1;
  let inspectFor = '';
  // Wall time a large cluster's Master page was last asked for.
  let lastMasterPull = -Infinity;
  let lastGuaranteesPull = -Infinity;
  // The fork question's answer, once the user gives it.
  let forkAnswer: ((choice: ForkChoice) => void) | null = null;
  // The replay under way (a seek or a session's playhead); seeks while it runs retarget it.
  let replay: Replay | null = null;
  // Loads, session openings and resets on their way: the run is being replaced, so nothing else
  // may ask the engine to move it until they are done.
  let replacing = 0;
  // Events per replay slice, learned from how long slices took (the engine has no clock of its own).
  let sliceEvents = FIRST_SLICE_EVENTS;

  const fail = (err: unknown): void => {
    store.getState().failed(messageOf(err));
  };

  const busyWithRun = (): boolean => replay !== null || replacing > 0;

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
    // A run that used up its work budget has stopped for good: playing stops, the sentence shows.
    s.setExhausted(frame.exhausted ?? null);
    if (frame.pace) s.setRate(frame.pace.rate, frame.pace.reason, frame.pace.detail);
    addFlights(board, frame.messages, frame.drops, frame.full);
    advanceFlights(board, frame.pace?.displayTime ?? frame.time);
  };

  const selectionKey = (sel: Selection | null): string => (sel ? `${sel.kind}|${sel.id}` : '');

  /**
   * What to ask of the panels, or null for nothing: the Master page while it is on screen (a large
   * one at most every PANEL_REFRESH_MS unless `force`), the selected thing's Inspector view. The
   * engine leaves out a view whose stamp the page already has.
   */
  const panelsRequest = (force: boolean, now = scheduler.now(), throttle = !force): PanelsRequest | null => {
    const s = store.getState();
    if (s.status !== 'ready') return null;
    const large = (s.masterPage?.master?.workers.length ?? 0) > LARGE_MASTER_PAGE_WORKERS;
    const master = masterPageVisible && (!throttle || !large || now - lastMasterPull >= PANEL_REFRESH_MS);
    // The guarantee badges, at most every PANEL_REFRESH_MS of wall time (a liveness one counts
    // the seconds a worker has been silent, so it changes as time runs, not only with the state).
    const guarantees = !throttle || now - lastGuaranteesPull >= PANEL_REFRESH_MS;
    if (!master && !s.selection && !guarantees) return null;
    if (master) lastMasterPull = now;
    if (guarantees) lastGuaranteesPull = now;
    const sameThing = selectionKey(s.selection) === inspectFor;
    return {
      master,
      guarantees,
      selection: s.selection,
      have: force ? { master: -1, world: -1 } : { master: haveMaster, world: sameThing ? haveWorld : -1 },
    };
  };

  /** The request that moves the run and, right behind it, the panels: the engine answers both at one instant. */
  const withPanels = <T>(request: Promise<T>, panels: PanelsRequest | null): Promise<[T, PanelsView | null]> =>
    Promise.all([request, panels ? client.panels(panels) : Promise.resolve(null)]);

  /** Puts the panels' views into the store, in the same task as their frame (one render for both). */
  const takePanels = (view: PanelsView | null, asked: PanelsRequest | null): void => {
    if (!view || !asked) return;
    const s = store.getState();
    if (view.master !== undefined && masterPageVisible) {
      s.setMasterPage(view.master);
      haveMaster = view.stamps.master;
    } else if (asked.master && masterPageVisible && s.masterPage && s.masterPage.time !== view.time) {
      // Unchanged since it was read: the same page, now of this instant too ("As of").
      s.setMasterPage({ ...s.masterPage, time: view.time });
    }
    if (view.guarantees !== undefined) s.setGuarantees(view.guarantees);
    if (view.inspect !== undefined) {
      // Only for the thing still selected (the user may have picked another meanwhile).
      if (selectionKey(asked.selection) !== selectionKey(s.selection)) return;
      inspectFor = selectionKey(asked.selection);
      haveWorld = view.stamps.world;
      if (view.inspect) s.setInspect(view.inspect);
    }
  };

  /** The panels alone (a selection, the Master page shown, a pause), at the playhead as it is. */
  const refreshPanels = async (force = false): Promise<void> => {
    const asked = panelsRequest(force);
    if (!asked) return;
    const gen = generation;
    const view = await client.panels(asked);
    if (gen === generation) takePanels(view, asked);
  };

  const tick = (now: number): void => {
    if (disposed) return;
    frameId = scheduler.request(tick);
    const s = store.getState();
    if (!s.playing || s.status !== 'ready') {
      // Just paused: a large cluster's Master page may be a few frames behind; read it once more.
      if (lastWall !== null && !busy && !busyWithRun()) refreshPanels().catch(fail);
      lastWall = null;
      if (s.rateReason !== 'paused') s.setRate(0, 'paused');
      return;
    }
    if (busy || busyWithRun()) return;
    if (lastWall === null) {
      lastWall = now;
      return;
    }
    const wall = Math.min(Math.max(0, now - lastWall), MAX_WALL_STEP_MS);
    lastWall = now;
    if (wall <= 0) return;
    const gen = generation;
    busy = true;
    const asked = panelsRequest(false, now);
    withPanels(client.play(wall, s.speed), asked).then(
      ([frame, panels]) => {
        busy = false;
        if (gen !== generation) return;
        take(frame);
        takePanels(panels, asked);
      },
      (err: unknown) => {
        busy = false;
        if (gen === generation) fail(err);
      },
    );
  };
  frameId = scheduler.request(tick);

  /**
   * The built-in a session names, for the engine to check the claim. When its document cannot be
   * fetched (offline) the session still opens, as a scenario of its own, and a notice says why
   * its explanation is missing.
   */
  const claimedBuiltin = async (id: string) => {
    try {
      return await loadBuiltin(id);
    } catch (err) {
      store
        .getState()
        .notify(
          'info',
          `The built-in scenario “${id}” could not be loaded (${messageOf(err)}): the session opens without its explanation.`,
        );
      return undefined;
    }
  };

  /** The run is replaced or moved: answers to older requests belong to the old picture. */
  const bump = (): number => {
    generation += 1;
    lastWall = null;
    // A new picture: the panels must be read again whatever their stamps.
    haveMaster = haveWorld = -1;
    inspectFor = '';
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

  /**
   * Runs `r` slice by slice until it reaches its (latest) target, is cancelled, or a newer load or
   * seek takes over (generation). Shows progress once it has taken PROGRESS_AFTER_MS; the caller
   * clears it (endReplay).
   */
  const replayTo = async (r: Replay): Promise<ReplayEnd> => {
    // Taking over from a replay whose progress is on screen: keep showing it, without a new wait.
    const started = store.getState().progress ? -Infinity : scheduler.now();
    for (;;) {
      const target = r.target;
      const sliceStart = scheduler.now();
      const p = await client.seekTo(target, { maxEvents: sliceEvents, slot: r.slot });
      const took = scheduler.now() - sliceStart;
      // Aim the next slice at SLICE_TARGET_MS, changing by at most 4× at a time.
      const scale = took > 0 ? Math.min(4, Math.max(0.25, SLICE_TARGET_MS / took)) : 4;
      sliceEvents = Math.round(Math.min(MAX_SLICE_EVENTS, Math.max(MIN_SLICE_EVENTS, sliceEvents * scale)));
      if (r.gen !== generation) return { kind: 'superseded' };
      if (p.error !== undefined) return { kind: 'done', frame: p.frame, error: p.error };
      if (p.done && r.target === target) return { kind: 'done', frame: p.frame };
      if (r.cancelled) return { kind: 'cancelled' };
      if (scheduler.now() - started >= PROGRESS_AFTER_MS)
        store.getState().setProgress({ label: r.label, reached: p.time, target: r.target });
    }
  };

  const endReplay = (r: Replay): void => {
    if (replay !== r) return;
    replay = null;
    store.getState().setProgress(null);
  };

  /** Moves the playhead of the run on screen; errors on the way are shown, the run stays usable. */
  const runSeek = async (target: number): Promise<void> => {
    const r: Replay = { gen: bump(), target, cancelled: false, slot: 'running', label: 'Moving the playhead' };
    replay = r;
    try {
      const end = await replayTo(r);
      if (end.kind === 'superseded') return;
      const frame = end.kind === 'cancelled' ? await client.frame() : end.frame;
      if (r.gen !== generation) return;
      // Still mid-replay for the play loop (nothing else moves the run): the panels are read at
      // the frame's instant, and both go on screen together.
      const asked = panelsRequest(true);
      const panels = asked ? await client.panels(asked) : null;
      if (r.gen !== generation) return;
      if (frame) take(frame);
      takePanels(panels, asked);
      if (end.kind === 'done' && end.error !== undefined)
        store
          .getState()
          .notify(
            'error',
            `The replay to ${formatSimTime(r.target)} stopped: ${end.error} The playhead is back at ${formatSimTime(store.getState().time)}.`,
          );
    } catch (err) {
      if (r.gen === generation) store.getState().notify('error', `The replay stopped: ${messageOf(err)}`);
    } finally {
      endReplay(r);
    }
  };

  return {
    async load(scenarioId, scenario, source: ScenarioSource = 'builtin'): Promise<LoadOutcome> {
      const gen = bump();
      replacing++;
      // A built-in is ours and should always start, so the page shows it is loading. A file or a
      // link is someone else's: the page keeps what it shows until the engine has started it.
      const ownScenario = source === 'builtin';
      if (ownScenario) store.getState().loading(scenarioId);
      try {
        const result = await client.load(scenario, source);
        if (gen !== generation) return { ok: false, errors: [{ path: '', message: SUPERSEDED }] };
        if (!result.ok) {
          if (ownScenario) store.getState().invalid(result.errors, result.warnings);
          return { ok: false, errors: result.errors };
        }
        // Nothing is selected in a new run; the Master page is read with its first frame.
        const asked: PanelsRequest | null = masterPageVisible ? { master: true, selection: null } : null;
        const [frame, panels] = await withPanels(client.frame(), asked);
        if (gen !== generation) return { ok: false, errors: [{ path: '', message: SUPERSEDED }] };
        const s = store.getState();
        if (!ownScenario) s.loading(scenarioId);
        s.loaded(result.name, result.description, result.warnings, result.latencyMs, result.conf);
        take(frame);
        takePanels(panels, asked);
        return { ok: true };
      } catch (err) {
        // A document the page cannot even hand to the worker (too deep to clone) lands here too.
        if (gen === generation && ownScenario) fail(err);
        return { ok: false, errors: [{ path: '', message: messageOf(err) }] };
      } finally {
        replacing--;
      }
    },

    async loadBuiltin(id) {
      const ticket = ++builtinPick;
      const title = builtinCatalogue.find((b) => b.id === id)?.title ?? id;
      let builtin;
      try {
        builtin = await loadBuiltin(id);
      } catch (err) {
        if (ticket === builtinPick)
          store
            .getState()
            .notify(
              'error',
              `The scenario “${title}” could not be loaded (${messageOf(err)}). Check the connection and pick it again.`,
            );
        return { ok: false, errors: [{ path: '', message: messageOf(err) }] };
      }
      // A later pick wins over one whose document was still on its way.
      if (ticket !== builtinPick) return { ok: false, errors: [{ path: '', message: SUPERSEDED }] };
      if (!builtin) return { ok: false, errors: [{ path: '', message: `There is no built-in scenario “${id}”.` }] };
      return this.load(builtin.id, builtin.scenario);
    },

    async reset() {
      const gen = bump();
      replacing++;
      store.getState().setPlaying(false);
      try {
        const frame = await client.reset();
        if (gen === generation && frame) {
          take(frame);
          store.getState().forked();
          await refreshPanels(true);
        }
      } catch (err) {
        if (gen === generation) store.getState().notify('error', `The run could not be restarted: ${messageOf(err)}`);
      } finally {
        replacing--;
      }
    },

    togglePlaying() {
      const s = store.getState();
      s.setPlaying(!s.playing);
    },

    async step() {
      const s = store.getState();
      if (s.status !== 'ready' || busyWithRun()) return;
      s.setPlaying(false);
      // Not a new generation: a play answer still on its way carries changes this frame builds on
      // (the worker answers in order), so it must be taken, not dropped.
      const gen = generation;
      try {
        // One event: the panels follow it at once, whatever the cluster's size.
        const asked = panelsRequest(false, scheduler.now(), false);
        const [frame, panels] = await withPanels(client.step(), asked);
        if (gen === generation) {
          take(frame);
          takePanels(panels, asked);
        }
      } catch (err) {
        if (gen === generation) fail(err);
      }
    },

    async seek(simMs) {
      if (store.getState().status !== 'ready' || !Number.isFinite(simMs)) return;
      const target = Math.max(0, Math.floor(simMs));
      if (replay) {
        // A seek while one runs moves its target; while a session opens, the run on screen is
        // about to be replaced, so there is nothing to seek.
        if (replay.slot === 'running') replay.target = target;
        return;
      }
      if (replacing > 0) return;
      await runSeek(target);
    },

    cancel() {
      if (replay) replay.cancelled = true;
    },

    async apply(action: ActionInput): Promise<ApplyOutcome> {
      const s = store.getState();
      if (s.status !== 'ready') return { ok: false, error: 'No scenario is running.' };
      if (busyWithRun()) return { ok: false, error: 'Nothing was applied: the playhead is still moving.' };
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
        const asked = panelsRequest(false, scheduler.now(), false);
        const [result, panels] = await withPanels(client.apply(action, { dropFuture }), asked);
        if (!result.ok) return result;
        const past = s.time < s.horizon;
        if (gen === generation) {
          take(result.frame);
          takePanels(panels, asked);
        }
        if (past) store.getState().forked();
        return { ok: true };
      } catch (err) {
        return { ok: false, error: err instanceof Error ? err.message : String(err) };
      }
    },

    session: () => currentSession(),

    async openSession(session, scenarioId = session.builtin ?? ''): Promise<OpenOutcome> {
      // The session is made ready beside the run on screen (prepare, replay, commit): until it is,
      // the page shows what it showed, and if it cannot be opened it goes on showing that.
      const r: Replay = {
        gen: bump(),
        target: Math.max(0, Math.floor(session.playhead)),
        cancelled: false,
        slot: 'prepared',
        label: 'Opening the session',
      };
      replay = r;
      try {
        // A session may claim any built-in: its explanation is shown only if the scenario is that one.
        const claimed = scenarioId ? await claimedBuiltin(scenarioId) : undefined;
        if (r.gen !== generation) return { ok: false, error: SUPERSEDED, superseded: true };
        const result = await client.prepare(session.scenario, 'url', claimed ? { builtin: claimed.scenario } : {});
        if (r.gen !== generation) return { ok: false, error: SUPERSEDED, superseded: true };
        if (!result.ok) return { ok: false, error: problemsSentence(result.errors) };
        if (r.target > 0) {
          const end = await replayTo(r);
          if (end.kind === 'superseded') return { ok: false, error: SUPERSEDED, superseded: true };
          if (end.kind === 'done' && end.error !== undefined)
            return {
              ok: false,
              error: `its replay to ${formatSimTime(r.target)} failed: ${end.error}`,
            };
        }
        const frame = await client.commit();
        if (r.gen !== generation || !frame) return { ok: false, error: SUPERSEDED, superseded: true };
        const s = store.getState();
        s.loading(result.isBuiltin ? scenarioId : '');
        s.loaded(result.name, result.description, result.warnings, result.latencyMs, result.conf);
        take(frame);
        refreshPanels(true).catch(fail);
        if (session.view?.speed) s.setSpeed(session.view.speed);
        if (session.view?.tab) s.setSideTab(session.view.tab);
        endReplay(r);
        if (session.view?.selection) this.select(session.view.selection, { reveal: false });
        return { ok: true };
      } catch (err) {
        if (r.gen === generation) client.discard().catch(() => undefined);
        return { ok: false, error: `${messageOf(err)}` };
      } finally {
        endReplay(r);
      }
    },

    resolveFork(choice) {
      const answer = forkAnswer;
      forkAnswer = null;
      answer?.(choice);
    },

    select(selection: Selection | null, { reveal = true } = {}) {
      const s = store.getState();
      s.select(selection);
      if (selection && reveal) s.revealInspector();
      if (selection) refreshPanels(true).catch(fail);
    },

    history(query) {
      return client.history(query);
    },

    watchMasterPage(visible) {
      masterPageVisible = visible;
      if (visible) refreshPanels(true).catch(fail);
      else {
        store.getState().setMasterPage(null);
        haveMaster = -1;
      }
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

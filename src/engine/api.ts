// The engine's API (docs/architecture.md, "The engine's public face"): what the page may ask of one
// running Simulation. createEngineApi() keeps its state in a closure and touches no worker scope,
// so the same object runs behind comlink in the Web Worker (worker.ts) and in-thread in tests.
// It never reads the wall clock or ambient randomness: every frame is a pure function of
// (scenario, the calls made so far).
import { restoreScenario } from './scenario/restore';
import type { Scenario, ScenarioIssue, ScenarioSource } from './scenario/types';
import { type ActionInput, Simulation } from './simulation';
import { Pacer } from './pacing';
import { FrameBuilder } from './views/frame-builder';
import type { EngineFrame, GuaranteeBadgeView, InspectView, Selection } from './views/frame-types';
import type { HistoryPage, HistoryQuery } from './views/history';
import type { MasterStateJson, SimAppJson, SimDriverJson } from './views/json-types';
export type { ActionInput };

// The page imports these shapes (types only) from here or from public.ts.
export type { MasterStateJson, SimAppJson, SimDriverJson, ScenarioSource };

/** A problem with a scenario: where (`actions[2].target`, '' for the whole document) and what. */
export type ScenarioError = ScenarioIssue;

// Warnings (unknown fields and the like) are not fatal (docs/scenario-format.md) but are worth showing.
export type LoadResult =
  | {
      ok: true;
      name: string;
      description: string;
      warnings: ScenarioError[];
      latencyMs: number;
      conf: Record<string, string>;
      /** Whether the scenario is the built-in given as `builtin` (plus actions of its own): see load(). */
      isBuiltin: boolean;
    }
  | { ok: false; errors: ScenarioError[]; warnings: ScenarioError[] };

export interface LoadOptions {
  /** A built-in's document the scenario claims to be (a session's `builtin`): compared, never trusted. */
  builtin?: unknown;
}

/**
 * One slice of a seek. `done`: the playhead is at the target and `frame` is the full frame there.
 * Otherwise `time` is how far the replay got; asking again for the same target continues from there.
 * `error`: the engine failed on the way; the run was put back where it was before the seek.
 */
export interface SeekProgress {
  done: boolean;
  time: number;
  target: number;
  frame: EngineFrame | null;
  error?: string;
}

/** Which run a seek moves: the one on screen, or the one prepare() is getting ready. */
export type RunSlot = 'running' | 'prepared';

export type { EngineFrame, InspectView, Selection } from './views/frame-types';
export type { HistoryEntry, HistoryKind, HistoryPage, HistoryQuery } from './views/history';

/** What applying a user action came to: the frame after it, or why it was refused. */
export type ApplyResult = { ok: true; frame: EngineFrame } | { ok: false; error: string };

/** The Master UI panel's data: the active Master's /json and the simulator's app/driver summary. */
export interface MasterPageView {
  master: MasterStateJson | null;
  apps: SimAppJson[];
  drivers: SimDriverJson[];
  time: number;
}

/**
 * What the page has of the panels: a stamp per view, changed by the engine whenever what the view
 * is made of may have changed (the Master handled an event, an action ran, a seek or a load).
 */
export interface PanelStamps {
  master: number;
  world: number;
}

/**
 * The side panels' data, asked for right after a request that moved the run (play, step, apply,
 * seek): the engine answers in order, so they describe the very instant of that frame.
 */
export interface PanelsRequest {
  /** The Master UI panel is on screen. */
  master: boolean;
  /** What the Inspector shows, if anything. */
  selection: Selection | null;
  /** The badge row of Spark's guarantees is on screen (views/guarantees-view.ts). */
  guarantees?: boolean;
  /** The stamps of what the page has: a view whose stamp is the same is not sent again. */
  have?: PanelStamps;
}

/** `master` and `inspect` are present only when asked for and changed since `have`. */
export interface PanelsView {
  time: number;
  stamps: PanelStamps;
  master?: MasterPageView;
  inspect?: InspectView | null;
  /** When asked for: every guarantee as of `time` (small, so always sent whole). */
  guarantees?: GuaranteeBadgeView[];
}

export interface EngineApi {
  /**
   * Checks the scenario and starts it (the events of instant 0 run) in a slot of its own; only when
   * both succeed does it replace the running one. On failure the running run is untouched.
   * `source` only changes how a problem with the whole document is worded.
   */
  load(scenarioInput: unknown, source?: ScenarioSource, opts?: LoadOptions): LoadResult;
  /** As load, but the new run waits beside the running one (seekTo it, then commit or discard). */
  prepare(scenarioInput: unknown, source?: ScenarioSource, opts?: LoadOptions): LoadResult;
  /** The prepared run replaces the running one: its full frame (null when nothing is prepared). */
  commit(): EngineFrame | null;
  /** Forgets the prepared run. */
  discard(): void;
  /** Runs to `simMs` and returns what changed (never backwards: see seekTo). */
  advanceTo(simMs: number): EngineFrame;
  /** Spends `wallMs` of wall time at `speed` with adaptive pacing (pacing.ts); the page's play loop. */
  play(wallMs: number, speed: number): EngineFrame;
  /** Runs exactly the next event (or due action). */
  step(): EngineFrame;
  /**
   * Moves the playhead toward `simMs` (checkpoints + replay), running at most `maxEvents` events:
   * the engine has no clock, so the page slices a long seek by work and can stop between slices.
   */
  seekTo(simMs: number, opts: { maxEvents: number; slot?: RunSlot }): SeekProgress;
  /** The full frame at the playhead (after a seek that was stopped between slices). */
  frame(): EngineFrame;
  /** Applies a user action now and records it; `dropFuture` forgets the actions after now. */
  apply(action: ActionInput, opts?: { dropFuture?: boolean }): ApplyResult;
  reset(): EngineFrame | null;
  /**
   * The panels' views at the playhead, each only if asked for and changed since `have` (null: nothing
   * loaded). A promise: the Inspector's view (views/inspect.ts) is loaded the first time one is asked for.
   */
  panels(request: PanelsRequest): Promise<PanelsView | null>;
  /**
   * The event log over the whole recorded run (up to the furthest point reached, after the playhead
   * too): the newest entries that pass the query (views/history.ts, loaded the first time). Null
   * when nothing is loaded.
   */
  history(query: HistoryQuery): Promise<HistoryPage | null>;
  /** The scenario as it stands, with every recorded action (for sharing and export). */
  scenario(): Scenario | null;
}

/** An action is checked as a one-action scenario would be, against the run's current cluster. */
function checkAction(s: Simulation, action: ActionInput): string | null {
  const doc = { ...s.scenario, actions: [...s.scenario.actions, { ...action, at: s.time }] };
  const restored = restoreScenario(doc, { source: 'builtin' });
  if (restored.ok) return null;
  const index = doc.actions.length - 1;
  const mine = restored.errors.filter((e) => e.path.startsWith(`actions[${index}]`));
  const first = mine[0] ?? restored.errors[0];
  return first ? first.message : 'The action is not valid.';
}

/** JSON with sorted keys: two restored scenarios compare equal whatever order their fields came in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/**
 * Whether `s` is the built-in `doc`, perhaps with actions the user added: everything but the actions
 * equal, and every one of the built-in's actions still there. A link may claim any built-in; only
 * then does the page show that built-in's explanation beside it.
 */
function isBuiltinScenario(s: Scenario, doc: unknown): boolean {
  const restored = restoreScenario(doc, { source: 'builtin' });
  if (!restored.ok) return false;
  const b = restored.scenario;
  if (canonical({ ...s, actions: [] }) !== canonical({ ...b, actions: [] })) return false;
  const left = new Map<string, number>();
  for (const a of s.actions) left.set(canonical(a), (left.get(canonical(a)) ?? 0) + 1);
  for (const a of b.actions) {
    const n = left.get(canonical(a)) ?? 0;
    if (n === 0) return false;
    left.set(canonical(a), n - 1);
  }
  return true;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** One run of a scenario and what the page reads of it. */
interface Run {
  scenario: Scenario;
  sim: Simulation;
  frames: FrameBuilder;
  pacer: Pacer;
  /** The panels' stamps (see PanelStamps), and what they were last computed from. */
  stamps: PanelStamps;
  seen: { actions: number; changes: number };
}

/** Stamps are unique across runs, so a page holding a replaced run's stamp never matches the new one. */
let stampSeq = 0;

/**
 * Before a frame is built (which clears the kernel's `touched` hosts): new stamps for the views
 * that may have changed. The Master's page changes only when a Master handled an event or an
 * action ran; the Inspector's thing may change with any event.
 */
function notePanels(r: Run, full: boolean): void {
  const k = r.sim.cluster.k;
  const touched = k.touched;
  const actions = r.sim.actionsApplied;
  const changes = r.sim.cluster.world.changes.length;
  const acted = full || actions !== r.seen.actions;
  if (acted || changes !== r.seen.changes || (touched !== null && touched.size > 0)) r.stamps.world = ++stampSeq;
  if (acted || (touched !== null && r.sim.cluster.world.topology.masters.some((m) => touched.has(m.host))))
    r.stamps.master = ++stampSeq;
  r.seen = { actions, changes };
}

function nextFrame(r: Run): EngineFrame {
  notePanels(r, false);
  return r.frames.next();
}

function fullFrame(r: Run): EngineFrame {
  notePanels(r, true);
  return r.frames.full();
}

function masterPageOf(sim: Simulation): MasterPageView {
  const out = sim.output({ trace: false, log: false });
  return { master: out.master, apps: out.apps, drivers: out.drivers, time: sim.time };
}

/** `frame`, with the sentence of a run that used up its work budget (the page stops playing on it). */
function out(r: Run, frame: EngineFrame): EngineFrame {
  const exhausted = r.sim.exhausted;
  return exhausted === null ? frame : { ...frame, exhausted };
}

/** A fresh run of `s` (a copy: recorded actions go into the run's own document), instant 0 run. */
function startRun(s: Scenario): Run {
  // record: the page shows the log and the messages, so the simulation must keep them.
  const sim = Simulation.fromScenario(structuredClone(s), { record: true, checkpoints: true });
  // Instant 0 runs here, not at the page's first seek, so a scenario the engine cannot start is
  // refused before it replaces anything.
  sim.advanceTo(0);
  return {
    scenario: s,
    sim,
    frames: new FrameBuilder(sim),
    pacer: new Pacer(sim),
    stamps: { master: ++stampSeq, world: ++stampSeq },
    seen: { actions: sim.actionsApplied, changes: sim.cluster.world.changes.length },
  };
}

type Built = { ok: true; run: Run; result: LoadResult } | { ok: false; result: LoadResult };

/** Checks and starts a scenario without touching any run the page has. */
function build(scenarioInput: unknown, source: ScenarioSource | undefined, opts: LoadOptions): Built {
  let restored: ReturnType<typeof restoreScenario>;
  try {
    restored = restoreScenario(scenarioInput, source ? { source } : {});
  } catch (err) {
    return { ok: false, result: { ok: false, errors: [{ path: '', message: messageOf(err) }], warnings: [] } };
  }
  if (!restored.ok) return { ok: false, result: { ok: false, errors: restored.errors, warnings: restored.warnings } };
  const loaded = restored.scenario;
  let run: Run;
  try {
    run = startRun(loaded);
  } catch (err) {
    const message = `The engine could not start this scenario: ${messageOf(err)}`;
    return { ok: false, result: { ok: false, errors: [{ path: '', message }], warnings: restored.warnings } };
  }
  return {
    ok: true,
    run,
    result: {
      ok: true,
      name: loaded.name,
      description: loaded.description,
      warnings: restored.warnings,
      latencyMs: loaded.network.latencyMs,
      conf: { ...loaded.conf },
      isBuiltin: opts.builtin !== undefined && isBuiltinScenario(loaded, opts.builtin),
    },
  };
}

/** A fresh engine: nothing loaded until load(). Each call to createEngineApi() is independent. */
export function createEngineApi(): EngineApi {
  // What only a gesture shows (the Inspector, the event log's search): modules of their own, so the
  // worker's chunk, which the page starts at once, does not carry them (README, "Performance").
  // Imported when first asked for; in-thread (tests, tools) the same import just resolves.
  const inspectView = () => import('./views/inspect');
  const historyView = () => import('./views/history');
  // The badges are not needed for the first frame: their module comes with the first panels call.
  const guaranteesView = () => import('./views/guarantees-view');
  let current: Run | null = null;
  let prepared: Run | null = null;

  function running(): Run {
    if (!current) throw new Error('No scenario is loaded.');
    return current;
  }

  return {
    load(scenarioInput, source, opts = {}) {
      const built = build(scenarioInput, source, opts);
      if (built.ok) {
        current = built.run;
        prepared = null;
      }
      return built.result;
    },

    prepare(scenarioInput, source, opts = {}) {
      const built = build(scenarioInput, source, opts);
      prepared = built.ok ? built.run : null;
      return built.result;
    },

    commit() {
      if (!prepared) return null;
      current = prepared;
      prepared = null;
      current.pacer.resync();
      return out(current, fullFrame(current));
    },

    discard() {
      prepared = null;
    },

    advanceTo(simMs) {
      const r = running();
      // Time never runs backwards here (seekTo does that); a stale or non-finite target just returns
      // the current frame. An equal target still runs: events due at the current instant are
      // pending until advanced to.
      const target = Math.floor(simMs);
      if (Number.isFinite(target) && target >= r.sim.time) r.sim.advanceTo(target);
      return out(r, nextFrame(r));
    },

    play(wallMs, speed) {
      const r = running();
      const pace = r.pacer.play(Number.isFinite(wallMs) ? wallMs : 0, Number.isFinite(speed) && speed > 0 ? speed : 1);
      return out(r, { ...nextFrame(r), pace });
    },

    step() {
      const r = running();
      r.sim.step();
      r.pacer.resync();
      return out(r, nextFrame(r));
    },

    seekTo(simMs, { maxEvents, slot = 'running' }) {
      const r = slot === 'prepared' ? prepared : running();
      if (!r) throw new Error('No scenario is being prepared.');
      const requested = Math.floor(simMs);
      const target = Number.isFinite(requested) ? Math.max(0, requested) : r.sim.time;
      // At least one event per slice, so every slice makes progress; Infinity: the whole seek at once.
      const limit = Number.isNaN(maxEvents) ? 1 : Math.max(1, Math.floor(maxEvents));
      const before = r.sim.time;
      // Counted here, after each event (and action): the kernel adds up its own count only at the
      // end of a run, which may be a whole checkpoint interval of events.
      let spent = 0;
      let stopped: boolean;
      try {
        stopped = r.sim.seek(target, () => ++spent >= limit);
      } catch (err) {
        const error = messageOf(err);
        if (slot === 'prepared') {
          prepared = null;
          return { done: true, time: before, target, frame: null, error };
        }
        // The event that threw left the run half-changed: back to where the seek began (that point
        // was reached before, so replaying to it runs again as it did).
        r.sim.seek(before);
        r.pacer.resync();
        return { done: true, time: r.sim.time, target, frame: out(r, fullFrame(r)), error };
      }
      // A run that used up its work budget stays where it stopped: the seek is over there.
      if (stopped && r.sim.exhausted === null) return { done: false, time: r.sim.time, target, frame: null };
      r.pacer.resync();
      return { done: true, time: r.sim.time, target, frame: slot === 'running' ? out(r, fullFrame(r)) : null };
    },

    frame() {
      const r = running();
      r.pacer.resync();
      return out(r, fullFrame(r));
    },

    apply(action, opts = {}) {
      const r = running();
      const error = checkAction(r.sim, action);
      if (error) return { ok: false, error };
      const past = r.sim.time < r.frames.horizon;
      r.sim.apply(action, opts);
      if (past) r.frames.forgetFuture();
      r.pacer.resync();
      return { ok: true, frame: out(r, nextFrame(r)) };
    },

    reset() {
      if (!current) return null;
      // As after load: the events of instant 0 have run. A fresh run, swapped in once it started.
      current = startRun(current.scenario);
      return out(current, fullFrame(current));
    },

    async panels({ master, selection, guarantees, have }) {
      // Loaded first, so everything below reads one instant: a call handled while the module was
      // on its way (the first time) has moved the run, and this answer must show where it is now.
      const views = selection ? await inspectView() : null;
      const badges = guarantees ? await guaranteesView() : null;
      if (!current) return null;
      const r = current;
      const view: PanelsView = { time: r.sim.time, stamps: { ...r.stamps } };
      if (master && have?.master !== r.stamps.master) view.master = masterPageOf(r.sim);
      if (views && selection && have?.world !== r.stamps.world) view.inspect = views.inspect(r.sim.cluster, selection);
      if (badges) view.guarantees = badges.guaranteesView(r.sim.cluster);
      return view;
    },

    async history(query) {
      const { queryHistory } = await historyView();
      return current ? queryHistory(current.sim, current.frames.horizon, query) : null;
    },

    scenario() {
      return current ? structuredClone(current.sim.scenario) : null;
    },
  };
}

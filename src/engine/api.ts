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
import type { EngineFrame, InspectView, Selection } from './views/frame-types';
import { inspect } from './views/inspect';
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
    }
  | { ok: false; errors: ScenarioError[]; warnings: ScenarioError[] };

export type { EngineFrame, InspectView, Selection } from './views/frame-types';

/** What applying a user action came to: the frame after it, or why it was refused. */
export type ApplyResult = { ok: true; frame: EngineFrame } | { ok: false; error: string };

/** The Master UI panel's data: the active Master's /json and the simulator's app/driver summary. */
export interface MasterPageView {
  master: MasterStateJson | null;
  apps: SimAppJson[];
  drivers: SimDriverJson[];
  time: number;
}

export interface EngineApi {
  /** `source` only changes how a problem with the whole document is worded. */
  load(scenarioInput: unknown, source?: ScenarioSource): LoadResult;
  /** Runs to `simMs` and returns what changed (never backwards: see seek). */
  advanceTo(simMs: number): EngineFrame;
  /** Spends `wallMs` of wall time at `speed` with adaptive pacing (pacing.ts); the page's play loop. */
  play(wallMs: number, speed: number): EngineFrame;
  /** Runs exactly the next event (or due action). */
  step(): EngineFrame;
  /** Moves the playhead anywhere (checkpoints + replay): a full frame. */
  seek(simMs: number): EngineFrame;
  /** Applies a user action now and records it; `dropFuture` forgets the actions after now. */
  apply(action: ActionInput, opts?: { dropFuture?: boolean }): ApplyResult;
  reset(): EngineFrame | null;
  masterPage(): MasterPageView | null;
  inspect(selection: Selection): InspectView | null;
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

/** A fresh engine: nothing loaded until load(). Each call to createEngineApi() is independent. */
export function createEngineApi(): EngineApi {
  let scenario: Scenario | null = null;
  let sim: Simulation | null = null;
  let frames: FrameBuilder | null = null;
  let pacer: Pacer | null = null;

  /** A fresh run of the loaded scenario (a copy: recorded actions go into the run's own document). */
  function start(s: Scenario): Simulation {
    // record: the page shows the log and the messages, so the simulation must keep them.
    const created = Simulation.fromScenario(structuredClone(s), { record: true, checkpoints: true });
    sim = created;
    frames = new FrameBuilder(created);
    pacer = new Pacer(created);
    return created;
  }

  function running(): { sim: Simulation; frames: FrameBuilder; pacer: Pacer } {
    if (!sim || !frames || !pacer) throw new Error('No scenario is loaded.');
    return { sim, frames, pacer };
  }

  return {
    load(scenarioInput, source) {
      const restored = restoreScenario(scenarioInput, source ? { source } : {});
      if (!restored.ok) {
        scenario = null;
        sim = null;
        frames = null;
        return { ok: false, errors: restored.errors, warnings: restored.warnings };
      }
      const loaded = restored.scenario;
      scenario = loaded;
      start(loaded);
      return {
        ok: true,
        name: loaded.name,
        description: loaded.description,
        warnings: restored.warnings,
        latencyMs: loaded.network.latencyMs,
        conf: { ...loaded.conf },
      };
    },

    advanceTo(simMs) {
      const r = running();
      // Time never runs backwards here (seek does that); a stale or non-finite target just returns
      // the current frame. An equal target still runs: events due at the current instant (all of
      // t=0 right after load) are pending until advanced to.
      const target = Math.floor(simMs);
      if (Number.isFinite(target) && target >= r.sim.time) r.sim.advanceTo(target);
      return r.frames.next();
    },

    play(wallMs, speed) {
      const r = running();
      const pace = r.pacer.play(Number.isFinite(wallMs) ? wallMs : 0, Number.isFinite(speed) && speed > 0 ? speed : 1);
      return { ...r.frames.next(), pace };
    },

    step() {
      const r = running();
      r.sim.step();
      r.pacer.resync();
      return r.frames.next();
    },

    seek(simMs) {
      const r = running();
      const target = Math.floor(simMs);
      if (Number.isFinite(target)) r.sim.seek(Math.max(0, target));
      r.pacer.resync();
      return r.frames.full();
    },

    apply(action, opts = {}) {
      const r = running();
      const error = checkAction(r.sim, action);
      if (error) return { ok: false, error };
      const past = r.sim.time < r.frames.horizon;
      r.sim.apply(action, opts);
      if (past) r.frames.forgetFuture();
      r.pacer.resync();
      return { ok: true, frame: r.frames.next() };
    },

    reset() {
      if (!scenario) return null;
      // As after load: the events of instant 0 have run.
      start(scenario).advanceTo(0);
      return running().frames.full();
    },

    masterPage() {
      if (!sim) return null;
      const out = sim.output({ trace: false, log: false });
      return { master: out.master, apps: out.apps, drivers: out.drivers, time: sim.time };
    },

    inspect(selection) {
      return sim ? inspect(sim.cluster, selection) : null;
    },

    scenario() {
      return sim ? structuredClone(sim.scenario) : null;
    },
  };
}

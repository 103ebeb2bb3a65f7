// Web Worker entry (DESIGN.md §4): hosts one Simulation and exposes it to the page with comlink.
// The page owns wall-clock pacing and calls advanceTo(); this side owns simulated time. This is
// the only file in src/engine that touches the worker scope, and it still never reads the wall
// clock or ambient randomness: every frame is a pure function of (scenario, target time).
import { expose } from 'comlink';
import { restoreScenario } from './scenario/restore';
import type { Scenario, ScenarioIssue, ScenarioSource } from './scenario/types';
import { Simulation } from './simulation';
import type {
  ApplicationInfoJson,
  DriverInfoJson,
  MasterStateJson,
  SimAppJson,
  SimDriverJson,
  SimTraceEntry,
  WorkerInfoJson,
  WorkerStateJson,
} from './views/json-types';

// The page imports these shapes (types only) from here, so the worker API is its one contract.
export type {
  ApplicationInfoJson,
  DriverInfoJson,
  MasterStateJson,
  SimAppJson,
  SimDriverJson,
  ScenarioSource,
  SimTraceEntry,
  WorkerInfoJson,
  WorkerStateJson,
};

/** A problem with a scenario: where (`actions[2].target`, '' for the whole document) and what. */
export type ScenarioError = ScenarioIssue;

// Warnings (unknown fields and the like) are not fatal (DESIGN.md §2) but are worth showing.
export type LoadResult =
  | { ok: true; name: string; description: string; warnings: ScenarioError[] }
  | { ok: false; errors: ScenarioError[]; warnings: ScenarioError[] };

/** What the page gets back for one advance. Whole views for now; a later change makes it a diff. */
export interface EngineFrame {
  /** Simulated ms reached. */
  time: number;
  /** The same instant as epoch ms (scenario start epoch + time), for "now" in durations. */
  epochMs: number;
  /** Nothing is left to happen: the page may stop its clock. */
  idle: boolean;
  /** Simulated ms of the next pending event, or null when none is pending. */
  nextEventTime: number | null;
  master: MasterStateJson | null;
  workers: Record<string, WorkerStateJson | null>;
  apps: SimAppJson[];
  drivers: SimDriverJson[];
  /** Log lines produced since the previous frame (the newest MAX_LINES_PER_FRAME of them). */
  newLogs: string[];
  /** Messages sent since the previous frame (the newest MAX_LINES_PER_FRAME of them). */
  newMessages: SimTraceEntry[];
  /** How many log lines and messages were left out of this frame to keep it small. */
  skippedLogs: number;
  skippedMessages: number;
}

export interface EngineApi {
  /** `source` only changes how a problem with the whole document is worded. */
  load(scenarioInput: unknown, source?: ScenarioSource): LoadResult;
  advanceTo(simMs: number): EngineFrame;
  reset(): EngineFrame | null;
}

// A jump of hours at 100× can produce tens of thousands of heartbeats; the page only shows the
// recent ones, so the frame carries a bounded tail rather than flooding postMessage.
const MAX_LINES_PER_FRAME = 500;

let scenario: Scenario | null = null;
let sim: Simulation | null = null;
let logCursor = 0;
let traceCursor = 0;

function start(s: Scenario): Simulation {
  // record: the page shows the log and the messages, so the simulation must keep them.
  const created = Simulation.fromScenario(s, { record: true });
  sim = created;
  logCursor = 0;
  traceCursor = 0;
  return created;
}

function tail<T>(items: T[]): { items: T[]; skipped: number } {
  const skipped = Math.max(0, items.length - MAX_LINES_PER_FRAME);
  return { items: skipped > 0 ? items.slice(skipped) : items, skipped };
}

function frame(s: Simulation, startEpochMs: number): EngineFrame {
  const out = s.output({ trace: false, log: false });
  const logs = s.logLines(logCursor);
  const messages = s.traceSince(traceCursor);
  logCursor += logs.length;
  traceCursor += messages.length;
  const logTail = tail(logs);
  const msgTail = tail(messages);
  const next = s.nextEventTime();
  return {
    time: s.time,
    epochMs: startEpochMs + s.time,
    idle: s.isIdle(),
    nextEventTime: Number.isFinite(next) ? next : null,
    master: out.master,
    workers: out.workers,
    apps: out.apps,
    drivers: out.drivers,
    newLogs: logTail.items,
    newMessages: msgTail.items,
    skippedLogs: logTail.skipped,
    skippedMessages: msgTail.skipped,
  };
}

const api: EngineApi = {
  load(scenarioInput, source) {
    const restored = restoreScenario(scenarioInput, source ? { source } : {});
    if (!restored.ok) {
      scenario = null;
      sim = null;
      return { ok: false, errors: restored.errors, warnings: restored.warnings };
    }
    const loaded = restored.scenario;
    scenario = loaded;
    start(loaded);
    return { ok: true, name: loaded.name, description: loaded.description, warnings: restored.warnings };
  },

  advanceTo(simMs) {
    if (!sim || !scenario) throw new Error('No scenario is loaded.');
    // Time never runs backwards here (seeking is a separate, later API); a stale or non-finite
    // target just returns the current frame. An equal target still runs: events due at the
    // current instant (everything at t=0 right after load) are pending until advanced to.
    const target = Math.floor(simMs);
    if (Number.isFinite(target) && target >= sim.time) sim.advanceTo(target);
    return frame(sim, scenario.startEpochMs);
  },

  reset() {
    if (!scenario) return null;
    return frame(start(scenario), scenario.startEpochMs);
  },
};

expose(api, self);

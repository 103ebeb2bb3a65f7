// Page state: one zustand vanilla store (so the pacing loop and tests can use it without React)
// plus a React hook that subscribes with a selector. It holds what the worker last reported and
// the user's controls; it never talks to the worker itself (see controller.ts).
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  EngineFrame,
  MasterStateJson,
  ScenarioError,
  SimAppJson,
  SimDriverJson,
  WorkerStateJson,
} from '../engine/worker';

export const SPEEDS = [1, 10, 100] as const;
export type Speed = (typeof SPEEDS)[number];

/** The log pane keeps this many recent lines; older ones are dropped. */
export const LOG_LIMIT = 200;

export interface LogLine {
  /** Position in the whole run's log: a stable React key. */
  seq: number;
  text: string;
}

export type EngineStatus = 'loading' | 'ready' | 'invalid' | 'failed';

export interface PlaygroundState {
  scenarioId: string;
  scenarioName: string;
  scenarioDescription: string;
  status: EngineStatus;
  /** Validation problems of the scenario (status 'invalid') or the engine's failure ('failed'). */
  errors: ScenarioError[];
  /** Problems restoreScenario() tolerated (unknown fields and the like). */
  warnings: ScenarioError[];
  playing: boolean;
  speed: Speed;
  time: number;
  /** `time` as epoch ms: "now" for durations the Master UI computes on the fly. */
  epochMs: number;
  idle: boolean;
  master: MasterStateJson | null;
  workers: Record<string, WorkerStateJson | null>;
  apps: SimAppJson[];
  drivers: SimDriverJson[];
  logs: LogLine[];
  /** Lines seen in this run, including those dropped from `logs` or skipped by the worker. */
  logCount: number;
}

export interface PlaygroundActions {
  loading(scenarioId: string): void;
  loaded(name: string, description: string, warnings: ScenarioError[]): void;
  invalid(errors: ScenarioError[], warnings: ScenarioError[]): void;
  failed(message: string): void;
  applyFrame(frame: EngineFrame, opts?: { fresh?: boolean }): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: Speed): void;
}

export type PlaygroundStore = StoreApi<PlaygroundState & PlaygroundActions>;

const emptyRun = {
  time: 0,
  epochMs: 0,
  idle: false,
  master: null,
  workers: {},
  apps: [],
  drivers: [],
  logs: [],
  logCount: 0,
} satisfies Partial<PlaygroundState>;

export function createPlaygroundStore(initial: Partial<PlaygroundState> = {}): PlaygroundStore {
  return createStore<PlaygroundState & PlaygroundActions>()((set) => ({
    scenarioId: '',
    scenarioName: '',
    scenarioDescription: '',
    status: 'loading',
    errors: [],
    warnings: [],
    playing: false,
    speed: 10,
    ...emptyRun,
    ...initial,

    loading: (scenarioId) => set({ scenarioId, status: 'loading', errors: [], warnings: [], playing: false, ...emptyRun }),
    loaded: (scenarioName, scenarioDescription, warnings) =>
      set({ scenarioName, scenarioDescription, status: 'ready', errors: [], warnings }),
    invalid: (errors, warnings) => set({ status: 'invalid', errors, warnings, playing: false }),
    failed: (message) => set({ status: 'failed', errors: [{ path: '', message }], playing: false }),

    applyFrame: (frame, opts = {}) =>
      set((s) => {
        const base = opts.fresh ? { logs: [], logCount: 0 } : { logs: s.logs, logCount: s.logCount };
        let logCount = base.logCount + frame.skippedLogs;
        const added = frame.newLogs.map((text) => ({ seq: logCount++, text }));
        const logs = added.length === 0 ? base.logs : [...base.logs, ...added].slice(-LOG_LIMIT);
        return {
          time: frame.time,
          epochMs: frame.epochMs,
          idle: frame.idle,
          master: frame.master,
          workers: frame.workers,
          apps: frame.apps,
          drivers: frame.drivers,
          logs,
          logCount,
          // When the run settles (only heartbeats and timeout checks left), pause once so the end
          // state stays on screen; Play continues from there if the user wants more time.
          playing: frame.idle && !s.idle ? false : s.playing,
        };
      }),

    setPlaying: (playing) => set((s) => ({ playing: playing && s.status === 'ready' })),
    setSpeed: (speed) => set({ speed }),
  }));
}

/** The page's store. Tests make their own with createPlaygroundStore(). */
export const playgroundStore = createPlaygroundStore();

/** Subscribe a component to one slice of the page state. */
export function usePlayground<T>(selector: (s: PlaygroundState & PlaygroundActions) => T): T {
  return useStore(playgroundStore, selector);
}

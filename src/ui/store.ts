// Page state: one zustand vanilla store (so the pacing loop and tests can use it without React)
// plus a React hook that subscribes with a selector. Components select their own slice (one node,
// one panel), so a frame that changes worker w7 re-renders w7's node and nothing else. Messages in
// flight are not here: they change every animation frame and live in flights.ts, read by the canvas
// overlay outside React.
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ScenarioError } from '../engine/api';
import type { EngineFrame, InspectView, LogEntry, MasterStateJson, NodeView, PartitionView, Selection, SimAppJson, SimDriverJson, StateChangeView, TimelineAction } from '../engine/public';
import type { Banner, Branch, ForkPrompt, Session, SideTab } from '../share/session-types';

/** Speed steps of the control: multiples of "1×" (see pacing.ts for what 1× means). */
export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] as const;
export const DEFAULT_SPEED = 1;

/** The event log keeps this many recent lines; older ones are dropped. */
export const LOG_LIMIT = 2000;

export type EngineStatus = 'loading' | 'ready' | 'invalid' | 'failed';
export type Theme = 'light' | 'dark' | 'system';

/** Why time runs at the rate it does (shown next to the rate in the header). */
export type RateReason = 'paused' | 'flight' | 'normal' | 'quiet';

/** A failure on the timeline: a state change to a bad state. */
export interface FailureMarker {
  t: number;
  subject: string;
  kind: StateChangeView['kind'];
  to: string;
}

/** The states that make a failure marker. */
export const FAILURE_STATES: ReadonlySet<string> = new Set(['LOST', 'FAILED', 'ERROR', 'DEAD', 'KILLED', 'RELAUNCHING', 'UNKNOWN']);

export interface MasterPageData {
  master: MasterStateJson | null;
  apps: SimAppJson[];
  drivers: SimDriverJson[];
  /** Simulated ms it was read at. */
  time: number;
}

/** An open context menu: which thing, and where (client px). */
export interface MenuState {
  target: Selection;
  x: number;
  y: number;
}

/** A short message for the user that something happened or could not be done. */
export interface Notice {
  id: number;
  tone: 'info' | 'error';
  text: string;
}

export interface PlaygroundState {
  scenarioId: string;
  scenarioName: string;
  scenarioDescription: string;
  status: EngineStatus;
  /** Validation problems of the scenario (status 'invalid') or the engine's failure ('failed'). */
  errors: ScenarioError[];
  /** Problems restoreScenario() tolerated (unknown fields and the like). */
  warnings: ScenarioError[];

  // ---- time
  playing: boolean;
  speed: number;
  time: number;
  /** `time` as epoch ms (the Spark-style date, and "now" for durations). */
  epochMs: number;
  idle: boolean;
  nextEventTime: number | null;
  /** The furthest simulated ms reached in this session: the timeline's length. */
  horizon: number;
  /** Simulated ms per wall ms right now, and why. */
  rate: number;
  rateReason: RateReason;
  /** The network's one-way latency (ms) of the loaded scenario. */
  latencyMs: number;
  /** The scenario's Spark configuration (spark-defaults.conf): what spark-submit reads. */
  sparkConf: Record<string, string>;

  // ---- the cluster (merged from frames)
  nodes: Record<string, NodeView>;
  /** Node ids in the order they first appeared (layout order). */
  nodeOrder: string[];
  partitions: PartitionView[];
  /** Every state change up to `time`. */
  changes: StateChangeView[];
  /** Failures seen in this session, including those after `time` once seen (seeking back keeps them). */
  failureMarkers: FailureMarker[];
  actions: TimelineAction[];
  logs: LogEntry[];

  // ---- panels and the user's choices
  selection: Selection | null;
  inspect: InspectView | null;
  masterPage: MasterPageData | null;
  menu: MenuState | null;
  submitOpen: boolean;
  helpOpen: boolean;
  showHeartbeats: boolean;
  showTasks: boolean;
  theme: Theme;
  notices: Notice[];
  forkPrompt: ForkPrompt | null;
  branches: Branch[];
  /** The side panel's open tab (part of a shared session's view). */
  sideTab: SideTab;
  banner: Banner | null;
}

export interface PlaygroundActions {
  loading(scenarioId: string): void;
  loaded(name: string, description: string, warnings: ScenarioError[], latencyMs: number, sparkConf?: Record<string, string>): void;
  invalid(errors: ScenarioError[], warnings: ScenarioError[]): void;
  failed(message: string): void;
  applyFrame(frame: EngineFrame): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: number): void;
  setRate(rate: number, reason: RateReason): void;
  select(selection: Selection | null): void;
  setInspect(view: InspectView | null): void;
  setMasterPage(page: MasterPageData | null): void;
  openMenu(menu: MenuState | null): void;
  setSubmitOpen(open: boolean): void;
  setHelpOpen(open: boolean): void;
  setShowHeartbeats(show: boolean): void;
  setShowTasks(show: boolean): void;
  setTheme(theme: Theme): void;
  /** The future after `time` was rewritten (an action applied in the past): forget its failures. */
  forked(): void;
  notify(tone: Notice['tone'], text: string): void;
  setForkPrompt(prompt: ForkPrompt | null): void;
  setSideTab(tab: SideTab): void;
  addBranch(label: string, session: Session): void;
  removeBranch(id: number): void;
  setBanner(banner: Banner | null): void;
  dismissNotice(id: number): void;
}

export type PlaygroundStore = StoreApi<PlaygroundState & PlaygroundActions>;

const emptyRun = {
  time: 0,
  epochMs: 0,
  idle: false,
  nextEventTime: null,
  horizon: 0,
  rate: 0,
  rateReason: 'paused' as RateReason,
  nodes: {},
  nodeOrder: [],
  partitions: [],
  changes: [],
  failureMarkers: [],
  actions: [],
  logs: [],
  selection: null,
  inspect: null,
  masterPage: null,
  menu: null,
} satisfies Partial<PlaygroundState>;

const failureKey = (m: FailureMarker) => `${m.t}|${m.subject}|${m.to}`;

/** New failure markers from state changes, merged into the known ones (kept sorted by time). */
export function mergeFailures(known: FailureMarker[], changes: readonly StateChangeView[]): FailureMarker[] {
  const added = changes
    .filter((c) => FAILURE_STATES.has(c.to))
    .map((c) => ({ t: c.t, subject: c.subject, kind: c.kind, to: c.to }));
  if (added.length === 0) return known;
  const seen = new Set(known.map(failureKey));
  const fresh = added.filter((m) => !seen.has(failureKey(m)));
  if (fresh.length === 0) return known;
  return [...known, ...fresh].sort((a, b) => a.t - b.t);
}

/** Merges a frame into the cluster part of the state (pure: tested without a store). */
export function mergeFrame(s: PlaygroundState, frame: EngineFrame): Partial<PlaygroundState> {
  let nodes: Record<string, NodeView>;
  let nodeOrder: string[];
  if (frame.full) {
    nodes = {};
    nodeOrder = [];
    // Keep the order nodes had (the layout), then append new ones.
    const incoming = new Map(frame.nodes.map((n) => [n.id, n]));
    for (const id of s.nodeOrder) {
      const n = incoming.get(id);
      if (n) {
        nodes[id] = n;
        nodeOrder.push(id);
        incoming.delete(id);
      }
    }
    for (const n of incoming.values()) {
      nodes[n.id] = n;
      nodeOrder.push(n.id);
    }
  } else if (frame.nodes.length === 0 && frame.removed.length === 0) {
    nodes = s.nodes;
    nodeOrder = s.nodeOrder;
  } else {
    nodes = { ...s.nodes };
    nodeOrder = s.nodeOrder;
    for (const n of frame.nodes) {
      if (!(n.id in nodes)) nodeOrder = [...nodeOrder, n.id];
      nodes[n.id] = n;
    }
    if (frame.removed.length > 0) {
      for (const id of frame.removed) delete nodes[id];
      const gone = new Set(frame.removed);
      nodeOrder = nodeOrder.filter((id) => !gone.has(id));
    }
  }

  const changes = frame.full ? frame.changes : frame.changes.length > 0 ? [...s.changes, ...frame.changes] : s.changes;

  // Seeking back rewinds the log to the new time; the worker then sends what follows again.
  const base = frame.full ? s.logs.filter((l) => l.t <= frame.time && l.seq < (frame.logs[0]?.seq ?? Infinity)) : s.logs;
  const logs = frame.logs.length === 0 ? base : [...base, ...frame.logs].slice(-LOG_LIMIT);

  return {
    time: frame.time,
    epochMs: frame.epochMs,
    idle: frame.idle,
    nextEventTime: frame.nextEventTime,
    horizon: Math.max(frame.horizon, frame.full ? 0 : s.horizon),
    nodes,
    nodeOrder,
    partitions: frame.partitions ?? s.partitions,
    changes,
    failureMarkers: mergeFailures(s.failureMarkers, frame.changes),
    actions: frame.actions ?? s.actions,
    logs,
  };
}

export function createPlaygroundStore(initial: Partial<PlaygroundState> = {}): PlaygroundStore {
  let noticeId = 0;
  let branchId = 0;
  return createStore<PlaygroundState & PlaygroundActions>()((set) => ({
    scenarioId: '',
    scenarioName: '',
    scenarioDescription: '',
    status: 'loading',
    errors: [],
    warnings: [],
    playing: false,
    speed: DEFAULT_SPEED,
    latencyMs: 1,
    sparkConf: {},
    submitOpen: false,
    helpOpen: false,
    showHeartbeats: true,
    showTasks: true,
    theme: 'system',
    notices: [],
    forkPrompt: null,
    branches: [],
    sideTab: 'master',
    banner: null,
    ...emptyRun,
    ...initial,

    loading: (scenarioId) => set({ scenarioId, status: 'loading', errors: [], warnings: [], playing: false, ...emptyRun }),
    loaded: (scenarioName, scenarioDescription, warnings, latencyMs, sparkConf = {}) =>
      set({ scenarioName, scenarioDescription, status: 'ready', errors: [], warnings, latencyMs, sparkConf }),
    invalid: (errors, warnings) => set({ status: 'invalid', errors, warnings, playing: false }),
    failed: (message) => set({ status: 'failed', errors: [{ path: '', message }], playing: false }),

    applyFrame: (frame) =>
      set((s) => ({
        ...mergeFrame(s, frame),
        // When the run settles (only heartbeats and timeout checks left), pause once so the end
        // state stays on screen; Play continues from there if the user wants more time.
        playing: frame.idle && !s.idle && !frame.full ? false : s.playing,
      })),

    setPlaying: (playing) => set((s) => ({ playing: playing && s.status === 'ready' })),
    setSpeed: (speed) => set({ speed }),
    setRate: (rate, rateReason) => set((s) => (s.rate === rate && s.rateReason === rateReason ? s : { rate, rateReason })),
    select: (selection) => set({ selection, inspect: null }),
    setInspect: (inspect) => set({ inspect }),
    setMasterPage: (masterPage) => set({ masterPage }),
    openMenu: (menu) => set({ menu }),
    setSubmitOpen: (submitOpen) => set({ submitOpen }),
    setHelpOpen: (helpOpen) => set({ helpOpen }),
    setShowHeartbeats: (showHeartbeats) => set({ showHeartbeats }),
    setShowTasks: (showTasks) => set({ showTasks }),
    setTheme: (theme) => set({ theme }),
    forked: () => set((s) => ({ failureMarkers: s.failureMarkers.filter((m) => m.t <= s.time), horizon: s.time })),
    setForkPrompt: (forkPrompt) => set({ forkPrompt }),
    setSideTab: (sideTab) => set({ sideTab }),
    addBranch: (label, session) => set((s) => ({ branches: [...s.branches, { id: ++branchId, label, session }] })),
    removeBranch: (id) => set((s) => ({ branches: s.branches.filter((b) => b.id !== id) })),
    setBanner: (banner) => set({ banner }),
    notify: (tone, text) => set((s) => ({ notices: [...s.notices.slice(-4), { id: ++noticeId, tone, text }] })),
    dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  }));
}

/** The page's store. Tests make their own with createPlaygroundStore(). */
export const playgroundStore = createPlaygroundStore();

/** Subscribe a component to one slice of the page state. */
export function usePlayground<T>(selector: (s: PlaygroundState & PlaygroundActions) => T): T {
  return useStore(playgroundStore, selector);
}

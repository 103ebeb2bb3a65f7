// Page state: one zustand vanilla store (so the pacing loop and tests can use it without React),
// typed as slices the way zustand's slices pattern does it: each slice (the scenario, the cluster
// picture, playback, the panels, the session, the preferences) is its own interface with its own
// actions, and createPlaygroundStore() combines them once. getInitialState() is the one source of
// the starting values, for the store and for reset(). Components reach the store through
// PlaygroundProvider (usePlayground with a selector), so a frame that changes worker w7 re-renders
// w7's node and nothing else. Messages in flight are not here: they change every animation frame
// and live in flights.ts, read by the canvas overlay outside React.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MasterPageView, ScenarioError } from '../engine/api';
import { applyTaskCounts } from '../engine/public';
import type {
  GuaranteeBadgeView,
  EngineFrame,
  InspectView,
  LogEntry,
  NodeView,
  PartitionView,
  Selection,
  StateChangeView,
  TimelineAction,
} from '../engine/public';
import type { Banner, Branch, ForkPrompt, Session, SideTab } from '../share/session-types';

/** Speed steps of the control: multiples of "1×" (see pacing.ts for what 1× means). */
export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] as const;
export const DEFAULT_SPEED = 1;

/** The event log keeps this many recent lines; older ones are dropped. */
export const LOG_LIMIT = 2000;

export type EngineStatus = 'loading' | 'ready' | 'invalid' | 'failed';
export type Theme = 'light' | 'dark' | 'system';

/** Why time runs at the rate it does (shown next to the rate in the header). */
export type RateReason = 'paused' | 'flight' | 'tasks' | 'countdown' | 'normal' | 'quiet';

/** A failure on the timeline: a state change to a bad state. */
export interface FailureMarker {
  t: number;
  subject: string;
  kind: StateChangeView['kind'];
  to: string;
}

/** The states that make a failure marker. */
export const FAILURE_STATES: ReadonlySet<string> = new Set([
  'LOST',
  'FAILED',
  'ERROR',
  'DEAD',
  'KILLED',
  'RELAUNCHING',
  'UNKNOWN',
]);

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

// ---------------------------------------------------------------- the slices' state

/** The scenario loaded, and how loading it went. */
export interface ScenarioState {
  scenarioId: string;
  scenarioName: string;
  scenarioDescription: string;
  status: EngineStatus;
  /** Validation problems of the scenario (status 'invalid') or the engine's failure ('failed'). */
  errors: ScenarioError[];
  /** Problems restoreScenario() tolerated (unknown fields and the like). */
  warnings: ScenarioError[];
  /** The network's one-way latency (ms) of the loaded scenario. */
  latencyMs: number;
  /** The scenario's Spark configuration (spark-defaults.conf): what spark-submit reads. */
  sparkConf: Record<string, string>;
}

/** The run as the engine's frames draw it, merged frame by frame (mergeFrame). */
export interface ClusterState {
  time: number;
  /** `time` as epoch ms (the Spark-style date, and "now" for durations). */
  epochMs: number;
  idle: boolean;
  nextEventTime: number | null;
  /** The furthest simulated ms reached in this session: the timeline's length. */
  horizon: number;
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
  /** Spark's guarantees as badges, as of `time` (engine/views/guarantees-view.ts). */
  guarantees: GuaranteeBadgeView[];
}

/** Whether time runs, how fast the user asked for, and how fast it runs now. */
export interface PlaybackState {
  playing: boolean;
  speed: number;
  /** Simulated ms per wall ms right now, and why. */
  rate: number;
  rateReason: RateReason;
  /** What the reason is about (the engine's pace detail: a message type, a task count, a countdown). */
  rateDetail: string;
}

/** A long replay under way (a seek, a session opening): how far it got, shown once it takes a while. */
export interface ReplayProgress {
  /** "Opening the session", "Moving to 2d 3:00:00.000": what the page is busy with. */
  label: string;
  /** Simulated ms the replay has reached, and where it goes. */
  reached: number;
  target: number;
}

/** The replay the page is waiting for, if any; a sentence when the run used up its work budget. */
export interface ReplayState {
  progress: ReplayProgress | null;
  /** Why the run stopped for good (its budget of events or records is spent), or null. */
  exhausted: string | null;
}

/** What the panels, menus and dialogs show. */
export interface PanelsState {
  selection: Selection | null;
  inspect: InspectView | null;
  masterPage: MasterPageView | null;
  menu: MenuState | null;
  submitOpen: boolean;
  helpOpen: boolean;
  /** The side panel's open tab (part of a shared session's view). */
  sideTab: SideTab;
  /** Bumped each time a selection brings the Inspector forward (the side panel scrolls it into view). */
  inspectorReveals: number;
  /** Bumped by a "Why?" menu entry: the Inspector brings its Why section into view and focus. */
  whyRequests: number;
  notices: Notice[];
}

/** The session around the run: the fork question, the branches kept, the banner about a link. */
export interface SessionState {
  forkPrompt: ForkPrompt | null;
  branches: Branch[];
  banner: Banner | null;
}

/** The user's display preferences (not part of any session). */
export interface PrefsState {
  showHeartbeats: boolean;
  showTasks: boolean;
  /** Replies to asks ("↩ ExecutorStateChanged: true") drawn on the canvas. */
  showReplies: boolean;
  theme: Theme;
}

export type PlaygroundState = ScenarioState &
  ClusterState &
  PlaybackState &
  ReplayState &
  PanelsState &
  SessionState &
  PrefsState;

// ---------------------------------------------------------------- the slices' actions

export interface ScenarioActions {
  loading(scenarioId: string): void;
  loaded(
    name: string,
    description: string,
    warnings: ScenarioError[],
    latencyMs: number,
    sparkConf?: Record<string, string>,
  ): void;
  invalid(errors: ScenarioError[], warnings: ScenarioError[]): void;
  failed(message: string): void;
}

export interface ClusterActions {
  applyFrame(frame: EngineFrame): void;
  /** The future after `time` was rewritten (an action applied in the past): forget its failures. */
  forked(): void;
}

export interface PlaybackActions {
  setPlaying(playing: boolean): void;
  setSpeed(speed: number): void;
  setRate(rate: number, reason: RateReason, detail?: string): void;
}

export interface ReplayActions {
  setProgress(progress: ReplayProgress | null): void;
  setExhausted(message: string | null): void;
}

export interface PanelsActions {
  select(selection: Selection | null): void;
  setInspect(view: InspectView | null): void;
  setGuarantees(badges: GuaranteeBadgeView[]): void;
  setMasterPage(page: MasterPageView | null): void;
  openMenu(menu: MenuState | null): void;
  setSubmitOpen(open: boolean): void;
  setHelpOpen(open: boolean): void;
  setSideTab(tab: SideTab): void;
  /** Opens the Inspector tab and asks the side panel to bring it into view. */
  revealInspector(): void;
  /** Opens the Inspector on its Why section (after the caller selected the thing). */
  requestWhy(): void;
  notify(tone: Notice['tone'], text: string): void;
  dismissNotice(id: number): void;
}

export interface SessionActions {
  setForkPrompt(prompt: ForkPrompt | null): void;
  addBranch(label: string, session: Session): void;
  removeBranch(id: number): void;
  setBanner(banner: Banner | null): void;
}

export interface PrefsActions {
  setShowHeartbeats(show: boolean): void;
  setShowTasks(show: boolean): void;
  setShowReplies(show: boolean): void;
  setTheme(theme: Theme): void;
}

export type PlaygroundActions = ScenarioActions &
  ClusterActions &
  PlaybackActions &
  ReplayActions &
  PanelsActions &
  SessionActions &
  PrefsActions & {
    /** Back to the state the store was created with. */
    reset(): void;
  };

export type Playground = PlaygroundState & PlaygroundActions;
export type PlaygroundStore = StoreApi<Playground>;

// ---------------------------------------------------------------- initial state

const initialScenario: ScenarioState = {
  scenarioId: '',
  scenarioName: '',
  scenarioDescription: '',
  status: 'loading',
  errors: [],
  warnings: [],
  latencyMs: 1,
  sparkConf: {},
};

const initialCluster: ClusterState = {
  time: 0,
  epochMs: 0,
  idle: false,
  nextEventTime: null,
  horizon: 0,
  nodes: {},
  nodeOrder: [],
  partitions: [],
  changes: [],
  failureMarkers: [],
  actions: [],
  logs: [],
  guarantees: [],
};

const initialPlayback: PlaybackState = {
  playing: false,
  speed: DEFAULT_SPEED,
  rate: 0,
  rateReason: 'paused',
  rateDetail: '',
};

const initialReplay: ReplayState = { progress: null, exhausted: null };

const initialPanels: PanelsState = {
  selection: null,
  inspect: null,
  masterPage: null,
  menu: null,
  submitOpen: false,
  helpOpen: false,
  sideTab: 'master',
  inspectorReveals: 0,
  whyRequests: 0,
  notices: [],
};

const initialSession: SessionState = { forkPrompt: null, branches: [], banner: null };

const initialPrefs: PrefsState = { showHeartbeats: true, showTasks: true, showReplies: true, theme: 'system' };

/** What a newly loaded scenario starts from: no picture yet, nothing selected, nothing open over it. */
const emptyRun = {
  ...initialCluster,
  rate: initialPlayback.rate,
  rateReason: initialPlayback.rateReason,
  rateDetail: initialPlayback.rateDetail,
  exhausted: null,
  selection: null,
  inspect: null,
  masterPage: null,
  menu: null,
} satisfies Partial<PlaygroundState>;

/** The store's starting values, overridden by `initial` (tests start from any state this way). */
export function getInitialState(initial: Partial<PlaygroundState> = {}): PlaygroundState {
  return {
    ...initialScenario,
    ...initialCluster,
    ...initialPlayback,
    ...initialReplay,
    ...initialPanels,
    ...initialSession,
    ...initialPrefs,
    ...initial,
  };
}

// ---------------------------------------------------------------- merging frames (pure)

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
export function mergeFrame(s: ClusterState, frame: EngineFrame): Partial<ClusterState> {
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
  } else if (frame.nodes.length === 0 && frame.counts.length === 0 && frame.removed.length === 0) {
    nodes = s.nodes;
    nodeOrder = s.nodeOrder;
  } else {
    nodes = { ...s.nodes };
    nodeOrder = s.nodeOrder;
    for (const n of frame.nodes) {
      if (!(n.id in nodes)) nodeOrder = [...nodeOrder, n.id];
      nodes[n.id] = n;
    }
    for (const c of frame.counts) {
      const n = nodes[c.id];
      if (n?.kind === 'worker') nodes[c.id] = applyTaskCounts(n, c);
    }
    if (frame.removed.length > 0) {
      for (const id of frame.removed) delete nodes[id];
      const gone = new Set(frame.removed);
      nodeOrder = nodeOrder.filter((id) => !gone.has(id));
    }
  }

  const changes = frame.full ? frame.changes : frame.changes.length > 0 ? [...s.changes, ...frame.changes] : s.changes;

  // Seeking back rewinds the log to the new time; the worker then sends what follows again.
  const base = frame.full
    ? s.logs.filter((l) => l.t <= frame.time && l.seq < (frame.logs[0]?.seq ?? Infinity))
    : s.logs;
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

// ---------------------------------------------------------------- the slices' actions, then the store

type SetState = StoreApi<Playground>['setState'];

const scenarioActions = (set: SetState): ScenarioActions => ({
  loading: (scenarioId) =>
    set({ scenarioId, status: 'loading', errors: [], warnings: [], playing: false, ...emptyRun }),
  loaded: (scenarioName, scenarioDescription, warnings, latencyMs, sparkConf = {}) =>
    set({ scenarioName, scenarioDescription, status: 'ready', errors: [], warnings, latencyMs, sparkConf }),
  invalid: (errors, warnings) => set({ status: 'invalid', errors, warnings, playing: false }),
  failed: (message) => set({ status: 'failed', errors: [{ path: '', message }], playing: false }),
});

const clusterActions = (set: SetState): ClusterActions => ({
  applyFrame: (frame) =>
    set((s) => ({
      ...mergeFrame(s, frame),
      // When the run settles (only heartbeats and timeout checks left), pause once so the end
      // state stays on screen; Play continues from there if the user wants more time.
      playing: frame.idle && !s.idle && !frame.full ? false : s.playing,
    })),
  forked: () => set((s) => ({ failureMarkers: s.failureMarkers.filter((m) => m.t <= s.time), horizon: s.time })),
});

const playbackActions = (set: SetState): PlaybackActions => ({
  // A run that spent its work budget cannot go on: Play stays off (a seek back still works).
  setPlaying: (playing) => set((s) => ({ playing: playing && s.status === 'ready' && s.exhausted === null })),
  setSpeed: (speed) => set({ speed }),
  setRate: (rate, rateReason, rateDetail = '') =>
    set((s) =>
      s.rate === rate && s.rateReason === rateReason && s.rateDetail === rateDetail
        ? s
        : { rate, rateReason, rateDetail },
    ),
});

const replayActions = (set: SetState): ReplayActions => ({
  setProgress: (progress) => set({ progress }),
  setExhausted: (exhausted) =>
    set((s) => (s.exhausted === exhausted ? s : { exhausted, playing: exhausted === null && s.playing })),
});

const panelsActions = (set: SetState): PanelsActions => {
  let noticeId = 0;
  return {
    select: (selection) => set({ selection, inspect: null }),
    setInspect: (inspect) => set({ inspect }),
    setGuarantees: (guarantees) => set({ guarantees }),
    setMasterPage: (masterPage) => set({ masterPage }),
    openMenu: (menu) => set({ menu }),
    setSubmitOpen: (submitOpen) => set({ submitOpen }),
    setHelpOpen: (helpOpen) => set({ helpOpen }),
    setSideTab: (sideTab) => set({ sideTab }),
    revealInspector: () => set((s) => ({ sideTab: 'inspector', inspectorReveals: s.inspectorReveals + 1 })),
    requestWhy: () => set((s) => ({ sideTab: 'inspector', whyRequests: s.whyRequests + 1 })),
    notify: (tone, text) => set((s) => ({ notices: [...s.notices.slice(-4), { id: ++noticeId, tone, text }] })),
    dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  };
};

const sessionActions = (set: SetState): SessionActions => {
  let branchId = 0;
  return {
    setForkPrompt: (forkPrompt) => set({ forkPrompt }),
    addBranch: (label, session) => set((s) => ({ branches: [...s.branches, { id: ++branchId, label, session }] })),
    removeBranch: (id) => set((s) => ({ branches: s.branches.filter((b) => b.id !== id) })),
    setBanner: (banner) => set({ banner }),
  };
};

const prefsActions = (set: SetState): PrefsActions => ({
  setShowHeartbeats: (showHeartbeats) => set({ showHeartbeats }),
  setShowTasks: (showTasks) => set({ showTasks }),
  setShowReplies: (showReplies) => set({ showReplies }),
  setTheme: (theme) => set({ theme }),
});

/** A store of the page's state, starting from `initial` over the defaults. */
export function createPlaygroundStore(initial: Partial<PlaygroundState> = {}): PlaygroundStore {
  return createStore<Playground>()((set) => ({
    ...getInitialState(initial),
    ...scenarioActions(set),
    ...clusterActions(set),
    ...playbackActions(set),
    ...replayActions(set),
    ...panelsActions(set),
    ...sessionActions(set),
    ...prefsActions(set),
    reset: () => set(getInitialState(initial)),
  }));
}

/** The page's store: main.tsx hands it to App (tests and the benchmark make their own). */
export const playgroundStore = createPlaygroundStore();

// The shape of one run of a scenario, real or simulated. The real lab (conformance/lab/run-real.ts)
// produces a RealRun from the daemons' own /json and logs; sim-run.ts produces the same shape from
// the engine, so compare.ts reads both alike. Declared here too so the comparison builds on its own.

/** One poll of every daemon's /json; null for a daemon that did not answer (down, or not started). */
export interface RunSnapshot {
  /** ms since the Masters started (simulated time 0). */
  t: number;
  /** By master host: the Master's /json (MasterStateJson). */
  masters: Record<string, unknown | null>;
  /** By worker host: the Worker's /json (WorkerStateJson). */
  workers: Record<string, unknown | null>;
}

export interface RunLogLine {
  t: number;
  host: string;
  daemon: string;
  line: string;
}

export interface RealRun {
  sparkVersion: string;
  startedAtEpochMs: number;
  /** The document `npm run sim` prints (time, master, masters, workers, apps, drivers). */
  doc: unknown;
  timeline: RunSnapshot[];
  logs: RunLogLine[];
  /**
   * The timeline's t at which the scenario's time 0 fell: the real lab starts the scenario's clock
   * once every Worker has registered (an action `at` ran at actionsAtMs + at). Absent: 0.
   */
  actionsAtMs?: number;
  /**
   * The scenario's actions as the real lab applied them: t (on the timeline's clock) when each
   * started, and how long it waited for its gate (conformance/compare/fault-gates.ts). Absent
   * (the simulator): each at actionsAtMs + at.
   */
  actions?: { at: number; type: string; t: number; waitedMs?: number }[];
  /** What the lab did differently from the scenario, and why. */
  notes?: string[];
  /** Start-up and round-trip times the lab read from the logs (to calibrate the engine's timings). */
  measurements?: { what: string; ms: number }[];
}

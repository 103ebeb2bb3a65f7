// The event log's read model (docs/architecture.md, "The page"): one searchable list of what the
// whole recorded run holds — log lines, network messages, state changes and the timeline's actions
// — up to the furthest point reached, the part after the playhead included (a seek back keeps it,
// see Simulation.recorded()). The page asks for the newest entries that pass a filter; this scans
// the records from the newest back, at most MAX_SCANNED of each kind, and never changes them.
import type { StateChange } from '../spark/cluster';
import type { LogRecord, MessageRecord } from '../sim/kernel';
import type { Simulation } from '../simulation';
import { actionLabel } from './frame-builder';
import { messageKind, messageLabel, replyLabel } from './message-kinds';

/** 'message': control traffic; 'chatter': heartbeats and task messages (thousands; off by default). */
export type HistoryKind = 'log' | 'message' | 'chatter' | 'change' | 'action';

export const HISTORY_KINDS: readonly HistoryKind[] = ['log', 'message', 'chatter', 'change', 'action'];

export interface HistoryEntry {
  kind: HistoryKind;
  /** Unique in the run, stable across requests: "log:12", "message:340", "change:7", "action:2". */
  key: string;
  /** Simulated ms it happened at (a message: when it was sent). */
  t: number;
  /** Who: a log line's process ("Master@master"), a message's sender, a change's kind, "Simulator". */
  source: string;
  level: 'INFO' | 'WARN' | 'ERROR';
  /** What, in one line: the log text, "→ Worker@w1 LaunchDriver(driver-…)", "executor app-…/0 RUNNING → KILLED …". */
  text: string;
}

export interface HistoryQuery {
  kinds: readonly HistoryKind[];
  /** Case-insensitive text to find in the source, level or text; blank finds everything. */
  query: string;
  /** Levels of log lines to keep (the other kinds are INFO, a lost message WARN). */
  levels: readonly HistoryEntry['level'][];
  /** Entries wanted at most: the newest that pass. */
  limit: number;
}

export interface HistoryPage {
  /** The newest `limit` entries that pass, oldest first; entries after `time` are the kept future. */
  entries: HistoryEntry[];
  /** How many passed among the records scanned. */
  matched: number;
  /** false when some kind has more records than MAX_SCANNED: only its newest were searched. */
  complete: boolean;
  /** The playhead, and the furthest point the run has recorded. */
  time: number;
  horizon: number;
}

/** Records of one kind searched at most per request: a week-long run keeps millions. */
export const MAX_SCANNED = 200_000;

/** Entries a request may ask for. */
export const MAX_HISTORY_LIMIT = 2_000;

const CHATTER = new Set(['task', 'heartbeat']);

/** Two arrays read as one (the run's own records, then those kept beyond now). */
interface Segments<T> {
  length: number;
  at(i: number): T;
}

function joined<T>(a: readonly T[], b: readonly T[]): Segments<T> {
  return { length: a.length + b.length, at: (i) => (i < a.length ? a[i] : b[i - a.length]) as T };
}

function logEntry(l: LogRecord, i: number): HistoryEntry {
  return { kind: 'log', key: `log:${i}`, t: l.t, source: l.source, level: l.level, text: l.text };
}

/**
 * A message as the log lists it. A reply reads as what it answers, as on the canvas
 * ("↩ ExecutorStateChanged: true", not a bare "Boolean(true)"), when its ask is in the records.
 */
function messageEntry(m: MessageRecord, i: number, answers: (askId: number) => string | undefined): HistoryEntry {
  const lost = m.delivered === false ? ` — lost (${m.dropReason ?? 'lost'})` : '';
  const asked = m.replyTo > 0 ? answers(m.replyTo) : undefined;
  const label = asked === undefined ? messageLabel(m.msg) : replyLabel(asked, m.msg);
  return {
    kind: CHATTER.has(messageKind(m.type)) ? 'chatter' : 'message',
    key: `message:${i}`,
    t: m.t,
    source: m.fromLabel,
    level: lost ? 'WARN' : 'INFO',
    text: `→ ${m.toLabel} ${label}${lost}`,
  };
}

function changeEntry(c: StateChange, i: number): HistoryEntry {
  const by = c.cause.from ? `${c.cause.type} from ${c.cause.from}` : c.cause.type;
  return {
    kind: 'change',
    key: `change:${i}`,
    t: c.t,
    source: c.kind,
    level: 'INFO',
    text: `${c.subject}: ${c.from ?? 'new'} → ${c.to} (${by})`,
  };
}

/** The newest entries of `history` that pass the query (see HistoryQuery), and the counts. */
export function queryHistory(sim: Simulation, horizon: number, q: HistoryQuery): HistoryPage {
  const limit = Math.max(0, Math.min(MAX_HISTORY_LIMIT, Math.floor(q.limit)));
  const kinds = new Set(q.kinds);
  const levels = new Set(q.levels);
  const needle = q.query.trim().toLowerCase();
  const passes = (e: HistoryEntry): boolean =>
    kinds.has(e.kind) &&
    levels.has(e.level) &&
    (needle === '' ||
      e.text.toLowerCase().includes(needle) ||
      e.source.toLowerCase().includes(needle) ||
      e.level.toLowerCase().includes(needle));
  const r = sim.recorded();
  let matched = 0;
  let complete = true;
  const found: HistoryEntry[] = [];
  // Each source from its newest record back, keeping the newest `limit` that pass.
  const scan = <T>(items: Segments<T>, make: (item: T, i: number) => HistoryEntry, maybe: (item: T) => boolean) => {
    const stop = Math.max(0, items.length - MAX_SCANNED);
    if (stop > 0) complete = false;
    let kept = 0;
    for (let i = items.length - 1; i >= stop; i--) {
      const item = items.at(i);
      if (!maybe(item)) continue;
      const e = make(item, i);
      if (!passes(e)) continue;
      matched++;
      if (kept < limit) {
        found.push(e);
        kept++;
      }
    }
  };
  if (kinds.has('log')) scan(joined(r.logs, r.laterLogs), logEntry, (l) => levels.has(l.level));
  if (kinds.has('message') || kinds.has('chatter')) {
    const control = kinds.has('message');
    const chatter = kinds.has('chatter');
    const messages = joined(r.messages, r.laterMessages);
    // The asks by id, made once per query on the first reply met (within the records scanned).
    let asks: Map<number, string> | null = null;
    const answers = (askId: number): string | undefined => {
      if (asks === null) {
        asks = new Map();
        for (let i = Math.max(0, messages.length - MAX_SCANNED); i < messages.length; i++) {
          const m = messages.at(i);
          if (m.askId > 0) asks.set(m.askId, m.type);
        }
      }
      return asks.get(askId);
    };
    // The kind is read before the entry is made: a run's heartbeats are most of its messages.
    scan(
      messages,
      (m, i) => messageEntry(m, i, answers),
      (m) => (CHATTER.has(messageKind(m.type)) ? chatter : control),
    );
  }
  if (kinds.has('change')) scan(joined(r.changes, r.laterChanges), changeEntry, () => true);
  if (kinds.has('action')) {
    const actions = sim.scenario.actions;
    scan(
      joined(actions, []),
      (a, i) => ({
        kind: 'action',
        key: `action:${i}`,
        t: a.at,
        source: sim.recordedActions.has(a) ? 'You' : 'Scenario',
        level: 'INFO',
        text: actionLabel(a),
      }),
      // The timeline's actions beyond the recorded run are not history yet.
      (a) => a.at <= Math.max(horizon, sim.time),
    );
  }
  // Oldest first; at one instant, in the order each kind recorded them (the key's index).
  const order = (e: HistoryEntry) => Number(e.key.slice(e.key.indexOf(':') + 1));
  found.sort(
    (a, b) => a.t - b.t || HISTORY_KINDS.indexOf(a.kind) - HISTORY_KINDS.indexOf(b.kind) || order(a) - order(b),
  );
  return { entries: found.slice(Math.max(0, found.length - limit)), matched, complete, time: sim.time, horizon };
}

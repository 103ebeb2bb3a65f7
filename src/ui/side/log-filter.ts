// The event log's pure side: which kind of process wrote a line (for the source filter), what a
// line is about (clicking it selects that), the kinds of entry, and the source filter over the
// entries the engine found (the search itself runs over the whole recorded run in the engine).
import type { HistoryEntry, HistoryKind } from '../../engine/api';
import type { LogEntry, Selection } from '../../engine/public';

export type SourceKind = 'master' | 'worker' | 'driver' | 'executor' | 'client' | 'other';

export const SOURCE_KINDS: readonly { kind: SourceKind; label: string }[] = [
  { kind: 'master', label: 'Master' },
  { kind: 'worker', label: 'Worker' },
  { kind: 'driver', label: 'Driver' },
  { kind: 'executor', label: 'Executor' },
  { kind: 'client', label: 'Client' },
  { kind: 'other', label: 'Other' },
];

export const LOG_LEVELS: readonly LogEntry['level'][] = ['INFO', 'WARN', 'ERROR'];

/**
 * The process kind behind a log source. Sources are the engine's process labels: "Master@master",
 * "Worker@w1", "Executor app-…/1@w2", "SparkSubmit (driver)@client" (a client-mode driver),
 * "DriverWrapper driver-…@w1" (cluster mode), "spark-submit (ClientApp)@client", "Simulator",
 * "ZooKeeper@zk".
 */
export function sourceKind(source: string): SourceKind {
  if (source.startsWith('Master@')) return 'master';
  if (source.startsWith('Worker@')) return 'worker';
  if (source.startsWith('Executor ')) return 'executor';
  if (source.startsWith('SparkSubmit (driver)@') || source.startsWith('DriverWrapper ')) return 'driver';
  if (source.startsWith('spark-submit ')) return 'client';
  return 'other';
}

// Spark's id formats: app-yyyyMMddHHmmss-NNNN, driver-yyyyMMddHHmmss-NNNN,
// worker-yyyyMMddHHmmss-<host>-<port>. The counters are at least four digits, not at most.
const HOST = '[A-Za-z0-9][A-Za-z0-9.-]*';
const SUBJECT_PATTERNS: readonly { re: RegExp; make: (m: RegExpExecArray, text: string) => Selection }[] = [
  { re: /\bdriver-\d{14}-\d{4,}\b/, make: (m) => ({ kind: 'driver', id: m[0] }) },
  { re: /\bapp-\d{14}-\d{4,}\/\d+\b/, make: (m) => ({ kind: 'executor', id: m[0] }) },
  {
    re: /\bapp-\d{14}-\d{4,}\b(?!\/\d)/,
    // "executor 3 of app-…" and the like: the executor, not the whole application.
    make: (m, text) => {
      const exec = /\bexecutor:? (\d+)\b/i.exec(text);
      return exec ? { kind: 'executor', id: `${m[0]}/${exec[1]}` } : { kind: 'application', id: m[0] };
    },
  },
  { re: new RegExp(`\\bworker-\\d{14}-(${HOST})-\\d+\\b`), make: (m) => ({ kind: 'worker', id: m[1] ?? '' }) },
  // "Registering worker w3:53878 with 4 cores", "Starting Spark worker w1:49334".
  { re: new RegExp(`\\b[Ww]orker (${HOST}):\\d+\\b`), make: (m) => ({ kind: 'worker', id: m[1] ?? '' }) },
];

/** The first thing the text names (by position), if any. */
export function subjectInText(text: string): Selection | null {
  let best: { index: number; sel: Selection } | null = null;
  for (const p of SUBJECT_PATTERNS) {
    const m = p.re.exec(text);
    if (m && (best === null || m.index < best.index)) best = { index: m.index, sel: p.make(m, text) };
  }
  return best?.sel ?? null;
}

/** The process that wrote a line, as something selectable (its machine for daemons). */
export function subjectOfSource(source: string): Selection | null {
  const at = source.lastIndexOf('@');
  const host = at >= 0 ? source.slice(at + 1) : '';
  switch (sourceKind(source)) {
    case 'master':
      return { kind: 'master', id: host };
    case 'worker':
      return { kind: 'worker', id: host };
    case 'executor':
    case 'driver': {
      // Executors and cluster-mode drivers carry their id in the label.
      const named = subjectInText(source.slice(0, at >= 0 ? at : undefined));
      if (named) return named;
      // A client-mode driver's id is not in its label: its machine stands in for it.
      return host ? { kind: 'client', id: host } : null;
    }
    case 'client':
      return host ? { kind: 'client', id: host } : null;
    case 'other':
      return source.startsWith('ZooKeeper@') ? { kind: 'zookeeper', id: host } : null;
  }
}

/**
 * What clicking a log line selects: the first app, driver, executor or worker its text mentions,
 * else the process that wrote it; null for lines about nothing in particular ("Simulator").
 * Worker selections use the host (the canvas's node id), not Spark's worker id.
 */
export function logSubject(entry: Pick<LogEntry, 'source' | 'text'>): Selection | null {
  return subjectInText(entry.text) ?? subjectOfSource(entry.source);
}

export const ALL_LEVELS: ReadonlySet<LogEntry['level']> = new Set(LOG_LEVELS);
export const ALL_KINDS: ReadonlySet<SourceKind> = new Set(SOURCE_KINDS.map((k) => k.kind));

/** The kinds of entry the log holds, as its chips name them (the engine's HistoryKind). */
export const ENTRY_KINDS: readonly { kind: HistoryKind; label: string }[] = [
  { kind: 'log', label: 'Log lines' },
  { kind: 'message', label: 'Messages' },
  { kind: 'chatter', label: 'Heartbeats & tasks' },
  { kind: 'change', label: 'State changes' },
  { kind: 'action', label: 'Actions' },
];

/** Heartbeats and task messages are most of a run's messages: shown only when asked for. */
export const DEFAULT_ENTRY_KINDS: ReadonlySet<HistoryKind> = new Set(['log', 'message', 'change', 'action']);

/** Entries written by a process (log lines, messages): the source chips apply to them. */
const BY_PROCESS: ReadonlySet<HistoryKind> = new Set(['log', 'message', 'chatter']);

/**
 * The newest `limit` entries whose writer passes the source chips (state changes and actions are
 * no process's, and always pass), oldest first, and how many passed. The engine did the search,
 * kinds and levels (views/history.ts); this is the part it does not know the page's words for.
 */
export function filterBySource(
  entries: readonly HistoryEntry[],
  kinds: ReadonlySet<SourceKind>,
  limit: number,
): { lines: HistoryEntry[]; passed: number } {
  const all = kinds.size === ALL_KINDS.size;
  const kindOf = new Map<string, SourceKind>();
  const lines: HistoryEntry[] = [];
  let passed = 0;
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i] as HistoryEntry;
    if (!all && BY_PROCESS.has(e.kind)) {
      let k = kindOf.get(e.source);
      if (k === undefined) {
        k = sourceKind(e.source);
        kindOf.set(e.source, k);
      }
      if (!kinds.has(k)) continue;
    }
    passed += 1;
    if (lines.length < limit) lines.push(e);
  }
  lines.reverse();
  return { lines, passed };
}

/** An entry after the playhead: recorded before a seek back, shown greyed (it has not happened yet). */
export function isLater(entry: Pick<HistoryEntry, 't'>, time: number): boolean {
  return entry.t > time;
}

// One scenario, a real run against a simulated one (both as run-types.ts's RealRun): the checks
// of the conformance report. Ids differ between the runs in their dates, so applications are
// matched by name and submission order, drivers by submission order; where Spark itself draws
// randomness or iterates a hash set, a check compares what Spark guarantees instead of one
// outcome, and a difference the real run owes to something the simulator rightly leaves out is
// marked with its reason from DOCUMENTED_DIFFERENCES (shown in the report).
import { appIdFromName } from '../../src/engine/spark/ids';
import { javaFormat } from '../../src/engine/spark/java-format';
import { readSettings } from '../../src/engine/spark/settings';
import type { Scenario } from '../../src/engine/scenario/types';
import type { RealRun, RunSnapshot } from './run-types';

export interface Check {
  what: string;
  real: unknown;
  sim: unknown;
  passed: boolean;
  /** Set when the difference is explained: the reason, from DOCUMENTED_DIFFERENCES. */
  documented?: string;
}

export interface ScenarioComparison {
  name: string;
  checks: Check[];
  /** Every check passed or is a documented difference. */
  passed: boolean;
  diffs: { what: string; real: unknown; sim: unknown; documented?: string }[];
  /** The lab's notes on the real run (what it did differently from the scenario). */
  notes?: string[];
  /** The lab's measurements of the real run. */
  measurements?: { what: string; ms: number }[];
}

/** The race of a restarted Master's recovery with the Workers' registration retries (master-restart-filesystem). */
const RECOVERY_RACE =
  "A Worker whose Master is down retries its registration every 5 to 15 s (a random fuzz drawn by each Worker JVM). When a retry reaches the restarted Master in the instant after its election, the Master re-registers that Worker (RegisterWorker of a Worker in state UNKNOWN) with none of its executors, and what follows depends on which message comes next. If the Worker's report of what it runs (WorkerLatestState) comes before its answer to MasterChanged, the Master kills the executors it has not re-attached yet and launches replacements (one real run: eight executors, all KILLED at the end). If the application's acknowledgement completes the recovery first, schedule() sees too few cores granted and launches more executors before that Worker's answer re-attaches its own (another real run: replacements under the ids of executors not yet re-attached, and two Workers still showing a core in use after the application had ended). On the lab's real cluster the window is a few hundred ms wide and a retry fell in it in some runs and not in others; the simulator runs the same handlers with fixed delays, so it takes such a turn only when its timings line up (restarted at 17.6 s instead of 15 s, the recovery completes before the last Worker answers and the app ends with eight KILLED executors: conformance/scenarios.test.ts pins it). Which executors the app ends with then follows the Workers' random retry times, not Spark's logic; that the Master recovers the app and the Workers and the app finishes is compared by the other checks.";

/** The race of an ending application's executors stopping by themselves with the Master's kill. */
const STOP_RACE =
  "When an application ends, its driver tells its executors to stop (StopExecutor: \"Driver commanded a shutdown\") before it unregisters, and the Master then has the Workers kill what is left. An executor whose JVM has finished stopping before that kill arrives exits 0 and ends EXITED, the others KILLED: which wins follows how fast each JVM shuts down on the machine's loaded cores (the simulator's take 300 ms, and a kill 200 ms), not Spark's logic.";

/**
 * Why a real run may rightly differ from the simulated one: each is something of the real run's
 * that the simulator leaves out on purpose. A check that fails for one of these reasons is
 * reported with it, not as a divergence.
 */
export const DOCUMENTED_DIFFERENCES = {
  driverPlacement:
    "Spark's Master places waiting drivers on a Random.shuffle of the alive workers (spreadOutDrivers), drawn from the JVM's unseeded generator; the simulator draws its shuffle from the scenario's seed. When the two runs put a driver on different workers, everything that follows from the worker a fault hits (which driver is relaunched, which executors are lost) differs too. What Spark guarantees (the driver runs on a worker that had room for it, at most one per worker in one round while others have room) is checked instead.",
  zkLeaderRace:
    "With ZooKeeper recovery, Masters started together race for Curator's leader latch: the one whose latch znode ZooKeeper creates first (the lowest sequence number) leads, which follows which JVM connected first. The simulator's Masters connect in the scenario's order. When the two runs elected different first leaders, each Master's series of states is the other's; that one Master leads, and the other takes over once the leader's session expires, is compared by the other checks.",
  jvmSpeed:
    "Real JVMs start and warm up at the speed the machine gives them: on the lab's 2 shared cores an executor JVM took 4 to 30 s from launch to registering with its driver, and a Master 2 to 12 s to come up, depending on how many other JVMs were starting at the same moment; a freshly started JVM's first connections took about 300 ms each (TransportClientFactory's \"Successfully created connection ... after\"). The simulator takes one fixed figure per kind of start, the median of the lab's measurements (src/engine/spark/timings.ts), and does not model CPU contention or JIT warm-up. So what a scenario counts within a fixed window of a JVM's start (crashed executors, a Master's recovery seen between two polls) follows the real machine's load, not Spark's logic, which the other checks of the scenario compare.",
  recoveryRace: RECOVERY_RACE,
  stopRace: STOP_RACE,
  /** master-restart-filesystem's executors: either race may decide them in one run. */
  recoveryOrStopRace: `${RECOVERY_RACE} Or, at the app's end: ${STOP_RACE}`,
} as const;

/** How the checks read the runs, for the report. */
export const COMPARISON_RULES = [
  'Applications are matched by name and submission order, drivers by submission order: ids differ in their dates.',
  'A state that lasts less than one poll interval can fall between two polls of /json on one side and not the other, so the order of states is compared without states seen in one poll only (the first and last excepted).',
  "Spark iterates its workers in a HashSet (identity-hash order) and shuffles them for drivers, so which of two equal workers gets an executor is not Spark's to promise: cores, memory and executors per worker are compared as multisets over the workers, not per host.",
  'Failure detection is timed from the fault to the first poll at which the leading Master shows it; the tolerance of each is given with it.',
];

export type DocumentedReason = keyof typeof DOCUMENTED_DIFFERENCES;

// ------------------------------------------------------------------ reading the /json documents

type Json = Record<string, unknown>;

function obj(v: unknown): Json | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null;
}

function arr(v: unknown): Json[] {
  return Array.isArray(v) ? v.map(obj).filter((x): x is Json => x !== null) : [];
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : NaN;
}

/** The Master that leads: the first /json whose status is not STANDBY. */
function leader(masters: Record<string, unknown>): Json | null {
  const host = leaderHost(masters);
  return host === undefined ? null : obj(masters[host]);
}

function leaderHost(masters: Record<string, unknown>): string | undefined {
  return Object.keys(masters).find((h) => {
    const j = obj(masters[h]);
    return j !== null && j.status !== 'STANDBY';
  });
}

function docMasters(doc: Json): Record<string, unknown> {
  const list = Array.isArray(doc.masters) ? doc.masters : [doc.master];
  return Object.fromEntries(list.map((m, i) => [String(i), m]));
}

/** A worker's state as the Master sees it: ALIVE if any registration of the host is, else the last one's. */
function workerStates(master: Json | null): Map<string, string> {
  const byHost = new Map<string, string>();
  for (const w of arr(master?.workers)) {
    const host = str(w.host);
    const state = str(w.state);
    if (byHost.get(host) !== 'ALIVE') byHost.set(host, state);
  }
  return byHost;
}

/** Apps of a Master's /json keyed `name#k` (the k-th app of that name by start time), with their state. */
function masterApps(master: Json | null): Map<string, Json> {
  const apps = [...arr(master?.activeapps), ...arr(master?.completedapps)].sort(
    (a, b) => num(a.starttime) - num(b.starttime),
  );
  return keyByName(apps, (a) => str(a.name));
}

function keyByName<T>(items: readonly T[], name: (t: T) => string): Map<string, T> {
  const seen = new Map<string, number>();
  const out = new Map<string, T>();
  for (const it of items) {
    const n = name(it);
    const k = seen.get(n) ?? 0;
    seen.set(n, k + 1);
    out.set(`${n}#${k}`, it);
  }
  return out;
}

/** Drivers of a Master's /json in submission order (start time, then id). */
function masterDrivers(master: Json | null): Json[] {
  return [...arr(master?.activedrivers), ...arr(master?.completeddrivers)].sort(
    (a, b) => num(a.starttime) - num(b.starttime) || str(a.id).localeCompare(str(b.id)),
  );
}

// ------------------------------------------------------------------ checks

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function check(what: string, real: unknown, sim: unknown, passed = same(real, sim)): Check {
  return { what, real, sim, passed };
}

function countBy(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of [...values].sort()) out[v] = (out[v] ?? 0) + 1;
  return out;
}

/** The runner document's apps, ordered by the start time their Master reports, keyed `name#k`. */
function docApps(doc: Json): Map<string, Json> {
  const start = new Map<string, number>();
  for (const m of Object.values(docMasters(doc)))
    for (const a of [...arr(obj(m)?.activeapps), ...arr(obj(m)?.completedapps)]) start.set(str(a.id), num(a.starttime));
  const apps = arr(doc.apps)
    .map((a, i) => ({ a, i }))
    .sort((x, y) => (start.get(str(x.a.id)) ?? x.i) - (start.get(str(y.a.id)) ?? y.i) || x.i - y.i)
    .map((x) => x.a);
  return keyByName(apps, (a) => str(a.name));
}

function docDrivers(doc: Json): Json[] {
  const start = new Map<string, number>();
  for (const m of Object.values(docMasters(doc)))
    for (const d of masterDrivers(obj(m))) start.set(str(d.id), num(d.starttime));
  return arr(doc.drivers)
    .map((d, i) => ({ d, i }))
    .sort((x, y) => (start.get(str(x.d.id)) ?? x.i) - (start.get(str(y.d.id)) ?? y.i) || x.i - y.i)
    .map((x) => x.d);
}

function executorsOf(app: Json | undefined): Json[] {
  return app ? [...arr(app.executors), ...arr(app.removedExecutors)] : [];
}

/** The worker host each driver ran (or last ran) on, in submission order. */
function driverHosts(doc: Json): (string | null)[] {
  return docDrivers(doc).map((d) => (typeof d.worker === 'string' ? d.worker : null));
}

function finalStates(scenario: Scenario, real: Json, sim: Json, placementDiffers: boolean): Check[] {
  const checks: Check[] = [];
  const rApps = docApps(real);
  const sApps = docApps(sim);
  checks.push(check('applications (name × count)', countBy([...rApps.keys()]), countBy([...sApps.keys()])));
  for (const key of new Set([...rApps.keys(), ...sApps.keys()])) {
    const r = rApps.get(key);
    const s = sApps.get(key);
    checks.push(check(`app ${key}: final state`, r?.state ?? null, s?.state ?? null));
    checks.push(
      check(
        `app ${key}: executors' final states`,
        countBy(executorsOf(r).map((e) => str(e.state))),
        countBy(executorsOf(s).map((e) => str(e.state))),
      ),
    );
    // The lab reads an executor's cores from its driver's log, which a supervised driver's
    // relaunch overwrites: an executor whose cores the real run could not see is left out on both
    // sides (by executor id, which the Master gives in launch order on both).
    const unseen = new Set(
      executorsOf(r)
        .filter((e) => typeof e.cores !== 'number')
        .map((e) => e.id),
    );
    const seenCores = (app: Json | undefined) =>
      executorsOf(app)
        .filter((e) => !unseen.has(e.id))
        .map((e) => `${num(e.cores)} cores`);
    checks.push(check(`app ${key}: cores of its executors`, countBy(seenCores(r)), countBy(seenCores(s))));
  }
  const rDrivers = docDrivers(real);
  const sDrivers = docDrivers(sim);
  checks.push(check('drivers', rDrivers.length, sDrivers.length));
  for (let i = 0; i < Math.max(rDrivers.length, sDrivers.length); i++) {
    const r = rDrivers[i];
    const s = sDrivers[i];
    checks.push(check(`driver #${i}: final state`, r?.state ?? null, s?.state ?? null));
  }
  // The cluster at the end, as the leading Master reports it.
  const rm = obj(real.master);
  const sm = obj(sim.master);
  const rw = workerStates(rm);
  const sw = workerStates(sm);
  for (const w of new Set([...scenario.workers.map((x) => x.host), ...rw.keys(), ...sw.keys()]))
    checks.push(check(`worker ${w}: final state`, rw.get(w) ?? null, sw.get(w) ?? null));
  checks.push(check('master: final status', rm?.status ?? null, sm?.status ?? null));
  // Spark iterates its workers in a HashSet (identity hash order) and shuffles them for drivers, so
  // which of two equal workers gets an executor is not Spark's to promise: the usage is compared as
  // a multiset over the alive workers, not per host.
  const usage = (m: Json | null) =>
    countBy(
      arr(m?.workers)
        .filter((w) => w.state === 'ALIVE')
        .map((w) => `${num(w.coresused)} cores, ${num(w.memoryused)} MiB`),
    );
  checks.push(check('alive workers: cores and memory used at the end', usage(rm), usage(sm)));
  const perWorker = (doc: Json) =>
    countBy(
      Object.values(obj(doc.workers) ?? {})
        .map(obj)
        .filter((w): w is Json => w !== null)
        .map((w) => `${arr(w.executors).length} executors`),
    );
  checks.push(check('running workers: executors per worker at the end', perWorker(real), perWorker(sim)));
  return checks.map((c) =>
    !c.passed && placementDiffers && !c.what.startsWith('applications') && !c.what.startsWith('master')
      ? documented(c, 'driverPlacement')
      : c,
  );
}

/**
 * Marks the failing checks whose name matches one of `rules` with its reason: for a scenario where
 * a check is known to follow something the simulator leaves out (conformance/scenarios.ts).
 */
export function documentChecks(
  checks: readonly Check[],
  rules: readonly { check: RegExp; reason: DocumentedReason }[],
): Check[] {
  return checks.map((c) => {
    if (c.passed || c.documented !== undefined) return c;
    const rule = rules.find((r) => r.check.test(c.what));
    return rule ? documented(c, rule.reason) : c;
  });
}

function documented(c: Check, reason: DocumentedReason): Check {
  return { ...c, documented: DOCUMENTED_DIFFERENCES[reason] };
}

// ------------------------------------------------------------------ the timeline

/**
 * A run's polls on the scenario's clock (t − actionsAtMs), from the first poll at which the cluster
 * is up: a leading Master ALIVE and every initial Worker ALIVE with it. Before that the two sides
 * differ by design: the lab starts the scenario's clock only once the cluster is up, the simulator
 * at the Masters' start.
 */
export function alignedTimeline(scenario: Scenario, run: RealRun): RunSnapshot[] {
  const shift = run.actionsAtMs ?? 0;
  const polls = run.timeline.map((s) => ({ ...s, t: s.t - shift }));
  const up = polls.findIndex((snap) => {
    const m = leader(snap.masters);
    if (m === null || m.status !== 'ALIVE') return false;
    const states = workerStates(m);
    return scenario.workers.every((w) => states.get(w.host) === 'ALIVE');
  });
  return up < 0 ? polls : polls.slice(up);
}

/** Each subject's states in the order the leading Master showed them, poll by poll. */
function stateSeries(timeline: readonly RunSnapshot[]): Map<string, string[]> {
  const series = new Map<string, string[]>();
  const push = (subject: string, state: string) => {
    const s = series.get(subject) ?? [];
    s.push(state);
    series.set(subject, s);
  };
  for (const snap of timeline) {
    const m = leader(snap.masters);
    for (const [host, j] of Object.entries(snap.masters)) push(`master ${host}`, str(obj(j)?.status) || 'down');
    if (m === null) continue;
    for (const [host, state] of workerStates(m)) push(`worker ${host}`, state);
    for (const [key, app] of masterApps(m)) push(`app ${key}`, str(app.state));
    masterDrivers(m).forEach((d, i) => push(`driver #${i}`, str(d.state)));
  }
  return series;
}

/** Consecutive repeats collapsed; states seen in one poll only dropped (the first and last kept): see COMPARISON_RULES. */
function transitions(polls: readonly string[]): string[] {
  const runs: { state: string; n: number }[] = [];
  for (const s of polls) {
    const last = runs[runs.length - 1];
    if (last && last.state === s) last.n++;
    else runs.push({ state: s, n: 1 });
  }
  const kept = runs.filter((r, i) => r.n > 1 || i === runs.length - 1 || i === 0).map((r) => r.state);
  return kept.filter((s, i) => i === 0 || kept[i - 1] !== s);
}

function transitionChecks(scenario: Scenario, real: RealRun, sim: RealRun, placementDiffers: boolean): Check[] {
  const r = stateSeries(alignedTimeline(scenario, real));
  const s = stateSeries(alignedTimeline(scenario, sim));
  const checks: Check[] = [];
  for (const subject of new Set([...r.keys(), ...s.keys()])) {
    const rt = transitions(r.get(subject) ?? []);
    const st = transitions(s.get(subject) ?? []);
    let c = check(`${subject}: states seen by the Master`, rt.join(' → '), st.join(' → '));
    if (!c.passed && placementDiffers && !subject.startsWith('master ')) c = documented(c, 'driverPlacement');
    checks.push(c);
  }
  return checks;
}

// ------------------------------------------------------------------ failure detection

interface Detection {
  /** What the fault was, for the check's name. */
  what: string;
  at: number;
  /** The action's place in the scenario's list. */
  index: number;
  /** Whether a poll shows it; `before` is the last poll before the fault. */
  seen: (snap: RunSnapshot, before: RunSnapshot | undefined) => boolean;
  toleranceMs: number;
  why: string;
}

/**
 * The faults whose detection is timed, each with its tolerance. Both sides are sampled every
 * pollMs, so each sees a change up to one poll late: 2 × pollMs between them. On top of that:
 * - a killed Worker is noticed through its closed connection: the real kernel and Netty take a few
 *   ms, the JVM's exit up to a second more (1 s allowed);
 * - a silent Worker (powered off, cut off) is buried by CheckForWorkerTimeOut, which runs every
 *   spark.worker.timeout T and removes a worker whose last heartbeat (sent every T/4 from its
 *   registration) is older than T. The heartbeats' phase follows the Worker's registration
 *   instant, which the real JVMs' start-up moves, so the tick that buries it may be the next one:
 *   one whole T is allowed. (Spark's own bound is a delay in (3T/4, 2T].)
 * - a Master's failure is handled by ZooKeeper, which expires sessions on its 2 s tick, and by a
 *   restarted JVM's start-up: 5 s are allowed.
 * - with ZooKeeper, the dead leader's session expires its granted timeout (40 s) after the last
 *   packet it sent, which is its last ping when idle: a ZooKeeper client pings every readTimeout / 2
 *   (a third of the timeout, 13.3 s) from its session's start, an instant the real JVMs' start-up
 *   moves. So the standby leads 26.7 to 42 s after the kill, wherever the ping phase put the
 *   expiry: one ping interval and one tick are allowed on top of the polls.
 */
/** A ZooKeeper client's ping interval for the 40 s session the lab's server grants: 40 s × 2/3 / 2. */
const ZK_PING_INTERVAL_MS = 13_334;
/** zoo.cfg's tickTime in the lab (and zoo_sample.cfg's): sessions expire on its boundaries. */
const ZK_TICK_MS = 2000;

function detections(scenario: Scenario, pollMs: number): Detection[] {
  const T = readSettings(scenario.conf).workerTimeoutMs;
  const masters = new Set(scenario.masters.map((m) => m.host));
  const zooKeeper = scenario.conf['spark.deploy.recoveryMode'] === 'ZOOKEEPER';
  const workerDown = (host: string) => (snap: RunSnapshot) => {
    const m = leader(snap.masters);
    return m !== null && workerStates(m).get(host) !== 'ALIVE';
  };
  const out: Detection[] = [];
  const poll = 2 * pollMs;
  for (const [index, a] of scenario.actions.entries()) {
    if (a.type === 'kill-worker')
      out.push({
        what: `kill-worker ${a.target} at ${a.at} ms: until the Master marks it DEAD`,
        at: a.at,
        index,
        seen: workerDown(a.target),
        toleranceMs: poll + 1000,
        why: '2 polls + 1 s for the closed connection',
      });
    else if (a.type === 'power-off' && !masters.has(a.target))
      out.push({
        what: `power-off ${a.target} at ${a.at} ms: until the Master marks it DEAD`,
        at: a.at,
        index,
        seen: workerDown(a.target),
        toleranceMs: poll + T,
        why: '2 polls + one spark.worker.timeout (the heartbeat phase)',
      });
    else if (a.type === 'partition') {
      const [x, y] = a.between;
      const worker = masters.has(y) && !masters.has(x) ? x : masters.has(x) && !masters.has(y) && !a.oneWay ? y : null;
      if (worker !== null && scenario.workers.some((w) => w.host === worker))
        out.push({
          what: `partition ${x}${a.oneWay ? ' →' : ' ↔'} ${y} at ${a.at} ms: until the Master marks ${worker} DEAD`,
          at: a.at,
          index,
          seen: workerDown(worker),
          toleranceMs: poll + T,
          why: '2 polls + one spark.worker.timeout (the heartbeat phase)',
        });
    } else if (a.type === 'decommission-worker')
      out.push({
        what: `decommission-worker ${a.target} at ${a.at} ms: until the Master shows it DECOMMISSIONED`,
        at: a.at,
        index,
        seen: (snap) => workerStates(leader(snap.masters)).get(a.target) === 'DECOMMISSIONED',
        toleranceMs: poll + 1000,
        why: '2 polls + 1 s',
      });
    else if (a.type === 'kill-master' || (a.type === 'power-off' && masters.has(a.target))) {
      const target = a.target;
      out.push({
        what: `${a.type} ${target ?? '(the leader)'} at ${a.at} ms: until another Master is ALIVE`,
        at: a.at,
        index,
        seen: (snap, before) => {
          const gone = target ?? leaderHost(before?.masters ?? {});
          return Object.entries(snap.masters).some(([h, j]) => h !== gone && obj(j)?.status === 'ALIVE');
        },
        ...(zooKeeper
          ? {
              toleranceMs: poll + ZK_PING_INTERVAL_MS + ZK_TICK_MS,
              why: "2 polls + ZooKeeper's ping interval (13.3 s, the session's phase) + its 2 s tick",
            }
          : { toleranceMs: poll + 5000, why: "2 polls + 5 s (ZooKeeper's 2 s tick, Curator's latch)" }),
      });
    } else if (a.type === 'restart-master') {
      const target = a.target;
      out.push({
        what: `restart-master ${target ?? ''} at ${a.at} ms: until it is ALIVE`,
        at: a.at,
        index,
        seen: (snap) =>
          Object.entries(snap.masters).some(
            ([h, j]) => (target === undefined || h === target) && obj(j)?.status === 'ALIVE',
          ),
        toleranceMs: poll + 5000,
        why: "2 polls + 5 s (a JVM's start, the recovery)",
      });
    }
  }
  return out;
}

function delay(timeline: readonly RunSnapshot[], d: Detection, at: number): number | null {
  let before: RunSnapshot | undefined;
  for (const snap of timeline) {
    if (snap.t < at) {
      before = snap;
      continue;
    }
    if (d.seen(snap, before)) return snap.t - at;
  }
  return null;
}

/**
 * When a run applied the action, on the scenario's clock: the real lab records it (an action may
 * have waited for its gate, conformance/compare/fault-gates.ts); the simulator applies it at `at`.
 */
function appliedAt(run: RealRun, d: Detection): number {
  const a = run.actions?.[d.index];
  return a !== undefined && a.at === d.at ? a.t - (run.actionsAtMs ?? 0) : d.at;
}

function detectionChecks(scenario: Scenario, real: RealRun, sim: RealRun, pollMs: number): Check[] {
  return detections(scenario, pollMs).map((d) => {
    const r = delay(alignedTimeline(scenario, real), d, appliedAt(real, d));
    const s = delay(alignedTimeline(scenario, sim), d, appliedAt(sim, d));
    const passed = r !== null && s !== null ? Math.abs(r - s) <= d.toleranceMs : r === s;
    return check(`${d.what} (ms; within ${d.toleranceMs}: ${d.why})`, r, s, passed);
  });
}

// ------------------------------------------------------------------ ids

const DATE_MARK = '\uE000';
const HOST_MARK = '\uE001';

/**
 * A regex for the ids a pattern gives: the pattern formatted with marks for the date and the host
 * and 0 for the number, then the date as 14 digits, the host as itself, and every run of zeros
 * (the number, padded or not) as at least that many digits.
 */
export function idRegex(pattern: string, host?: string): RegExp {
  const args = host === undefined ? [DATE_MARK, 0] : [DATE_MARK, HOST_MARK, 0];
  const text = javaFormat(pattern, args);
  const escaped = text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  const body = escaped
    .replace(/0+/g, (z) => `\\d{${z.length},}`)
    .replaceAll(DATE_MARK, '\\d{14}')
    .replaceAll(HOST_MARK, (host ?? '').replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
  return new RegExp(`^${body}$`);
}

function idChecks(scenario: Scenario, real: Json, sim: Json): Check[] {
  const conf = readSettings(scenario.conf);
  const checks: Check[] = [];
  const shape = (doc: Json, kind: 'app' | 'driver') => {
    const items = kind === 'app' ? [...docApps(doc).values()] : docDrivers(doc);
    return items.every((it) =>
      kind === 'app' && conf.useAppNameAsAppId
        ? str(it.id) === appIdFromName(str(it.name))
        : idRegex(kind === 'app' ? conf.appIdPattern : conf.driverIdPattern).test(str(it.id)),
    );
  };
  const sample = (doc: Json, kind: 'app' | 'driver') =>
    (kind === 'app' ? [...docApps(doc).values()] : docDrivers(doc)).map((x) => str(x.id)).slice(0, 3);
  for (const kind of ['app', 'driver'] as const) {
    const rs = sample(real, kind);
    const ss = sample(sim, kind);
    const pattern =
      kind === 'app' && conf.useAppNameAsAppId
        ? 'the app name'
        : kind === 'app'
          ? conf.appIdPattern
          : conf.driverIdPattern;
    checks.push(check(`${kind} ids follow ${pattern}`, rs, ss, shape(real, kind) && shape(sim, kind)));
  }
  const workerIds = (doc: Json) => arr(obj(doc.master)?.workers).map((w) => ({ id: str(w.id), host: str(w.host) }));
  const okWorkers = (doc: Json) => workerIds(doc).every((w) => idRegex(conf.workerIdPattern, w.host).test(w.id));
  checks.push(
    check(
      `worker ids follow ${conf.workerIdPattern}`,
      workerIds(real)
        .map((w) => w.id)
        .slice(0, 3),
      workerIds(sim)
        .map((w) => w.id)
        .slice(0, 3),
      okWorkers(real) && okWorkers(sim),
    ),
  );
  return checks;
}

// ------------------------------------------------------------------ driver placement

/**
 * What Spark guarantees of driver placement: each placed driver is on a worker of the scenario,
 * and drivers submitted at one instant go to distinct workers while others have room (the
 * round-robin over the shuffled workers). Compared as the multiset of drivers per worker.
 */
function placementChecks(real: Json, sim: Json): Check[] {
  const per = (doc: Json) =>
    countBy(
      Object.values(countBy(driverHosts(doc).filter((h): h is string => h !== null))).map((n) => `${n} per worker`),
    );
  const rh = driverHosts(real);
  const sh = driverHosts(sim);
  if (rh.length === 0 && sh.length === 0) return [];
  return [check('drivers per worker (placement is a shuffle: the counts, not the hosts)', per(real), per(sim))];
}

/** True when some driver ran on a different worker in the two runs. */
function placementDiffers(real: Json, sim: Json): boolean {
  const r = driverHosts(real);
  const s = driverHosts(sim);
  return r.some((h, i) => h !== null && s[i] !== null && s[i] !== undefined && h !== s[i]);
}

// ------------------------------------------------------------------ the whole comparison

/** The first Master a run's polls show ALIVE, once its cluster is up (null when none). */
function firstLeader(scenario: Scenario, run: RealRun): string | null {
  for (const snap of alignedTimeline(scenario, run))
    for (const [host, j] of Object.entries(snap.masters)) if (obj(j)?.status === 'ALIVE') return host;
  return null;
}

export function compareRuns(scenario: Scenario, real: RealRun, sim: RealRun, opts: { pollMs: number }): Check[] {
  const r = obj(real.doc) ?? {};
  const s = obj(sim.doc) ?? {};
  const moved = placementDiffers(r, s);
  const zk = scenario.conf['spark.deploy.recoveryMode'] === 'ZOOKEEPER' && scenario.masters.length > 1;
  const rLead = zk ? firstLeader(scenario, real) : null;
  const sLead = zk ? firstLeader(scenario, sim) : null;
  const raced = rLead !== null && sLead !== null && rLead !== sLead;
  return [
    ...finalStates(scenario, r, s, moved),
    ...placementChecks(r, s),
    ...transitionChecks(scenario, real, sim, moved).map((c) =>
      raced && !c.passed && /^master \S+: states seen by the Master$/.test(c.what) ? documented(c, 'zkLeaderRace') : c,
    ),
    ...detectionChecks(scenario, real, sim, opts.pollMs),
    ...idChecks(scenario, r, s),
  ];
}

export function summarize(name: string, checks: Check[]): ScenarioComparison {
  return {
    name,
    checks,
    passed: checks.every((c) => c.passed || c.documented !== undefined),
    diffs: checks
      .filter((c) => !c.passed)
      .map((c) => ({ what: c.what, real: c.real, sim: c.sim, ...(c.documented ? { documented: c.documented } : {}) })),
  };
}

// The scenarios `npm run conformance` runs on real Spark and in the simulator: every library
// scenario of src/scenarios that real Spark 4.0 can run (the one that cannot is listed with its
// reason), with the lab's shorter timeouts, and the fault matrix of conformance/scenarios/*.json.
// The same document goes to both sides.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentedReason } from './compare/compare';

export interface ConformanceScenario {
  /** The file's base name: conformance/runs/<id>.real.json. */
  id: string;
  source: 'library' | 'matrix';
  /** The scenario document, as a file holds it. */
  doc: Record<string, unknown>;
  /** In the --quick subset. */
  quick: boolean;
  /** Both runs stop here (simulated and real ms); absent: when the simulated run is idle, plus a margin. */
  untilMs?: number;
  /** Checks of this scenario that follow something the simulator leaves out, with the reason. */
  documented?: readonly { check: RegExp; reason: DocumentedReason }[];
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LIBRARY_DIR = join(ROOT, 'src', 'scenarios');
const MATRIX_DIR = join(ROOT, 'conformance', 'scenarios');

/**
 * Spark's timeouts, shortened so that real runs take seconds, not minutes: CheckForWorkerTimeOut
 * every 10 s instead of 60 s (and heartbeats every 2.5 s). A scenario that sets a key keeps its value.
 */
export const LAB_CONF: Readonly<Record<string, string>> = { 'spark.worker.timeout': '10' };

/** Library scenarios real Spark 4.0 cannot run, and why. */
export const EXCLUDED: Readonly<Record<string, string>> = {
  'drivers-nested-loop':
    "It shows how Spark 1.4 to 1.6 placed waiting drivers (sparkVersion 1.6.0, the old schedule()'s nested loops); the lab runs Spark 4.0, whose placement drivers-round-robin compares.",
  'executor-launch-failure':
    'Its fault, executors that fail to launch, is one the lab cannot cause: a real Worker reports FAILED without RUNNING only when it cannot create the executor\'s folders, which no application can make happen (docs/conformance-lab.md, "Workload"). The real run would only show a healthy app.',
};

/**
 * Library scenarios whose workload or fault times are cut for the lab (the fault still lands while
 * the job runs): the comparison holds for any workload, and a real run of minutes buys nothing.
 */
const LIBRARY_CUTS: Readonly<Record<string, (doc: Record<string, unknown>) => void>> = {
  // Its point is the relaunch of a supervised driver whose worker died, but Spark places the
  // driver on a Random.shuffle of the workers (DOCUMENTED_DIFFERENCES.driverPlacement): killed
  // w3 held the driver in the simulated run and not in a real one. Placed first-fit in worker-id
  // order instead (spreadOutDrivers=false, and an idPattern that puts the host first), the driver
  // runs on w1 on both sides, and the kill goes there.
  'driver-supervised-relaunch': (doc) => {
    doc.conf = {
      ...(doc.conf as Record<string, string>),
      'spark.deploy.spreadOutDrivers': 'false',
      'spark.worker.idPattern': 'worker-%2$s-%3$d-%1$s',
    };
    const kill = actions(doc).find((a) => a.type === 'kill-worker');
    if (kill) kill.target = 'w1';
  },
  // Two drivers one after the other: Spark's shuffle puts the second on any worker with room, so
  // the drivers-per-worker counts were one real run's draw (both on w1) against the simulator's
  // (one each). First-fit in worker-id order places both on w1 on both sides.
  'max-drivers': (doc) => {
    doc.conf = {
      ...(doc.conf as Record<string, string>),
      'spark.deploy.spreadOutDrivers': 'false',
      'spark.worker.idPattern': 'worker-%2$s-%3$d-%1$s',
    };
  },
  'network-partition-heal': (doc) => {
    setWorkload(doc, 0, { tasks: 300, taskMs: 2000 });
    setAt(doc, 2, 60_000);
  },
  'app-waiting-for-memory': (doc) => {
    setAt(doc, 1, 20_000);
  },
  'master-failover-zookeeper': (doc) => {
    setWorkload(doc, 0, { tasks: 200, taskMs: 2000 });
  },
};

/** The --quick subset: the healthy path, a killed worker, a powered-off one, a partition and heal. */
const QUICK = new Set([
  'client-mode',
  'kill-worker-driver-supervised',
  'power-off-executors-only',
  'partition-heal-executors-only',
]);

/** Runs with no natural end (a crash loop): both sides stop here. */
const UNTIL_MS: Readonly<Record<string, number>> = {
  'executor-crash-loop': 40_000,
  // A powered-off driver never closes its connection: its application stays registered (as in
  // Spark, until its executors give up on it), so the run has no natural end.
  'power-off-driver-supervised': 60_000,
  'power-off-driver-unsupervised': 60_000,
  sandbox: 15_000,
};

/**
 * Checks that count or time what happens within a fixed window of a JVM's start, so that on the
 * real side they follow the lab machine's load (DOCUMENTED_DIFFERENCES.jvmSpeed):
 * - executor-crash-loop: each executor crashes 3 s after it registers, so how many crash by 40 s
 *   depends on how long each executor JVM takes to start (16 to 22 s in the real run, six starting
 *   at once; 13.4 s, the lab's median, in the simulator). That they are relaunched without end,
 *   the app staying RUNNING with six executors, is compared by the other checks.
 * - master-restart-filesystem: the restarted Master's JVM starts while the application's six
 *   executor JVMs do (12 s in the real run against the median 2.4 s), and its recovery waits on
 *   its first connections to the workers and the application (about 1 s in the real run, a few
 *   ms in the simulator), which decides whether RECOVERING and UNKNOWN last long enough to be
 *   seen between two polls. That it recovers the app and the workers and the app finishes is
 *   compared by the other checks. Its executors, and the cores left in use on the workers at
 *   the end, follow the race of the Workers' registration retries with the Master's recovery
 *   (DOCUMENTED_DIFFERENCES.recoveryRace); its executors' final states that race, or the one of
 *   executors stopping by themselves at the app's end with the Master's kill (stopRace), which
 *   under load left one EXITED in a run that recovered cleanly.
 * - power-off-driver-supervised and -unsupervised: the executors that start after the driver's
 *   machine lost power give up on it 3 × spark.rpc.askTimeout (10 s, set by ClientApp) after their
 *   JVM is up, and the Master replaces each; how many of those have exited by 60 s follows how long
 *   each JVM took to start (the replacement for the lost executor started alone in about a second
 *   in the real run, against the median 13.4 s). That they exit with code 1 and are replaced is
 *   compared by the other checks (the app's executors on the surviving workers at the end).
 */
const DOCUMENTED: Readonly<Record<string, readonly { check: RegExp; reason: DocumentedReason }[]>> = {
  'executor-crash-loop': [
    { check: /^app Spark Pi#0: executors' final states$/, reason: 'jvmSpeed' },
    { check: /^app Spark Pi#0: cores of its executors$/, reason: 'jvmSpeed' },
  ],
  'power-off-driver-supervised': [{ check: /^app Spark Pi#0: executors' final states$/, reason: 'jvmSpeed' }],
  'power-off-driver-unsupervised': [{ check: /^app Spark Pi#0: executors' final states$/, reason: 'jvmSpeed' }],
  'master-restart-filesystem': [
    { check: /^restart-master .*until it is ALIVE/, reason: 'jvmSpeed' },
    { check: /: states seen by the Master$/, reason: 'jvmSpeed' },
    { check: /^app Spark Pi#0: executors' final states$/, reason: 'recoveryOrStopRace' },
    { check: /^app Spark Pi#0: cores of its executors$/, reason: 'recoveryRace' },
    { check: /^alive workers: cores and memory used at the end$/, reason: 'recoveryRace' },
  ],
};

function actions(doc: Record<string, unknown>): Record<string, unknown>[] {
  return Array.isArray(doc.actions) ? (doc.actions as Record<string, unknown>[]) : [];
}

function setWorkload(doc: Record<string, unknown>, i: number, workload: { tasks: number; taskMs: number }): void {
  const a = actions(doc)[i];
  if (a) a.workload = workload;
}

function setAt(doc: Record<string, unknown>, i: number, at: number): void {
  const a = actions(doc)[i];
  if (a) a.at = at;
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/** A library scenario as the lab runs it: LAB_CONF under its own conf, and its cuts. */
export function labVariant(id: string, doc: Record<string, unknown>): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
  copy.conf = { ...LAB_CONF, ...(copy.conf as Record<string, string> | undefined) };
  LIBRARY_CUTS[id]?.(copy);
  return copy;
}

function entry(id: string, source: ConformanceScenario['source'], doc: Record<string, unknown>): ConformanceScenario {
  const until = UNTIL_MS[id];
  const documented = DOCUMENTED[id];
  return {
    id,
    source,
    doc,
    quick: QUICK.has(id),
    ...(until !== undefined ? { untilMs: until } : {}),
    ...(documented !== undefined ? { documented } : {}),
  };
}

/** Every scenario of the conformance run, library first, each once. */
export function conformanceScenarios(): ConformanceScenario[] {
  const library = jsonFiles(LIBRARY_DIR)
    .map((f) => basename(f, '.json'))
    .filter((id) => !(id in EXCLUDED))
    .map((id) => entry(id, 'library', labVariant(id, readJson(join(LIBRARY_DIR, `${id}.json`)))));
  const matrix = jsonFiles(MATRIX_DIR).map((f) => {
    const id = basename(f, '.json');
    return entry(id, 'matrix', readJson(join(MATRIX_DIR, f)));
  });
  return [...library, ...matrix];
}

/** The excluded library scenarios with their names, for the report. */
export function excludedScenarios(): { name: string; reason: string }[] {
  return Object.entries(EXCLUDED).map(([id, reason]) => ({ name: id, reason }));
}

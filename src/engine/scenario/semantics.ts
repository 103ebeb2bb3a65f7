// Checks that need the whole scenario, run after the schema accepted every field: hosts are unique,
// standby masters have ZooKeeper, and every action names something that exists when it happens
// (a worker added by an earlier add-worker counts). Paths point into the document as written,
// before actions are sorted, so a person can find the line.
import type { PathSegment } from './issues';
import { didYouMean, issue } from './issues';
import type { Action, Scenario, ScenarioIssue } from './types';
import { CLIENT_HOST } from './types';

export interface SemanticReport {
  errors: ScenarioIssue[];
  warnings: ScenarioIssue[];
}

/** Spark itself only reads `spark.*` keys from spark-defaults.conf and --conf. */
export function isSparkKey(key: string): boolean {
  return key.startsWith('spark.');
}

/** Actions in the order they happen: by `at`, ties in document order (the sort is stable). */
export function timelineOrder(actions: readonly Action[]): number[] {
  return actions.map((_, i) => i).sort((a, b) => (actions[a]?.at ?? 0) - (actions[b]?.at ?? 0));
}

function list(names: Iterable<string>): string {
  const all = [...names];
  return all.length === 0 ? 'none' : all.join(', ');
}

export function checkScenario(s: Scenario): SemanticReport {
  const errors: ScenarioIssue[] = [];
  const warnings: ScenarioIssue[] = [];
  const err = (path: PathSegment[], message: string) => errors.push(issue(path, message));

  // ---- hosts ------------------------------------------------------------------------------------
  const masterHosts = new Map<string, number>();
  s.masters.forEach((m, i) => {
    const first = masterHosts.get(m.host);
    if (m.host === CLIENT_HOST) err(['masters', i, 'host'], `"${CLIENT_HOST}" is the machine spark-submit runs on; give the master another host name.`);
    else if (first !== undefined) err(['masters', i, 'host'], `"${m.host}" is already the host of masters[${first}]; every master needs its own host.`);
    else masterHosts.set(m.host, i);
  });

  /** Every worker host and when it joins (0 for the initial workers). */
  const workerHostsEver = new Map<string, number>();
  const workersNow = new Set<string>();

  /** Problem with a new worker's host, or undefined if it is free. */
  const hostTaken = (host: string, when: string): string | undefined => {
    if (host === CLIENT_HOST) return `"${CLIENT_HOST}" is the machine spark-submit runs on; give the worker another host name.`;
    const master = masterHosts.get(host);
    if (master !== undefined) return `"${host}" is the host of masters[${master}]; a worker needs a host of its own.`;
    if (workersNow.has(host)) return `"${host}" is already a worker${when}; every worker needs its own host.`;
    return undefined;
  };

  s.workers.forEach((w, i) => {
    const problem = hostTaken(w.host, '');
    if (problem !== undefined) err(['workers', i, 'host'], problem);
    else {
      workersNow.add(w.host);
      workerHostsEver.set(w.host, 0);
    }
  });
  for (const a of s.actions) if (a.type === 'add-worker' && !workerHostsEver.has(a.host)) workerHostsEver.set(a.host, a.at);

  // ---- standby masters need ZooKeeper -------------------------------------------------------------
  const recoveryMode = s.conf['spark.deploy.recoveryMode'] ?? 'NONE';
  if (s.masters.length > 1 && recoveryMode !== 'ZOOKEEPER') {
    const caseHint = recoveryMode.toUpperCase() === 'ZOOKEEPER' ? ' (Spark compares it case-sensitively: write it in capitals)' : '';
    err(
      ['masters'],
      `${s.masters.length} masters are listed, but standby masters need ZooKeeper: set conf "spark.deploy.recoveryMode" to "ZOOKEEPER" (it is "${recoveryMode}")${caseHint}, or list one master.`,
    );
  }

  // ---- conf ---------------------------------------------------------------------------------------
  for (const key of Object.keys(s.conf)) {
    if (!isSparkKey(key)) warnings.push(issue(['conf', key], `Ignoring non-Spark config property: ${key} (Spark only reads keys that start with "spark.").`));
  }

  // ---- the timeline -------------------------------------------------------------------------------
  const anyHost = new Set<string>([...masterHosts.keys(), ...workerHostsEver.keys(), CLIENT_HOST]);

  const checkWorkerTarget = (i: number, a: Action & { target: string }) => {
    if (workersNow.has(a.target)) return;
    if (a.type === 'power-off' && masterHosts.has(a.target)) return;
    const later = workerHostsEver.get(a.target);
    const what = a.type === 'power-off' ? 'a worker or master host' : 'a worker';
    const detail =
      later !== undefined && later >= a.at
        ? ` yet at ${a.at} ms (add-worker adds it at ${later} ms).`
        : ` at ${a.at} ms. Workers then: ${list(workersNow)}.${didYouMean(a.target, [...workersNow])}`;
    err(['actions', i, 'target'], `"${a.target}" is not ${what}${detail}`);
  };

  const checkPair = (i: number, between: [string, string]) => {
    between.forEach((h, k) => {
      if (!anyHost.has(h)) {
        err(['actions', i, 'between', k], `"${h}" is not a host of this scenario (hosts: ${list(anyHost)}).${didYouMean(h, [...anyHost])}`);
      }
    });
    if (between[0] === between[1]) err(['actions', i, 'between'], `A partition needs two different hosts; got "${between[0]}" twice.`);
  };

  for (const i of timelineOrder(s.actions)) {
    const a = s.actions[i];
    if (a === undefined) continue;
    switch (a.type) {
      case 'add-worker': {
        const problem = hostTaken(a.host, ` at ${a.at} ms (restart-worker starts a stopped worker again)`);
        if (problem !== undefined) err(['actions', i, 'host'], problem);
        else workersNow.add(a.host);
        break;
      }
      case 'kill-worker':
      case 'power-off':
      case 'restart-worker':
      case 'decommission-worker':
        checkWorkerTarget(i, a);
        break;
      case 'partition':
        checkPair(i, a.between);
        break;
      case 'heal':
        if (a.between) checkPair(i, a.between);
        break;
      case 'kill-master':
      case 'restart-master':
        if (a.target !== undefined && !masterHosts.has(a.target)) {
          err(['actions', i, 'target'], `"${a.target}" is not a master host (masters: ${list(masterHosts.keys())}).${didYouMean(a.target, [...masterHosts.keys()])}`);
        }
        break;
      case 'set-conf':
        if (!isSparkKey(a.key)) warnings.push(issue(['actions', i, 'key'], `Ignoring non-Spark config property: ${a.key} (Spark only reads keys that start with "spark.").`));
        break;
      default:
        break;
    }
  }
  return { errors, warnings };
}

// Checks that need the whole scenario, run after the schema accepted every field: hosts are unique,
// standby masters have ZooKeeper, every action names something that exists when it happens (a
// worker added by an earlier add-worker counts), and every spark-submit line passes Spark's own
// validation with the spark-defaults.conf of its moment (set-conf changes it). Paths point into
// the document as written, before actions are sorted, so a person can find the line.
import type { PathSegment } from './issues';
import { didYouMean, issue } from './issues';
import { checkSubmitCommand } from './spark-checks';
import { zooKeeperServers } from '../spark/settings';
import type { Action, Scenario, ScenarioIssue } from './types';
import { CLIENT_HOST, NETWORK_CONF_KEYS } from './types';

export interface SemanticReport {
  errors: ScenarioIssue[];
  warnings: ScenarioIssue[];
}

/** Spark itself only reads `spark.*` keys from spark-defaults.conf and --conf. */
export function isSparkKey(key: string): boolean {
  return key.startsWith('spark.');
}

function isNetworkKey(key: string): boolean {
  return (NETWORK_CONF_KEYS as readonly string[]).includes(key);
}

/** Whether a set-conf action does anything (others are reported and dropped). */
export function isKnownSetConfKey(key: string): boolean {
  return isSparkKey(key) || isNetworkKey(key);
}

/** Actions in the order they happen: by `at`, ties in document order (the sort is stable). */
export function timelineOrder(actions: readonly Action[]): number[] {
  return actions.map((_, i) => i).sort((a, b) => (actions[a]?.at ?? 0) - (actions[b]?.at ?? 0));
}

function list(names: Iterable<string>): string {
  const all = [...names];
  return all.length === 0 ? 'none' : all.join(', ');
}

/** Where problems are collected while checking. */
interface Report extends SemanticReport {
  err(path: PathSegment[], message: string): void;
  warn(path: PathSegment[], message: string): void;
}

/** The hosts of a scenario, as the timeline walk needs them. */
interface Hosts {
  /** Master host → index in `masters`. */
  masters: Map<string, number>;
  /** Worker hosts at the current point of the walk. */
  workersNow: Set<string>;
  /** Every worker host ever, and when it joins (0 for the initial workers). */
  workersEver: Map<string, number>;
  /** Every host a partition may name. */
  any: Set<string>;
}

function ignoredKeyMessage(key: string, extra = ''): string {
  return `Ignoring non-Spark config property: ${key} (Spark only reads keys that start with "spark."${extra}).`;
}

/** Problem with a new worker's host, or undefined if it is free. */
function hostTaken(hosts: Hosts, host: string, when: string): string | undefined {
  if (host === CLIENT_HOST)
    return `"${CLIENT_HOST}" is the machine spark-submit runs on; give the worker another host name.`;
  const master = hosts.masters.get(host);
  if (master !== undefined) return `"${host}" is the host of masters[${master}]; a worker needs a host of its own.`;
  if (hosts.workersNow.has(host)) return `"${host}" is already a worker${when}; every worker needs its own host.`;
  return undefined;
}

function checkHosts(s: Scenario, r: Report): Hosts {
  const masters = new Map<string, number>();
  s.masters.forEach((m, i) => {
    const first = masters.get(m.host);
    if (m.host === CLIENT_HOST)
      r.err(
        ['masters', i, 'host'],
        `"${CLIENT_HOST}" is the machine spark-submit runs on; give the master another host name.`,
      );
    else if (first !== undefined)
      r.err(
        ['masters', i, 'host'],
        `"${m.host}" is already the host of masters[${first}]; every master needs its own host.`,
      );
    else masters.set(m.host, i);
  });
  const hosts: Hosts = { masters, workersNow: new Set(), workersEver: new Map(), any: new Set() };
  s.workers.forEach((w, i) => {
    const problem = hostTaken(hosts, w.host, '');
    if (problem !== undefined) r.err(['workers', i, 'host'], problem);
    else {
      hosts.workersNow.add(w.host);
      hosts.workersEver.set(w.host, 0);
    }
  });
  for (const a of s.actions)
    if (a.type === 'add-worker' && !hosts.workersEver.has(a.host)) hosts.workersEver.set(a.host, a.at);
  hosts.any = new Set([...masters.keys(), ...hosts.workersEver.keys(), CLIENT_HOST]);
  // With ZooKeeper recovery the simulation also runs the ZooKeeper server: a partition may cut a
  // Master off from it.
  if (s.conf['spark.deploy.recoveryMode'] === 'ZOOKEEPER') hosts.any.add(zooKeeperHost(s));
  return hosts;
}

function zooKeeperHost(s: Scenario): string {
  return zooKeeperServers(s.conf['spark.deploy.zookeeper.url'])[0]?.host ?? 'zookeeper';
}

/** What the simulation makes of spark.deploy.zookeeper.url, where it differs from Spark. */
function checkZooKeeperUrl(s: Scenario, r: Report): void {
  if (s.conf['spark.deploy.recoveryMode'] !== 'ZOOKEEPER') return;
  const url = s.conf['spark.deploy.zookeeper.url'];
  if (url === undefined || url.trim() === '') {
    r.warn(
      ['conf'],
      `spark.deploy.zookeeper.url is not set: Spark's Master would not start without it (SparkCuratorUtil reads it with conf.get). The simulation runs ZooKeeper on the host "${zooKeeperHost(s)}", port 2181.`,
    );
    return;
  }
  const servers = zooKeeperServers(url);
  if (servers.length > 1) {
    r.warn(
      ['conf', 'spark.deploy.zookeeper.url'],
      `The simulation runs one ZooKeeper server, the first of the list: ${servers[0]?.host ?? ''}:${servers[0]?.port ?? 2181}.`,
    );
  }
}

/** More than one master means standby masters, which only ZooKeeper's leader election supports. */
function checkStandbyMasters(s: Scenario, r: Report): void {
  const recoveryMode = s.conf['spark.deploy.recoveryMode'] ?? 'NONE';
  if (s.masters.length <= 1 || recoveryMode === 'ZOOKEEPER') return;
  // Master.scala matches the mode with `case "ZOOKEEPER"`: other spellings fall back to NONE.
  const caseHint =
    recoveryMode.toUpperCase() === 'ZOOKEEPER' ? ' (Spark compares it case-sensitively: write it in capitals)' : '';
  r.err(
    ['masters'],
    `${s.masters.length} masters are listed, but standby masters need ZooKeeper: set conf "spark.deploy.recoveryMode" to "ZOOKEEPER" (it is "${recoveryMode}")${caseHint}, or list one master.`,
  );
}

function checkWorkerTarget(hosts: Hosts, r: Report, i: number, a: Action & { target: string }): void {
  if (hosts.workersNow.has(a.target)) return;
  if (a.type === 'power-off' && hosts.masters.has(a.target)) return;
  const later = hosts.workersEver.get(a.target);
  const what = a.type === 'power-off' ? 'a worker or master host' : 'a worker';
  const detail =
    later !== undefined && later >= a.at
      ? ` yet at ${a.at} ms (add-worker adds it at ${later} ms).`
      : ` at ${a.at} ms. Workers then: ${list(hosts.workersNow)}.${didYouMean(a.target, [...hosts.workersNow])}`;
  r.err(['actions', i, 'target'], `"${a.target}" is not ${what}${detail}`);
}

function checkPair(hosts: Hosts, r: Report, i: number, between: [string, string]): void {
  between.forEach((h, k) => {
    if (!hosts.any.has(h))
      r.err(
        ['actions', i, 'between', k],
        `"${h}" is not a host of this scenario (hosts: ${list(hosts.any)}).${didYouMean(h, [...hosts.any])}`,
      );
  });
  if (between[0] === between[1])
    r.err(['actions', i, 'between'], `A partition needs two different hosts; got "${between[0]}" twice.`);
}

function checkSubmit(
  hosts: Hosts,
  r: Report,
  i: number,
  command: string,
  conf: Readonly<Record<string, string>>,
): void {
  const check = checkSubmitCommand(command, conf);
  if (check.error !== undefined) r.err(['actions', i, 'command'], check.error);
  for (const w of check.warnings) r.warn(['actions', i, 'command'], `spark-submit warns: ${w}`);
  const masters = [...hosts.masters.keys()];
  for (const h of new Set(check.masterHosts)) {
    if (hosts.masters.has(h)) continue;
    // Not an error: a submission to a wrong host is something the simulation can show failing.
    r.warn(
      ['actions', i, 'command'],
      `spark-submit will contact the master on "${h}", which is not a master of this scenario (masters: ${list(masters)}), so the submission will fail.${didYouMean(h, masters)}`,
    );
  }
}

/** Walks the actions in the order they happen, tracking the workers and the conf of each moment. */
function checkTimeline(s: Scenario, hosts: Hosts, r: Report): void {
  /** spark-defaults.conf as it stands at each moment: what spark-submit reads. */
  const conf: Record<string, string> = Object.fromEntries(Object.entries(s.conf).filter(([key]) => isSparkKey(key)));
  for (const i of timelineOrder(s.actions)) {
    const a = s.actions[i];
    if (a === undefined) continue;
    switch (a.type) {
      case 'add-worker': {
        const problem = hostTaken(hosts, a.host, ` at ${a.at} ms (restart-worker starts a stopped worker again)`);
        if (problem !== undefined) r.err(['actions', i, 'host'], problem);
        else hosts.workersNow.add(a.host);
        break;
      }
      case 'kill-worker':
      case 'power-off':
      case 'restart-worker':
      case 'decommission-worker':
        checkWorkerTarget(hosts, r, i, a);
        break;
      case 'remove-worker':
        checkWorkerTarget(hosts, r, i, a);
        // The machine leaves the cluster: its host name may be used by a later add-worker.
        hosts.workersNow.delete(a.target);
        break;
      case 'partition':
        checkPair(hosts, r, i, a.between);
        break;
      case 'heal':
        if (a.between) checkPair(hosts, r, i, a.between);
        break;
      case 'kill-master':
      case 'restart-master': {
        const masters = [...hosts.masters.keys()];
        if (a.target !== undefined && !hosts.masters.has(a.target)) {
          r.err(
            ['actions', i, 'target'],
            `"${a.target}" is not a master host (masters: ${list(masters)}).${didYouMean(a.target, masters)}`,
          );
        }
        break;
      }
      case 'set-conf':
        if (isSparkKey(a.key)) conf[a.key] = a.value;
        else if (!isNetworkKey(a.key))
          r.warn(
            ['actions', i, 'key'],
            ignoredKeyMessage(a.key, `; the network keys are ${NETWORK_CONF_KEYS.join(' and ')}`),
          );
        else if (!/^[0-9]+$/.test(a.value)) {
          r.err(
            ['actions', i, 'value'],
            `Expected ${a.key} as a whole number of ms, at least 0, in a string such as "20"; got ${JSON.stringify(a.value)}.`,
          );
        }
        break;
      case 'submit':
        checkSubmit(hosts, r, i, a.command, conf);
        break;
      default:
        break;
    }
  }
}

export function checkScenario(s: Scenario): SemanticReport {
  const errors: ScenarioIssue[] = [];
  const warnings: ScenarioIssue[] = [];
  const r: Report = {
    errors,
    warnings,
    err: (path, message) => errors.push(issue(path, message)),
    warn: (path, message) => warnings.push(issue(path, message)),
  };
  const hosts = checkHosts(s, r);
  checkStandbyMasters(s, r);
  checkZooKeeperUrl(s, r);
  for (const key of Object.keys(s.conf)) if (!isSparkKey(key)) r.warn(['conf', key], ignoredKeyMessage(key));
  checkTimeline(s, hosts, r);
  return { errors, warnings };
}

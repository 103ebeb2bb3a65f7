// Checks that need the whole scenario, run after the schema accepted every field: hosts are unique
// (ignoring case, as DNS does), there are no more workers than LIMITS allows, standby masters have
// ZooKeeper, every action names something that exists when it happens (a worker added by an
// earlier add-worker counts), the conf and every set-conf hold values the daemons can start with
// (validateSettings, with the conf of that moment), and every spark-submit line passes Spark's own
// validation with the spark-defaults.conf of its moment. Paths point into the document as
// written, before actions are sorted, so a person can find the line.
import type { PathSegment } from './issues';
import { didYouMean, issue, show } from './issues';
import { LIMITS } from './limits';
import { checkScenarioSubmit } from './spark-checks';
import { confErrors, confWarnings, setConfErrors, setConfWarnings } from './conf-checks';
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

/**
 * The hosts of a scenario, as the timeline walk needs them. Host names are not case-sensitive
 * (DNS), so the maps are keyed by the lower-case name and hold the name as written: "w1" and
 * "W1" are one machine. The engine itself keys hosts by the exact string, so an action must spell
 * a host as the scenario does.
 */
interface Hosts {
  /** Master host (lower case) → index in `masters`. */
  masters: Map<string, number>;
  /** Worker hosts at the current point of the walk (lower case → as written). */
  workersNow: Map<string, string>;
  /** Every worker host ever (lower case), as written and when it joins (0 for the initial workers). */
  workersEver: Map<string, { host: string; at: number }>;
  /** Every host a partition may name, as written. */
  any: Set<string>;
}

export function ignoredKeyMessage(key: string, extra = ''): string {
  return `Ignoring non-Spark config property: ${key} (Spark only reads keys that start with "spark."${extra}).`;
}

/** ', written "w1": host names are not case-sensitive, …' when two spellings differ only in case. */
function caseNote(host: string, other: string): string {
  return host === other ? '' : `, written "${other}": host names are not case-sensitive, so both name one machine`;
}

/** Problem with a new worker's host, or undefined if it is free. */
function hostTaken(s: Scenario, hosts: Hosts, host: string, at = '', hint = ''): string | undefined {
  const key = host.toLowerCase();
  if (key === CLIENT_HOST) return `"${host}" is the machine spark-submit runs on; give the worker another host name.`;
  const master = hosts.masters.get(key);
  if (master !== undefined)
    return `"${host}" is the host of masters[${master}]${caseNote(host, s.masters[master]?.host ?? host)}; a worker needs a host of its own.`;
  const worker = hosts.workersNow.get(key);
  if (worker !== undefined)
    return `"${host}" is already a worker${at}${caseNote(host, worker)}${hint}; every worker needs its own host.`;
  return undefined;
}

function checkHosts(s: Scenario, r: Report): Hosts {
  const masters = new Map<string, number>();
  s.masters.forEach((m, i) => {
    const key = m.host.toLowerCase();
    const first = masters.get(key);
    if (key === CLIENT_HOST)
      r.err(
        ['masters', i, 'host'],
        `"${m.host}" is the machine spark-submit runs on; give the master another host name.`,
      );
    else if (first !== undefined)
      r.err(
        ['masters', i, 'host'],
        `"${m.host}" is already the host of masters[${first}]${caseNote(m.host, s.masters[first]?.host ?? m.host)}; every master needs its own host.`,
      );
    else masters.set(key, i);
  });
  const hosts: Hosts = { masters, workersNow: new Map(), workersEver: new Map(), any: new Set() };
  s.workers.forEach((w, i) => {
    const problem = hostTaken(s, hosts, w.host);
    if (problem !== undefined) r.err(['workers', i, 'host'], problem);
    else {
      hosts.workersNow.set(w.host.toLowerCase(), w.host);
      hosts.workersEver.set(w.host.toLowerCase(), { host: w.host, at: 0 });
    }
  });
  for (const a of s.actions)
    if (a.type === 'add-worker' && !hosts.workersEver.has(a.host.toLowerCase()))
      hosts.workersEver.set(a.host.toLowerCase(), { host: a.host, at: a.at });
  const everyWorker = [...hosts.workersEver.values()].map((w) => w.host);
  hosts.any = new Set([...s.masters.map((m) => m.host), ...everyWorker, CLIENT_HOST]);
  // With ZooKeeper recovery the simulation also runs the ZooKeeper server: a partition may cut a
  // Master off from it.
  if (s.conf['spark.deploy.recoveryMode'] === 'ZOOKEEPER') hosts.any.add(zooKeeperHost(s));
  return hosts;
}

/** Every machine counts once: the initial workers plus every distinct add-worker host. */
function checkWorkerCount(s: Scenario, hosts: Hosts, r: Report): void {
  const total = hosts.workersEver.size;
  if (total <= LIMITS.workers) return;
  const added = total - s.workers.length;
  r.err(
    ['actions'],
    `This scenario has ${total} workers (${s.workers.length} listed in "workers" and ${added} more added by add-worker); the playground simulates at most ${LIMITS.workers}.`,
  );
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

function checkWorkerTarget(s: Scenario, hosts: Hosts, r: Report, i: number, a: Action & { target: string }): void {
  const key = a.target.toLowerCase();
  const now = hosts.workersNow.get(key);
  if (now === a.target) return;
  const master = hosts.masters.get(key);
  if (a.type === 'power-off' && master !== undefined && s.masters[master]?.host === a.target) return;
  const what = a.type === 'power-off' ? 'a worker or master host' : 'a worker';
  const spelled = now ?? (a.type === 'power-off' && master !== undefined ? s.masters[master]?.host : undefined);
  if (spelled !== undefined) {
    r.err(
      ['actions', i, 'target'],
      `"${a.target}" is not ${what} at ${a.at} ms as written: the scenario spells the host "${spelled}". Host names are not case-sensitive, but the simulation matches them as written. Did you mean "${spelled}"?`,
    );
    return;
  }
  const later = hosts.workersEver.get(key);
  const detail =
    later !== undefined && later.host === a.target && later.at >= a.at
      ? ` yet at ${a.at} ms (add-worker adds it at ${later.at} ms).`
      : ` at ${a.at} ms. Workers then: ${list(hosts.workersNow.values())}.${didYouMean(a.target, [...hosts.workersNow.values()])}`;
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
  s: Scenario,
  r: Report,
  i: number,
  a: Action & { type: 'submit' },
  conf: Readonly<Record<string, string>>,
): void {
  const check = checkScenarioSubmit(a.command, conf);
  if (check.error !== undefined) r.err(['actions', i, 'command'], check.error + fromDefaults(a.command, conf));
  for (const w of check.warnings) r.warn(['actions', i, 'command'], `spark-submit warns: ${w}`);
  // The engine addresses a master by its host exactly as written.
  const masters = s.masters.map((m) => m.host);
  for (const h of new Set(check.masterHosts)) {
    if (masters.includes(h)) continue;
    // Not an error: a submission to a wrong host is something the simulation can show failing.
    r.warn(
      ['actions', i, 'command'],
      `spark-submit will contact the master on "${h}", which is not a master of this scenario (masters: ${list(masters)}), so the submission will fail.${didYouMean(h, masters)}`,
    );
  }
  if (a.workload === undefined && check.sparkPiSlices !== undefined && check.sparkPiSlices > LIMITS.tasks) {
    r.err(
      ['actions', i, 'command'],
      `SparkPi's argument asks for ${check.sparkPiSlices} slices, and the simulation runs one task per slice; the playground runs at most ${LIMITS.tasks} tasks per submit (every task is simulated). Give a smaller number, or a "workload" with at most ${LIMITS.tasks} tasks.`,
    );
  }
}

/**
 * When a submit line fails only because of a value in spark-defaults.conf (the scenario's conf or
 * an earlier set-conf), Spark's message names no key: say which ones.
 */
function fromDefaults(command: string, conf: Readonly<Record<string, string>>): string {
  if (checkScenarioSubmit(command, {}).error !== undefined) return '';
  const culprits = Object.keys(conf).filter((key) => {
    const without = { ...conf };
    delete without[key];
    return checkScenarioSubmit(command, without).error === undefined;
  });
  if (culprits.length === 0) return '';
  const values = culprits.map((k) => `${k}=${JSON.stringify(conf[k])}`).join(', ');
  return ` (spark-submit read ${values} from spark-defaults.conf: the scenario's conf and the set-conf actions before this one.)`;
}

/** Every invalid value in the scenario's spark-defaults.conf, and the misleading ones. */
function checkConf(conf: Readonly<Record<string, string>>, r: Report): void {
  for (const p of confErrors(conf)) r.err(['conf', p.key], p.message);
  for (const p of confWarnings(conf)) r.warn(['conf', p.key], p.message);
}

/** A set-conf value, checked against the conf as it stands at that moment. */
function checkSetConf(conf: Readonly<Record<string, string>>, key: string, r: Report, i: number): void {
  for (const message of setConfErrors(conf, key)) r.err(['actions', i, 'value'], message);
  for (const message of setConfWarnings(conf, key)) r.warn(['actions', i, 'value'], message);
}

/** Walks the actions in the order they happen, tracking the workers and the conf of each moment. */
function checkTimeline(s: Scenario, hosts: Hosts, r: Report): void {
  /** spark-defaults.conf as it stands at each moment: what spark-submit reads. */
  const conf: Record<string, string> = Object.fromEntries(Object.entries(s.conf).filter(([key]) => isSparkKey(key)));
  checkConf(conf, r);
  for (const i of timelineOrder(s.actions)) {
    const a = s.actions[i];
    if (a === undefined) continue;
    switch (a.type) {
      case 'add-worker': {
        const problem = hostTaken(
          s,
          hosts,
          a.host,
          ` at ${a.at} ms`,
          ' (restart-worker starts a stopped worker again)',
        );
        if (problem !== undefined) r.err(['actions', i, 'host'], problem);
        else hosts.workersNow.set(a.host.toLowerCase(), a.host);
        break;
      }
      case 'kill-worker':
      case 'power-off':
      case 'restart-worker':
      case 'decommission-worker':
        checkWorkerTarget(s, hosts, r, i, a);
        break;
      case 'remove-worker':
        checkWorkerTarget(s, hosts, r, i, a);
        // The machine leaves the cluster: its host name may be used by a later add-worker.
        if (hosts.workersNow.get(a.target.toLowerCase()) === a.target) hosts.workersNow.delete(a.target.toLowerCase());
        break;
      case 'partition':
        checkPair(hosts, r, i, a.between);
        break;
      case 'heal':
        if (a.between) checkPair(hosts, r, i, a.between);
        break;
      case 'kill-master':
      case 'restart-master': {
        const masters = s.masters.map((m) => m.host);
        if (a.target !== undefined && !masters.includes(a.target)) {
          r.err(
            ['actions', i, 'target'],
            `"${a.target}" is not a master host (masters: ${list(masters)}).${didYouMean(a.target, masters)}`,
          );
        }
        break;
      }
      case 'set-conf':
        if (isSparkKey(a.key)) {
          conf[a.key] = a.value;
          checkSetConf(conf, a.key, r, i);
        } else if (!isNetworkKey(a.key))
          r.warn(
            ['actions', i, 'key'],
            ignoredKeyMessage(a.key, `; the network keys are ${NETWORK_CONF_KEYS.join(' and ')}`),
          );
        else if (!/^[0-9]+$/.test(a.value) || Number(a.value) > LIMITS.simulatedMs) {
          r.err(
            ['actions', i, 'value'],
            `Expected ${a.key} as a whole number of ms from 0 to ${LIMITS.simulatedMs} (7 simulated days, the playground's limit), in a string such as "20"; got ${show(a.value)}.`,
          );
        }
        break;
      case 'submit':
        checkSubmit(s, r, i, a, conf);
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
  checkWorkerCount(s, hosts, r);
  checkStandbyMasters(s, r);
  checkZooKeeperUrl(s, r);
  for (const key of Object.keys(s.conf)) if (!isSparkKey(key)) r.warn(['conf', key], ignoredKeyMessage(key));
  checkTimeline(s, hosts, r);
  return { errors, warnings };
}

// Builds a scenario document from a real Master's GET /json (JsonProtocol.writeMasterState): its masters and ALIVE workers, with notes for what cannot carry over.
import {
  CLIENT_HOST,
  DEFAULT_MASTER_HOST,
  DEFAULT_MASTER_PORT,
  SCENARIO_FORMAT_VERSION,
  jsonErrorMessage,
  shellQuote,
} from '../engine/public';

export type MasterJsonImport = { ok: true; scenario: unknown; notes: string[] } | { ok: false; error: string };

/** The scenario document this module writes (restoreScenario fills the rest). */
interface ImportedScenario {
  version: typeof SCENARIO_FORMAT_VERSION;
  name: string;
  description: string;
  conf: Record<string, string>;
  masters: { host: string; port: number }[];
  workers: { host: string; cores: number; memory: string }[];
  actions: [];
}

type Json = Record<string, unknown>;

// The scenario schema's host rule (schema.ts): dot-separated labels of letters, digits and inner hyphens.
const HOST_NAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** Placeholders in the spark-submit hints: what /json does not say. */
const JAR = '<application-jar>';
const MAIN_CLASS = '<main-class>';

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** A value as a note shows it: strings quoted and cut short. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (isObject(value)) return 'an object';
  return String(value);
}

/** MiB as a SPARK_WORKER_MEMORY string: whole GiB as "16g", anything else as "1536m". */
export function mibToMemoryString(mib: number): string {
  return mib % 1024 === 0 ? `${mib / 1024}g` : `${mib}m`;
}

/**
 * Host names the scenario can use: each valid for the schema and unique, case aside (masters and
 * workers may not share a machine in a scenario, "client" is the spark-submit machine, and DNS
 * ignores case).
 */
class HostNames {
  /** Lower-cased name → who has it, for the note. */
  private readonly taken = new Map<string, string>([[CLIENT_HOST, 'the spark-submit machine of every scenario']]);

  /** `raw` itself when it is valid and free; otherwise a close, free name and why it changed. */
  claim(raw: string, fallback: string, who: string): { host: string; why?: string } {
    const valid = HOST_NAME.test(raw) ? raw : undefined;
    const base = valid ?? sanitizeHost(raw) ?? fallback;
    let why = valid === undefined ? 'is not a host name the scenario accepts' : undefined;
    let host = base;
    for (let n = 2; this.taken.has(host.toLowerCase()); n++) {
      // Several daemons on one machine (SPARK_WORKER_INSTANCES, a worker beside the master): the
      // simulation gives each a machine of its own.
      why ??= `is already ${this.taken.get(host.toLowerCase()) ?? 'taken'}`;
      host = withSuffix(base, n, fallback);
    }
    this.taken.set(host.toLowerCase(), who);
    return why === undefined ? { host } : { host, why };
  }
}

/** `w1.example.com` → `w1-2.example.com`: the suffix goes on the first label, which stays ≤ 63 characters. */
function withSuffix(base: string, n: number, fallback: string): string {
  const tail = `-${n}`;
  const [first = '', ...rest] = base.split('.');
  const candidate = [`${first.slice(0, 63 - tail.length)}${tail}`, ...rest].join('.');
  return HOST_NAME.test(candidate) ? candidate : `${fallback}${tail}`;
}

/** A best-effort valid host name from something else ("my_host" → "my-host"), or undefined. */
function sanitizeHost(raw: string): string | undefined {
  // An IPv6 literal has no host-name form: the caller's fallback name reads better than its digits.
  if (raw.includes(':')) return undefined;
  const labels = raw
    .split('.')
    .map((label) =>
      label
        .replace(/[^A-Za-z0-9-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 63)
        .replace(/-+$/, ''),
    )
    .filter((label) => label !== '');
  const host = labels.join('.');
  return HOST_NAME.test(host) ? host : undefined;
}

/** `spark://h1:7077,h2:7078` → [{h1, 7077}, {h2, 7078}]; each entry raw, checked by the caller. */
function parseMasterUrl(url: string): { host: string; port: string | undefined }[] {
  const rest = url.trim().replace(/^spark:\/\//i, '');
  return rest
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      // An IPv6 literal keeps its colons inside the brackets.
      const m = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(part);
      return { host: m?.[1] ?? part, port: m?.[2] };
    });
}

function readMasters(
  state: Json,
  hosts: HostNames,
  notes: string[],
): { masters: ImportedScenario['masters']; url: string } {
  const url = state.url;
  if (url === undefined) {
    notes.push(
      `The JSON has no "url", so the master is assumed to be spark://${DEFAULT_MASTER_HOST}:${DEFAULT_MASTER_PORT}.`,
    );
    hosts.claim(DEFAULT_MASTER_HOST, DEFAULT_MASTER_HOST, 'the host of a master');
    return {
      masters: [{ host: DEFAULT_MASTER_HOST, port: DEFAULT_MASTER_PORT }],
      url: `spark://${DEFAULT_MASTER_HOST}:${DEFAULT_MASTER_PORT}`,
    };
  }
  const entries = typeof url === 'string' ? parseMasterUrl(url) : [];
  if (typeof url !== 'string' || !/^spark:\/\//i.test(url.trim()) || entries.length === 0) {
    notes.push(
      `"url" should be the master's spark://host:port; got ${show(url)}, so the master is assumed to be spark://${DEFAULT_MASTER_HOST}:${DEFAULT_MASTER_PORT}.`,
    );
    hosts.claim(DEFAULT_MASTER_HOST, DEFAULT_MASTER_HOST, 'the host of a master');
    return {
      masters: [{ host: DEFAULT_MASTER_HOST, port: DEFAULT_MASTER_PORT }],
      url: `spark://${DEFAULT_MASTER_HOST}:${DEFAULT_MASTER_PORT}`,
    };
  }
  const masters = entries.map((entry, i) => {
    const fallback = entries.length === 1 ? DEFAULT_MASTER_HOST : `master-${i + 1}`;
    const claimed = hosts.claim(entry.host, fallback, 'the host of a master');
    if (claimed.why !== undefined)
      notes.push(`Master host ${show(entry.host)} ${claimed.why}; it is "${claimed.host}" in the scenario.`);
    const port = entry.port === undefined ? NaN : Number(entry.port);
    const valid = /^[0-9]+$/.test(entry.port ?? '') && port >= 1 && port <= 65535;
    if (!valid)
      notes.push(
        `Master port ${show(entry.port ?? '')} of ${show(entry.host)} is not a port number; ${DEFAULT_MASTER_PORT} is used.`,
      );
    return { host: claimed.host, port: valid ? port : DEFAULT_MASTER_PORT };
  });
  return { masters, url: url.trim() };
}

function readWorkers(state: Json, hosts: HostNames, notes: string[]): ImportedScenario['workers'] | { error: string } {
  const list = state.workers;
  if (list === undefined) {
    notes.push('The JSON has no "workers" list, so the cluster starts without workers.');
    return [];
  }
  if (!Array.isArray(list)) return { error: `"workers" should be a list of workers; got ${show(list)}.` };
  const workers: ImportedScenario['workers'] = [];
  const skipped: Record<string, string[]> = {};
  list.forEach((w: unknown, i) => {
    const where = `workers[${i}]`;
    if (!isObject(w)) {
      notes.push(`${where} is ${show(w)}, not a worker object; skipped.`);
      return;
    }
    const label = typeof w.host === 'string' && w.host !== '' ? `${where} (${w.host})` : where;
    const state = w.state;
    if (state !== 'ALIVE') {
      // DEAD and DECOMMISSIONED entries stay in the Master's list until culled; UNKNOWN ones have
      // not re-registered after a master recovery. None of them offers cores now.
      const key = typeof state === 'string' ? state : `state ${show(state)}`;
      (skipped[key] ??= []).push(typeof w.host === 'string' ? w.host : where);
      return;
    }
    if (typeof w.host !== 'string' || w.host.trim() === '') {
      notes.push(`${where} has no "host" (got ${show(w.host)}); skipped.`);
      return;
    }
    if (!isWholeNumber(w.cores) || w.cores < 1) {
      notes.push(`${label}: "cores" should be a whole number of at least 1; got ${show(w.cores)}; skipped.`);
      return;
    }
    if (!isWholeNumber(w.memory) || w.memory < 1) {
      notes.push(`${label}: "memory" should be a whole number of MiB of at least 1; got ${show(w.memory)}; skipped.`);
      return;
    }
    const raw = w.host.trim();
    const claimed = hosts.claim(raw, `worker-${i + 1}`, 'the host of a worker');
    if (claimed.why !== undefined)
      notes.push(
        `Worker host ${show(raw)} ${claimed.why}; it is "${claimed.host}" in the scenario, where every daemon has a machine of its own.`,
      );
    if (isObject(w.resources) && Object.keys(w.resources).length > 0) {
      notes.push(
        `${label} offers custom resources (${Object.keys(w.resources).join(', ')}); the simulation does not model them.`,
      );
    }
    workers.push({ host: claimed.host, cores: w.cores, memory: mibToMemoryString(w.memory) });
  });
  for (const [state, names] of Object.entries(skipped)) {
    notes.push(
      `Skipped ${names.length === 1 ? 'a worker' : `${names.length} workers`} in ${state} (only ALIVE workers offer resources): ${names.join(', ')}.`,
    );
  }
  return workers;
}

/** A spark-submit line that would ask for something like an application the Master listed. */
function appHint(app: Json, masterUrl: string): string {
  const words = ['spark-submit', '--master', shellQuote(masterUrl)];
  if (typeof app.name === 'string' && app.name !== '') words.push('--name', shellQuote(app.name));
  if (isWholeNumber(app.memoryperexecutor) && app.memoryperexecutor > 0)
    words.push('--executor-memory', mibToMemoryString(app.memoryperexecutor));
  if (isWholeNumber(app.cores) && app.cores > 0) words.push('--total-executor-cores', String(app.cores));
  words.push('--class', MAIN_CLASS, JAR);
  return words.join(' ');
}

function driverHint(driver: Json, masterUrl: string): string {
  const words = ['spark-submit', '--master', shellQuote(masterUrl), '--deploy-mode', 'cluster'];
  if (isWholeNumber(driver.cores) && driver.cores > 0) words.push('--driver-cores', String(driver.cores));
  if (isWholeNumber(driver.memory) && driver.memory > 0)
    words.push('--driver-memory', mibToMemoryString(driver.memory));
  const mainClass =
    typeof driver.mainclass === 'string' && driver.mainclass !== '' ? shellQuote(driver.mainclass) : MAIN_CLASS;
  words.push('--class', mainClass, JAR);
  return words.join(' ');
}

function describeList(state: Json, key: string, notes: string[], each: (item: Json) => string): void {
  const list = state[key];
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    notes.push(`"${key}" should be a list; got ${show(list)}; ignored.`);
    return;
  }
  for (const item of list) if (isObject(item)) notes.push(each(item));
}

function countOf(state: Json, key: string): number {
  const list = state[key];
  return Array.isArray(list) ? list.length : 0;
}

function readApps(state: Json, masterUrl: string, notes: string[]): void {
  describeList(state, 'activeapps', notes, (app) => {
    const id = typeof app.id === 'string' ? app.id : 'An application';
    const what = [
      typeof app.name === 'string' ? JSON.stringify(app.name) : undefined,
      typeof app.state === 'string' ? app.state : undefined,
      isWholeNumber(app.cores) ? `holding ${app.cores} cores` : undefined,
    ]
      .filter((x) => x !== undefined)
      .join(', ');
    return `${id}${what === '' ? '' : ` (${what})`} is not carried over: the scenario starts with an idle cluster. To run something like it, add a submit action such as: ${appHint(app, masterUrl)}`;
  });
  describeList(state, 'activedrivers', notes, (driver) => {
    const id = typeof driver.id === 'string' ? driver.id : 'A driver';
    const what = typeof driver.state === 'string' ? ` (${driver.state})` : '';
    return `${id}${what} is not carried over (its application, if registered, is listed above). A cluster-mode submission like it: ${driverHint(driver, masterUrl)}`;
  });
  const completed = countOf(state, 'completedapps') + countOf(state, 'completeddrivers');
  if (completed > 0)
    notes.push(
      `${completed} completed application${completed === 1 ? '' : 's'} and driver${completed === 1 ? '' : 's'} are history and are not carried over.`,
    );
}

/** Why a JSON object is not a Master's /json, when it clearly is something else. */
function notMasterState(state: Json): string | undefined {
  if ('masterurl' in state || 'executors' in state || 'finishedexecutors' in state) {
    return "This looks like a Worker's /json (port 8081). Paste the Master's instead: http://<master-host>:8080/json.";
  }
  if ('version' in state && !('url' in state)) {
    return 'This looks like a scenario file, not a Master\'s /json. Use "Open a scenario file" for it.';
  }
  if (!('url' in state) && !('workers' in state)) {
    return 'This JSON is not a Master\'s /json: it has neither "url" nor "workers". Open http://<master-host>:8080/json and copy all of it.';
  }
  return undefined;
}

function build(text: string): MasterJsonImport {
  if (text.trim() === '')
    return { ok: false, error: "Nothing to read: paste the JSON of the Master's http://<master-host>:8080/json." };
  let state: unknown;
  try {
    state = JSON.parse(text) as unknown;
  } catch (e) {
    return { ok: false, error: `This is not valid JSON: ${jsonErrorMessage(text, e)}` };
  }
  if (!isObject(state))
    return {
      ok: false,
      error: `Expected the Master's /json, a JSON object with "url" and "workers"; got ${show(state)}.`,
    };
  const other = notMasterState(state);
  if (other !== undefined) return { ok: false, error: other };

  const notes: string[] = [];
  const hosts = new HostNames();
  const { masters, url } = readMasters(state, hosts, notes);
  const workers = readWorkers(state, hosts, notes);
  if ('error' in workers) return { ok: false, error: workers.error };

  if (state.status !== undefined && state.status !== 'ALIVE') {
    notes.push(
      state.status === 'STANDBY'
        ? "This Master is a STANDBY: the leading Master lists the workers and applications. Paste the leader's /json for the whole cluster."
        : `This Master was in state ${show(state.status)} (recovering), so its lists may be incomplete.`,
    );
  }
  const conf: Record<string, string> = {};
  if (masters.length > 1) {
    // More than one master is only a valid scenario with ZooKeeper's leader election.
    conf['spark.deploy.recoveryMode'] = 'ZOOKEEPER';
    notes.push(
      `Several masters (${masters.map((m) => m.host).join(', ')}) mean standby masters, so spark.deploy.recoveryMode is set to ZOOKEEPER. /json does not say where ZooKeeper runs: set spark.deploy.zookeeper.url (the simulation otherwise runs it on the host "zookeeper").`,
    );
  }
  notes.push(
    "The cluster's spark-defaults.conf is not part of /json: the scenario uses Spark's defaults. Add the settings you rely on (spark.deploy.spreadOut, spark.worker.timeout…) to its conf.",
  );
  readApps(state, url, notes);

  const scenario: ImportedScenario = {
    version: SCENARIO_FORMAT_VERSION,
    name: `Imported from ${url}`,
    description: `A cluster read from the Master's /json at ${url}: ${masters.length === 1 ? 'one master' : `${masters.length} masters`} and ${workers.length === 1 ? 'one ALIVE worker' : `${workers.length} ALIVE workers`}, with nothing running yet.`,
    conf,
    masters,
    workers,
    actions: [],
  };
  return { ok: true, scenario, notes };
}

/**
 * Reads the text of a Master's GET /json and returns a scenario document (format version 1) with
 * that cluster's masters and ALIVE workers and no actions, plus notes on what did not carry over
 * (running applications become spark-submit hints, never invented actions). Never throws.
 */
export function scenarioFromMasterJson(text: string): MasterJsonImport {
  try {
    return build(typeof text === 'string' ? text : String(text));
  } catch (e) {
    // Defensive only: every input path above is checked, but a paste must never break the page.
    return { ok: false, error: `The JSON could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}
